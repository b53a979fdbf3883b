"""Currencies as English text writes them: the one source for every rule that tells an amount or a price from a name.

Facts come from libraries, not from lists in the code:

- the currencies in use today and their ISO 4217 codes: the Unicode CLDR territory data through babel
  (``get_territory_currencies`` over pycountry's ISO 3166 territories);
- their English symbols ("$", "US$", "€", "₹", "Rs", "Ksh", "TSh") and names, singular and plural ("Indian
  rupees", "Russian roubles", "Bangladeshi taka"): CLDR through babel, over the English locales named in
  ``_LOCALES``;
- the state that issues a national currency: ISO 4217 gives a national currency the ISO 3166 numeric code of its
  state (PKR 586 = Pakistan 586, BDT 050 = Bangladesh); a currency union's code (EUR 978, XOF 952) matches no state;
- abbreviations the press uses that CLDR lacks ("Tk" for the taka in Bangladesh's English press, "Sh" for the
  Kenyan shilling): ``nlp/data/currency_abbreviations.tsv``, with the code each stands for.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pycountry
from babel import Locale
from babel.numbers import get_territory_currencies

_DATA = Path(__file__).resolve().parent / "data"
# English locales whose CLDR symbols and names news in English uses: the base, the world English ("en_001", the
# British forms "roubles", "taka"), and the locales of the presses the development set reads most
_LOCALES = ("en", "en_001", "en_GB", "en_IN", "en_PK", "en_KE", "en_NG", "en_ZA", "en_AU", "en_CA", "en_SG", "en_PH")
# scale words written after an amount ("$2 million", "Rs 949 crore"; "bn" and "m" as the press abbreviates them)
SCALE_WORDS = ("million", "billion", "thousand", "trillion", "crore", "lakh", "bn", "m")


@cache
def codes() -> frozenset[str]:
    """ISO 4217 codes of the currencies some territory uses today (CLDR), upper-case ("USD", "PKR", "XOF")."""
    out: set[str] = set()
    for country in pycountry.countries:
        out.update(get_territory_currencies(country.alpha_2))
    return frozenset(out)


@cache
def _abbreviations() -> dict[str, str]:
    """Press abbreviation -> ISO 4217 code, from ``nlp/data/currency_abbreviations.tsv``."""
    out: dict[str, str] = {}
    for line in (_DATA / "currency_abbreviations.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sign, code = line.split("\t")[:2]
            out[sign.strip()] = code.strip()
    return out


@cache
def _sign_codes() -> dict[str, frozenset[str]]:
    """Sign -> the codes it stands for: CLDR English symbols other than the code itself, and press abbreviations.
    "$" stands for many dollars, "Rs" for several rupees, "₹" for the Indian rupee only."""
    out: dict[str, set[str]] = {}
    live = codes()
    for name in _LOCALES:
        for code, symbol in Locale.parse(name).currency_symbols.items():
            if code in live and symbol != code:
                out.setdefault(symbol, set()).add(code)
    for sign, code in _abbreviations().items():
        out.setdefault(sign, set()).add(code)
    return {sign: frozenset(found) for sign, found in out.items()}


@cache
def _name_codes() -> dict[str, frozenset[str]]:
    """Lower-case English currency name, singular and plural, whole ("indian rupees") and its last word ("rupees")
    -> the codes it stands for."""
    out: dict[str, set[str]] = {}
    live = codes()
    for name in _LOCALES:
        data = Locale.parse(name)._data
        singular = data["currency_names"]
        plural = data["currency_names_plural"]
        for code in live:
            forms = {singular.get(code)} | set(dict(plural.get(code, {})).values())
            for form in filter(None, forms):
                words = form.casefold().split()
                for key in (" ".join(words), words[-1]):
                    if re.fullmatch(r"[^\W\d_]+(?:[ '\u2019-][^\W\d_]+)*", key):
                        out.setdefault(key, set()).add(code)
    return {name: frozenset(found) for name, found in out.items()}


def signs() -> frozenset[str]:
    """Every currency sign and abbreviation known ("$", "US$", "€", "₹", "Rs", "Ksh", "Tk", "Sh")."""
    return frozenset(_sign_codes())


def is_currency_word(text: str) -> bool:
    """True for a token that names a currency: an ISO 4217 code ("PKR", exact case), a sign or press abbreviation
    with or without its full stop ("Rs.", "Tk", "US$"), or a lower-case currency name ("rupees", "taka", "dollars";
    a capitalised word is left to the name it may be part of: "Real", "Rand", "Mark")."""
    if text in codes() or text in _sign_codes() or text.rstrip(".") in _sign_codes():
        return True
    return text.islower() and text in _name_codes()


def is_currency_name(text: str) -> bool:
    """True for a currency's English name or its last word in any case ("Euros", "rupee", "US dollars")."""
    return text.casefold() in _name_codes()


def _alternation(forms: frozenset[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@cache
def prefix_pattern() -> str:
    """A regex alternation of what may stand before an amount: a code or a sign (abbreviations with an optional
    full stop). Case-sensitive."""
    marks = {s for s in signs() if not s.isalpha() or len(s) > 1}  # not "R", "K", "P": single letters start words
    return rf"(?:(?:{_alternation(frozenset(marks))})\.?|{_alternation(codes())})"


@cache
def amount_pattern(scaled: bool = True) -> re.Pattern[str]:
    """A whole text that is an amount: an optional currency prefix, a number, and (``scaled``) an optional percent
    sign or scale word ("$2 million", "USD 210", "Sh1.5 billion", "30%", "Rs. 949 crore"). Case-sensitive prefix,
    case-insensitive scale."""
    scale = rf"\s*(?:%|(?i:{'|'.join(SCALE_WORDS)}))?" if scaled else ""
    return re.compile(rf"(?:{prefix_pattern()})?\s*\d[\d.,]*{scale}")


@cache
def priced_pattern() -> re.Pattern[str]:
    """A currency prefix followed by a number ("USD210", "Tk 4.5", "Rs. 949"): the start of a price."""
    return re.compile(rf"{prefix_pattern()} ?\d[\d,.]*")


def issuing_state(code: str) -> str | None:
    """ISO 3166 alpha-2 code of the one state that issues the currency ``code`` (ISO 4217 numeric code = ISO 3166
    numeric code), or None for a union's currency ("EUR", "XOF") or an unknown code."""
    currency = pycountry.currencies.get(alpha_3=code)
    country = pycountry.countries.get(numeric=currency.numeric) if currency is not None else None
    return country.alpha_2 if country is not None else None


@cache
def _state_pattern() -> re.Pattern[str]:
    """A currency written in a text: a code or sign next to a number, a symbol, a name of two or more words
    ("Indian rupees"), or a one-word name after an amount ("40 crore taka"; alone, "real" or "sum" is a word)."""
    amount = rf"\d[\d.,]*(?:\s(?:{'|'.join(SCALE_WORDS)}))?"
    names = _alternation(frozenset(n for n in _name_codes() if " " in n))
    words = _alternation(frozenset(n for n in _name_codes() if " " not in n))
    unique_signs = _alternation(frozenset(s for s, c in _sign_codes().items() if not s.isalpha()))
    return re.compile(
        rf"(?P<pre>{prefix_pattern()}) ?\d|{amount} ?(?P<post>{_alternation(codes())})\b"
        rf"|(?P<sign>{unique_signs})|\b(?P<name>(?i:{names}))\b|{amount} (?P<word>(?i:{words}))\b"
    )


def states_of_currencies(text: str) -> frozenset[str]:
    """ISO 3166 alpha-2 codes of the states whose own currency ``text`` names unambiguously: a currency only that
    state issues, written as its code or a sign next to an amount, a symbol, its name, or the name's last word after
    an amount ("35 million PKR" -> PK, "Tk 40 crore" -> BD, "Indian rupees" -> IN, "5 crore taka" -> BD). "Rs" (the rupee of four states), "$" and "euros" name none."""
    found: set[str] = set()
    for m in _state_pattern().finditer(text):
        if m.group("pre") is not None:
            key = m.group("pre")
            candidates = _sign_codes().get(key) or _sign_codes().get(key.rstrip(".")) or frozenset({key})
        elif m.group("post") is not None:
            candidates = frozenset({m.group("post")})
        elif m.group("sign") is not None:
            candidates = _sign_codes().get(m.group("sign"), frozenset())
        else:
            candidates = _name_codes().get((m.group("name") or m.group("word")).casefold(), frozenset())
        if len(candidates) == 1 and (state := issuing_state(next(iter(candidates)))) is not None:
            found.add(state)
    return frozenset(found)

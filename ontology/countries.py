"""The project's one country authority: any country name, alias, demonym or code -> ISO 3166-1 alpha-2.

Every parser (OFAC, CSL, FollowTheMoney, Freedom House, the shutdown tracker), the deal files, the graph loaders
and the rules ask this module, and nothing else, what country a text names and what a code is called.

Sources:

* names -> code: the ``countrynames`` library (MIT; the table FollowTheMoney and OpenSanctions use), exact look-up
  after its own normalisation (case, accents, punctuation), never its fuzzy mode: a guessed country is a silent
  wrong answer. It knows English and many other languages' names, official and short forms ("Korea, North",
  "Burma", "Congo, Democratic Republic of the", "Türkiye", "West Bank"), demonyms and adjectives ("Russian",
  "Emirati") and ISO alpha-2/alpha-3 codes in any case.
* code -> display name and the list of current codes: ``pycountry`` (LGPL-2.1; ISO 3166-1 from Debian's
  iso-codes), plus Kosovo ``XK`` (user-assigned code used by the European Commission, OFAC and FtM).
* the sample world's fictional countries (``XV`` Veloria, ``XC`` Calder, ``XO`` Ostrava Republic, ``XL`` Lumen) from
  ``redflag/sample_world/countries.json`` (names, official names, aliases, demonyms), looked up first so that a
  fictional name never falls through to a real country ("Ostrava Republic" is not CZ).

``ontology/data/country_names.csv`` (``name,code,source``, each row with its source) is asked before the library:
spellings real files use that ``countrynames`` 1.17 lacks (OFAC "Region: Gaza", "Region: Northern Mali", Freedom
House "Eastern Donbas", a few demonyms such as "Chadian"), one correction ("Mauritian" is MU, not MR) and the
ambiguous "Congolese" (CD or CG), whose empty code gives ``None``.

Codes ``countrynames`` gives for a territory inside a country ("Crimea" -> ``UA-CRI``, "Kurdistan" -> ``IQ-KR``)
become that country's alpha-2 (``UA``, ``IQ``), except Kashmir (``PK-KM``, disputed between India and Pakistan)
and South Ossetia (``X-SO``), which give ``None``; former states (Soviet Union, Yugoslavia, Czechoslovakia, East
Germany, Zaire, Netherlands Antilles) and the "unknown" markers (``ZZ``, ``FAIL``) give ``None``: the caller then
stores no country rather than a wrong one.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import countrynames
import pycountry
from countrynames.util import normalize_name as _library_key

from ontology.names import normalize_name

SAMPLE_WORLD_COUNTRIES = Path(__file__).resolve().parents[1] / "redflag" / "sample_world" / "countries.json"
"""The sample world's fictional countries (user-assigned ``X?`` codes), part of the authority."""

SUPPLEMENT = Path(__file__).resolve().parent / "data" / "country_names.csv"
"""Spellings the library lacks or gets wrong, asked first: ``name,code,source`` (empty code: ambiguous -> None)."""

KOSOVO = "XK"
_NO_PARENT = frozenset({"PK-KM", "X-SO"})  # disputed or without an ISO parent: no country rather than a pick
MAX_INPUT_CHARS = 200
"""Longer inputs are not country names; they are cut before look-up (bounded work on hostile input)."""

# OFAC writes "Region: Crimea", remarks say "nationality Russia" / "citizen Iran" / "alt. nationality ..."
_PREFIX = re.compile(
    r"^\s*(?:alt\.?\s+)?(?:region|territory|country|nationality|citizenship|citizen|jurisdiction)"
    r"(?:\s*:\s*|\s+(?!of\b))",  # "Country of Curaçao", "Territory of ..." are names, not a label and a name
    re.IGNORECASE,
)
# OFAC data artefact: "Botswana False", "Mozambique (false)" (an address given on a false document)
_FALSE_SUFFIX = re.compile(r"\s*\(?\bfalse\)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Country:
    """A country the authority knows: ``code`` (ISO 3166-1 alpha-2 or a user-assigned X? code) and display name."""

    code: str
    name: str
    fictional: bool = False


@cache
def _fictional() -> tuple[dict[str, str], dict[str, str]]:
    """(normalized name -> code, code -> display name) of the sample world's countries; empty if the file is absent."""
    by_name: dict[str, str] = {}
    names: dict[str, str] = {}
    if not SAMPLE_WORLD_COUNTRIES.exists():
        return by_name, names
    for c in json.loads(SAMPLE_WORLD_COUNTRIES.read_text(encoding="utf-8")).get("countries", []):
        code = str(c["code"]).upper()
        names[code] = str(c["name"])
        for n in [c.get("name", ""), c.get("official_name", ""), *c.get("aliases", []), *c.get("demonyms", [])]:
            key = normalize_name(str(n)) if n else ""
            if key:
                by_name[key] = code
    return by_name, names


@cache
def _supplement() -> dict[str, str]:
    """Normalized name -> code ("" for an ambiguous name) from ``ontology/data/country_names.csv``."""
    with SUPPLEMENT.open(encoding="utf-8", newline="") as f:
        return {normalize_name(r["name"]): r["code"].strip().upper() for r in csv.DictReader(f) if r["name"].strip()}


@cache
def _library_table() -> dict[str, str]:
    """countrynames' own table (its normalized name -> code), loaded once (about 2 s).

    Read directly rather than through ``countrynames.to_code``, which scans every value of the table on each call
    to see whether the input is a code (2 ms a call); codes are answered before this table is consulted.
    """
    countrynames.to_code("")  # makes the library load its table
    return countrynames.COUNTRY_NAMES


@cache
def _library_spellings() -> dict[str, tuple[str, ...]]:
    """countrynames' recorded spellings by code, as written (its generated ``countrynames.data.DATA``)."""
    from countrynames.data import DATA

    return {code.upper(): tuple(names) for code, names in DATA.items()}


def accented_spellings(code: str, forms: Iterable[str]) -> list[str]:
    """The spellings with diacritics that ``countrynames`` records for ``code`` of the given plain forms, as English
    news writes them: ``accented_spellings("MX", ["Mexico"]) == ["México"]``, "Perú", "Panamá"; a form with no such
    spelling adds nothing. Only a spelling equal to one of ``forms`` once its accents are removed counts, so no
    other language's name is added. Shapes: iterable of str -> list of str (sorted, without the input forms)."""
    plain = {f.casefold() for f in forms}
    found = {name for name in _library_spellings().get(code.upper(), ())
             if name.casefold() not in plain and _without_accents(name).casefold() in plain}
    return sorted(found)


def _without_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@cache
def _alpha3() -> dict[str, str]:
    return {c.alpha_3: c.alpha_2 for c in pycountry.countries}


@cache
def _iso_names() -> dict[str, str]:
    """Current ISO 3166-1 alpha-2 codes (and XK) -> English display name (common name where ISO gives one)."""
    out = {c.alpha_2: str(getattr(c, "common_name", None) or c.name) for c in pycountry.countries}
    out[KOSOVO] = "Kosovo"
    return out


def _alpha2(raw: str | None) -> str | None:
    """A ``countrynames`` code as a current alpha-2: territory codes to their country, former states to None."""
    if not raw or raw == "FAIL":
        return None
    code = raw.upper()
    if code in _NO_PARENT:
        return None
    if "-" in code:
        code = code.split("-", 1)[0]
    return code if code in _iso_names() else None


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code (upper case) for a country name, alias, demonym, alpha-2/alpha-3 code or remark.

    ``"Russia"``, ``"Russian"``, ``"RUS"``, ``"ru"``, ``"nationality Russia"``, ``"Region: Crimea"`` (-> ``UA``),
    ``"Velorian"`` (-> ``XV``, sample world). Returns None for an empty, unknown or former-state name and for
    anything that is not a string; never raises. Exact look-up only (no fuzzy guess). Cached.
    """
    if not isinstance(name, str):
        return None
    return _lookup(name.strip()[:MAX_INPUT_CHARS])


# spellings real files use around a name the tables know: "U.A.E.", "Macau SAR", "Burma (Myanmar)", "St. Vincent &
# the Grenadines"; each is tried only after the text itself gave nothing
_DOTTED_INITIALS = re.compile(r"^(?:[A-Za-z]\.\s?){3,}$")  # 3+: "N.A." is not Namibia
_SAR_SUFFIX = re.compile(r"\s*,?\s*\b(?:S\.?A\.?R\.?|Special Administrative Region)\b.*$", re.IGNORECASE)
_PARENTHESIS = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


@lru_cache(maxsize=16384)
def _lookup(text: str) -> str | None:
    text = _FALSE_SUFFIX.sub("", _PREFIX.sub("", text)).strip()
    if not text:
        return None
    found = _exact(text)
    if found is not None:
        return found
    if _DOTTED_INITIALS.match(text):  # "U.A.E." -> "UAE"
        return _exact(re.sub(r"[.\s]", "", text))
    if "&" in text:
        return _exact(text.replace("&", " and "))
    without_sar = _SAR_SUFFIX.sub("", text)
    if without_sar and without_sar != text:  # "Macau SAR", "Hong Kong S.A.R., China"
        return _exact(without_sar)
    paren = _PARENTHESIS.match(text)
    if paren:  # "Burma (Myanmar)": both names must agree, or only one may name a country
        codes = {c for c in (_exact(paren.group(1)), _exact(paren.group(2))) if c}
        return codes.pop() if len(codes) == 1 else None
    place, comma, country = text.rpartition(",")
    if comma and place.strip() and "," not in place:  # "Crimea, Ukraine", "Kurdistan, Iraq": both parts must agree
        first, last = _lookup(place.strip()), _exact(country)
        return last if first is not None and first == last else None
    return None


def _exact(text: str) -> str | None:
    """The look-up of one spelling: sample world, supplement, ISO codes, then countrynames' table (exact)."""
    text = text.strip()
    if not text:
        return None
    fictional, fictional_names = _fictional()
    if text.upper() in fictional_names:
        return text.upper()
    key = normalize_name(text)
    if not key:
        return None
    if key in fictional:
        return fictional[key]
    supplement = _supplement()
    if key in supplement:
        return supplement[key] or None
    upper = text.upper()
    if upper in _iso_names():
        return upper
    if upper in _alpha3():
        return _alpha3()[upper]
    try:
        library_key = _library_key(upper)
        return _alpha2(_library_table().get(library_key)) if library_key else None
    except Exception:  # a library failure on odd input is "unknown", never a crash of a whole list import
        return None


def country_name(code: str | None) -> str | None:
    """English display name for an alpha-2 code (any case) or a sample-world code; None if the code is unknown.

    ``country_code(country_name(c)) == c`` holds for every code the authority knows.
    """
    if not isinstance(code, str):
        return None
    c = code.strip().upper()
    fictional = _fictional()[1]
    if c in fictional:
        return fictional[c]
    return _iso_names().get(c)


def is_country_code(code: str | None) -> bool:
    """True for a current ISO 3166-1 alpha-2 code, XK, or a sample-world code (any case)."""
    return country_name(code) is not None


def known_countries() -> list[Country]:
    """Every country the authority knows, real ones first, sorted by code."""
    real = [Country(c, n) for c, n in sorted(_iso_names().items())]
    return real + [Country(c, n, fictional=True) for c, n in sorted(_fictional()[1].items())]

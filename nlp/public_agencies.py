"""Rules that turn published lists of government bodies into rows of ``nlp/data/agencies_public.tsv``.

The table itself is built offline by ``scripts/build_agencies_public.py`` from copies of the published lists (USA.gov's
A-Z index of federal agencies, GOV.UK's organisation list, Wikipedia's "List of intelligence agencies"); the
gazetteer reads the table (``nlp.gazetteer``), never the sources. Each rule here is a precision guard with its reason:

- :func:`acronym_kept`: an acronym is matched case-sensitively, so "ICE" never matches "ice"; still, one with fewer
  than three letters ("ED", "VA"), an ISO alpha-3 code ("USA", "FRA") or one claimed by two bodies is dropped, and
  so is one whose lower-case form is not rare in English text (wordfreq Zipf >= 2.5, about 0.3 per million words):
  such a token has other readings ("ACT", "AGO" are words; "CNC" machine tools, "ASD" the disorder, "SFO" the
  airport). A dropped acronym still links to its body where the text introduces it in brackets ("the Civil Nuclear
  Constabulary (CNC)"), by the ruler's own rule.
- :func:`name_kept`: a name that is a common noun ("Army", "Police": one frequent English word, Zipf >= 4.0), a
  service every state has named without its state ("Coast Guard", "Air Force", "National Police": two frequent words
  ending in a force word) or a place (a country or an ISO 3166-2 subdivision, "Alabama") is left to the generic rules
  of the ruler, which take the country from the text. "Home Office", "Cabinet Office" are kept (one state's names).
- :func:`native_name_kept`: a list's "native" name that is plain English ("National Board of Revenue", a parent body
  in Wikipedia's list) is no alias.
- :func:`tidy_form`: every name and alias is matched as text reads once ``nlp.text.prepare`` has normalised it, so a
  form keeps no typographic apostrophe ("Information Commissioner’s Office"), no quotes around it (the Factbook's
  ``Forsvaret or "the Defense"``), no leading article ("The Insolvency Service") and no punctuation at its ends.
- a native name two states' bodies share ("Datatilsynet": Denmark's and Norway's data-protection authorities,
  "Forsvaret": both states' armed forces) is no alias of either, but a row of its own without a country
  (:func:`finalize`): the text gives the state, as for a name several states use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import countrynames
import pycountry
from wordfreq import zipf_frequency

ENGLISH_WORD_ZIPF = 4.5  # a token this frequent is an English word ("ice" 5.0, "ago" 5.4; "cia" 4.2 is the agency)
RARE_ACRONYM_ZIPF = 2.5  # an acronym kept alone is rarer than this ("asio" 2.4, "fincen" 1.9; "cnc" 2.9, "asd" 3.0)
COMMON_WORD_ZIPF = 4.0  # a name's word this frequent is a common word ("coast", "guard", "army")
_STOP = {"of", "the", "and", "for", "on", "in", "&"}
_FORCE_WORDS = {"army", "navy", "police", "guard", "guards", "force", "forces", "marines", "gendarmerie", "corps",
                "military", "constabulary"}


@dataclass
class PublicAgency:
    """One row: ``name``, ``aliases`` (acronyms, other names), ``country`` (ISO 3166-1 alpha-2 or ""), ``source`` id."""

    name: str
    country: str
    source: str
    aliases: list[str] = field(default_factory=list)
    listed_only: bool = False  # a list's entry that is no agency ("Voice of America"): its acronym is still claimed


_QUOTES = "\"'"
_ENDS = " ,;:\u2013\u2014-"
_ARTICLE = re.compile(r"^(?:the|The|THE)\s+(?=\S)")


def tidy_form(form: str) -> str:
    """``form`` as the ruler matches it: typographic quotes and apostrophes as ``nlp.text.prepare`` writes them
    (``'`` and ``"``), quote marks around it or its ends dropped, a leading article dropped, punctuation and spaces
    at its ends dropped, inner runs of spaces made one: ``'"the Defense"' -> 'Defense'``, ``"The Insolvency
    Service" -> "Insolvency Service"``, ``"Information Commissioner\u2019s Office" -> "Information Commissioner's
    Office"``. Shapes: str -> str ("" when nothing is left)."""
    from nlp.text import normalise_characters

    text = re.sub(r"\s+", " ", normalise_characters(form)).strip(_ENDS)
    while True:
        before = text
        if len(text) >= 2 and text[0] in _QUOTES and text[-1] == text[0]:
            text = text[1:-1]
        text = _ARTICLE.sub("", text.strip(_ENDS)).strip(_ENDS)
        if text[:1] == '"' and text.count('"') == 1:  # a quote opened and never closed
            text = text[1:]
        if text[-1:] == '"' and text.count('"') == 1:
            text = text[:-1]
        if text == before:
            return text


def is_english_word(token: str) -> bool:
    """True when ``token`` lower-cased is a frequent English word (wordfreq Zipf >= ENGLISH_WORD_ZIPF)."""
    return zipf_frequency(token.lower(), "en") >= ENGLISH_WORD_ZIPF


def looks_like_acronym(text: str) -> bool:
    """"CIA", "DoD", "R&AW", "SHISH": one token with at least two capitals and no lower-case run of three."""
    return " " not in text and sum(ch.isupper() for ch in text) >= 2 and not re.search(r"[a-z]{3}", text)


def _proper(text: str) -> bool:
    return bool(text) and not text[0].islower()  # "ex-DEMIAP", "military intelligence": no name as written


def acronym_kept(acronym: str) -> bool:
    """Keep an acronym of three letters or more that is rare in English text and not an ISO alpha-3 country code."""
    letters = re.sub(r"[^A-Za-z]", "", acronym)
    if not _proper(acronym) or len(letters) < 3 or is_english_word(letters) or zipf_frequency(letters.lower(), "en") >= RARE_ACRONYM_ZIPF:
        return False
    return pycountry.countries.get(alpha_3=letters.upper()) is None  # "USA", "GBR": the country, not an agency


def is_place(name: str) -> bool:
    """True when ``name`` is a country or an ISO 3166-2 subdivision name ("Alabama", "District of Columbia")."""
    if pycountry.countries.get(name=name) is not None:
        return True
    return name in _subdivisions()


def split_aliases(aliases: Iterable[str]) -> list[str]:
    """A list's alias "Försvarets Radioanstalt (FRA)" as its name and its acronym; an alias still holding a bracket
    afterwards is a description ("National Defense Ministry (Inteligencia Militar – SEDENA ...)") and is dropped."""
    out: list[str] = []
    for alias in aliases:
        m = re.match(r"^(.+?)\s*\(([^()]+)\)$", alias.strip())
        for part in (m.groups() if m else (alias.strip(),)):
            if part and not re.search(r"[()\[\]]", part):
                out.append(part.strip())
    return out


def name_kept(name: str, generic: Iterable[str] = ()) -> bool:
    """Keep a name unless it is no proper name (starts lower-case: "military intelligence"), a common noun phrase, a
    generic agency word or a place (see the module docstring)."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if not words or not (words[0][0].isupper() or words[0][0].isdigit() or not words[0][0].isalpha()):
        return False
    if name.casefold() in {g.casefold().removeprefix("the ") for g in generic}:
        return False
    content = [w for w in words if w.lower() not in _STOP]
    common = all(zipf_frequency(w.lower(), "en") >= COMMON_WORD_ZIPF for w in content)
    if common and (len(content) == 1 or (len(content) == 2 and content[-1].lower() in _FORCE_WORDS)):
        return False
    return not is_place(name)


def generic_name(name: str) -> bool:
    """True for a name of three words or fewer, all frequent English words ("Security Service", "Department of Home
    Affairs", "Attorney General's Office"): several states use or may use it, so no list gives it a country here (the text does)."""
    content = [re.sub(r"['\u2019]s$", "", w) for w in re.split(r"\s+", name) if w and w.lower() not in _STOP]
    if any(countrynames.to_code(w) for w in content):  # "Swedish Security Service": its state is in its name
        return False
    return 0 < len(content) <= 3 and all(zipf_frequency(w.lower(), "en") >= COMMON_WORD_ZIPF for w in content)


BODY_WORDS = {"department", "agency", "office", "bureau", "administration", "service", "services", "commission",
              "board", "council", "corporation", "institute", "institutes", "center", "centre", "command", "court",
              "courts", "authority", "foundation", "division", "directorate", "force", "guard", "police", "ministry",
              "secretariat", "inspectorate", "unit", "committee", "corps", "marshals", "mint", "library", "archives",
              "reserve", "system", "network", "team", "forces", "army", "navy", "congress", "senate", "house"}


def names_a_body(name: str) -> bool:
    """True when a word of ``name`` names a body ("Agency", "Office", "Service" ...). USA.gov's A-Z index also lists
    publications, programmes and brands ("Federal Register", "Energy Star Program", "Amtrak"): without such a word a
    name from that index is no agency."""
    return any(w.lower().strip(",.'") in BODY_WORDS for w in name.split())


def native_name_kept(name: str) -> bool:
    """Keep a native-language name unless all its words are English words (wordfreq Zipf >= 3.0)."""
    content = [w for w in re.split(r"\s+", name) if w and w.lower() not in _STOP]
    return bool(content) and not all(zipf_frequency(w.lower(), "en") >= 3.0 for w in content)


def country_code(code: str) -> str:
    """``code`` upper-cased when it is an ISO 3166-1 alpha-2 code; raises ValueError otherwise."""
    if pycountry.countries.get(alpha_2=code.upper()) is None:
        raise ValueError(f"not an ISO 3166-1 alpha-2 country code: {code!r}")
    return code.upper()


_SUBDIVISIONS: set[str] = set()


def _subdivisions() -> set[str]:
    if not _SUBDIVISIONS:
        _SUBDIVISIONS.update(str(s.name) for s in pycountry.subdivisions)
    return _SUBDIVISIONS


def finalize(rows: list[PublicAgency], taken: Iterable[str], generic: Iterable[str] = ()) -> list[PublicAgency]:
    """Apply the guards to ``rows``: names kept by :func:`name_kept` and not in ``taken`` (forms of the hand-made
    agencies.tsv, which wins), acronyms kept by :func:`acronym_kept` and claimed by one body only in all the lists (``listed_only`` rows
    included), other aliases claimed by bodies of one country only and, on a row with a country, not a name several
    states may use (:func:`generic_name`: "Ministry of Defense", "National Armed Forces"); an alias bodies of several countries claim
    ("Datatilsynet" is Denmark's and Norway's data protection authority, "Forsvaret" both states' armed forces) is
    a row of its own without a country (the text gives the state), a name used by
    bodies of several countries (or by one list without one) without a country (the text gives it), one row per
    name."""
    taken_set = set(taken)
    generic = list(generic)
    for r in rows:
        r.name, *more = split_aliases([tidy_form(r.name)]) or [tidy_form(r.name)]  # "Nemzeti Információs Központ (NIK)"
        r.aliases = [t for t in (tidy_form(a) for a in [*more, *split_aliases(r.aliases)]) if t]
    owners: dict[str, set[tuple[str, str]]] = {}  # acronym -> (source, country) of the bodies claiming it
    states: dict[str, set[str]] = {}  # any other alias -> the countries of the bodies claiming it
    for r in rows:  # every entry of every list, kept or not: "VOA" is Voice of America and the UK's Valuation Office
        for a in r.aliases:
            if looks_like_acronym(a):
                owners.setdefault(a, set()).add((r.source, r.country))
            else:
                states.setdefault(a, set()).add(r.country)
    kept = [r for r in rows if not r.listed_only and name_kept(r.name, generic) and r.name not in taken_set]
    first_named: dict[tuple[str, str, str], PublicAgency] = {}  # one list's two names of one body share an acronym
    merged: list[PublicAgency] = []
    for r in kept:
        acronyms = [a for a in r.aliases if looks_like_acronym(a)]
        same = next((first_named[(r.source, r.country, a)] for a in acronyms if (r.source, r.country, a) in first_named),
                    None)
        if same is not None and same.name != r.name:  # "Defense Department" and "Department of Defense" (DOD)
            same.aliases.extend([r.name, *r.aliases])
            continue
        for a in acronyms:
            first_named.setdefault((r.source, r.country, a), r)
        merged.append(r)
    kept = merged
    countries: dict[str, set[str]] = {}
    entries: dict[str, int] = {}
    for r in kept:
        countries.setdefault(r.name, set()).add(r.country)
        entries[r.name] = entries.get(r.name, 0) + 1
    out: dict[str, PublicAgency] = {}
    shared: dict[str, str] = {}  # a native name several states' bodies bear -> the source of its first claimant
    for r in kept:
        aliases = []
        for a in r.aliases:
            if a in taken_set or a == r.name or a in aliases:
                continue
            if looks_like_acronym(a):
                if acronym_kept(a) and len(owners[a]) == 1:
                    aliases.append(a)
            elif r.country and generic_name(a):
                continue  # "Ministry of Defense" (the Factbook's parent of Nepal's forces): every state's, no alias
            elif name_kept(a, generic) and not is_place(a):
                if len(states.get(a, set()) | {r.country}) == 1:
                    aliases.append(a)
                elif all(w[:1].isupper() for w in a.split() if w.lower() not in _STOP):
                    # "Datatilsynet": Denmark's and Norway's; a body of that name, its state given by the text (not
                    # "Military intelligence": a description, no name)
                    shared.setdefault(a, r.source)
        named = countries[r.name]  # "Department of Home Affairs" (AU, ZA): the text gives the state
        country = next(iter(named)) if len(named) == 1 else ""
        if len(named) > 1 or (not country and entries[r.name] > 1):  # "Military Intelligence" of several states:
            aliases = []  # each one's acronym and native name is its own
        if r.name in out:
            out[r.name].aliases.extend(a for a in aliases if a not in out[r.name].aliases)
            out[r.name].country = country
        else:
            out[r.name] = PublicAgency(r.name, country, r.source, aliases)
    for a, source in shared.items():
        if a not in out:
            out[a] = PublicAgency(a, "", source, [])
    # an alias that is also another row's name stays that row's name; a list's second name merged in as an alias
    # keeps no bracket ("Texas Health & Human Services Commissions (Commission) Office of Inspector General")
    names = set(out)
    for r in out.values():
        r.aliases = [a for a in r.aliases if a not in names and not re.search(r"[()\[\]]", a)]
    return sorted(out.values(), key=lambda r: (r.source, r.country, r.name))

"""Rules that turn published sources naming firms of the surveillance trade into rows of ``nlp/data/vendors_public.tsv``.

The table is built offline by ``scripts/build_vendors_public.py`` from copies of the sources kept in
``tests/fixtures/sources/surveillance_vendors`` (BIS Entity List rules, OFAC designations, Wikipedia, reports); the
gazetteer reads the table (``nlp.gazetteer``), never the sources. A row holds a firm's name, the surface forms the
ruler matches (case-sensitively, as every gazetteer ORG), its country of registration and its source: no finding of
any source. Each rule here is a precision guard with its reason:

- :func:`match_form_kept`: a one-word form is matched alone only when it is rare in English text (wordfreq Zipf <
  RARE_WORD_ZIPF, about 0.3 per million words: "Candiru" 1.3, "Hikvision" 1.4, "Bluecoat" 1.7) or is an acronym that
  is no English word and no ISO alpha-3 code ("NSO", "ZTE", "DJI"). "Nice", "Gamma", "Leon", "Paragon", "Axon",
  "Dawning" are words or given names in news text: they are matched only inside a longer form of the same row
  ("Paragon Solutions", "Axon Enterprise", "Gamma Group"), where the firm word is the context cue, and a row with no
  such form is no row ("Nice" of the Spy Files). A form of several words all of them frequent (Zipf >= 4.0, "Blue
  Coat") is dropped unless it ends in a firm word or a legal form ("Blue Coat Systems", "Positive Technologies").
- a form that is a country or an ISO 3166-2 subdivision name is never a firm's form.
- :func:`caseless_form_kept`: a rare one-word form is matched in any case too ("MEGVII", "Sensetime"): the other
  forms, like every gazetteer ORG, only as written.
- one row per firm (``nlp.normalize.name_key`` of its name, and its country when two sources give two); a form claimed by two rows stays with the first.
- the country is the source's, turned into ISO 3166-1 alpha-2 by the project's country table; "" when the source names none. The
  event rules never read it (a firm's country says where it is registered, it is no party of a supply).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import countrynames
import pycountry
from wordfreq import zipf_frequency

from nlp.normalize import legal_forms, name_key
from nlp.public_agencies import (
    COMMON_WORD_ZIPF,
    ENGLISH_WORD_ZIPF,
    RARE_ACRONYM_ZIPF,
    is_place,
    looks_like_acronym,
)
from ontology import countries

RARE_WORD_ZIPF = RARE_ACRONYM_ZIPF  # a one-word firm name matched alone is rarer than this in English text
# words ending a firm's name: a form ending in one names a firm, not a thing ("Blue Coat Systems", "Gamma Group")
FIRM_WORDS = frozenset({"technologies", "technology", "systems", "solutions", "group", "networks", "labs", "lab",
                        "holdings", "enterprise", "enterprises", "consultancy", "information", "industry", "safety",
                        "international", "consortium", "corporation", "company", "intelligence", "security"})
_KEEP_IN_NAME = {("group",), ("holdings",)}  # legal_forms.txt strips them from keys; they stay in a matched form


@dataclass
class PublicVendor:
    """One row: ``name`` as the source writes it (the canonical name), ``aliases`` (after :func:`finalize`: every
    form the ruler matches, the name itself only when it is kept), ``country`` (ISO 3166-1 alpha-2 or ""),
    ``source`` id."""

    name: str
    country: str
    source: str
    aliases: list[str] = field(default_factory=list)


def country_code(text: str) -> str:
    """The ISO 3166-1 alpha-2 code of a country as a source names it ("North Macedonia" -> "MK"), read by the
    project's one country table (:func:`ontology.countries.country_code`); "" for ""; raises ValueError naming the
    text when the table does not know it or gives no real ISO country (a sample-world code)."""
    if not text.strip():
        return ""
    code = countries.country_code(text)
    if not code or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"not a country name the country table knows: {text!r}")
    return code


def without_legal_form(name: str) -> str:
    """``name`` as written without its trailing legal forms ("SZ DJI Technology Co., Ltd." -> "SZ DJI Technology",
    "Cytrox AD" -> "Cytrox"); "Group" and "Holdings" stay ("NSO Group"). The name itself when nothing remains."""
    words = name.split()
    single = {f[0] for f in legal_forms() if len(f) == 1 and f not in _KEEP_IN_NAME}
    while len(words) > 1 and re.sub(r"[^\w]", "", words[-1].casefold().replace(".", "")) in single:
        words.pop()
    return " ".join(words).rstrip(",;")


def _firm_ended(form: str) -> bool:
    words = form.split()
    last = re.sub(r"[^\w]", "", words[-1].casefold().replace(".", ""))
    return len(words) > 1 and (last in FIRM_WORDS or without_legal_form(form) != form)


def match_form_kept(form: str) -> bool:
    """True when ``form`` may be matched alone as the firm's name (the rules of the module docstring)."""
    words = form.split()
    if not words or not form[0].isalnum() or is_place(form) or countrynames.to_code(form):
        return False
    if len(words) == 1:
        letters = re.sub(r"[^A-Za-z]", "", form)
        if looks_like_acronym(form) and len(letters) >= 3:
            return zipf_frequency(letters.lower(), "en") < ENGLISH_WORD_ZIPF \
                and pycountry.countries.get(alpha_3=letters.upper()) is None
        return zipf_frequency(form.lower(), "en") < RARE_WORD_ZIPF
    if _firm_ended(form):
        return True
    content = [w for w in words if w.lower() not in ("of", "the", "and", "&")]
    return not all(zipf_frequency(w.lower().strip(".,"), "en") >= COMMON_WORD_ZIPF for w in content)


def caseless_form_kept(form: str) -> bool:
    """True when a kept one-word form may also be matched in any case ("MEGVII", "Sensetime", "HIKVISION", as press
    releases and news write brand names): a word of five letters or more, no acronym, rarer than RARE_WORD_ZIPF in
    English text in lower case too, so no other reading of it is common in any case ("Candiru", "Trovicor")."""
    return " " not in form and len(form) >= 5 and form.isalpha() and not looks_like_acronym(form) \
        and match_form_kept(form) and zipf_frequency(form.lower(), "en") < RARE_WORD_ZIPF


def finalize(rows: Iterable[PublicVendor]) -> list[PublicVendor]:
    """Apply the guards: each row's forms are its name, the name without legal form and its aliases, kept by
    :func:`match_form_kept`; a row without a kept form is dropped; rows sharing a name key are one (the first source
    kept, forms joined, the first non-empty country); a form claimed by an earlier row stays there."""
    merged: dict[str, PublicVendor] = {}
    for r in rows:
        key = name_key(r.name)
        if key in merged and r.country and merged[key].country not in ("", r.country):
            key = f"{key}\t{r.country}"  # "Intellexa S.A." (GR) and "Intellexa Limited" (IE): two firms, one key
        forms = [f for f in dict.fromkeys([r.name, without_legal_form(r.name), *r.aliases]) if f.strip()]
        if key in merged:
            m = merged[key]
            m.aliases.extend(f for f in forms if f not in m.aliases and f != m.name)
            m.country = m.country or r.country
        else:
            merged[key] = PublicVendor(r.name, r.country, r.source, [f for f in forms if f != r.name])
    claimed: set[str] = set()
    out: list[PublicVendor] = []
    for r in merged.values():
        forms = [f for f in dict.fromkeys([r.name, *r.aliases]) if match_form_kept(f) and f not in claimed
                 and without_legal_form(f) == f]  # the ruler takes a legal form after a match in itself
        if not forms:
            continue  # "Nice": no form of it may be matched
        claimed.update(forms)
        out.append(PublicVendor(r.name, r.country, r.source, forms))
    return sorted(out, key=lambda r: (r.source, r.name))

"""Rules that turn published sources naming watchdogs, research groups and newsrooms into rows of
``nlp/data/observers.tsv``.

The bodies that REPORT on the surveillance trade (Citizen Lab, Amnesty International, Access Now, Justice for
Myanmar, Reuters, Haaretz, Prothom Alo ...) are named in almost every text the extractor reads; they are parties of
no sale. The table is built offline by ``scripts/build_observers.py`` from copies of the sources kept in
``tests/fixtures/sources/observers``; the gazetteer reads the table (``nlp.gazetteer.observer_rows``), never the
sources. A row holds a body's name, the surface forms the ruler matches (case-sensitively, as every gazetteer ORG),
its country (ISO 3166-1 alpha-2 or ""), its kind (ngo, research, media) and its source. Each rule here is a
precision guard with its reason:

- :func:`form_kept`: a one-word form is matched alone only when it is rare in English text (wordfreq Zipf <
  RARE_NAME_ZIPF: "Haaretz" 2.6, "Xinhua" 2.8, "Mediapart" 1.4, "Odhikar" 0) or is an acronym that is no English
  word and no ISO alpha-3 code ("OCCRP", "CPJ", "HRW", "EFF", "R3D"; never "AP", "APP", "NAN", "BLAST"). "Dawn",
  "Mint", "Express", "Nation", "Reuters" (3.9, as common as "scroll") are matched only inside a longer form
  ("Dawn newspaper", "The Express Tribune", "Thomson Reuters"); ner still reads most of them, and the event rules
  know every row's name (:func:`observer_keys` of the gazetteer), found by either.
- a form "The X" of one word after the article is kept only when X is no very common word (Zipf < THE_WORD_ZIPF:
  "The Wire" 4.4, "The Hindu" 4.0, "The Guardian" 4.3 are newspapers as written; "The News", "The Nation", "The
  Standard", "The Sun" are phrases of any text).
- a form is never a country or subdivision name, nor a form of a firm of ``vendors_public.tsv`` or of a state body
  of ``agencies.tsv``/``agencies_public.tsv`` (:func:`finalize` is given them): a name is one thing.
- "Article 19" in title case is the article of a covenant ("Article 19 of the ICCPR"): only "ARTICLE 19" is the
  organisation, as it writes itself; a form that starts with "Article" and a number is refused.
- a form "The X Y" whose rest "X Y" is a form of the same row is dropped: the article is left out of the name,
  as in the agencies' table ("Washington Post", "Times of India"); "The Hindu", "The Wire" keep it.
- one row per body (``nlp.normalize.name_key`` of its name); a form claimed by two rows stays with the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import countrynames
import pycountry
from wordfreq import zipf_frequency

from nlp.normalize import name_key
from nlp.public_agencies import ENGLISH_WORD_ZIPF, is_place

KINDS = ("ngo", "research", "media")
RARE_NAME_ZIPF = 3.0  # a one-word name matched alone is rarer than this in English text
THE_WORD_ZIPF = 4.5  # "The X": X rarer than this ("wire" 4.4, "guardian" 4.3; "nation" 4.9, "news" 5.4)
_ARTICLES = ("The", "the")


@dataclass
class Observer:
    """One row: ``name`` as the source writes it, ``forms`` (after :func:`finalize`: every form the ruler matches),
    ``country`` (ISO 3166-1 alpha-2 or ""), ``kind`` (one of KINDS), ``source`` id."""

    name: str
    country: str
    kind: str
    source: str
    forms: list[str] = field(default_factory=list)


def _acronym_kept(word: str) -> bool:
    chars = re.sub(r"[^A-Za-z0-9]", "", word)
    shaped = word.isupper() or re.fullmatch(r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*", word) \
        or (any(c.isdigit() for c in chars) and any(c.isalpha() for c in chars))  # "News24", "7amleh"
    if len(chars) < 3 or not shaped:
        return False
    letters = re.sub(r"[^A-Za-z]", "", word)
    if letters == chars and pycountry.countries.get(alpha_3=letters.upper()) is not None:
        return False  # "BGD", "PAK": a country's code
    return zipf_frequency(chars.lower(), "en") < ENGLISH_WORD_ZIPF


def form_kept(form: str) -> bool:
    """True when ``form`` may be matched as written as the body's name (the rules of the module docstring)."""
    words = form.split()
    if not words or not form[0].isalnum() or is_place(form) or countrynames.to_code(form):
        return False
    if words[0].casefold() == "article" and len(words) > 1 and words[1][:1].isdigit() and not words[0].isupper():
        return False  # "Article 19": a covenant's article
    if len(words) == 1:
        word = words[0]
        if any(ch.isdigit() for ch in word) or (word.isupper() and len(word) <= 6) or \
                re.fullmatch(r"[A-Z][a-z]*[A-Z]\w*", word):
            return _acronym_kept(word)  # "OCCRP", "R3D", "SocialTIC", "KICTANet"
        return zipf_frequency(word.lower(), "en") < RARE_NAME_ZIPF
    if words[0] in _ARTICLES and len(words) == 2:
        rest = words[1]
        return rest[:1].isupper() and not is_place(rest) and not countrynames.to_code(rest) \
            and zipf_frequency(rest.lower(), "en") < THE_WORD_ZIPF
    return True


def finalize(rows: Iterable[Observer], taken: Iterable[str] = ()) -> list[Observer]:
    """Apply the guards: each row's forms (its name first) kept by :func:`form_kept` and not in ``taken`` (the forms
    of the firm and state-body tables); rows sharing a name key are one (the first source kept, forms joined, the
    first non-empty country); a form claimed by an earlier row stays there. A row keeps its name even when no form
    of it may be matched alone ("Reuters" with "Thomson Reuters"; "Dawn" with "Dawn newspaper"), and a row with no
    form at all is kept too: the event rules know the name, ner may find it."""
    merged: dict[str, Observer] = {}
    for r in rows:
        key = name_key(r.name)
        forms = [f.strip() for f in dict.fromkeys([r.name, *r.forms]) if f.strip()]
        if key in merged:
            m = merged[key]
            m.forms.extend(f for f in forms if f not in m.forms)
            m.country = m.country or r.country
        else:
            merged[key] = Observer(r.name, r.country, r.kind, r.source, forms)
    blocked = set(taken)
    claimed: set[str] = set()
    out: list[Observer] = []
    for r in merged.values():
        forms = [f for f in r.forms if form_kept(f) and f not in claimed and f not in blocked]
        # "The Washington Post": the name without its article is the form ("Washington Post", as the dev set and
        # the agencies' rule write it); the article stays only where the rest alone is no form ("The Hindu")
        forms = [f for f in forms if not (f.split()[0] in _ARTICLES and f.split(maxsplit=1)[1] in forms)]
        claimed.update(forms)
        out.append(Observer(r.name, r.country, r.kind, r.source, forms))
    return sorted(out, key=lambda r: (r.source, r.name))

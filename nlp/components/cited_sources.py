"""Outlets and groups named as the source of a report (issue 13 round 20): "according to Kestrel", "Kestrel
reported that ...", "documents reviewed by Kestrel", "told Kestrel".

News cites its sources by a small set of wordings, and the source is an outlet, an agency or a research group; the
tagger leaves many such names untagged (a brand-like newsroom name, a group with a digit in it), and the observers'
table (nlp/data/observers.tsv) only holds the known ones. :func:`cited_sources` gives an untagged name in one of
these wordings the organisation label. The name is one to three capitalised words (after an optional "the", which
stays out of it), each word a name's and not an English word's (an inner capital, a digit, capitals only, or rare by
wordfreq: :func:`nlp.components.repeated_names.reads_as_name`), no place, and no word of a person the text names
("told Dorin Vaskel", "Vaskel reported"), and no generic acronym of nlp/data/not_parties.txt ("told NGO
workers").
"""

from __future__ import annotations

import regex

from nlp.components.repeated_names import Raw, reads_as_name
from nlp.gazetteer import city_country, local_place_code, not_parties, world_regions

_NAME = r"(?:\p{Lu}|\d\p{Lu}|\p{Ll}\p{Lu})(?:[\p{L}\d&-]|\.(?=\p{L}))*(?: \p{Lu}(?:[\p{L}\d&-]|\.(?=\p{L}))*){0,2}"
# the name after a citing wording ("according to", "reviewed by", "told" ...), or before a verb of reporting
_BEFORE = regex.compile(r"\b(?:according to|reviewed by|obtained by|seen by|told|quoted by|quotes|cited by)\s+"
                        r"(?:[Tt]he\s+)?(" + _NAME + r")(?=[\s,.;:)\u201d\"']|$)")
_AFTER = regex.compile(r"(?<![\p{L}\d.'-])(" + _NAME + r")\s+(?:reported|reports|revealed|reveals|reviewed|"
                       r"first reported|has reported|quoted|cited)\b")
# the confidence of a name read from its citing wording (below a tagger's)
CITED_CONFIDENCE = 0.6


def _name_like(name: str, people_words: set[str], country_code: object) -> bool:
    """True when every word of ``name`` reads as a name's, none is a word of a person the text names, and the
    name is no place."""
    if callable(country_code) and country_code(name) or city_country(name) or local_place_code(name) \
            or name in world_regions() or name in not_parties():
        return False
    words = name.split()
    return all(reads_as_name(w, False) and w not in people_words for w in words)


def cited_sources(text: str, raw: list[Raw], country_code: object = None) -> list[Raw]:
    """``raw`` (start, end, label, canonical, confidence) with an ORG mention added for every untagged name the
    text cites as a report's source (see the module's docstring); ``country_code`` (a callable word -> ISO code or
    None) keeps countries out. Returns the mentions sorted by offsets."""
    taken = [(s, e) for s, e, *_ in raw]
    people_words = {w for s, e, lab, *_ in raw if lab == "PERSON" for w in text[s:e].split()}
    added: list[Raw] = []
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(text):
            s, e = m.span(1)
            if any(a < e and s < b for a, b in taken) or not _name_like(m.group(1), people_words, country_code):
                continue
            added.append((s, e, "ORG", m.group(1).casefold(), CITED_CONFIDENCE))
            taken.append((s, e))
    return sorted(raw + added, key=lambda x: (x[0], x[1])) if added else raw

"""Outlets and groups named as the source of a report (issue 13 round 20): "according to Kestrel", "Kestrel
reported that ...", "documents reviewed by Kestrel", "told Kestrel"; round 23: "reported by Kestrel", "in an interview with Kestrel",
"the newspaper Kestrel", "a Kestrel investigation", "Kestrel's report", "Kestrel, a news site".

News cites its sources by a small set of wordings, and the source is an outlet, an agency or a research group; the
tagger leaves many such names untagged (a brand-like newsroom name, a group with a digit in it), and the observers'
table (nlp/data/observers.tsv) only holds the known ones. :func:`cited_sources` gives an untagged name in one of
these wordings the organisation label. The name is one to three capitalised words (after an optional "the", which
stays out of it), each word a name's and not an English word's (an inner capital, a digit, capitals only, or rare by
wordfreq: :func:`nlp.components.repeated_names.reads_as_name`), no place, and no word of a person the text names
("told Dorin Vaskel", "Vaskel reported"), and no generic acronym of nlp/data/not_parties.txt ("told NGO
workers"). A name written as a newsroom's (nlp/data/outlet_words.tsv, ``gazetteer.outlet_shaped``: "The Observer",
"Guardian") needs no rare word.
"""

from __future__ import annotations

import regex

from nlp.components.repeated_names import Raw, reads_as_name
from nlp.gazetteer import city_country, local_place_code, not_parties, outlet_shaped, world_regions

_NAME = r"(?:\p{Lu}|\d\p{Lu}|\p{Ll}\p{Lu})(?:[\p{L}\d&-]|\.(?=\p{L}))*(?: \p{Lu}(?:[\p{L}\d&-]|\.(?=\p{L}))*){0,2}"
# the name after a citing wording ("according to", "reviewed by", "told" ...), or before a verb of reporting
# (round 23: "reported by", "in an interview with", a newsroom's kind before its name, "the newspaper X", "the
# broadcaster X", "the daily X")
_KINDS = r"(?:newspaper|daily|weekly|broadcaster|news site|news website|news agency|news outlet|outlet|magazine|" \
         r"TV channel|television channel|radio station|channel)"
_BEFORE = regex.compile(r"\b(?:according to|reviewed by|obtained by|seen by|told|quoted by|quotes|cited by|"
                        r"reported by|in an interview with)\s+(?:[Tt]he\s+)?(" + _NAME + r")(?=[\s,.;:)\u201d\"']|$)")
_AFTER = regex.compile(r"(?<![\p{L}\d.'-])(" + _NAME + r")(?:\s+(?:reported|reports|revealed|reveals|reviewed|"
                       r"first reported|has reported|quoted|cited)\b|(?:'s|\u2019s)\s+(?:investigation|report|"
                       r"reporting|story|article|exposé)\b)")
# "a Guardian investigation", "the Gazette story": a name before a report noun, only when written as a newsroom's
# (a report's own title stands there too: "the The Great iPwn report")
_REPORT = regex.compile(r"(?<![\p{L}\d.'-])(" + _NAME + r")\s+(?:investigation|report|reporting|story|article|"
                        r"exposé)\b")
# the name the text types as a newsroom: "the newspaper X", "X, a news site" (any capitalised name but a place)
_TYPED = regex.compile(r"\b[Tt]he " + _KINDS + r"\s+(" + _NAME + r")(?=[\s,.;:)\u201d\"']|$)|(?<![\p{L}\d.'-])("
                       + _NAME + r"), an? (?:\p{Ll}+ )?" + _KINDS + r"\b")
# a word one of _AFTER's or _REPORT's wordings must hold (each verb or noun they end on contains one)
_REPORT_WORDS = ("report", "reveal", "reviewed", "quoted", "cited", "investigation", "story", "article", "exposé")
_LEADING = ("The ", "A ", "An ")  # an article a sentence's capital put into the name ("The Observer reported")
# the confidence of a name read from its citing wording (below a tagger's)
CITED_CONFIDENCE = 0.6


def _name_like(name: str, people_words: set[str], country_code: object, typed: bool = False) -> bool:
    """True when every word of ``name`` reads as a name's (or the name is written as a newsroom's, or ``typed``: the
    text calls it one), none is a word of a person the text names, and the name is no place."""
    if callable(country_code) and country_code(name) or city_country(name) or local_place_code(name) \
            or name in world_regions() or name in not_parties():
        return False
    words = name.split()
    if any(w in people_words for w in words):
        return False
    # a name written as a newsroom's ("The Observer reported", "a Guardian investigation") may be of English words
    return typed or outlet_shaped(name) or all(reads_as_name(w, False) for w in words)


def cited_sources(text: str, raw: list[Raw], country_code: object = None) -> list[Raw]:
    """``raw`` (start, end, label, canonical, confidence) with an ORG mention added for every untagged name the
    text cites as a report's source (see the module's docstring); ``country_code`` (a callable word -> ISO code or
    None) keeps countries out. Returns the mentions sorted by offsets."""
    taken = [(s, e) for s, e, *_ in raw]
    people_words = {w for s, e, lab, *_ in raw if lab == "PERSON" for w in text[s:e].split()}
    added: list[Raw] = []
    # (_AFTER and _REPORT try a name at every capital: not run on a text with none of the words they end on)
    reported = any(word in text for word in _REPORT_WORDS)
    for pattern in (_BEFORE, _AFTER, _TYPED, _REPORT) if reported else (_BEFORE, _TYPED):
        for m in pattern.finditer(text):
            group = 1 if m.group(1) is not None else 2
            s, e = m.span(group)
            name = m.group(group)
            if name.startswith(_LEADING) and " " in name:
                cut = name.index(" ") + 1
                s, name = s + cut, name[cut:]
            if any(a < e and s < b for a, b in taken) or not _name_like(name, people_words, country_code,
                                                                          pattern is _TYPED) \
                    or pattern is _REPORT and not outlet_shaped(name):
                continue
            added.append((s, e, "ORG", name.casefold(), CITED_CONFIDENCE))
            taken.append((s, e))
    return sorted(raw + added, key=lambda x: (x[0], x[1])) if added else raw

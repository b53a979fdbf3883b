"""Last document-level checks on ORG/GOV_AGENCY mentions (issue 13 round 24, brief precision28).

Two kinds of false party mentions that real news and agency releases write everywhere, read from the words around
the mention, never from a list of names:

- a government-as-actor phrase used as the modifier of a noun that names other bodies of that state ("an
  Indonesian government agency", "in coordination with U.S. government partners", "sold to Zorbian government
  clients") is no mention of the government itself: the country alone is (:func:`governments_as_modifiers`; words
  in nlp/data/party_precision.txt);
- a title-case word run that opens with a preposition in mid-sentence ("since the publication of Behind the
  Firewall") is the title of a report or book, not a body (:func:`titles_opening_with_a_preposition`);
- a generic or technical acronym of nlp/data/not_parties.txt or of [terms] in nlp/data/party_precision.txt ("AI",
  "IPO", "ICT") that a later document pass added
  back as an organisation (a repeated name, an acronym's other uses) is none (:func:`generic_terms_out`).

Gazetteer spans (confidence ``known``) of the last two kinds are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from nlp.components.common import word_sections
from nlp.gazetteer import not_parties

# a document-level mention: (start, end, label, canonical, confidence), as org_precision.Raw
Raw = tuple[int, int, str, str, float]
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


@cache
def _words() -> dict[str, frozenset[str]]:
    return word_sections("party_precision.txt")


def _country_before_head(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the words before the head word of the government phrase ``text[start:end]`` ("U.S." of "U.S.
    government", "Zorbia" of "Zorbia's government"), or None when the phrase does not end in a head word."""
    name = text[start:end]
    words = name.split()
    if len(words) < 2 or words[-1].casefold() not in _words()["head"]:
        return None
    front = name[: name.rstrip().rfind(" ")].rstrip()
    front = _POSSESSIVE.sub("", front)
    return (start, start + len(front)) if front else None


def governments_as_modifiers(text: str, raw: list[Raw], country_code: Callable[[str], str | None]) -> list[Raw]:
    """GOV_AGENCY mentions in ``raw`` ((start, end, label, canonical, confidence) over ``text``) of the shape
    "<country> government|regime|administration" followed by a lower-case noun of other bodies or parties
    ([bodies] of nlp/data/party_precision.txt: "agency", "partners", "clients") become the COUNTRY mention of the
    words before the head (canonical: the ISO code), unless the country is already a mention there; a phrase whose
    front is no country is dropped. Source: the dev and probe gold ("an Indonesian government agency": COUNTRY)."""
    bodies = _words()["bodies"]
    out: list[Raw] = []
    spans = {(s, e) for s, e, *_ in raw}
    for s, e, label, canonical, conf in raw:
        nxt = _NEXT_WORD.match(text, e)
        front = _country_before_head(text, s, e) if label == "GOV_AGENCY" and nxt and nxt.group(1) in bodies else None
        if front is None:
            out.append((s, e, label, canonical, conf))
            continue
        code = country_code(text[front[0] : front[1]])
        if code and front not in spans:
            out.append((front[0], front[1], "COUNTRY", code, conf))
    return out


def generic_terms_out(text: str, raw: list[Raw], known: float) -> list[Raw]:
    """ORG mentions in ``raw`` whose whole text is a generic or technical term of nlp/data/not_parties.txt ("AI",
    "IPO", "MEP") or of [terms] in nlp/data/party_precision.txt ("ICT"), wherever a document pass added them, are
    dropped; gazetteer spans (``known``) are kept."""
    terms = not_parties() | _words()["terms"]
    return [r for r in raw if not (r[2] == "ORG" and r[4] != known and text[r[0] : r[1]] in terms)]


def titles_opening_with_a_preposition(text: str, raw: list[Raw], known: float) -> list[Raw]:
    """ORG/GOV_AGENCY mentions in ``raw`` whose first word is a capitalised preposition of [title_openers] in
    nlp/data/party_precision.txt ("Behind", "Amid") and that do not open their sentence (or line) are the title of
    a cited report or book, dropped ("Combined with the evidence presented in Behind Corvane Networks, ..."); gazetteer
    spans (``known``) are kept."""
    openers = _words()["title_openers"]
    out: list[Raw] = []
    for s, e, label, canonical, conf in raw:
        words = text[s:e].split()
        before = text[:s].rstrip()
        if label in ("ORG", "GOV_AGENCY") and conf != known and len(words) >= 2 and words[0].istitle() \
                and words[0].casefold() in openers and before and before[-1] not in ".!?:\"\u201c'\u2018" \
                and "\n" not in text[len(before) : s]:
            continue
        out.append((s, e, label, canonical, conf))
    return out


def check_party_mentions(text: str, raw: list[Raw], country_code: Callable[[str], str | None],
                         known: float) -> list[Raw]:
    """The checks of this module over a whole document's mentions, in order."""
    raw = titles_opening_with_a_preposition(text, governments_as_modifiers(text, raw, country_code), known)
    return generic_terms_out(text, raw, known)

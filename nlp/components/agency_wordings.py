"""Government bodies written in wordings the earlier rules missed on unseen news (issue 13 round 24).

Three kinds, read on the tuning halves of the dev set and the round's probe sets and on real news passages:

* a country's judiciary or a headline abbreviation of its government as one actor ("the French judiciary
  accused ...", "Nigerian govt spent ..."): extra actor heads of the ruler, listed in
  ``nlp/data/agency_wordings.txt`` [actor heads];
* a leader's government described between the possessive and the head ("Prime Minister Viktor Orban's hardline
  government", "Kadhafi's now fallen regime"): :func:`described_leader_possessive` gives the possessive's index;
* a body's acronym in its own language, in brackets right after its English name, whose letters are not the
  English initials ("the Russian Federal Penitentiary Service (FSIN)", "the General Prosecutor of the Republic
  (FGR)"): :func:`own_language_acronyms` makes the acronym that body at each use, and the name runs on over a
  title-case "of the ..." complement up to the bracket.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from nlp.components.common import word_sections
from ontology.records import EntityMention


@cache
def _words(section: str) -> frozenset[str]:
    """One section of ``nlp/data/agency_wordings.txt``, lower case."""
    return frozenset(w.casefold() for w in word_sections("agency_wordings.txt").get(section, ()))


def extra_actor_heads() -> tuple[tuple[str, ...], ...]:
    """The [actor heads] of ``nlp/data/agency_wordings.txt`` as word tuples for the ruler's actor heads
    ("judiciary", "govt"): a demonym or possessive country before them is one GOV_AGENCY."""
    return tuple(tuple(w.split()) for w in sorted(_words("actor heads")))


def relative_days() -> frozenset[str]:
    """The [relative days] of ``nlp/data/agency_wordings.txt`` ("yesterday", "today"): after an actor head they are
    when it acted, no noun it qualifies ("The French judiciary yesterday accused ...")."""
    return _words("relative days")


def _describes(doc: Doc, j: int) -> bool:
    """True for a lower-case word that describes a government: an adjective ("hardline", "authoritarian"), a
    participle ("fallen", "ousted"), or an adverb of time before one ("now fallen")."""
    tok = doc[j]
    if not (tok.is_lower and tok.is_alpha) or tok.lower_ == "own":
        return False  # ("Orban's own government": a contrast, no description)
    if tok.pos_ == "ADJ" or tok.tag_ == "VBN" or tok.lower_ in _words("describing nouns"):
        return True
    return tok.lower_ in _words("time adverbs") and j + 1 < len(doc) and (doc[j + 1].pos_ == "ADJ"
                                                                            or doc[j + 1].tag_ == "VBN")


def described_leader_possessive(doc: Doc, head: Token, non_state: frozenset[str]) -> int | None:
    """The index of the possessive "'s" in "<Name>'s <one or two describing words> government/regime/
    administration" ("Viktor Orban's hardline government", "Kadhafi's now fallen regime"), or None. News
    describes a leader's government so as it describes a country's ("Zorbia's authoritarian government", round
    20); words of ``non_state`` ("exiled", "rebel") name no state body."""
    j = head.i - 1
    while j >= 0 and head.i - j <= 2 and _describes(doc, j):
        j -= 1
    if j == head.i - 1 or j < 1 or doc[j].lower_ not in ("'s", "\u2019s"):
        return None
    if any(t.lower_ in non_state for t in doc[j + 1 : head.i]):
        return None
    return j


# "(FSIN)" right after a body's name, or after a title-case "of the ..." complement of it ("of the Republic (FGR)")
_OWN_ACRONYM = re.compile(r"^((?:\s+of\s+the(?:\s+[A-Z][a-z]+){1,3})?)\s?\(([A-Z]{2,6})\)")


def _initials(name: str) -> str:
    """The capitals that open the words of ``name`` ("Federal Penitentiary Service" -> "FPS")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def own_language_acronyms(entities: list[EntityMention], text: str) -> None:
    """A body's acronym in its own language, in brackets right after its English name (which may end in a
    title-case "of the ..." complement), is that body at each use: "the director of the Russian Federal
    Penitentiary Service (FSIN)", "delivered to the General Prosecutor of the Republic (FGR) ... The FGR
    announced". Foreign-press wording (Russian, Spanish, French acronyms kept in English text). Only where the
    letters are not the English name's initials (those are ``extract._acronyms_of_bodies``'), the acronym is
    nowhere a mention of another kind (a country, a person, a product) and no mention stands in the complement.
    The acronym's ORG mentions become GOV_AGENCY with the body's country, one is put in at the bracket when none
    stands there, and a complement the body's mention stopped short of is taken into it. Changes ``entities`` in
    place (kept in text order)."""
    other_kinds = {e.text for e in entities if e.label not in ("ORG", "GOV_AGENCY")}
    starts = {e.start for e in entities}
    bodies: dict[str, EntityMention] = {}
    added: list[EntityMention] = []
    for e in entities:
        if e.label != "GOV_AGENCY":
            continue
        m = _OWN_ACRONYM.match(text[e.end : e.end + 60])
        if not m:
            continue
        complement, short = m.group(1), m.group(2)
        if short in other_kinds or short == _initials(e.text + complement) \
                or any(e.end < o.start < e.end + len(complement) for o in entities):
            continue
        at = e.end + m.start(2)
        bodies.setdefault(short, e)
        if complement:
            e.end += len(complement)
            e.text = text[e.start : e.end]
        if at not in starts:
            added.append(EntityMention(text=short, label="GOV_AGENCY", canonical=e.canonical, start=at,
                                       end=at + len(short), confidence=e.confidence, country=e.country))
    for e in entities:
        body = bodies.get(e.text)
        if body is not None and e.label == "ORG":
            e.label = "GOV_AGENCY"
            e.country = e.country or body.country
    if added:
        entities += added
        entities.sort(key=lambda e: (e.start, e.end))

"""The named parties a generic noun of a supply relation enumerates.

Reports often name the buyers of a sale as a list after a generic plural noun: "sold FinFisher to governments
including Bahrain, Ethiopia and Turkmenistan", "sold to several governments: Sudan, Ethiopia and Morocco", "to
agencies in Mexico, Panama and Saudi Arabia", "Hikvision's customers include police forces in Kenya and Uganda",
"at least 45 countries are purchasers of Hacking Team's RCS malware, including, Azerbaijan, Bahrain, ...". The
recipients are the named parties, not the generic noun. :func:`listed_parties` reads them for one generic noun:

- the noun must be a state noun ("governments", "countries", "agencies", "police forces") or a customer noun
  ("customers", "clients", "purchasers"): ``nlp/data/enumerations.json``; the members of a state noun are
  countries and government bodies, those of a customer noun also organisations;
- the list starts after a marker ("including", "such as", "like", "among them", "notably" ...) that hangs on the
  noun or follows it, after "in"/"of" for a state noun ("agencies in Mexico"), after a colon, an opening bracket or
  a dash right after the noun, or is an apposition of the noun;
- the list is a run of named parties joined by commas, "and", "or", articles and brackets only ("Kenya (2018) and
  Uganda (2019)"); a name of another kind in the run (a product, a victim group, a date, a firm where states are
  listed) means the run lists something else, and nothing is read ("spyware products, including Galileo and Da
  Vinci"; "activists, including Ahmed Mansoor"; "in 2019, 2020 and 2021");
- where the parser hung the marker on a later noun of the same clause ("several countries ... were using FinFisher
  spyware to target dissidents and activists, including Kenya, Angola, and Saudi Arabia"; "among the 36 countries
  that use FinFisher many have a record of human rights violations, such as Bahrain, ..."), a list of countries or
  government bodies only is still the state noun's, unless that later noun is itself a state or place noun ("
  journalists in countries such as Mexico": where the journalists are) or a named party.

The functions read the parse and the entity mentions only; they never make an event.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from nlp.components.common import list_end

if TYPE_CHECKING:
    from nlp.components.events import Mention

STATE_LABELS = frozenset({"COUNTRY", "GOV_AGENCY"})
CUSTOMER_LABELS = frozenset({"COUNTRY", "GOV_AGENCY", "ORG"})
_LEAD_DASHES = (",", "\u2014", "\u2013", "-")
_MAX_BRACKET = 6  # tokens inside a bracket that holds no name and is skipped: "Kenya (2018)", "(in 2019)"


@cache
def enumeration_words() -> dict[str, Any]:
    """``nlp/data/enumerations.json``: state nouns, customer nouns, markers (as token tuples), place nouns, joiners."""
    raw = json.loads((Path(__file__).resolve().parents[1] / "data" / "enumerations.json").read_text(encoding="utf-8"))
    return {
        "state_nouns": frozenset(raw["state_nouns"]),
        "customer_nouns": frozenset(raw["customer_nouns"]),
        "markers": tuple(sorted((tuple(m.split()) for m in raw["markers"]), key=len, reverse=True)),
        "place_nouns": frozenset(raw["place_nouns"]),
        "joiners": frozenset(raw["joiners"]),
    }


def member_labels(noun: Token) -> frozenset[str]:
    """The labels of the parties a generic noun may list: countries and government bodies for a state noun,
    organisations too for a customer noun; nothing for another word (or a name)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ not in ("", "CAPABILITY"):
        return frozenset()
    words = enumeration_words()
    lemma = noun.lemma_.casefold()
    if lemma in words["state_nouns"]:
        return STATE_LABELS
    if lemma in words["customer_nouns"]:
        return CUSTOMER_LABELS
    return frozenset()


def marker_at(doc: Span | Any, i: int, end: int) -> int | None:
    """The token index right after an enumeration marker that starts at ``i`` ("including", "such as", "among
    them"), or None when none starts there."""
    for marker in enumeration_words()["markers"]:
        n = len(marker)
        if i + n <= end and all(doc[i + k].lower_ == marker[k] for k in range(n)):
            return i + n
    return None


def listed_parties(noun: Token, mentions: Sequence[Mention], trigger: Token | None = None,
                   loose: bool = True) -> list[Mention]:
    """The named parties the generic ``noun`` (or the nouns coordinated with it) lists, in text order; [] when it
    lists none or is no generic state or customer noun. ``loose`` also reads a list of states that the parser hung
    on a later noun of the noun's clause or of the ``trigger``'s (state nouns only: "countries that use Hikvision
    cameras, such as Kenya and Uganda")."""
    labels = member_labels(noun)
    if not labels:
        return []
    sent = noun.sent
    heads = [noun, *noun.conjuncts]
    for start in _list_starts(heads, labels, sent.end):
        members = _run(sent, start, mentions, labels)
        if members:
            return members
    if labels == STATE_LABELS:
        # "agencies in over 150 countries, including Bangladesh and Belarus": the states the place noun lists (its
        # "in" hung on the noun, or on the verb right after the noun)
        last = max(h.i for h in heads)
        preps = [p for h in heads for p in h.children if p.dep_ == "prep"]
        if last + 1 < sent.end and noun.doc[last + 1].dep_ == "prep":
            preps.append(noun.doc[last + 1])
        for place in (g for p in preps if p.lower_ in ("in", "of", "across") for g in p.children if g.dep_ == "pobj"):
            if member_labels(place) == STATE_LABELS and (members := listed_parties(place, mentions, loose=False)):
                return members
    if loose and labels == STATE_LABELS:
        return _loose_list(noun, heads, mentions, trigger)
    return []


def _list_starts(heads: list[Token], labels: frozenset[str], end: int) -> list[int]:
    """Token indexes where a list of the nouns' members may start: after a marker hung on a noun or following it,
    after "in"/"of" on a state noun, after a colon, bracket or dash right after the noun, at an apposition."""
    doc = heads[0].doc
    starts: list[int] = []
    for h in heads:
        for c in h.children:
            if c.i < h.i:
                continue
            for i in (c.left_edge.i, c.i):  # "such as": "such" hangs on "as"
                after = marker_at(doc, i, end)
                if after is not None:
                    starts.append(after)
                    break
            else:
                if c.dep_ == "appos":
                    starts.append(c.left_edge.i)
                elif c.dep_ == "prep" and c.lower_ in ("in", "of") and labels == STATE_LABELS:
                    starts.append(c.i + 1)  # "agencies in Mexico, Panama", "the governments of X and Y"
    last = max(h.i for h in heads)
    j = last + 1
    while j < end and marker_at(doc, j, end) is None and (
            doc[j].text in _LEAD_DASHES or doc[j].pos_ == "ADV" and doc[j].head.i != last):
        j += 1  # "to police agencies worldwide, including in Bangladesh"
    if j < end:
        after = marker_at(doc, j, end)
        if after is not None:
            starts.append(after)
        elif doc[j].text in (":", "("):
            starts.append(j + 1)  # "to several governments: Sudan, ...", "to governments (Sudan, Ethiopia ...)"
        elif j > last + 1 and doc[j - 1].text in ("\u2014", "\u2013"):
            starts.append(j)  # "Arab governments—Tunisia, Morocco ...—had purchased"
        elif doc[j].lower_ in ("in", "of") and labels == STATE_LABELS and j == last + 1:
            starts.append(j + 1)  # (also where the parser hung "in" on the verb: "sells to agencies in X and Y")
    return starts


def _run(sent: Span, i: int, mentions: Sequence[Mention], kinds: frozenset[str]) -> list[Mention]:
    """The named parties of a list that starts at token ``i``: mentions joined by commas, "and", "or", articles
    and brackets; [] when the run holds a mention of another kind or starts with no name."""
    doc = sent.doc
    end = list_end(sent)
    words = enumeration_words()
    longest: dict[int, Mention] = {}
    for m in mentions:
        s = m.span.start
        if m.refers is None and (s not in longest or len(m.span) > len(longest[s].span)):
            longest[s] = m
    # "including those of Kenya", "including in Bangladesh", "such as the UAE", "among them the governments of
    # Mexico and Panama"
    if i + 1 < end and doc[i].lower_ == "those" and doc[i + 1].lower_ in ("of", "in"):
        i += 2
    elif i < end and doc[i].lower_ in ("in", "the", ","):
        i += 1
    noun = doc[i] if i < end else None
    while noun is not None and noun.dep_ in ("compound", "amod") and noun.head.i > noun.i and i not in longest:
        noun = noun.head
    if noun is not None and i not in longest and noun.i + 1 < end and doc[noun.i + 1].lower_ in ("of", "in") and \
            noun.lemma_.casefold() in words["state_nouns"]:
        i = noun.i + 2
    members: list[Mention] = []
    while i < end:
        found = longest.get(i)
        if found is not None:
            if found.label not in kinds:
                return []  # a list of products, victims, dates or firms: not of these recipients
            members.append(found)
            i = found.span.end
            continue
        tok = doc[i]
        if not members and tok.lower_ not in ("the",):
            return []
        if tok.text == "(":
            close = next((k for k in range(i + 1, min(i + 1 + _MAX_BRACKET, end)) if doc[k].text == ")"), None)
            if close is not None and not any(i < s < close for s in longest):
                i = close + 1  # "Kenya (2018)": a bracket with no name in it
                continue
        if tok.lower_ in words["joiners"]:
            i += 1
            continue
        break
    # a country before another member's name qualifies it ("Panama's National Security Council"): the body is the
    # party
    return [m for k, m in enumerate(members) if not (
        m.label == "COUNTRY" and k + 1 < len(members) and members[k + 1].label != "COUNTRY"
        and all(t.text in ("'s", "\u2019s") for t in doc[m.span.end : members[k + 1].span.start]))]


def _clause(tok: Token) -> Token:
    """The verb whose clause holds ``tok``: the first verb above it, climbing out of an infinitive or open
    complement ("were using FinFisher spyware to target activists": "using")."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.i != tok.i:
            break
        if node.head.i == node.i:
            return node
        node = node.head
    while node.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) \
            and node.head.i != node.i:
        node = node.head
    return node


def _loose_list(noun: Token, heads: list[Token], mentions: Sequence[Mention], trigger: Token | None) -> list[Mention]:
    """A list of states the parser hung on a later noun of the state noun's clause: "several countries ... were
    using FinFisher spyware to target dissidents and activists, including Kenya, Angola, and Saudi Arabia"."""
    doc = noun.doc
    sent = noun.sent
    words = enumeration_words()
    clauses = {_clause(noun).i} | ({_clause(trigger).i, trigger.i} if trigger is not None else set())
    own = {h.i for h in heads}
    # a relative clause on the noun: "governments that used it against journalists, including Ethiopia's"
    clauses |= {c.i for h in heads for c in h.children if c.dep_ == "relcl"}
    named = [m.span for m in mentions if m.label in CUSTOMER_LABELS | {"PERSON"}]
    for i in range(noun.i + 1, sent.end):
        after = marker_at(doc, i, sent.end)
        if after is None:
            continue
        tok = doc[i]
        marker = tok.head if tok.dep_ in ("amod", "advmod") and tok.head.i > tok.i else tok  # "such" of "such as"
        hung = marker.head
        on_trigger = trigger is not None and hung.i == trigger.i  # "sold ... to agencies worldwide, including in X"
        if not on_trigger and (hung.i in own or hung.lemma_.casefold() in words["state_nouns"] | words["place_nouns"]
                               or any(s.start <= hung.i < s.end for s in named)
                               or hung.pos_ not in ("NOUN", "PROPN", "PRON")):
            continue  # the marker is the noun's own (read above), or lists where, or lists another party's members
        if _clause(hung).i not in clauses:
            continue
        members = _run(sent, after, mentions, STATE_LABELS)
        if members:
            return members
    return []

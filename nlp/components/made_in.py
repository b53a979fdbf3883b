"""The country of "<Demonym>-made" goods as the seller (issue 13 round 24, brief supplyparty28).

The dev set's rule (nlp/devset/real/README.md, conventions of round 21): "<Demonym>-made" names a COUNTRY when it
names one country, and makes that country the supplier of a supply event only when the text names no firm as the
maker or seller of that item. The parse rules keep such a demonym as the event's ``country`` (where the goods come
from), and read no event where the state body only holds or uses the goods: "the military had Israeli-made
surveillance drones at its disposal", "the army uses Chinese-built drones".

The rule, one sentence at a time, when no supply of the sentence has a supplier:

- a COUNTRY mention followed by a hyphen and a word of ``[made_words]`` (``nlp/data/made_in_words.txt``), the
  "-made" word hung on goods (a CAPABILITY mention or a tool noun, ``common.TOOL_NOUNS``) with no firm (ORG) named in
  the goods' phrase ("Israeli-made Elbit drones" names the maker: no rule);
- a supply of the sentence that has a recipient but no supplier, and holds those goods, takes the country as its
  supplier ("the police bought Chinese-made cameras");
- else a verb of ``[holding_verbs]`` whose object holds the goods, or whose clause a colon ends before the goods
  ("had new tools at their disposal: Israeli-made drones, ..."), with a state party (GOV_AGENCY or COUNTRY, not the
  maker's country) as its subject, makes a new supply from the country to it, at :data:`CONFIDENCE`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import TOOL_NOUNS, name_at, supply_event, word_sections

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

RULE = "made_in"
CONFIDENCE = 0.55
_WORDS = word_sections("made_in_words.txt")
MADE_WORDS = _WORDS["made_words"]
HOLDING_VERBS = _WORDS["holding_verbs"]
_STATE = frozenset({"GOV_AGENCY", "COUNTRY"})


def made_in_supplies(
    sent: Span,
    mentions: list[Mention],
    events: list[Event],
    new_event: Callable[[str, Token], Event],
) -> list[Event]:
    """The supplies ``sent`` tells through "<Demonym>-made" goods (module docstring): completes a supply with no
    seller in place and returns the new ones; [] when a supply of the sentence has a supplier. Shapes: ``mentions``
    the sentence's Mention objects; ``new_event`` the Event factory of ``redflag_events``."""
    supplies = [ev for ev in events if ev.type == "supply"]
    if any(ev.roles.get("supplier") for ev in supplies):
        return []
    made = _made_countries(sent, mentions)
    if not made:
        return []
    for ev in supplies:
        if ev.roles.get("recipient") and len({m.value for m, _ in made}) == 1:
            ev.add("supplier", made[0][0])
            ev.explanation = (ev.explanation + "; " if ev.explanation else "") + \
                f"supplier: the country of the {made[0][0].value}-made goods, no firm named"
            return []
    if supplies:
        return []
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.casefold() not in HOLDING_VERBS:
            continue
        sellers = [m for m, goods in made if _held_by(verb, goods)]
        buyer = _subject_state(verb, mentions)
        if not sellers or buyer is None or any(s.value == buyer.value for s in sellers):
            continue
        items = [m for m in mentions if m.label == "CAPABILITY" and any(g.i == m.root.i for _, g in made)]
        ev = supply_event(new_event, verb, at_most=CONFIDENCE, rule=RULE, supplier=sellers[:1], recipient=[buyer])
        for m in items:
            ev.add("capability", m)
        ev.explanation = (f"{buyer.value} '{verb.text}' {sellers[0].value}-made goods: the country is the seller "
                          "when no firm is named")
        return [ev]
    return []


def _made_countries(sent: Span, mentions: list[Mention]) -> list[tuple[Mention, Token]]:
    """The COUNTRY mentions written "<Demonym>-made" on goods with no firm in the goods' phrase, each with the goods
    noun it describes."""
    doc = sent.doc
    out: list[tuple[Mention, Token]] = []
    for m in mentions:
        end = m.span.end
        if m.label != "COUNTRY" or end + 1 >= sent.end or doc[end].text != "-" or doc[end + 1].lower_ not in MADE_WORDS:
            continue
        goods = doc[end + 1].head
        is_goods = goods.lemma_.casefold() in TOOL_NOUNS or any(
            x.label == "CAPABILITY" and x.root.i == goods.i for x in mentions)
        if not is_goods or any(x.label == "ORG" and goods.left_edge.i <= x.root.i <= goods.right_edge.i
                               for x in mentions):
            continue
        out.append((m, goods))
    return out


def _held_by(verb: Token, goods: Token) -> bool:
    """True when ``goods`` is (in) the verb's object, or follows a colon that ends the verb's clause ("had new tools
    at their disposal: Israeli-made drones")."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.left_edge.i <= goods.i <= obj.right_edge.i:
            return True
    after = verb.right_edge.i + 1
    doc = verb.doc
    return after < goods.i and after < len(doc) and doc[after].text == ":" and not any(
        t.text in ".;:" for t in doc[after + 1 : goods.i])


def _subject_state(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The state party (GOV_AGENCY or COUNTRY) that is the verb's subject, or None."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None if subj is None else name_at(subj, mentions, _STATE, appos=True)

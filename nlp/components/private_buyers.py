"""A sale whose buyer the text names in words as no body of a state: the state is not its recipient (issue 13,
round 21: wrong buyers a due-diligence user would be misled by).

A sale told in a text about a state gets that state as its buyer from the place ("X sold cameras in Zorbia") or
from the document (:mod:`nlp.components.seller_only`). That is wrong when the sentence says who bought, and the
buyer is private ("X sold cameras in Zorbia to a supermarket chain", "... to an undisclosed client") or an armed
group fighting the state ("X sold drones to Zorbian rebel forces"): a false red flag against the state.

:func:`private_buyer` finds such a buyer: the object of "to" (or the dative) of a selling verb, or the subject of a
buying verb, whose head noun is private (``nlp/data/private_buyers.txt``: a private-sector head, or a client word
with a word of privacy before it) or is qualified by a word of an armed group not the state
(:data:`nlp.components.ruler.NON_STATE_WORDS`: "rebel", "militia", "opposition"). :func:`without_state_buyer`
then drops the event's state recipients (COUNTRY or GOV_AGENCY) that are not themselves named as the buyer: the
country only qualifying the group ("Zorbian rebels"), or a state said elsewhere in the sentence. A state body
coordinated with the private buyer ("to a bank and the Zorbian police") stays, and so does one named after the
head in its phrase ("a company owned by the Zorbian army"); a head with a word of the state before it ("a
state-owned company", "a government client") is no private buyer.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token

from nlp.components.common import word_sections
from nlp.components.ruler import NON_STATE_WORDS

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

_DATA = Path(__file__).resolve().parents[1] / "data"
_STATE_LABELS = ("COUNTRY", "GOV_AGENCY")
# verbs whose subject is the buyer ("Zorbian rebels bought drones from X")
_BUYING = frozenset({"buy", "purchase", "acquire", "order", "procure", "obtain"})
# verbs whose "to" object or dative is the buyer: selling and handing over goods ("sold drones to X", "supplied X
# with"); not licensing, awarding or granting, whose "to" object is the firm licensed or hired ("licences granted
# to a company" names the seller)
_SELLING = frozenset({"sell", "resell", "supply", "provide", "deliver", "export", "ship", "furnish", "transfer",
                      "lease", "offer", "market", "distribute"})


@cache
def _words() -> dict[str, frozenset[str]]:
    """Sections of ``nlp/data/private_buyers.txt``: name -> its words."""
    return word_sections("private_buyers.txt")


def _modifiers(noun: Token) -> list[Token]:
    """The words before ``noun`` in its own phrase ("Zorbian rebel" of "Zorbian rebel forces")."""
    return [t for t in noun.subtree if t.i < noun.i]


def not_state(noun: Token) -> bool:
    """True when ``noun`` heads a buyer that is no body of a state: a private-sector head ("chain", "bank"), a
    client word with a word of privacy before it ("an undisclosed client"), or a group an armed-group word
    qualifies ("rebel forces", "militias", "opposition fighters")."""
    words = _words()
    low = noun.lower_
    before = {t.lower_ for t in _modifiers(noun)}
    if low in NON_STATE_WORDS or before & NON_STATE_WORDS:
        return True
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ or before & words.get("state_words", frozenset()):
        return False  # (a named buyer is read by the parse rules; "a state-owned company" is the state's)
    if low in words.get("heads", frozenset()):
        return True
    return low in words.get("client_heads", frozenset()) and bool(before & words.get("client_words", frozenset()))


def _buyer_nouns(trig: Token) -> list[Token]:
    """The nouns the sale's wording gives as its buyer: objects of "to" and datives of a selling verb
    (:data:`_SELLING`), or the subject of a buying verb; each with its conjuncts."""
    heads: list[Token] = []
    selling = trig.lemma_.casefold() in _SELLING
    for c in trig.children:
        if not selling and c.dep_ != "nsubj":
            continue
        if c.dep_ == "prep" and c.lower_ == "to":
            heads += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "dative":
            heads += [g for g in c.children if g.dep_ == "pobj"] if c.pos_ == "ADP" else [c]
        elif c.dep_ == "nsubj" and trig.lemma_.casefold() in _BUYING:
            heads.append(c)
    return [x for h in heads for x in (h, *h.conjuncts)]


def private_buyer(trig: Token) -> Token | None:
    """The head noun of a buyer the sale at ``trig`` names that is no body of a state (module doc), or None."""
    return next((n for n in _buyer_nouns(trig) if not_state(n)), None)


def _kept(m: Mention, buyers: list[Token]) -> bool:
    """True when state mention ``m`` is itself said as a buyer: one of ``buyers`` that is a state body, or a name
    inside a private buyer's phrase other than a word qualifying its head ("a firm owned by the Zorbian army",
    "an undisclosed client, the Zorbian police"; not "Zorbian" of "Zorbian rebels")."""
    root = m.root
    for noun in buyers:
        if root.i == noun.i:
            return not not_state(noun)
        if noun.left_edge.i <= root.i <= noun.right_edge.i and root.i > noun.i:
            return True
    return False


def without_state_buyer(ev: Event) -> bool:
    """Drop from supply ``ev`` the state recipients its private or non-state buyer rules out (module doc); True
    when the event has such a buyer (then no state is to be inferred for it later either)."""
    if ev.type != "supply" or private_buyer(ev.trigger) is None:
        return False
    buyers = _buyer_nouns(ev.trigger)
    ev.roles["recipient"] = [m for m in ev.roles.get("recipient", []) if m.label not in _STATE_LABELS or _kept(m, buyers)]
    return True


# adverbs on a sale's verb that tell it as a sale besides one told before ("X also sold drones", "it later bought")
_ANOTHER_SALE = frozenset({"also", "later", "again", "subsequently", "additionally"})


def another_sale(trig: Token) -> bool:
    """True when the verb at ``trig`` tells a sale besides one told before: "also", "later", "again" on it ("It also
    bought drones", "Zorvex later sold drones to the army"), so that a one-sided reading of it is not folded into an
    earlier sale (:func:`nlp.components.supply_precision.refine_supplies`; round 21)."""
    return any(c.dep_ == "advmod" and c.lower_ in _ANOTHER_SALE for c in trig.children)

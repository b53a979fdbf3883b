"""``redflag_hedging``: finds hedge cues ("reportedly", "according to") and negation cues ("denied", "not").

Stores ``doc._.redflag_cues = {"hedge": [[start, end, cue]], "negation": [[start, end, cue]]}`` (token
offsets); the event component decides which event each cue qualifies.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from nlp.gazetteer import Gazetteer


@Language.factory("redflag_hedging", default_config={})
def make_hedging(nlp: Language, name: str) -> HedgeDetector:
    return HedgeDetector(nlp, name)


class HedgeDetector:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")

    def set_gazetteer(self, gazetteer: Gazetteer) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.matcher.add("hedge", [self.nlp.make_doc(c) for c in gazetteer.hedge_cues])
        self.matcher.add("negation", [self.nlp.make_doc(c) for c in gazetteer.negation_cues])

    def __call__(self, doc: Doc) -> Doc:
        cues: dict[str, list[list[object]]] = {"hedge": [], "negation": []}
        for match_id, start, end in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            cues[kind].append([start, end, doc[start:end].text.lower()])
        doc._.redflag_cues = cues
        return doc


# the subordinator of an indirect question: a clause under it is asked, not stated ("whether it sold X to Y"); its
# cue is in nlp/data/hedges.txt, where "whether" marks the whole sentence hedged
_QUESTION_MARK = "whether"


# "if" opens an indirect question only under a word of asking or not knowing ("asked if", "wondered if", "unclear
# if"); elsewhere it opens a condition ("if the police bought it, ..."), which stays a hedge of nlp/data/hedges.txt
# (round 22)
_IF = "if"
_ASKING_LEMMAS = frozenset({"ask", "wonder", "inquire", "enquire", "query", "question", "know", "unclear",
                            "unknown", "uncertain", "unsure", "check", "verify", "confirm", "clarify", "disclose"})


def _asks(node: Token, mark: Token) -> bool:
    """True when ``mark`` ("whether", or "if" under a word of asking) opens ``node``'s clause as a question."""
    if mark.lower_ == _QUESTION_MARK:
        return True
    if mark.lower_ != _IF or node.dep_ not in ("advcl", "ccomp"):
        return False
    head = node.head  # "asked if", or "it is unclear if": the word of not knowing is the copula's complement
    return head.lemma_.casefold() in _ASKING_LEMMAS or any(
        c.dep_ == "acomp" and c.lemma_.casefold() in _ASKING_LEMMAS for c in head.children)


def asked_only(trigger: Token) -> bool:
    """True when ``trigger``'s clause, or one of at most three clauses above it, is an indirect question opened by
    "whether" ("avoided saying whether it sold the cameras", "it is unclear whether the police bought it"), or by
    "if" under a word of asking or not knowing ("was asked if the ministry had bought spyware", round 22): the
    sentence asks if the act happened and states no such act (round 19). A "whether" outside the trigger's own
    chain ("whether or not it helps, X sold ...") does not count, nor does a conditional "if"."""
    node = trigger
    for _ in range(4):
        if any(c.dep_ == "mark" and _asks(node, c) for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ in ("relcl", "appos", "acl"):
            return False
        node = node.head
    return False


def purpose_only(trigger: Token) -> bool:
    """True when ``trigger`` is a bare infinitive heading its sentence with no verb above it ("To supply the
    governments of X and Y with interception gear.", "To sell spyware to X: how ..."): a purpose or a task named, as
    in an offer or a headline, with no one said to have done it (round 22)."""
    return trigger.dep_ == "ROOT" and trigger.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" and c.i < trigger.i for c in trigger.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)

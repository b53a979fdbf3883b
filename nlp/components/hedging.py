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


def asked_only(trigger: Token) -> bool:
    """True when ``trigger``'s clause, or one of at most three clauses above it, is an indirect question opened by
    "whether" ("avoided saying whether it sold the cameras", "it is unclear whether the police bought it"): the
    sentence asks if the act happened and states no such act (round 19). A "whether" outside the trigger's own
    chain ("whether or not it helps, X sold ...") does not count."""
    node = trigger
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ == _QUESTION_MARK for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ in ("relcl", "appos", "acl"):
            return False
        node = node.head
    return False

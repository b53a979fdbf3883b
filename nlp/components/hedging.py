"""``redflag_hedging``: finds hedge cues ("reportedly", "according to") and negation cues ("denied", "not").

Stores ``doc._.redflag_cues = {"hedge": [[start, end, cue]], "negation": [[start, end, cue]]}`` (token
offsets); the event component decides which event each cue qualifies.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

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

"""``redflag_sentence_stops``: a legal form's full stop that also ends the sentence (issue 13 item 5, robust
text; round 21).

"Zorvex Ltd. Quobrix sold cameras to ..." is two sentences: the first ends on the firm's name, whose legal form
("Ltd.", "Inc.", "S.A.") keeps the full stop as part of its token, so the parser reads one sentence and both firms
become sellers. Before the parser, a sentence is started after such a form when the words after it are a capitalised
name of at most three words (tagged as proper nouns, none a post: "Zorvex Inc. CEO Jane Doe said" stays one
sentence; none a legal form: "Zorvex Co. Ltd has" is one name) followed by a finite verb (tags VBD, VBZ, VBP, MD). The forms are those of ``nlp/data/legal_forms.txt``
(:func:`nlp.normalize.legal_forms`); the parser keeps boundaries set before it (spaCy's documented behaviour).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from nlp.components.name_cues import POST_NOUNS
from nlp.normalize import legal_forms

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_MAX_NAME_WORDS = 3


@Language.factory("redflag_sentence_stops", default_config={})
def make_sentence_stops(nlp: Language, name: str) -> SentenceStops:
    return SentenceStops(name)


def _form_with_stop(tok: Token, forms: frozenset[str]) -> bool:
    """True for a token that is a one-word legal form written with its full stop ("Ltd.", "Inc.", "S.A.")."""
    low = tok.text.casefold()
    return low.endswith(".") and (low in forms or low[:-1] in forms)


class SentenceStops:
    def __init__(self, name: str) -> None:
        self.name = name
        self.forms = frozenset(f[0] for f in legal_forms() if len(f) == 1)

    def __call__(self, doc: Doc) -> Doc:
        """``doc`` with a sentence started after each legal form that ends one (module doc); token tags are read."""
        for tok in doc[1:-2]:
            if not _form_with_stop(tok, self.forms) or not (doc[tok.i - 1].is_title or doc[tok.i - 1].is_upper):
                continue
            j = tok.i + 1
            while j < len(doc) and j - tok.i <= _MAX_NAME_WORDS and doc[j].tag_ == "NNP" and doc[j].is_alpha \
                    and doc[j].text[0].isupper() and doc[j].lower_ not in POST_NOUNS \
                    and doc[j].lower_.rstrip(".") not in self.forms:  # ("Acme Co. Ltd has": one name)
                j += 1
            if tok.i + 1 < j < len(doc) and j - tok.i <= _MAX_NAME_WORDS + 1 and doc[j].tag_ in _FINITE_TAGS:
                doc[tok.i + 1].is_sent_start = True
        return doc

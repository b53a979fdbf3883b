"""Which firm a paragraph leaves as its topic for a "the company", "the firm" or "it" opening the next one (issue 13,
round 20): the firm of its last sentence naming one, and in that sentence the firm the sentence is about, not a
firm named inside a phrase about it.

"Acme (fictional) sold its cameras through Zorvex (fictional), a unit of Bexa Holdings (fictional)." names Bexa
last, but only as the owner in a phrase about Zorvex; "The firm" opening the next paragraph stands for the firm the
sentence is about. In news prose the firm named after "of", "by", "with" or "through" is the other party of a
description ("a founding member of X", "a unit of X", "was bought by X"): :func:`salient_firm` takes, in the last
sentence that names a candidate, the first candidate that is no object of a preposition, else the last candidate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Span, Token


class _Named(Protocol):
    @property
    def span(self) -> Span: ...

    @property
    def root(self) -> Token: ...


M = TypeVar("M", bound=_Named)


def salient_firm(candidates: Sequence[M]) -> M | None:
    """The topic among ``candidates`` (firm mentions of one unit, in text order), or None when there are none
    (module doc)."""
    if not candidates:
        return None
    last = candidates[-1].span.sent
    in_last = [m for m in candidates if m.span.sent.start == last.start]
    heads = [m for m in in_last if m.root.dep_ != "pobj"]
    return heads[0] if heads else candidates[-1]

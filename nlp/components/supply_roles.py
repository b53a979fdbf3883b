"""Roles of a supply event that the report's own furniture fills wrongly (issue 13, round 24, brief supplyroles28).

- **a dateline's date is the report's, not the sale's** (:func:`date_in_dateline`): "BERLIN, 3 May 2021 - X sold
  surveillance software to Y in 2019": the parser hangs the dateline on the sentence's verb, so the date of the
  report became a date of the sale. A DATE whose line opens with an upper-case place and a comma and that a dash
  follows is the dateline's (news agencies and press releases write it so);
- the prepositions that set a name outside a sale's parties ("to countries outside the EU") are read by
  ``nlp.components.events`` from ``[excluding]`` of nlp/data/supply_roles.txt.
"""

from __future__ import annotations

from spacy.tokens import Span

_DASHES = frozenset({"-", "--", "—", "–"})


def date_in_dateline(span: Span) -> bool:
    """True for a DATE right after the upper-case place of a line's dateline and right before its dash ("BERLIN,
    3 May 2021 -", "NEW DELHI, March 3 --")."""
    doc = span.doc
    i = span.start
    place = False
    while i > 0 and "\n" not in doc[i - 1].whitespace_ and not doc[i - 1].is_space:
        tok = doc[i - 1]
        if not (tok.is_upper or tok.text in (",", ".")):
            return False
        place = place or (tok.is_upper and tok.is_alpha and len(tok.text) >= 3)
        i -= 1
    if not place or i == span.start or doc[span.start - 1].text != ",":
        return False
    return span.end < len(doc) and doc[span.end].text in _DASHES

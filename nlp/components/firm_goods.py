"""Names that break supply events: sector acronyms read as firms and firms read as their goods (issue 13, round 24,
brief supplyroles28).

Two wordings of news and procurement reports, each read from the tokens around an entity span, with the words in
``nlp/data/firm_goods.txt``:

- **a sector acronym is a kind, not a party** (:func:`sector_words_as_kinds`): "the ICT company's Safe City
  solution", "the company sold ICT systems to police" write an industry's acronym before a common noun; ner's
  one-word ORG there names nobody (it became the seller or the buyer of the sale). Between two title-case parts of
  one firm's name ("Local companies Linn IT Solution are providing ...", where ner kept the two parts apart) the
  acronym is a word of the name, which is joined into one ORG (:func:`sector_word_inside_name`);
- **a firm's name before its goods** (:func:`firms_before_goods`): "bought 12 Zentrova Labs drones", "purchased
  40 Ardent Dynamics cameras": a non-gazetteer PRODUCT span that ends in a firm-name tail ("Labs", "Dynamics",
  "Technologies") right before a plural goods noun or a capability is the maker's name, an ORG (joined with an ORG
  part ner cut before it), so that the sale keeps its seller.

Gazetteer spans (confidence ``known``) are never dropped, relabelled or joined.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from nlp.components.common import word_sections
from nlp.normalize import name_key

Conf = dict[tuple[int, int], float]


@cache
def _words() -> dict[str, frozenset[str]]:
    return word_sections("firm_goods.txt")


def _known(span: Span, conf: Conf, known: float) -> bool:
    return conf.get((span.start_char, span.end_char)) == known


def _span(doc: Doc, start: int, end: int, label: str, conf: Conf, confidence: float) -> Span:
    out = Span(doc, start, end, label=label, kb_id=name_key(doc[start:end].text))
    conf[(out.start_char, out.end_char)] = confidence
    return out


def _sector_word(span: Span) -> bool:
    """A one-token upper-case span that is an industry's acronym ("ICT", "IT")."""
    return len(span) == 1 and span.text.isupper() and span.text.lower() in _words()["sector"]


def sector_words_as_kinds(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """Drop a one-word ORG that is a sector acronym before a lower-case noun ("the ICT company", "ICT systems")."""
    return [e for e in ents if not (e.label_ == "ORG" and not _known(e, conf, known) and _sector_word(e)
                                    and e.end < len(doc) and doc[e.end].pos_ == "NOUN" and doc[e.end].is_lower)]


def _goods_after(doc: Doc, i: int, starts: dict[int, Span]) -> bool:
    """True when token ``i`` opens a capability span or is a plural goods noun of the word list."""
    if i >= len(doc):
        return False
    span = starts.get(i)
    return (span is not None and span.label_ == "CAPABILITY") or doc[i].lower_ in _words()["goods"]


def firms_before_goods(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """Relabel as ORG a non-gazetteer PRODUCT whose last word is a firm-name tail and that stands right before goods
    ("12 Zentrova Labs drones"); an ORG ending just before it is joined in. Returns the new list."""
    starts = {e.start: e for e in ents}
    ends = {e.end: e for e in ents}
    out = list(ents)
    for e in ents:
        if e.label_ != "PRODUCT" or _known(e, conf, known) or e[-1].lower_ not in _words()["firm_tail"] \
                or not e[-1].is_title or not _goods_after(doc, e.end, starts):
            continue
        before = ends.get(e.start)
        start = e.start
        if before is not None and before.label_ == "ORG" and not _known(before, conf, known):
            start = before.start
            out = [x for x in out if x is not before]
        out = [x for x in out if x is not e]
        out.append(_span(doc, start, e.end, "ORG", conf, new))
    return sorted(out, key=lambda s: s.start)


def sector_word_inside_name(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """Join "<ORG> <sector acronym> <ORG>" written with no gap into one ORG: "Local companies Linn IT Solution are
    providing ...", where ner kept the two title-case parts of one firm's name apart around the acronym."""
    by_start = {e.start: e for e in ents}
    out: list[Span] = []
    joined: set[int] = set()
    for e in ents:
        if e.start in joined:
            continue
        after = by_start.get(e.end + 1)
        if e.label_ == "ORG" and not _known(e, conf, known) and e.end < len(doc) and e.end not in by_start \
                and doc[e.end].text.isupper() and doc[e.end].lower_ in _words()["sector"] \
                and after is not None and after.label_ == "ORG" and not _known(after, conf, known) \
                and all(t.is_title or t.is_upper for t in after):
            joined.add(after.start)
            out.append(_span(doc, e.start, after.end, "ORG", conf, new))
            continue
        out.append(e)
    return out

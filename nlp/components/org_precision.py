"""Last checks on ORG/GOV_AGENCY guesses that are no party's name, run by ``redflag_entities`` on its final spans.

Issue 13, round 22: counted over the six read sets, the false ORG/GOV_AGENCY mentions fall into a few kinds that
news and NGO reports write everywhere, each read here from the document's own layout, never from a list of names:

- an acronym that the text defines in brackets after the long form of a law, a place or a system ("the Freedom of
  Information Act (FOIA)", "Example Town International Airport (ETA)", "the Fictional Plate Reading System (FPRS)")
  names that thing wherever the document repeats it: no party (a law, a place) or a product (a system)
  (:func:`acronyms_of_things`; the law words are name_repairs' document words);
- title-case words of a headline or heading line ("Spy Merchants", "Foreign Technology Used ...") that the body
  never repeats are words of the title, not a name (:func:`heading_words`);
- a body's name with "and" or a comma inside that ner cut in two ("Cyber Crimes and Fraud Bureau" -> "Cyber
  Crimes" + "Fraud Bureau") is one name (:func:`bodies_cut_at_and`).

Word lists: nlp/data/org_precision.txt. Gazetteer spans (confidence ``known``) are never dropped, cut or joined.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from nlp.components.common import word_sections
from nlp.components.name_repairs import DOCUMENT_WORDS, FIRM_TAILS
from nlp.normalize import name_key

Conf = dict[tuple[int, int], float]
# a document-level mention: (start, end, label, canonical, confidence), as repeated_names.Raw (not imported here:
# that module imports the entity component, which imports this one)
Raw = tuple[int, int, str, str, float]
_PARTIES = ("ORG", "GOV_AGENCY")
# words a title-case line leaves in lower case ("Spyware Used to Spy on Opposition")
_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from",
                          "as", "vs", "via", "into", "over", "is", "are", "be"})


@cache
def _words() -> dict[str, frozenset[str]]:
    return word_sections("org_precision.txt")


def _known(span: Span, conf: Conf, known: float) -> bool:
    return conf.get((span.start_char, span.end_char)) == known


def check_parties(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """The checks on one parsed block (:func:`bodies_cut_at_and`): ``ents`` are the entity spans found so far,
    ``conf`` maps (start_char, end_char) to a span's confidence (updated for new spans), ``known`` is the
    gazetteer's confidence, ``new`` the one given to joined spans. Returns the new list of spans."""
    return bodies_cut_at_and(doc, ents, conf, known, new)


def check_document_parties(text: str, raw: list[Raw], known: float) -> list[Raw]:
    """The checks over a whole document's mentions (:func:`acronyms_of_things`, :func:`heading_words`): ``raw``
    are (start, end, label, canonical, confidence) over ``text``, ``known`` the gazetteer's confidence."""
    return heading_words(text, acronyms_of_things(text, raw, known), known)


# (a number may follow the law's head word: "Executive Order 14093 (EO)", "Regulation No. 12 (RN)")
_BRACKETED_ACRONYM = re.compile(r"\b[A-Z][\w'\u2019-]*\s+([A-Z][a-z]+)(?:\s+(?:No\.\s*)?\d[\d/.-]*)?\s*\(([A-Z][A-Z0-9&-]+)\)")


def acronyms_of_things(text: str, raw: list[Raw], known: float) -> list[Raw]:
    """ORG/GOV_AGENCY mentions ``raw`` ((start, end, label, canonical, confidence) over ``text``) equal to an
    acronym that the text defines in brackets right after a title-case long form ending in a law word (name_repairs'
    document words), a place word or a system word (nlp/data/org_precision.txt, [place] and [system]): dropped for
    a law or a place, made PRODUCT for a system, at every mention of the acronym in the text."""
    kinds: dict[str, str] = {}
    words = _words()
    for m in _BRACKETED_ACRONYM.finditer(text):
        head = m.group(1).casefold()
        if head in DOCUMENT_WORDS or head in words["place"]:
            kinds[m.group(2)] = "DROP"
        elif head in words["system"]:
            kinds[m.group(2)] = "PRODUCT"
    if not kinds:
        return raw
    out = []
    for s, e, label, canonical, conf in raw:
        kind = kinds.get(text[s:e])
        if label not in _PARTIES or kind is None or conf == known:
            out.append((s, e, label, canonical, conf))
        elif kind == "PRODUCT":
            out.append((s, e, "PRODUCT", canonical, conf))
    return out


def _title_case_line(line: str) -> bool:
    """Whether ``line`` reads as a headline or heading in title case: not all in capitals, 2-20 words, no
    sentence end inside, every word that is not a small function word opening with a capital or a digit."""
    words = re.findall(r"[^\s\u2013\u2014:;,|]+", line)
    if line.upper() == line:
        return False  # a line in capitals (a resolution's title, a form) has its own rules (name_repairs)
    if not 2 <= len(words) <= 20 or re.search(r"[.!?][\"'\u201d\u2019)]?\s+\S", line.strip()):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() or w.casefold() in _SMALL_WORDS
               for w in words)


def heading_words(text: str, raw: list[Raw], known: float) -> list[Raw]:
    """ORG/GOV_AGENCY mentions ``raw`` ((start, end, label, canonical, confidence) over ``text``) that lie in a
    title-case line (:func:`_title_case_line`) and whose words the text never writes again outside such lines
    (case ignored) are title words, dropped; not a name that fills its line and ends in a firm's or body's head word
    (name_repairs' firm tails, [body]): a list of names one to a line is no heading; nor one in brackets, a
    dateline's source ("CITY (Agency) -")."""
    lines: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        lines.append((start, start + len(line)))
        start += len(line) + 1
    titled = [(s, t) for s, t in lines if _title_case_line(text[s:t])]
    if not titled:
        return raw
    ends = FIRM_TAILS | _words()["body"]
    body = "\n".join(text[s:t] for s, t in lines if (s, t) not in titled).casefold()
    out = []
    for s, e, label, canonical, conf in raw:
        name = text[s:e]
        place = next(((a, b) for a, b in titled if a <= s and e <= b), None)
        whole_line = place is not None and not re.search(r"[^\W\d]", text[place[0] : s] + text[e : place[1]])
        bracketed = text[s - 1 : s] == "(" and text[e : e + 1] == ")"  # a dateline's source: "CITY (Agency) -"
        if label in _PARTIES and conf != known and place is not None and not bracketed \
                and not (whole_line and name.split()[-1].casefold().strip(".") in ends) \
                and re.search(r"(?<!\w)" + re.escape(name.casefold()) + r"(?!\w)", body) is None:
            continue
        out.append((s, e, label, canonical, conf))
    return out


def bodies_cut_at_and(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """Two ORG/GOV_AGENCY guesses joined only by "and", "&", ", and" or a comma before a name with "and" inside, of which the second ends in a
    body's head word ([body] in nlp/data/org_precision.txt) and the first is one to three title-case words with no
    head word of its own, are one body's name, labelled as the second ("Cyber Crimes and Fraud Bureau")."""
    heads = _words()["body"]
    parties = sorted((e for e in ents if e.label_ in _PARTIES), key=lambda e: e.start)
    drop: set[tuple[int, int]] = set()
    joined: list[Span] = []
    current: Span | None = None  # the body name being grown leftwards, right to left over the guesses
    for first in reversed(parties):
        second = current
        current = first
        if second is None:
            continue
        gap = [t.lower_ for t in doc[first.end : second.start]]
        # (a comma alone only before a name with "and" inside: "A, B and C Ministry", never "Jo Doe, Police
        # Department")
        if gap not in (["and"], ["&"], [",", "and"]) \
                and not (gap == [","] and (second in joined or any(t.lower_ == "and" for t in second))) \
                or second[-1].lower_ not in heads \
                or not 1 <= len(first) <= 3 or any(t.lower_ in heads for t in first) \
                or not all(t.is_title for t in first) or _known(first, conf, known) or _known(second, conf, known) \
                or "\n" in doc[first.start : second.end].text:
            continue
        drop |= {(first.start, first.end), (second.start, second.end)}
        current = Span(doc, first.start, second.end, label=second.label_,
                       kb_id=name_key(doc[first.start : second.end].text))
        conf[(current.start_char, current.end_char)] = new
        joined.append(current)
    if not joined:
        return ents
    # (a span grown twice keeps only its widest form)
    widest = [j for j in joined if not any(o.start <= j.start and j.end <= o.end and len(o) > len(j) for o in joined)]
    return [e for e in ents if (e.start, e.end) not in drop] + widest

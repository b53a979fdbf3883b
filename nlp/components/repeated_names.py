"""One name, one entity per document: the other uses of a name the extractor tagged once (issue 13 round 20).

A statistical tagger reads each sentence on its own, so the same firm, group or outlet comes out tagged in one
paragraph and untagged in the next ("Kestrel Systems said ..." tagged, "the ministry paid Kestrel Systems ..." not;
the short name of a body in the line after its own full mention). News and reports name a party many times, and an
investigator reads every use as that party; this module gives each untagged use of a tagged name the label and
canonical of its tagged uses (the classic "one sense per discourse" assumption of named-entity work).

Guards, so that one wrong guess does not spread through a text:

- the match is exact, case-sensitive and whole-word, outside any other mention, neither glued to a hyphen ("the
  EU-based firm" is a place of business) nor run on into a longer capitalised name (a capitalised word right before
  or after: "Senate President ...", "Kestrel Systems Labs");
- a one-word name must read as a name, not an English word: written with an inner capital, a digit or all in
  capitals, or rarer in English than :data:`NAME_ZIPF` (wordfreq); at a sentence's start, where any word is
  capitalised, rarer than :data:`OPENING_ZIPF`;
- a one-word name in capitals spreads only from a use the tagger or a typing cue made (confidence at least
  ``TYPED_CONFIDENCE``), not from a rule's remap of an acronym (a protocol's acronym once read as a body's);
- no use on a line without a lower-case word (a heading, a title in capitals, a table's cell) is added;
- countries, cities, provinces and regions are left to the gazetteer and the tagger (a place's name is no party's
  by itself, though the tagger may once have read it as one); only names tagged
  ORG, GOV_AGENCY, PRODUCT or PERSON spread, with the label most of their tagged uses carry.
"""

from __future__ import annotations

import bisect
from collections import Counter

import regex
from wordfreq import zipf_frequency

from nlp.components.entities import TYPED_CONFIDENCE
from nlp.gazetteer import city_country, local_place_code, world_regions

Raw = tuple[int, int, str, str, float]

_LABELS = ("ORG", "GOV_AGENCY", "PRODUCT", "PERSON")  # (order breaks ties between a name's labels)
# a one-word name spreads when rarer than this in English (Zipf): "Safaricom" (1.9), "Lookout" (3.6); not "Liberty"
# (4.6), "Commerce" (4.3), "States" (5.6); also the bar of a firm's short form in nlp.extract
NAME_ZIPF = 3.85
# ... and at a sentence's start or a line's, where any word is capitalised, rarer than this
OPENING_ZIPF = 3.0
# a capitalised word that opens a sentence right before a name is a common word, not the name's, when this common
_COMMON_ZIPF = 4.0
_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}\d]*")


def reads_as_name(word: str, at_opening: bool) -> bool:
    """True when one word looks like a name, not an English word: an inner capital, a digit or all capitals
    ("eSurv", "4G" no: at least two letters), or rare in English (see the module's docstring)."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    if any(c.isdigit() for c in word) or word.isupper() or any(c.isupper() for c in word[1:]):
        return True
    return zipf_frequency(word.casefold(), "en") < (OPENING_ZIPF if at_opening else NAME_ZIPF)


def opening(text: str, start: int) -> bool:
    """True when ``start`` opens the text, a line or a sentence."""
    before = text[max(0, start - 3) : start]
    return start == 0 or "\n" in before or bool(regex.search(r"[.!?:][\"'\u201d\u2019]?\s+$", before))


def _runs_on(text: str, start: int, end: int) -> bool:
    """True when a capitalised word touches the match across one space, before or after it (before it: unless a
    common word opening the sentence), or a hyphen or a word character glues it to more text."""
    after = text[end : end + 40]
    before = text[max(0, start - 40) : start]
    if regex.match(r"[\w&-]|\s\p{Lu}", after) or regex.search(r"[\w.&'\u2019-]$", before):
        return True
    word = regex.search(r"\p{Lu}[\p{L}\d]*(?=\s$)", before)
    if word is None or opening(text, start):
        return False
    # (a common word that opens the sentence, "Later Kestrel sold ...", is no part of the name)
    return not (opening(text, start - len(before) + word.start())
                and zipf_frequency(word.group().casefold(), "en") >= _COMMON_ZIPF)


def _heading_line(text: str, start: int, end: int) -> bool:
    """True when the line holding ``start``..``end`` has no lower-case word of four letters or more."""
    line = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]
    return not regex.search(r"\b\p{Ll}{4,}\b", line)


def names_repeated(text: str, raw: list[Raw], country_code: object = None) -> list[Raw]:
    """``raw`` (start, end, label, canonical, confidence) with a mention added at every untagged use of a name that
    is tagged elsewhere in ``text`` (see the module's docstring); ``country_code`` (a callable word -> ISO code or
    None) keeps country names out. Returns the mentions sorted by offsets."""
    labels: dict[str, Counter[str]] = {}
    first: dict[str, tuple[str, float]] = {}
    for s, e, lab, can, conf in raw:
        name = text[s:e]
        if lab not in _LABELS or len(name) < 2 or "\n" in name or not _CAPITALISED.match(name):
            continue
        if callable(country_code) and country_code(name) or city_country(name) or local_place_code(name) \
                or name in world_regions():
            continue  # (a place the tagger once took for a body, "Ruritania's Kestrel province", is no party)
        labels.setdefault(name, Counter())[lab] += 1
        first.setdefault(name, (can, conf))
    if not labels:
        return raw
    chosen: dict[str, tuple[str, str, float]] = {}
    for name, counts in labels.items():
        label = max(counts, key=lambda lab: (counts[lab], -_LABELS.index(lab)))
        can, conf = next(((c, f) for s, e, lab, c, f in raw if text[s:e] == name and lab == label), first[name])
        chosen[name] = (label, can, conf)
    spans = sorted((s, e) for s, e, *_ in raw)
    begins = [s for s, _ in spans]
    pattern = regex.compile("|".join(regex.escape(n) for n in sorted(chosen, key=len, reverse=True)))
    added: list[Raw] = []
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        name = m.group()
        near = spans[max(0, bisect.bisect_right(begins, s) - 1) : bisect.bisect_left(begins, e)]
        if any(a < e and s < b for a, b in near) or _runs_on(text, s, e):
            continue
        if " " not in name and not reads_as_name(name, opening(text, s)) or _heading_line(text, s, e):
            continue
        label, can, conf = chosen[name]
        if name.isupper() and " " not in name and conf < TYPED_CONFIDENCE:
            continue
        added.append((s, e, label, can, conf))
    return sorted(raw + added, key=lambda x: (x[0], x[1])) if added else raw


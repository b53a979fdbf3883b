"""Names known by how they are written (issue 13 round 21): a word in camel case, and a country's people named by the
plural of its demonym.

A country's people ("Nigerians", "Israelis", "Saudis") are written as the plural of the country's demonym; the real
probes' gold annotates them COUNTRY, as the singular adjective. :func:`people_by_nationality` adds them after the
events are read, so that no event takes a people for a state party ("Kenyans learned that the firm had contracted
with the government" names no Kenyan buyer).

Brands of software, platforms and firms are often written with a capital inside the word ("an app called
KestrelOS", "the FalconWatch platform", "iKestrel"): no English word is written so, and news prints the brand as its
maker does. A statistical tagger leaves many new ones untagged (it has not seen them), and the product and vendor
tables only hold the known ones. :func:`camel_case_names` gives each untagged camel-case word a label: PRODUCT, or
ORG where an organisation's word ends the name ("Kestrelnet Initiative", "FalconWatch Inc").

Guards: the word has six letters or more, one lower-case letter opening it ("iKestrel") or at least two
lower-case letters before the inner capital (so "PhD", "MoU", "VoIP", "SoEs" and other short forms are left alone), no hyphen or word character glued to it, and it is
no scandal's name ending in "gate" ("KestrelGate": an affair, not a party). Up to two title-case words after it
join the name ("Kestrelnet Initiative"). The word is no mention that another rule or the tagger made.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from nlp.components.name_repairs import FIRM_NOUNS
from nlp.components.repeated_names import Raw

# a camel-case word: one lower-case letter, or lower-case letters (two or more, after an optional capital), then a
# capital, then more letters (never inside an address: no "/", "@" or ".letter" around it)
_CAMEL = regex.compile(r"(?<![\w.&'\u2019/@-])(?:\p{Ll}|(?:\p{Lu}?\p{Ll}{2,})+)\p{Lu}[\p{L}\d]*"
                       r"(?:\s\p{Lu}\p{Ll}+){0,2}(?![\w&/@-]|\.\w)")
# last words that make such a name an organisation's, not a product's
_ORG_ENDS = frozenset({"initiative", "inc", "inc.", "ltd", "ltd.", "llc", "group", "labs", "lab", "foundation",
                       "institute", "project", "network", "technologies", "systems", "solutions", "corp", "corp."})
# a firm noun right after the name, past a closing quote and one word ("“VantorLabs” software company")
_FIRM_AFTER = regex.compile(r"[\u201d\"']?\s+(?:\w+\s+)?(?:" + "|".join(sorted(FIRM_NOUNS)) + r")\b", regex.I)
# the confidence of a name read from its spelling alone (below a tagger's)
WRITTEN_CONFIDENCE = 0.6
MIN_LETTERS = 6


def camel_case_names(text: str, raw: list[Raw]) -> list[Raw]:
    """``raw`` (start, end, label, canonical, confidence) with a PRODUCT or ORG mention added for every untagged
    camel-case name (see the module's docstring). Returns the mentions sorted by offsets."""
    taken = [(s, e) for s, e, *_ in raw]
    added: list[Raw] = []
    for m in _CAMEL.finditer(text):
        words = m.group().split()
        first = words[0]
        if sum(c.isalpha() for c in first) < MIN_LETTERS or first.casefold().endswith("gate"):
            continue
        s, e = m.span()
        if any(a < s + len(first) and s < b for a, b in taken):
            continue
        if len(words) > 1 and any(a < e and s < b for a, b in taken):
            e = s + len(first)  # (the words after it belong to another mention)
            words = [first]
        parts = regex.findall(r"\p{Lu}\p{Ll}+", words[-1])
        label = "ORG" if words[-1].casefold() in _ORG_ENDS or (parts and parts[-1].casefold() in _ORG_ENDS) \
            or _FIRM_AFTER.match(text, e) else "PRODUCT"  # ("VantorLabs", "the 'Vantor' software company")
        if label == "PRODUCT" and len(words) > 1:
            e, words = s + len(first), [first]  # ("the KestrelOS Platform": the brand alone)
        added.append((s, e, label, text[s:e].casefold(), WRITTEN_CONFIDENCE))
        taken.append((s, e))
    return sorted(raw + added, key=lambda x: (x[0], x[1])) if added else raw


@lru_cache(maxsize=8)
def _plurals_pattern(plurals: frozenset[str]) -> regex.Pattern[str]:
    """The whole-word alternation of ``plurals``, longest first, compiled once per set of plurals (the same for
    every document of an extractor: round 24 speed)."""
    return regex.compile(r"(?<![\w-])(" + "|".join(regex.escape(p) for p in sorted(plurals, key=len, reverse=True))
                         + r")(?![\w-])")


def people_by_nationality(text: str, raw: list[Raw], plurals: dict[str, str]) -> list[Raw]:
    """``raw`` with a COUNTRY mention (canonical: the ISO code) added at every untagged whole-word use of a key of
    ``plurals`` (a plural demonym -> its country's code: ``Gazetteer.people_demonyms``), case-sensitive. Returns the
    mentions sorted by offsets."""
    if not plurals:
        return raw
    taken = [(s, e) for s, e, *_ in raw]
    added: list[Raw] = []
    for m in _plurals_pattern(frozenset(plurals)).finditer(text):
        s, e = m.span()
        if not any(a < e and s < b for a, b in taken):
            added.append((s, e, "COUNTRY", plurals[m.group()], WRITTEN_CONFIDENCE))
    return sorted(raw + added, key=lambda x: (x[0], x[1])) if added else raw

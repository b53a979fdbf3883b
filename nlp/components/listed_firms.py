"""Firms named in a list beside a firm (issue 13 round 20): "BAE Systems, Kestrel, Quobrix and Velmora Ltd".

News and reports name a trade's firms in lists, and a tagger that reads "BAE Systems" and "Velmora Ltd" as
organisations often leaves the brand-like names between them untagged (a camel-case or capitals-only brand, a rare
word). A list whose items are firms lists firms: :func:`firms_listed_with_firms` gives the untagged items the
organisation label, following the list item by item from each tagged organisation, both ways.
"""

from __future__ import annotations

import regex
from wordfreq import zipf_frequency

from nlp.components.repeated_names import OPENING_ZIPF, Raw, opening, reads_as_name
from nlp.gazetteer import city_country, local_place_code, world_regions

# the confidence of an item the list names a firm (below a tagger's: a list may run on into other names)
LISTED_CONFIDENCE = 0.6


# an item of a list: one to three capitalised words (or a camel-case brand, "eSurv"), each maybe with digits, dots,
# "&", "*" or an inner hyphen ("Global Tel*Link", "Cy4Gate", "3L"); a full stop only before a letter ("Tele.Sintese"): before a digit it is a footnote's, before a space the sentence's
_ITEM = regex.compile(r"(?:\p{Lu}|\d\p{Lu}|\p{Ll}{1,2}\p{Lu})(?:[\p{L}\d*&'-]|\.(?=\p{L}))*"
                      r"(?: (?:\p{Lu}|\d)(?:[\p{L}\d*&'-]|\.(?=\p{L}))*){0,2}")
_SEPARATOR = regex.compile(r",? and |,? or |, ")
# a one-word list item spreads an organisation's label when rarer than this in English (Zipf)
_ITEM_ZIPF = 4.0


def _list_item(text: str, start: int, end: int, country_code: object) -> bool:
    """True when ``text[start:end]`` can be a firm's name in a list (see :func:`firms_listed_with_firms`)."""
    name = text[start:end]
    if callable(country_code) and country_code(name) or city_country(name) or local_place_code(name) \
            or name in world_regions():
        return False
    if " " in name:
        return not any(zipf_frequency(w.casefold(), "en") >= _ITEM_ZIPF and not any(c.isupper() for c in w[1:])
                       for w in name.split()[-1:])
    return reads_as_name(name, False) or zipf_frequency(name.casefold(), "en") < _ITEM_ZIPF


def firms_listed_with_firms(text: str, raw: list[Raw], country_code: object = None) -> list[Raw]:
    """``raw`` with an ORG mention added for every untagged name listed next to an organisation ("BAE Systems,
    Kestrel, Quobrix and Velmora Ltd": a list whose items are firms lists firms), joined to it by a comma, "and" or
    "or"; the list is followed from each tagged organisation both ways, item by item. An item is one to three
    capitalised words or a camel-case brand, no country, city, province or region, whose last word is no common
    English word (Zipf below :data:`_ITEM_ZIPF`, unless written with an inner capital or digit), and is followed by
    a separator or the list's end (a full stop, a bracket, a semicolon)."""
    spans = sorted((s, e, lab) for s, e, lab, *_ in raw)
    starts = {s: (e, lab) for s, e, lab in spans}
    ends = {e: (s, lab) for s, e, lab in spans}
    taken = [(s, e) for s, e, _ in spans]
    added: list[Raw] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken) and not any(a < e and s < b for a, b, *_ in added)

    for s0, e0, lab in spans:
        if lab != "ORG":
            continue
        # rightwards: ", X", " and X"
        pos = e0
        while (sep := _SEPARATOR.match(text, pos)) is not None:
            item = _ITEM.match(text, sep.end())
            if item is None:
                break
            if item.start() in starts:
                if starts[item.start()][1] != "ORG":
                    break
                pos = starts[item.start()][0]
                continue
            e = item.end()
            if not regex.match(r"(?:,|\s+and\s|\s+or\s|[.;:)]|\s*$)", text[e:]) or not free(item.start(), e) \
                    or not _list_item(text, item.start(), e, country_code):
                break
            added.append((item.start(), e, "ORG", text[item.start():e].casefold(), LISTED_CONFIDENCE))
            pos = e
        # leftwards: "X, " or "X and " before the organisation
        end = s0
        while True:
            before = text[max(0, end - 60) : end]
            sep = regex.search(r"(?:,? and |,? or |, )$", before)
            if sep is None:
                break
            stop = end - (len(before) - sep.start())
            if stop in ends:
                if ends[stop][1] != "ORG":
                    break
                end = ends[stop][0]
                continue
            item = regex.search(r"(?:^|[\s(])(" + _ITEM.pattern + r")$", text[max(0, stop - 60) : stop])
            if item is None:
                break
            s = stop - (len(item.group(1)))
            if opening(text, s) and " " not in item.group(1) and zipf_frequency(item.group(1).casefold(), "en") >= OPENING_ZIPF \
                    or not free(s, stop) or not _list_item(text, s, stop, country_code) \
                    or regex.search(r"\p{Lu}[\p{L}\d]*\s$", text[max(0, s - 30) : s]) and not opening(text, s):
                break
            added.append((s, stop, "ORG", text[s:stop].casefold(), LISTED_CONFIDENCE))
            end = s
    return sorted(raw + added, key=lambda x: (x[0], x[1])) if added else raw

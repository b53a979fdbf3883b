"""Repairs of names by the cues around them that real news prose gives (issue 13 round 19, read on the tuning half of
the real set and on the two readable news probes; every rule is written from the shape of the words, never from a
list of names):

- a body's name whose words include a hyphened word in lower case after its hyphen ("Central Anti-graft Bureau",
  "National Counter-terrorism Agency") and that ends in a state body's head word is a GOV_AGENCY: ner and the
  gazetteer, which match title case, both miss it; its acronym in brackets then follows (``_acronyms``);
- an organisation guess ending in a state body's head word right after a country's possessive ("Ruritania's
  Information and Communication Technologies Authority") is that state's body, also where a word of a firm's trade
  stands in its remit;
- a chamber's name that only opens a post's title ("Senate President Pro Tempore", "Senate Majority Leader",
  "House Speaker") is no party: the title names a person;
- a name that opens with "Project" or "Operation" and one or two title-case words ("Project Kestrel", "Operation
  Nightjar") is a government programme, unless a firm's or body's word ends it ("Project Kestrel Foundation"): PRODUCT, as the real set's gold writes a programme's name
  (nlp/devset/real/README.md: "Safe City"; a name ending in "Project" stays the collaboration's, "Pegasus Project");
- "Safe" before a country's name ("Safe Ruritania") names a programme after the "Safe City" model: PRODUCT, not the
  country (the word "project" after it is left out, as for "Safe City");
- two or three title-case words set off by commas right after a post ("the head of the service, Dorin Vaskel,",
  "its deputy director, Dorin Vaskel,") are the person who holds it; a one-word organisation guess that is the
  last word of a person the text names, with a person's cue after it (", who", a verb of speech, a possessive), is
  that person named short.

Every function takes the document, the entity spans, the confidence map (character offsets -> confidence) and
returns the new list of spans; overlaps are resolved later by ``filter_spans``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from nlp.components.state_bodies import COUNTRY_LED_HEADS
from nlp.gazetteer import outlet_words
from nlp.normalize import name_key

Conf = dict[tuple[int, int], float]

# head words only states' bodies end in, of COUNTRY_LED_HEADS, for names no other rule found ("Bureau", "Agency")
_BODY_HEADS = frozenset({"Bureau", "Agency", "Ministry", "Directorate", "Commission", "Department", "Office",
                         "Authority", "Inspectorate", "Police", "Administration", "Secretariat"})
# words of a post's title that a chamber's name opens ("Senate President", "Senate Majority Leader", "House Speaker")
_CHAMBER_TITLE_WORDS = frozenset({"president", "majority", "minority", "leader", "speaker", "pro", "chair", "chairman",
                                  "chairwoman", "whip", "clerk"})
_CHAMBERS = frozenset({"Senate", "House"})
_PROGRAMME_OPENERS = frozenset({"Project", "Operation"})
# last words that make a "Project X" name a body's or firm's ("Project Kestrel Foundation", "Operation Dawn Ltd")
_BODY_WORDS = frozenset({"foundation", "institute", "group", "holdings", "ltd", "limited", "inc", "llc", "plc", "corp",
                         "company", "corporation", "network", "coalition", "alliance", "association", "trust",
                         "fund", "bank", "team"})
# lower-case nouns whose holder a comma-set name after them is ("the head of the service, Dorin Vaskel,")
POST_NOUNS = _POST_NOUNS = frozenset({"head", "chief", "director", "minister", "secretary", "spokesman", "spokeswoman",
                         "spokesperson", "commissioner", "chairman", "chairwoman", "chair", "president", "governor",
                         "ambassador", "adviser", "advisor", "general", "founder", "ceo", "official", "deputy",
                         "prosecutor", "judge", "journalist", "editor", "reporter", "lawyer", "mayor", "leader"})
_SPEECH_LEMMAS = frozenset({"say", "state", "tell", "testify", "deny", "add", "claim", "insist", "write", "argue",
                            "explain", "confirm", "resign"})
_POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
# Zipf frequency (wordfreq, English) below which a title-case word is no common word: a name's
_RARE_ZIPF = 3.5


def _new(doc: Doc, start: int, end: int, label: str, conf: Conf, confidence: float) -> Span:
    span = Span(doc, start, end, label=label, kb_id=name_key(doc[start:end].text))
    conf[(span.start_char, span.end_char)] = confidence
    return span


def _known(span: Span, conf: Conf, known: float) -> bool:
    return conf.get((span.start_char, span.end_char)) == known


def _without(ents: list[Span], start: int, end: int) -> list[Span]:
    return [e for e in ents if e.end <= start or e.start >= end]


def _hyphened_lower(doc: Doc, i: int) -> bool:
    """True when tokens ``i``..``i+2`` are "Anti" "-" "graft": a title-case word, a hyphen, a lower-case word."""
    return i + 2 < len(doc) and doc[i].is_title and doc[i].is_alpha and doc[i + 1].text == "-" \
        and doc[i + 2].is_lower and doc[i + 2].is_alpha and doc[i].whitespace_ == "" and doc[i + 1].whitespace_ == ""


def bodies_with_hyphened_words(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A title-case run with a hyphened word whose second part is lower case ("Central Anti-graft Bureau") that ends
    in a head word of :data:`_BODY_HEADS` is a GOV_AGENCY, replacing the pieces of it that ner tagged."""
    added = []
    i = 0
    while i < len(doc):
        if not _hyphened_lower(doc, i):
            i += 1
            continue
        start = i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha and doc[start - 1].lower_ != "the" \
                and not doc[start - 1].is_sent_start:
            start -= 1
        end = i + 3
        while end < len(doc) and (doc[end].is_title and doc[end].is_alpha or _hyphened_lower(doc, end)):
            end += 3 if _hyphened_lower(doc, end) else 1
        if doc[end - 1].text in _BODY_HEADS and end - start >= 4 and not any(
                _known(e, conf, known) and e.start < end and start < e.end for e in ents):
            added.append((start, end))
        i = end
    for start, end in added:
        ents = _without(ents, start, end) + [_new(doc, start, end, "GOV_AGENCY", conf, new)]
    return ents


def _after_country_possessive(doc: Doc, i: int, countries: set[int]) -> bool:
    """True when token ``i`` follows a country's possessive ("Ruritania's", "Ruritania’s" with a line break)."""
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k > 0 and doc[k].text in _POSSESSIVES and k - 1 in countries


def bodies_after_country_possessives(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """An organisation guess of two or more words ending in a state body's head word (``COUNTRY_LED_HEADS``)
    right after a country's possessive ("Ruritania's Information and Communication Technologies Authority") is a
    GOV_AGENCY."""
    countries = {e.end - 1 for e in ents if e.label_ == "COUNTRY"}
    out = []
    for e in ents:
        if e.label_ == "ORG" and len(e) >= 2 and e[-1].text in COUNTRY_LED_HEADS and not _known(e, conf, known) \
                and _after_country_possessive(doc, e.start, countries):
            out.append(Span(doc, e.start, e.end, label="GOV_AGENCY", kb_id=e.kb_id_))
            continue
        out.append(e)
    return out


def chambers_opening_titles(doc: Doc, ents: list[Span]) -> list[Span]:
    """A one-word "Senate" or "House" guess followed by a word of a post's title ("Senate President", "House
    Speaker") is part of the title of the person named after it, no party."""
    return [e for e in ents if not (e.label_ in ("ORG", "GOV_AGENCY") and len(e) == 1 and e.text in _CHAMBERS
                                    and e.end < len(doc) and doc[e.end].is_title
                                    and doc[e.end].lower_ in _CHAMBER_TITLE_WORDS)]


def programmes_opened_by_project(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """An organisation or person guess "Project X" / "Operation X" (one or two title-case words after the opener)
    is a programme: PRODUCT."""
    out = []
    for e in ents:
        if e.label_ in ("ORG", "PERSON") and 2 <= len(e) <= 3 and e[0].text in _PROGRAMME_OPENERS \
                and all(t.is_title and t.is_alpha for t in e[1:]) and not _known(e, conf, known) \
                and e[-1].lower_ not in _BODY_WORDS and e[-1].text not in COUNTRY_LED_HEADS:
            out.append(Span(doc, e.start, e.end, label="PRODUCT", kb_id=e.kb_id_ or name_key(e.text)))
            continue
        out.append(e)
    return out


def programmes_named_safe_country(doc: Doc, ents: list[Span], conf: Conf, new: float) -> list[Span]:
    """"Safe" before a country's name ("the Safe Ruritania project") is a programme's name: PRODUCT over both
    words, in place of the country or of an organisation guess of the same words."""
    added = []
    for e in ents:
        if e.label_ == "COUNTRY" and e.start > 0 and doc[e.start - 1].text == "Safe":
            added.append((e.start - 1, e.end))
        elif e.label_ == "ORG" and len(e) >= 2 and e[0].text == "Safe" and any(
                c.label_ == "COUNTRY" and c.start == e.start + 1 and c.end == e.end for c in ents):
            added.append((e.start, e.end))
    for start, end in added:
        ents = _without(ents, start, end) + [_new(doc, start, end, "PRODUCT", conf, new)]
    return ents


def _post_before_comma(doc: Doc, comma: int) -> bool:
    """True when the words before the comma at ``comma`` end in a post: "its deputy director", "the head of the
    service", "the head of EYP" (a post noun, optionally "of" and up to three words)."""
    k = comma - 1
    for _ in range(5):
        if k < 0:
            return False
        if doc[k].lower_ in _POST_NOUNS and doc[k].pos_ == "NOUN" or doc[k].lower_ in _POST_NOUNS and doc[k].is_lower:
            return True
        if doc[k].lower_ in (",", ".", ";", "and", "said") or doc[k].is_space:
            return False
        k -= 1
    return False


def _name_words(doc: Doc, start: int) -> int:
    """The end of a run of up to three title-case words at ``start``."""
    end = start
    while end < len(doc) and end - start < 3 and doc[end].is_title and doc[end].is_alpha:
        end += 1
    return end


def people_set_off_after_posts(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """Two or three title-case words between commas right after a post ("its deputy director, Dorin Vaskel,
    denied", "the head of the service, Dorin Vaskel, resigned"), one of them a rare word, are the person who holds
    the post: PERSON over them, in place of ner's guesses there."""
    added = []
    for tok in doc:
        if tok.text != "," or not _post_before_comma(doc, tok.i):
            continue
        start = tok.i + 1
        end = _name_words(doc, start)
        if not 2 <= end - start <= 3 or end >= len(doc) or doc[end].text != ",":
            continue
        words = doc[start:end]
        if not any(zipf_frequency(t.lower_, "en") < _RARE_ZIPF for t in words) or any(
                _known(e, conf, known) and e.start < end and start < e.end and e.label_ != "PERSON" for e in ents):
            continue
        if any(e.label_ == "PERSON" and e.start == start and e.end == end for e in ents):
            continue
        added.append((start, end))
    for start, end in added:
        ents = _without(ents, start, end) + [_new(doc, start, end, "PERSON", conf, new)]
    return ents


def _person_cue_after(doc: Doc, tok: Token) -> bool:
    """True when a person's cue follows ``tok``: ", who", a possessive, or a verb of speech it is the subject of."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None:
        return False
    if nxt.text in ("'s", "\u2019s"):
        return True
    if nxt.text == "," and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "who":
        return True
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in _SPEECH_LEMMAS


def surnames_of_people_named(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A one-word organisation guess that is the last word of a person the text names ("Vaskel" after "Dorin
    Vaskel") and has a person's cue after it is that person: PERSON."""
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) >= 2}
    if not surnames:
        return ents
    out = []
    for e in ents:
        if e.label_ == "ORG" and len(e) == 1 and e.text in surnames and not _known(e, conf, known) \
                and _person_cue_after(doc, e[0]):
            out.append(Span(doc, e.start, e.end, label="PERSON", kb_id=e.kb_id_))
            continue
        out.append(e)
    return out


def _spells(letters: str, words: list[str]) -> bool:
    """True when the capitals ``letters`` open with the first word's initial and hold every word's initial."""
    initials = [w[0].upper() for w in words]
    return letters.isupper() and letters.isalpha() and letters[:1] == initials[0] and all(c in letters for c in initials)


def names_opened_by_their_country(doc: Doc, ents: list[Span], conf: Conf, country_code: Callable[[str], str | None],
                                  new: float) -> list[Span]:
    """A title-case name after a country's demonym whose acronym in brackets right after it spells both ("Kenyan" +
    "Satellite Television" + "(KSTV)") is one organisation's name: ORG over both, the country word no longer a
    mention of its own; ner, which reads the demonym as the country, tags neither (the acronym then follows the
    name, ``_acronyms``)."""
    taken = {t: e for e in ents for t in range(e.start, e.end)}
    added = []
    for c in ents:
        if c.label_ != "COUNTRY" or len(c) != 1 or not c[0].is_title or not country_code(c.text):
            continue
        end = c.end
        while end < len(doc) and end - c.end < 5 and doc[end].is_title and doc[end].is_alpha \
                and (end not in taken or taken[end].label_ == "ORG"):
            end += 1
        if end == c.end or end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        if _spells(doc[end + 1].text, [c.text, *(t.text for t in doc[c.end : end])]):
            added.append((c.start, end))
    for start, end in added:
        ents = _without(ents, start, end) + [_new(doc, start, end, "ORG", conf, new)]
    return ents


def longer_names_of_known_bodies(doc: Doc, ents: list[Span], conf: Conf, known: float,
                                 country_code: Callable[[str], str | None], new: float) -> list[Span]:
    """A known body's name ending in a state body's head word and followed by "of" and title-case words that name no
    country ("State Department" + "of Public Safety") is the start of another body's longer name: GOV_AGENCY over
    all of it, no longer the known body (its country is the text's, not the known body's)."""
    out = list(ents)
    for e in ents:
        if e.label_ != "GOV_AGENCY" or not _known(e, conf, known) or e[-1].text not in COUNTRY_LED_HEADS \
                or e.end + 1 >= len(doc) or doc[e.end].lower_ != "of":
            continue
        end = e.end + 1
        while end < len(doc) and end - e.end <= 5 and (doc[end].is_title and doc[end].is_alpha
                                                       or doc[end].lower_ == "and" and end > e.end + 1):
            end += 1
        if doc[end - 1].lower_ == "and":
            end -= 1
        words = doc[e.end + 1 : end]
        if not words or any(country_code(t.text) for t in words) or country_code(words.text):
            continue
        out = _without(out, e.start, end) + [_new(doc, e.start, end, "GOV_AGENCY", conf, new)]
    return out


# title-case nouns of a state's formal name before "of" and its short name ("Republic of Kazakhstan")
# ("Republic" only: the real set's gold writes the republics' formal names whole; no gold says so of a kingdom's)
_STATE_FORMS = frozenset({"Republic"})


def formal_country_names(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A country's short name after a state's form and "of" ("Republic of Kazakhstan", "the eastern Democratic
    Republic of Congo", with the form's title-case modifiers) is the country's formal name: COUNTRY over all of it,
    as the real set's gold writes "People's Republic of China" and "Federal Democratic Republic of Ethiopia"."""
    out = list(ents)
    for c in ents:
        if c.label_ != "COUNTRY" or c.start < 2 or doc[c.start - 1].lower_ != "of":
            continue
        k = c.start - 2
        if doc[k].text not in _STATE_FORMS:
            continue
        start = k
        while start > 0 and (doc[start - 1].is_title and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start
                             or doc[start - 1].text in ("'s", "\u2019s") and start > 1 and doc[start - 2].is_title):
            start -= 1
        if doc[start].text in ("'s", "\u2019s"):
            start += 1
        if any(e.label_ not in ("COUNTRY", "ORG") and e.start < c.start and start < e.end for e in out) or any(
                _known(e, conf, known) and e.label_ == "ORG" and e.start < c.start and start < e.end for e in out):
            continue
        out = _without(out, start, c.end) + [Span(doc, start, c.end, label="COUNTRY", kb_id=c.kb_id_)]
        conf[(doc[start].idx, c.end_char)] = conf.get((c.start_char, c.end_char), new)
    return out


# lower-case nouns for a news outlet that the title-case name right before them is the name of ("Semana magazine")
_OUTLET_NOUNS = frozenset({"magazine", "newspaper", "daily", "weekly", "tabloid"})
_DAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "local", "weekend",
                        "morning", "evening", "online", "national", "state"})


def outlets_named_before_their_kind(doc: Doc, ents: list[Span], conf: Conf, known: float,
                                    country_code: Callable[[str], str | None], new: float) -> list[Span]:
    """One to three untagged title-case words right before a lower-case noun for an outlet ("Kestrel magazine",
    "the Daily Harbinger newspaper") are the outlet's name: ORG, as the real set's gold writes "Time magazine" and
    "New Yorker magazine"; a country's word or a day's ("Israeli newspaper", "Sunday newspaper") is none."""
    # (a person guess ner made of the name is no obstacle: "the Harbinger newspaper" is no person)
    taken = {t for e in ents if not (e.label_ == "PERSON" and not _known(e, conf, known)) for t in range(e.start, e.end)}
    added = []
    for tok in doc:
        if tok.lower_ not in _OUTLET_NOUNS or not tok.is_lower or tok.i == 0:
            continue
        start = tok.i
        while start > 0 and tok.i - start < 3 and start - 1 not in taken and doc[start - 1].is_title \
                and doc[start - 1].is_alpha and doc[start - 1].lower_ not in ("the", "a", "an"):
            start -= 1
        words = doc[start : tok.i]
        if not words or any(t.lower_ in _DAY_WORDS or country_code(t.text) for t in words) \
                or words[0].is_sent_start and len(words) == 1 and zipf_frequency(words[0].lower_, "en") >= 5:
            continue
        added.append((start, tok.i))
    for start, end in added:
        ents = _without(ents, start, end) + [_new(doc, start, end, "ORG", conf, new)]
    return ents


def outlet_heads_with_their_first_word(doc: Doc, ents: list[Span], conf: Conf,
                                       country_code: Callable[[str], str | None]) -> list[Span]:
    """An ORG that is an outlet's head word alone ("Times", "Telegraph", "Herald": the ``last`` words of
    nlp/data/outlet_words.tsv) right after an untagged title-case word that opens no sentence is that outlet with its
    first word: "the February 14 Sunday Times newspaper" (a day's name ner took for a date's end too), also across a hard line break of a cable or PDF copy
    ("Sunday\nTimes"); a country's word is none ("Ethiopian Times" is left as tagged). Issue 13 round 23."""
    _first, last = outlet_words()
    # (a day's name ner read as the end of a date is free: "the March 3 Sunday Times")
    taken = {t for e in ents for t in range(e.start, e.end)
             if not (e.label_ == "DATE" and doc[e.end - 1].lower_ in _DAY_WORDS and t == e.end - 1)}
    out = ents
    for e in ents:
        if e.label_ != "ORG" or len(e) != 1 or e.text.casefold() not in last:
            continue
        before = e.start - 1
        while before >= 0 and doc[before].is_space and "\n\n" not in doc[before].text:
            before -= 1  # (one hard line break inside the name, not a paragraph's)
        if before < 0 or before in taken or not doc[before].is_title or not doc[before].is_alpha \
                or doc[before].is_sent_start or country_code(doc[before].text):
            continue
        date = [d for d in out if d.label_ == "DATE" and d.start < before < d.end]
        out = _without(out, before, e.end) + [Span(doc, d.start, before, label="DATE") for d in date] \
            + [_new(doc, before, e.end, "ORG", conf, conf.get((e.start_char, e.end_char), 0.6))]
    return out


def repair_by_cues(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float,
                   country_code: Callable[[str], str | None]) -> list[Span]:
    """The repairs of this module in order; ``known`` is the gazetteer's confidence, ``new`` the one of new spans,
    ``country_code`` a word's ISO country code or None (``Gazetteer.country_code``)."""
    ents = names_opened_by_their_country(doc, ents, conf, country_code, new)
    ents = formal_country_names(doc, ents, conf, known, new)
    ents = longer_names_of_known_bodies(doc, ents, conf, known, country_code, new)
    ents = outlets_named_before_their_kind(doc, ents, conf, known, country_code, new)
    ents = outlet_heads_with_their_first_word(doc, ents, conf, country_code)
    ents = bodies_with_hyphened_words(doc, ents, conf, known, new)
    ents = bodies_after_country_possessives(doc, ents, conf, known)
    ents = chambers_opening_titles(doc, ents)
    ents = programmes_opened_by_project(doc, ents, conf, known)
    ents = programmes_named_safe_country(doc, ents, conf, new)
    ents = people_set_off_after_posts(doc, ents, conf, known, new)
    return surnames_of_people_named(doc, ents, conf, known)

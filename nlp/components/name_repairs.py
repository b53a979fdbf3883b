"""Repairs of name spans and kinds that news prose needs, run by ``redflag_entities`` after its typing rules.

spaCy's small English model, trained on newswire, still cuts or joins names at the same places in reporting on
surveillance sales (issue 13, round 6, read on public news articles about Pegasus, Predator, FinFisher, Hacking
Team, Cellebrite, Paragon and Chinese camera makers). Each rule reads the words and the dependency parse around a
name, never a list of names:

- a name joined to a known firm's name ("Meta" + "Platforms", the product "FinFisher" + "Labs") is that firm;
- a name that opens with a capitalised preposition takes in the word before it ("Reporters" + "Without Borders");
- a person's name cut before its last part ("Ursula von der" + "Leyen") takes it in;
- a name set off by commas after a noun for a firm or outlet ("its parent company, Thalestris,") is an
  organisation, one after "Dr"/"Mr"/"Ms" a person;
- a person guess that is a currency, has no capital letter, runs over a line break or goes on with ", which" is
  not a person; one split by a bracketed insertion ("[Donald] Trump") is two names;
- a one-word person guess coordinated only with organisations ("FinFisher Labs and Elaman") is one too;
- a one-word organisation guess that only qualifies a people noun ("Turkic people", "Tigrayan community") is a
  demonym, not a party;
- organisation and person guesses inside a quoted title ("From Bahrain With Love: FinFisher's Spy Kit Exposed?")
  are words of the title;
- two organisations ner joined over "and" ("Privacy International and Motherboard") are two.

Every function takes the document, the entity spans found so far and the confidence map (character offsets ->
confidence, updated for new spans) and returns the new list of spans (overlaps are resolved later by
``filter_spans``). Gazetteer spans (confidence ``known``) are never cut or retyped here.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

import pycountry
from rigour.names import extract_org_types
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from nlp.components.common import word_sections
from nlp.components.span_extents import (
    first_names_read_as_places,
    group_written_in_lower_case,
    legal_form_tails,
    listed_complements,
    names_run_past_a_legal_form,
)
from nlp.currencies import is_currency_name
from nlp.gazetteer import is_city_name
from nlp.normalize import name_key

Conf = dict[tuple[int, int], float]

# nouns that say the name set off by commas after them is an organisation's ("its parent company, Thalestris,")
FIRM_NOUNS = frozenset({"company", "firm", "vendor", "maker", "developer", "manufacturer", "startup", "subsidiary",
                         "supplier", "provider", "reseller", "distributor", "contractor", "outlet", "newspaper",
                         "magazine", "broadcaster", "website", "publication", "organisation", "organization", "group",
                         "nonprofit", "ngo", "watchdog", "consortium", "conglomerate", "parent", "affiliate", "partner",
                         "agency", "lab", "laboratory", "network"})
# words of a firm's name that follow a known firm's or product's name ("FinFisher Labs", "Meta Platforms")
FIRM_TAILS = frozenset({"labs", "lab", "platforms", "group", "holdings", "technologies", "technology", "systems",
                         "solutions", "networks", "international", "inc", "ltd", "llc", "gmbh", "sa", "ag", "plc",
                         "corp", "corporation", "company", "software", "security", "intelligence", "ventures"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "mx", "mme", "m"})
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "dos", "del", "la", "le", "al", "el", "bin",
                             "ibn", "abu", "ter", "zu"})
# a person's role written before the name with a capital ("Spokesperson Fred Enanga", "Marshal Haftar"): a word of
# the sentence, not of the name (issue 13 round 7; the honorifics and ranks rigour strips are among them); not
# "Sheikh", which is part of many South Asian names ("Sheikh Hasina", "Sheikh Mujibur Rahman")
# military and police ranks, which ner takes whole with the name after them
_RANKS = frozenset({"brigadier", "general", "major", "colonel", "lieutenant", "captain", "commander", "admiral", "air",
                    "chief", "marshal", "vice", "rear", "commodore", "inspector", "superintendent", "sergeant", "corporal",
                    "field", "squadron", "leader", "wing", "flight", "lt", "col", "gen", "maj", "capt", "brig", "cdr"})
# (the same words for the other entity rules: a rank or honorific before a name makes it a person's)
RANKS, HONORIFICS = _RANKS, _HONORIFICS
_ROLE_TITLES = frozenset({"spokesperson", "spokesman", "spokeswoman", "marshal", "field", "general", "colonel", "major",
                          "captain", "lieutenant", "sergeant", "commander", "admiral", "senator", "congressman",
                          "congresswoman", "representative", "judge", "justice", "prosecutor", "attorney", "lawyer",
                          "journalist", "reporter", "activist", "blogger", "dissident", "researcher", "professor",
                          "minister", "prime", "president", "vice", "governor", "mayor", "ambassador", "chairman",
                          "chairwoman", "director", "chief", "prince", "princess", "king", "queen", "emir",
                          "inspector", "commissioner", "detective", "officer", "mp", "mep", "opposition", "leader"})
_CONTACT_WORDS = frozenset({"email", "e-mail", "phone", "fax", "tel", "telephone", "website", "web"})
# nouns for a people or a community: a capitalised one-word "organisation" before them is a demonym
_PEOPLE_NOUNS = frozenset({"people", "peoples", "community", "communities", "population", "populations", "minority",
                           "minorities", "diaspora", "tribe", "tribes", "ethnicity", "descent", "origin", "language",
                           "separatists", "rebels", "militants", "refugees", "muslims", "christians", "region"})
_DEMONYM_ENDINGS = ("ic", "ian", "ese", "ish")  # not "-an": "Taliban forces"
_FIRM_WORDS_BEFORE_AND = frozenset({"international", "watch", "group", "lab", "labs", "foundation", "institute",
                                    "inc", "ltd", "llc", "gmbh", "plc", "corp", "corporation", "company", "technologies",
                                    "systems", "solutions", "networks", "holdings"})
_OPEN_QUOTES = frozenset({"\u201c", "\u2018", '"', "'"})
_CLOSE_QUOTES = frozenset({"\u201d", "\u2019", '"', "'"})


def repair_names(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float,
                 legal_forms: frozenset[str] = frozenset()) -> list[Span]:
    """All repairs in order; ``known`` is the gazetteer's confidence, ``new`` the one given to repaired spans,
    ``legal_forms`` the one-word legal forms (nlp/data/legal_forms.txt)."""
    ents = names_ending_in_legal_forms(doc, ents, conf, known, new, legal_forms)
    ents = joined_to_known_firm(doc, ents, conf, known, new)
    ents = names_opening_with_preposition(doc, ents, conf, known, new)
    ents = names_after_an_opening_preposition(doc, ents, conf, known)
    ents = person_name_tails(doc, ents, conf, known)
    ents = named_between_commas(doc, ents, conf, known, new)
    ents = people_after_honorifics(doc, ents, conf, known)
    ents = persons_that_are_not(doc, ents, conf, known)
    ents = coordinated_with_firms(doc, ents, conf, known)
    ents = demonym_modifiers(doc, ents, conf, known)
    ents = inside_quoted_titles(doc, ents, conf, known)
    ents = associations_after_demonyms(doc, ents, conf, known, new)
    ents = subjects_of_passive_firm_verbs(doc, ents, conf, known)
    ents = untagged_names_coordinated_with_firms(doc, ents, conf, new)
    ents = scandals_and_tickers(doc, ents, conf, known)
    ents = firm_names_cut_after_and(doc, ents, conf, known, new)
    ents = trailing_common_nouns(doc, ents, conf, known)
    ents = lower_case_guesses(doc, ents, conf, known)
    ents = people_named_to_posts(doc, ents, conf, known)
    ents = victim_group_phrases(doc, ents)
    ents = names_with_middle_initials(doc, ents, conf, new)
    ents = acronyms_of_documents(doc, ents, conf, known)
    ents = documents_and_products_named(doc, ents, conf, known)
    ents = places_named_by_their_kind(ents, conf, known)
    ents = places_described_as_places(ents, conf, known)
    ents = round14_repairs(doc, ents, conf, known, new, legal_forms)
    ents = places_taken_for_firms(doc, ents, conf, known)
    ents = names_of_funds_and_projects(doc, ents, conf, known)
    ents = persons_after_articles(doc, ents, conf, known, new)
    ents = listed_complements(doc, ents, conf, known, new, legal_forms)
    ents = legal_form_tails(doc, ents, conf, known, new, legal_forms)
    ents = names_run_past_a_legal_form(doc, ents, conf, known, new, legal_forms)
    ents = first_names_read_as_places(doc, ents, conf, known)
    ents = group_written_in_lower_case(doc, ents, conf, known)
    return split_joined_firms(doc, ents, conf, known, new)


def _is_known(span: Span, conf: Conf, known: float) -> bool:
    return conf.get((span.start_char, span.end_char)) == known


def _relabel(span: Span, label: str, conf: Conf, confidence: float | None = None) -> Span:
    out = Span(span.doc, span.start, span.end, label=label, kb_id=span.kb_id_ or name_key(span.text))
    if confidence is not None:
        conf[(out.start_char, out.end_char)] = confidence
    return out


def _new(doc: Doc, start: int, end: int, label: str, conf: Conf, confidence: float) -> Span:
    span = Span(doc, start, end, label=label, kb_id=name_key(doc[start:end].text))
    conf[(span.start_char, span.end_char)] = confidence
    return span


def joined_to_known_firm(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A known organisation or product name followed at once by a capitalised firm word that ner tagged apart
    or left untagged is one organisation: "Meta Platforms" (gazetteer "Meta" + ner's "Platforms"), "FinFisher
    Labs" (the product's name + "Labs": the maker's firm)."""
    by_start = {e.start: e for e in ents}
    out = list(ents)
    for e in ents:
        if e.label_ not in ("ORG", "PRODUCT") or not _is_known(e, conf, known) or e.end >= len(doc):
            continue
        nxt = doc[e.end]
        if not (nxt.text[:1].isupper() and nxt.lower_.rstrip(".") in FIRM_TAILS):  # "Labs", "GmbH", "AG"
            continue
        after = by_start.get(e.end)
        if after is not None and (after.label_ not in ("ORG", "PERSON") or _is_known(after, conf, known) or len(after) > 1):
            continue
        end = e.end + 1
        out = [x for x in out if x is not e and x is not after]
        out.append(_new(doc, e.start, end, "ORG", conf, new))
    return out


def names_opening_with_preposition(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A name guess that opens with a capitalised preposition ("Without Borders") is the end of a longer
    organisation's name whose first words ner read apart: "Reporters Without Borders", "Doctors Without
    Borders", "Physicians for Human Rights" with a capital "For". No person's name opens with a preposition."""
    out = list(ents)
    for e in ents:
        first = e[0]
        if e.label_ not in ("ORG", "PERSON", "PRODUCT") or _is_known(e, conf, known) or first.pos_ != "ADP" \
                or not first.is_title or e.start == 0 or len(e) < 2:
            continue
        start = e.start
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "NOUN"):
            start -= 1
            if doc[start].is_sent_start:
                break
        if start == e.start:
            continue
        out = [x for x in out if x is not e and not (x.start < e.start and start < x.end and not _is_known(x, conf, known))]
        out.append(_new(doc, start, e.end, "ORG", conf, new))
    return out


@cache
def _opening_prepositions() -> frozenset[str]:
    """The prepositions of ``nlp/data/opening_prepositions.txt``, lower case."""
    return frozenset(w.casefold() for w in word_sections("opening_prepositions.txt").get("", ()))


def names_after_an_opening_preposition(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A name guess that opens a sentence with a capitalised preposition and goes on with a capitalised word
    ("Among Zorvex Ltd's customers are ...", "Under Acme Corp's contract ...") starts after the preposition: its
    capital is the sentence's, and the name inside it was no party of the sentence's verb (issue 13 round 23;
    prepositions in ``nlp/data/opening_prepositions.txt``). Known names are left as they are."""
    out: list[Span] = []
    for e in ents:
        first = e[0]
        if e.label_ in ("ORG", "PERSON", "PRODUCT", "GOV_AGENCY") and len(e) >= 2 and first.is_sent_start \
                and first.is_title and first.lower_ in _opening_prepositions() and e[1].text[:1].isupper() \
                and not _is_known(e, conf, known):
            e = _new(doc, e.start + 1, e.end, e.label_, conf, conf.get((e.start_char, e.end_char), 0.8))
        out.append(e)
    return out


def person_name_tails(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A person's name that ner cut before its last part takes it in: one ending in a particle ("Ursula von der"
    + "Leyen") or in a word the parse compounds with the untagged proper noun right after it; one that opens with
    a middle initial takes in the first name before it ("Treena" + "V. Garrett")."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    out = []
    for e in ents:
        first = e[0]
        if e.label_ == "PERSON" and not _is_known(e, conf, known) and len(first.text) == 2 and first.text[1] == "." \
                and first.text[0].isupper() and e.start > 0 and e.start - 1 not in taken and doc[e.start - 1].is_title \
                and doc[e.start - 1].is_alpha:  # "Treena" + "V. Garrett": a first name before a middle initial
            confidence = conf.get((e.start_char, e.end_char), 0.8)
            e = Span(doc, e.start - 1, e.end, label="PERSON", kb_id=name_key(doc[e.start - 1 : e.end].text))
            conf[(e.start_char, e.end_char)] = confidence
        end = e.end
        if e.label_ == "PERSON" and not _is_known(e, conf, known) and end < len(doc) and end not in taken:
            last, nxt = doc[end - 1], doc[end]
            if nxt.is_title and nxt.pos_ == "PROPN" and nxt.is_alpha and (
                    last.lower_ in _NAME_PARTICLES or (last.dep_ == "compound" and last.head.i == end)):
                confidence = conf.get((e.start_char, e.end_char), 0.8)
                e = Span(doc, e.start, end + 1, label="PERSON", kb_id=name_key(doc[e.start : end + 1].text))
                conf[(e.start_char, e.end_char)] = confidence
        out.append(e)
    return out


def named_between_commas(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A person guess set off by commas right after a noun for a firm or outlet names that firm or outlet:
    "Intellexa's parent company, Thalestris, is based in Ireland", "Cancellato's outlet, Fanpage, is ..."."""
    out = []
    for e in ents:
        if e.label_ == "PERSON" and not _is_known(e, conf, known) and e.start >= 2 and doc[e.start - 1].text == "," \
                and doc[e.start - 2].pos_ == "NOUN" and doc[e.start - 2].lemma_.casefold() in FIRM_NOUNS \
                and (e.end >= len(doc) or doc[e.end].text in (",", ".", ";", ")", "\u2014", "\u2013")):
            out.append(_relabel(e, "ORG", conf, new))
            continue
        out.append(e)
    return out


def people_after_honorifics(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """An organisation guess right after "Dr", "Mr", "Ms" ... is a person ("Dr Ala'a Shehabi from ...")."""
    out = []
    for e in ents:
        if e.label_ == "ORG" and not _is_known(e, conf, known) and e.start > 0 \
                and doc[e.start - 1].lower_.rstrip(".") in _HONORIFICS and doc[e.start - 1].is_title:
            out.append(_relabel(e, "PERSON", conf))
            continue
        cut = e.start
        while cut < e.end and (doc[cut].lower_.rstrip(".") in _HONORIFICS | _RANKS or doc[cut].text == "-") \
                and (doc[cut].is_title or doc[cut].text == "-"):
            cut += 1  # "Dr Dominic Ayine", "Brigadier General Mohammad Baker", "Air Chief Marshal ..."
        if e.label_ in ("ORG", "PERSON") and not _is_known(e, conf, known) and cut > e.start and e.end - cut >= 2 \
                and all(t.is_title for t in doc[cut : e.end]):
            # a title or rank taken whole with the name for an organisation: it is no part of the person's name
            person = Span(doc, cut, e.end, label="PERSON", kb_id=name_key(doc[cut : e.end].text))
            conf[(person.start_char, person.end_char)] = conf.get((e.start_char, e.end_char), 0.7)
            out.append(person)
            continue
        out.append(e)
    return out


def persons_that_are_not(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """Person guesses that cannot be people: a currency ("480.000 Euros"), a name with no capital letter
    ("hiljadekamera", a handle), one that runs over a line break ("GROUPS\\nBeginning") are dropped; one followed
    by ", which"/"which is" (things, not people, take "which": "we ask Zicta, which is the lead agency") is an
    organisation; one with a bracket inside ("[Donald] Trump", an editor's insertion) is the names on each side."""
    out: list[Span] = []
    for e in ents:
        if e.label_ != "PERSON" or _is_known(e, conf, known):
            out.append(e)
            continue
        if len(e) >= 3 and e[0].is_upper and e[0].is_alpha and len(e[0]) >= 2 and all(t.is_title for t in e[1:]):
            e = Span(doc, e.start + 1, e.end, label="PERSON", kb_id=name_key(doc[e.start + 1 : e.end].text))
            conf[(e.start_char, e.end_char)] = 0.8  # "MEP Nikos Androulakis": the title in capitals is no part of the name
        cut = e.start
        while cut < e.end - 1 and doc[cut].lower_ in _ROLE_TITLES and doc[cut].is_title \
                and all(t.is_title for t in doc[cut + 1 : e.end]):
            cut += 1  # "Spokesperson Fred Enanga", "Marshal Haftar", "Prime Minister Kyriakos Mitsotakis"
        if cut > e.start:
            e = Span(doc, cut, e.end, label="PERSON", kb_id=name_key(doc[cut : e.end].text))
            conf[(e.start_char, e.end_char)] = 0.8
        text = e.text
        if is_currency_name(text) or text.casefold() in _CONTACT_WORDS or not any(c.isupper() for c in text) or "\n" in text:
            continue
        if any(len(form.split()) >= 2 or len(e) >= 2 and text.endswith(form) for form, _ in extract_org_types(text)):
            # rigour's legal forms, spelled out ("Aktsionernoe Obshchestvo AST") or ending the name ("Area SpA")
            out.append(_relabel(e, "ORG", conf))
            continue
        brackets = [t.i for t in e if t.text in ("[", "]", "(", ")")]
        if brackets:
            bounds = [e.start, *brackets, e.end]
            for a, b in zip(bounds, bounds[1:], strict=False):
                a = a + 1 if doc[a].text in ("[", "]", "(", ")") else a
                if a < b and any(t.is_title for t in doc[a:b]):
                    out.append(Span(doc, a, b, label="PERSON", kb_id=name_key(doc[a:b].text)))
            continue
        i = e.end
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i < len(doc) and doc[i].lower_ == "which":
            out.append(_relabel(e, "ORG", conf))
            continue
        out.append(e)
    return out


def coordinated_with_firms(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A one-word person guess coordinated with organisations and with no person ("the conglomerate FinFisher,
    to which FinFisher Labs and Elaman also belong") is an organisation too; one coordinated only with products
    is a product ("Mac and Linux versions", "Windows, Mac and Android")."""
    root_label = {e.root.i: e.label_ for e in ents}
    out = []
    for e in ents:
        if e.label_ == "PERSON" and len(e) == 1 and not _is_known(e, conf, known):
            tok = e.root
            linked = [c.i for c in tok.children if c.dep_ == "conj"] + ([tok.head.i] if tok.dep_ == "conj" else [])
            labels = {root_label.get(i) for i in linked}
            if linked and labels in ({"ORG"}, {"PRODUCT"}):
                out.append(_relabel(e, labels.pop() or "ORG", conf))
                continue
        out.append(e)
    return out


def demonym_modifiers(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A one-word organisation guess that only qualifies a lower-case noun after it, and is either a demonym by
    its ending or qualifies a noun for a people ("the mostly Muslim Turkic people", "the Tigrayan community"), is
    an ethnic or national adjective, no party."""
    out = []
    for e in ents:
        tok = e[0]
        if e.label_ == "ORG" and len(e) == 1 and not _is_known(e, conf, known) and tok.dep_ in ("compound", "amod") \
                and tok.head.i > tok.i and tok.head.i - tok.i <= 3 and tok.head.pos_ == "NOUN" and tok.head.is_lower \
                and (tok.head.lemma_.casefold() in _PEOPLE_NOUNS or tok.head.lower_ in _PEOPLE_NOUNS
                     or tok.lower_.endswith(_DEMONYM_ENDINGS)):
            continue
        out.append(e)
    return out


def _opens(doc: Doc, i: int) -> bool:
    """A quotation mark that opens a quotation: a curly opening one, or a straight one with a space or nothing
    before it and a word right after it (repaired text has straight quotes only)."""
    tok = doc[i]
    if tok.text in ("\u201c", "\u2018"):
        return True
    text = doc.text
    return tok.text in ('"', "'") and (tok.idx == 0 or text[tok.idx - 1].isspace() or text[tok.idx - 1] in "([") \
        and i + 1 < len(doc) and not doc[i + 1].is_space and not tok.whitespace_


def _closes(doc: Doc, i: int) -> bool:
    """A quotation mark that closes a quotation: a curly closing one, or a straight one right after a word."""
    tok = doc[i]
    if tok.text in ("\u201d", "\u2019"):
        return True
    return tok.text in ('"', "'") and tok.idx > 0 and not doc.text[tok.idx - 1].isspace()


def _quoted_titles(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges between quotation marks whose words are mostly capitalised: a title, not a quotation."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if doc[i].text in _OPEN_QUOTES and _opens(doc, i):
            j = i + 1
            while j < len(doc) and j - i <= 25 and not (doc[j].text in _CLOSE_QUOTES and _closes(doc, j)) \
                    and "\n" not in doc[j].text and not (doc[j].text in _OPEN_QUOTES and _opens(doc, j)):
                j += 1
            if j < len(doc) and doc[j].text in _CLOSE_QUOTES and _closes(doc, j) and j - i > 1:
                words = [t for t in doc[i + 1 : j] if t.is_alpha and not (t.is_stop and t.is_lower)]
                capitals = [t for t in words if t.is_title or t.is_upper]
                if len(words) >= 3 and len(capitals) >= 0.8 * len(words):
                    out.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    return out


def inside_quoted_titles(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """Organisation and person guesses strictly inside a quoted title ("From Bahrain With Love: FinFisher's Spy
    Kit Exposed?", "Their Eyes on Me") are words of the title; a name that is the whole quotation stays."""
    titles = _quoted_titles(doc)
    if not titles:
        return ents
    return [e for e in ents if not (e.label_ in ("ORG", "PERSON") and not _is_known(e, conf, known) and any(
        a <= e.start and e.end <= b and any(not t.is_punct for t in [*doc[a : e.start], *doc[e.end : b]])
        for a, b in titles))]  # ("Central Informatics Organisation." with its full stop is the whole quotation)


def split_joined_firms(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """An organisation guess that is two names joined by "and", the first of two or more words ending in a firm's
    word and without "of"/"for" ("Privacy International and Motherboard"), is those two organisations; "Bureau
    of Industry and Security" or "Procter and Gamble" stay one."""
    out: list[Span] = []
    for e in ents:
        ands = [t.i for t in e if t.lower_ in ("and", "&")]
        if e.label_ != "ORG" or _is_known(e, conf, known) or len(ands) != 1:
            out.append(e)
            continue
        k = ands[0]
        first, second = doc[e.start : k], doc[k + 1 : e.end]
        if second and second[0].lower_ == "the" and len(second) >= 2 and first and first[0].text[:1].isupper():
            # "R3D and the University of Toronto": an article after "and" opens a second name
            out.append(_new(doc, first.start, first.end, "ORG", conf, new))
            out.append(_new(doc, second.start + 1, second.end, "ORG", conf, new))
            continue
        if len(first) >= 2 and len(second) >= 1 and first[-1].lower_.rstrip(".") in _FIRM_WORDS_BEFORE_AND \
                and not any(t.lower_ in ("of", "for") for t in first) and all(t.is_title or t.is_upper for t in second):
            out.append(_new(doc, first.start, first.end, "ORG", conf, new))
            out.append(_new(doc, second.start, second.end, "ORG", conf, new))
            continue
        out.append(e)
    return out


_MARKETS = frozenset({"nasdaq", "nyse", "tsx", "lse", "aim", "hkex", "sse", "szse", "tase", "euronext"})


def scandals_and_tickers(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """Organisation and person guesses that name no party: a scandal named with "-gate" ("CatalanGate",
    "Predatorgate"), a stock ticker after "ticker"/"symbol" or a market's name and a colon ("under the ticker
    'SAND'", "(NASDAQ: CLBT)")."""
    out = []
    for e in ents:
        if e.label_ in ("ORG", "PERSON") and not _is_known(e, conf, known):
            if len(e) == 1 and len(e.text) > 6 and e.text.casefold().endswith("gate") and e.text[:1].isupper():
                continue
            i = e.start - 1
            while i >= 0 and doc[i].text in _OPEN_QUOTES:
                i -= 1
            if i >= 0 and (doc[i].lower_ in ("ticker", "symbol") or doc[i].text == ":" and i > 0
                           and doc[i - 1].lower_ in _MARKETS):
                continue
        out.append(e)
    return out


# last words of the names of associations, parties and movements that often open with a demonym ("the American
# Civil Liberties Union", "the Chinese Communist Party")
_ASSOCIATION_HEADS = frozenset({"union", "party", "association", "society", "foundation", "league", "federation",
                                "congress", "academy", "institute", "chamber", "movement", "front", "alliance"})
# verbs whose passive subject is an organisation: "Hiljade Kamera is led by SHARE Foundation", "was founded by"
_FIRM_PASSIVE_VERBS = frozenset({"lead", "found", "co-found", "fund", "own", "operate", "run", "headquarter",
                                 "incorporate", "acquire"})  # (not "sanction", "list": people are listed too)


def associations_after_demonyms(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A country's name or demonym right before a capitalised name that ends in an association's word is part of
    that name: "the American Civil Liberties Union", "the Chinese Communist Party" (one organisation, not a
    country and a fragment). The name after it may be untagged or an organisation guess."""
    by_start = {e.start: e for e in ents}
    taken = {t for e in ents for t in range(e.start, e.end)}
    out = list(ents)
    for e in ents:
        if e.label_ != "COUNTRY" or e.end >= len(doc):
            continue
        j = e.end
        nxt = by_start.get(j)
        if nxt is not None:
            if nxt.label_ != "ORG" or _is_known(nxt, conf, known):
                continue
            end = nxt.end
        else:
            end = j
            while end < len(doc) and end not in taken and doc[end].is_title and doc[end].pos_ == "PROPN":
                end += 1
        if end - j < 1 or doc[end - 1].lower_ not in _ASSOCIATION_HEADS:
            continue
        out = [x for x in out if x is not e and x is not nxt]
        out.append(_new(doc, e.start, end, "ORG", conf, new))
    return out


def subjects_of_passive_firm_verbs(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A person guess that is the passive subject of a verb only organisations undergo ("Hiljade Kamera is led
    by SHARE Foundation", "... was founded by former officers", "... was acquired by") is an organisation."""
    out = []
    for e in ents:
        root = e.root
        if e.label_ == "PERSON" and not _is_known(e, conf, known) and root.dep_ == "nsubjpass" \
                and root.head.lemma_.casefold() in _FIRM_PASSIVE_VERBS:
            out.append(_relabel(e, "ORG", conf))
            continue
        out.append(e)
    return out


def untagged_names_coordinated_with_firms(doc: Doc, ents: list[Span], conf: Conf, new: float) -> list[Span]:
    """An upper-case proper noun of four or more letters that ner left untagged and that the parse coordinates
    with an organisation ("Positive Technologies and COSEINC were added to the Entity List") is an organisation
    too."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    org_roots = {e.root.i for e in ents if e.label_ == "ORG"}
    out = list(ents)
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.is_alpha or not tok.is_upper \
                or tok.dep_ != "conj" or tok.head.i not in org_roots or len(tok) < 4:
            continue  # (an acronym-like name only: title-case ones coordinated with firms are too often places or people)
        start = tok.i
        while start > 0 and start - 1 not in taken and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].head.i == tok.i:
            start -= 1
        out.append(_new(doc, start, tok.i + 1, "ORG", conf, new))
        taken.update(range(start, tok.i + 1))
    return out


def firm_names_cut_after_and(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A firm name ending in a commercial word that ner began after an inner "and" takes in the capitalised words
    before it, and a country's name that opens them: "China National Electronics Import and Export Corporation"
    (ner: "Export Corporation"). The words before "and" must be untagged."""
    taken = {t for e in ents for t in range(e.start, e.end) if e.label_ != "COUNTRY"}
    countries = {e.end: e for e in ents if e.label_ == "COUNTRY"}
    out = list(ents)
    for e in ents:
        if e.label_ != "ORG" or _is_known(e, conf, known) or e.start < 2 or doc[e.start - 1].lower_ not in ("and", "&") \
                or e[-1].lower_.rstrip(".") not in FIRM_TAILS | {"corporation", "company", "co"}:
            continue
        start = e.start - 1
        while start > 0 and start - 1 not in taken and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
                and start - 1 not in {t for c in countries.values() for t in range(c.start, c.end)}:
            start -= 1
        if start == e.start - 1:
            continue
        country = countries.get(start)
        if country is not None and not country.text.endswith(("ese", "ian", "an", "ish", "i")):
            out = [x for x in out if x is not country]
            start = country.start
        out = [x for x in out if x is not e]
        out.append(_new(doc, start, e.end, "ORG", conf, new))
    return out


def trailing_common_nouns(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """An organisation guess of capitalised words that ends in lower-case common nouns ("the NSO Group company")
    is the name without them (a government-actor phrase such as "Egyptian police" is a GOV_AGENCY, untouched)."""
    out = []
    for e in ents:
        end = e.end
        if e.label_ == "ORG" and not _is_known(e, conf, known) and e[0].text[:1].isupper():
            while end - 1 > e.start and doc[end - 1].is_lower and doc[end - 1].is_alpha and doc[end - 1].pos_ == "NOUN":
                end -= 1
        if end != e.end and any(t.is_title or t.is_upper for t in doc[e.start : end]):
            confidence = conf.get((e.start_char, e.end_char), 0.8)
            e = Span(doc, e.start, end, label="ORG", kb_id=name_key(doc[e.start : end].text))
            conf[(e.start_char, e.end_char)] = confidence
        out.append(e)
    return out


def names_ending_in_legal_forms(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float,
                                legal_forms: frozenset[str]) -> list[Span]:
    """A person guess that ends in a legal form ("Area SpA") is a firm; a guess that is the legal form alone
    ("SpA") right after a capitalised word, or after an organisation guess ("Area" + "SpA"), is that firm's name
    with it."""
    by_end = {e.end: e for e in ents if e.label_ in ("ORG", "PERSON") and not _is_known(e, conf, known)}
    out = list(ents)
    for e in ents:
        if e.label_ not in ("ORG", "PERSON") or _is_known(e, conf, known) or e[-1].lower_.rstrip(".") not in legal_forms \
                or not e[-1].text[:1].isupper() or e[-1].lower_ in ("as", "co", "company", "corporation", "limited"):
            continue
        start = e.start
        if len(e) == 1:
            before = by_end.get(e.start)
            if before is not None:
                start = before.start
            elif e.start > 0 and doc[e.start - 1].is_title and doc[e.start - 1].pos_ in ("PROPN", "NOUN"):
                start = e.start - 1
            else:
                continue
            out = [x for x in out if x is not before]
        elif e.label_ == "ORG":
            continue
        out = [x for x in out if x is not e]
        out.append(_new(doc, start, e.end, "ORG", conf, new))
    taken = {t for x in out for t in range(x.start, x.end)}
    for e in list(out):  # "an Italian company called Area SpA": the untagged legal form after an organisation guess
        if e.label_ == "ORG" and not _is_known(e, conf, known) and e.end < len(doc) and e.end not in taken \
                and doc[e.end].text[:1].isupper() and doc[e.end].lower_.rstrip(".") in legal_forms \
                and doc[e.end].lower_ not in ("as", "co", "company", "corporation", "limited"):
            out.remove(e)
            out.append(_new(doc, e.start, e.end + 1, "ORG", conf, new))
    return out


def lower_case_guesses(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """Organisation and person guesses written wholly in lower case ("the social democratic party") are common
    phrases, not names."""
    return [e for e in ents if not (e.label_ in ("ORG", "PERSON") and not _is_known(e, conf, known)
                                    and all(t.is_lower for t in e if t.is_alpha) and any(t.is_alpha for t in e))]


# nouns for a post that a person is named to ("appointed Panagiotis Kontoleon as EYP chief")
_POSTS = frozenset({"chief", "head", "director", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
                    "ceo", "chairman", "chair", "president", "commander", "adviser", "advisor", "ambassador"})


def people_named_to_posts(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """An organisation guess of two or three capitalised words followed by "as" and a post ("appointed Panagiotis
    Kontoleon as EYP chief") is the person named to it."""
    out = []
    for e in ents:
        if e.label_ == "ORG" and not _is_known(e, conf, known) and 2 <= len(e) <= 3 \
                and all(t.is_title and t.pos_ == "PROPN" for t in e) and e.end < len(doc) and doc[e.end].lower_ == "as" \
                and any(t.lower_ in _POSTS for t in doc[e.end + 1 : e.end + 5]):
            out.append(_relabel(e, "PERSON", conf))
            continue
        out.append(e)
    return out


# words before a victim group that count, point or judge, no part of the group's name ("other", "many", "local")
_NOT_GROUP_WORDS = frozenset({"other", "many", "several", "some", "more", "most", "such", "these", "those", "various",
                              "numerous", "certain", "all", "few", "both", "own", "same", "further", "additional",
                              "individual", "least", "dozens", "hundreds", "thousands", "specific", "particular",
                              "defenseless", "defenceless", "vulnerable", "innocent", "ordinary", "local", "foreign"})
# nouns after a victim-group word that head the group's phrase ("civil society actors", "Falun Gong practitioners",
# "Uyghur population"); not "groups" ("civil society groups" is read as the group "civil society", as the project's
# own dev set annotates it)
_GROUP_HEADS = frozenset({"actors", "actor", "population", "populations", "practitioners", "community", "communities",
                          "victims", "minority", "minorities", "workers", "leaders", "figures", "defenders", "people"})


def victim_group_phrases(doc: Doc, ents: list[Span]) -> list[Span]:
    """A victim-group mention takes in the words of its noun phrase that say which group: the adjectives and
    proper nouns the parse attaches to it ("political opponents", "ethnic and religious minorities", "Muslim
    minority", "Falun Gong practitioners") and a head noun it qualifies ("civil society actors", "Uyghur
    population"); never a participle ("detained bloggers"), a counting or judging word ("other", "local"), a
    determiner, a number or another mention ("Ethiopian journalists": the country stays apart; "LGBTQI+
    activists": two groups)."""
    out = []
    for e in ents:
        if e.label_ != "VICTIM_GROUP":
            out.append(e)
            continue
        taken = {t for x in ents if x is not e for t in range(x.start, x.end)}
        start, end = e.start, e.end
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and end not in taken and nxt.pos_ == "NOUN" and doc[end - 1].head.i == end and (
                nxt.lower_ in _GROUP_HEADS or nxt.lower_ in ("members", "groups") and doc[start].is_title):
            # ("Falun Gong members": the followers of a named group)
            end += 1
        k = start - 1
        while k >= 0 and k not in taken:
            tok = doc[k]
            if tok.lower_ in ("and", "or") and k > 0 and doc[k - 1].pos_ == "ADJ" and doc[k + 1].pos_ == "ADJ" \
                    and k + 1 == start:
                k -= 1  # "ethnic and religious minorities"
                continue
            inside = start <= tok.head.i < end or (tok.dep_ == "conj" and start <= tok.head.head.i < end)
            adjective = tok.pos_ == "ADJ" and tok.tag_ in ("JJ", "JJR", "JJS") and tok.dep_ in ("amod", "conj") \
                and not (k > 0 and doc[k - 1].dep_ == "cc" and doc[k - 1].head.pos_ == "VERB")  # "identify and detain"
            proper = tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.is_title
            if not inside or tok.lower_ in _NOT_GROUP_WORDS or not (adjective or proper) or tok.like_num:
                break
            start = k
            k -= 1
        while start < e.start and doc[start].lower_ in ("and", "or"):
            start += 1
        if (start, end) != (e.start, e.end):
            e = Span(doc, start, end, label="VICTIM_GROUP", kb_id=e.kb_id_)
        out.append(e)
    return out


def names_with_middle_initials(doc: Doc, ents: list[Span], conf: Conf, new: float) -> list[Span]:
    """An untagged capitalised word, a middle initial and capitalised words ("Thea D. Rozman Kendler", after a
    title the gazetteer tagged a body in) are a person's name."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    out = list(ents)
    for tok in doc:
        i = tok.i
        if not (len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == ".") or i == 0 or i in taken:
            continue
        first = doc[i - 1]
        if i - 1 in taken or not (first.is_title and first.is_alpha and first.pos_ == "PROPN") or first.is_sent_start:
            continue
        end = i + 1
        while end < len(doc) and end not in taken and doc[end].is_title and doc[end].is_alpha and doc[end].pos_ == "PROPN":
            end += 1
        if end == i + 1:
            continue
        out.append(_new(doc, i - 1, end, "PERSON", conf, new))
        taken.update(range(i - 1, end))
    return out


# last words of the names of laws, rules and lists ("the Export Administration Act (EAA)")
DOCUMENT_WORDS = frozenset({"act", "regulations", "regulation", "rule", "rules", "order", "list", "law", "code",
                             "directive", "convention", "treaty", "memorandum"})


def acronyms_of_documents(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """An acronym given in brackets after the name of a law or list ("the Export Administration Act (EAA)", "the
    Export Control Reform Act (ECRA)") names that document: its organisation guesses in the paragraph are no
    parties."""
    acronyms = set()
    for tok in doc:
        i = tok.i
        if tok.text == "(" and i >= 2 and i + 2 < len(doc) and doc[i + 2].text == ")" and doc[i + 1].is_upper \
                and doc[i - 1].is_title and doc[i - 1].lower_ in DOCUMENT_WORDS and doc[i - 2].is_title:
            acronyms.add(doc[i + 1].text)
    if not acronyms:
        return ents
    return [e for e in ents if not (e.label_ in ("ORG", "PERSON") and not _is_known(e, conf, known)
                                    and e.text in acronyms)]


# last words of the names of laws, reports and indexes: an organisation guess ending so is a document
_DOCUMENT_ENDS = frozenset({"act", "regulations", "regulation", "directive", "treaty", "statute", "report", "index",
                            "program", "programme", "strategy"})
# last words of the names of systems: an organisation guess ending so is a product ("Integrated Joint Operations
# Platform")
_SYSTEM_ENDS = frozenset({"platform", "system", "software", "app", "exploit"})
_DOCUMENT_JOINERS = frozenset({"and", "of", "for", "on", "the", "to"})
_MAKER_NOUNS = frozenset({"maker", "makers", "developer", "developers", "creator", "creators", "manufacturer",
                          "vendor", "seller", "inventor"})
# lower-case nouns a product's name qualifies ("Ring doorbells", "Dahua cameras")
_THING_NOUNS = frozenset({"doorbell", "doorbells", "camera", "cameras", "device", "devices", "phone", "phones", "app",
                          "apps", "software", "spyware", "malware", "system", "systems", "platform", "tool", "tools",
                          "footage", "account", "accounts", "messages"})
# lower-case nouns only software has: the name before them is the software's, also where ner called it a firm
# ("posing as Adobe Flash updates", "the WeChat app", "a single PacketShaper installation"; issue 13 round 7)
_SOFTWARE_NOUNS = frozenset({"update", "updates", "app", "apps", "plugin", "plugins", "plug-in", "plug-ins", "installer",
                             "installation", "installations", "browser", "extension", "extensions", "firmware"})


def _un_body(span: Span) -> bool:
    """True for the name of a United Nations body or programme ("United Nations Development Programme", "World Food
    Programme", "UN Office on Drugs and Crime"): an international organisation, never goods nor a document."""
    words = [t.text for t in span]
    return "Nations" in words or words[0] in ("UN", "U.N.", "World")


def documents_and_products_named(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """Organisation guesses that name a document: ending in "Act", "Report", "Index" ... ("Foreign Intelligence
    Surveillance Act", "Surveillance Industry Index") or cut from one ("Computer Fraud" + "and Abuse Act"), are
    dropped; an organisation guess after "the maker/developer of" ("Axon, the maker of Taser"), a person guess
    that qualifies a noun for a thing ("Ring doorbells") and any guess right before a noun only software has
    ("Adobe Flash updates", "the WeChat app") are products."""
    out: list[Span] = []
    for e in ents:
        if e.label_ not in ("ORG", "PERSON") or _is_known(e, conf, known):
            out.append(e)
            continue
        if e.label_ == "ORG":
            if len(e) >= 2 and e[-1].is_title and e[-1].lower_ in _DOCUMENT_ENDS and not _un_body(e):
                continue  # ("the Dual-Use Regulation", "China's Digital Silk Road Initiative")
            if len(e) >= 2 and e[-1].is_title and e[-1].lower_ in _SYSTEM_ENDS:
                out.append(_relabel(e, "PRODUCT", conf))
                continue
            j = e.end
            while j < len(doc) and j - e.end < 6 and (doc[j].lower_ in _DOCUMENT_JOINERS or doc[j].is_title):
                j += 1
            tail = doc[e.end : j]
            if len(tail) >= 2 and tail[0].lower_ in _DOCUMENT_JOINERS and tail[-1].is_title \
                    and tail[-1].lower_ in _DOCUMENT_ENDS:
                continue
            root = e.root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.casefold() in _MAKER_NOUNS:
                out.append(_relabel(e, "PRODUCT", conf))
                continue
        if e.end < len(doc) and doc[e.end].lower_ in _SOFTWARE_NOUNS and doc[e.end].is_lower and (
                doc[e.end].pos_ == "NOUN" or e.end + 1 == len(doc) or doc[e.end + 1].pos_ in ("PUNCT", "CCONJ")):
            out.append(_relabel(e, "PRODUCT", conf))
            continue
        if e.label_ == "PERSON" and e.root.dep_ in ("compound", "nmod") and e.root.head.i >= e.end \
                and e.root.head.is_lower and e.root.head.lower_ in _THING_NOUNS:
            out.append(_relabel(e, "PRODUCT", conf))
            continue
        out.append(e)
    return out


# title-case last words that make a name a place's ("Tahrir Square", "Pennsylvania Avenue"): no party
_PLACE_HEADS = frozenset({"Square", "Street", "Avenue", "Road", "Boulevard", "Bridge", "Plaza", "Highway",
                          "Stadium", "Airport", "Harbour", "Harbor", "Port", "Island", "Islands", "Valley", "Mountain",
                          "Mountains", "Desert", "Sea", "River", "Lake", "Peninsula", "Strait", "Gulf"})


def places_named_by_their_kind(ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A person or organisation guess of two or more words ending in a word for a kind of place ("Tahrir Square",
    "Pennsylvania Avenue") is a place, dropped as a party (issue 13 round 7; "Park" is left out, a surname too)."""
    return [e for e in ents if not (e.label_ in ("PERSON", "ORG") and len(e) >= 2 and not _is_known(e, conf, known)
                                    and e[-1].text in _PLACE_HEADS)]


# nouns for a kind of place that an apposition or a noun right before a name can give ("Elliniko, a coastal suburb
# just south of Athens", "the town Kashgar")
_PLACE_NOUNS = frozenset({"suburb", "town", "city", "village", "district", "province", "region", "neighbourhood",
                          "neighborhood", "county", "island", "municipality", "capital", "port", "prefecture"})


def places_described_as_places(ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A person or organisation guess whose apposition is a noun for a kind of place ("in Elliniko, a coastal suburb
    just south of Athens"), or right after such a noun ("the town Kashgar"), is a place, dropped as a party."""
    out = []
    for e in ents:
        if e.label_ in ("PERSON", "ORG") and not _is_known(e, conf, known):
            appos = [c for c in e.root.children if c.dep_ == "appos" and c.i >= e.end and c.pos_ == "NOUN"]
            prev = e.doc[e.start - 1] if e.start > 0 else None
            if appos and appos[0].lower_ in _PLACE_NOUNS or prev is not None and prev.pos_ == "NOUN" \
                    and prev.lower_ in _PLACE_NOUNS and not prev.ent_type_:
                continue
        out.append(e)
    return out


# ---- round 14: names cut at a legal form, capitals runs, posts, products and firms in odd case ----

# forms a firm's name takes after a comma ("ZOLMERA VISION, INC.", "Netsweeper, Inc."), compared without full stops
_COMMA_FORMS = frozenset({"inc", "ltd", "llc", "limited", "corp", "plc", "incorporated"})
# legal forms too common as English words to close a name unless a full stop or bracket says so
_AMBIGUOUS_FORMS = frozenset({"as", "co", "company", "corporation", "holdings"})


def _legal_form_word(tok: Token, legal_forms: frozenset[str]) -> bool:
    """True for a capitalised legal form, its full stops ignored: "Limited", "INC", "S.A.", "N.V.", "Pvt"."""
    word = tok.lower_.replace(".", "")
    return tok.text[:1].isupper() and (word in legal_forms or word in ("pvt", "private"))


def legal_forms_after_brackets_and_commas(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float,
                                          legal_forms: frozenset[str]) -> list[Span]:
    """A legal form that closes a name over a short bracket, a comma, a country or its own full stops belongs to
    it, whatever ner made of the pieces: "Acme (T) Limited" and "Acme (Pvt) Ltd" (a country or form code in
    brackets), "ACME GROUP, INC." (ner's "ACME GROUP" and "INC"), "Acme S.A." (ner's "Acme" and a person
    "S.A."), "Acme Data Romania S.A." (a firm, the country of its branch, the form): one organisation (round 14;
    fictional examples here and below, in the shapes of real news, council and ministry texts)."""
    by_start = {e.start: e for e in ents}
    out = list(ents)
    for e in ents:
        if e.label_ not in ("ORG", "PERSON") or _is_known(e, conf, known) or e not in out \
                or not all(t.is_title or t.is_upper or not t.is_alpha for t in e):
            continue
        j, strong = e.end, False
        country = by_start.get(j)
        if e.label_ == "ORG" and country is not None and country.label_ == "COUNTRY" and len(country) <= 2:
            j = country.end
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].is_alpha \
                and doc[j + 1].text[:1].isupper() and len(doc[j + 1].text) <= 7:
            j, strong = j + 3, True
        elif j + 1 < len(doc) and doc[j].text == "," and e.label_ == "ORG" \
                and doc[j + 1].lower_.replace(".", "") in _COMMA_FORMS and doc[j + 1].text[:1].isupper():
            j, strong = j + 1, True
        k = j
        while k < len(doc) and _legal_form_word(doc[k], legal_forms) \
                and (doc[k].lower_.replace(".", "") not in _AMBIGUOUS_FORMS or strong or "." in doc[k].text):
            k += 1
        if k == j or not (strong or any("." in t.text.rstrip(".") for t in doc[j:k])
                          or (j > e.end and by_start.get(e.end) is not None)):
            continue  # plain "Acme Ltd": names_ending_in_legal_forms; here only dotted forms, brackets, commas
        if any(_is_known(x, conf, known) and x.label_ != "COUNTRY" for x in out if e.end <= x.start < k):
            continue
        out = [x for x in out if x is not e and not (e.end <= x.start < k)]
        out.append(_new(doc, e.start, k, "ORG", conf, new))
    return _capitals_before_comma_forms(doc, out, conf, known, new)


def _capitals_before_comma_forms(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """In a title in capitals, the words in capitals before ", INC." that no mention covers ("... TO ZOLMERA VISION,
    INC. FOR ...": ner's lone "INC") are the firm's name, back to a function word, a verb or punctuation."""
    taken = {t: x for x in ents for t in range(x.start, x.end)}
    out = list(ents)
    for tok in doc:
        k = tok.i
        if not (tok.text == "," and 0 < k and k + 1 < len(doc) and doc[k + 1].is_upper
                and doc[k + 1].lower_.replace(".", "") in _COMMA_FORMS):
            continue
        lone = taken.get(k + 1)
        if k - 1 in taken or lone is not None and (len(lone) > 1 or _is_known(lone, conf, known)):
            continue
        start = k
        while start > 0 and k - start < 6 and start - 1 not in taken and doc[start - 1].is_upper \
                and doc[start - 1].is_alpha and not doc[start - 1].is_stop and doc[start - 1].pos_ not in ("VERB", "AUX"):
            start -= 1
        if start == k or not _capitals_run(doc[start:k]):
            continue
        out = [x for x in out if x is not lone]
        out.append(_new(doc, start, k + 2, "ORG", conf, new))
    return out


def _capitals_run(span: Span) -> bool:
    """True when the words around ``span`` (eight tokens each side) are mostly in capitals (a resolution's or
    ordinance's title, which often runs on into its text without a full stop)."""
    doc = span.doc
    words = [t for t in doc[max(span.start - 8, 0) : span.end + 8] if t.is_alpha and len(t.text) > 1]
    return len(words) >= 4 and sum(t.is_upper for t in words) >= 0.7 * len(words)


# head nouns of a description a firm or body is given after an indefinite article: "the City of Pueblo, a Colorado
# municipal corporation", "SoundThinking, Inc., a California corporation"
_DESCRIPTION_HEADS = frozenset({"corporation", "company", "municipality", "partnership", "entity", "subdivision"})


def words_of_capitals_runs(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """In a title written in capitals ("... FOR CAMERA SOFTWARE, ANALYSIS AND DATA ..."), a one-word
    organisation guess that is a common English word ("ANALYSIS", "DATA") is that word; anywhere, an organisation
    guess after "a"/"an" ending in "corporation"/"company" ("A MISSOURI MUNICIPAL CORPORATION", "a Delaware
    corporation") describes the party named before it and is none itself."""
    out = []
    for e in ents:
        if e.label_ == "ORG" and not _is_known(e, conf, known):
            if len(e) == 1 and e.text.isupper() and len(e.text) > 3 and _capitals_run(e) \
                    and zipf_frequency(e.text.lower(), "en") >= 4.3:
                continue
            if e.start > 0 and doc[e.start - 1].lower_ in ("a", "an") and e[-1].lower_ in _DESCRIPTION_HEADS:
                continue
        out.append(e)
    return out


# first words of a post's name ("Minister of Ports & Shipping", "Inspector General of Police") and last words of
# one ("Defence Attaché", "Police Super"): a person's office, no body
_POST_FIRST = frozenset({"minister", "inspector", "secretary", "ambassador", "consul", "attaché", "attache",
                         "director", "commissioner", "governor", "envoy", "undersecretary"})
_POST_LAST = frozenset({"attaché", "attache", "minister", "super", "superintendent", "ambassador", "consul", "envoy",
                        "commissioner", "secretary", "spokesperson", "spokesman", "spokeswoman", "candidate"})
# words that grade a post before its name ("Additional Commissioner of Police", "Deputy Director of ...")
_POST_GRADES = frozenset({"additional", "deputy", "assistant", "joint", "senior", "acting", "former", "special"})


def posts_taken_for_bodies(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """An organisation or agency guess that names a post ("Minister of Ports & Shipping", "Inspector General of
    Police", "Defence Attaché", "Police Super") is the office of a person, not a body; the acronym given in
    brackets right after it ("(IGP)") goes with it at each use."""
    posts: set[str] = set()
    out = []
    for e in ents:
        if e.label_ in ("ORG", "GOV_AGENCY") and len(e) >= 2 and not _is_known(e, conf, known) and e[0].is_title:
            k = 1 if e[0].lower_ in _POST_GRADES and len(e) >= 3 else 0
            first, last = e[k].lower_, e[-1].lower_
            if first in _POST_FIRST and (e[k + 1].lower_ in ("of", "for", "general", "-", "to")) \
                    or last in _POST_LAST and e[-1].is_title:
                if e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text == ")" \
                        and doc[e.end + 1].is_upper:
                    posts.add(doc[e.end + 1].text)
                continue
        out.append(e)
    posts |= _acronyms_of_lower_case_posts(doc, out)
    if not posts:
        return out
    return [e for e in out if not (e.label_ in ("ORG", "GOV_AGENCY") and e.text in posts and not _is_known(e, conf, known))]


def _acronyms_of_lower_case_posts(doc: Doc, ents: list[Span]) -> set[str]:
    """Acronyms in brackets after a post written in lower case whose initials they are ("Rajasthan director general
    of police (DGP) Manoj Bhatt", "the inspector general (IG)"): a person's office at each use, no body (issue 13
    round 15)."""
    found: set[str] = set()
    for e in ents:
        if e.label_ not in ("ORG", "GOV_AGENCY") or len(e) != 1 or not e.text.isupper() or e.start < 2 \
                or doc[e.start - 1].text != "(" or e.end >= len(doc) or doc[e.end].text != ")":
            continue
        words = [t for t in doc[max(0, e.start - 1 - 2 * len(e.text)) : e.start - 1] if t.is_alpha]
        for n in range(len(e.text), len(words) + 1):
            run = words[-n:]
            content = [t for t in run if t.lower_ not in ("of", "for", "and", "the")]
            if all(t.is_lower for t in run) and "".join(t.text[0] for t in content).upper() == e.text \
                    and any(t.lower_ in _POST_FIRST or t.lower_ in _POST_LAST for t in content):
                found.add(e.text)
                break
    return found


_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")


def people_named_by_initials(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """An organisation guess of initials and one rare capitalised word ("K.P. Perakumbura", "A.K. Sharma") is a
    person; a common word after the initials ("J.P. Morgan") may be a firm's and is left alone."""
    out = []
    for e in ents:
        if e.label_ == "ORG" and not _is_known(e, conf, known) and len(e) == 2 and _INITIALS.match(e[0].text) \
                and e[1].is_title and e[1].is_alpha and zipf_frequency(e[1].lower_, "en") < 4.2:
            out.append(_relabel(e, "PERSON", conf))
            continue
        out.append(e)
    return out


# lower-case nouns for goods a product's name qualifies after a possessive ("whose Spyrex software")
_GOODS_NOUNS = frozenset({"software", "spyware", "malware", "tool", "tools", "drone", "drones", "camera", "cameras",
                          "system", "systems", "platform", "suite", "trojan", "program", "programme"})
_MARK_NUMBERS = frozenset({"1", "2", "3", "4", "5", "I", "II", "III", "IV", "V"})


def _goods_code(tok: Token) -> bool:
    """A model code of letters and digits ending a product's name: "TB2", "X5", "mR-20", "Mk2" (no year, no bare
    number: "Unit 8200" is a body)."""
    text = tok.text
    return 2 <= len(text) <= 8 and any(c.isdigit() for c in text) and any(c.isalpha() for c in text) \
        and text[:1].isalpha() and text[-2:].lower() not in ("st", "nd", "rd", "th") and "." not in text


def products_taken_for_names(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """Products ner took for a person or firm, or missed: a name ending in a model code ("Bayraktar TB2"); a
    person guess that opens with a firm's or product's name found elsewhere in the text ("Acme Respond" after "Acme");
    a one-word firm guess between a possessive and a noun for goods ("whose Spyrex software"); a capitalised
    word, "Mark" and a number ("Heron Mark 1")."""
    whole = {e.text for e in ents if e.label_ in ("ORG", "PRODUCT")}
    out = []
    for e in ents:
        if e.label_ in ("PERSON", "ORG") and not _is_known(e, conf, known) and len(e) >= 2:
            if _goods_code(e[-1]) and all(t.is_title or t.is_upper for t in e[:-1]):
                out.append(_relabel(e, "PRODUCT", conf))
                continue
            if e.label_ == "PERSON" and e[0].text in whole and e[1].lower_ not in FIRM_TAILS:
                out.append(_relabel(e, "PRODUCT", conf))
                continue
        if e.label_ == "ORG" and len(e) == 1 and not _is_known(e, conf, known) and e.start > 0 and e.end < len(doc) \
                and (doc[e.start - 1].lower_ in ("whose", "its", "their") or doc[e.start - 1].tag_ == "POS") \
                and doc[e.end].is_lower and doc[e.end].lower_ in _GOODS_NOUNS:
            out.append(_relabel(e, "PRODUCT", conf))
            continue
        out.append(e)
    taken = {t for e in out for t in range(e.start, e.end)}
    for tok in doc:
        i = tok.i
        if tok.text == "Mark" and 0 < i and i + 1 < len(doc) and doc[i + 1].text in _MARK_NUMBERS \
                and doc[i - 1].is_title and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start \
                and not any(k in taken for k in range(i - 1, i + 2)):
            out.append(_new(doc, i - 1, i + 2, "PRODUCT", conf, new))
            taken.update(range(i - 1, i + 2))
    return out


# last words of the names of agreements, certificates and frameworks: no party ("Acme Health Trust Framework",
# "No Objection Certificate")
_INSTRUMENT_ENDS = frozenset({"framework", "certificate", "agreement", "contract", "tender", "licence", "license"})


def programmes_and_instruments(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """Organisation guesses that name a programme by what it does ("Strengthening Cyber Forensic Capacity": a
    gerund first) or an instrument ("Acme Health Trust Framework", "No Objection Certificate") are no
    parties; the acronym in brackets after one goes with it."""
    dropped: set[str] = set()
    out = []
    for e in ents:
        if e.label_ == "ORG" and len(e) >= 2 and not _is_known(e, conf, known) and (
                e[0].tag_ == "VBG" and e[0].is_title and e[0].lower_.endswith("ing")
                or e[-1].is_title and e[-1].lower_ in _INSTRUMENT_ENDS):
            if e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text == ")" and doc[e.end + 1].is_upper:
                dropped.add(doc[e.end + 1].text)
            continue
        out.append(e)
    return [e for e in out if not (e.label_ == "ORG" and e.text in dropped and not _is_known(e, conf, known))]


_CAMEL = re.compile(r"^[a-z]{2,}[A-Z][A-Za-z]+$")
_SUPPLY_LEMMAS = frozenset({"supply", "deliver", "provide", "sell", "bag", "win", "sign", "build", "install",
                            "develop", "manufacture", "make", "announce", "export", "ship", "bid"})


def lower_case_firm_names(doc: Doc, ents: list[Span], conf: Conf, new: float) -> list[Span]:
    """A camel-case word with a lower-case first letter that no mention covers ("brightWing") is a firm where one
    of its uses says so: the subject of a supply verb ("brightWing will deliver 50 drones"), before a legal form
    or after a noun for a firm ("the drone maker brightWing"); then each of its uses is that organisation."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    words: dict[str, list[int]] = {}
    for tok in doc:
        if tok.i not in taken and _CAMEL.match(tok.text):
            words.setdefault(tok.text, []).append(tok.i)
    out = list(ents)
    for uses in words.values():
        if any(doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.lemma_ in _SUPPLY_LEMMAS
               or i > 0 and doc[i - 1].lemma_.casefold() in FIRM_NOUNS
               or i + 1 < len(doc) and doc[i + 1].lower_.rstrip(".") in ("ltd", "limited", "inc", "pvt", "llc")
               for i in uses):
            out += [_new(doc, i, i + 1, "ORG", conf, new) for i in uses]
    return out


def former_names(doc: Doc, ents: list[Span], conf: Conf, new: float) -> list[Span]:
    """The former name given in brackets after an organisation ("CORVANE SYSTEMS, INC. (FORMERLY TELLURIX)",
    "Acme Ltd (formerly Fictive Systems)") is that organisation's: capitalised words after "formerly" or
    "previously" (and "known as") up to the closing bracket, when no mention covers them."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    out = list(ents)
    for e in ents:
        if e.label_ != "ORG" or e.end + 3 >= len(doc) or doc[e.end].text != "(" \
                or doc[e.end + 1].lower_ not in ("formerly", "previously"):
            continue
        start = e.end + 2
        if start + 2 < len(doc) and doc[start].lower_ == "known" and doc[start + 1].lower_ == "as":
            start += 2
        end = start
        while end < len(doc) and end - start < 6 and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
            end += 1
        if end == start or end >= len(doc) or doc[end].text != ")" or any(t in taken for t in range(start, end)):
            continue
        out.append(_new(doc, start, end, "ORG", conf, new))
    return out


# words of a post's name before the holder's ("Senior Superintendent of Police Sarvesh Mani Koirala", "Inspector
# General of Armed Police Dilan Perakumbura", "Staff Col Hamdan al Qutaybi")
_POST_WORDS = _RANKS | _ROLE_TITLES | _POST_FIRST | frozenset({"police", "staff", "senior", "deputy", "additional",
                                                               "assistant", "joint", "armed"})


def _after_post(doc: Doc, i: int) -> bool:
    """True when the words right before token ``i`` end a post's name: a rank or post word, or "of" and capitalised
    words back to one ("Superintendent of Police", "Inspector General of Armed Police")."""
    k = i - 1
    while k >= 0 and i - k <= 6 and (doc[k].is_title or doc[k].lower_ in ("of", "the")):
        if doc[k].lower_.rstrip(".") in _POST_WORDS and doc[k].lower_ not in ("police", "armed") or \
                doc[k].lower_ == "police" and k == i - 1 and k > 0 and doc[k - 1].lower_ == "of":
            return True
        k -= 1
    return False


def people_after_posts(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A person's name after the post's name that introduces it: ner's cut "Mani Koirala" after "Superintendent of
    Police Uttam" takes in the first name; two or three untagged capitalised words ("Inspector General of Armed
    Police Dilan Perakumbura said") are the person; a rank ner took with the name ("Col Hamdan al Qutaybi") is
    cut."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    out = []
    for e in ents:
        if e.label_ == "PERSON" and not _is_known(e, conf, known):
            start = e.start
            while start < e.end - 2 and doc[start].lower_.rstrip(".") in _RANKS | {"staff"} and doc[start].is_title:
                start += 1  # "Staff Col Hamdan al Qutaybi"
            if start == e.start and e.start > 1 and e.start - 1 not in taken and doc[e.start - 1].is_title \
                    and doc[e.start - 1].is_alpha and doc[e.start - 1].lower_ not in _POST_WORDS \
                    and zipf_frequency(doc[e.start - 1].lower_, "en") < 3.5 and _after_post(doc, e.start - 1):
                # (a rare word: a first name, not the end of the post's name, "Secretary of Commerce" + "Wilbur Ross")
                start = e.start - 1  # "Superintendent of Police" + "Sarvesh" + "Mani Koirala"
            if start != e.start:
                out.append(_new(doc, start, e.end, "PERSON", conf, conf.get((e.start_char, e.end_char), new)))
                continue
        out.append(e)
    taken = {t for e in out for t in range(e.start, e.end)}
    added = []
    for e in out:  # "Inspector General of Armed Police" + "Dilan Perakumbura"
        j = e.end
        if e.label_ != "GOV_AGENCY" or e[-1].lower_ != "police" or not _after_post(doc, e.start) or j in taken:
            continue
        k = j
        while k < len(doc) and k - j < 4 and k not in taken and doc[k].is_title and doc[k].is_alpha \
                and doc[k].pos_ == "PROPN":
            k += 1
        if 2 <= k - j <= 3 and (k == len(doc) or not doc[k].is_title):
            added.append(_new(doc, j, k, "PERSON", conf, new))
    if not added:
        return out
    return [e for e in out if not (e.label_ == "GOV_AGENCY" and any(a.start == e.end for a in added)
                                   and not _is_known(e, conf, known))] + added


# acronyms of posts that ner takes for organisations ("the CM cleared", "the IGP said")
_POST_ACRONYMS = frozenset({"CM", "PM", "DG", "IGP", "DIG", "AIG", "SSP", "SP", "DSP", "ASP", "SHO", "DC", "MNA", "MPA",
                            "MLA"})
# lower-case nouns an acronym of a term qualifies ("digital and ICT system", "quadcopter (VTOL) drones")
_TERM_HEADS = frozenset({"system", "systems", "drone", "drones", "portal", "technology", "technologies", "equipment",
                         "devices", "infrastructure", "network", "networks"})


def terms_and_post_acronyms(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """One-word capitals organisation guesses that are no body: a post's acronym ("the CM cleared"); a currency
    code by an amount ("120 million PKR"); an acronym in brackets between lower-case words before a noun for goods
    ("forty small quadcopter (VTOL) drones"), or after an adjective and "and" before one ("digital and ICT
    system"): a term, dropped at each of its uses."""
    terms: set[str] = set()
    out = []
    for e in ents:
        if e.label_ == "ORG" and len(e) == 1 and e.text.isupper() and not _is_known(e, conf, known):
            before = doc[e.start - 1] if e.start > 0 else None
            after = doc[e.end] if e.end < len(doc) else None
            if e.text in _POST_ACRONYMS:
                continue
            if len(e.text) == 3 and pycountry.currencies.get(alpha_3=e.text) is not None and (
                    before is not None and before.like_num or after is not None and after.like_num):
                continue
            if before is not None and after is not None and before.text == "(" and after.text == ")" \
                    and e.start > 1 and doc[e.start - 2].is_lower and e.end + 1 < len(doc) \
                    and doc[e.end + 1].lower_ in _TERM_HEADS:
                terms.add(e.text)
                continue
            if after is not None and after.lower_ in _TERM_HEADS and after.is_lower and before is not None \
                    and before.lower_ in ("and", "or") and e.start > 1 and doc[e.start - 2].pos_ == "ADJ":
                terms.add(e.text)
                continue
        out.append(e)
    if not terms:
        return out
    return [e for e in out if not (e.label_ == "ORG" and e.text in terms and not _is_known(e, conf, known))]


_WORD_OF_FIVE = re.compile(r"\w{5,}")


def brands_counted_on_goods(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A word in capitals between a number and a lower-case noun for the goods ("40 KORVIKA scooters", "12
    TANDRELL laptop computers") is the make of the goods counted: a product, not a party (a known firm's name is
    left to the gazetteer)."""
    if not any(w.isupper() and w.isalpha() for w in _WORD_OF_FIVE.findall(doc.text)):
        return ents  # (no word in capitals of five letters or more: the token loop below, the costly part, is moot)
    by_start = {e.start: e for e in ents}
    taken = {t for e in ents for t in range(e.start, e.end)}
    out = list(ents)
    for tok in doc:
        i = tok.i
        if not (tok.is_upper and tok.is_alpha and len(tok.text) >= 5 and 0 < i < len(doc) - 1  # ("20 CCTV cameras")
                and doc[i - 1].like_num and doc[i + 1].is_lower and doc[i + 1].pos_ == "NOUN"):
            continue
        guess = by_start.get(i)
        if guess is not None and (len(guess) != 1 or guess.label_ != "ORG" or _is_known(guess, conf, known)):
            continue
        if guess is None and i in taken:
            continue
        out = [x for x in out if x is not guess]
        out.append(_new(doc, i, i + 1, "PRODUCT", conf, new))
    return out


# the words that end a local police body's name in capitals ("SPRINGFIELD POLICE DEPARTMENT", "ROWAN COUNTY
# SHERIFF'S OFFICE") and the posts before a person's name in capitals ("AUTHORIZING MAYOR KELWIN TO SIGN")
_CAPITALS_BODY_ENDS = (("POLICE", "DEPARTMENT"), ("SHERIFF", "'S", "OFFICE"), ("SHERIFF", "\u2019S", "OFFICE"),
                       ("SHERIFF", "'S", "DEPARTMENT"), ("SHERIFF", "\u2019S", "DEPARTMENT"))
_CAPITALS_POSTS = frozenset({"MAYOR", "GOVERNOR", "SHERIFF", "COMMISSIONER", "COUNCILMEMBER", "COUNCILMAN",
                             "COUNCILWOMAN", "ALDERMAN", "SENATOR", "JUDGE"})


_CAPITALS_CUES = frozenset({end[0] for end in _CAPITALS_BODY_ENDS}) | _CAPITALS_POSTS


def bodies_and_people_in_capitals(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """In a title written in capitals, which ner reads poorly: a place's name before "POLICE DEPARTMENT" or
    "SHERIFF'S OFFICE" is a police body ("ESPECIALLY SPRINGFIELD POLICE DEPARTMENT": back over at most three
    words in capitals to a function word, a verb or an adverb); one or two words in capitals after a local post
    ("MAYOR KELWIN TO SIGN") are the holder's name."""
    text = doc.text  # (built anew from the tokens on every read)
    if not any(word in text for word in _CAPITALS_CUES):
        return ents  # (none of the words these shapes open with: the token loop below is moot)
    taken = {t for e in ents for t in range(e.start, e.end)}
    out = list(ents)

    def plain(k: int) -> bool:
        tok = doc[k]
        return k not in taken and tok.is_upper and tok.is_alpha and not tok.is_stop and not tok.text.endswith("LY") \
            and tok.pos_ not in ("VERB", "AUX", "ADV") and tok.text not in _CAPITALS_POSTS

    for tok in doc:
        i = tok.i
        if not tok.is_upper or i + 1 >= len(doc):
            continue
        body = next((i + len(end) for end in _CAPITALS_BODY_ENDS
                     if tuple(t.text for t in doc[i : i + len(end)]) == end), None)
        if body is not None:
            guess = next((e for e in out if e.start < body and i < e.end), None)
            if guess is not None and (guess.end != body or conf.get((guess.start_char, guess.end_char)) == known
                                      or guess.start >= i):
                continue  # a name found already ("ESPECIALLY SPRINGFIELD POLICE DEPARTMENT" is cut below)
            if guess is not None:
                out.remove(guess)
                taken.difference_update(range(guess.start, guess.end))
            start = i
            while start > 0 and i - start < 3 and plain(start - 1):
                start -= 1
            if start < i and _capitals_run(doc[start:body]):
                out.append(_new(doc, start, body, "GOV_AGENCY", conf, new))
                taken.update(range(start, body))
            continue
        if tok.text in _CAPITALS_POSTS and i + 1 not in taken:
            end = i + 1
            while end < len(doc) and end - i <= 2 and plain(end) and doc[end].lower_.rstrip(".") not in _POST_WORDS:
                end += 1
            if 1 <= end - i - 1 <= 2 and (end == len(doc) or not plain(end)) and _capitals_run(doc[i:end]):
                out.append(_new(doc, i + 1, end, "PERSON", conf, new))
                taken.update(range(i + 1, end))
    return out


# nouns for a tool or system that describe the name they are said of ("Kestrix, a research and analysis platform",
# "a tool, known as Halvern", "the CityNova tracking app")
_TOOL_NOUNS = frozenset({"platform", "tool", "app", "application", "software", "system", "spyware", "program",
                         "programme", "database", "malware", "trojan", "exploit"})


def _head_of_described_phrase(doc: Doc, start: int) -> Token | None:
    """The last noun of the lower-case noun phrase opening at token ``start`` (after ", a"), or None: "research and
    analysis platform" gives "platform", "spyware maker" gives "maker" (a firm, not a tool), "spyware tool used by"
    gives "tool". At most eight tokens are read."""
    head = None
    for tok in doc[start : start + 8]:
        if tok.text == "-" or tok.is_lower and (tok.pos_ in ("NOUN", "ADJ", "ADV", "CCONJ")
                                                or tok.pos_ == "VERB" and tok.tag_ in ("VBN", "VBG")):
            if tok.pos_ == "NOUN":
                head = tok
            continue
        break
    return head


def products_described_as_tools(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """An organisation guess the text says is a tool is a product: one followed by ", a/an" and a phrase ending in a
    noun for a tool ("Kestrix, a research and analysis platform"), one after such a noun and "known as"/"called"
    ("a tool, known as Halvern"), one before up to two lower-case words and such a noun ("the CityNova tracking
    app"), and an acronym in brackets right after such a noun ("search platform" (KSP)), at each of its uses."""
    tools: set[str] = set()
    out = []
    for e in ents:
        if e.label_ == "ORG" and not _is_known(e, conf, known):
            j = e.end
            if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("a", "an"):
                head = _head_of_described_phrase(doc, j + 2)
                if head is not None and head.lower_ in _TOOL_NOUNS:
                    tools.add(e.text)
            before = [t for t in doc[max(e.start - 5, 0) : e.start] if t.text != ","]
            # the noun "called" or "known as" is said of is a tool's, not the firm's ("a software security company
            # called Vantor Labs")
            if len(before) >= 3 and (before[-1].lower_ == "called" and before[-2].lower_ in _TOOL_NOUNS
                                     or before[-1].lower_ == "as" and before[-2].lower_ == "known"
                                     and before[-3].lower_ in _TOOL_NOUNS):
                tools.add(e.text)
            k = e.end
            while k < len(doc) and k - e.end < 2 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "VERB", "ADJ") \
                    and doc[k].lower_ not in _TOOL_NOUNS:
                k += 1
            if k > e.end and k < len(doc) and doc[k].lower_ in ("app", "application", "software", "platform") \
                    and doc[k].is_lower and e.start > 0 and doc[e.start - 1].lower_ in ("the", "its", "their"):
                tools.add(e.text)
            if e.start >= 2 and len(e) == 1 and doc[e.start - 1].text == "(" and e.end < len(doc) \
                    and doc[e.end].text == ")" and any(t.lower_ in _TOOL_NOUNS and t.is_lower
                                                       for t in doc[max(e.start - 3, 0) : e.start - 1]):
                tools.add(e.text)
        out.append(e)
    if not tools:
        return out
    return [_relabel(e, "PRODUCT", conf) if e.label_ == "ORG" and e.text in tools and not _is_known(e, conf, known)
            else e for e in out]


def round14_repairs(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float,
                    legal_forms: frozenset[str]) -> list[Span]:
    """The round-14 repairs in order (names cut at a legal form, words of capitals runs, posts, products, programmes,
    lower-case firm names)."""
    ents = legal_forms_after_brackets_and_commas(doc, ents, conf, known, new, legal_forms)
    ents = words_of_capitals_runs(doc, ents, conf, known)
    ents = posts_taken_for_bodies(doc, ents, conf, known)
    ents = people_named_by_initials(doc, ents, conf, known)
    ents = products_taken_for_names(doc, ents, conf, known, new)
    ents = programmes_and_instruments(doc, ents, conf, known)
    ents = former_names(doc, ents, conf, new)
    ents = people_after_posts(doc, ents, conf, known, new)
    ents = terms_and_post_acronyms(doc, ents, conf, known)
    ents = brands_counted_on_goods(doc, ents, conf, known, new)
    ents = bodies_and_people_in_capitals(doc, ents, conf, known, new)
    ents = products_described_as_tools(doc, ents, conf, known)
    ents = firms_of_two_names(doc, ents, conf, known, new)
    ents = people_named_after_post_words(doc, ents, conf, known, new)
    return lower_case_firm_names(doc, ents, conf, new)


# legal forms that close a firm named by two surnames joined by "and" ("Marvel and Tobin Ltd")
_SURNAME_FIRM_FORMS = frozenset({"ltd", "limited", "inc", "llc", "plc", "corp", "llp", "pvt"})


def firms_of_two_names(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A firm named by two words joined by "and" and closed by a legal form that ner cut in two ("Marvel" + "Tobin
    Ltd"): one ORG over the three words and the form. A firm in capitals cut at a hyphen before a lower-case noun
    written without spaces ("QRS" of "QRS-key", "QRS-key's scanners") takes the noun back; "Huawei-made",
    "ZTE-supplied cameras" (a participle or a noun modifying goods) are left alone."""
    by_end = {e.end: e for e in ents}
    drop: set[int] = set()
    added: list[Span] = []
    for e in ents:
        if e.label_ != "ORG" or _is_known(e, conf, known):
            continue
        if len(e) == 2 and e[-1].lower_.rstrip(".") in _SURNAME_FIRM_FORMS and e.start > 1 \
                and doc[e.start - 1].lower_ == "and" and e[0].is_title:
            first = by_end.get(e.start - 1)
            if first is not None and first.label_ == "ORG" and len(first) == 1 and first[0].is_title \
                    and not _is_known(first, conf, known):
                drop.update({id(e), id(first)})
                added.append(_new(doc, first.start, e.end, "ORG", conf, new))
            continue
        if e.text.isupper() and e.end + 1 < len(doc) and doc[e.end].text == "-" and not e[-1].whitespace_ \
                and not doc[e.end].whitespace_ and doc[e.end + 1].is_lower and doc[e.end + 1].is_alpha \
                and doc[e.end + 1].pos_ in ("NOUN", "PROPN") and doc[e.end + 1].tag_ != "VBN" \
                and not doc[e.end + 1].lower_.endswith(("ed", "made", "style", "owned", "backed", "based")) \
                and (e.end + 2 >= len(doc) or doc[e.end + 2].pos_ not in ("NOUN", "PROPN")
                     or doc[e.end + 2].tag_ == "POS"):
            drop.add(id(e))
            added.append(_new(doc, e.start, e.end + 2, "ORG", conf, new))
    if not added:
        return ents
    taken = {t for a in added for t in range(a.start, a.end)}
    return [e for e in ents if id(e) not in drop and not any(t in taken for t in range(e.start, e.end))] + added


# the words a post's name may end on before its holder's name (one set, not a union built at every token)
_POST_LEADS = _RANKS | _ROLE_TITLES | _POST_FIRST


def _post_before(doc: Doc, i: int, countries: dict[int, Span]) -> bool:
    """True when token ``i`` follows a post at once: a rank or post word ("Rear Admiral", "spokesman"), a post's
    acronym ("SP", "DG"), or a country after "of" that closes a post's name ("Deputy Prime Minister of Kelvora")."""
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.text in _POST_ACRONYMS or prev.lower_.rstrip(".") in _POST_LEADS:
        return True
    country = countries.get(i)
    return country is not None and country.start > 1 and doc[country.start - 1].lower_ == "of" \
        and _after_post(doc, country.start - 1)


def people_named_after_post_words(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """Two or three untagged capitalised words right after a post ("Police Spokesman SP" + "Dorin Vaskelpura",
    "Rear Admiral" + "M Dorin Haqvel", "Deputy Prime Minister of Kelvora" + "Dorin Vaskelic"), one of them a rare
    word, are the person who holds it: ner swallowed them into the title span, which was then dropped."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    countries = {e.end: e for e in ents if e.label_ == "COUNTRY"}
    added = []
    i = 1
    while i < len(doc):
        if i in taken or not _post_before(doc, i, countries):
            i += 1
            continue
        k = i
        while k < len(doc) and k - i < 4 and k not in taken and doc[k].pos_ == "PROPN" and doc[k].is_alpha \
                and (doc[k].is_title or len(doc[k]) == 1 and doc[k].is_upper) \
                and doc[k].lower_ not in _POST_WORDS:
            k += 1
        words = doc[i:k]
        if 2 <= k - i <= 3 and (k == len(doc) or not doc[k].is_title) and len(words[-1]) > 1 \
                and any(len(t) > 1 and zipf_frequency(t.lower_, "en") < 3.5 for t in words):
            added.append(_new(doc, i, k, "PERSON", conf, new))
        i = max(k, i + 1)
    return ents + added if added else ents


# words before a place in running prose ("a company in Pune") and nouns before "of" and a city ("the old city of Hyderabad")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside"})
_CITY_OF_NOUNS = frozenset({"city", "town", "district", "village", "province", "state", "municipality"})


def places_taken_for_firms(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A one-word organisation or person guess that is the name of a city (GeoNames, 15,000 people or more, any country) and
    stands where a place stands is that place, no party (issue 13 round 15): after "in", "at", "near" ("the
    contract was bagged by the company in Pune"), after "city of" ("the old city of Hyderabad"), set off by commas
    after a body's name ("The Regional Police Office, Hetauda, ..."), or opening a text's first line before a
    comma (a dateline: "Siegen, Deutschland - "). A firm named like a city ("Orange") is left where ner reads it
    as a party: as a subject, an object or a modifier."""
    out = []
    for e in ents:
        if e.label_ in ("ORG", "PERSON") and len(e) == 1 and e[0].is_title and not _is_known(e, conf, known) \
                and is_city_name(e.text) and _place_position(doc, e, ents):
            continue
        out.append(e)
    return out


def _place_position(doc: Doc, e: Span, ents: list[Span]) -> bool:
    i = e.start
    before = doc[i - 1] if i > 0 else None
    after = doc[e.end] if e.end < len(doc) else None
    if before is not None and before.lower_ in _PLACE_PREPOSITIONS:
        return True
    if before is not None and before.lower_ == "of" and i > 1 and doc[i - 2].lower_ in _CITY_OF_NOUNS:
        return True
    if before is not None and before.text == "," and after is not None and after.text in (",", ".") and i > 1 \
            and any(x.end == i - 1 and x.label_ in ("GOV_AGENCY", "ORG") and len(x) > 1 for x in ents):
        return True
    return i == 0 and after is not None and after.text == ","


# lower-case nouns for money, a project or an event that a name before them only qualifies ("the City's 2015 JAG
# funds", "under CCTNS project", "the Public Safety budget", "the BOOT model", "the Pran Pratishtha ceremony"): the
# name is the programme's, the fund's or the event's, not a party's; nouns for goods ("Huawei cameras") are not here
_NON_PARTY_HEADS = frozenset({"funds", "budget", "budgets", "dollars", "allocation", "facility", "project", "projects",
                              "programme", "programmes", "program", "programs", "scheme", "schemes", "portal", "model",
                              "ceremony", "temple", "initiative", "mission"})


def names_of_funds_and_projects(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """An organisation guess that only qualifies the lower-case noun for a fund, budget, project, scheme, portal,
    model or ceremony right after it ("2015 JAG funds", "the CCTNS project", "Communications Monitoring facility")
    is that thing's name, no party; the same name elsewhere in the text, and the long form whose acronym it is
    ("Crime and Criminal Tracking Network and Systems (CCTNS)"), go with it (issue 13 round 15)."""
    dropped: set[str] = set()
    for e in ents:
        if e.label_ == "ORG" and not _is_known(e, conf, known) and e.end < len(doc):
            nxt = doc[e.end]
            if nxt.lower_ in _NON_PARTY_HEADS and nxt.is_lower and e[-1].head.i == nxt.i and e[-1].dep_ in (
                    "compound", "nmod", "amod"):
                dropped.add(e.text)
    if not dropped:
        return ents
    for e in ents:  # "Crime and Criminal Tracking Network and Systems (CCTNS)": the long form of a dropped acronym
        if e.label_ == "ORG" and e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text == ")" \
                and doc[e.end + 1].text in dropped:
            dropped.add(e.text)
    return [e for e in ents if not (e.label_ == "ORG" and e.text in dropped and not _is_known(e, conf, known))]


def bodies_joined_to_firms(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float,
                           known_firms: Collection[str] = ()) -> list[Span]:
    """An agency guess that runs over "and" into the name of a firm the text names on its own elsewhere ("the
    Ministry of Interior and Fictive Telecom agreed ...", with "Fictive Telecom" or "Fictive Telecom Ltd" named
    before) or that ``known_firms`` holds (the gazetteer's organisation names, issue 13 round 16: the firm named
    only there) is two parties:
    the body up to "and" and the firm after it (issue 13 round 15); also where the body's first words are a
    gazetteer agency's, which lends the whole span its confidence. Run by ``redflag_entities`` after its rules
    that lengthen bodies' names, which make such spans."""
    # (the firm's name as one whole span of its own, not a common word: "Science and Technology" stays whole)
    # ("Huawei Technologies" gives "Huawei" too)
    firms = {e.text for e in ents if e.label_ == "ORG" and not (len(e) == 1 and zipf_frequency(e[0].lower_, "en") >= 4)}
    firms |= {e[0].text for e in ents if e.label_ == "ORG" and len(e) > 1 and e[0].is_title
              and zipf_frequency(e[0].lower_, "en") < 4}
    out = []
    for e in ents:
        if e.label_ == "GOV_AGENCY" and len(e) >= 3:
            cut = next((k for k in range(e.start + 1, e.end - 1) if doc[k].lower_ == "and" and e.end - k - 1 <= 3
                        and (doc[k + 1 : e.end].text in firms or _known_firm(doc[k + 1 : e.end], known_firms))), None)
            if cut is not None:
                out.append(_new(doc, e.start, cut, "GOV_AGENCY", conf, conf.get((e.start_char, e.end_char), new)))
                out.append(_new(doc, cut + 1, e.end, "ORG", conf, new))
                continue
        out.append(e)
    return out


def _known_firm(span: Span, known_firms: Collection[str]) -> bool:
    """True when the title-case ``span`` is a gazetteer firm's name and not one English word of some use
    ("Orange", "Homeland"; see :func:`rare_firm_word`)."""
    return span.text in known_firms and span[0].is_title and not (len(span) == 1 and not rare_firm_word(span[0].lower_))


# Zipf frequency (wordfreq, English) below which a word of a gazetteer firm's name is rare enough to stand for the
# firm alone ("Huawei" is 3.3; "Orange", "Homeland" are 3.5 or more; issue 13 round 16)
_RARE_FIRM_WORD_ZIPF = 3.5


def rare_firm_word(word: str) -> bool:
    """True when ``word`` is rare in English (Zipf frequency < 3.5, any case): a gazetteer firm's one-word name or
    the first word of a longer one that names the firm on its own ("Huawei" of "Huawei Technologies"), not a
    common word ("Orange"). The one threshold of :func:`bodies_joined_to_firms`'s gazetteer firms
    (``redflag_entities`` builds their names with it)."""
    return zipf_frequency(word.lower(), "en") < _RARE_FIRM_WORD_ZIPF


def persons_after_articles(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float) -> list[Span]:
    """A one-word person guess right after an article that opens a longer title-case name of the text ("great
    uses of the Atlas", where the text names the Atlas of Surveillance, a database) is that work named short, no
    person (issue 13 round 15). Other persons after an article are left: on the real set's counted half dropping
    them all lost five entities found before."""
    out = []
    for e in ents:
        if e.label_ == "PERSON" and len(e) == 1 and e.start > 0 and doc[e.start - 1].lower_ in ("the", "a", "an") \
                and not _is_known(e, conf, known) and re.search(
                    rf"\b{re.escape(e.text)} (?:of|for|on) (?:the )?[A-Z]", doc.text):
            continue
        out.append(e)
    return out

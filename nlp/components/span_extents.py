"""Name spans that stop short of the name's end (issue 13, round 20): the last items of a listed complement.

A body's or institution's name often ends in a complement over "of"/"for" that lists its remits: "Department for
Trade, Industry and Skills", "Institute of Law and Public Policy", "Committee for Roads, Ports, and Railways".
Ner and the agency patterns stop at the first comma or "and", so the name is cut ("Department for Trade") and the
rest is dropped or guessed as a name of its own ("Industry and Skills"). :func:`listed_complements` takes the
items back into the name.

Guards, so that two names joined by "and" stay two: every item is one to three title-case words, none tagged a
country, a person or a known name and none a firm's word or legal form ("Ministry of Interior and Zentrix Systems
Ltd" is a body and a firm); without a comma before it the "and" item must be untagged; a title-case word right
after the last item ("Ministry of Defence and Health Minister Jane Doe") means the list ran on into another name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.gazetteer import is_city_name
from nlp.normalize import name_key

Conf = dict[tuple[int, int], float]

_LINKS = frozenset({"of", "for"})
_JOINERS = frozenset({"and", "&"})
_MAX_ITEM_WORDS = 3
# words that end a firm's name, or a post held by a person: an item ending in one is another name
_OTHER_NAME_WORDS = frozenset({"labs", "lab", "group", "holdings", "technologies", "systems", "solutions", "networks",
                               "minister", "secretary", "president", "director", "chief", "spokesman", "spokeswoman"})


def _item_end(doc: Doc, i: int, stop: set[int], legal_forms: frozenset[str]) -> int | None:
    """The end of one list item of title-case words starting at token ``i``, or None when there is none there."""
    j = i
    while j < len(doc) and j - i < _MAX_ITEM_WORDS and doc[j].is_title and doc[j].is_alpha and j not in stop:
        j += 1
    if j == i or doc[j - 1].lower_ in _OTHER_NAME_WORDS | legal_forms:
        return None
    return j


def _list_end(doc: Doc, start: int, stop: set[int], loose: set[int], legal_forms: frozenset[str]) -> int | None:
    """The end of a ", B, and C" / " and C" run of items that continues a name at token ``start``, or None.

    ``stop`` holds tokens that no item may take in (countries, persons, known names, other bodies); ``loose`` the
    tokens of unknown name guesses, which an item may take in only after a comma (a guess of the remits' tail)."""
    i, comma = start, False
    while i < len(doc) and doc[i].text == ",":
        end = _item_end(doc, i + 1, stop, legal_forms)
        if end is None:
            break
        if end < len(doc) and doc[end].lower_ in _JOINERS:  # ", C and D" with no comma before "and"
            i, comma = end, True
            break
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in _JOINERS:
            i, comma = end + 1, True
            break
        if end < len(doc) and doc[end].text == ",":
            i, comma = end, True
            continue
        return None
    if i >= len(doc) or doc[i].lower_ not in _JOINERS:
        return None
    end = _item_end(doc, i + 1, stop if comma else stop | loose, legal_forms)
    if end is None or end < len(doc) and (doc[end].is_title or doc[end].text[:1].isdigit() or doc[end].lower_ in _LINKS):
        return None
    return end


def listed_complements(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float,
                       legal_forms: frozenset[str] = frozenset()) -> list[Span]:
    """An ORG or GOV_AGENCY span ending in an "of"/"for" complement that a list of title-case items continues
    takes them in: "Department for Trade" + ", Industry and Skills" is "Department for Trade, Industry and Skills"
    (with the same label), and unknown name guesses inside the items are dropped. ``conf`` maps a span's
    character offsets to its confidence; ``known`` is the gazetteer's, ``new`` the one a grown span gets;
    ``legal_forms`` the one-word legal forms."""
    stop: set[int] = set()
    loose: set[int] = set()
    for e in ents:
        guess = e.label_ in ("ORG", "GOV_AGENCY", "PRODUCT") and conf.get((e.start_char, e.end_char)) != known
        (loose if guess else stop).update(range(e.start, e.end))
    out = list(ents)
    for e in ents:
        if e.label_ not in ("ORG", "GOV_AGENCY") or not e[-1].is_title \
                or not any(t.lower_ in _LINKS for t in e[1:-1]):
            continue
        end = _list_end(doc, e.end, stop, loose - set(range(e.start, e.end)), legal_forms)
        if end is None:
            continue
        inner = [x for x in out if x is not e and e.end <= x.start and x.end <= end]
        if any(x.start < e.end < x.end or x.start < end < x.end for x in out if x is not e):
            continue  # a span across either edge: leave both as they are
        out = [x for x in out if x is not e and x not in inner]
        grown = Span(doc, e.start, end, label=e.label_, kb_id=name_key(doc[e.start:end].text))
        conf[(grown.start_char, grown.end_char)] = conf.get((e.start_char, e.end_char), new)
        out.append(grown)
    return out


# one-word forms that are also common words or other names after a capitalised word ("Smith & Co", "as"), left
# to the existing repairs (nlp.components.name_repairs.names_ending_in_legal_forms keeps the same exclusions)
_AMBIGUOUS_FORMS = frozenset({"as", "co", "company", "corporation", "limited"})


def _legal_form_at(doc: Doc, i: int, taken: set[int], legal_forms: frozenset[str]) -> bool:
    """True when token ``i`` is an untagged, capitalised one-word legal form ("GmbH", "Ltd", "SpA")."""
    return i < len(doc) and i not in taken and doc[i].text[:1].isupper() \
        and doc[i].lower_.rstrip(".") in legal_forms and doc[i].lower_ not in _AMBIGUOUS_FORMS


def _forms_end(doc: Doc, i: int, taken: set[int], legal_forms: frozenset[str]) -> int | None:
    """The end of a run of legal forms set off by a comma at token ``i`` (", Co, Ltd", ", Co., Ltd"), or None: the
    run's last form must be one of no other reading (not "Co" alone)."""
    j, end = i, None
    while j + 1 < len(doc) and doc[j].text == "," and j + 1 not in taken and doc[j + 1].text[:1].isupper() \
            and doc[j + 1].lower_.rstrip(".") in legal_forms:
        j += 2
        if j < len(doc) and doc[j].text == "." and doc[j - 1].whitespace_ == "" and j + 1 < len(doc) \
                and doc[j + 1].text == ",":
            j += 1  # "Co." + "," as the tokenizer may split it
        if doc[j - 1].lower_.rstrip(".") not in _AMBIGUOUS_FORMS:
            end = j
    return end


def legal_form_tails(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float,
                     legal_forms: frozenset[str]) -> list[Span]:
    """A firm's legal form left outside its name joins it: an organisation span ("Quorvex Labs" + "GmbH", or
    + ", Co, Ltd" after a comma; the
    gazetteer's names too, as the form is part of the written name), a person guess before a form in mixed or lower
    case ("Brellan" + "GmbH": no person has a legal form) and an untagged run of one to three title-case proper nouns before a form written in mixed
    or lower case ("Brellan GmbH", not "Reno NV"). The forms are nlp/data/legal_forms.txt's one-word ones; the
    grown span is an ORG with confidence ``new`` (``known`` marks the gazetteer's spans in ``conf``)."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    out: list[Span] = []
    for e in ents:
        guess_person = e.label_ == "PERSON" and conf.get((e.start_char, e.end_char)) != known
        end = e.end + 1 if (e.label_ == "ORG" or guess_person and not doc[min(e.end, len(doc) - 1)].is_upper) \
            and _legal_form_at(doc, e.end, taken, legal_forms) else None
        if end is None and e.label_ == "ORG":
            end = _forms_end(doc, e.end, taken, legal_forms)
        if end is not None:
            grown = Span(doc, e.start, end, label="ORG", kb_id=name_key(doc[e.start : end].text))
            conf[(grown.start_char, grown.end_char)] = new
            taken.update(range(e.end, end))
            out.append(grown)
        else:
            out.append(e)
    for tok in doc:
        i = tok.i
        if not _legal_form_at(doc, i, taken, legal_forms) or tok.is_upper or i == 0:
            continue
        start = i
        while start > 0 and i - start < 3 and start - 1 not in taken and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
            start -= 1
        if start == i:
            continue
        span = Span(doc, start, i + 1, label="ORG", kb_id=name_key(doc[start : i + 1].text))
        conf[(span.start_char, span.end_char)] = new
        taken.update(range(start, i + 1))
        out.append(span)
    return out


_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


def first_names_read_as_places(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A person guess whose first name ner read as a place takes it back: "Tikpi" (GPE) + "Atchadam" (PERSON)
    is "Tikpi Atchadam". The word must be one title-case proper noun that ner tagged alone as a place, that
    spaCy's parse attaches to the name as a compound, that no kept span covers (a country is kept) and that is no
    GeoNames city ("Accra Kofi Boateng" stays apart); ``known`` marks the gazetteer's spans in ``conf``."""
    places = {e.start for e in doc.ents if e.label_ in _PLACE_LABELS and len(e) == 1}
    taken = {t for e in ents for t in range(e.start, e.end)}
    out: list[Span] = []
    for e in ents:
        k = e.start - 1
        if e.label_ == "PERSON" and k >= 0 and k in places and k not in taken \
                and conf.get((e.start_char, e.end_char)) != known and doc[k].is_title and doc[k].pos_ == "PROPN" \
                and doc[k].dep_ == "compound" and e.start <= doc[k].head.i < e.end and not is_city_name(doc[k].text):
            grown = Span(doc, k, e.end, label="PERSON", kb_id=name_key(doc[k : e.end].text))
            conf[(grown.start_char, grown.end_char)] = conf.get((e.start_char, e.end_char), 0.8)
            taken.add(k)
            e = grown
        out.append(e)
    return out


def group_written_in_lower_case(doc: Doc, ents: list[Span], conf: Conf, known: float) -> list[Span]:
    """A known firm's name followed by "group" in lower case ("Quorvex group", "the Quorvex groups") is the firm's
    name written so, one organisation span (the real sets' gold keeps the word); ``known`` marks the gazetteer's
    spans in ``conf`` (the grown span stays known). Not when a noun follows ("the Quorvex group
    chairman" still has the firm's name and its group's post, left as it is)."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    out: list[Span] = []
    for e in ents:
        i = e.end
        if e.label_ == "ORG" and conf.get((e.start_char, e.end_char)) == known and i < len(doc) and i not in taken \
                and doc[i].text in ("group", "groups") and not (i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN")):
            e = Span(doc, e.start, i + 1, label="ORG", kb_id=e.kb_id_)
            conf[(e.start_char, e.end_char)] = known
            taken.add(i)
        out.append(e)
    return out


def names_run_past_a_legal_form(doc: Doc, ents: list[Span], conf: Conf, known: float, new: float,
                                legal_forms: frozenset[str]) -> list[Span]:
    """An organisation span that runs on past a full-stopped legal form into a title-case word is two names: the
    form ends the first firm's name and its full stop the sentence ("founded Zorvex Ltd. Quobrix sold ..." is
    "Zorvex Ltd." and "Quobrix"; a name merged across sentences matches no list entry when screened). Not where
    another legal form or a bracket follows ("Co., Ltd.", "Ltd. (Hong Kong)"), nor in the gazetteer's names
    (``known`` in ``conf``); both parts are ORG, the second with confidence ``new`` (round 20)."""
    out: list[Span] = []
    for e in ents:
        cut = None
        if e.label_ == "ORG" and conf.get((e.start_char, e.end_char)) != known:
            cut = next((k + 1 for k in range(e.start, e.end - 1)
                        if doc[k].text.endswith(".") and doc[k].lower_.rstrip(".") in legal_forms
                        and (doc[k + 1].is_title or doc[k + 1].is_upper)
                        and doc[k + 1].lower_.rstrip(".,") not in legal_forms), None)
        if cut is None:
            out.append(e)
            continue
        first = Span(doc, e.start, cut, label="ORG", kb_id=name_key(doc[e.start : cut].text))
        second = Span(doc, cut, e.end, label="ORG", kb_id=name_key(doc[cut : e.end].text))
        conf[(first.start_char, first.end_char)] = conf.get((e.start_char, e.end_char), new)
        conf[(second.start_char, second.end_char)] = new
        out += [first, second]
    return out

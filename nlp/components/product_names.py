"""Names of products and systems typed by the words around them (issue 13 round 17, branch products19).

News names surveillance systems that ner reads as firms or that the agency table holds as bodies; the words around
the name say it is goods. The families, each a function below, all run on the entity list of
``redflag_entities`` (``nlp/components/entities.py``) after its own product rules:

- a quoted name before lower-case modifiers and a product noun: the "Kipod" video surveillance platform, a
  "Face-ID" camera system (``quoted_before_modified_noun``);
- a name whose apposition is headed by a product noun: 'Red Wolf', a facial recognition system; PredPol, a
  predictive policing technology; ECU 911, the state's emergency system; or a name set off by dashes
  after such a noun: the other predictive policing technology, Hunchlab (``named_by_apposition``);
- a name the agency table holds that a product noun and "called" give: a camera system called ECU 911
  (``agency_names_called_systems``);
- title-case system names: a "System for" name ("Republican System for Monitoring Public Safety"), a name ner left
  untagged after a determiner and ending in a product head ("the Traffic Violation Photo and Video Recording
  System"), a comma-run of title-case words continuing into such a name ("the National Surveillance,
  Communication and Control System") (``system_names``);
- the other mentions of a name typed so in the same document (``later_mentions``).

An organisation the gazetteer knows (a vendor such as Huawei) keeps its label: only ORG and PERSON guesses of ner,
and GOV_AGENCY names where the words call them a system, are retyped. Source of the rule: the gold convention of
``nlp/devset/real/README.md`` ("named software, spyware, devices, apps and platforms are PRODUCT").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from nlp.normalize import name_key

# heads of an apposition that make the name before it goods ("'Wolf Pack', a database"); "network", "project" and
# "programme" are left out: "a network of activists", "a project of the ministry" name no goods
APPOSITION_HEADS = frozenset({"system", "platform", "software", "tool", "suite", "app", "application", "device",
                              "malware", "spyware", "technology", "database", "firewall", "implant"})
# nouns that make the run before them a party, not goods ("a Chinese technology company")
_PARTY_HEADS = frozenset({"company", "firm", "vendor", "maker", "developer", "supplier", "manufacturer", "provider",
                          "seller", "giant", "group", "agency", "ministry", "body", "unit", "organisation",
                          "organization", "contractor", "subsidiary", "startup", "start-up", "consortium", "brand"})
# title-case last words of a system's name (singular: "Axon Systems" is a firm)
SYSTEM_HEADS = frozenset({"System", "Platform", "Software", "Database"})
# modifiers that make a "platform" or "tool" a publisher's, not goods ("a popular citizen journalism platform")
_MEDIA_WORDS = frozenset({"news", "journalism", "media", "publishing", "blogging"})
_QUOTES_OPEN = ("\u201c", '"', "\u2018", "'")
_QUOTES_CLOSE = ("\u201d", '"', "\u2019", "'")
_DASHES = ("\u2014", "\u2013", "--")
_CALLING = ("called", "named", "dubbed")

Conf = dict[tuple[int, int], float]


def _is_head(doc: Doc, k: int, heads: frozenset[str]) -> bool:
    """True when token ``k`` is one of ``heads`` and ends its noun phrase (no noun after it: "a system", not "a
    system integrator")."""
    tok = doc[k]
    if tok.lemma_.casefold() not in heads and tok.lower_ not in heads:
        return False
    return k + 1 >= len(doc) or doc[k + 1].pos_ not in ("NOUN", "PROPN") or doc[k + 1].is_punct


def _modifier(tok: Token) -> bool:
    """A lower-case word that may stand between a name and its goods noun ("video surveillance", "smartphone-based")."""
    return tok.text == "-" or tok.is_lower and tok.is_alpha and tok.pos_ in ("ADJ", "NOUN", "VERB", "PROPN")


def _quoted_name_end(doc: Doc, i: int) -> int | None:
    """The end of a quoted name opening at token ``i`` (the quote) and the index of its closing quote, or None:
    one to five title-case, upper-case or mixed-case words ("eLTE"), hyphens glued inside ("Face-ID")."""
    j = i + 1
    while j < len(doc) and j - i <= 5:
        t = doc[j]
        if t.is_alpha and (t.is_title or t.is_upper or any(c.isupper() for c in t.text[1:])) or t.like_num and j > i + 1:
            j += 1
        elif t.text == "-" and j > i + 1 and not doc[j - 1].whitespace_ and not t.whitespace_:
            j += 1
        else:
            break
    if j == i + 1 or doc[j - 1].text == "-" or j >= len(doc) or doc[j].text not in _QUOTES_CLOSE:
        return None
    return j


def _retype(doc: Doc, ents: list[Span], start: int, end: int, conf: Conf, gaz_conf: float, confidence: float,
            agencies: bool = False) -> list[Span] | None:
    """``ents`` with ``doc[start:end]`` a PRODUCT, or None when a mention it overlaps may not be retyped: a label
    other than ORG/PERSON/PRODUCT (GOV_AGENCY too with ``agencies``), a gazetteer firm, a mention reaching outside."""
    clash = [e for e in ents if e.start < end and start < e.end]
    for e in clash:
        known = conf.get((e.start_char, e.end_char)) == gaz_conf
        if e.label_ == "PRODUCT" and (e.start, e.end) == (start, end):
            return None  # already so
        if e.label_ not in ("ORG", "PERSON", "PRODUCT") and not (agencies and e.label_ == "GOV_AGENCY"):
            return None
        if known and e.label_ in ("ORG", "PERSON") or e.start < start or e.end > end:
            return None
    out = [e for e in ents if e not in clash]
    span = Span(doc, start, end, label="PRODUCT", kb_id=name_key(doc[start:end].text))
    out.append(span)
    conf[(span.start_char, span.end_char)] = confidence
    return out


def quoted_before_modified_noun(doc: Doc, ents: list[Span], conf: Conf, gaz_conf: float, confidence: float,
                                product_nouns: frozenset[str], typed: set[str]) -> list[Span]:
    """A quoted name followed by one to three lower-case modifiers and a product noun heading the phrase: the
    "Kipod" video surveillance platform, a "Face-ID" camera system. ``typed`` collects the names typed."""
    out = ents
    for tok in doc:
        if tok.text not in _QUOTES_OPEN:
            continue
        close = _quoted_name_end(doc, tok.i)
        if close is None:
            continue
        k = close + 1
        while k < len(doc) and k - close <= 3 and _modifier(doc[k]) and not _is_head(doc, k, product_nouns):
            k += 1
        if k == close + 1 or k >= len(doc) or doc[k - 1].text == "-" or not _is_head(doc, k, product_nouns):
            continue
        new = _retype(doc, out, tok.i + 1, close, conf, gaz_conf, confidence)
        if new is not None:
            out = new
            typed.add(doc[tok.i + 1 : close].text)
    return out


def _apposition_head(doc: Doc, k: int) -> bool:
    """True when the phrase opening at token ``k`` (an article or possessive) is headed by an APPOSITION_HEADS noun
    within eight words, no party noun or media word first ("a facial recognition system", "the state's own
    emergency system"; not "a Chinese technology company", "a citizen journalism platform")."""
    if k >= len(doc) or doc[k].lower_ not in ("a", "an", "the", "its", "their"):
        return False
    for j in range(k + 1, min(len(doc), k + 9)):
        t = doc[j]
        if t.lemma_.casefold() in _PARTY_HEADS or t.lower_ in _PARTY_HEADS or t.lower_ in _MEDIA_WORDS:
            return False
        if _is_head(doc, j, APPOSITION_HEADS):
            return True
        if not (_modifier(t) or t.tag_ == "POS" or t.text in ("\u2019s", "'s")):
            return False
    return False


def named_by_apposition(doc: Doc, ents: list[Span], conf: Conf, gaz_conf: float, confidence: float,
                        is_firm: Callable[[str], bool], typed: set[str]) -> list[Span]:
    """A name followed by a comma or dash and an apposition headed by a product noun ("'Wolf Pack', a database",
    "PredPol, a predictive policing technology", "ECU 911, the state's emergency system"),
    or set off by dashes right after such a noun ("the other major predictive policing technology\u2014Hunchlab\u2014");
    not a name the text calls a firm elsewhere (``is_firm``)."""
    spans: list[tuple[int, int, bool]] = []  # (start, end, may retype an agency)
    for tok in doc:
        if tok.text in _QUOTES_OPEN and (close := _quoted_name_end(doc, tok.i)) is not None:
            spans.append((tok.i + 1, close, False))
    spans += [(e.start, e.end, e.label_ == "GOV_AGENCY") for e in ents if e.label_ in ("ORG", "PERSON", "GOV_AGENCY")]
    for i, t in enumerate(doc):  # an untagged proper noun ("PredPol")
        if t.pos_ == "PROPN" and t.is_alpha and not any(e.start <= i < e.end for e in ents):
            spans.append((i, i + 1, False))
    out = ents
    for start, end, agency in spans:
        after = end + (end < len(doc) and doc[end].text in _QUOTES_CLOSE)
        by_apposition = after < len(doc) and doc[after].text in (",", *_DASHES) and _apposition_head(doc, after + 1)
        before = start - (start > 0 and doc[start - 1].text in _QUOTES_OPEN)
        by_dashes = before >= 2 and doc[before - 1].text in _DASHES and _is_head(doc, before - 2, APPOSITION_HEADS) \
            and after < len(doc) and doc[after].text in _DASHES
        if not (by_apposition or by_dashes) or is_firm(doc[start:end].text):
            continue
        new = _retype(doc, out, start, end, conf, gaz_conf, confidence, agencies=agency)
        if new is not None:
            out = new
            typed.add(doc[start:end].text)
    return out


def agency_names_called_systems(doc: Doc, ents: list[Span], conf: Conf, gaz_conf: float, confidence: float,
                                product_nouns: frozenset[str], typed: set[str]) -> list[Span]:
    """A name the agency table holds that a product noun and "called"/"named" give is the system ("a camera
    system called ECU 911"); "a body called X" keeps the agency."""
    out = ents
    for e in [e for e in ents if e.label_ == "GOV_AGENCY"]:
        k = e.start - 1 - (e.start >= 1 and doc[e.start - 1].lower_ == "the")
        if k < 1 or doc[k].lower_ not in _CALLING:
            continue
        if not any(t.lemma_.casefold() in product_nouns for t in doc[max(0, k - 4) : k]) or any(
                t.lemma_.casefold() in _PARTY_HEADS for t in doc[max(0, k - 3) : k]):
            continue
        new = _retype(doc, out, e.start, e.end, conf, gaz_conf, confidence, agencies=True)
        if new is not None:
            out = new
            typed.add(e.text)
    return out


def _title_word(tok: Token) -> bool:
    """A capitalised word of a name (not an article opening a sentence)."""
    return tok.is_alpha and (tok.is_title or tok.is_upper) and tok.lower_ not in ("the", "a", "an")


def system_names(doc: Doc, ents: list[Span], conf: Conf, gaz_conf: float, confidence: float,
                 typed: set[str]) -> list[Span]:
    """Title-case names of systems: an ORG guess whose head is a system word followed by "for" ("Republican System
    for Monitoring Public Safety"); an untagged title-case run after a determiner ending in a system word, "and",
    "of" or "for" inside ("the Traffic Violation Photo and Video Recording System"); a comma-run of title-case words
    after "the" that goes on into such a name ("the National Surveillance, Communication and Control System")."""
    out = ents
    for e in [e for e in ents if e.label_ == "ORG" and conf.get((e.start_char, e.end_char)) != gaz_conf]:
        heads = [t.i for t in e if t.text in SYSTEM_HEADS and t.i + 1 < e.end and doc[t.i + 1].lower_ == "for"]
        if heads and heads[0] > e.start and all(_title_word(t) or t.is_stop for t in e):
            new = _retype(doc, out, e.start, e.end, conf, gaz_conf, confidence)
            if new is not None:
                out = new
                typed.add(e.text)
    for head in doc:
        if head.text not in SYSTEM_HEADS:
            continue
        start = head.i
        while start > 0 and head.i - start < 8 and (_title_word(doc[start - 1]) or doc[start - 1].lower_ in (
                "and", "of", "for") and start - 1 > 0 and _title_word(doc[start - 2])):
            start -= 1
        if head.i - start < 2 or start == 0:
            continue
        end = head.i + 1
        if doc[start - 1].text == "," and start >= 3 and _title_word(doc[start - 2]) and any(
                t.lower_ == "and" for t in doc[start:end]):
            first = start - 2
            while first > 0 and _title_word(doc[first - 1]):
                first -= 1
            if doc[first - 1].lower_ == "the" and start - 1 - first <= 3:
                start = first  # "the National Surveillance, Communication and Control System"
        if doc[start - 1].lower_ not in ("the", "a", "an") and doc[start - 1].tag_ != "POS":
            continue
        inside = [e for e in out if e.start < end and start < e.end]
        if any(e.label_ not in ("ORG", "PRODUCT") or e.start < start or e.end > end
               or conf.get((e.start_char, e.end_char)) == gaz_conf for e in inside):
            continue
        new = _retype(doc, out, start, end, conf, gaz_conf, confidence)
        if new is not None:
            out = new
            typed.add(doc[start:end].text)
    return out


def later_mentions(doc: Doc, ents: list[Span], conf: Conf, gaz_conf: float, confidence: float,
                   typed: set[str]) -> list[Span]:
    """The other mentions of a name these rules typed, anywhere in the document and in the same case ("Kipod uses
    advanced technology" after the "Kipod" video surveillance platform): ner's ORG or PERSON guesses, an agency
    name of the table, or nothing; a gazetteer firm keeps its label."""
    out = ents
    for name in sorted(typed, key=len, reverse=True):
        if not any(c.isupper() for c in name):
            continue
        for tok in doc:
            if not name.startswith(tok.text):
                continue  # (a span written as the name opens with a token the name opens with: no spans to build)
            span = next((doc[tok.i : k] for k in range(tok.i + 1, min(len(doc), tok.i + 12) + 1)
                         if doc[tok.i : k].text == name), None)
            if span is None or span.end < len(doc) and doc[span.end].tag_ == "POS":
                continue  # ("ECU 911's deputy director": the body that runs the system)
            new = _retype(doc, out, span.start, span.end, conf, gaz_conf, confidence, agencies=True)
            if new is not None:
                out = new
    return out


def products_by_context(doc: Doc, ents: list[Span], conf: Conf, gaz_conf: float, confidence: float,
                        product_nouns: frozenset[str], is_firm: Callable[[str], bool]) -> list[Span]:
    """All the families above, in order, then the later mentions of the names they typed (``confidence`` on each)."""
    typed: set[str] = set()
    ents = quoted_before_modified_noun(doc, ents, conf, gaz_conf, confidence, product_nouns, typed)
    ents = named_by_apposition(doc, ents, conf, gaz_conf, confidence, is_firm, typed)
    ents = agency_names_called_systems(doc, ents, conf, gaz_conf, confidence, product_nouns, typed)
    ents = system_names(doc, ents, conf, gaz_conf, confidence, typed)
    return later_mentions(doc, ents, conf, gaz_conf, confidence, typed) if typed else ents

"""``redflag_gazetteer``: matches the gazetteer's names and the agency patterns before the statistical NER.

Names arrive through :meth:`GazetteerRuler.add_gazetteer` (like ``EntityRuler.add_patterns``). Matches of the
output labels become ``doc.ents`` (canonical value in ``kb_id``) so that ``ner`` predicts around them; places,
list names and generic state actors go to the auxiliary span group.
"""

from __future__ import annotations

import calendar

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from nlp.components.agency_wordings import described_leader_possessive, extra_actor_heads, relative_days
from nlp.components.common import OUTPUT_LABELS, aux_spans, set_aux
from nlp.components.document_parties import body_kind
from nlp.components.state_bodies import ACRONYM_CONFIRMED_HEADS, country_led_body_end, state_body_spans
from nlp.gazetteer import Gazetteer, outlet_tails_after_place
from nlp.normalize import acronym, legal_forms, name_key

_AGENCY_HEADS = [
    "Ministry", "Ministries", "Police", "Gendarmerie", "Directorate", "Army", "Brigade", "Battalion", "Regiment",
    "Guard", "Guards", "Command", "Bureau", "Agency", "Service", "Committee", "Prosecutor", "Procuracy", "Forces", "Force",
    "Department", "Office", "Authority", "Council", "Presidency", "Navy", "Unit", "Division", "Corps",
]
_AGENCY_MODIFIERS = [
    "State", "National", "Federal", "Public", "Security", "Intelligence", "Interior", "Defence", "Defense", "Internal",
    "General", "Special", "Royal", "Presidential", "Republican", "Border", "Cyber", "Criminal", "Investigation",
    "Investigations", "Counterterrorism", "Counter-Terrorism", "Military", "Armed", "Secret", "Homeland", "Municipal",
    "Metropolitan", "Information", "Communications", "Justice", "Revolutionary", "Central", "Police", "Signals",
    "Railway",  # "the Railway Police" (India's Government Railway Police in each state)
]


@Language.factory("redflag_gazetteer", default_config={"confidence": 0.95})
def make_gazetteer_ruler(nlp: Language, name: str, confidence: float) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, confidence)


class GazetteerRuler:
    def __init__(self, nlp: Language, name: str, confidence: float) -> None:
        self.name = name
        self.nlp = nlp
        self.confidence = confidence
        self.sensitive = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.insensitive = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.canonical: dict[tuple[str, str], str] = {}
        self.demonyms: set[str] = set()
        self.programmes: set[str] = set()  # products of no one vendor ("Safe City"), nlp/data/products.tsv
        self.patterns = Matcher(nlp.vocab)
        self._add_agency_patterns()
        self._legal_forms = {" ".join(f) for f in legal_forms()}

    def _add_agency_patterns(self) -> None:
        title_or_and = {"IS_TITLE": True, "OP": "+"}
        self.patterns.add(
            "GOV_AGENCY",
            [
                [{"ORTH": {"IN": ["Ministry", "Ministries"]}}, {"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"},
                 title_or_and],
                [{"ORTH": {"IN": ["Ministry", "Ministries"]}}, {"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"},
                 title_or_and, {"LOWER": "and"}, title_or_and],
                [{"ORTH": {"IN": _AGENCY_MODIFIERS}}, {"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": _AGENCY_HEADS}}],
                # "the Public Prosecutor's Office": an office named for its holder is one body
                [{"ORTH": {"IN": _AGENCY_MODIFIERS}}, {"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": _AGENCY_HEADS}},
                 {"LOWER": {"IN": ["'s", "\u2019s"]}}, {"ORTH": {"IN": ["Office", "Bureau", "Department", "Service"]}}],
                [{"ORTH": {"IN": ["Unit", "Brigade", "Battalion", "Regiment", "Division"]}}, {"LIKE_NUM": True}],
                # "the Prime Minister's Office", "the President's Office": the head of government's own office
                # (Malaysia's is called the "Prime Minister's Department": round 21)
                [{"ORTH": {"IN": ["Prime", "Chief"]}}, {"ORTH": "Minister"}, {"LOWER": {"IN": ["'s", "\u2019s"]}},
                 {"ORTH": {"IN": ["Office", "Secretariat", "Department"]}}],
                [{"ORTH": "President"}, {"LOWER": {"IN": ["'s", "\u2019s"]}}, {"ORTH": {"IN": ["Office", "Secretariat"]}}],
                # "Tucson PD", "the Baltimore P.D.": a city's police department by its usual abbreviation
                [{"IS_TITLE": True, "POS": "PROPN", "OP": "+"}, {"ORTH": {"IN": ["PD", "P.D.", "P.D"]}}],
                # "the San Joaquin Sheriff's Office", "Los Angeles County Sheriff's Department": a county's police
                [{"IS_TITLE": True, "POS": "PROPN", "OP": "+"}, {"ORTH": "Sheriff"}, {"LOWER": {"IN": ["'s", "\u2019s"]}},
                 {"ORTH": {"IN": ["Office", "Department"]}}],
                # "Hungary's Special Service for National Security", "the Federal Office for the Protection of the
                # Constitution": a body's name goes on over "for" and proper nouns
                [{"ORTH": {"IN": _AGENCY_MODIFIERS}}, {"IS_TITLE": True, "OP": "*"},
                 {"ORTH": {"IN": ["Bureau", "Directorate", "Department", "Office", "Agency", "Service", "Committee",
                                  "Council", "Commission", "Authority", "Centre", "Center"]}},
                 {"LOWER": "for"}, {"LOWER": "the", "OP": "?"}, {"IS_TITLE": True, "POS": "PROPN", "OP": "+"}],
                # "the Metropolitan Bureau of Investigation", "the National Directorate of Intelligence"
                [{"ORTH": {"IN": _AGENCY_MODIFIERS}}, {"IS_TITLE": True, "OP": "*"},
                 {"ORTH": {"IN": ["Bureau", "Directorate", "Department", "Office", "Agency", "Service", "Command"]}},
                 {"LOWER": "of"}, {"ORTH": {"IN": ["Investigation", "Investigations", "Intelligence", "Security",
                                                   "Information", "Surveillance", "Counterintelligence"]}}],
                [{"ORTH": {"IN": _AGENCY_MODIFIERS}}, {"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": _AGENCY_HEADS}},
                 {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}, {"ORTH": {"IN": ["Interior", "Defence", "Defense", "Justice",
                                                                              "President", "Presidency", "Army"]}}],
            ],
        )
        # "the Indian Department of Telecommunications", "Kenya's Department of Immigration": a department "of"
        # something is a state body when a country is named right before it (alone, "the Department of Computer
        # Science" may be a university's)
        self.patterns.add("COUNTRY_DEPARTMENT", [[{"ORTH": {"IN": ["Department", "Directorate", "Secretariat"]}},
                                                   {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}, title_or_and]])

    def add_gazetteer(self, gazetteer: Gazetteer) -> None:
        """Add every phrase of ``gazetteer`` (call again with more entries as the graph grows)."""
        sensitive: dict[str, list[Doc]] = {}
        insensitive: dict[str, list[Doc]] = {}
        for phrase in gazetteer.phrases():
            key = phrase.text if phrase.case_sensitive else phrase.text.casefold()
            slot = (phrase.label, key)
            if slot in self.canonical:
                continue
            self.canonical[slot] = phrase.canonical
            target = sensitive if phrase.case_sensitive else insensitive
            target.setdefault(phrase.label, []).append(self.nlp.make_doc(phrase.text))
        self.demonyms |= {d for c in gazetteer.countries.values() for d in c.demonyms}
        self.programmes |= {e.name for e in gazetteer.entries if e.label == "PRODUCT" and e.name not in gazetteer.product_vendors}
        for label, docs in sensitive.items():
            self.sensitive.add(label, docs)
        for label, docs in insensitive.items():
            self.insensitive.add(label, docs)

    def _known_word(self, tok: Token) -> bool:
        """True when the token alone is a name of the gazetteer (a firm, country, demonym or product)."""
        return tok.text in self.demonyms or any((label, tok.text) in self.canonical or (label, tok.text.casefold())
                                                in self.canonical for label in OUTPUT_LABELS)

    def _is_demonym(self, span: Span) -> bool:
        return span.text in self.demonyms

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Span] = []
        strings = doc.vocab.strings
        for matcher, sensitive in ((self.sensitive, True), (self.insensitive, False)):
            for match_id, start, end in matcher(doc):
                label = strings[match_id]
                text = doc[start:end].text
                canonical = self.canonical.get((label, text if sensitive else text.casefold()))
                if canonical is None:
                    continue
                if not sensitive and _inside_proper_name(doc, start, end):
                    continue  # "Fictive Intercept Systems Ltd" is a company, not a capability mention
                if label == "COUNTRY" and start > 0 and doc[start - 1].text in _CONTINENT_PARTS \
                        and text.startswith("America"):
                    continue  # "Latin America", "South American governments": a region of many states, not the US
                if label == "COUNTRY" and text in self.demonyms and _between_name_words(doc, start, end):
                    continue  # "Center for a New American Security": a word of an organisation's name
                if label == "COUNTRY" and (body_end := self._country_led_body(doc, start, end, text)):
                    # "Bangladesh Telecommunication Regulatory Commission", "Pakistan Telecommunication Authority":
                    # the country opens a body's name; the body, with that country, is the mention. A demonym
                    # opens it only where the acronym after it says so ("the Nigerian Communications Commission
                    # (NCC)"; "the Bahraini Interior Ministry" is a country and a body described)
                    candidates.append(Span(doc, start, body_end, label="GOV_AGENCY", kb_id=name_key(doc[start:body_end].text)))
                    continue
                if label == "COUNTRY" and end < len(doc) and doc[end].text in _INSTITUTION_HEADS:
                    continue  # "the Cairo Institute for Human Rights Studies", "the French League for Human Rights":
                    # the place opens an organisation's name, left whole to ner (issue 13 round 7)
                if label == "COUNTRY" and start >= 2 and doc[start - 1].lower_ == "of" \
                        and doc[start - 2].text in _INSTITUTION_HEADS | {"Voice", "Bank"}:
                    continue  # "Voice of America", "the Bank of China", "the University of Toronto": a name's end
                if label == "PRODUCT" and _last_word_of_longer_name(doc, start, end) and not self._known_word(doc[start - 1]):
                    continue  # "from Federal Signal": a one-word product's name ending a firm's name (issue 13 round 13)
                if label == "PRODUCT" and end < len(doc) and doc[end].is_title and (
                        doc[end].text in _BODY_HEADS or doc[end].lower_.strip(".") in self._legal_forms
                        or canonical in self.programmes and doc[end].text not in _PROGRAMME_WORDS | _MODEL_WORDS):
                    continue  # "the Safe City Authority", "Safe City Ltd", "the Safe Cities Data Centre": a
                    # product's name opening a body's, firm's or site's
                if label == "PRODUCT":  # "Cellebrite UFED Pro Series", "UFED Touch2": the model's full name
                    while end < len(doc) and (doc[end].text in _MODEL_WORDS | _ROMAN_MODEL_CODES or _model_code(doc[end])):
                        end += 1
                    if canonical in self.programmes and end < len(doc) and doc[end].text in _PROGRAMME_WORDS:
                        end += 1  # "the Safe City Project": the programme's title, kept a product, not a firm
                if label in ("ORG", "GOV_AGENCY"):  # "NSO Group Technologies Ltd": the full name (also "MEGVII Ltd")
                    while end < len(doc) and doc[end].text[:1].isupper() and (  # "the NSO Group company": no tail
                            doc[end].lower_.strip(".") in self._legal_forms or doc[end].lower_ in _NAME_TAILS
                            or _dotted_legal_form(doc[end], self._legal_forms)):  # "Acme S.A.", "Acme N.V."
                        end += 1
                        if end + 1 < len(doc) and doc[end].text in (",", ".") and doc[end - 1].lower_.strip(".") in \
                                self._legal_forms and doc[end + 1].lower_.strip(".") in self._legal_forms:
                            end += 1  # "Hikvision Digital Technology Co., Ltd.", "... PTE. LTD.": one legal form
                    if label == "ORG" and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text[:1].isupper() \
                            and doc[end + 1].lower_.strip(".") in _COMMA_LEGAL_FORMS:
                        end += 2  # "Netsweeper, Inc.": the firm's legal form written after a comma
                    if end + 1 < len(doc) and doc[end].text == "." and doc[end - 1].lower_ in self._legal_forms \
                            and (doc[end + 1].is_lower or doc[end + 1].text in ("(", ",")):
                        end += 1  # "PTE. LTD. of Singapore", "PTE. LTD. (Singapore)": the abbreviation's full stop
                    if end + 1 < len(doc) and doc[end - 1].text == "Group" and doc[end].text == "of" \
                            and doc[end + 1].text == "Companies":
                        end += 2  # "the Gamma Group of Companies": the group's full name
                candidates.append(Span(doc, start, end, label=label, kb_id=canonical))
        candidates = [_media_name(doc, c) for c in candidates]
        countries_by_end = {c.end: c for c in candidates if c.label_ == "COUNTRY"}
        for match_id, start, end in self.patterns(doc):
            span = doc[start:end]
            country = countries_by_end.get(start)
            if strings[match_id] == "COUNTRY_DEPARTMENT":
                if country is None and not (start >= 2 and doc[start - 1].lower_ in ("'s", "\u2019s")
                                            and countries_by_end.get(start - 1) is not None):
                    continue
                match_id = strings["GOV_AGENCY"]
            if country is None and start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
                continue  # "Acme Security Unit": part of a longer proper name left to ner
            if country is None and start > 1 and doc[start - 1].lower_ == "and" and doc[start - 2].is_title \
                    and not doc[start - 2].is_sent_start and doc[start - 2].pos_ in ("PROPN", "ADJ") \
                    and all(t.is_title for t in doc[start:end]):
                continue  # "the Criminal Intelligence and Investigations Department": one name over "and", left to ner
            if self._firm_after_and(span):
                continue  # "The Ministry of Interior and Zentrix Systems Ltd signed": a body and a firm, not one name
            candidates.append(Span(doc, start, end, label=strings[match_id], kb_id=name_key(span.text)))
        # courts, legislatures and their committees by the shape of their names (nlp/components/state_bodies.py)
        stops = frozenset(t for c in candidates if c.label_ == "COUNTRY" for t in range(c.start, c.end))
        for start, end, label in state_body_spans(doc, stops):
            candidates.append(Span(doc, start, end, label=label, kb_id=name_key(doc[start:end].text)))
        # (over a copy: joining removes the country from ``candidates``, which must not skip the next span)
        # (the longest first: "Kenya" joins "National Police Service", not the "National Police" inside it)
        joined = [self._with_country_name(doc, c, countries_by_end, candidates)
                  for c in sorted(candidates, key=lambda c: c.start - c.end)]
        candidates = [c for c in joined if c.label_ != "COUNTRY" or c in candidates]
        candidates += self._government_actors(doc, candidates)
        bodies = [c for c in candidates if c.label_ == "GOV_AGENCY"]
        candidates = [c for c in candidates if c.label_ != "GOV_GENERIC" or not any(
            b.start < c.end and c.start < b.end and b.end > c.end for b in bodies)]
        # (a generic actor a body's name runs on from gives way to it: "the military" in "the military government";
        # spaCy's filter_spans would keep the earlier of two spans of one length; round 18)
        lists = [s for s in candidates if s.label_ in ("LIST", COUNTRY_IN_NAME, LEADER_IN_NAME)]  # kept under an agency too
        inside_list = {(s.start, s.end) for s in candidates for li in lists if s.label_ not in ("LIST", "GOV_AGENCY")
                       and li.start <= s.start and s.end <= li.end}  # "UK" in "UK Sanctions List" is no mention
        kept = filter_spans(sorted([s for s in candidates if s.label_ not in ("LIST", COUNTRY_IN_NAME, LEADER_IN_NAME)
                                    and (s.start, s.end) not in inside_list],
                                   key=lambda s: s.label_ != "GOV_AGENCY"))  # "Kremlin": the agency on a tie
        ents = [s for s in kept if s.label_ in OUTPUT_LABELS]
        aux = [s for s in kept if s.label_ not in OUTPUT_LABELS] + lists
        doc.ents = filter_spans([*doc.ents, *ents]) if doc.ents else ents
        set_aux(doc, [*aux_spans(doc), *aux])
        return doc

    def _firm_after_and(self, span: Span) -> bool:
        """True when a body's name pattern ran over "and" onto a firm's name: a legal form after the "and"
        ("Ministry of Interior and Zentrix Systems Ltd")."""
        ands = [t.i for t in span if t.lower_ == "and"]
        doc = span.doc
        return bool(ands) and any(t.lower_.strip(".") in self._legal_forms  # (the form may follow the match)
                                  for t in doc[ands[0] + 1 : min(span.end + 2, len(doc))])

    def _country_led_body(self, doc: Doc, start: int, end: int, text: str) -> int | None:
        """The end of a government body's name that the country at [start, end) opens, or None: a country's name
        before a state body's head word, or a demonym or a firm-like head ("Service") where the bracketed acronym
        after the name spells it whole (:func:`nlp.components.state_bodies.country_led_body_end`)."""
        body_end = country_led_body_end(doc, end)
        if body_end and (text not in self.demonyms or _bracketed_acronym_of(doc, start, body_end)):
            return body_end
        wide = country_led_body_end(doc, end, heads=ACRONYM_CONFIRMED_HEADS)
        return wide if wide and _bracketed_acronym_of(doc, start, wide) else None

    def _with_country_name(self, doc: Doc, span: Span, countries_by_end: dict[int, Span], candidates: list[Span]) -> Span:
        """An agency right after a country's name takes it in: "U.S. Treasury Department", "Kessel Public Security
        Bureau" (the capital is part of the name); a demonym only after an article or preposition and before a
        title-case name of three or more words ("via the Greek National Intelligence Service")."""
        if span.label_ != "GOV_AGENCY":
            return span
        country = countries_by_end.get(span.start)
        if country is None or country not in candidates or self._is_demonym(country) and not (
                len(span) >= 3 and all(t.is_title for t in span) and country.start > 0
                and doc[country.start - 1].lower_ in ("the", "a", "an", "of", "by", "from", "to", "with")):
            # (a demonym before a title-case official name of three or more words is part of it: "the Greek
            # National Intelligence Service"; "the Bahraini Interior Ministry" is a country and a body described)
            return span
        candidates.remove(country)
        return Span(doc, country.start, span.end, label=span.label_, kb_id=name_key(doc[country.start : span.end].text))

    def _government_actors(self, doc: Doc, candidates: list[Span]) -> list[Span]:
        """Government-as-actor phrases as GOV_AGENCY: "the Hungarian government", "Bangladeshi police",
        "China's military", "the Government of Egypt", "the Bukele administration" (a name before
        administration/government/regime)."""
        out: list[Span] = []
        for c in candidates:
            if c.label_ != "COUNTRY":
                continue
            i = c.end
            if i < len(doc) and (doc[i].lower_ in ("'s", "\u2019s") or doc[i].text in ("'", "\u2019")
                                 and c.text.endswith("s") and doc[i - 1].whitespace_ == ""):
                i += 1  # ("Cyprus' authorities": the bare apostrophe of a name ending in s; round 19)
            elif i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].is_upper:
                i += 3  # "United Arab Emirates (UAE) security services": the country's acronym inside the phrase
            end = _described_government_end(doc, i) or _actor_head_end(doc, i)
            if end is not None and not (end < len(doc) and (doc[end].lower_ in _PERSON_ROLE_NOUNS or (
                    doc[end].pos_ in ("NOUN", "PROPN") and doc[end - 1].lower_ != "government"
                    and doc[end].text not in _CALENDAR_WORDS))) \
                    and not _modifies_later_noun(doc[end - 1]):
                # "a former Israeli military officer", "PRC military modernization": a modifier, no actor
                out.append(Span(doc, c.start, end, label="GOV_AGENCY", kb_id=name_key(doc[c.start : end].text)))
                if self._is_demonym(c) or i == c.end + 1:  # "Egyptian police", "China's military" (not "Calder
                    # Intelligence Service", nor "United Arab Emirates (UAE) security services": one phrase)
                    out.append(Span(doc, c.start, c.end, label=COUNTRY_IN_NAME, kb_id=c.kb_id_))
            if c.start >= 2 and doc[c.start - 1].lower_ in ("of", "the") and (
                    doc[c.start - 2].lower_ == "government" or doc[c.start - 2].lower_ == "of"
                    and c.start >= 3 and doc[c.start - 3].lower_ == "government"):
                first = c.start - 2 if doc[c.start - 2].lower_ == "government" else c.start - 3
                out.append(Span(doc, first, c.end, label="GOV_AGENCY", kb_id=name_key(doc[first : c.end].text)))
            body = _body_of_country(doc, c)
            if body is not None:
                out.append(body)
        taken = {t for c in candidates for t in range(c.start, c.end) if c.label_ != "GOV_GENERIC"}
        out += _lower_case_bodies(doc, taken | {t for o in out for t in range(o.start, o.end)})
        for tok in doc:
            if tok.lower_ not in LEADER_HEADS or tok.i == 0:
                continue
            if tok.i >= 2 and doc[tok.i - 1].lower_ in ("'s", "\u2019s"):
                out += _leader_possessive(doc, tok, taken)
                continue
            poss = described_leader_possessive(doc, tok, _NON_STATE_WORDS)
            if poss is not None and poss >= 1:  # "Viktor Orban's hardline government" (round 24)
                out += _leader_possessive(doc, tok, taken, last=poss - 1)
                continue
            first = tok.i - 1
            if not (doc[first].pos_ == "PROPN" and doc[first].is_title) or first in taken:
                continue
            if tok.i + 1 < len(doc) and (doc[tok.i + 1].is_title or doc[tok.i + 1].pos_ in ("NOUN", "PROPN")):
                continue  # "the Export Administration Regulations", "the Bukele government bonds"
            while first > 0 and first - 1 not in taken:
                if doc[first - 1].text == "-" and first >= 2 and doc[first - 2].is_title and first - 2 not in taken \
                        and tok.i - first < 3:
                    first -= 2  # a name joined by a hyphen: "the Al-Sissi regime"
                elif doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title and tok.i - first < 2:
                    first -= 1
                else:
                    break
            if _after_an_article(doc, first):
                out.append(Span(doc, first, tok.i + 1, label="GOV_AGENCY", kb_id=name_key(doc[first : tok.i + 1].text)))
        return out


_POLICE_COMMON_HEADS = frozenset({("police", "department"), ("police", "force"), ("police", "forces"),
                                  ("police", "service")})
_ACTOR_HEADS = (
    ("armed", "forces"), ("security", "forces"), ("defence", "forces"), ("defense", "forces"), ("security", "services"), ("security", "service"),
    ("intelligence", "services"), ("intelligence", "service"), ("intelligence", "agencies"),
    # "Iranian state security forces", "Italian law enforcement agencies", "the Colombian police intelligence service"
    # (round 19: a state's bodies named by their remit, as the real set's gold writes "law enforcement")
    ("state", "security", "forces"), ("security", "agencies"), ("law", "enforcement", "agencies"),
    ("law", "enforcement", "agency"), ("law", "enforcement"), ("police", "intelligence", "service"),
    ("police", "intelligence"),
    # "Kenya's police department", "the Zorbian police force": the police named with its own common head, lower case
    # only ("Uganda's Police Force" is a name, the country apart; round 23)
    *_POLICE_COMMON_HEADS,
    ("secret", "police"), ("riot", "police"), ("border", "police"), ("state", "security"),
    ("military", "junta"), ("military", "government"), ("military", "regime"),
    # "Bangladesh's interim government", "Pakistan's federal government", "Sri Lanka's previous government"
    *((kind, "government") for kind in ("interim", "caretaker", "transitional", "federal", "central", "provincial",
                                        "national", "previous", "former", "current", "new", "ruling", "incumbent")),
    ("government",),
    ("administration",), ("regime",), ("police",), ("military",), ("army",), ("navy",), ("parliament",), ("senate",),
    ("congress",), ("prosecutors",), ("embassy",),
    ("defense", "establishment"), ("defence", "establishment"),  # "the Israeli defense establishment" (round 19)
    ("junta",), ("cabinet",), ("gendarmerie",), ("authorities",),
    # "Swiss export authorities", "Indian law enforcement authorities": authorities named by their remit (round 14)
    *((*remit, "authorities") for remit in (("export",), ("customs",), ("tax",), ("immigration",), ("health",),
                                             ("law", "enforcement"), ("judicial",), ("prosecuting",), ("security",),
                                             ("border",), ("federal",), ("state",), ("provincial",), ("local",))),
    *extra_actor_heads(),  # "the French judiciary", "Nigerian govt" (round 24)
    ("forces",),  # "Russian forces": a state's armed forces (the real set's rule, "Russian forces" GOV_AGENCY)
)
_POSSESSIVES = ("'s", "\u2019s")
# lower-case names of one state's bodies, named so in news without their country: "the interior ministry", "the
# attorney general's office", "the public prosecutor's office" (a body of the state the story is about; its country
# comes from a demonym or possessive before it or from the document: nlp.extract._one_state_documents)
_LOWER_BODY_HEADS = (
    *((remit, "ministry") for remit in ("defence", "defense", "interior", "foreign", "home", "finance", "justice",
                                        "health", "communications", "telecommunications", "information", "economy",
                                        "trade", "commerce", "transport", "security")),
    ("internal", "affairs", "ministry"), ("home", "affairs", "ministry"), ("foreign", "affairs", "ministry"),
    # a state ruled by its army, named without its country in a story on it: "the junta", "the military
    # government", "the ruling military junta" (round 18)
    ("junta",), ("military", "junta"), ("military", "government"),
    *((*holder, s, "office") for s in _POSSESSIVES for holder in (
        ("attorney", "general"), ("attorney", "-", "general"), ("attorney", "generals"), ("public", "prosecutor"),
        ("prosecutor", "general"), ("prosecutor", "-", "general"), ("chief", "prosecutor"), ("state", "prosecutor"),
        ("district", "attorney"), ("state", "attorney"), ("solicitor", "general"), ("prosecutor",))),
)
# the heads by their first word, longest first (one dictionary look-up per token instead of a scan of every head)
_LOWER_BODY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _head in sorted(_LOWER_BODY_HEADS, key=len, reverse=True):
    _LOWER_BODY_FIRST.setdefault(_head[0], []).append(_head)
# news phrasing, matched in lower case only ("Mexico's defense ministry", "Rwandan intelligence", "Moroccan spy
# agency"); a capitalised "Interior Ministry" is a name, found by the agency patterns, its demonym a mention apart
_LOWER_ACTOR_HEADS = (
    *sorted(_LOWER_BODY_HEADS, key=len, reverse=True),
    ("intelligence", "agency"), ("spy", "agency"), ("spy", "agencies"), ("secret", "service"), ("secret", "services"),
    ("spy", "service"), ("spy", "services"),  # "Greece's spy service" (round 14)
    ("intelligence",), ("state",),
)
# title-case head nouns of an organisation's name that a place or demonym can open ("Cairo Institute for Human
# Rights Studies", "French League for Human Rights", "American Civil Liberties Union" is found by ner already)
_INSTITUTION_HEADS = frozenset({"Institute", "League", "Federation", "Foundation", "Association", "Alliance", "Coalition",
                                "Society", "Academy", "University", "College", "Observatory", "Forum", "Centre", "Center",
                                "Watch"})  # ("Bahrain Watch", as "Human Rights Watch")
# words that make "America" a region of many states ("Latin America", "Central American"), never the US
_CONTINENT_PARTS = frozenset({"Latin", "South", "North", "Central", "Meso", "Hispanic", "Anglo"})
COUNTRY_IN_NAME = "COUNTRY_IN_NAME"  # aux label: a country mention inside a GOV_AGENCY phrase ("Egyptian police")
# legal forms a firm's name takes after a comma ("Netsweeper, Inc."): no other reading of them follows a name there
_COMMA_LEGAL_FORMS = frozenset({"inc", "ltd", "llc", "limited", "corp", "plc"})
_NAME_TAILS = frozenset({"technologies", "technology", "holdings", "systems", "solutions", "group", "labs", "lab",
                         "international", "consortium", "corporation", "company", "networks", "intelligence"})
_PERSON_ROLE_NOUNS = frozenset({"officer", "officers", "official", "officials", "spokesman", "spokeswoman",
                                "spokesperson", "source", "sources", "bonds", "minister", "ministers", "adviser", "advisers"})
LEADER_HEADS = frozenset({"administration", "government", "regime"})
LEADER_IN_NAME = "LEADER_IN_NAME"  # aux label: the leader's name inside "Modi's government" (a PERSON mention too)


def _after_an_article(doc: Doc, i: int) -> bool:
    """True when an article opens the phrase at token ``i``, over up to three lower-case modifiers between:
    "the Bukele administration", "the fallen Sheikh Hasina government", "the previous authoritarian Hasina regime"."""
    j = i - 1
    while j >= 0 and i - j <= 3 and doc[j].is_lower and doc[j].pos_ in ("ADJ", "VERB", "ADV") \
            and doc[j].lower_ not in ("the", "a", "an"):
        j -= 1
    return j >= 0 and doc[j].lower_ in ("the", "a", "an")


def _lower_case_bodies(doc: Doc, taken: set[int]) -> list[Span]:
    """"the interior ministry", "the former attorney general's office's purchase", "its public prosecutor's
    office": a state body named in lower case after an article or possessive pronoun (over up to two lower-case
    modifiers such as "prior", "former"), without them; not where a noun follows ("the interior ministry
    spokesman": a person) nor inside another mention. Its country is said elsewhere (a demonym before it is
    joined by the government-actor rule)."""
    out: list[Span] = []
    for tok in doc:
        # (its remit may be capitalised before a lower-case head: "the Interior ministry"; round 18)
        first = tok.lower_ if tok.is_lower or tok.is_title and tok.i + 1 < len(doc) and doc[tok.i + 1].is_lower \
            else ""
        if tok.i in taken or first not in _LOWER_BODY_FIRST:
            continue
        end = next((tok.i + len(h) for h in _LOWER_BODY_FIRST[first]
                    if len(h) > 1 and tuple(t.lower_ if t.i == tok.i else t.text for t in doc[tok.i : tok.i + len(h)]) == h
                    or tok.is_lower and tuple(t.text for t in doc[tok.i : tok.i + len(h)]) == h), None)
        if end is None or any(t in taken for t in range(tok.i, end)):
            continue
        if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and doc[end].lower_ not in _POSSESSIVES:
            continue  # "the interior ministry spokesman", "the attorney general's office building"
        j = tok.i - 1
        while j >= 0 and tok.i - j <= 2 and doc[j].is_lower and doc[j].pos_ in ("ADJ", "ADV", "VERB") \
                and doc[j].lower_ not in ("the", "its", "their"):
            j -= 1
        if j >= 0 and doc[j].lower_ in ("the", "its", "their", "his", "her"):
            out.append(Span(doc, tok.i, end, label="GOV_AGENCY", kb_id=name_key(doc[tok.i : end].text)))
    return out


def _leader_possessive(doc: Doc, head: Token, taken: set[int], last: int | None = None) -> list[Span]:
    """"Modi's government", "Sheikh Hasina's regime", "Bukele's administration": the government a leader heads,
    one GOV_AGENCY mention with its possessive (as "China's military"), and the leader's name a PERSON inside it
    (LEADER_IN_NAME). Nothing when a noun follows ("NSO Group's government customers": the firm's clients), when
    the name is a country or a known party (``taken``), or when it is not a title-case proper name. ``last`` is the
    name's last token when words describe the government between ("Orban's hardline government"; round 24)."""
    last = head.i - 2 if last is None else last
    if not (doc[last].pos_ == "PROPN" and doc[last].is_title) or last in taken:
        return []
    if head.i + 1 < len(doc) and (doc[head.i + 1].is_title or doc[head.i + 1].pos_ in ("NOUN", "PROPN")):
        return []
    first = last
    while first > 0 and last - first < 2 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title \
            and first - 1 not in taken and doc[first - 1].lower_ not in ("president", "minister", "prime", "premier"):
        first -= 1
    return [Span(doc, first, head.i + 1, label="GOV_AGENCY", kb_id=name_key(doc[first : head.i + 1].text)),
            Span(doc, first, last + 1, label=LEADER_IN_NAME, kb_id=name_key(doc[first : last + 1].text))]


def _bracketed_acronym_of(doc: Doc, start: int, end: int) -> bool:
    """True when "(ACRONYM)" follows tokens [start, end) and spells their initials, the first word's included."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")" or not doc[end + 1].is_upper:
        return False
    return doc[end + 1].text == acronym(doc[start:end].text)


def _media_name(doc: Doc, span: Span) -> Span:
    """A country or capital name followed by a newspaper word ("Washington Post", "China Daily") is the
    newspaper's name, and a product's name followed by "Project" ("Pegasus Project") the consortium's: an
    organisation; other spans unchanged."""
    if span.label_ == "PRODUCT" and span.end < len(doc) and doc[span.end].text == "Project":
        # "the Pegasus Project": the consortium of newsrooms named after the spyware, an organisation
        return Span(doc, span.start, span.end + 1, label="ORG", kb_id=name_key(doc[span.start : span.end + 1].text))
    # (the words that end a newsroom's name after a place: nlp/data/outlet_words.tsv, read by the gazetteer)
    if span.label_ != "COUNTRY" or span.end >= len(doc) or not doc[span.end].is_title \
            or doc[span.end].lower_ not in outlet_tails_after_place() \
            or span.end + 1 < len(doc) and doc[span.end + 1].is_title and not doc[span.end + 1].is_sent_start:
        return span  # (a title-case word after it goes on with the name: "Kuwait News Agency")
    return Span(doc, span.start, span.end + 1, label="ORG", kb_id=name_key(doc[span.start : span.end + 1].text))


# names of weekdays and months ("Iranian authorities Saturday announced ..."): a date after an actor's head word is
# no noun the head qualifies (Python's calendar tables, English locale), nor is a relative day ("The French judiciary
# yesterday accused ..."; nlp/data/agency_wordings.txt, round 24)
_CALENDAR_WORDS = frozenset({*calendar.day_name, *calendar.month_name} - {""}) | relative_days()


# words that make a described force or government no body of the state it names: armed groups fighting it, rival
# or exiled claimants (round 20); militias (round 21). Also the words that make a buyer no state
# (nlp.components.private_buyers)
NON_STATE_WORDS = _NON_STATE_WORDS = frozenset({"rebel", "rebels", "militia", "militias", "opposition", "separatist",
                                                "separatists", "insurgent",
                              "insurgents", "militant", "jihadist", "resistance", "rival", "exiled", "paramilitary",
                              "anti-government", "guerrilla", "breakaway", "self-proclaimed", "de", "facto"})
# one-word heads of a state body that lower-case adjectives may describe after a country ("federal police")
_DESCRIBED_BODY_HEADS = frozenset({"police", "army", "military", "navy", "forces", "authorities", "intelligence",
                                   "gendarmerie", "security"})


def _described_government_end(doc: Doc, i: int) -> int | None:
    """The end of "<adjective>+ government/regime/administration" from token ``i``, or None: a country's
    government described by up to two lower-case adjectives ("Zorbia's authoritarian government", "the Zorbian
    nationalist regime"), one government-as-actor phrase as the dev set's rule for "the Hungarian government"
    reads it (nlp/devset/real/README.md); round 20. A body of ``_DESCRIBED_BODY_HEADS`` may also be described by a
    noun compounded with it ("the Zorbian morality police", "Zorbian traffic police"); a government or regime not
    ("censorship regime", "export control regime" are systems, not the state acting)."""
    j = i
    while j < len(doc) and j - i < 2 and doc[j].is_lower and doc[j].is_alpha and (
            doc[j].pos_ == "ADJ" or _adverb_of_adjective(doc, j)
            or doc[j].pos_ == "NOUN" and doc[j].dep_ == "compound"
            and doc[j].head.lower_ in _DESCRIBED_BODY_HEADS and doc[j].lower_ not in _DESCRIBED_BODY_HEADS) \
            and doc[j].lower_ != "own":  # ("Zorbia's own government": a contrast, no description)
        j += 1
    if j == i or j >= len(doc) or any(t.lower_ in _NON_STATE_WORDS for t in doc[i:j]):
        return None  # ("Zorbian rebel forces", "Zorbia's exiled government": no state body of Zorbia)
    if doc[j].lower_ in LEADER_HEADS:
        return j + 1
    # "the Zorbian federal police", "Zorbian national police", "the Zorbian military intelligence": a state body
    # described the same way (round 20); the caller still rejects a head that only qualifies a noun after it
    return _actor_head_end(doc, j) if doc[j].lower_ in _DESCRIBED_BODY_HEADS else None


def _state_body_head(words: tuple[str, ...]) -> bool:
    """True for an actor head that names a state body of a kind (police, defence, intelligence:
    nlp/data/agency_terms.txt) or a security body or ministry ("security services", "spy agency", "interior
    ministry"); not "government", "authorities", "forces" alone (too wide to stand for one body)."""
    text = " ".join(words)
    return body_kind(text) is not None or bool({"security", "spy", "ministry", "secret"} & set(words))


_BODY_HEADS_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _body in sorted({*_ACTOR_HEADS, *_LOWER_ACTOR_HEADS}, key=lambda h: (-len(h), h)):  # longest first
    if _state_body_head(_body):
        _BODY_HEADS_BY_LAST.setdefault(_body[-1], []).append(_body)


def _body_of_country(doc: Doc, country: Span) -> Span | None:
    """"the national police of Colombia", "the armed forces of Ukraine", "the intelligence services of the UAE": a
    state body's common head (a kind of nlp/data/agency_terms.txt, a security body) with up to two lower-case
    adjectives, after "the" and before "of" and the country: one GOV_AGENCY mention without the article, as the
    dev set's gold reads "government of Egypt". Not for "police in Serbia" (a place, maybe another state's)."""
    of = country.start - 1
    if of >= 0 and doc[of].lower_ == "the":
        of -= 1
    if of < 1 or doc[of].lower_ != "of":
        return None
    head = next((of - len(h) for h in _BODY_HEADS_BY_LAST.get(doc[of - 1].lower_, ())
                 if of - len(h) >= 0 and all(t.is_lower for t in doc[of - len(h) : of])
                 and tuple(t.lower_ for t in doc[of - len(h) : of]) == h), None)
    if head is None:
        return None
    first = head
    while first > 0 and head - first < 2 and doc[first - 1].is_lower and doc[first - 1].pos_ == "ADJ" \
            and doc[first - 1].lower_ not in _NON_STATE_WORDS:
        first -= 1
    if first == 0 or doc[first - 1].lower_ != "the":
        return None
    return Span(doc, first, country.end, label="GOV_AGENCY", kb_id=name_key(doc[first : country.end].text))


def _adverb_of_adjective(doc: Doc, j: int) -> bool:
    """True for an "-ly" adverb right before an adjective, both describing a body: "Spain's typically cautious
    intelligence agency", "the notoriously brutal secret police" (news describes a state's bodies so; round 23)."""
    return doc[j].pos_ == "ADV" and doc[j].lower_.endswith("ly") and j + 1 < len(doc) and doc[j + 1].pos_ == "ADJ" \
        and doc[j + 1].is_lower


def _modifies_later_noun(head: Token) -> bool:
    """True when the actor word only qualifies a noun after it, alone or coordinated: "Russia's military and
    defense industrial base", "Belarus's military and industrial sectors" (a field or
    a kind of thing, not the state body acting; "China's military bought ..." is the actor). "Government",
    "administration" and "regime" stay actors as modifiers ("U.S. government personnel"), as the dev set reads them."""
    doc = head.doc
    if head.i + 2 < len(doc) and doc[head.i + 1].text == "-" and doc[head.i + 2].is_alpha:
        return True  # "Iran's military-industrial complex", "government-linked hackers": a compound adjective
    if head.lower_ in LEADER_HEADS:  # "U.S. government personnel", "U.S. Government Use": still the government's
        return False
    return head.dep_ in ("amod", "compound", "nmod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN")


def _by_first_word(heads: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``heads`` grouped by their first word, each group in the order of ``heads`` (the first that matches wins)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for head in heads:
        out.setdefault(head[0], []).append(head)
    return {word: tuple(group) for word, group in out.items()}


_ACTOR_HEADS_BY_FIRST = _by_first_word(_ACTOR_HEADS)
_LOWER_ACTOR_HEADS_BY_FIRST = _by_first_word(_LOWER_ACTOR_HEADS)


def _actor_head_end(doc: Doc, i: int) -> int | None:
    """The end of a government-actor head word starting at token ``i`` ("government", "security forces")."""
    if i >= len(doc):
        return None
    for head in _ACTOR_HEADS_BY_FIRST.get(doc[i].lower_, ()):
        n = len(head)
        if i + n <= len(doc) and tuple(t.lower_ for t in doc[i : i + n]) == head:
            if head in _POLICE_COMMON_HEADS and not doc[i + n - 1].is_lower:
                continue  # "Uganda's Police Force": a name after its country, not a common head
            if head == ("government",) and i + n < len(doc) and doc[i + n].lower_ in ("official", "officials", "bonds"):
                return None
            return i + n
    for head in _LOWER_ACTOR_HEADS_BY_FIRST.get(doc[i].text, ()):
        n = len(head)
        if i + n <= len(doc) and tuple(t.text for t in doc[i : i + n]) == head:
            if head == ("state",) and i + n < len(doc) and doc[i + n].lower_ in ("of", "-"):
                return None  # "the U.S. state of Texas", "Chinese state-owned": no state body acting
            return i + n
    return None


def _between_name_words(doc: Doc, start: int, end: int) -> bool:
    """True when a demonym at [start, end) sits between two capitalised words of one name, the first not opening
    the sentence nor an article ("Center for a New American Security", "Royal Canadian Mounted Police")."""
    if start == 0 or end >= len(doc):
        return False
    before, after = doc[start - 1], doc[end]
    return before.is_title and not before.is_sent_start and before.lower_ not in ("the", "a", "an") \
        and before.pos_ in ("PROPN", "ADJ") and not before.like_num and after.is_title and after.pos_ == "PROPN" \
        and not after.text.endswith("s")  # "Eleven Chinese Entities", "Three Russian Companies": a heading


def _inside_proper_name(doc: Doc, start: int, end: int) -> bool:
    """True when title-case tokens [start, end) continue a proper name ("Fictive Intercept Systems")."""
    if not all(t.is_title or t.is_upper for t in doc[start:end]):
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    # (a capitalised word before it that is not a proper noun counts too when the phrase is itself capitalised
    # mid-sentence: "the Committee to Protect Journalists", "Front Line Defenders")
    return bool((before is not None and before.is_title and not before.is_sent_start and (
        before.pos_ == "PROPN" or not doc[start].is_sent_start and before.pos_ in ("VERB", "NOUN", "ADJ")))
                or (after is not None and after.is_title and after.pos_ == "PROPN"))


# title-case words that make the name before them a body's, not a product's ("Safe City Authority"); a firm's legal
# form does the same ("Safe City Company", "... Corporation": nlp/data/legal_forms.txt, read beside this set). Not
# derived from nlp/data/agency_terms.txt and _INSTITUTION_HEADS: those name other heads ("Police", "Unit", "Watch",
# "Institute") and lack most of these ("Authority", "Agency", "Office", "Board"), whose addition to the agency terms
# would change what names are agencies
_BODY_HEADS = frozenset({"Authority", "Authorities", "Agency", "Department", "Commission", "Council", "Directorate",
                         "Bureau", "Office", "Board", "Ministry", "Consortium"})


_PROGRAMME_WORDS = frozenset({"Project", "Programme", "Program", "Initiative"})


# title-case words that continue a product's name into a model's or edition's ("Cellebrite UFED Pro Series",
# "NeoFace Watch"; issue 13 round 13)
_MODEL_WORDS = frozenset({"Pro", "Series", "Plus", "Ultimate", "Premium", "Touch", "Lite", "Mobile", "Enterprise",
                          "Edition", "Cloud", "Watch", "Express", "Max", "Ultra", "Mini"})

# Roman numerals that end a model's name after a product the text names ("the StingRay II"; issue 13 round 24,
# product28, from news on police cell-site simulators); "I" and "V" are left out (a pronoun, a letter)
_ROMAN_MODEL_CODES = frozenset({"II", "III", "IV", "VI"})


def _model_code(tok: Token) -> bool:
    """True for a model number or code that can end a product's name: "228", "350", "Q6", "TB-2", "Touch2" (not a
    year: "2019"; not an amount or an ordinal)."""
    text = tok.text
    if not any(c.isdigit() for c in text) or not text[:1].isalnum() or len(text) > 8:
        return False
    if text.isdigit():
        return len(text) <= 3 or len(text) == 4 and not text.startswith(("19", "20"))
    return text[-2:].lower() not in ("st", "nd", "rd", "th", "s") and "," not in text and "." not in text \
        and any(c.isalpha() for c in text) and (text[:1].isupper() or text[:1].isdigit() and text[-1:].isupper())


def _last_word_of_longer_name(doc: Doc, start: int, end: int) -> bool:
    """True when a one-word, title-case product name ("Signal", "Predator") follows a capitalised proper noun that
    no name of the gazetteer covers, mid-sentence: "from Federal Signal" names a firm, not the messaging app.
    ("Google Android", "NSO's Pegasus", "the Israeli Pegasus" keep the product: a known name or a country before it.)"""
    if end - start != 1 or not doc[start].is_title or start == 0:
        return False
    before = doc[start - 1]
    return before.is_title and before.pos_ == "PROPN" and not before.is_sent_start


def _dotted_legal_form(tok: Token, forms: set[str]) -> bool:
    """True for a legal form written with full stops inside it ("S.A.", "N.V.", "S.p.A.", "L.L.C."), which the
    legal-form list holds without them."""
    return "." in tok.text.rstrip(".") and tok.lower_.replace(".", "") in forms

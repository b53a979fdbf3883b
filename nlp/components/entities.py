"""``redflag_entities``: turns spaCy's labels into the project's, with canonical values and confidences.

GPE/NORP/LOC naming a country (name, demonym, capital) -> COUNTRY with its code; other known places -> PLACE
(auxiliary, a country hint); ORG with agency words -> GOV_AGENCY; PERSON that is plainly an organisation -> ORG;
a proper noun right before a capability ("the Hermit spyware") -> PRODUCT; acronyms defined in parentheses
inherit the label of the name they follow. Dates, percentages and money go to the auxiliary span group.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from wordfreq import zipf_frequency

import nlp.components.common as common
from nlp.components.capability_extents import capability_extents
from nlp.components.common import OUTPUT_LABELS, aux_spans, set_aux
from nlp.components.firm_goods import firms_before_goods, sector_word_inside_name, sector_words_as_kinds
from nlp.components.name_cues import repair_by_cues
from nlp.components.name_repairs import (
    HONORIFICS,
    RANKS,
    _un_body,
    bodies_joined_to_firms,
    rare_firm_word,
    repair_names,
)
from nlp.components.org_precision import check_parties
from nlp.components.product_kinds import products_by_kind
from nlp.components.product_names import products_by_context
from nlp.components.ruler import (
    _MODEL_WORDS,
    _PROGRAMME_WORDS,
    LEADER_HEADS,
    LEADER_IN_NAME,
    _actor_head_end,
    _model_code,
    _modifies_later_noun,
)
from nlp.components.state_bodies import (
    COUNTRY_LED_HEADS,
    body_complements_end,
    implied_country,
    international,
)
from nlp.currencies import codes as currencies
from nlp.currencies import is_currency_word, priced_pattern
from nlp.gazetteer import (
    GUARDED_PREFIX,
    Gazetteer,
    capital_cities,
    city_country,
    is_city,
    is_city_name,
    leader_countries,
    local_place_code,
    not_parties,
    subdivision_abbreviation,
    subdivision_code,
)
from nlp.gazetteer import shared_subdivisions as _shared_subdivisions
from nlp.normalize import acronym, legal_forms, name_key

_ORG_WORDS = {
    "lab", "labs", "group", "groups", "systems", "technologies", "technology", "solutions", "holdings", "ltd", "llc",
    "inc", "corp", "corporation", "company", "gmbh", "integrators", "communications", "networks", "distribution",
    "trading", "international", "security", "services", "consulting", "software", "electronics", "telecom", "fze",
    "partners", "capital", "ventures", "industries", "defense", "defence", "intelligence", "analytics", "ai",
    "amnesty", "watch", "foundation", "institute", "university", "centre", "center", "network", "logistics", "freight",
    "limited", "airlines", "airline", "air", "bank", "engineering", "industry", "plant", "factory", "bureau",
}
_COMMERCIAL = {
    "ltd", "llc", "inc", "corp", "corporation", "company", "gmbh", "technologies", "technology", "solutions",
    "holdings", "systems", "integrators", "communications", "networks", "distribution", "trading", "consulting",
    "software", "electronics", "labs", "lab", "group", "fze", "ag", "sa", "plc", "partners", "logistics", "freight",
    "industries", "analytics", "ventures", "capital", "watch", "international", "foundation", "institute",
}
# last words that make a name spaCy calls a person a firm's ("Saito Tech", "Kavrel Tech"): a short form of
# "Technologies" that ends no person's name in news text; not an _ORG_WORDS word, whose other uses would take it
_PERSON_ORG_ENDS = frozenset({"tech", "makina", "sanayi", "teknoloji", "savunma"})  # (Turkish firm words: "Baykar
# Makina", "... Savunma Sanayi")
# first words of Spanish and Portuguese firm names ("Grupo Tech Bull", "Corporación Xyz", "Empresa Brasileira de
# ..."): a title-case name they open is a firm's, not a person's
_FIRM_OPENERS = frozenset({"grupo", "corporación", "corporacion", "compañía", "compania", "companhia", "empresa",
                           "sociedad", "sociedade"})
# commercial words that also name a state body's remit (allowed before a head only states use)
_REMIT_WORDS = frozenset({"technologies", "technology", "communications", "networks", "electronics", "systems",
                          "software", "international", "trading", "logistics", "distribution", "analytics", "solutions",
                          "lab", "labs"})  # ("Directorate of Forensic Lab")
# common nouns for a state or its parts, whose possessive keeps a body a state body ("the country's Defence Ministry")
_STATE_NOUNS = frozenset({"country", "country's", "state", "nation", "government", "kingdom", "republic", "ministry",
                          "army", "military", "police", "regime", "administration", "emirate", "province", "city"})
_PRODUCT_CUES = {"spyware", "software", "system", "platform", "tool", "suite", "malware", "camera", "cameras", "implant"}
# nouns that say the quoted name before them is a product's ("the "Golden Shield" system")
_PRODUCT_NOUNS = frozenset({"system", "platform", "software", "tool", "suite", "program", "programme", "app",
                            "application", "device", "malware", "spyware", "firewall", "product", "implant", "network",
                            "project"})
# last words of a title-case name that make it the name of goods or a programme, not a firm (singular only: "Axon
# Systems" is a firm, "Automated Facial Recognition System" a product)
_PRODUCT_HEADS = frozenset({"Device", "System", "Software", "Platform", "Suite", "Tool", "Extractor", "Analyzer",
                            "Analyser", "Interceptor", "Catcher", "Camera", "Scanner", "Database", "Project", "Programme",
                            "App", "Application"})
# last words of a newsroom's or an operator's name ("South China Morning Post", "Sri Lanka Telecom")
_NEWS_HEADS = frozenset({"post", "times", "telecom", "herald", "tribune", "daily", "news", "broadcasting", "television",
                         "radio", "airways", "airlines", "railways", "bank"})
_PARTY_NOUNS = {"vendor", "maker", "firm", "company", "developer", "supplier", "manufacturer", "provider", "seller",
                "consortium", "group", "exporter", "reseller", "distributor", "dealer", "broker"}
_STATE_HEADS = {
    "ministry", "ministries", "police", "gendarmerie", "directorate", "army", "navy", "bureau", "agency", "commission",
    "department", "office", "administration", "presidency", "prosecutor", "procuracy", "customs", "government",
    "municipality", "secretariat", "battalion", "brigade", "regiment", "corps", "kremlin", "pentagon", "treasury",
    "commissionerate",  # "Police Commissionerate": a city police's seat and force (South Asia)
}
_SHARED_HEADS = {"service", "services", "forces", "force", "guard", "guards", "command", "unit", "division", "committee",
                 "council", "authority", "court", "intelligence", "staff"}
# heads that make a body's name only with an agency term in it ("National Intelligence Centre"; not "Carter Center")
_TERM_HEADS = _SHARED_HEADS | {"centre", "center", "headquarters"}  # ("Police Headquarters")
_ONE_WORD_BODIES = {"customs", "treasury", "pentagon", "kremlin"}  # bodies named by their head word alone
_TITLE_WORDS = {"secretary", "secretaries", "minister", "director", "commissioner", "administrator", "chairman", "chair"}
# lemmas whose subject is a firm: the seller lemmas of nlp/data/event_triggers.json, and making
_SUPPLY_VERBS = frozenset(common.trigger_lemmas("supply_seller")) | {"develop", "manufacture", "make", "produce"}
_ROLE_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "minister", "director", "ceo", "chairman",
                         "chairwoman", "chairperson", "commissioner", "secretary", "adviser", "advisor", "researcher",
                         "lawyer", "attorney", "journalist", "reporter", "activist", "founder", "president", "chief",
                         "superintendent", "inspector", "officer", "analyst", "professor", "senator", "lawmaker"})


# the remit words of a minister's title ("minister Home Affairs"), which no person's name holds
_MINISTER_REMITS = frozenset({"affairs", "home", "interior", "defence", "defense", "security", "finance", "justice",
                          "information", "communications", "foreign", "state", "trade", "industry", "commerce"})


def _people_after_role_nouns(doc: Doc, taken: list[Span], conf: dict[tuple[int, int], float],
                             confidence: float) -> list[Span]:
    """Two or three title-case proper nouns ner left untagged right after a lower-case role noun are that person's
    name: "Police spokeswoman Sofia Medina said ...", "security researcher Bill Marczak"."""
    used = {t for e in taken for t in range(e.start, e.end)}
    out: list[Span] = []
    for tok in doc:
        if not (tok.is_lower and tok.lower_ in _ROLE_NOUNS) or tok.i + 2 > len(doc):
            continue
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 3 and j not in used and doc[j].pos_ == "PROPN" and doc[j].is_title \
                and doc[j].is_alpha:
            j += 1
        if 2 <= j - tok.i - 1 <= 3 and (j >= len(doc) or not (doc[j].is_title and doc[j].pos_ == "PROPN")) \
                and not any(t.lower_ in _MINISTER_REMITS for t in doc[tok.i + 1 : j]):  # ("minister Home Affairs": a remit)
            span = Span(doc, tok.i + 1, j, label="PERSON", kb_id=name_key(doc[tok.i + 1 : j].text))
            out.append(span)
            conf[(span.start_char, span.end_char)] = confidence
            used.update(range(tok.i + 1, j))
    return out


# legal forms written before the name: Indonesian "PT" (perseroan terbatas) and "CV" (commanditaire vennootschap)
_PREFIX_LEGAL_FORMS = frozenset({"PT", "PT.", "CV"})


def _legal_form_prefixes(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
    """"PT Radika Karya Utama": a legal form that opens a firm's name is part of it (ner leaves it out)."""
    out: list[Span] = []
    for e in ents:
        if e.label_ == "ORG" and e.start > 0 and doc[e.start - 1].text in _PREFIX_LEGAL_FORMS:
            whole = Span(doc, e.start - 1, e.end, label="ORG", kb_id=e.kb_id_)
            conf[(whole.start_char, whole.end_char)] = conf.get((e.start_char, e.end_char), 0.7)
            out.append(whole)
            continue
        out.append(e)
    return out


def _group_word_as_modifier(e: Span) -> bool:
    """True for a one-word victim-group mention that only qualifies the noun after it: "a press briefing", "a press
    release", "the activist group X" (a kind of briefing or group, no people targeted)."""
    root = e.root
    return e.label_ == "VICTIM_GROUP" and len(e) == 1 and root.dep_ in ("compound", "amod", "nmod") \
        and root.head.i > root.i and root.head.pos_ in ("NOUN", "PROPN")


_LEADER_TITLES = frozenset({"president", "prime", "minister", "premier", "chancellor", "king", "emir", "sheikh",
                            "general", "former", "late", "then", "populist", "strongman", "dictator", "de", "facto"})


def _governments_of_leaders(doc: Doc, ents: list[Span], aux: list[Span], conf: dict[tuple[int, int], float],
                            is_place: Callable[[str], bool]) -> list[Span]:
    """"the government of Michel Temer", "the administration of populist President Nayib Bukele": a PERSON after
    "government/administration/regime of" and titles is the leader; the government a leader heads is one
    GOV_AGENCY mention from the head word to the name's end, the leader a PERSON inside it (LEADER_IN_NAME aux)."""
    out: list[Span] = []
    for e in ents:
        i = e.start - 1
        while i > 0 and doc[i].lower_ in _LEADER_TITLES:
            i -= 1
        if e.label_ != "PERSON" or i < 1 or doc[i].lower_ != "of" or doc[i - 1].lower_ not in LEADER_HEADS \
                or is_place(e.text):  # ("the government of Tamil Nadu": ner's person is a state)
            out.append(e)
            continue
        head = i - 1
        body = Span(doc, head, e.end, label="GOV_AGENCY", kb_id=name_key(doc[head : e.end].text))
        out.append(body)
        conf[(body.start_char, body.end_char)] = conf.get((e.start_char, e.end_char), 0.7)
        aux.append(Span(doc, e.start, e.end, label=LEADER_IN_NAME, kb_id=e.kb_id_))
    return out


# a city after one of these says where something is, not the first word of a firm's name after it
_LOCATING_PREPOSITIONS = frozenset({"in", "at", "near", "outside"})
_PLACE_BODY_HEADS = frozenset({"police", "government", "administration", "forces", "gendarmerie"})
# last words of a firm's name that a country word may open or close ("Syrian Telecommunications Establishment",
# "Telecommunication Company of Iran")
_FIRM_HEADS = frozenset({"company", "co", "corporation", "corp", "establishment", "enterprise", "industries"})
# a word of a generic name, not a firm's own: frequent in English text (wordfreq Zipf; "Huawei" is 3.3)
_COMMON_ZIPF = 3.5
_AUX_NER = {"DATE": "DATE", "PERCENT": "PERCENT", "MONEY": "MONEY"}


@Language.factory(
    "redflag_entities",
    default_config={"gazetteer_confidence": 0.95, "ner_confidence": 0.8, "remap_confidence": 0.7},
)
def make_entity_normalizer(
    nlp: Language, name: str, gazetteer_confidence: float, ner_confidence: float, remap_confidence: float
) -> EntityNormalizer:
    return EntityNormalizer(name, gazetteer_confidence, ner_confidence, remap_confidence)


# doc.user_data key of the states a document names (a _DocumentStates once read, None before), present only while
# ``redflag_entities`` reads its bodies' countries
_STATES_NAMED_KEY = "redflag_entities.states_named"


@dataclass(frozen=True)
class _DocumentStates:
    """The states a document names, read once per document: ``twice`` the codes of countries named twice or more,
    ``subdivisions`` (token index, country code) of each title-case first-level subdivision outside a firm's or
    body's name ("in Texas" -> US)."""

    twice: frozenset[str]
    subdivisions: tuple[tuple[int, str], ...]

    def outside(self, start: int, end: int) -> set[str]:
        """The codes named, leaving out subdivisions at tokens ``start`` to ``end`` (a body's own name)."""
        return {*self.twice, *(code for i, code in self.subdivisions if not start <= i < end)}


@dataclass(frozen=True)
class _FirmForms:
    """The gazetteer's organisation names, indexed once for the rules that read them: ``names`` every name and alias
    as written plus the rare first word of a longer one; ``joined`` the names of words joined by "and" or "&"
    (lower case, no legal form) -> their entry's key."""

    names: frozenset[str]
    joined: Mapping[str, str]


class EntityNormalizer:
    def __init__(self, name: str, gazetteer_confidence: float, ner_confidence: float, remap_confidence: float) -> None:
        self.name = name
        self.gaz_conf = gazetteer_confidence
        self.ner_conf = ner_confidence
        self.remap_conf = remap_confidence
        self.gazetteer = Gazetteer()
        self._agency_re: re.Pattern[str] = re.compile(r"(?!x)x")
        self._generic: set[str] = set()
        self._country_names: frozenset[str] = frozenset()
        self._legal_forms = frozenset(" ".join(f) for f in legal_forms() if len(f) == 1)
        self._not_parties = not_parties()

    def set_gazetteer(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        terms = sorted(gazetteer.agency_terms, key=len, reverse=True)
        self._agency_re = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b") if terms else self._agency_re
        self._generic = {g.casefold() for g in gazetteer.generic_agencies}
        self._country_names = frozenset(n for c in gazetteer.countries.values() for n in (c.name, *c.aliases))

    def is_agency(self, text: str) -> bool:
        """True for the name of a government body: it ends in a head word that only states use ("Ministry",
        "Bureau", "Department", "Police", "Administration"), starts with one and "of"/"for" ("Office of Foreign
        Assets Control"), or has an agency term (nlp/data/agency_terms.txt) and ends in a head word that firms
        use too ("Calder Intelligence Service", "Transit Authority"); never with a commercial word in it."""
        words = name_key(text).split()
        raw_words = [w.strip(".,").casefold() for w in text.replace("-", " ").split()]
        if not raw_words:
            return False
        # a field of work inside a name whose head only states use is the body's remit, not a firm's trade:
        # "National Communications Commission", "Defense Information Systems Agency", "Ministry of Electronics and
        # Information Technology"
        strict = raw_words[-1] in _STATE_HEADS or len(raw_words) > 2 and raw_words[0] in _STATE_HEADS \
            and raw_words[1] in ("of", "for")
        vetoes = _COMMERCIAL - _REMIT_WORDS if strict else _COMMERCIAL
        if any(w in vetoes for w in raw_words[1:]) or (words and words[-1] in vetoes):
            return False
        if len(raw_words) > 1 and (raw_words[-1] in ("court", "circuit") or "court" in raw_words[:-1]
                                   and raw_words[raw_words.index("court") + 1] in ("of", "for")):
            # "the Supreme Court", "the Ninth Circuit", "Court of Appeals": courts are state bodies; an international
            # court ("European Court of Human Rights", "International Criminal Court") is an ORG by the set's rule
            return not international(raw_words)
        if (raw_words[-1] in _STATE_HEADS and (len(raw_words) > 1 or raw_words[0] in _ONE_WORD_BODIES)) or (len(raw_words) > 2 and raw_words[0] in _STATE_HEADS | _SHARED_HEADS | {"parliament"}
                                             and raw_words[1] in ("of", "for")):  # ("Parliament of Catalonia")
            return True
        if len(raw_words) > 2 and raw_words[:2] == ["directorate", "general"]:
            return True  # "Directorate General Defence Purchase", "Directorate-General for Territorial Surveillance"
        if text.split()[-1] in COUNTRY_LED_HEADS and self._opened_by_a_place(text.split()):
            return True  # "Punjab Safe City Authority", "Oregon State Police": a province's or city's body
        return raw_words[-1] in _TERM_HEADS and bool(self._agency_re.search(text.casefold()))

    def _opened_by_a_place(self, words: list[str]) -> bool:
        """True when the first one to three of ``words`` (more follow) name a known place or province."""
        gaz = self.gazetteer
        for n in (3, 2, 1):
            if len(words) > n:
                head = " ".join(words[:n])
                if gaz.place_code(head) or subdivision_code(head) or head.casefold() in _shared_subdivisions():
                    return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        ents: list[Span] = []
        conf: dict[tuple[int, int], float] = {}
        aux = aux_spans(doc)
        for ent in _split_possessives(doc.ents):
            label = ent.label_
            if ent.kb_id_ and label in OUTPUT_LABELS:  # from the gazetteer
                if label == "GOV_AGENCY" and (_in_official_title(ent) or _starts_document_name(ent)):
                    continue  # "Under Secretary of Commerce for ...", "the Commerce Control List": not the body acting
                if label == "ORG" and self.is_agency(ent.text):
                    label = "GOV_AGENCY"
                if label == "PRODUCT" and ((self.gazetteer.product_vendors.get(ent.kb_id_) == ent.kb_id_
                                            or ent.kb_id_ not in self.gazetteer.product_capabilities
                                            and ent.kb_id_ in self.gazetteer.product_vendors)
                                           and ent.root.dep_ == "nsubj" and ent.root.head.pos_ == "VERB"
                                           or _firm_by_its_relations(ent) or _coordinated_with_org(ent)
                                           and ent.kb_id_ not in self.gazetteer.product_capabilities):
                    # (a platform named as the subject of a verb, "Twitter sent a cease and desist letter", or
                    # beside firms, "actions by YouTube (via Google) and Facebook", is its company; a programme of no
                    # one maker, "Smart City also includes", has no company to stand for)
                    label = "ORG"  # "WhatsApp notified 90 users", "FinFisher sold": the maker named for its product acts
                ents.append(Span(doc, ent.start, ent.end, label=label, kb_id=ent.kb_id_))
                conf[(ent.start_char, ent.end_char)] = self.gaz_conf
                continue
            span = _trim(ent, self._legal_forms)
            if span is None:
                continue
            if label == "ORG" and (priced_pattern().fullmatch(span.text) or span.text in currencies()):
                continue  # "USD210 million", "Tk 4.5", "PKR": an amount or a currency, no organisation
            if label == "ORG" and span.start > 0 and doc[span.start - 1].lower_ == "in" and is_city(span.text):
                aux.append(Span(doc, span.start, span.end, label="PLACE"))
                continue  # "the company in Pune": a city, where something is, no organisation
            if label == "ORG" and conf.get((ent.start_char, ent.end_char)) != self.gaz_conf and _technical_term(span):
                continue  # "No Objection Certificate (NOC)", "Radio Frequency Identification": a term, no body
            if label == "ORG" and (span.text in self._not_parties or _in_official_title(span) or _heading_words(span)
                                   or any(t.is_upper and t.text in self._not_parties for t in span)
                                   or _bare_head_word(span) or _starts_document_name(span) or _in_title_run(span)
                                   or _capitalised_common_nouns(span)):
                continue  # "EAR", "Federal Register"; "Under Secretary of Commerce for Industry and Security"
            if label == "PERSON" and span.text in self._not_parties:
                continue  # "VoIP": a technical term ner took for a name
            if label in ("ORG", "PERSON") and len(span) == 1 and span.text.endswith("s") and span.text[:-1] != span.text \
                    and self.gazetteer.country_code(span.text[:-1]) and span.text[:-1] not in self._country_names:
                continue  # "Pakistanis": a country's people (a demonym's plural), no organisation
            if label in ("ORG", "PERSON", "GPE", "NORP", "LOC", "FAC") and _before_based(span):
                code = self.gazetteer.country_code(span.text) or self.gazetteer.country_code(span.text + ".")
                if code:  # "the U.K-based firm": ner read "U.K" as an organisation
                    ents.append(Span(doc, span.start, span.end, label="COUNTRY", kb_id=code))
                    conf[(span.start_char, span.end_char)] = self.remap_conf
                continue  # "Hampshire-based Gamma International": where a firm sits, a place, never a party
            mapped = self._map(span)
            if mapped is None:
                if label in _AUX_NER:
                    aux.append(Span(doc, span.start, span.end, label=_AUX_NER[label]))
                continue
            new_label, canonical, confidence = mapped
            if new_label == "COUNTRY" and _dateline(span):
                new_label = "PLACE"  # "WASHINGTON –": where the release was issued, a city, not the country acting
            if new_label in OUTPUT_LABELS:
                ents.append(Span(doc, span.start, span.end, label=new_label, kb_id=canonical))
                conf[(span.start_char, span.end_char)] = confidence
            else:
                aux.append(Span(doc, span.start, span.end, label=new_label, kb_id=canonical))
        ents += self._place_bodies(doc, ents, aux, conf)
        ents += _armed_services(doc, ents, aux, conf, self.remap_conf)
        blocked = [(a.start, a.end) for a in aux if a.label_ in ("LIST", "PLACE")]
        ents = [e for e in ents if e.kb_id_ and conf.get((e.start_char, e.end_char)) == self.gaz_conf
                or not any(s < e.end and e.start < t and not _extends(e, s, t) and not _ends_with_of_place(e, s, t)
                           for s, t in blocked)]
        # a place that starts a longer name is part of it ("Hangzhou Hikvision Digital Technology Co., Ltd.")
        aux = [a for a in aux if a.label_ != "PLACE" or not any(e.start <= a.start and a.end <= e.end and len(e) > len(a)
                                                               for e in ents if e.label_ in ("ORG", "GOV_AGENCY"))]
        found = self._untagged_firm_names(doc, ents + aux, conf)
        cut_starts = {d.start for d in found if d.label_ == "DROP"}
        ents = [e for e in ents if not (e.start in cut_starts and e.label_ in ("ORG", "PERSON", "PRODUCT"))]
        ents += [d for d in found if d.label_ != "DROP"]
        ents = self._comma_listed_firm_names(doc, ents, conf)
        ents = self._firm_word_before_country(doc, ents, conf)
        ents = self._leading_word_of_firm_names(doc, ents, conf)
        ents = _people_in_lists_of_people(doc, ents)
        ents = _typed_by_preceding_noun(doc, ents, conf, self.gaz_conf)
        ents = _aliases_take_the_label(doc, ents)
        ents = _named_by_copula(doc, ents, conf, TYPED_CONFIDENCE)
        ents += _names_after_org_nouns(doc, ents + aux, conf, TYPED_CONFIDENCE)
        ents += _people_after_role_nouns(doc, ents + aux, conf, TYPED_CONFIDENCE)
        ents += self._owners_before_possessive(doc, ents, conf)
        ents = self._country_led_firm_names(doc, ents, conf)
        ents = _city_of_body(doc, ents, conf)
        ents = self._short_forms(doc, ents, conf)
        ents = self._products_before_capabilities(doc, ents, conf)
        ents = self._named_products(doc, ents, conf)
        ents = products_by_context(doc, ents, conf, self.gaz_conf, TYPED_CONFIDENCE, _PRODUCT_NOUNS,
                                   lambda name: _named_as_firm(doc, name, self._legal_forms))
        ents = self._product_shaped_names(doc, ents, conf)
        ents = self._programme_names(doc, ents, conf)
        ents = self._model_names(doc, ents, conf)
        ents = self._goods_made_by(doc, ents, conf)
        ents = _bracketed_goods_names(doc, ents, conf)
        ents = _editions_of_products(doc, ents, conf, self.gaz_conf)
        ents = products_by_kind(doc, ents, conf, self.gaz_conf, TYPED_CONFIDENCE, _PRODUCT_NOUNS)
        ents += self._untagged_sellers(doc, ents, conf)
        ents = _hyphen_joined(doc, ents, conf)
        ents = repair_names(doc, ents, conf, self.gaz_conf, self.remap_conf, self._legal_forms)
        ents = [Span(doc, e.start, e.end, label="ORG", kb_id=e.kb_id_) if e.label_ == "PRODUCT"
                and conf.get((e.start_char, e.end_char)) != self.gaz_conf and self._firm_by_its_place(doc, e) else e
                for e in ents]
        ents = _comma_continued_remits(doc, ents, conf)
        ents = self._local_bodies(doc, ents, conf)
        ents = self._bracketed_authorities(doc, ents, conf)
        ents = self._legal_form_after_country(doc, ents, conf)
        ents = self._body_name_edges(doc, ents, conf)
        ents = _person_after_agency(doc, ents, conf)
        ents = self._country_built_names(doc, ents, conf)
        ents, aux = self._guarded_names(doc, ents, aux, conf)
        ents = repair_by_cues(doc, ents, conf, self.gaz_conf, self.remap_conf, self.gazetteer.country_code)
        ents = self._acronyms(doc, ents, conf)
        ents = _acronyms_of_common_words(doc, ents)
        ents = self._dotted_acronyms(doc, ents, conf)
        ents = self._bodies_named_further(doc, ents, conf)
        ents = _publication_names(doc, ents, conf)
        ents += _sites_named_by_their_address(doc, ents, conf)
        ents = _governments_of_leaders(doc, ents, aux, conf, self._is_place)
        ents = _legal_form_prefixes(doc, ents, conf)
        ents = [e for e in ents if not _group_word_as_modifier(e)]
        ents = [e for e in ents if not (e.label_ == "ORG" and conf.get((e.start_char, e.end_char)) != self.gaz_conf
                                        and (_in_dateline(e) or _opening_common_word(e) or _ends_in_preposition(e)))]
        ents = _people_by_initials(doc, ents)
        ents = self._firms_joined_by_and(doc, ents, conf)
        ents = self._one_firm_over_and(doc, ents, conf)
        ents = bodies_joined_to_firms(doc, ents, conf, self.gaz_conf, self.remap_conf, self._firm_forms().names)
        ents = sector_words_as_kinds(doc, ents, conf, self.gaz_conf)
        ents = sector_word_inside_name(doc, ents, conf, self.gaz_conf, self.remap_conf)
        ents = firms_before_goods(doc, ents, conf, self.gaz_conf, self.remap_conf)
        ents = check_parties(doc, ents, conf, self.gaz_conf, self.remap_conf)
        ents = capability_extents(doc, ents)
        doc.ents = filter_spans(ents)
        set_aux(doc, aux)
        doc._.redflag_conf = [[s, e, c] for (s, e), c in conf.items()]
        # the states the document names, read at most once for all its bodies (doc.ents no longer change below; the
        # entry is dropped again so that no later component reads a stale one)
        doc.user_data[_STATES_NAMED_KEY] = None
        try:
            doc._.redflag_country = [[e.start_char, e.end_char, code] for e in doc.ents if e.label_ == "GOV_AGENCY"
                                     and (code := self.agency_country(e))]
        finally:
            del doc.user_data[_STATES_NAMED_KEY]
        return doc

    def agency_country(self, span: Span) -> str | None:
        """The state a GOV_AGENCY belongs to, from (in order) the gazetteer entry, a country named in it
        ("Xinjiang Public Security Bureau", "China's military", "Government of Bangladesh", "U.S. Treasury
        Department") or a demonym or possessive right before it ("the Bahraini Ministry of Interior",
        "Hungary's Special Service"); None when the text does not say."""
        gaz = self.gazetteer
        if span.kb_id_:
            known = gaz.entry_country("GOV_AGENCY", span.kb_id_)
            if known:
                return known
        doc = span.doc
        words = list(span)
        for n in (3, 2, 1):  # a country or place at the start of the name ("Oregon State Police": a US state)
            if len(words) > n and words[n].lower_ != "county":  # ("Nassau County Police": no body of the Bahamas)
                head = doc[span.start : span.start + n].text
                code = gaz.country_code(head) or gaz.place_code(head) or (
                    subdivision_code(head) if local_place_code(head) else None)  # (not "North", a region of Cameroon)
                if code and not (subdivision_code(head) == code and not gaz.country_code(head)
                                 and self._other_state_named(span, code)):
                    return code  # (a subdivision's name abroad, "Aurora Police Department" in Colorado: not the PH's)
                if code and len(states := self._states_named(span)) == 1:
                    return next(iter(states))
        implied = implied_country(span)  # "San Joaquin County Sheriff's Office": a U.S. body by its own head
        if implied:
            return implied
        city = _city_of_local_body(span)
        guessed = city  # a place-read country that gave way to the document's signals
        if city and not self._other_state_named(span, city):
            # "Stockton Police Department", "Cape Girardeau City Council": a city only one country has, unless the
            # document names other states and never that city's one (a GeoNames town abroad sharing the name of
            # a U.S. city in a text about Texas); the text's own signals then decide, as for a body named bare
            return city
        local = self.local_body_country(span) if any(_local_head(doc, k)[0] == span.end
                                                     for k in range(span.start, span.end)) \
            or doc[span.start].text == "Police" else None
        if local and not (self._other_state_named(span, local) and any(
                subdivision_code(doc[span.start : span.start + n].text) == local for n in (1, 2, 3)
                if span.start + n < span.end)):
            return local  # "Chennai police", "Police Scotland", "KP Police" (a subdivision's name abroad gives way)
        if (guessed or local) and len(states := self._states_named(span)) == 1:
            return next(iter(states))  # the guess gave way to the one state the text names ("in Colorado")
        if len(words) > 1 and words[0].is_upper and len(words[0].text) == 2:
            local = self._local_place(doc, span.start, span.start + 1)
            if local:  # "UP Special Task Force": a state's code opening the name, where the text names its country
                return local
        led = _leaders_country(span)  # "the Al Sissi regime", "Modi's government": the state its leader heads
        if led:
            return led
        for tok in words[1:-1]:  # "Royal Canadian Mounted Police": a country word inside a title-case name
            if tok.is_title and (tok.i + 1 >= span.end or doc[tok.i + 1].is_title):
                code = gaz.country_code(tok.text)
                if code:
                    return code
        for tok in words[:-1]:  # "... of Bangladesh", "China's military"
            if tok.lower_ in ("of", "'s", "\u2019s"):
                rest = doc[tok.i + 1 : span.end].text if tok.lower_ == "of" else doc[span.start : tok.i].text
                code = gaz.country_code(rest) or gaz.place_code(rest)
                if code:
                    return code
                if tok.lower_ == "of":  # "City of Buenos Aires Government": a province or place opening the rest
                    for n in (3, 2, 1):
                        if tok.i + 1 + n < span.end:
                            head = doc[tok.i + 1 : tok.i + 1 + n].text
                            code = gaz.place_code(head) or subdivision_code(head)
                            if code:
                                return code
        code = self._country_before(span)
        if code:
            return code
        if 0 < span.start - 1 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")":
            named = next((e for e in doc.ents if e.end == span.start - 1 and e.label_ == "GOV_AGENCY"), None)
            if named is not None:
                # "El Salvador's police (PNC)": an acronym in brackets right after a body is that body's, whose
                # state it shares even where its letters are its own language's
                return self.agency_country(named)
        if span.end + 2 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].text.casefold() in capital_cities() \
                and doc[span.end + 2].text in (",", ".", ";", ")"):
            # "The Defence Intelligence Agency, Abuja, has acquired ...": the capital set off after the body is
            # where it sits, its state's seat
            return gaz.country_code(doc[span.end + 1].text)
        k = span.end + (span.end < len(doc) and doc[span.end].text == "(" and span.end + 2 < len(doc)
                        and doc[span.end + 2].text == ")") * 3
        if k + 1 < len(doc) and k > span.end and doc[k].lower_ in ("of", "in"):
            # "the Critical Infrastructure Protection Authority (CIPA) of Qatar": a country after the body and its
            # initials is the body's state
            code = gaz.country_code(doc[k + 1].text) if doc[k + 1].is_title else None
            if code:
                return code
        if k + 1 < len(doc) and doc[k].lower_ in ("at", "of", "under", "within"):
            k += 1 + (doc[k + 1].lower_ == "the")
            seat = next((e for e in doc.ents if e.start == k and e.label_ == "GOV_AGENCY"), None)
            if seat is not None:
                # "the Integrated Control and Communication Center (IC3) at Kenya National Police Headquarters",
                # "the Command Center of the Central Internal Affairs Department": a unit housed in or belonging to
                # a body is of that body's state
                code = self.agency_country(seat)
                if code:
                    return code
        first = _first_conjunct(span)
        if first is not None:
            # "Myanmar's Ministry of Home Affairs (MOHA) and Ministry of Transport and Communications": the
            # possessive or demonym before a pair of bodies names the state of both
            return self._country_before(first)
        return self._country_of_apposition(span) or self._country_of_border(span)

    def _other_state_named(self, span: Span, code: str) -> bool:
        return bool(named := self._states_named(span)) and code not in named

    def _states_named(self, span: Span) -> set[str]:
        """The states the document of ``span`` clearly names: those of first-level subdivisions outside the body's
        name ("in Texas", "Colorado"; ISO 3166-2) and countries named twice. A country read from a place name alone
        (a GeoNames city, a subdivision of the same name abroad: "Aurora", a province of the Philippines and a city
        of Colorado) gives way to these when none of them is that country (issue 13 round 16); the one state they
        name, if one, is then the body's."""
        doc = span.doc
        states = doc.user_data.get(_STATES_NAMED_KEY)
        if not isinstance(states, _DocumentStates):
            states = self._document_states(doc)
            if _STATES_NAMED_KEY in doc.user_data:  # (kept for the document's other bodies while ``__call__`` reads
                doc.user_data[_STATES_NAMED_KEY] = states  # them; read anew when called on its own)
        return states.outside(span.start, span.end)

    def _document_states(self, doc: Doc) -> _DocumentStates:
        """What :meth:`_states_named` reads of the whole of ``doc`` (its current entities), before any one body's
        name is left out."""
        counts: dict[str, int] = {}
        for e in doc.ents:
            if e.label_ == "COUNTRY" and e.kb_id_:
                counts[e.kb_id_] = counts.get(e.kb_id_, 0) + 1
        subdivisions = tuple((tok.i, sub) for tok in doc if tok.is_title and tok.ent_type_ not in ("ORG", "GOV_AGENCY")
                             and (sub := subdivision_code(tok.text)) and not self.gazetteer.country_code(tok.text))
        return _DocumentStates(frozenset(c for c, n in counts.items() if n >= 2), subdivisions)

    def _country_before(self, span: Span) -> str | None:
        """The country of a demonym or a country's name (possessive or not) right before ``span``."""
        gaz, doc = self.gazetteer, span.doc
        i = span.start - 1
        if i >= 0 and doc[i].lower_ in ("'s", "\u2019s"):
            i -= 1
        if i >= 0:
            for n in (1, 2, 3):  # a demonym or a country's name before it
                if i - n + 1 < 0:
                    break
                before = doc[i - n + 1 : i + 1].text
                code = gaz.country_code(before) or gaz.place_code(before)
                if code:
                    return code
        return None

    def _is_place(self, text: str) -> bool:
        """A country, a city or hub of the gazetteer, or a first-level subdivision (shared ones too)."""
        gaz = self.gazetteer
        return bool(gaz.country_code(text) or gaz.place_code(text) or subdivision_code(text)
                    or text.casefold() in _shared_subdivisions() or text.casefold() in capital_cities())

    def _map(self, span: Span) -> tuple[str, str, float] | None:
        label, text = span.label_, span.text
        gaz = self.gazetteer
        if label in ("GPE", "NORP", "LOC", "FAC"):
            code = gaz.country_code(text)
            if code:
                return "COUNTRY", code, self.ner_conf
            place = gaz.place_code(text) or subdivision_code(text)
            if place:
                return "PLACE", place, self.ner_conf
            if text.casefold() in _shared_subdivisions():
                return None  # "Punjab": a province of two countries, a place whose country the name does not say
            if label == "GPE" and _looks_like_org(span):
                return "ORG", name_key(text), self.remap_conf
            return None
        if label in ("ORG", "PERSON") and not gaz.country_code(text):
            place = subdivision_code(text)
            if place:  # "Florida also happens to be the home of Harris": a state, no party
                return "PLACE", place, self.remap_conf
            if text.casefold() in _shared_subdivisions():
                return None
        if label == "ORG":
            code = gaz.country_code(text)
            if code:
                return "COUNTRY", code, self.remap_conf
            if _a_leaders_full_name(text):  # "when Enrique Pena Nieto ... was president": ner read a firm
                return "PERSON", name_key(text), self.remap_conf
            if text in _SERVICE_NAMES and span.start > 0 and span.doc[span.start - 1].lower_ == "the":
                # "China provided the Army with 11 vehicles": a capitalised armed service is the named force of the
                # state the text is about (its country, when one, from the document: nlp.extract)
                return "GOV_AGENCY", name_key(text), self.remap_conf
            if text.casefold() in self._generic:
                return "GOV_GENERIC", text.casefold(), self.remap_conf
            if self.is_agency(text):
                return "GOV_AGENCY", name_key(text), self.ner_conf
            return "ORG", name_key(text), self.ner_conf
        if label == "PERSON":
            words = [w.casefold() for w in text.split()]
            if gaz.country_code(text):
                return "COUNTRY", gaz.country_code(text) or "", self.remap_conf
            if words and (words[-1] in _ORG_WORDS | _PERSON_ORG_ENDS or any(w in _COMMERCIAL for w in words)):
                return "ORG", name_key(text), self.remap_conf
            if self.is_agency(text):
                return "GOV_AGENCY", name_key(text), self.remap_conf
            return "PERSON", name_key(text), self.ner_conf
        if label == "PRODUCT":
            root = span.root
            if root.dep_ == "nsubj" and root.head.lemma_.casefold() in _SUPPLY_VERBS and not gaz.country_code(text):
                return "ORG", name_key(text), self.remap_conf  # "Sandvine supplies ...": who supplies is a party
            nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
            prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
            if nxt in _PRODUCT_CUES or prev in _PRODUCT_CUES:
                return "PRODUCT", name_key(text), self.remap_conf
            return None
        return None

    def _untagged_firm_names(self, doc: Doc, taken: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """Runs of two or more capitalised proper nouns that spaCy's NER left untagged and that end in a
        commercial word or a legal form ("Helix Trading shipped ...", "Positive Technologies (Russia)"): firm
        names by their form. Not inside another mention, not a list's or document's name."""
        used = {t for e in taken for t in range(e.start, e.end)}
        ends = {e.end: e for e in taken if e.label_ in ("ORG", "PERSON", "PRODUCT")}
        out: list[Span] = []
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and doc[j].pos_ == "PROPN" and (doc[j].is_title or doc[j].is_upper) and j not in used:
                j += 1
            if j - i >= 2:
                last = doc[j - 1].lower_.rstrip(".")
                cut = ends.get(i)  # "Computer Security" + "Initiative Consultancy PTE. LTD.": one name NER cut
                first = cut.start if cut is not None else i
                opened = doc[first].lower_ in _FIRM_OPENERS and not _before_goods(doc[first:j])
                # ("Grupo Tech Bull"; not a name before a product noun: "the Grupo Xyz platform" is goods)
                if last in _COMMERCIAL or last in self._legal_forms or opened:
                    span = _trim(Span(doc, first, j, label="ORG"), self._legal_forms)
                    if span is not None and span.end < len(doc) and doc[span.end].text == "." and \
                            span[-1].lower_ in self._legal_forms and span[-1].is_upper:
                        span = doc[span.start : span.end + 1]  # "... PTE. LTD." keeps its full stop
                    if span is not None and len(span) >= 2 and not _starts_document_name(span) and not _in_title_run(span) \
                            and not _heading_words(span) and span.text not in self._not_parties \
                            and not self.is_agency(span.text) and not self.gazetteer.country_code(span.text):
                        if cut is not None:
                            out.append(Span(doc, cut.start, cut.start, label="DROP"))  # marks the cut piece
                        out.append(Span(doc, span.start, span.end, label="ORG", kb_id=name_key(span.text)))
                        conf[(span.start_char, span.end_char)] = self.remap_conf
                        used.update(range(span.start, span.end))
            i = max(j, i + 1)
        return out

    def _comma_listed_firm_names(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A partnership named by its partners' surnames and a legal form after a comma ("Robins, Kaplan, Miller
        and Ciresi, LLP", "Boies, Schiller & Flexner LLP"): one organisation, not a firm and three people. The
        legal form must be written in capitals (LLP, LLC, PLLC ...) and the names title-case proper nouns that are no
        country or place."""
        out = ents
        for tok in doc:
            if not (tok.is_upper and tok.lower_.rstrip(".") in self._legal_forms) or tok.i < 3:
                continue
            k = tok.i - 1 if doc[tok.i - 1].text == "," else tok.i
            k -= 1  # the last partner's name
            if not _partner_name(doc[k], self.gazetteer):
                continue
            names = 1
            while k >= 2 and doc[k - 1].lower_ in (",", "and", "&") and _partner_name(doc[k - 2], self.gazetteer):
                k -= 2
                names += 1
            if names < 2 or not any(doc[j].text == "," for j in range(k, tok.i)):
                continue  # "Smith and Jones LLP" may be ner's already; a comma marks the partners' list
            span = Span(doc, k, tok.i + 1, label="ORG", kb_id=name_key(doc[k : tok.i + 1].text))
            out = [e for e in out if e.end <= span.start or e.start >= span.end] + [span]
            conf[(span.start_char, span.end_char)] = self.remap_conf
        return out

    def _firm_word_before_country(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A title-case firm word or brand with a digit that ner left untagged right before a country's name is a
        firm named for its market ("Telecom Egypt", "Tele2 Russia", "Vodafone Egypt" after "Vodafone" is a firm):
        one organisation, not the country acting. Not when the country's name is an adjective of a following
        noun that is itself tagged, nor after a comma list of countries."""
        used = {t for e in ents for t in range(e.start, e.end)}
        orgs = {e.text for e in ents if e.label_ == "ORG"}
        out = []
        for e in ents:
            i = e.start - 1
            acronym_firm = i >= 0 and doc[i].is_upper and doc[i].is_alpha and 2 <= len(doc[i]) <= 5 \
                and doc[i].text not in self._not_parties and not self.gazetteer.country_code(doc[i].text) \
                and e.text in self._country_names and not (e.end < len(doc) and doc[e.end].is_title) \
                and not (i > 0 and doc[i - 1].is_upper and doc[i - 1].is_alpha)
            # ("MTN Zambia, the largest telecom": an operator's acronym before its market, where ner tagged neither)
            if e.label_ == "COUNTRY" and len(e) <= 2 and i >= 0 and i not in used and (doc[i].is_title or acronym_firm) \
                    and doc[i].text[:1].isupper() and (doc[i].lower_ in _ORG_WORDS | _COMMERCIAL | {"telekom", "telecommunications"}
                                                       or any(c.isdigit() for c in doc[i].text) or doc[i].text in orgs
                                                       or acronym_firm) \
                    and (i == 0 or doc[i - 1].text not in (",",) or acronym_firm and not any(
                        o.end == i - 1 and o.label_ == "COUNTRY" for o in ents)) and doc[i].pos_ in ("PROPN", "NOUN"):
                # (an acronym after a comma too, "after the raid, MTN Uganda issued ...", unless a country's name
                # ends the clause before: a list of countries)
                span = Span(doc, i, e.end, label="ORG", kb_id=name_key(doc[i : e.end].text))
                out.append(span)
                conf[(span.start_char, span.end_char)] = self.remap_conf
                continue
            out.append(e)
        return out

    def _leading_word_of_firm_names(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """ner cuts the first word of some firm names that end in a legal form ("Dawning Information Industry Co.,
        Ltd." read as "Information Industry Co., Ltd."): a title-case word right before such a name, not a stop
        word, not tagged and not a country or place, is its first word."""
        out = []
        for e in ents:
            i = e.start - 1
            if e.label_ == "ORG" and i >= 0 and len(e) >= 2 and e[0].is_title \
                    and e[-1].lower_.rstrip(".") in self._legal_forms and doc[i].is_title and not doc[i].is_stop \
                    and doc[i].is_alpha and not any(x.start <= i < x.end for x in ents) and doc[i].ent_type_ in ("", "ORG") \
                    and not self.gazetteer.country_code(doc[i].text) and not self.gazetteer.place_code(doc[i].text):
                span = Span(doc, i, e.end, label="ORG", kb_id=name_key(doc[i : e.end].text))
                conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), self.remap_conf)
                out.append(span)
                continue
            out.append(e)
        return out

    def _place_bodies(self, doc: Doc, ents: list[Span], aux: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A province's or city's name before a police or government head word ("the Xinjiang police", "Xinjiang
        security forces") is that body, a GOV_AGENCY whose country is the place's (the place itself stays no
        party), as "Egyptian police" is for a country."""
        used = {t for e in ents for t in range(e.start, e.end)}
        out: list[Span] = []
        shared = _shared_subdivisions()
        # (a province several countries share is no PLACE mention, but its government is a body: "the Punjab
        # government"; its country stays unsaid)
        places = aux + [Span(doc, t.i, t.i + 1, label="PLACE") for t in doc
                        if t.is_title and t.text.casefold() in shared and t.i not in used]
        for a in places:
            if a.label_ != "PLACE" or a.end in used:
                continue
            end = _actor_head_end(doc, a.end)
            if end is None or doc[end - 1].lower_ not in _PLACE_BODY_HEADS or _modifies_later_noun(doc[end - 1]) \
                    or any(t in used for t in range(a.end, end)):
                continue
            span = Span(doc, a.start, end, label="GOV_AGENCY", kb_id=name_key(doc[a.start : end].text))
            out.append(span)
            conf[(span.start_char, span.end_char)] = self.remap_conf
        return out

    def _local_place(self, doc: Doc, start: int, end: int) -> str | None:
        """The country of the place ``doc[start:end]`` names when it can open a local body's name: a city or region
        of nlp/data/local_places.tsv or the gazetteer, a first-level subdivision, or a subdivision's two-letter code
        whose country or full name the text also gives ("UP police" in a text about India); "" for a province
        several countries share ("Punjab cabinet"); None for no such place (countries too: "Kenyan police" is the
        ruler's)."""
        text = doc[start:end].text
        if self.gazetteer.country_code(text):
            return None
        code = local_place_code(text) or self.gazetteer.place_code(text)
        if code:
            return code
        if text.casefold() in _shared_subdivisions():
            return ""
        abbr = subdivision_abbreviation(text) if end - start == 1 and len(text) == 2 else None
        if abbr is not None:
            country, name = abbr
            if name in _ascii_fold_text(doc.text) or any(
                    (self.gazetteer.country_code(t.text) or local_place_code(t.text)) == country for t in doc
                    if t.is_title and t.i != start):  # (a city of that country too: "Peshawar" for "KP")
                return country
        return None

    def _local_bodies(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """The police, council, cabinet or municipality of a city, province or state named before it ("the Chennai
        police", "Bengaluru city police", "Khyber Pakhtunkhwa (KP) Police", "UP police", "Punjab cabinet", "Dubai
        Municipality", "Flower Mound Town Council", "City of Peoria Police Department") or "Police" before a
        region ("Police Scotland"): one GOV_AGENCY whatever ner made of the place's name (a person, a firm). A
        lower-case head needs a place the tables know; a title-case head of two words ("Police Department",
        "Town Council", "Sheriff's Office") takes any title-case name before it."""
        found: list[tuple[int, int]] = []
        people: list[tuple[int, int]] = []
        for tok in doc:
            if tok.lower_ not in _LOCAL_HEAD_STARTS:
                continue
            head_end, title_head = _local_head(doc, tok.i)
            if head_end is None:
                continue
            person_after = _person_run(doc, head_end)
            if head_end < len(doc) and doc[head_end].is_title and doc[head_end].pos_ == "PROPN" and title_head \
                    and not any(e.start == head_end and e.label_ == "PERSON" for e in ents) and not person_after:
                continue  # "Dubai Police Smart Boat": the words open a longer name (not a person's: "... Police
                # Jane Fictive", "Inspector General KP Police Qadeer Jah Tarzai", an officer named after the body)
            if _modifies_later_noun(doc[head_end - 1]) and not person_after \
                    or head_end < len(doc) and doc[head_end].lower_ in _PERSON_NOUNS:
                continue  # "Chennai police officers", "Delhi police station": a kind of person or place, no body
            i = tok.i
            if i >= 3 and doc[i - 1].text == ")" and doc[i - 3].text == "(" and doc[i - 2].is_upper:
                i -= 3  # "Khyber Pakhtunkhwa (KP) Police": the province's short form between its name and the head
            start = None
            for n in (4, 3, 2, 1):
                k = i - n
                if k < 0 or not all(_place_word(t) for t in doc[k:i]) or doc[k].text == "-":
                    continue
                if self._local_place(doc, k, i) is not None:
                    start = k
                    break
            if start is None and title_head:
                k = i
                while k > 0 and i - k < 4 and _place_word(doc[k - 1]) and doc[k - 1].pos_ == "PROPN" \
                        and doc[k - 1].lower_ not in _COMMERCIAL | _ORG_WORDS:
                    k -= 1
                if k < i and doc[k].text != "-" and not self.gazetteer.country_code(doc[k:i].text):
                    start = k
            if start is None and head_end == tok.i + 1 and tok.lower_ == "police":
                start = self._named_force_start(doc, ents, i)
            after = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""  # a text may end on the head word
            if start is None and (tok.text in ("City", "Town", "County") and after == "Council"
                                  or tok.text == "Police" and after == "Headquarters") \
                    and i > 0 and doc[i - 1].lower_ == "the":
                start = i  # "The City Council authorized ...", "at the Police Headquarters": the town's or the
                # state's the text is about
            if start is None:
                continue
            if start >= 2 and doc[start - 2].text == "City" and doc[start - 1].lower_ == "of":
                start -= 2  # "City of Peoria Police Department"
            found.append((start, head_end))
            if person_after:
                people.append((head_end, person_after))
        for tok in doc:  # "Police Scotland": the head before a region's name
            if tok.text != "Police" or tok.i + 1 >= len(doc) or tok.i > 0 and doc[tok.i - 1].is_title \
                    and doc[tok.i - 1].lower_ != "the" and not doc[tok.i - 1].is_sent_start:
                continue
            for n in (3, 2, 1):
                k = tok.i + 1 + n
                if k <= len(doc) and all(_place_word(t) for t in doc[tok.i + 1 : k]) \
                        and (k == len(doc) or not doc[k].is_title) \
                        and (self._local_place(doc, tok.i + 1, k) or self.gazetteer.country_code(doc[tok.i + 1 : k].text)):
                    found.append((tok.i, k))
                    break
        if not found:
            return ents
        out = list(ents)
        for start, end in found:
            if any(e.label_ == "GOV_AGENCY" and e.start <= start and end <= e.end for e in out):
                continue  # found already ("Oregon State Police")
            keep: list[Span] = []
            for e in out:
                if e.end <= start or e.start >= end:
                    keep.append(e)
                elif e.start >= start and e.end > end + 1 and doc[end].lower_ == "and":
                    # "Police and Fictive Systems": ner ran the body's head into the name after "and"
                    rest = Span(doc, end + 1, e.end, label=e.label_, kb_id=name_key(doc[end + 1 : e.end].text))
                    conf[(rest.start_char, rest.end_char)] = conf.get((e.start_char, e.end_char), self.remap_conf)
                    keep.append(rest)
            span = Span(doc, start, end, label="GOV_AGENCY", kb_id=name_key(doc[start:end].text))
            conf[(span.start_char, span.end_char)] = self.remap_conf
            out = keep + [span]
        for start, end in people:
            if not any(e.start < end and start < e.end for e in out):
                span = Span(doc, start, end, label="PERSON", kb_id=name_key(doc[start:end].text))
                conf[(span.start_char, span.end_char)] = self.remap_conf
                out.append(span)
        return sorted(out, key=lambda e: e.start)

    def _named_force_start(self, doc: Doc, ents: list[Span], i: int) -> int | None:
        """The start of a force's name of one to three title-case proper nouns right before a lone "police" at
        ``doc[i]`` that the place tables do not know: "the Metropolitan police", "West Mercia police", "British
        Transport police", "West Midlands and Staffordshire Police" (UK news names its forces so; issue 13 round 23);
        a short form in capitals ("UP police") is left to :meth:`_local_place`, which asks for its country. None
        when a word of the run names a kind of police (nlp/data/police_kinds.txt: "Riot police", "Your Local
        Police"), a firm or a person ner runs into the run or past the head, when the run is a country or its adjective alone (the
        ruler's "Serbian police"), or when a one-word run opens its sentence before a lower-case head ("Riot police
        in Moscow ...")."""
        kinds = _police_kinds()
        k = i
        while k > 0 and i - k < 3 and doc[k - 1].is_title and doc[k - 1].is_alpha and doc[k - 1].pos_ == "PROPN" \
                and doc[k - 1].lower_ not in kinds | _COMMERCIAL | _ORG_WORDS:
            k -= 1
        if k == i or k > 0 and (_place_word(doc[k - 1]) and doc[k - 1].lower_ not in ("the", "and")
                                or doc[k - 1].lower_ in kinds):
            return None  # a longer title-case run, or a kind word before it ("Secret West police")
        if i - k > 1 and self.gazetteer.country_code(doc[k].text) and self._local_place(doc, k + 1, k + 2):
            k += 1  # "the Canadian Ontario Provincial Police": a province's force, its country's adjective apart
        if self.gazetteer.country_code(doc[k:i].text) or i - k == 1 and doc[k].is_sent_start and not doc[i].is_title:
            return None
        if any(e.label_ in ("PERSON", "ORG") and (e.start < k < e.end or e.start <= i < e.end - 1) for e in ents):
            return None  # a name ner runs from before the run into it, or on past the head
        return k

    def _bracketed_authorities(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A title-case name ending in a head word of state bodies ("Authority", "Agency", "Commission",
        "Directorate", "Department", "Bureau", "Ministry"; "Council" with a word of the state in it) or opening with
        "Ministry of", with its initials in brackets right after it ("Critical Infrastructure Protection Authority
        (CIPA)", "Roads and Traffic Authority (RTA)"), is a GOV_AGENCY, and so is its acronym wherever it is
        used; never with a firm word in it, an international word, or a name the tables hold."""
        found: list[tuple[int, int, str]] = []
        for tok in doc:
            if tok.text != "(" or tok.i < 2 or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
                continue
            abbr = doc[tok.i + 1].text
            if not (abbr.isalpha() and (abbr.isupper() and 2 <= len(abbr) <= 8 or abbr.istitle() and 4 <= len(abbr) <= 8)):
                continue  # ("NADRA" written "Nadra", as some papers write acronyms they pronounce as words)
            end = tok.i
            start = end
            while start > 0 and end - start < 10:
                prev = doc[start - 1]
                if (prev.is_title and prev.is_alpha or prev.lower_ in ("of", "and", "for") and start - 2 >= 0
                        and doc[start - 2].is_title and start < end and doc[start].is_title) \
                        and prev.lower_ not in ("the", "a", "an") and not (prev.is_sent_start and prev.lower_ in ("the",)):
                    start -= 1
                    continue
                break
            while start < end and not doc[start].is_title:
                start += 1
            words = [t.text for t in doc[start:end]]
            if len(words) < 2:
                continue
            lowers = [w.casefold() for w in words]
            head_ok = words[-1] in _AUTHORITY_HEADS or words[0] in ("Ministry", "Department", "Directorate") \
                and lowers[1] in ("of", "for") or words[-1] == "Council" and set(lowers) & _STATE_COUNCIL_WORDS
            if not head_ok or set(lowers) & _FIRM_WORDS_STRICT or international(lowers):
                continue
            if not _initials_fit(abbr.upper(), words):
                continue
            if any(e.start < end and start < e.end and (conf.get((e.start_char, e.end_char)) == self.gaz_conf
                                                        and e.label_ != "GOV_AGENCY") for e in ents):
                continue  # a firm or an observer the tables hold
            found.append((start, end, abbr))
        if not found:
            return ents
        out = list(ents)
        for start, end, _abbr in found:
            out = [e for e in out if e.end <= start or e.start >= end or e.label_ == "GOV_AGENCY" and e.start <= start
                   and end <= e.end]
            if any(e.label_ == "GOV_AGENCY" and e.start <= start and end <= e.end for e in out):
                continue
            span = Span(doc, start, end, label="GOV_AGENCY", kb_id=name_key(doc[start:end].text))
            conf[(span.start_char, span.end_char)] = self.remap_conf
            out.append(span)
        abbrs = {a for _, _, a in found}
        out = [Span(doc, e.start, e.end, label="GOV_AGENCY", kb_id=e.kb_id_) if e.label_ in ("ORG", "PERSON")
               and e.text in abbrs and conf.get((e.start_char, e.end_char)) != self.gaz_conf else e for e in out]
        taken = {t for e in out for t in range(e.start, e.end)}
        for tok in doc:
            if tok.text in abbrs and tok.i not in taken:
                span = Span(doc, tok.i, tok.i + 1, label="GOV_AGENCY", kb_id=name_key(tok.text))
                conf[(span.start_char, span.end_char)] = self.remap_conf
                out.append(span)
        return sorted(out, key=lambda e: e.start)

    def _legal_form_after_country(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A country's name and a legal form right after a firm's name, with "of" or nothing between, close that
        name ("Fictive Corporation of India Ltd.", "Fictive Automation India Limited", "... India Private
        Limited"): one organisation, not a firm and a second one called "India Ltd."."""
        out = list(ents)
        for e in ents:
            if e.label_ != "ORG" or e not in out:
                continue
            i = e.end + (e.end < len(doc) and doc[e.end].lower_ == "of")
            n = next((n for n in (3, 2, 1) if i + n <= len(doc) and all(t.is_title for t in doc[i : i + n])
                      and self.gazetteer.country_code(doc[i : i + n].text)), 0)
            if not n:
                continue
            j = i + n
            while j < len(doc) and (doc[j].lower_.rstrip(".") in self._legal_forms or doc[j].lower_ in ("pvt", "pvt.",
                                                                                                      "private")) \
                    and doc[j].text[:1].isupper():
                j += 1
            if j == i + n or doc[j - 1].lower_ in ("pvt", "pvt.", "private"):
                continue
            out = [o for o in out if o.end <= e.start or o.start >= j]
            span = Span(doc, e.start, j, label="ORG", kb_id=name_key(doc[e.start : j].text))
            conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), self.remap_conf)
            out.append(span)
        return sorted(out, key=lambda x: x.start)

    def _body_name_edges(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """Edges of a state body's name: a state's, province's or city's name right before a body opens it
        ("Wisconsin Department of Justice", "UP Special Task Force" in a text on India); a second "of" complement after a ministry's name continues it
        ("Ministry of Development of Information Technologies and Communications", where ner made the rest a
        firm); a lone word after "Police and" is no part of the police's name ("the Kenya Police and
        Intelligence")."""
        out: list[Span] = []
        drop: set[tuple[int, int]] = set()
        for e in ents:
            if e.label_ != "GOV_AGENCY" or (e.start, e.end) in drop:
                out.append(e)
                continue
            start, end = e.start, e.end
            if e[0].is_title:
                for n in (3, 2, 1):
                    k = start - n
                    if k >= 0 and all(_place_word(t) and t.text != "-" for t in doc[k:start]) \
                            and (k == 0 or not _place_word(doc[k - 1])) and self._local_place(doc, k, start) is not None:
                        start = k  # ("UP Special Task Force", where the text is about India)
                        break
            if e[0].text in ("Department", "Ministry", "Office", "Bureau", "Directorate") and len(e) > 2 \
                    and e[1].lower_ in ("of", "for"):
                if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title:
                    j = end + 1
                    starts = {o.start for o in ents}
                    while j < len(doc) and (doc[j].is_title or doc[j].lower_ == "and" and j + 1 < len(doc)
                                            and doc[j + 1].is_title and j + 1 not in starts
                                            and not self.gazetteer.country_code(doc[j + 1].text)):
                        j += 1
                    beyond = [o.start for o in ents if end < o.start < j < o.end]
                    if beyond:  # "... and Communications and Fictive Group", ner's firm starting inside the run
                        j = min(beyond)
                        while j > end + 1 and doc[j - 1].lower_ == "and":
                            j -= 1
                    run = doc[end + 1 : j].text
                    if j - end - 1 >= 2 and not self._is_place(run) and not any(
                            o.start < j and end < o.end and o.label_ in ("PERSON", "GOV_AGENCY") for o in ents):
                        drop |= {(o.start, o.end) for o in ents if o.start >= end and o.end <= j}
                        end = j
            if len(e) >= 4 and e[-2].lower_ == "and" and e[-3].text == "Police" and e[-1].is_title:
                end = e.end - 2  # "Kenya Police and Intelligence": the police only
            if (start, end) == (e.start, e.end):
                out.append(e)
                continue
            span = Span(doc, start, end, label="GOV_AGENCY", kb_id=name_key(doc[start:end].text))
            conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), self.remap_conf)
            out.append(span)
        used = {t for e in out if e.label_ == "GOV_AGENCY" for t in range(e.start, e.end)}
        return [e for e in out if (e.start, e.end) not in drop and not (
            e.label_ != "GOV_AGENCY" and any(t in used for t in range(e.start, e.end)))]

    def _country_of_apposition(self, span: Span) -> str | None:
        """The state of a body named in apposition right after another body whose state is known ("Greece's spy
        service, the National Intelligence Service"): the same body named twice, so the same state."""
        doc = span.doc
        i = span.start - 1 - (span.start > 1 and doc[span.start - 1].lower_ == "the")
        if i < 1 or doc[i].text != ",":
            return None
        before = next((e for e in doc.ents if e.end == i and e.label_ == "GOV_AGENCY"), None)
        return self.agency_country(before) if before is not None and before.start < span.start else None

    def _country_of_border(self, span: Span) -> str | None:
        """The state of a body whose sentence names a border by its two countries, the body's own first ("plans to
        install CCTV cameras in the Nepal-India border areas": a Nepali body), as news of a border force does."""
        sent = span.sent
        countries = [e for e in span.doc.ents if e.label_ == "COUNTRY" and sent.start <= e.start and e.end <= sent.end]
        for a in countries:
            b = next((c for c in countries if c.start == a.end + 1), None)
            if b is not None and span.doc[a.end].text in ("-", "\u2013") and b.end < sent.end \
                    and span.doc[b.end].lower_ in ("border", "borders", "frontier") and a.kb_id_ != b.kb_id_:
                return a.kb_id_ or None
        return None

    def _bodies_named_further(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """State bodies whose names ner cut or left untagged (round 14, probe kinds E2/E3): "of"/"for" complements
        after a body's head word ("Bavarian Ministry" + "of the Interior", "Rowan County Board" + "of
        Commissioners"); an untagged title-case name ending in a head only states use, after an article ("The
        General Secretariat for Economic Diplomacy and Transparency", "the Presidential Secretariat"); a unit's
        name after its body ("Punjab Police IT Wing") or after "its"/"their" in a sentence whose body owns it
        ("RMP has established the laboratory at its Cyber Crime unit"); a body's acronym written with full stops
        ("F.B.I."), by the gazetteer; a capitalised "the Cabinet"."""
        ents = [e for e in ents if not (e.label_ == "PERSON" and e[-1].text in _UNTAGGED_STATE_HEADS)]
        # ("The General Secretariat issued ...": ner's person guess of a body's head word)
        gaz_spans = {(e.start, e.end) for e in ents if conf.get((e.start_char, e.end_char)) == self.gaz_conf}
        out = list(ents)
        new: list[tuple[int, int, str]] = []  # (start, end, kb_id or "")
        firms: list[tuple[int, int]] = []
        used = {t for e in ents for t in range(e.start, e.end)}
        for e in ents:
            if e.label_ != "GOV_AGENCY" or (e.start, e.end) in gaz_spans:
                continue
            end = e.end
            if e[-1].text in _COMPLEMENTED_HEADS:
                end = self._complement_end(doc, ents, end)
            k = end
            while k < len(doc) and k - end < 4 and (doc[k].is_title or doc[k].is_upper and doc[k].is_alpha) \
                    and doc[k].lower_ not in _UNIT_HEADS and doc[k].pos_ in ("PROPN", "NOUN"):
                k += 1
            if k < len(doc) and k > end and doc[k].text.istitle() and doc[k].lower_ in _UNIT_HEADS \
                    and not any(x.start <= k < x.end and x.label_ in ("PERSON", "COUNTRY") for x in ents):
                end = k + 1  # "Punjab Police IT Wing", "Dhaka Metropolitan Police Counter Terrorism Unit"
            if end > e.end:
                new.append((e.start, end, ""))
        for tok in doc:
            if tok.text in _UNTAGGED_STATE_HEADS and tok.i not in used and tok.i >= 1 and tok.pos_ in ("PROPN", "NOUN"):
                start = tok.i
                while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha and start - 1 not in used \
                        and doc[start - 1].lower_ not in ("the", "a", "an") and tok.i - start < 4:
                    start -= 1
                if start == tok.i or start == 0 or doc[start - 1].lower_ not in ("the", "its", "their"):
                    continue
                end = self._complement_end(doc, ents, tok.i + 1)
                if self.is_agency(doc[start : tok.i + 1].text) and not international([t.text for t in doc[start:end]]):
                    new.append((start, end, ""))
            elif tok.lower_ in _UNIT_HEADS and tok.is_title and tok.i not in used and tok.i >= 2:
                k = tok.i
                while k > 0 and tok.i - k < 6 and k - 1 not in used and (doc[k - 1].is_title or doc[k - 1].is_upper) \
                        and doc[k - 1].is_alpha and doc[k - 1].lower_ not in ("the", "a", "an"):
                    k -= 1
                head = next((h for h in range(tok.i - 1, k, -1) if doc[h].lower_ in _STATE_HEADS), None)
                if head is not None and self.is_agency(doc[k : head + 1].text):
                    new.append((k, tok.i + 1, ""))  # "developed by Punjab Police IT Wing": a body's unit
                    continue
            if tok.lower_ in _UNIT_HEADS and tok.i >= 2 and (tok.is_lower or tok.is_title):
                name = next((x for x in ents if x.end == tok.i and x.label_ in ("ORG", "GOV_AGENCY")
                             and (x.start, x.end) not in gaz_spans and x[0].is_title), None)
                if name is None or name.start == 0 or doc[name.start - 1].lower_ not in ("its", "their"):
                    continue
                bodies = {x.text for x in ents if x.label_ == "GOV_AGENCY"}
                if any(x.sent.start == tok.sent.start and x.end <= name.start - 1 and (x.label_ == "GOV_AGENCY" or (
                        x.label_ == "ORG" and x.text.isupper() and any(acronym(b) == x.text for b in bodies))) for x in ents):
                    new.append((name.start, tok.i + 1, ""))  # "its Cyber Crime unit": the body's unit
            elif tok.lower_ == "police" and tok.i not in used and tok.i + 1 < len(doc) \
                    and doc[tok.i + 1].lower_ in _DEAL_NOUNS:
                place = next((k for k in (tok.i - 3, tok.i - 2, tok.i - 1) if k >= 0
                              and all(_place_word(t) for t in doc[k : tok.i]) and doc[k].text != "-"
                              and not any(t in used for t in range(k, tok.i))
                              and self._local_place(doc, k, tok.i)), None)
                if place is not None:  # "the Baden-Württemberg police contract with ...": the police's contract
                    new.append((place, tok.i + 1, ""))
            elif tok.text == "Chamber" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" \
                    and doc[tok.i + 2].text == "Commerce":
                end = body_complements_end(doc, tok.i + 1, {t for x in ents if x.label_ in ("PERSON", "COUNTRY")
                                                            for t in range(x.start, x.end)})
                firms.append((tok.i, end))  # "the Chamber of Commerce and Industry": a business association
            elif tok.text == "Cabinet" and tok.i >= 1 and doc[tok.i - 1].lower_ == "the" \
                    and (tok.i + 1 == len(doc) or not doc[tok.i + 1].is_title):
                new.append((tok.i, tok.i + 1, ""))  # "approved by the Cabinet": a government's cabinet
        for e in ents:
            heads = [t.i for t in e if t.text in _UNTAGGED_STATE_HEADS]
            if e.label_ == "ORG" and heads and (e.start, e.end) not in gaz_spans and heads[0] + 1 < e.end \
                    and doc[heads[0] + 1].lower_ in ("of", "for") and self.is_agency(doc[e.start : heads[0] + 1].text):
                new.append((e.start, e.end, ""))  # "General Secretariat for Economic Diplomacy": ner's firm guess
        for e in ents:
            if e.label_ == "ORG" and len(e) == 1 and _DOTTED_ACRONYM.fullmatch(e.text) and (e.start, e.end) not in gaz_spans:
                letters = e.text.replace(".", "")
                entry = next((g for g in self.gazetteer.entries if g.label == "GOV_AGENCY"
                              and letters in (g.name, *g.aliases)), None) if len(letters) >= 3 else None
                if entry is not None:  # "the F.B.I.": the FBI of the gazetteer
                    new.append((e.start, e.end, entry.canonical or name_key(entry.name)))
        for start, end, kb in new:
            if any(x.start < end and start < x.end and not (start <= x.start and x.end <= end and (x.start, x.end)
                                                            not in gaz_spans and x.label_ in ("ORG", "GOV_AGENCY", "PRODUCT"))
                   for x in out):
                continue  # over a person, a country or a name the tables hold: not one body's name
            out = [x for x in out if x.end <= start or x.start >= end]
            span = Span(doc, start, end, label="GOV_AGENCY", kb_id=kb or name_key(doc[start:end].text))
            conf[(span.start_char, span.end_char)] = self.gaz_conf if kb else self.remap_conf
            out.append(span)
        for start, end in firms:
            if not any(x.start < end and start < x.end and x.label_ in ("PERSON", "COUNTRY") for x in out):
                # (over "Commerce", the gazetteer's short form of the U.S. department: inside the name, not it)
                out = [x for x in out if x.end <= start or x.start >= end]
                span = Span(doc, start, end, label="ORG", kb_id=name_key(doc[start:end].text))
                conf[(span.start_char, span.end_char)] = self.remap_conf
                out.append(span)
        return sorted(out, key=lambda x: x.start)

    def _complement_end(self, doc: Doc, ents: list[Span], end: int) -> int:
        """The end of a body's name after its head at ``end``: its "of"/"for" complements of title-case words
        (:func:`nlp.components.state_bodies.body_complements_end`), not over a person, a country or a place."""
        taken = {t for x in ents for t in range(x.start, x.end)}
        j = body_complements_end(doc, end, taken)
        if j == end:
            return end
        run = doc[end + 1 : j]
        if run and run[0].lower_ == "the":
            run = run[1:]
        if not run or self._is_place(run.text) or any(x.start < j and end < x.end and x.label_ in ("PERSON", "COUNTRY")
                                                      for x in ents):
            return end
        return j

    def _firms_joined_by_and(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """Two firms ner read as one name over "and" ("Nepal Telecom and Ncell"): the left side ends in a firm word
        after a word of its own, the right side too or is one word of its own (not a generic firm word: "Fictive
        Systems and Technologies" stays one name)."""
        firm_words = _ORG_WORDS | _COMMERCIAL | self._legal_forms
        out: list[Span] = []
        for e in ents:
            ands = [t.i for t in e if t.lower_ == "and"]
            if e.label_ != "ORG" or len(ands) != 1 or conf.get((e.start_char, e.end_char)) == self.gaz_conf \
                    or ands[0] - e.start < 2 or e.end - ands[0] < 2:
                out.append(e)
                continue
            k = ands[0]
            left, right = doc[e.start : k], doc[k + 1 : e.end]
            left_firm = left[-1].lower_.rstrip(".") in firm_words and left[0].lower_ not in firm_words
            right_firm = right[-1].lower_.rstrip(".") in firm_words and len(right) > 1 and right[0].lower_ not in \
                firm_words or len(right) == 1 and right[0].lower_ not in firm_words and right[0].is_alpha \
                and right[0].text[:1].isupper()
            if not (left_firm and right_firm):
                out.append(e)
                continue
            for part in (left, right):
                span = Span(doc, part.start, part.end, label="ORG", kb_id=name_key(part.text))
                conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), self.remap_conf)
                out.append(span)
        return out

    def _one_firm_over_and(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """Two names joined by "and" or "&" that are one firm: the document also names them as one with a legal
        form ("Larsen and Toubro won ..." beside "Larsen & Toubro Ltd"), or the gazetteer knows the joined name as
        an organisation's (nlp/data/vendors_public.tsv, the lists and graph names added at run time). One ORG with
        the key of the full name, so both are one entity. Two firms never named together stay two ("Hikvision and
        Dahua"). Issue 13 round 16."""
        known = dict(self._firm_forms().joined)  # "larsen and toubro" -> the key of "Larsen & Toubro Ltd"
        for e in ents:
            words = [t.text for t in e]
            if e.label_ != "ORG" or not any(w.casefold() in ("and", "&") for w in words[1:-1]):
                continue
            k = self._before_legal_form(words)
            if 2 < k < len(words):
                known.setdefault(_joined(words[:k]), e.kb_id_ or name_key(e.text))
        if not known:
            return ents
        by_start = {e.start: e for e in ents}
        drop: set[int] = set()
        out: list[Span] = []
        for e in sorted(ents, key=lambda x: x.start):
            if id(e) in drop:
                continue
            right = by_start.get(e.end + 1)
            if e.label_ in ("ORG", "PERSON") and right is not None and right.label_ in ("ORG", "PERSON") \
                    and e.end < len(doc) and doc[e.end].lower_ in ("and", "&"):
                key = known.get(_joined([t.text for t in doc[e.start : right.end]]))
                if key is not None:
                    span = Span(doc, e.start, right.end, label="ORG", kb_id=key)
                    conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), self.remap_conf)
                    drop.add(id(right))
                    out.append(span)
                    continue
            out.append(e)
        return out

    def _before_legal_form(self, words: list[str]) -> int:
        """How many of ``words`` come before their legal-form tail ("Larsen & Toubro Ltd" -> 3)."""
        k = len(words)
        while k > 1 and words[k - 1].casefold().rstrip(".").strip(",") in self._legal_forms:
            k -= 1
        while k > 1 and words[k - 1] == ",":
            k -= 1
        return k

    def _firm_forms(self) -> _FirmForms:
        """The index of the gazetteer's organisation names and aliases (firms of the trade, list entities, graph
        names) that :func:`bodies_joined_to_firms` and :meth:`_one_firm_over_and` read; rebuilt when entries were
        added (the cache is keyed by the entry count)."""
        entries = self.gazetteer.entries
        cached: tuple[int, _FirmForms] | None = getattr(self, "_firm_form_index", None)
        if cached is not None and cached[0] == len(entries):
            return cached[1]
        forms = [(form, entry.canonical or name_key(entry.name)) for entry in entries if entry.label == "ORG"
                 for form in (entry.name, *entry.aliases)]
        # every name as written, and the first word of a longer one when it is title-case and rare in English
        # ("Huawei" of "Huawei Technologies"; the threshold bodies_joined_to_firms reads gazetteer firms with)
        names = {f.strip() for f, _ in forms if f.strip()}
        firsts = {f.split()[0] for f in names if " " in f and f[:1].isupper()}
        # the names made of words joined by "and" or "&", without their legal form, as _joined writes them -> their
        # entry's key ("larsen and toubro" -> the key of "Larsen & Toubro Ltd"); the first entry of a name wins
        joined: dict[str, str] = {}
        for form, key in forms:
            words = form.replace("&", " & ").replace(",", " , ").split()
            k = self._before_legal_form(words)
            if k > 2 and any(w.casefold() in ("and", "&") for w in words[1 : k - 1]):
                joined.setdefault(_joined(words[:k]), key)
        index = _FirmForms(frozenset(names | {w for w in firsts if rare_firm_word(w)}), joined)
        self._firm_form_index = (len(entries), index)
        return index

    def local_body_country(self, span: Span) -> str | None:
        """The country of a local body :meth:`_local_bodies` found, from the place that opens ("Chennai police",
        "City of Peoria ...", "KP Police") or closes ("Police Scotland") its name."""
        doc = span.doc
        start = span.start + 2 if span.start + 2 < span.end and doc[span.start].text == "City" \
            and doc[span.start + 1].lower_ == "of" else span.start
        if doc[span.start].text == "Police" and span.end - span.start > 1:
            rest = doc[span.start + 1 : span.end].text
            return self.gazetteer.country_code(rest) or local_place_code(rest) or self.gazetteer.place_code(rest)
        for n in (4, 3, 2, 1):
            if start + n < span.end and all(_place_word(t) for t in doc[start : start + n]):
                code = self._local_place(doc, start, start + n)
                if code:
                    return code
        return None

    def _owners_before_possessive(self, doc: Doc, taken: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A title-case name that ner left untagged right before "'s" and an organisation or agency is that body's
        owner, an organisation: "the University of Toronto's Citizen Lab", "Global Voices Advocacy's Netizen
        Report". Countries, places and people before "'s" are tagged already and stay as they are."""
        used = {t for e in taken for t in range(e.start, e.end)}
        starts = {e.start for e in taken if e.label_ in ("ORG", "GOV_AGENCY")}
        out: list[Span] = []
        for tok in doc:
            if tok.lower_ not in ("'s", "\u2019s") or tok.i + 1 not in starts or tok.i - 1 in used or tok.i == 0:
                continue
            j = tok.i
            while j > 0 and j - 1 not in used and (doc[j - 1].is_title and doc[j - 1].pos_ == "PROPN" or (
                    doc[j - 1].lower_ == "of" and j - 2 >= 0 and doc[j - 2].is_title)):
                j -= 1
            run = doc[j : tok.i].text
            if j < tok.i and doc[j].lower_ != "of" and not self.gazetteer.country_code(run) \
                    and not self.gazetteer.place_code(run):
                span = Span(doc, j, tok.i, label="ORG", kb_id=name_key(doc[j : tok.i].text))
                out.append(span)
                conf[(span.start_char, span.end_char)] = self.remap_conf
        return out

    def _country_led_firm_names(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A country's name right before a firm name that ends in a commercial word is part of that name ("China
        National Electronics Import & Export Corporation", "China Telecom"); an agency-like name owned by a
        company ("Microsoft's Digital Security Unit") is the company's unit, an organisation."""
        by_start = {e.start: e for e in ents}
        out: list[Span] = []
        merged: set[int] = set()
        for e in ents:
            if e.start in merged:
                continue
            nxt = by_start.get(e.end)
            if e.label_ == "COUNTRY" and nxt is not None and nxt.label_ == "ORG" and not e.text.isupper() \
                    and (e.text in self._country_names and len(e) == 1
                         or e.text.casefold() in capital_cities() and _last_word(nxt) in self._legal_forms
                         and (e.start == 0 or doc[e.start - 1].lower_ not in _LOCATING_PREPOSITIONS)) \
                    and nxt[-1].lower_.rstrip(".") in _ORG_WORDS | _COMMERCIAL | self._legal_forms \
                    and conf.get((nxt.start_char, nxt.end_char), 0) < self.gaz_conf:
                span = Span(doc, e.start, nxt.end, label="ORG", kb_id=name_key(doc[e.start : nxt.end].text))
                conf[(span.start_char, span.end_char)] = conf.get((nxt.start_char, nxt.end_char), self.remap_conf)
                out.append(span)
                merged.add(nxt.start)
                continue
            run_end = self._untagged_name_after_country(doc, e, ents) if e.label_ == "COUNTRY" and nxt is None else None
            if run_end is not None:
                # "Pakistan Telecom Authority", "Sri Lanka Telecom", "China National Electronics Import and Export
                # Corp.": the gazetteer took the country and ner left the rest of the name untagged
                start = e.start - 1 if e.start > 0 and doc[e.start - 1].text in ("South", "North", "East", "West") \
                    and not any(o.start <= e.start - 1 < o.end for o in ents) else e.start  # "South China Morning Post"
                text = doc[start:run_end].text
                label = "GOV_AGENCY" if self.is_agency(text) or doc[run_end - 1].text in COUNTRY_LED_HEADS else "ORG"
                span = Span(doc, start, run_end, label=label, kb_id=name_key(text))
                conf[(span.start_char, span.end_char)] = self.remap_conf
                out.append(span)
                merged.update(o.start for o in ents if e.end <= o.start < run_end)
                continue
            if e.label_ == "ORG" and e not in out and self._led_by_a_city(doc, e, ents, conf):
                n = 2 if e.start >= 2 and self._city_before(doc, e.start - 2, e.start) else 1
                span = Span(doc, e.start - n, e.end, label="ORG", kb_id=name_key(doc[e.start - n : e.end].text))
                conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), self.remap_conf)
                out.append(span)
                continue
            if e.label_ == "GOV_AGENCY" and e.start >= 2 and doc[e.start - 1].lower_ in ("'s", "\u2019s") \
                    and conf.get((e.start_char, e.end_char), 0) < self.gaz_conf \
                    and (any(o.end == e.start - 1 and o.label_ == "ORG" for o in ents)
                         or doc[e.start - 2].pos_ == "NOUN" and doc[e.start - 2].lower_ not in _STATE_NOUNS):
                # (also a firm's or a newsroom's unit named after the noun for it: "Al Jazeera news channel's
                # Investigative Unit")
                out.append(Span(doc, e.start, e.end, label="ORG", kb_id=e.kb_id_))
                continue
            out.append(e)
        return out

    def _guarded_names(self, doc: Doc, ents: list[Span], aux: list[Span],
                       conf: dict[tuple[int, int], float]) -> tuple[list[Span], list[Span]]:
        """Names of nlp/data/guarded_names.txt, which are common words or other names too ("DAS", "SNB", "Eagle"),
        matched by the ruler as GUARDED_<label> auxiliary spans, are mentions only where the text says so: an
        agency's acronym after its long form earlier in the text or right after its state's name or demonym
        ("Uzbekistan's SNB"; any state for a body several states have); a product's name in quotes, before a
        product noun ("its 'Eagle' online surveillance system") or with its maker in the same sentence. Elsewhere
        they stay what ner made of them. The guarded spans leave the auxiliary group either way."""
        guarded = [a for a in aux if a.label_.startswith(GUARDED_PREFIX)]
        if not guarded:
            return ents, aux
        aux = [a for a in aux if not a.label_.startswith(GUARDED_PREFIX)]
        out = list(ents)
        for g in guarded:
            label = g.label_.removeprefix(GUARDED_PREFIX)
            if any(e.start < g.end and g.start < e.end and not (e.start == g.start and e.end == g.end)
                   for e in out) or not self._guarded_in_context(doc, g, label):
                continue  # inside a longer mention, or no context
            out = [e for e in out if not (e.start == g.start and e.end == g.end)]
            out.append(Span(doc, g.start, g.end, label=label, kb_id=g.kb_id_))
            conf[(g.start_char, g.end_char)] = self.gaz_conf
        return out, aux

    def _guarded_in_context(self, doc: Doc, g: Span, label: str) -> bool:
        gaz = self.gazetteer
        if label == "GOV_AGENCY":
            own = gaz.entry_country("GOV_AGENCY", g.kb_id_)
            before = self._country_before(g)
            if before and (own is None or before == own):
                return True
            longer = [f for f in gaz.entry_forms("GOV_AGENCY", g.kb_id_) if f not in gaz.guarded]
            if any(f in doc.text[: g.start_char] for f in longer):
                return True
            # "the CBA anti-corruption agency": the acronym before lower-case words that end in a state body's noun
            k = g.end
            while k < len(doc) and k - g.end < 5 and (doc[k].is_lower or doc[k].text == "-"):
                if doc[k].lower_ in _STATE_HEADS | {"service", "services", "police", "intelligence"}:
                    return k > g.end
                k += 1
            return False
        quotes_open, quotes_close = ("\u201c", '"', "\u2018", "'"), ("\u201d", '"', "\u2019", "'")
        if g.start > 0 and doc[g.start - 1].text in quotes_open and g.end < len(doc) and doc[g.end].text in quotes_close:
            return True
        j = g.end + (g.end < len(doc) and doc[g.end].text in quotes_close)
        for k in range(j, min(j + 4, len(doc))):
            if doc[k].lower_ in _PRODUCT_NOUNS:
                return True
            if not doc[k].is_lower:
                break
        vendor = gaz.product_vendors.get(g.kb_id_) or ""
        return bool(vendor) and vendor in g.sent.text

    def _country_built_names(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """Names built on a country word are one name, not a name and a country (issue 13 round 11, a probe of news
        passages from Africa, Latin America, the Middle East and Asia):

        - a state body or a generic firm name followed by "of (the) <country>" ("Ministry of Finance of
          Tajikistan", "Telecommunication Company of Iran"; the dev set's span takes the country in: "Armed Forces
          of Bangladesh"), also over a body so named ("Intelligence Service of the Armed Forces of the Philippines");
        - a demonym opening a title-case name of common English words that ends in a firm's head word ("Syrian
          Telecommunications Establishment", "Venezuelan National Telephone Company"); a firm's own name after a
          demonym stays a country and a firm ("Israeli NSO Group", "Canadian Paragon");
        - a firm's name followed by a country's name with no comma or preposition between: its local subsidiary
          ("Orange Botswana", "Verint Israel").

        Not when the country's name runs on into another name or is a possessive ("Verint Israel's" stays), nor for
        a country written in capitals or as an abbreviation ("Huawei US")."""
        for _ in range(3):  # a body of a body of a country: the inner join first
            by_start = {e.start: e for e in ents}
            out: list[Span] = []
            used: set[int] = set()
            for e in sorted(ents, key=lambda x: x.start):
                if e.start in used:
                    continue
                joined = self._country_joined(doc, e, by_start, conf)
                if joined is None:
                    out.append(e)
                    continue
                span, tail = joined
                # (joined by the rule, at most ner's confidence; a body keeps its own)
                conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), self.remap_conf) \
                    if e.label_ == "GOV_AGENCY" else min(conf.get((e.start_char, e.end_char), self.remap_conf),
                                                         self.ner_conf) if e.label_ == "ORG" else self.remap_conf
                out = [o for o in out if not (span.start <= o.start and o.end <= span.end)]
                out.append(span)
                used.update(o.start for o in ents if tail <= o.start < span.end)
            if len(out) == len(ents):
                return out
            ents = out
        return ents

    def _country_joined(self, doc: Doc, e: Span, by_start: dict[int, Span],
                        conf: dict[tuple[int, int], float]) -> tuple[Span, int] | None:
        """The one name ``e`` and a country word next to it make (see ``_country_built_names``) and the token where
        the joined part starts; None when they make none."""
        def country_name(span: Span | None) -> bool:
            return span is not None and span.label_ == "COUNTRY" and span.text in self._country_names \
                and not span.text.isupper() and "." not in span.text

        def free_after(end: int) -> bool:  # the name ends here: no possessive, no further proper name
            return end >= len(doc) or not (doc[end].lower_ in ("'s", "\u2019s") or doc[end].is_title
                                           and doc[end].pos_ == "PROPN")

        known = conf.get((e.start_char, e.end_char)) == self.gaz_conf
        if e.label_ in ("GOV_AGENCY", "ORG") and e.end + 1 < len(doc) and doc[e.end].lower_ == "of":
            j = e.end + 1 + (doc[e.end + 1].lower_ == "the")
            tail = by_start.get(j)
            firm = e.label_ == "ORG" and not known and _last_word(e) in _FIRM_HEADS
            inner_body = tail is not None and tail.label_ == "GOV_AGENCY" and e.label_ == "GOV_AGENCY" and (
                " of " in tail.text and self.gazetteer.country_code(tail.text.rsplit(" of ", 1)[1].removeprefix("the "))
                is not None or tail[0].text in self._country_names and len(tail) >= 2)
            # (also a body that a country's name opens: "Communication Directorate of Nepal Police")
            if (firm or e.label_ == "GOV_AGENCY") and tail is not None and (country_name(tail) or inner_body) \
                    and free_after(tail.end):
                code = self.gazetteer.country_code(tail.text) if country_name(tail) else None
                own = self.gazetteer.entry_country("GOV_AGENCY", e.kb_id_) if known and e.label_ == "GOV_AGENCY" else None
                if not (own and code and own != code):
                    text = doc[e.start : tail.end].text
                    return Span(doc, e.start, tail.end, label=e.label_, kb_id=name_key(text)), e.end
        if e.label_ == "ORG" and country_name(by_start.get(e.end)) and free_after(by_start[e.end].end) \
                and doc[e.end - 1].is_alpha:
            tail_span = by_start[e.end]
            return Span(doc, e.start, tail_span.end, label="ORG", kb_id=name_key(doc[e.start : tail_span.end].text)), e.end
        if e.label_ == "COUNTRY" and e.text not in self._country_names and e.text.istitle() and e.end < len(doc):
            nxt = by_start.get(e.end)
            taken = {t for o in by_start.values() for t in range(o.start, o.end)}
            if nxt is not None and nxt.label_ in ("ORG", "GOV_AGENCY") \
                    and conf.get((nxt.start_char, nxt.end_char)) != self.gaz_conf:
                end = nxt.end
            elif nxt is None:
                end = e.end
                while end < len(doc) and end not in taken and end - e.end < 7 and (
                        doc[end].is_title or doc[end].lower_ in ("and", "of", "&") and end > e.end):
                    end += 1
            else:
                return None
            words = doc[e.end : end]
            if len(words) >= 2 and _last_word(words) in _FIRM_HEADS and words[0].is_title \
                    and all(t.lower_ in ("and", "of", "&") or t.is_title and zipf_frequency(t.lower_, "en") >= _COMMON_ZIPF
                            for t in words) and free_after(end):
                return Span(doc, e.start, end, label="ORG", kb_id=name_key(doc[e.start : end].text)), e.end
        return None

    def _untagged_name_after_country(self, doc: Doc, e: Span, ents: list[Span]) -> int | None:
        """The end of a run of capitalised words right after a country's name, outside any mention, that ends in a
        firm's, a newsroom's or a state body's head word (function words "and", "of", "&" inside): the rest of a
        name the country opens. None when there is none."""
        if e.text.isupper() or e.text not in self._country_names:
            return None  # (a demonym opens no name here: "Israeli Huawei ..." is no name)
        taken = {t for o in ents for t in range(o.start, o.end)}
        j, end, last = e.end, None, None
        while j < len(doc) and j - e.end < 8 and j not in taken:
            tok = doc[j]
            if tok.is_title or tok.is_upper and tok.is_alpha or tok.text in ("Corp.", "Co.", "Ltd.", "Inc."):
                last = j + 1
                if _last_word(doc[j : j + 1]) in _ORG_WORDS | _COMMERCIAL | self._legal_forms | _STATE_HEADS \
                        | _SHARED_HEADS | _NEWS_HEADS:
                    end = j + 1
            elif tok.lower_ not in ("and", "of", "&") or j == e.end:
                break
            j += 1
        following = next((o for o in ents if o.start == j and o.label_ == "ORG"), None) if j in taken else None
        if following is not None and j > e.end:
            end = last = following.end  # "China National Electronics Import and" + ner's "Export Corporation"
        # (the head word ends the run: "the Bangladesh Intelligence Community" is no "Bangladesh Intelligence")
        return end if end is not None and end == last and doc[e.end].is_title else None

    def _city_before(self, doc: Doc, start: int, end: int) -> bool:
        words = doc[start:end]
        return all(t.is_title and t.is_alpha for t in words) and bool(
            self.gazetteer.place_code(words.text) or words.text.casefold() in capital_cities())

    def _led_by_a_city(self, doc: Doc, e: Span, ents: list[Span], conf: dict[tuple[int, int], float]) -> bool:
        """A city's name right before a firm name that ends in a legal form, outside any other mention, opens
        that name ("its local agent Dhaka Tech Solutions Ltd." where ner took "Tech Solutions Ltd."), unless a
        preposition of place comes before the city ("a firm in Dhaka Tech ..." is too rare to read that way)."""
        if e.start < 1 or conf.get((e.start_char, e.end_char), 0) >= self.gaz_conf \
                or _last_word(e) not in self._legal_forms:
            return False
        for n in (2, 1):
            start = e.start - n
            if start >= 0 and self._city_before(doc, start, e.start) \
                    and not any(o.start < e.start and start < o.end for o in ents) \
                    and (start == 0 or doc[start - 1].lower_ not in _LOCATING_PREPOSITIONS):
                return True
        return False

    def _short_forms(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """Later bare first words of multi-word organisation names ("Helix" after "Helix Integrators"). Opening a
        sentence, where any word is capitalised, an untagged word must also read as a name there
        (:func:`nlp.components.repeated_names.reads_as_name`): "Beacon fires were lit" after a firm "Beacon Red"
        is the English word (round 21)."""
        from nlp.components.repeated_names import reads_as_name  # (that module imports this one)

        firsts: dict[str, Span] = {}
        for e in ents:
            if e.label_ == "ORG" and len(e) >= 2 and len(e[0].text) >= 4 and e[0].is_title and not e[0].is_stop:
                if self.gazetteer.country_code(e[0].text) is None and e[0].text not in firsts:
                    firsts[e[0].text] = e
        if not firsts:
            return ents
        out = []
        covered: set[int] = set()
        for e in ents:
            if e.label_ in ("PERSON", "GOV_AGENCY", "PRODUCT") and len(e) == 1 and e.text in firsts and e.start > firsts[e.text].start \
                    and not (e.label_ == "PRODUCT" and conf.get((e.start_char, e.end_char)) == self.gaz_conf):
                # (a known product stays one after an organisation named for it: "the Pegasus Project ... Pegasus")
                full = firsts[e.text]
                out.append(Span(doc, e.start, e.end, label="ORG", kb_id=full.kb_id_))
            else:
                out.append(e)
            covered.update(range(e.start, e.end))
        for tok in doc:
            first = firsts.get(tok.text)
            if first is not None and tok.i >= first.end and tok.i not in covered and tok.pos_ == "PROPN":
                if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN":
                    continue
                if tok.is_sent_start and not reads_as_name(tok.text, at_opening=True):
                    continue
                out.append(Span(doc, tok.i, tok.i + 1, label="ORG", kb_id=first.kb_id_))
                conf[(tok.idx, tok.idx + len(tok.text))] = self.remap_conf
        return out

    def _products_before_capabilities(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        by_end = {e.end: e for e in ents}
        out = list(ents)
        for cap in [e for e in ents if e.label_ == "CAPABILITY"]:
            if cap.end < len(doc) and doc[cap.end].lemma_.casefold() in _PARTY_NOUNS:
                continue  # "Intellexa spyware vendor": the name is the vendor's
            prev = by_end.get(cap.start)
            if prev is not None and prev.label_ in ("ORG", "PERSON"):
                if conf.get((prev.start_char, prev.end_char), 0) < self.gaz_conf and len(prev) <= 2:
                    out.remove(prev)
                    out.append(Span(doc, prev.start, prev.end, label="PRODUCT", kb_id=name_key(prev.text)))
                    conf[(prev.start_char, prev.end_char)] = self.remap_conf
                continue
            i = cap.start - 1
            while i >= 0 and doc[i].pos_ == "PROPN" and doc[i].is_title and doc[i].ent_type_ == "" and i > cap.start - 3:
                i -= 1
            if i + 1 < cap.start and not any(e.start <= i + 1 < e.end for e in out):
                span = Span(doc, i + 1, cap.start, label="PRODUCT", kb_id=name_key(doc[i + 1 : cap.start].text))
                out.append(span)
                conf[(span.start_char, span.end_char)] = self.remap_conf
        return out

    def _named_products(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """Product names given by their words around them: a quoted title-case name before a product noun ("the
        \u201cGolden Shield\u201d system") or after a product noun and "called"/"named"/"dubbed" ("a separate system
        called the \u201cCircles Cloud,\u201d"), another name given with "also known as" right after such a product
        ("(also known as The Great Firewall)"), and the same name repeated later in the document ("the customized
        features of the Golden Shield"). A name tagged by the gazetteer keeps its label."""
        found: list[tuple[int, int]] = []
        quoted_goods: set[tuple[int, int]] = set()
        quotes_open, quotes_close = ("\u201c", '"', "\u2018", "'"), ("\u201d", '"', "\u2019", "'")
        for tok in doc:
            if tok.text not in quotes_open:
                continue
            j = tok.i + 1
            while j < len(doc) and j - tok.i <= 4 and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha:
                j += 1
            close = j + 1 if j < len(doc) and doc[j].text in (",", ".") else j  # "called \u201cSafe City.\u201d"
            if j == tok.i + 1 or close >= len(doc) or doc[close].text not in quotes_close:
                continue
            after = doc[close + 1].lower_ if close + 1 < len(doc) else ""
            k = tok.i - 1 - (tok.i >= 1 and doc[tok.i - 1].lower_ == "the")
            called = k >= 1 and doc[k].lower_ in ("called", "named", "dubbed") and any(
                t.lemma_.casefold() in _PRODUCT_NOUNS | {"technology"} for t in doc[max(0, k - 4) : k]) and not any(
                t.lemma_.casefold() in _PARTY_NOUNS for t in doc[max(0, k - 3) : k])  # "from a company called 'X'"
            if after in _PRODUCT_NOUNS or called:
                found.append((tok.i + 1, j))
                if called:  # "The technology being sought is called "Cellebrite"": the goods, whatever the maker
                    quoted_goods.add((tok.i + 1, j))
        for e in ents:  # unquoted: "a facial recognition tool called PAIS, developed by Staqu"
            if e.label_ in ("ORG", "PERSON") and e.start >= 2 and doc[e.start - 1].lower_ in ("called", "named", "dubbed") \
                    and any(t.lemma_.casefold() in _PRODUCT_NOUNS for t in doc[max(0, e.start - 5) : e.start - 1]) \
                    and doc[e.start - 2].lemma_.casefold() not in _PARTY_NOUNS \
                    and conf.get((e.start_char, e.end_char)) != self.gaz_conf:  # (not "a software company called X")
                found.append((e.start, e.end))
        for _a, b in list(found):  # "the "Golden Shield" system (also known as The Great Firewall)"
            k = b + 1 + (b + 1 < len(doc) and doc[b + 1].lower_ in _PRODUCT_NOUNS)
            k += k < len(doc) and doc[k].text == "("
            if doc[k : k + 3].text.lower() == "also known as":
                s0 = k + 3 + (k + 3 < len(doc) and doc[k + 3].lower_ == "the")
                e0 = s0
                while e0 < len(doc) and e0 - s0 < 4 and doc[e0].is_title and doc[e0].is_alpha:
                    e0 += 1
                if e0 > s0:
                    found.append((s0, e0))
        if not found:
            return ents
        names = {doc[a:b].text for a, b in found}
        for tok in doc:  # later repeats of the same name
            for name in names:
                n = len(name.split())
                if doc[tok.i : tok.i + n].text == name and (tok.i, tok.i + n) not in found and all(
                        t.is_title for t in doc[tok.i : tok.i + n]):
                    found.append((tok.i, tok.i + n))
        out = list(ents)
        for a, b in found:
            clash = [e for e in out if e.start < b and a < e.end]
            if any(e.label_ not in ("ORG", "PERSON", "PRODUCT", "CAPABILITY") or e.label_ == "CAPABILITY" and (
                    e.start, e.end) != (a, b) or e.label_ != "CAPABILITY" and conf.get((e.start_char, e.end_char)) == self.gaz_conf
                   and not (e.label_ == "ORG" and (a, b) in quoted_goods) for e in clash):  # (a quoted name that is a capability's words, "Safe City", is the product's name)
                continue
            out = [e for e in out if e not in clash]
            span = Span(doc, a, b, label="PRODUCT", kb_id=name_key(doc[a:b].text))
            out.append(span)
            conf[(span.start_char, span.end_char)] = TYPED_CONFIDENCE  # typed by its words: repeats in other paragraphs too
        return out

    def _product_shaped_names(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """Organisation guesses that are the names of goods or programmes by their shape: a title-case name ending
        in a product head ("Universal Forensic Extraction Device", "Safe City Project"), and a name between "the"
        and a product noun ("selling the Cerebro software to Egypt"); not a name the gazetteer or the text gives as
        a firm ("the Hikvision cameras" stays the maker). Their acronyms in brackets follow (``_acronyms``)."""
        out = []
        for e in ents:
            known = conf.get((e.start_char, e.end_char), 0) in (self.gaz_conf, TYPED_CONFIDENCE)
            if e.label_ == "ORG" and not known and not _un_body(e) and (
                    len(e) >= 2 and e[-1].text in _PRODUCT_HEADS and all(t.is_title or t.is_upper or t.is_stop for t in e)
                    or len(e) == 1 and e.start >= 1 and doc[e.start - 1].lower_ == "the" and e.end < len(doc)
                    and doc[e.end].lower_ in _PRODUCT_NOUNS | {"spyware", "malware"} and doc[e.end].pos_ == "NOUN"):
                e = Span(doc, e.start, e.end, label="PRODUCT", kb_id=name_key(e.text))
            out.append(e)
        return self._goods_named_before_noun(doc, out, conf)

    def _programme_names(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A name ending in "Project", "Programme", "Program" or "Initiative" whose words before it end in a
        programme the gazetteer knows (a product of no one vendor, nlp/data/products.tsv: "Safe City") names that
        programme: the PRODUCT is the programme's name alone, without the title word or the place before it
        ("the Safe City Project", "the Dushanbe Safe City Project" -> "Safe City"), as the real set's gold writes
        "Lahore Safe City" and "the Mandalay Safe City project" (nlp/devset/real/README.md; round 18)."""
        programmes: set[str] | None = None  # (read from the gazetteer only when a name ends in a programme word)
        out = []
        for e in ents:
            if e.label_ in ("ORG", "PRODUCT") and len(e) >= 2 and e[-1].text in _PROGRAMME_WORDS:
                if programmes is None:
                    programmes = {n for g in self.gazetteer.entries if g.label == "PRODUCT"
                                  and g.name not in self.gazetteer.product_vendors for n in (g.name, *g.aliases)}
                cut = next((i for i in range(e.start, e.end - 1) if doc[i : e.end - 1].text in programmes), None)
                if cut is not None:
                    span = Span(doc, cut, e.end - 1, label="PRODUCT", kb_id=name_key(doc[cut : e.end - 1].text))
                    conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), TYPED_CONFIDENCE)
                    e = span
            out.append(e)
        return out

    def _goods_named_before_noun(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A name between a determiner or a possessive and a noun only goods have ("the FaceTagr software", "its
        NeoFace Watch software", "the police's POL-INTEL system", "The Facebox tech"; issue 13 round 13), whether
        ner took it for a firm, a person or nothing, is the goods' name, unless the gazetteer knows it, the text
        calls it a firm elsewhere ("Fictive Labs Ltd", "the company Fictive Labs") or a party noun follows ("the
        Acme software company")."""
        out = ents
        for noun in doc:
            if noun.lower_ not in _GOODS_NOUNS or noun.pos_ != "NOUN" or noun.i < 2 or not noun.is_lower:
                continue
            if noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ in _PARTY_NOUNS:
                continue
            end = noun.i
            if noun.lower_ in _CRAFT_NOUNS:  # "a Dornier maritime surveillance aircraft"
                while end > noun.i - 3 and doc[end - 1].is_lower and doc[end - 1].pos_ in ("ADJ", "NOUN"):
                    end -= 1
            while end - 2 > 0 and _model_code(doc[end - 1]) and _model_code(doc[end - 2]):
                end -= 1  # "a JY 11 3D radar": a second code qualifies the goods
            start = end
            while start > 0 and end - start < 5 and _name_word(doc, start - 1):
                start -= 1
            if start == end or start == 0 or doc[start].text == "-":
                continue
            before = doc[start - 1]
            if not (before.lower_ in ("the", "its", "their", "his", "her", "our") or before.tag_ == "POS"
                    or before.lower_ in ("a", "an") and noun.lower_ in _CRAFT_NOUNS):
                continue
            name = doc[start:end]
            clash = [e for e in out if e.start < end and start < e.end]
            if any(e.label_ not in ("ORG", "PERSON") or e.start < start or e.end > end
                   or conf.get((e.start_char, e.end_char), 0) == TYPED_CONFIDENCE
                   or conf.get((e.start_char, e.end_char), 0) == self.gaz_conf and not self._vendor_named_for_goods(doc, e, noun)
                   for e in clash):
                continue
            if self.gazetteer.country_code(name.text) or self._is_place(name.text) \
                    or _named_as_firm(doc, name.text, self._legal_forms) \
                    or len(name) > 1 and name[-1].lower_ in _ORG_WORDS - {"software", "technology", "security", "intelligence", "ai"}:
                continue  # ("the Fictive Labs software", "the NSO Group tool": a firm's name on its goods)
            out = [e for e in out if e not in clash]
            span = Span(doc, start, end, label="PRODUCT", kb_id=name_key(name.text))
            out.append(span)
            conf[(span.start_char, span.end_char)] = TYPED_CONFIDENCE  # typed by its words: its repeats too
        return out

    def _vendor_named_for_goods(self, doc: Doc, e: Span, noun: Token) -> bool:
        """A firm the gazetteer knows whose one-word name a text gives to software it calls "the X software",
        "the X tech" or "the X app" as what another firm developed, or "the X tech/app" as what a body adopted ("the
        same company that developed the FaceTagr software", "The FaceTagr tech was first adopted by ..."): there
        the name is the product's. Not "the NSO software was used", where the maker is named."""
        if len(e) != 1 or noun.lower_ not in ("software", "tech", "app", "application", "platform"):
            return False
        head = noun.head
        return head.lemma_.casefold() in _MAKING_OR_ADOPTING and (
            noun.dep_ == "dobj" and any(c.dep_ == "nsubj" and c.i < noun.i and c.ent_type_ != "ORG" or c.dep_ == "nsubj"
                                        and c.lower_ in ("that", "which", "who") for c in head.children)
            or noun.dep_ == "nsubjpass" and noun.lower_ in ("tech", "app") and head.lemma_.casefold() != "use")

    def _model_names(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A model's name, capitalised words ending in a model number or code, before a noun for goods or with one
        in apposition ("two Beechcraft 200 aircraft", "a Donier-228 maritime surveillance aircraft", "a JY 11 3D
        radar", "Skyhawk Drone Q6, a state-of-art drone"; issue 13 round 13), is a product, also where ner took
        part of it for a firm or a person. A state body, country or known name before it ends the name."""
        out = ents
        for code in doc:
            glued = _GLUED_MODEL.fullmatch(code.text) is not None
            roman = code.text in _ROMAN_MODEL_CODES and code.i > 0 and doc[code.i - 1].is_title \
                and doc[code.i - 1].lower_ != "war"  # ("World War II aircraft": an era, no model)
            if not (glued or roman or _model_code(code)) or code.i in (t for e in out for t in range(e.start, e.end)
                                                            if e.label_ not in ("ORG", "PERSON")):
                continue
            if code.i > 0 and _model_code(doc[code.i - 1]):
                continue  # "JY 11 3D": a second code qualifies the goods
            end = code.i + 1
            if end < len(doc) and _model_code(doc[end]):
                end += 1  # "a JY 11 3D radar": the model ends at its number, a code after it qualifies the goods
            if not (_goods_follow(doc, end) or roman and end < len(doc) and doc[end].lower_ in _MODEL_GOODS):
                continue  # (after "I" the tagger may read the goods noun as a verb: "Wing Loong I drones")
            start = code.i if glued else code.i
            while start > 0 and code.i - start < 4 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN" \
                    and not doc[start - 1].is_sent_start:
                start -= 1
            if start == code.i and not glued:
                continue  # a number alone ("10 drones") names no model
            clash = [e for e in out if e.start < end and start < e.end]
            for e in sorted(clash, key=lambda e: e.start):
                if e.label_ not in ("ORG", "PERSON") or conf.get((e.start_char, e.end_char), 0) == self.gaz_conf:
                    start = max(start, e.end)  # "a Royal Australian Air Force Beechcraft King Air 350": the body stays
            if start >= code.i and not glued or start > code.i:
                continue
            clash = [e for e in out if e.start < end and start < e.end]
            if any(e.label_ not in ("ORG", "PERSON") or conf.get((e.start_char, e.end_char), 0) == self.gaz_conf
                   for e in clash):
                continue
            out = [e for e in out if e not in clash]
            end = code.i + 1
            span = Span(doc, start, end, label="PRODUCT", kb_id=name_key(doc[start:end].text))
            out.append(span)
            conf[(span.start_char, span.end_char)] = TYPED_CONFIDENCE
        return out

    def _goods_made_by(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A firm or person guess that a participle of making or supplying by a firm describes ("using FaceLens,
        supplied by Fictive Corporation"), or that is called a program, software, app or platform made by one
        ("Gotham is a program made by Palantir"), is goods (issue 13 round 13); "founded", "owned" or "acquired"
        by make no goods."""
        firms = {e.start: e for e in ents if e.label_ == "ORG"}
        out = []
        for e in ents:
            if e.label_ in ("ORG", "PERSON") and conf.get((e.start_char, e.end_char), 0) != self.gaz_conf \
                    and not _named_as_firm(doc, e.text, self._legal_forms):
                k = e.end
                if k + 1 < len(doc) and doc[k].text == "," or k + 3 < len(doc) and doc[k].lemma_ == "be" \
                        and doc[k + 1].lower_ in ("a", "an", "the") and doc[k + 2].lower_ in _GOODS_NOUNS:
                    k = k + 1 if doc[k].text == "," else k + 3
                    if k + 2 < len(doc) and doc[k].lower_ in _MADE_BY and doc[k + 1].lower_ == "by" and k + 2 in firms:
                        e = Span(doc, e.start, e.end, label="PRODUCT", kb_id=name_key(e.text))
                        conf[(e.start_char, e.end_char)] = TYPED_CONFIDENCE
            out.append(e)
        return out

    def _firm_by_its_place(self, doc: Doc, e: Span) -> bool:
        """A name located in a country and beside a firm ("Creativity Software in the UK and Huawei in China had
        sold ...") is a firm's, whatever its last word: goods are not "in" a country beside their makers."""
        nxt = doc[e.end + 1 : e.end + 3] if e.end + 1 < len(doc) and doc[e.end].lower_ == "in" else None
        if nxt is None:
            return False
        k = 1 if len(nxt) and nxt[0].lower_ == "the" else 0
        located = k < len(nxt) and bool(self.gazetteer.country_code(nxt[k].text))
        after = doc[e.end + 2 + k : e.end + 5 + k]
        beside_firm = _coordinated_with_org(e) or any(t.lower_ == "and" for t in after) and any(
            t.ent_type_ == "ORG" for t in after)
        selling = e.root.dep_ == "nsubj" and e.root.head.lemma_.casefold() in _SUPPLY_VERBS
        return located and (beside_firm or selling)

    def _untagged_sellers(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """A proper noun that ner left untagged and that is the subject of a supply verb ("Hikvision supplied
        cameras", "Sandvine sold its devices") is the seller, an organisation; with the title-case proper nouns
        compounded before it. Not a country, place or name inside another mention."""
        used = {t for e in ents for t in range(e.start, e.end)}
        out: list[Span] = []
        for tok in doc:
            if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.i in used or not tok.text[:1].isupper() \
                    or tok.head.lemma_.casefold() not in _SUPPLY_VERBS or not tok.is_alpha:
                continue
            start = tok.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                    and doc[start - 1].is_title and start - 1 not in used:
                start -= 1
            text = doc[start : tok.i + 1].text
            if self.gazetteer.country_code(text) or self.gazetteer.place_code(text) or text in self._not_parties:
                continue
            span = Span(doc, start, tok.i + 1, label="ORG", kb_id=name_key(text))
            out.append(span)
            conf[(span.start_char, span.end_char)] = self.remap_conf
        return out

    def _dotted_acronyms(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """"C.E.I.E.C.": an acronym written with full stops that ner left untagged is the organisation whose acronym
        it spells, one named in the text ("CEIEC", or its long form's initials) or a firm the gazetteer knows by
        that acronym; it takes that name's canonical value."""
        # (ner's one-token "person" there is a guess too: no person is named by dotted capitals alone)
        guessed = {e.start: e for e in ents if e.label_ == "PERSON" and len(e) == 1}
        used = {t for e in ents for t in range(e.start, e.end) if e.start not in guessed}
        out = list(ents)
        for tok in doc:
            if tok.i in used or not _DOTTED_ACRONYM.fullmatch(tok.text):
                continue
            letters = tok.text.replace(".", "")
            if len(letters) < 3:
                continue  # "U.S.", "U.K.": countries, found by the gazetteer; two letters spell too much
            named = next((e for e in ents if e.label_ == "ORG" and (e.text == letters or acronym(e.text) == letters)), None)
            canonical = named.kb_id_ if named is not None else next(
                (e.canonical or name_key(e.name) for e in self.gazetteer.entries
                 if e.label == "ORG" and letters in (e.name, *e.aliases)), None)
            if canonical:
                out = [e for e in out if e is not guessed.get(tok.i)]
                span = Span(doc, tok.i, tok.i + 1, label="ORG", kb_id=canonical)
                conf[(span.start_char, span.end_char)] = self.remap_conf
                out.append(span)
        return out

    def _acronyms(self, doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
        """An acronym given right after a name, in brackets ("Royal Canadian Mounted Police (RCMP)", hyphenated:
        "Centre for Development of Telematics (C-DOT)") or after "abbreviated (to|as)" ("The Central Monitoring
        System, abbreviated to CMS"), takes the name's label; a product's acronym used again later is the product."""
        out = list(ents)
        products: set[str] = set()
        for ent in ents:
            if ent.label_ not in ("ORG", "GOV_AGENCY", "PRODUCT"):
                continue
            given = _acronym_after(doc, ent)
            if given is None:
                continue
            short = doc[given[0] : given[1]]
            letters = short.text.replace("-", "").replace("&", "")
            if ent.label_ == "PRODUCT" and letters != acronym(ent.text):
                continue  # a product's acronym only when it is its initials: "PC Surveillance System (PSS)"
            capitals = "".join(c for c in letters if c.isupper())
            if ent.label_ in ("ORG", "GOV_AGENCY") and not letters.isupper() and letters[:1].isupper() \
                    and len(letters) <= 6 and len(capitals) >= 2 and capitals == acronym(ent.text):
                letters = capitals  # "Department of Telecommunications (DoT)": its capitals are its initials
            if letters.isupper() and 2 <= len(letters) <= 8 and (letters == acronym(ent.text) or letters[0] == ent.text[0]
                                                                 or sorted(letters) == sorted(acronym(ent.text))
                                                                 or ent.label_ == "GOV_AGENCY"):
                # (an acronym of the name in its own language has the same initials in another order: "National
                # Intelligence Centre (CNI)", "Directorate-General for Territorial Surveillance (DGST)"; an
                # agency's may have other letters: "Greek National Intelligence Service (EYP)")
                # "Royal Canadian Mounted Police (RCMP)": the acronym takes the long form's label even where
                # ner had labelled it on its own ("RCMP" as ORG)
                out = [e for e in out if not (given[0] <= e.start and e.end <= given[1] and e.label_ != ent.label_
                                              and e.label_ in ("ORG", "GOV_AGENCY", "PERSON", "PRODUCT"))]
                if not any(e.start < given[1] and given[0] < e.end for e in out):
                    own = letters != acronym(ent.text) and letters[0] != ent.text[0]  # "(EYP)": its own name
                    out.append(Span(doc, given[0], given[1], label=ent.label_,
                                    kb_id=name_key(short.text) if own else ent.kb_id_))
                    conf[(short.start_char, short.end_char)] = conf.get((ent.start_char, ent.end_char), self.ner_conf)
                if ent.label_ == "PRODUCT":
                    products.add(short.text)
        if products:  # the product's acronym used again later ("Cyberbit, the company that provides PSS") is the product
            out = [Span(doc, e.start, e.end, label="PRODUCT", kb_id=e.kb_id_) if e.label_ == "ORG" and e.text in products
                   else e for e in out]
        return out


# last words of a title-case term of the trade, not a body's name ("Closed Circuit Television", "No Objection
# Certificate", "International Mobile Subscriber Identity", "Vertical Take-Off and Landing")
_TRADE_TERM_HEADS = frozenset({"television", "certificate", "identity", "identification", "identifier", "landing", "seizure",
                         "recognition", "detection", "interception", "inspection", "positioning", "navigation",
                         "frequency", "vehicle", "aircraft", "camera", "cameras", "sensor", "protocol", "number",
                         "plate", "imaging", "broadband", "backbone", "storage", "capacity", "photo", "signature",
                         "view", "rescue", "surveillance", "vehicles", "take-off", "takeoff", "tracking"})


def _in_order(initials: str, letters: str) -> bool:
    """True when every letter of ``initials`` appears in ``letters`` in the same order."""
    rest = iter(letters)
    return all(ch in rest for ch in initials)


def _technical_term(span: Span) -> bool:
    """True for a title-case term of the trade ner took for a name: two or more words ending in a term noun
    (:data:`_TRADE_TERM_HEADS`) with no word of a body's or firm's name in it ("Radio Frequency Identification", "No
    Objection Certificate"), or an acronym in capitals that such a term spells in brackets elsewhere in the text
    ("NOC", "RFID")."""
    words = [t for t in span if t.is_alpha]
    if len(words) >= 2 and words[-1].lower_ in _TRADE_TERM_HEADS and all(
            t.is_title or t.is_upper or t.lower_ in ("and", "of") for t in words) and not any(
            t.lower_ in _ORG_WORDS | _STATE_HEADS | _COMMERCIAL for t in words):
        return True
    if len(span) != 1 or not span.text.isupper() or not span.text.isalpha():
        return False
    doc, letters = span.doc, span.text
    for tok in doc:
        if tok.text == letters and tok.i >= 2 and doc[tok.i - 1].text == "(":
            words = [t for t in doc[max(0, tok.i - 1 - 2 * len(letters)) : tok.i - 1] if t.is_alpha
                     and t.lower_ not in ("and", "of")]
            for k in range(len(letters), 1, -1):  # ("Radio Frequency Identification (RFID)": letters in order)
                tail = words[-k:]
                if len(tail) == k and tail[-1].i == tok.i - 2 and tail[-1].lower_ in _TRADE_TERM_HEADS \
                        and tail[0].text[0].upper() == letters[0] and _in_order(
                            "".join(t.text[0].upper() for t in tail), letters) \
                        and not any(t.lower_ in _ORG_WORDS | _STATE_HEADS | _COMMERCIAL for t in tail):
                    return True
        if tok.text == letters and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "(" and _spelled_term(
                doc[tok.i + 2 : min(len(doc), tok.i + 3 + 2 * len(letters))], letters):
            return True  # "VTOL (Vertical Take-Off and Landing) drones": the acronym first, its term in brackets
    return False


def _spelled_term(words: Span, letters: str) -> bool:
    """True when the title-case words up to a closing bracket spell ``letters`` in order and end in a term noun
    (:data:`_TRADE_TERM_HEADS`) with no word of a body's or firm's name: the term after its acronym."""
    tail = []
    for t in words:
        if t.text == ")":
            break
        if t.is_alpha and t.lower_ not in ("and", "of"):
            tail.append(t)
    else:
        return False
    return len(tail) >= 2 and tail[-1].lower_ in _TRADE_TERM_HEADS and tail[0].text[0].upper() == letters[0] \
        and all(t.is_title or t.is_upper for t in tail) and _in_order("".join(t.text[0].upper() for t in tail), letters) \
        and not any(t.lower_ in _ORG_WORDS | _STATE_HEADS | _COMMERCIAL for t in tail)
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?\.?")


# nouns for goods that make the name right before them, after a determiner or possessive, the goods' name (issue 13
# round 13): "the FaceTagr software", "its NeoFace Watch software", "the police's POL-INTEL system"
_GOODS_NOUNS = frozenset({"software", "spyware", "malware", "app", "application", "platform", "program", "tool",
                          "suite", "tech", "system", "device", "drone", "aircraft", "helicopter", "radar"})


# craft a name before them names, also after "a" and lower-case modifiers ("a Dornier maritime surveillance aircraft")
_CRAFT_NOUNS = frozenset({"aircraft", "drone", "helicopter", "radar"})


def _name_word(doc: Doc, i: int) -> bool:
    """True for a word that can be part of a product's name: capitalised or mixed case ("FaceTagr", "iPhone",
    "POL"), a model number after such a word, or a hyphen inside the name ("POL-INTEL")."""
    tok = doc[i]
    if tok.text == "-":
        return i > 0 and i + 1 < len(doc) and not doc[i - 1].is_lower and not doc[i + 1].is_lower
    return tok.pos_ in ("PROPN", "NOUN", "NUM", "X") and not tok.is_lower and tok.text[:1].isalnum() \
        and tok.lower_ not in ("the",)


# nouns for goods that a model's name comes before ("Beechcraft 200 aircraft", "JY 11 3D radar")
_MODEL_GOODS = frozenset({"aircraft", "drone", "drones", "helicopter", "helicopters", "radar", "radars", "camera",
                          "cameras", "vessel", "vessels", "boat", "boats", "uav", "uavs", "ucav", "ucavs", "plane", "planes", "jet", "jets",
                          "device", "devices", "phone", "phones", "scanner", "scanners", "vehicle", "vehicles",
                          "system", "systems", "software", "kit", "kits", "unit", "units"})
# a model name with its number glued on by a hyphen ("Dornier-228", "Donier-228", "Mohajer-6", "CH-4"; one digit and
# a capitals prefix since round 20); the goods noun after it (``_goods_follow``) is still required
_GLUED_MODEL = re.compile(r"(?:[A-Z][a-z]{2,}|[A-Z]{2,3})-[0-9]{1,4}[A-Za-z]?")
# Roman numerals that end a model's name after a capitalised word ("Wing Loong II drones", "Heron I aircraft"; round 20)
_ROMAN_MODEL_CODES = frozenset({"I", "II", "III", "IV", "V"})


# verbs whose object is goods a firm made or a body took up ("developed the X software", "the X tech was adopted")
_MAKING_OR_ADOPTING = frozenset({"develop", "build", "make", "design", "create", "adopt", "deploy", "use", "install",
                                 "launch", "introduce"})
# participles of making or supplying goods ("NeoFace, supplied by NEC")
_MADE_BY = frozenset({"supplied", "developed", "made", "manufactured", "built", "designed", "produced", "sold",
                      "provided", "created"})


def _bracketed_goods_names(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
    """An untagged title-case name ending in a word for goods or a system, with its initials in brackets after it
    ("Telephone Call Interception System (TCIS)", "Integrated Lawful Interception System (ILIS)"; issue 13 round
    13), is a product; its acronym follows (``_acronyms``)."""
    used = {t for e in ents for t in range(e.start, e.end) if e.label_ != "CAPABILITY"}
    out = list(ents)
    for head in doc:
        if head.text not in _PRODUCT_HEADS or head.i in used or head.i + 3 >= len(doc) or doc[head.i + 1].text != "(" \
                or doc[head.i + 3].text != ")" or not doc[head.i + 2].is_upper:
            continue
        start = head.i
        while start > 0 and head.i - start < 6 and doc[start - 1].is_title and start - 1 not in used \
                and doc[start - 1].lower_ not in ("the", "a", "an") and not doc[start].is_sent_start:
            start -= 1  # (a sentence's first word may open the name: "Telephone Call Interception System (TCIS) will")
        if head.i - start < 1 or acronym(doc[start : head.i + 1].text) != doc[head.i + 2].text:
            continue
        clash = [e for e in out if e.start <= head.i and start < e.end]
        if any(e.start < start or e.end > head.i + 1 for e in clash):
            continue
        out = [e for e in out if e not in clash]  # ("Call Interception System" was read as the capability)
        span = Span(doc, start, head.i + 1, label="PRODUCT", kb_id=name_key(doc[start : head.i + 1].text))
        out.append(span)
        conf[(span.start_char, span.end_char)] = TYPED_CONFIDENCE
    return out


def _editions_of_products(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float], gaz_conf: float) -> list[Span]:
    """A firm or person guess made of a product's name the text gives and model words ("NeoFace Watch" after
    "using NeoFace, supplied by NEC"; issue 13 round 13) is that product's edition, a product."""
    products = {e.text for e in ents if e.label_ == "PRODUCT"}
    if not products:
        return ents
    out = []
    for e in ents:
        if e.label_ in ("ORG", "PERSON") and len(e) >= 2 and conf.get((e.start_char, e.end_char), 0) != gaz_conf:
            k = next((k for k in range(len(e) - 1, 0, -1) if e[:k].text in products), 0)
            if k and all(t.text in _MODEL_WORDS or _model_code(t) for t in e[k:]):
                e = Span(doc, e.start, e.end, label="PRODUCT", kb_id=name_key(e.text))
                conf[(e.start_char, e.end_char)] = TYPED_CONFIDENCE
        out.append(e)
    return out


def _goods_follow(doc: Doc, end: int) -> bool:
    """True when a noun for goods follows token ``end`` after at most three lower-case words ("maritime
    surveillance aircraft"), or is the head of an apposition after a comma (", a state-of-art drone")."""
    k = end
    while k < len(doc) and k - end <= 3 and doc[k].is_lower:
        if doc[k].lower_ in _MODEL_GOODS and doc[k].pos_ == "NOUN":
            return True
        k += 1
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an", "the"):
        return any(t.lower_ in _MODEL_GOODS and t.pos_ == "NOUN" for t in doc[end + 2 : end + 9])
    return False


def _named_as_firm(doc: Doc, name: str, legal_forms: frozenset[str]) -> bool:
    """True when the text gives ``name`` as a firm: followed by a legal form ("Fictive Labs Ltd") or after a noun
    for a company ("the company Fictive Labs", "firm Fictive Labs")."""
    words = name.split()
    n = len(words)
    if not n:
        return False
    # (the tokens spelt as the name's first word, found on the doc's array of word ids, not token by token)
    for i in numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings[words[0]]).tolist():
        tok = doc[i]
        if doc[tok.i : tok.i + n].text != name:
            continue
        after = doc[tok.i + n] if tok.i + n < len(doc) else None
        before = doc[tok.i - 1] if tok.i > 0 else None
        if after is not None and after.lower_.strip(".,") in legal_forms \
                or before is not None and before.lower_ in ("company", "firm", "vendor", "maker", "developer"):
            return True
    return False


def _before_goods(span: Span) -> bool:
    """True when a product noun or a capability follows the name ("the Empresa Xyz software"): the goods' name."""
    doc = span.doc
    return span.end < len(doc) and (doc[span.end].lower_ in _PRODUCT_NOUNS | _PRODUCT_CUES
                                    or doc[span.end].ent_type_ == "CAPABILITY")


_WEB_ADDRESS = re.compile(r"(?=[\w.-]*[A-Za-z])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}")
_SITE_NOUNS = frozenset({"agency", "website", "site", "portal", "outlet", "newspaper", "daily", "magazine"})


def _sites_named_by_their_address(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
    """"24.kg news agency", "Rappler.com website": a news site named by its web address before a noun for a
    newsroom is an organisation (ner reads the address as a number or nothing)."""
    used = {t for e in ents for t in range(e.start, e.end)}
    out: list[Span] = []
    for tok in doc:
        if tok.i in used or not _WEB_ADDRESS.fullmatch(tok.text) or tok.i + 1 >= len(doc):
            continue
        k = tok.i + 1 + (doc[tok.i + 1].lower_ == "news" and tok.i + 2 < len(doc))
        if doc[k].lower_ in _SITE_NOUNS:
            span = Span(doc, tok.i, tok.i + 1, label="ORG", kb_id=name_key(tok.text))
            conf[(span.start_char, span.end_char)] = TYPED_CONFIDENCE
            out.append(span)
    return out


def _publication_names(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
    """"Homeland Security Today": a name followed by a capitalised "Today" inside a sentence is a publication's
    name (ner read the name as a body or firm and "Today" as a date), an organisation."""
    out: list[Span] = []
    for e in ents:
        if e.label_ in ("ORG", "GOV_AGENCY") and e.end < len(doc) and doc[e.end].text == "Today" \
                and not doc[e.end].is_sent_start and not (e.end + 1 < len(doc) and doc[e.end + 1].is_title):
            span = Span(doc, e.start, e.end + 1, label="ORG", kb_id=name_key(doc[e.start : e.end + 1].text))
            conf[(span.start_char, span.end_char)] = TYPED_CONFIDENCE
            out.append(span)
            continue
        out.append(e)
    return out


def _a_leaders_full_name(text: str) -> bool:
    """True for a given name and a surname of nlp/data/leaders.tsv ("Enrique Pena Nieto", "Vladimir Putin"): two
    to four title-case words, none a firm's word, the last one or two a leader's name form."""
    words = text.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w.isalpha() for w in words) \
            or any(w.casefold() in _ORG_WORDS | _COMMERCIAL for w in words):
        return False
    leaders = leader_countries()
    return " ".join(words[-2:]) in leaders and len(words) > 2 or words[-1] in leaders


def _leaders_country(span: Span) -> str | None:
    """The country of a government named by its leader ("the Al Sissi regime", "the Al-Sissi regime", "Modi's
    government", "the government of Michel Temer"), from nlp/data/leaders.tsv; None for any other body, or when
    the name is no leader of the table."""
    words = [t for t in span if not t.is_punct and t.lower_ not in ("'s", "\u2019s")]
    if len(words) < 2 or not (words[-1].lower_ in LEADER_HEADS or words[0].lower_ in LEADER_HEADS
                              and words[1].lower_ == "of"):
        return None
    leaders = leader_countries()
    names = [t.text for t in words if t.text[:1].isupper() and t.lower_ not in LEADER_HEADS]
    parts = [p for t in names for p in t.split("-") if p]
    for n in (2, 1):  # "Pena Nieto", "Hun Sen" before "Sissi"; the hyphen's halves too ("Al-Sissi")
        for seq in (names, parts):
            for i in range(len(seq) - n + 1):
                code = leaders.get(" ".join(seq[i : i + n]))
                if code:
                    return code
    return None


# words of a city's or county's own bodies: a name of one of them opened by a city name is that city's
_LOCAL_BODY_WORDS = frozenset({"police", "sheriff", "sheriff's", "council", "county", "city", "municipal", "municipality",
                               "township", "borough", "parish", "district", "metropolitan", "commissioners"})


# armed services a text names by their capitalised common name alone ("the Army", "the Navy")
_SERVICE_NAMES = frozenset({"Army", "Navy", "Air Force", "Coast Guard"})
# head words after which a state body's name goes on over "of"/"for" ("Bavarian Ministry of the Interior", "Rowan
# County Board of Commissioners") and heads that make an untagged title-case name a body's ("The General Secretariat
# ...", "the Presidential Secretariat"); the words naming a body's unit ("IT Wing", "Cyber Crime unit")
_COMPLEMENTED_HEADS = frozenset({"Ministry", "Department", "Board", "Office", "Bureau", "Directorate", "Secretariat",
                                 "Commission", "Agency", "Council", "Authority", "Committee", "Inspectorate"})
_UNTAGGED_STATE_HEADS = frozenset({"Secretariat", "Ministry", "Directorate", "Inspectorate", "Procuracy"})
_UNIT_HEADS = frozenset({"wing", "unit", "cell", "squad"})
# nouns of a deal a body is party to, after which "<place> police" is still the body ("the Baden-Württemberg police
# contract with ...")
_DEAL_NOUNS = frozenset({"contract", "contracts", "deal", "deals", "agreement", "tender", "purchase", "order"})


def _armed_services(doc: Doc, ents: list[Span], aux: list[Span], conf: dict[tuple[int, int], float],
                    confidence: float) -> list[Span]:
    """GOV_AGENCY mentions for an armed service named by its capitalised common name after "the" ("China provided
    the Army with 11 vehicles", "the Navy got two drones"), not a longer name's head ("the Army Headquarters", "the
    Navy of Peru") nor lower case ("the army"); the state is the document's when it names one (nlp.extract)."""
    out = []
    taken = {i for e in ents for i in range(e.start, e.end)}
    for a in aux:
        if a.label_ != "GOV_GENERIC" or a.text not in _SERVICE_NAMES or a.start == 0 or doc[a.start - 1].lower_ != "the" \
                or any(i in taken for i in range(a.start, a.end)):
            continue
        if a.end < len(doc) and (doc[a.end].is_title or doc[a.end].lower_ in ("of", "'s", "\u2019s")):
            continue
        out.append(Span(doc, a.start, a.end, label="GOV_AGENCY", kb_id=name_key(a.text)))
        conf[(out[-1].start_char, out[-1].end_char)] = confidence
    return out


def _joined(words: list[str]) -> str:
    """Words of a name compared over "and"/"&" and case: ["Larsen", "&", "Toubro"] -> "larsen and toubro"."""
    return " ".join("and" if w == "&" else w.casefold() for w in words if w != ",")


def _city_of_local_body(span: Span) -> str | None:
    """The country of the city (:func:`nlp.gazetteer.city_country`) whose name opens a local body's name, the rest of
    which is words of local bodies ("Tulsa Police Department", "Pueblo City Council"); None otherwise."""
    words = [t for t in span if t.lower_ != "the"]
    for n in (3, 2, 1):
        if len(words) > n and all(t.is_title for t in words[:n]) and words[n].lower_ != "county" \
                and any(t.lower_ in _LOCAL_BODY_WORDS for t in words[n:]) \
                and not is_city_name(span.doc[words[0].i : words[n].i + 1].text):
            # (a county's name is no city's; nor is the first word of a longer place's name: no "San" of Mali out
            # of "San Joaquin County Sheriff's Office")
            code = city_country(span.doc[words[0].i : words[n - 1].i + 1].text)
            if code:
                return code
    return None


def _first_conjunct(span: Span) -> Span | None:
    """The state body joined to ``span`` by "and" right before it, over its bracketed acronym ("Ministry of Home
    Affairs (MOHA) and Ministry of Transport ..."); None when there is none. Not over an article: "A's X and the
    Y" may name a body of another state."""
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].lower_ != "and":
        return None
    j = i - 1
    if doc[j].text == ")":
        k = j - 1
        while k >= 0 and j - k <= 4 and doc[k].text != "(":
            k -= 1
        if k < 1 or doc[k].text != "(":
            return None
        j = k - 1
    return next((e for e in doc.ents if e.end == j + 1 and e.label_ == "GOV_AGENCY"), None)


def _comma_continued_remits(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
    """A ministry's or department's name whose remit goes on after a comma ("Ministry of Information, Communications
    and Technology", ner stopping at the comma) takes in the rest: capitalised words that are no head of another
    body, the last pair joined by "and", up to the first word that is not capitalised."""
    out = []
    for e in ents:
        if e.label_ == "GOV_AGENCY" and len(e) >= 3 and e[0].lower_ in ("ministry", "department") \
                and e[1].lower_ in ("of", "for") and e.end + 3 < len(doc) and doc[e.end].text == ",":
            j, seen_and = e.end + 1, False
            while j < len(doc) and (doc[j].is_title or doc[j].is_upper and doc[j].is_alpha or doc[j].text == ","
                                    or doc[j].lower_ == "and" and not seen_and):
                seen_and = seen_and or doc[j].lower_ == "and"
                j += 1
            run = doc[e.end + 1 : j]
            # (not a list of bodies: "the Department of IT, National Investigation Agency and ...")
            heads = any(t.lower_ in _STATE_HEADS | _SHARED_HEADS | {"bureau", "centre", "center"} for t in run)
            # (nor a body and a firm: ", and X Ltd" has no remit word between the comma and "and")
            if seen_and and not heads and doc[j - 1].is_title and not (j < len(doc) and doc[j].text == "(") \
                    and run[0].lower_ != "and":
                span = Span(doc, e.start, j, label="GOV_AGENCY", kb_id=name_key(doc[e.start : j].text))
                conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), 0.7)
                out.append(span)
                continue
        out.append(e)
    return out


def _acronyms_of_common_words(doc: Doc, ents: list[Span]) -> list[Span]:
    """An acronym in brackets after lower-case words whose initials it spells is a term, not an organisation:
    "automated border control (ABC) gates", "live facial recognition (LFR)"; the ORG ner gave it, there and at its
    later uses in the text, is dropped (a term is no party to become a supplier or buyer)."""
    terms: set[str] = set()
    for e in ents:
        if e.label_ != "ORG" or len(e) != 1 or not e.text.isupper() or not 2 <= len(e.text) <= 6:
            continue
        if e.start < 1 or e.end >= len(doc) or doc[e.start - 1].text != "(" or doc[e.end].text != ")":
            continue
        words = doc[max(e.start - 1 - len(e.text), 0) : e.start - 1]
        if len(words) == len(e.text) and all(w.is_lower and w.is_alpha for w in words) \
                and "".join(w.text[0] for w in words).upper() == e.text:
            terms.add(e.text)
    if not terms:
        return ents
    return [e for e in ents if not (e.label_ == "ORG" and e.text in terms)]


def _acronym_after(doc: Doc, ent: Span) -> tuple[int, int] | None:
    """The token range of an acronym given right after ``ent``: the whole content of a bracket of up to three tokens
    written without spaces ("(RCMP)", "(C-DOT)"), or the word after "abbreviated", "abbreviated to/as" or "shortened
    to" ("The Central Monitoring System, abbreviated to CMS"); None otherwise."""
    i = ent.end
    if i < len(doc) and doc[i].text == "(":
        for k in range(i + 2, min(i + 5, len(doc))):
            if doc[k].text == ")":
                inner = doc[i + 1 : k]
                if all(not t.whitespace_ for t in inner[:-1]) and inner.text.replace("-", "").replace("&", "").isalnum():
                    return i + 1, k
                return None
        return None
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ in ("abbreviated", "shortened"):
        i += 1
        if i < len(doc) and doc[i].lower_ in ("to", "as"):
            i += 1
        if i < len(doc) and doc[i].is_upper and doc[i].is_alpha:
            return i, i + 1
    return None


# words of a person's title that ner runs into the organisation's name before them
_TITLE_TAILS = frozenset({"senior", "fellow", "researcher", "director", "spokesperson", "spokesman", "spokeswoman",
                          "analyst", "professor", "technologist", "chairman", "chairwoman", "ceo", "founder"})
# words that end a name when they close it (currencies too, nlp.currencies: "... Pte Ltd for Tk")
_TAIL_WORDS = frozenset({"and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "the", "a", "an", "'s", "\u2019s",
                         "million", "billion"})


def _last_word(span: Span) -> str:
    """The span's last word, lower-case, without the full stop of an abbreviation or a sentence ("LLC." -> "llc")."""
    words = [t for t in span if not t.is_punct]
    return words[-1].lower_.rstrip(".") if words else ""


def _trim(ent: Span, legal_forms: frozenset[str] = frozenset()) -> Span | None:
    """The span without a leading article, trailing possessive, punctuation, conjunction, preposition or price
    ("NSO Group and" -> "NSO Group", "... Pte Ltd for Tk" -> "... Pte Ltd"), and with a legal-form tail that
    ner left outside kept ("Computer Security Initiative Consultancy PTE. LTD."); None if nothing is left."""
    start, end = ent.start, ent.end
    doc = ent.doc
    breaks = [j for j in range(start, end) if doc[j].is_space and "\n" in doc[j].text]
    if breaks:  # "Background\nCitizen Lab": a heading line and the name opening the next line; a name has no line break
        pieces = [(a, b) for a, b in zip([start, *(j + 1 for j in breaks)], [*breaks, end], strict=True) if a < b]
        if not pieces:
            return None
        start, end = max(reversed(pieces), key=lambda p: p[1] - p[0])  # the longest line, the last on a tie
    while start < end and doc[start].lower_ in ("the", "a", "an", "its", "their"):
        start += 1
    opened = [j for j in range(start, end) if doc[j].text == "("]
    if opened and not any(doc[j].text == ")" for j in range(opened[-1], end)):
        end = opened[-1]  # "Privacy International (PI": the bracketed acronym that ner took in is a mention of its own
    names = ent.label_ not in _AUX_NER
    if names:  # "... Pte Ltd for Tk 5": a price or a preposition after a legal form ends the name
        for j in range(start + 1, end):
            tok = doc[j]
            price = tok.is_currency or is_currency_word(tok.text)
            follows_form = doc[j - 1].lower_.rstrip(".") in legal_forms and tok.lower_ in ("for", "at", "to", "in", "from", "worth")
            before_price = tok.lower_ in ("for", "at", "worth") and j + 1 < end and (
                doc[j + 1].like_num or doc[j + 1].is_currency or is_currency_word(doc[j + 1].text))
            if price or follows_form or before_price:
                end = j
                break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "\u2019s")
                           or (names and (doc[end - 1].lower_ in _TAIL_WORDS or is_currency_word(doc[end - 1].text)))):
        end -= 1
    if ent.label_ == "ORG" and end - start > 2 and doc[end - 1].lower_ in _TITLE_TAILS:
        # "Citizen Lab Senior Research Fellow Bill Marczak": the person's title after the organisation's name
        while end - start > 1 and doc[end - 1].lower_ in _TITLE_TAILS | {"research", "senior", "staff"}:
            end -= 1
    if start >= end:
        return None
    if ent.label_ == "ORG" and legal_forms:
        while end < len(doc):
            if doc[end].lower_.rstrip(".") in legal_forms and doc[end].lower_ not in ("as", "co") or (
                    doc[end].lower_.rstrip(".") == "co" and doc[end].text[:1].isupper()):
                end += 1
            elif doc[end].text in (".", ",") and end + 1 < len(doc) and doc[end + 1].lower_.rstrip(".") in legal_forms \
                    and doc[end + 1].text[:1].isupper() and doc[end - 1].lower_.rstrip(".") in legal_forms \
                    and not doc[end + 1].is_stop:  # "Co., Ltd.", not "Novalpina Capital LLP. As Yana Peel ...": "As" opens a sentence
                end += 2
            else:
                break
    return Span(doc, start, end, label=ent.label_)


def _split_possessives(ents: Sequence[Span]) -> list[Span]:
    """ner's ORG spans that hold two names as those names: a possessive inside ("the University of Toronto's
    Citizen Lab": the owner and the owned body, as "Russia's" before an agency is a mention of its own), a comma
    between names ("Yitu, Hikvision"), a case name ("Doe v. Cisco Systems Inc.": the party after "v."), two
    bodies joined by "and" ("the Defense Ministry and Economy Ministry"); other spans unchanged."""
    out: list[Span] = []
    for ent in ents:
        if ent.label_ != "ORG" or ent.kb_id_:
            out.append(ent)
            continue
        doc = ent.doc
        initials = [t.i for t in ent[2:] if len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "."
                    and doc[t.i - 1].is_title and doc[t.i - 1].is_alpha]
        if initials and ent.label_ == "ORG":
            # "Commerce for Export Administration Thea D. Rozman" + "Kendler": a title ner read as a body and the
            # official's name with a middle initial after it; the name goes on over the capitalised words after
            first, end = initials[0] - 1, ent.end
            while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and doc[end].is_alpha:
                end += 1
            out.append(Span(doc, ent.start, first, label="ORG"))
            out.append(Span(doc, first, end, label="PERSON"))
            continue
        versus = [t.i for t in ent[1:-1] if t.lower_ in ("v.", "v", "vs.", "vs")]
        if versus:  # "Doe v. Cisco Systems Inc.": a case name; the company sued is the party named
            out.append(Span(doc, versus[-1] + 1, ent.end, label="ORG"))
            continue
        heads = _STATE_HEADS | _SHARED_HEADS
        # ("Intelligence" before "and" is a field, not a body: "the Criminal Intelligence and Investigations
        # Department" is one name)
        ands = [t.i for t in ent[1:-1] if t.lower_ == "and" and doc[t.i - 1].lower_ in heads - {"intelligence"}
                and doc[t.i - 1].is_title]
        if ands and ent[-1].lower_ in heads:  # "the Defense Ministry and Economy Ministry": two bodies
            out.append(Span(doc, ent.start, ands[0], label="ORG"))
            out.append(Span(doc, ands[0] + 1, ent.end, label="ORG"))
            continue
        cut = [t.i for t in ent[1:-1] if t.lower_ in ("'s", "\u2019s")]
        if len(cut) == 1 and cut[0] == ent.end - 2 and ent[-1].lower_ in heads and ent[-1].is_title:
            # "the Public Prosecutor's Office", "(Attorney) General's Office": an office named for its holder is
            # one body; ner may leave the first word of the title outside
            start = ent.start
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
                start -= 1
            out.append(Span(doc, start, ent.end, label="ORG"))
            continue
        if cut:
            out.append(Span(doc, ent.start, cut[0], label="ORG"))
            out.append(Span(doc, cut[0] + 1, ent.end, label="ORG"))
            continue
        # "Yitu, Hikvision": two names ner joined over a comma (not "Huawei Technologies Co., Ltd." nor a law
        # firm's "Robins, Kaplan, Miller and Ciresi, LLP", which end in a legal form)
        commas = [t.i for t in ent[1:-1] if t.text == "," and doc[t.i + 1].is_title and not _FORM_TAIL.match(doc[t.i + 1].text)]
        if commas and not _FORM_TAIL.match(ent[-1].text):
            bounds = [ent.start, *commas, ent.end]
            for a, b in zip(bounds, bounds[1:], strict=False):
                a = a + 1 if doc[a].text == "," else a
                if a < b:
                    out.append(Span(doc, a, b, label="ORG"))
            continue
        out.append(ent)
    return out


# nouns after a possessive that only a firm has: "Facebook's parent company Meta", "WhatsApp's owner"
_FIRM_RELATIONS = frozenset({"parent", "owner", "owners", "subsidiary", "subsidiaries", "shareholder", "shareholders",
                             "founder", "founders", "ceo", "investors", "investor", "spokesperson", "spokesman",
                             "spokeswoman", "employees", "staff", "executives", "lawyers", "headquarters"})


# nouns for a seller of goods that an apposition after them names ("another spyware provider, FinFisher")
_VENDOR_NOUNS = frozenset({"provider", "vendor", "maker", "developer", "supplier", "manufacturer", "seller"})


def _firm_by_its_relations(ent: Span) -> bool:
    """True where the words around a name say it is the firm, not its product: a possessive before a noun only a
    firm has ("Facebook\u2019s parent company Meta") or a slash to an organisation's name ("Gamma Group /
    FinFisher", the same firm under two names)."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ in ("'s", "\u2019s") and doc[ent.end + 1].lower_ in _FIRM_RELATIONS:
        return True
    if ent.end + 2 < len(doc) and doc[ent.end].lower_ == "and" and doc[ent.end + 1].lower_ == "its" \
            and any(t.lower_ in _FIRM_RELATIONS for t in doc[ent.end + 2 : ent.end + 6]):
        return True  # "FinFisher and its wholly owned subsidiary": the firm (issue 13 round 13)
    if ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].lemma_.casefold() in _VENDOR_NOUNS:
        return True  # "another spyware provider, FinFisher": the firm in apposition (issue 13 round 13)
    return ent.start >= 2 and doc[ent.start - 1].text == "/" and doc[ent.start - 2].ent_type_ == "ORG"


def _coordinated_with_org(ent: Span) -> bool:
    """True where the name is coordinated ("and", commas) with a name ner or the gazetteer called an organisation."""
    root = ent.root
    linked = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    return any(t.ent_type_ == "ORG" for t in linked)


def _partner_name(tok: Token, gazetteer: Gazetteer) -> bool:
    """A title-case proper noun that can be a partner's surname in a firm's name (not a country or place)."""
    return bool(tok.is_title and tok.pos_ == "PROPN" and tok.is_alpha and not gazetteer.country_code(tok.text)
                and not gazetteer.place_code(tok.text))


_FORM_TAIL = re.compile(r"(?i)^(?:ltd|llc|llp|inc|corp|co|plc|gmbh|ag|sa|pte|pvt|bhd|jsc|lp)\.?$")


def _people_in_lists_of_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """An ORG guess that is a plain two- or three-word name coordinated with a person ("Boris Livshits, Svetlana
    Skvortsova and Aleksey Ippolitov") is a person too."""
    people_roots = {e.root.i for e in ents if e.label_ == "PERSON"}
    if not people_roots:
        return ents
    out = []
    for e in ents:
        words = [t for t in e if not t.is_punct]
        plain = 2 <= len(words) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in words) and not any(
            t.lower_ in _ORG_WORDS or t.lower_ in _COMMERCIAL for t in words)
        linked = e.root.dep_ == "conj" and e.root.head.i in people_roots or any(
            c.dep_ == "conj" and c.i in people_roots for c in e.root.children)
        if e.label_ == "ORG" and plain and linked:
            out.append(Span(doc, e.start, e.end, label="PERSON", kb_id=e.kb_id_))
        else:
            out.append(e)
    return out


_BASED = frozenset({"based", "headquartered", "registered", "incorporated"})
_PLACE_NOUNS = frozenset({"county", "counties", "province", "provinces", "district", "districts", "prefecture"})
# nouns that say what the name right after them is: "the company WiSpear", "the law firm Leigh Day", "the magazine
# Inside Story" (an organisation); "journalist Thanasis Koukakis", "businessman Tal Dilian" (a person)
_ORG_TYPE_NOUNS = frozenset({"company", "firm", "vendor", "maker", "developer", "manufacturer", "startup", "start-up",
                             "conglomerate", "subsidiary", "supplier", "provider", "reseller", "distributor", "contractor",
                             "magazine", "newspaper", "outlet", "broadcaster", "website", "daily", "weekly", "agency",
                             "consortium", "organisation", "organization", "group", "nonprofit", "non-profit", "ngo",
                             "watchdog", "publication", "network", "bank", "lab", "laboratory", "operator", "carrier",
                             "telco", "integrator"})
# organisation nouns no state body is called by ("a Swiss firm"; not "agency", "group" or "network")
_FIRM_ONLY_NOUNS = frozenset({"company", "firm", "vendor", "maker", "developer", "manufacturer", "startup", "start-up",
                              "conglomerate", "subsidiary", "supplier", "reseller", "distributor", "contractor",
                              "provider", "operator", "carrier", "telco", "integrator"})
# (a trade's noun: "mobile operator X", "service provider X"; a state body is not called so: issue 13 round 18)
_PERSON_TYPE_NOUNS = frozenset({"journalist", "reporter", "activist", "dissident", "researcher", "businessman",
                                "businesswoman", "lawyer", "blogger", "politician", "opponent", "critic", "founder",
                                "executive", "spokesman", "spokeswoman", "spokesperson", "official", "minister", "leader",
                                "president", "investigator", "analyst", "director", "editor", "economist", "defender"})


# confidence of a name whose kind the text itself states ("Dahua is ... company", "whose company WiSpear", "a firm
# called Cytrox"); nlp.extract reads it to retype other one-word mentions of the same name in the document
TYPED_CONFIDENCE = 0.75
_COPULA_ORG_NOUNS = _ORG_TYPE_NOUNS | {"corporation", "giant", "maker", "manufacturer", "producer", "seller", "exporter"}


def _named_by_copula(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float], confidence: float) -> list[Span]:
    """The proper-noun subject of "is a ... firm/company/maker" is an organisation: "Circles is a surveillance
    firm" (a capitalised plural noun with "is" is a name too), "Dahua is the world's second largest surveillance
    technology company" (ner leaves it untagged or calls it a person); a country, agency or organisation mention
    stays as it is."""
    out = list(ents)
    for tok in doc:
        if tok.dep_ != "nsubj" or not tok.text[:1].isupper() or tok.head.lemma_ != "be":
            continue
        if tok.pos_ != "PROPN" and not (tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.head.lower_ in ("is", "was")):
            continue  # "Circles is a surveillance firm": a plural-looking subject of a singular verb is a name
        if not any(c.dep_ == "attr" and c.lemma_.casefold() in _COPULA_ORG_NOUNS for c in tok.head.children):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == tok.i:
            start -= 1
        hit = [e for e in out if e.start < tok.i + 1 and start < e.end]
        if any(e.label_ not in ("PERSON", "PRODUCT") for e in hit):
            continue
        for e in hit:
            out.remove(e)
        lo = min([start, *(e.start for e in hit)])
        hi = max([tok.i + 1, *(e.end for e in hit)])
        span = Span(doc, lo, hi, label="ORG", kb_id=name_key(doc[lo:hi].text))
        out.append(span)
        conf[(span.start_char, span.end_char)] = confidence
    return out


def _names_after_org_nouns(doc: Doc, taken: list[Span], conf: dict[tuple[int, int], float], confidence: float) -> list[Span]:
    """A run of title-case proper nouns that ner left untagged right after an organisation noun, or after
    "called"/"named" following one, is that organisation's name: "the Greek independent media outlet The Inside
    Story", "a less-well-known spyware firm called Cytrox"; so is an untagged proper noun whose apposition is
    such a noun ("Cytrox, a North Macedonia-based company")."""
    used = {t for e in taken for t in range(e.start, e.end)}
    out: list[Span] = []
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.i not in used and tok.text[:1].isupper() and (any(
                c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.casefold() in _ORG_TYPE_NOUNS for c in tok.children)
                or tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and tok.head.lemma_.casefold() in _ORG_TYPE_NOUNS
                and tok.i > 0 and doc[tok.i - 1].text == "," and tok.head.i < tok.i):
            # (also the name set off after the noun: "from a Chinese firm, DJI, through ...")
            start = tok.i  # "manufactured by Cytrox, a North Macedonia-based company": named by its apposition
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and start - 1 not in used:
                start -= 1
            span = Span(doc, start, tok.i + 1, label="ORG", kb_id=name_key(doc[start : tok.i + 1].text))
            out.append(span)
            conf[(span.start_char, span.end_char)] = confidence
            used.update(range(start, tok.i + 1))
            continue
        if tok.pos_ != "NOUN" or tok.lower_ not in _ORG_TYPE_NOUNS or tok.i in used:
            continue
        i = tok.i + 1
        if i < len(doc) and doc[i].lower_ in ("called", "named", "dubbed"):
            i += 1
        if i < len(doc) and doc[i].text == "The" and i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
            i += 1
        j = i
        while j < len(doc) and j not in used and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and doc[j].is_alpha:  # (title case, capitals or a firm's camel case: "the Israeli company PicSix")
            j += 1
        if j > i and (j >= len(doc) or j not in used):
            span = Span(doc, i, j, label="ORG", kb_id=name_key(doc[i:j].text))
            out.append(span)
            conf[(span.start_char, span.end_char)] = confidence
            used.update(range(i, j))
    return out


def _aliases_take_the_label(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name given as another name of an organisation is an organisation: "Candiru, also known as Saito Tech",
    "Nexa (formerly Amesys)", "NSO, which also goes by Q Cyber Technologies"."""
    out = list(ents)
    for e in ents:
        if e.label_ not in ("PERSON", "PRODUCT") or e.start < 2:
            continue
        cue = doc[e.start - 2 : e.start].text.lower()
        if not (cue.endswith(("known as", "goes by", "renamed")) or doc[e.start - 1].lower_ in ("formerly", "aka", "f/k/a")):
            continue
        # the organisation itself is given the other name, no noun between ("Hacking Team's lawful intercept tool
        # known as Da Vinci" names the tool: issue 13 round 7)
        before = [o for o in ents if o.end <= e.start - 1 and o.end >= e.start - 8 and o.label_ == "ORG"
                  and not any(t.pos_ in ("NOUN", "PROPN") for t in doc[o.end : e.start - 2] if not t.ent_type_)]
        if before:
            out[out.index(e)] = Span(doc, e.start, e.end, label="ORG", kb_id=name_key(e.text))
    return out


def _before_based(span: Span) -> bool:
    """The span names where a firm sits: the place of a "-based" compound ("Hampshire-based", "U.K-based"), of
    one written without its hyphen ("The California based US tech company"), after "based in" ("which is
    based in Wan Chai"), or before a word for an administrative area ("Orange and Osceola counties")."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text in ("-", "\u2010", "\u2011") and doc[span.end + 1].lower_ in _BASED:
        return True
    if span.end + 1 < len(doc) and doc[span.end].lower_ in _BASED and doc[span.end + 1].pos_ in ("NOUN", "PROPN", "ADJ") \
            and doc[span.end + 1].lower_ not in ("in", "on", "at", "out"):
        return True
    if span.end < len(doc) and doc[span.end].lower_ in _PLACE_NOUNS:
        return True  # "Orange and Osceola counties", "Kampala district"
    return span.start >= 2 and doc[span.start - 1].lower_ == "in" and doc[span.start - 2].lower_ in _BASED


def _typed_by_preceding_noun(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float],
                             gaz_conf: float) -> list[Span]:
    """A PERSON right after an organisation noun is an organisation ("whose company WiSpear", "the law firm Leigh
    Day", "the magazine Inside Story"); an ORG right after a person noun is a person ("journalist Thanasis
    Koukakis"). The noun must be a common noun directly before the name, outside any other mention, or the head
    of the name's apposition ("Eliza Triantafillou, a journalist at ..."). A name shaped like a state body's that
    the text calls a company ("Kestrel Intelligence, a Swiss firm") is an organisation there and wherever else the
    text uses it, unless the gazetteer knows it as a state body."""
    out = []
    firms: set[str] = set()  # names the text calls a company, a firm, a vendor ...
    for e in ents:
        prev = doc[e.start - 1] if e.start > 0 else None
        appos = [c for c in e.root.children if c.dep_ == "appos" and c.i >= e.end and c.pos_ == "NOUN"]
        if prev is not None and e.label_ == "PERSON" and prev.is_title and prev.lower_.rstrip(".") in RANKS | HONORIFICS:
            out.append(e)  # "Brigadier General Mohammad Baker, who serves as director of ..., the agency": the
            continue  # rank before the name says it is a person's, whatever the apposition's noun
        if (prev is None or prev.pos_ != "NOUN") and appos:
            prev = appos[0]  # "Eliza Triantafillou, a journalist at ...": the apposition says what the name is
        if e.label_ in ("ORG", "GOV_AGENCY") and prev is not None and prev.pos_ == "NOUN" and prev.ent_type_ == "" \
                and prev.lemma_.casefold() in _FIRM_ONLY_NOUNS:
            firms.add(e.text)
        if prev is not None and prev.pos_ == "NOUN" and prev.ent_type_ in ("", "VICTIM_GROUP") and e.label_ in ("PERSON", "ORG"):
            noun = prev.lower_
            if e.label_ == "PERSON" and (noun in _ORG_TYPE_NOUNS or prev.lemma_.casefold() in _ORG_TYPE_NOUNS):
                # ("news organizations Inside Story in Athens": a plural noun for the kind, by its lemma)
                out.append(Span(doc, e.start, e.end, label="ORG", kb_id=name_key(e.text)))
                conf[(e.start_char, e.end_char)] = TYPED_CONFIDENCE
                continue
            if e.label_ == "ORG" and (noun in _PERSON_TYPE_NOUNS or prev.lemma_.casefold() in _PERSON_TYPE_NOUNS) and not any(t.lower_ in _ORG_WORDS or t.lower_ in _COMMERCIAL
                                                                            for t in e) \
                    and conf.get((e.start_char, e.end_char)) != gaz_conf and e[0].lower_ not in _FIRM_OPENERS:
                # (not a firm the gazetteer knows, nor one a firm's word opens: "... and Grupo Tech Bull, the
                # director of ..." sets off the next person's title)
                out.append(Span(doc, e.start, e.end, label="PERSON", kb_id=name_key(e.text)))
                continue
        out.append(e)
    relabelled = []
    for e in out:
        if e.label_ in ("ORG", "GOV_AGENCY") and e.text in firms and conf.get((e.start_char, e.end_char), 0) < gaz_conf:
            # (typed: nlp.extract gives the name's other uses in the document, other paragraphs too, the same label)
            e = Span(doc, e.start, e.end, label="ORG", kb_id=e.kb_id_ if e.label_ == "ORG" else name_key(e.text))
            conf[(e.start_char, e.end_char)] = TYPED_CONFIDENCE
        relabelled.append(e)
    return relabelled


_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def _in_dateline(span: Span) -> bool:
    """A name inside the upper-case dateline that opens a text or paragraph before a dash ("YORKVILLE, WIS. --",
    "NEW DELHI, March 3 -"): the place and date of the report, no organisation."""
    doc = span.doc
    i = span.start
    while i > 0 and not doc[i - 1].is_space and "\n" not in doc[i - 1].whitespace_:
        if not (doc[i - 1].is_upper or doc[i - 1].text in (",", ".") or doc[i - 1].is_digit):
            return False
        i -= 1
    j = span.end
    while j < len(doc) and j - span.end < 8 and doc[j].text not in _DASHES:
        if not (doc[j].is_upper or doc[j].text in (",", ".") or doc[j].is_digit or doc[j].is_title and doc[j - 1].text == ","):
            return False
        j += 1
    return j < len(doc) and doc[j].text in _DASHES and span.text.isupper() and any(
        t.is_upper and len(t.text) >= 3 for t in doc[i:j])


def _opening_common_word(span: Span) -> bool:
    """A sentence's capitalised first word that is a common English word and qualifies the lower-case noun after
    it ("Digital rights activist ..."): the capital is the sentence's, no organisation's name."""
    doc = span.doc
    if len(span) != 1 or not span[0].is_sent_start or not span[0].is_title or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.is_lower and nxt.is_alpha and nxt.pos_ in ("NOUN", "ADJ") \
        and zipf_frequency(span.text.lower(), "en") >= 4.0


def _ends_in_preposition(span: Span) -> bool:
    """A title-case run cut before its end at a preposition ("the Security Equipment Under Grant Assistance
    project" read as "Security Equipment Under"): a piece of a title, no organisation's name."""
    return len(span) > 1 and span[-1].pos_ == "ADP" and span[-1].is_title and span[-1].lower_ in (
        "under", "for", "of", "with", "on", "to", "in", "at", "by", "from")


def _initials_of(abbr: str, name: str) -> bool:
    """True when ``abbr`` is the initials of the last words of ``name`` in order ("MBZ" of "Crown Prince Mohammed
    Bin-Zayed")."""
    letters = "".join(w[0] for w in re.split(r"[\s-]+", name) if w).upper()
    return letters.endswith(abbr[-1]) and (lambda it: all(c in it for c in abbr))(iter(letters))


def _people_by_initials(doc: Doc, ents: list[Span]) -> list[Span]:
    """Initials in brackets right after a person's name ("Mohammed Bin-Zayed (MBZ)") are that person, at each use:
    a PERSON, not an organisation's acronym."""
    initials = {doc[e.end + 1].text for e in ents if e.label_ == "PERSON" and e.end + 2 < len(doc)
                and doc[e.end].text == "(" and doc[e.end + 2].text == ")" and doc[e.end + 1].is_upper
                and doc[e.end + 1].is_alpha and 2 <= len(doc[e.end + 1].text) <= 4
                and _initials_of(doc[e.end + 1].text, e.text)}
    if not initials:
        return ents
    return [Span(doc, e.start, e.end, label="PERSON", kb_id=e.kb_id_) if e.label_ == "ORG" and e.text in initials
            else e for e in ents]


def _dateline(span: Span) -> bool:
    """An upper-case place at the start of a paragraph followed by a comma or an en or em dash, as press releases
    date their place ("WASHINGTON –", "WASHINGTON, D.C. –")."""
    doc = span.doc
    at_start = span.start == 0 or doc[span.start - 1].is_space
    nxt = doc[span.end].text if span.end < len(doc) else ""
    return at_start and span.text.isupper() and len(span.text) > 3 and nxt in (",", "\u2013", "\u2014", "--")


def _in_official_title(span: Span) -> bool:
    """A name that is the rest of an official's title ("Secretary of Commerce for Industry and Security",
    "Under Secretary of the Treasury for Terrorism and Financial Intelligence", "Communist Party Secretary"):
    the office holder's title, not a party."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in _TITLE_WORDS:
        return True
    i = span.start - 1
    if i < 0 or doc[i].lower_ not in ("of", "for"):
        return False
    for j in range(i - 1, max(i - 6, -1), -1):
        if doc[j].lower_ in _TITLE_WORDS:
            return True
        if not (doc[j].is_title or doc[j].lower_ in ("of", "the", "for")):
            return False
    return False


def _hyphen_joined(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
    """A firm's or product's name goes on over a hyphen glued to a capitalised word on either side ("Pen-Link",
    where ner saw "Pen" or "Link"); a hyphen with spaces, or lower case after it ("NSO-linked"), ends it."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    out: list[Span] = []
    for e in ents:
        end = e.end
        while e.label_ in ("ORG", "PRODUCT") and end + 1 < len(doc) and doc[end].text == "-" \
                and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_title \
                and doc[end + 1].is_alpha and end + 1 not in taken:
            end += 2
        start = e.start
        while e.label_ in ("ORG", "PRODUCT") and start >= 2 and doc[start - 1].text == "-" \
                and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_ and doc[start - 2].is_title \
                and doc[start - 2].is_alpha and start - 2 not in taken:
            start -= 2  # "Pen-Link", where ner saw "Link"
        if e.label_ == "ORG" and start >= 4 and doc[start - 2].text in _IZAFE and doc[start - 1].text == "-" \
                and doc[start - 3].text == "-" and doc[start - 4].is_title and doc[start - 4].is_alpha \
                and not any(doc[k].whitespace_ for k in range(start - 4, start)) and start - 4 not in taken:
            start -= 4  # "Lashkar-e-Taiba", "Jaish-e-Mohammed", "Hizb-ul-Mujahideen": one name over its linking word
        if end > e.end or start < e.start:
            span = Span(doc, start, end, label=e.label_, kb_id=name_key(doc[start:end].text))
            conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), TYPED_CONFIDENCE)
            out.append(span)
        else:
            out.append(e)
    return out


# the linking words of Urdu, Persian and Arabic names written with hyphens ("Lashkar-e-Taiba", "Tehreek-e-Insaf",
# "Hizb-ul-Mujahideen")
_IZAFE = frozenset({"e", "i", "ul", "al", "ud", "ut"})
_JURISDICTION_WORDS = frozenset({"City", "County", "Municipality", "Province", "State", "Republic", "Region"})


# the head words of a city's, province's or state's own body, as word sequences (lower case; "'s" normalised),
# and whether a title-case head of two or more words may follow a name the tables do not know
_LOCAL_HEADS: tuple[tuple[str, ...], ...] = (
    ("county", "sheriff's", "office"), ("sheriff's", "office"), ("city", "police", "department"),
    ("police", "department"), ("police", "force"), ("police", "service"), ("police", "headquarters"),
    ("city", "police"), ("police",),
    ("city", "council"), ("town", "council"), ("county", "council"), ("county", "board"), ("municipal", "corporation"), ("municipality",), ("cabinet",))
_LOCAL_HEAD_STARTS = frozenset(h[0] for h in _LOCAL_HEADS)
_POLICE_KINDS = frozenset(w.casefold() for words in common.word_sections("police_kinds.txt").values()
                          for w in words)
# nouns of people or places after a police head word that make it their modifier
_PERSON_NOUNS = frozenset({"officer", "officers", "official", "officials", "chief", "commissioner", "station",
                           "stations", "personnel", "constable", "constables", "spokesperson", "spokesman", "sources"})


# the last words of a state body's name whose initials follow it in brackets (see _bracketed_authorities)
_AUTHORITY_HEADS = frozenset({"Authority", "Agency", "Commission", "Directorate", "Department", "Bureau", "Ministry"})
# a council is the state's with one of these words in its name ("National Security Council", "Supreme Council")
_STATE_COUNCIL_WORDS = frozenset({"national", "security", "state", "supreme", "ministers", "city", "county",
                                  "municipal", "federal", "provincial", "regional", "district", "town"})
_FIRM_WORDS_STRICT = frozenset({"ltd", "ltd.", "limited", "inc", "inc.", "llc", "plc", "company", "co", "co.",
                                "corporation", "corp", "corp.", "group", "holdings", "gmbh", "technologies", "solutions",
                                "systems", "labs", "ventures", "partners", "consulting"})


def _initials_fit(abbr: str, words: list[str]) -> bool:
    """True when the letters of ``abbr`` are the initials of the name's ``words`` in order, starting with the
    first ("MVCPA" for "Motor Vehicle Crime Prevention Authority"), at most two significant words going without a
    letter, or the name's initials are the acronym's letters in order, one letter more at most ("NADRA" for
    "National Database and Registration Authority")."""
    significant = acronym(" ".join(words))
    every = "".join(w[0].upper() for w in words if w[:1].isalpha())
    it, back = iter(every), iter(abbr)
    return abbr[:1] == every[:1] and (len(abbr) >= max(2, len(significant) - 2) and all(c in it for c in abbr)
                                      or len(abbr) <= len(significant) + 1 and all(c in back for c in significant))


def _person_after_agency(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
    """A person's name run into a ministry's or department's name after it ("Special Assistant on Ministry of Posts,
    Telecommunications and Information Technology Faiz Ahmad Taiyeb"): two to four title-case words at the end, the
    first a rare word in English text and after a common one ("Technology"), are the person, cut off the body
    (ner's merge of a title and a name)."""
    out: list[Span] = []
    for e in ents:
        if e.label_ == "GOV_AGENCY" and len(e) >= 5 and e[0].text in ("Ministry", "Department", "Directorate") \
                and e[1].lower_ in ("of", "for"):
            link = max(t.i for t in e if t.lower_ in ("of", "for", "and", ","))
            k = next((t.i for t in doc[link + 2 : e.end] if zipf_frequency(t.lower_, "en") < 3.0), e.end)
            if 2 <= e.end - k <= 4 and all(t.is_title and t.is_alpha for t in doc[k : e.end]) \
                    and zipf_frequency(doc[k - 1].lower_, "en") >= 4.0:
                body = Span(doc, e.start, k, label="GOV_AGENCY", kb_id=name_key(doc[e.start : k].text))
                person = Span(doc, k, e.end, label="PERSON", kb_id=name_key(doc[k : e.end].text))
                for sp in (body, person):
                    conf[(sp.start_char, sp.end_char)] = conf.get((e.start_char, e.end_char), TYPED_CONFIDENCE)
                out += [body, person]
                continue
        out.append(e)
    return out


def _person_run(doc: Doc, i: int) -> int:
    """The end of a person's name of two to four title-case words starting at ``doc[i]``, the first a rare word in
    English text ("Qadeer Jah Tarzai"; not "Smart Boat"), with no title-case word after; 0 when there is none."""
    j = i
    while j < len(doc) and j - i < 5 and doc[j].is_title and doc[j].is_alpha:
        j += 1
    if 2 <= j - i <= 4 and zipf_frequency(doc[i].lower_, "en") < 3.0:
        return j
    return 0


def _local_head(doc: Doc, i: int) -> tuple[int | None, bool]:
    """The end of a local body's head word(s) starting at ``doc[i]`` and whether they are title case and more than
    one word (or "Municipality"), which lets an unknown name before them be the place."""
    for head in _LOCAL_HEADS:
        words: list[str] = []
        j = i
        while j < len(doc) and len(words) < len(head):
            t = doc[j].text.replace("\u2019", "'")
            if t == "'s" and words:
                words[-1] += t
            else:
                words.append(t.casefold())
            j += 1
            if words and words[-1] != head[len(words) - 1][: len(words[-1])]:
                break
            if j < len(doc) and doc[j].text.replace("\u2019", "'") == "'s" and len(words) == len(head):
                words[-1] += "'s"
                j += 1
        if tuple(words) == head:
            title = all(doc[k].is_title or doc[k].text in ("'s", "\u2019s") for k in range(i, j))
            return j, title and (len(head) > 1 or head == ("municipality",)) and head[0] != "city" or (
                title and head[0] == "city" and len(head) > 2)
    return None, False


def _police_kinds() -> frozenset[str]:
    """The words of nlp/data/police_kinds.txt (lower case): kinds of police, never a force's name."""
    return _POLICE_KINDS


def _place_word(tok: Token) -> bool:
    """A word of a place's name: title case or a hyphen inside one ("North Rhine-Westphalia"), or a short form in
    capitals ("UP", "KP")."""
    return tok.is_title and tok.text[:1].isalpha() and tok.lower_ not in ("the", "a", "an", "and", "of") \
        or tok.text == "-" or tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 3


def _ascii_fold_text(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _city_of_body(doc: Doc, ents: list[Span], conf: dict[tuple[int, int], float]) -> list[Span]:
    """"the City of Buenos Aires Government": "City of" before a government body whose name a place opens is part
    of that body's name (ner had made "City" a firm of its own)."""
    out: list[Span] = []
    drop: set[int] = set()
    for e in ents:
        i = e.start
        if e.label_ == "GOV_AGENCY" and i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].text in _JURISDICTION_WORDS \
                and not any(o.start < i - 1 and o.end > i - 2 and o.label_ != "ORG" for o in ents):
            drop |= {o.start for o in ents if o.start == i - 2 and o.end == i - 1 and o.label_ == "ORG"}
            span = Span(doc, i - 2, e.end, label="GOV_AGENCY", kb_id=name_key(doc[i - 2 : e.end].text))
            conf[(span.start_char, span.end_char)] = conf.get((e.start_char, e.end_char), TYPED_CONFIDENCE)
            out.append(span)
        else:
            out.append(e)
    return [e for e in out if not (e.start in drop and e.label_ == "ORG" and len(e) == 1)]


def _heading_words(span: Span) -> bool:
    """A title-case phrase that is a heading or a document's title, not a name ("Guiding Principles on Government
    Use", "Poses Risks to National Security"): it holds "to"/"on"/"that", a possessive pronoun ("Their"), or starts
    with a verb."""
    if len(span) > 2 and span[0].lower_ in _CAUSE_HEADS and span[1].lower_ in ("to", "for", "on"):
        return False  # "the Committee to Protect Journalists", "Campaign to Stop Killer Robots": a body's name
    last = span[-1].lower_.strip(".,")
    if len(span) >= 5 and _alone_on_its_line(span) and last not in _ORG_WORDS | _COMMERCIAL | _STATE_HEADS \
            and (last,) not in legal_forms():
        return True  # "Section 5. Governmental Attitude Regarding International and Nongovernmental Investigation
        # of Alleged Violations of Human Rights": a long title-case line of its own is a heading
    return any(t.lower_ in ("to", "on", "that", "which") or t.tag_ == "PRP$" for t in span) \
        or span[0].tag_ in ("VB", "VBZ", "VBP", "VBG")  # ("Spy Tech Companies & Their Authoritarian Customers")


_NUMBERING = re.compile(r"(?:(?:section|part|chapter|article|annex)\s+)?(?:[0-9]+|[ivxlc]+|[a-z])?[.:)]?\s*", re.I)


def _alone_on_its_line(span: Span) -> bool:
    """True when ``span`` fills its line, after at most a numbering ("Section 5.", "2.", "(b)"), with no full stop."""
    text = span.doc.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    end = len(text) if end < 0 else end
    return bool(_NUMBERING.fullmatch(text[start : span.start_char].strip("( "))) and not text[span.end_char : end].strip()


_CAUSE_HEADS = frozenset({"committee", "campaign", "coalition", "alliance", "center", "centre", "fund", "foundation",
                          "movement", "network", "council", "association", "society", "project", "initiative"})


_DOCUMENT_HEADS = frozenset({"list", "lists", "act", "regulations", "regulation", "rule", "rules", "order", "program",
                             "programme", "report", "guidance", "policy", "law", "code", "memorandum", "directive"})


def _starts_document_name(span: Span) -> bool:
    """A name that only begins the title-case name of a list, law or document: "the Commerce Control List",
    "Commerce Control List (CCL)-based", "National Security Presidential Memorandum-2" (the body or phrase is part
    of the document's name, not a party of the sentence). An acronym before a list stays its owner's mention
    ("the BIS Entity List", "OFAC's SDN List")."""
    if span.text.isupper():
        return False
    doc = span.doc
    j = span.end
    while j < len(doc) and j < span.end + 3 and (doc[j].is_title or doc[j].is_upper) and doc[j].text[:1].isalpha():
        if doc[j].lower_.split("-")[0] in _DOCUMENT_HEADS:  # "Memorandum-2", "Order 13382"
            return True
        if not doc[j].is_alpha:
            break
        j += 1
    return False


def _bare_head_word(span: Span) -> bool:
    """A lone capitalised head word ("the Department's", "the Bureau", "the Company"): a reference back to a body
    named before, not a name of its own."""
    word = span[0].lower_
    return len(span) == 1 and word not in _ONE_WORD_BODIES and word in _STATE_HEADS | _SHARED_HEADS | _DOCUMENT_HEADS | {
        "company", "firm", "group", "agency", "state"}  # ("the Regulations": the EAR named by its head word)  # "the Treasury", "the Kremlin" name their body alone


_ABSTRACT_ENDINGS = ("ance", "ence", "tion", "sion", "ment")
# plural heads of firms' and bodies' names ("General Motors", "Texas Instruments", "United Nations")
_NAME_PLURALS = frozenset({"nations", "states", "emirates", "airways", "motors", "brothers", "mills", "foods",
                           "resources", "dynamics", "materials", "instruments", "devices", "pharmaceuticals", "stores",
                           "markets", "tools", "works", "sciences", "studios", "games", "media", "arts", "forces",
                           "guards", "rights", "borders", "friends", "doctors", "reporters", "citizens", "eyes"})


def _capitalised_common_nouns(span: Span) -> bool:
    """A capitalised common English word ner took for a name, no word of a body's, firm's or newsroom's name, inside
    a sentence: a plural noun after "the" ("help the Ships") or a lone abstract noun ("Surveillance"). A capital for
    emphasis, not a name; a plural without "the" may be a firm's name ("Circles"), and two-word plurals ("Shore
    Stations") are left alone: on the dev set they took real names too."""
    words = list(span)
    if len(words) != 1 or span[0].is_sent_start or not all(t.is_alpha and t.is_title for t in words) \
            or any(t.lower_ in _ORG_WORDS | _STATE_HEADS | _SHARED_HEADS | _COMMERCIAL | _NEWS_HEADS | _NAME_PLURALS
                   for t in words) \
            or not all(zipf_frequency(t.lower_, "en") >= 3.5 for t in words):
        return False
    last = words[-1].lower_
    if last.endswith(_ABSTRACT_ENDINGS):
        return True
    if span.start == 0 or span.doc[span.start - 1].lower_ != "the":
        return False  # ("Circles", a firm; "the Ships")
    return last.endswith("s") and not last.endswith("ss") and zipf_frequency(last[:-1], "en") >= 3.5


# verbs that open the second half of a report's or article's title ("... to Search Mobile Phones")
_TITLE_VERBS = frozenset({"search", "protect", "track", "spy", "monitor", "hack", "surveil", "target", "watch", "sell",
                          "buy", "export", "stop", "end", "curb", "ban", "fight", "prevent", "help", "identify"})


def _in_title_run(span: Span) -> bool:
    """A span inside a longer title-case run that is a heading or a document's title ("the Guiding Principles on
    Government Use of Surveillance Technologies"): the run, joined over "of"/"for"/"and"/"on"/"to", holds "on" or
    "to" before a verb ("The Widespread Power of U.S. Law Enforcement to Search Mobile Phones")."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and (doc[start - 1].is_title or (doc[start - 1].lower_ in ("of", "for", "and", "on")
                                                     and start > 1 and doc[start - 2].is_title)):
        start -= 1
    while end < len(doc) - 1 and doc[end].lower_ in ("of", "for", "and", "on", "to") and (
            doc[end + 1].is_title or doc[end + 1].is_upper and len(doc[end + 1]) > 1) \
            and doc[end + 1].ent_type_ != "DATE":  # "... Inc. on Monday": a date, not a title's words
        end += 2
        while end < len(doc) and (doc[end].is_title or doc[end].is_upper and len(doc[end]) > 1):
            end += 1
    run = doc[start:end]
    # "The Widespread Power of U.S. Law Enforcement to Search Mobile Phones": "to" and a capitalised verb
    infinitive = any(t.lower_ == "to" and t.i + 1 < end and (doc[t.i + 1].tag_ == "VB" or doc[t.i + 1].is_title and (
        doc[t.i + 1].pos_ == "VERB" or doc[t.i + 1].lemma_.casefold() in _TITLE_VERBS)) for t in run)
    return len(run) > len(span) and (any(t.lower_ == "on" for t in run) or infinitive) \
        and not any(t.lower_ in ("on", "to") for t in span)


def _extends(ent: Span, start: int, end: int) -> bool:
    """True when ``ent`` begins with the token range [start, end) and goes on past it."""
    return ent.start == start and ent.end > end


def _ends_with_of_place(ent: Span, start: int, end: int) -> bool:
    """True when ``ent`` ends with the place [start, end) after "of": "Parliament of Catalonia" is a body named
    for its region, the region no mention of its own."""
    return ent.end == end and start - 1 > ent.start and ent.doc[start - 1].lower_ == "of"


def _looks_like_org(span: Span) -> bool:
    """An unknown GPE that is a single proper noun and a subject or object of a verb ("Cytrox sold...") or the
    object of a party noun ("a customer of Cytrox")."""
    if len(span) != 1:
        return False
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and root.head.pos_ == "VERB":
        return True
    # "a customer of Cytrox", "a subsidiary of Cytrox": the object of a party noun is a party
    return root.dep_ == "pobj" and root.head.head.lemma_.casefold() in _PARTY_NOUNS | {
        "customer", "client", "buyer", "subsidiary", "affiliate", "parent", "partner", "owner", "unit"}

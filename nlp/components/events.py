"""``redflag_events``: events and relations from the dependency parse, the entities and the cues.

For each sentence, trigger words (lemmas in ``nlp/data/event_triggers.json``) are found; every mention in the
sentence is attached to a trigger by walking up the parse (stopping at another verb), which gives the syntactic
slot (subject, object, passive agent, the preposition that introduces it). Slots map to roles per event type:
for a seller verb ("sold", "supplied") the subject is the supplier and "to" introduces the recipient; for a
buyer verb ("bought", "procured") the subject is the recipient and "from" the supplier; "through"/"via" and
intermediary words ("its reseller X") give ``via``. Hedge cues in the sentence mark the event hedged (lower
confidence); a negation of the trigger or a denial verb above it marks it negated.

Events are stored as plain data in ``doc._.redflag_events`` (character offsets), so they survive
``nlp.pipe(n_process=...)``; ``doc._.redflag_makers`` holds the firm named as the maker or owner of each named
product ("NSO Group's Pegasus", "Pegasus, developed by NSO Group"), with which the extractor names the supplier of
a later sale or use of that product in the same document ("Pegasus is only sold to governments").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp.components.abuse_actors import named_members, plural_state_actor, vendor_home
from nlp.components.abuse_attribution import attributed_party
from nlp.components.common import (
    ITEM_LABELS,
    PARTY_LABELS,
    RELATION_NOUNS,
    STAFF_NOUNS,
    TOOL_NOUNS,
    USE_NOUNS,
    USE_VERBS,
    add_sentence_dates,
    aux_spans,
    event_triggers,
    list_end,
    supply_event,
    word_sections,
)
from nlp.components.common import item_role as _item_role
from nlp.components.contract_parties import (
    buyer_announced_before,
    buyer_in_main_clause,
    call_off_parties,
    deal_maker_before,
    described_body,
    end_user_named,
    firm_of_lone_deal,
    firm_taken_on,
    names_description,
    work_awarded,
)
from nlp.components.contract_wordings import contract_wording_supplies
from nlp.components.deal_wording import giver_of_nominal, maker_participle_supplies, said_beside_denial
from nlp.components.document_parties import kinds_differ
from nlp.components.enumerations import listed_parties
from nlp.components.funding import funding_supplies
from nlp.components.hedging import asked_only
from nlp.components.implied_supply import funder as _funder
from nlp.components.implied_supply import implied_supplies, verb_read_as_adjective
from nlp.components.intermediaries import through_intermediaries
from nlp.components.licences import (
    PERMIT_WORDS,
    RECEIVING_VERBS,
    licence_received,
    licence_refused,
    licensed_dealing,
)
from nlp.components.list_status import list_status_events
from nlp.components.listed_later import listing_window
from nlp.components.made_for import made_for_supplies
from nlp.components.made_in import made_in_supplies
from nlp.components.named_later import (
    MINISTRY_OF_POST,
    after_unnamed_subject,
    deal_binding,
    firm_named,
    ministry_of_minister,
    named_in_sentence,
    unnamed_seller,
)
from nlp.components.partnerships import partnership_supplies
from nlp.components.place_recipients import place_supplies, won_place_supplies
from nlp.components.private_buyers import another_sale, without_state_buyer
from nlp.components.salience import salient_firm
from nlp.components.supply_pairs import MODES, PairScorer, candidates, scored_supplies
from nlp.components.supply_precision import hands_over_no_goods
from nlp.components.supply_roles import date_in_dateline
from nlp.components.tenders import calls_for_goods, tender_supplies
from nlp.components.unnamed_tool_use import (
    opening_tool_maker,
    tool_made_by,
    unnamed_tool_supplies,
    unnamed_tool_used,
)
from nlp.gazetteer import is_newsroom, observer_keys, outlet_shaped, vendor_rows
from nlp.normalize import name_key

# the roles of the parties of a supply: a body of nlp/data/observers.tsv is never one of them (:meth:`Event.add`)
_PARTY_ROLES = frozenset({"supplier", "recipient", "via"})
_DENIAL_LEMMAS = {"deny", "reject", "refute", "dispute", "dismiss"}
# subordinators of a clause a negation of the main clause does not reach: a reason, or a time ("after", "before")
_OWN_CLAUSE_MARKS = frozenset({"because", "since", "after", "before", "once"})
# verbs of confirming: not confirming, or refusing to confirm, a sale leaves it reported (hedged), not denied
_CONFIRM_LEMMAS = {"confirm", "acknowledge", "disclose", "comment", "verify"}
_REFUSE_LEMMAS = {"refuse", "decline"}
_STOP_POS = {"VERB", "AUX"}
_CLAUSE_DEPS = {"conj", "xcomp", "advcl", "ccomp", "relcl", "acl", "pcomp", "csubj"}
# nouns that stand for the company named just before ("The company also delivered ...")
_ANAPHOR_NOUNS = {"company", "firm", "vendor", "manufacturer", "maker", "outfit", "giant", "supplier", "developer", "business", "exporter", "group",
                  "companies", "firms", "entities", "entity"}
# agent nouns of a supply: the noun names one party, its possessor or "of"/"to" phrase the other
_BUYER_AGENTS = {"customer", "client", "buyer", "user", "purchaser"}
_SELLER_AGENTS = {"supplier", "vendor", "seller", "provider"}
_DEAL_NOUNS = {"contract", "deal", "agreement", "business", "dealings", "tender", "memorandum", "mou"}  # "had never done business with Sudan"
_SPEECH_VERBS = {"say", "tell", "claim", "state", "insist", "confirm", "announce", "deny", "argue", "maintain",
                 "acknowledge", "admit", "explain", "add", "note", "write", "assert", "stress"}
# "X is working with Y to install ...", "X turned to Y to build ...": the verb and the preposition of the partner
_WITH_VERBS = {"work": "with", "partner": "with", "team": "with", "cooperate": "with", "collaborate": "with",
               "turn": "to", "contract": "with", "agree": "with"}  # ("had contracted with the government to provide")
_TIE_NOUNS = {"relationship", "relation", "tie"}
_AWARD_VERBS = {"award", "give", "grant", "sign"}  # the subject of "awarded a contract to X" is the buyer
_WIN_VERBS = {"win", "secure", "land", "obtain", "receive", "get", "bag", "clinch", "bagg"}  # ("bagg": the model's lemma of "bagged")
# words that make unnamed goods surveillance goods ("mobile phone surveillance technology", "spy equipment"): with a
# named buyer, a purchase said even where the seller is not named
_SURVEILLANCE_WORDS = {"surveillance", "spy", "spyware", "interception", "intercept", "monitoring", "hacking",
                       "tracking", "wiretapping", "eavesdropping"}
# nouns for a part of a state body ("a branch of the Bangladeshi Police")
_UNIT_NOUNS = {"branch", "unit", "wing", "division", "arm", "cell", "department", "section", "squad"}
# nouns of a text whose author a name before them gives ("an ABC report", "a Haaretz investigation")
_REPORT_NOUNS = {"report", "article", "investigation", "story", "documentary", "analysis", "survey", "study",
                 "reporting", "editorial", "interview", "podcast"}
_CENSORING_VERBS = {"block", "filter", "censor", "intercept", "surveil"}  # what help to do supplies, besides abuse
_HELP_VERBS = {"help", "assist", "aid", "support"}
# a firm "selected/chosen/hired by" a state body (passive), where goods or their purchase are said: its supplier
_SELECTING_VERBS = {"select", "choose", "pick", "hire", "engage", "appoint", "shortlist", "contract"}
_GIFT_NOUNS = {"gift", "donation", "grant"}  # what is given: who it is "from" gave it, a state too  # "X helped Y with a ... system": X supplied it to Y
_SIGNING_VERBS = {"sign", "ink", "conclude", "enter", "finalize", "finalise", "seal"}
# verbs of looking into a deal from outside ("hired a lawyer to review the contract with X", "auditors examined
# the deal with X"): whoever reviews, audits or investigates a contract is no party to it, so the deal rule reads
# no supply for the subject (issue 13 round 16; a canceller stays a party: only a party cancels its contract)
_SCRUTINY_VERBS = {"review", "examine", "investigate", "probe", "audit", "scrutinize", "scrutinise", "inspect",
                   "study", "analyze", "analyse", "assess", "evaluate", "question", "challenge", "criticize",
                   "criticise", "check", "vet", "reexamine", "re-examine", "revisit"}
# participles of the one who puts a tender or contract out: "won the tender floated by the BTRC"
_ISSUING_VERBS = {"float", "issue", "call", "launch", "announce", "open", "publish", "award", "invite"}
_AGENT_AND_SUPPLY_NOUNS = {"customer", "client", "buyer", "supplier", "vendor", "seller", "provider", "sale", "sales",
                           "export", "delivery", "shipment", "contract", "deal"}
_STAFF_NOUNS = STAFF_NOUNS
_NAMING_VERBS = {"call", "name", "know", "dub"}
# seller verbs whose subject may be the operator instead: "the Serbian government is installing Huawei cameras" (a
# state body installing a firm's tool got it from the firm; "Huawei installed cameras" stays Huawei's supply)
_INSTALL_VERBS = {"install", "instal"}  # "instal": the model's lemma of "installed"
_TOOL_NOUNS = set(TOOL_NOUNS)  # (common.TOOL_NOUNS, shared with made_for)
_MAKER_VERBS = {"produce", "make", "develop", "manufacture", "build", "design", "create", "sell", "supply", "market",
                "write", "program", "programme"}  # "a spyware suite, written by FinFisher GmbH"
# nouns a sentence uses to refer back to goods just bought ("The software was developed by ..."), and the
# confidence of a sale completed with the maker that next sentence names (below a sale said in one sentence)
_GOODS_NOUNS = {"software", "system", "tool", "technology", "equipment", "platform", "spyware", "camera", "device",
                "product", "solution", "application", "app", "program", "programme", "suite", "malware", "drone",
                "package"}  # ("acquired the X package": the vendor's bundle of tools, round 19)
MAKER_NEXT_SENTENCE_CONFIDENCE = 0.6
# "The project ... will be executed by Larsen & Toubro": who carries out a project just agreed supplies it
_CARRYING_OUT_VERBS = {"execute", "implement", "carry", "undertake", "install", "deliver", "provide", "supply"}
_PROJECT_NOUNS = {"project", "contract", "work", "works", "installation", "scheme"}
# what a company buys when it takes over (part of) another one, not goods
_FIRM_NOUNS = {"company", "firm", "vendor", "manufacturer", "maker", "outfit", "supplier", "developer", "business",
               "exporter", "companies", "firms"}
# nouns of an unnamed firm: a country adjective on them says where a partner firm is from ("teamed up with a
# Russian contractor"), and "the government" after them is not that country's (a sale "to a Russian conglomerate"
# still names Russia as the destination: tests/nlp/test_supply_news_phrasing.py)
_PARTNER_NOUNS = _FIRM_NOUNS | _ANAPHOR_NOUNS | {"contractor", "subcontractor", "startup", "start-up", "provider",
                                                 "integrator", "corporation", "conglomerate", "distributor",
                                                 "reseller", "operator", "partner"}
_HOLDING_NOUNS = {"asset", "assets", "stake", "share", "shares", "stock", "business", "division", "subsidiary", "interest"}
_MODIFIER_DEPS = {"amod", "compound", "npadvmod", "nmod", "nummod"}
# the value of "the company"/"it" opening a paragraph with no organisation named before it in the paragraph: the
# extractor, which sees the whole document, replaces it with the last firm of the previous paragraph
PREVIOUS_PARAGRAPH_ORG = "\x00previous-paragraph-org"
# a supply party read from a possessive pronoun ("among their customers were ...", "its clients include ...") is
# less sure than one named: the event's confidence is multiplied by this
PRONOUN_PARTY_FACTOR = 0.9
# the value (then ":" and the word: "they", "government", "ministry") of a subject "they" or a bare "the ministry"
# opening a paragraph with no party named before it: the extractor replaces it with the state body an earlier
# paragraph has as its main subject (doc._.redflag_state_topic) when the word fits it, and gives supplies that take
# a party from an earlier paragraph this confidence (below a link inside one paragraph)
PREVIOUS_PARAGRAPH_STATE = "\x00previous-paragraph-state"
PREVIOUS_PARAGRAPH_CONFIDENCE = 0.5
# an abuse actor taken from the report's attribution in another sentence ("The attacker may be the X Agency")
ATTRIBUTED_ACTOR_FACTOR = 0.8
# a description of a state body opening a paragraph ("the sheriff's office bought ..."), valued
# f"{PREVIOUS_PARAGRAPH_BODY}:{its words}": the extractor puts in the body an earlier paragraph is about when its
# name ends with those words, else drops the role (it starts with PREVIOUS_PARAGRAPH_STATE: a placeholder all the same)
PREVIOUS_PARAGRAPH_BODY = PREVIOUS_PARAGRAPH_STATE + "-body"
# nouns of a state's leave for an act, whose owner is no party to it ("with the permission of the government")
_PERMISSION_NOUNS = frozenset({"permission", "approval", "consent", "blessing", "knowledge", "acquiescence"})
# nouns of information, not goods: "offers a snapshot of ...", "provided an analysis to ..." is no supply
_INFORMATION_NOUNS = {"snapshot", "report", "analysis", "overview", "insight", "glimpse", "look", "summary", "account",
                      "assessment", "perspective", "update", "explanation", "comment", "advice", "guidance", "briefing",
                      "review", "roundup", "picture", "view", "opinion", "testimony", "statement", "interview",
                      "record", "records", "document", "documents", "contract", "contracts", "copy", "copies",
                      "bulletin", "details", "information", "answer", "answers", "response", "responses", "comments",
                      "congratulations", "congratulation", "condolences", "condolence", "thanks", "apology", "apologies", "reassurance", "assurances",
                      "evidence", "proof", "indication", "indications"}  # ("provided evidence that ...")
# nouns whose infinitive complement is done by the noun's owner or by the subject of the verb that has the noun:
# "X engaged in a conspiracy to export ...", "efforts by front companies to transship ...", "X's scheme to procure"
_PLAN_NOUNS = {"conspiracy", "scheme", "plan", "effort", "attempt", "bid", "operation", "campaign", "network",
               "agreement", "arrangement", "venture", "strategy", "program", "programme", "proposal", "request",
               "decision"}
# plan nouns whose "of"/"for" object carries out the infinitive, as government-purchase committees word their
# approvals: "approved a proposal for the Armed Forces Division (AFD) to procure ... from ...", "a proposal of the
# Trading Corporation of Bangladesh (TCB) to import ... from ..." (newagebd.net, observerbd.com)
_PROPOSAL_NOUNS = {"proposal", "request", "plan", "decision", "bid"}
# nouns of purpose after "for": "transferred to Russia for use in its war against Ukraine" names a use, not a buyer
# a ban, restriction or call to stop above a trade word: "was banned from selling products to X", "forbids American
# companies from selling to ...", "an export ban on sales to X", "urged X to stop selling to Y" state no sale
_BAN_LEMMAS = {"ban", "bar", "prohibit", "forbid", "restrict", "prevent", "block", "embargo", "outlaw", "prohibition",
               "restriction", "moratorium", "blacklist"}
# stopping words: "halt the sale of X to Y", "cease supplying Y", "suspend sales to Y" (a sale said as ending)
_STOP_LEMMAS = {"stop", "halt", "cease", "suspend", "suspension", "end", "discontinue", "freeze", "quit", "terminate"}
# calls and demands: "urged X to stop selling", "called on X to halt sales", "pressuring X to stop selling"
_CALL_LEMMAS = {"urge", "call", "ask", "press", "pressure", "pressurize", "demand", "push", "lobby", "want", "appeal",
                "petition", "request", "encourage", "implore", "recommend", "propose"}
# words of a state permission: "the license given by the Israeli MoD to NSO to export Pegasus", "authorized X to
# export": the permission is no supply of the goods to the firm that holds it
_PERMIT_LEMMAS = {"license", "licence", "permit", "authorize", "authorise", "authorization", "authorisation",
                  "approve", "approval", "allow", "clear", "grant", "let"}
# abuse triggers that are also verbs of finding, and what a finding names: researchers and reporters who
# "identified traces of Pegasus on the phones of journalists" report an abuse, they do not commit it
_FINDING_VERBS = {"identify", "trace", "locate", "detect", "find", "discover", "uncover"}
_FINDING_NOUNS = {"trace", "evidence", "sign", "infection", "indicator", "artifact", "artefact", "presence", "proof",
                  "instance", "case", "victim", "target"}
_FINDER_NOUNS = {"researcher", "expert", "analyst", "investigator", "scientist", "technologist", "reporter",
                 "journalist", "team", "lab", "laboratory", "researchers"}
# verbs that only carry a supply noun: "made sales to", "completed the purchase of", "concluded a sale"
_LIGHT_VERBS = {"make", "complete", "conclude", "close", "finalize", "finalise", "carry"}
_APPROVING_VERBS = {"approve", "authorize", "authorise", "greenlight", "okay", "endorse", "sanction"}
_BUYING_NOUNS = {"purchase", "procurement", "acquisition", "import"}
# adjectives that make a sale noun a possibility only ("for possible sales of spyware to ..."): hedged
_POSSIBLE_ONLY = frozenset({"potential", "possible", "prospective"})
# nouns of selling whose seller a verb takes up "for" them ("sanctioned X for sales to ...")
_SALE_NOUNS = frozenset({"sale", "export", "shipment", "supply", "delivery"})
# prepositions before a gerund whose doer is the subject of the main verb (a means or a time), not its object:
# "X committed violations by exporting ...", "X may begin the work once it has signed an agreement with Y"
_MEANS_AND_TIME_PREPOSITIONS = frozenset({"by", "after", "before", "upon", "on", "since", "while", "when"})
_PURPOSE_NOUNS = {"use", "purpose", "purposes", "production", "development", "manufacture", "manufacturing",
                  "assembly", "testing", "research"}


# words that set a clause against the one before it: a "never" before them does not deny what follows ("it never
# sells to X, but it sold spyware to Y"; round 20)
_CONTRAST_WORDS = frozenset({"but", "yet", "however", "although", "though", "whereas", "while"})


@dataclass
class Mention:
    span: Span  # where it sits in the parse (an anaphor's own token)
    label: str
    value: str
    refers: Span | None = None  # what it names, when elsewhere ("the company" -> the firm named before)
    maker: bool = False  # stands for the firm whose goods its span names ("bought the spyware" -> its maker)

    @cached_property
    def root(self) -> Token:
        """The token that ties the name into the parse: its syntactic root, except when the parser read a name as
        a clause ("Hacking Team's spyware": "Hacking" a verb whose object is "Team"), where it is the name's token
        that hangs on a word outside the name ("Team", possessor of "spyware")."""
        root = self.span.root
        if root.pos_ == "VERB" and root.dep_ in ("csubj", "csubjpass", "acl", "advcl", "xcomp", "ccomp", "amod"):
            outer = [t for t in self.span if t.i != root.i and not self.span.start <= t.head.i < self.span.end]
            if outer:
                return outer[0]
        return root

    @property
    def out(self) -> Span:
        return self.refers if self.refers is not None else self.span

    @property
    def key(self) -> tuple[int, int]:
        return (self.out.start_char, self.out.end_char)


@dataclass
class Attachment:
    mention: Mention
    dep: str  # dep of the token directly under the trigger
    prep: str  # lemma of the introducing preposition ("" if none)
    intermediary: bool = False


@dataclass
class Event:
    type: str
    trigger: Token
    roles: dict[str, list[Mention]] = field(default_factory=dict)
    confidence: float = 0.8
    from_use: bool = False  # a supply read from a use ("the police used Huawei's cameras")
    needs_supplier: bool = False  # kept only if the document names the maker of its product
    rule: str = ""  # the component that made it, when not the parse rules ("supply_pairs")
    explanation: str = ""  # why, for an event scored by a model (p and its strongest features)
    halted: bool = False  # a sale said as ending ("halted the sale of X to Y"): reported, marked hedged
    recipient_before: bool = False  # goods that refer back, sold in a paragraph's first sentence: buyer said earlier
    denial_order: bool = False  # "an order denying the export privileges of X": the denial is the listing, not negation

    def add(self, role: str, mention: Mention) -> None:
        if role in _PARTY_ROLES and (name_key(mention.value) in observer_keys() or mention.label in ("ORG", "PERSON")
                                     and outlet_shaped(mention.out.text)):
            return  # a watchdog or newsroom (nlp/data/observers.tsv, or a name written as a newsroom's, "The Daily
            # Herald", nlp/data/outlet_words.tsv) reports on the trade, it is no party of it: "citing documents
            # obtained by Justice for Myanmar", "Haaretz bought ..." never make it a buyer
        bucket = self.roles.setdefault(role, [])
        if all(m.key != mention.key for m in bucket):
            bucket.append(mention)


def _triggers() -> dict[str, set[str]]:
    return event_triggers()


@Language.factory("redflag_events", default_config={"base_confidence": 0.85, "hedge_factor": 0.6})
def make_events(nlp: Language, name: str, base_confidence: float, hedge_factor: float) -> EventExtractor:
    return EventExtractor(name, base_confidence, hedge_factor)


class EventExtractor:
    def __init__(self, name: str, base_confidence: float, hedge_factor: float) -> None:
        self.name = name
        self.base = base_confidence
        self.hedge_factor = hedge_factor
        self.t = _triggers()
        self.trade_verbs = frozenset(self.t["supply_seller"] | self.t["supply_buyer"])
        self.getting_verbs = frozenset(self.t["supply_buyer"]) | USE_VERBS
        self.supply_cues = frozenset().union(*(self.t[k] for k in ("supply_seller", "supply_buyer", "supply_seller_nouns",
                                                                   "supply_buyer_nouns")))
        self.intermediary_terms: set[str] = set()
        # firms of the surveillance trade (nlp/data/vendors_public.tsv), by the value the ruler gives their mentions
        self.vendors = frozenset(name_key(firm) for firm, _forms, _country, _any_case in vendor_rows())
        self._known_firms: frozenset[str] = frozenset()  # the current document's firms, makers and trade firms
        self.pair_mode = "off"  # the learned supply-pair scorer (nlp.components.supply_pairs): off, replace, both
        self.collect_pairs = False  # keep every candidate pair in doc._.redflag_pairs (training)
        self._scorer: PairScorer | None = None

    def set_supply_pairs(self, mode: str, scorer: PairScorer | None = None) -> None:
        """How the learned supply-pair scorer is used: ``off`` (the sentence backoff alone), ``replace`` (the scorer
        instead of the backoff), ``both`` (the backoff, then the scorer); ValueError for another mode."""
        if mode not in MODES:
            raise ValueError(f"supply pairs mode {mode!r}: use one of {', '.join(MODES)}")
        self.pair_mode = mode
        if mode != "off":
            self._scorer = scorer or self._scorer or PairScorer.load()

    def set_intermediary_terms(self, terms: list[str]) -> None:
        self.intermediary_terms = {t.casefold() for t in terms}

    # ------------------------------------------------------------------ driver
    def __call__(self, doc: Doc) -> Doc:
        out: list[dict[str, Any]] = []
        mentions = [Mention(e, e.label_, e.kb_id_ or e.text) for e in doc.ents]
        mentions += [Mention(s, s.label_, s.kb_id_ or s.text) for s in aux_spans(doc)]
        cues = doc._.redflag_cues or {"hedge": [], "negation": []}
        firms = {m.value for m in mentions if m.label == "ORG" and _described_as_firm(m.root)}
        product_makers = _product_makers(mentions)
        makers = {str(x[4]) for x in product_makers}
        self._known_firms = frozenset(firms | makers) | self.vendors
        carried: list[Mention] = []  # firm nouns resolved in earlier sentences ("the firm" ... "The company")
        pairs_on = self.pair_mode != "off" or self.collect_pairs
        by_start = {m.span.start_char: m for m in mentions if m.label == "ORG"} if pairs_on else {}
        maker_of = {doc.text[x[0]:x[1]].casefold(): by_start[x[2]] for x in product_makers if x[2] in by_start}
        collected: list[dict[str, Any]] = []
        previous: list[Mention] = []
        doc._.redflag_opening_maker = None
        opening = True
        unnamed: list[dict[str, Any]] = []  # supplies of the sentence before whose seller is "a company" named later
        unit = _UnitFacts.of(doc)
        for sent in doc.sents:
            first_sentence = opening
            in_sent = [m for m in mentions if m.span.start >= sent.start and m.span.end <= list_end(sent)]
            found = _anaphors(sent, mentions, firms, self.trade_verbs, self.getting_verbs, carried, unit)
            carried += [a for a in found if a.label == "ORG" and not a.maker or a.label == "GOV_AGENCY" and a.span[0].lower_ in ("they", "it")]
            in_sent += found
            before, previous = previous, in_sent
            if unnamed and sent.text.strip():
                if (named := named_in_sentence(sent, in_sent, _ANAPHOR_NOUNS)) is not None:
                    # "A foreign vendor sells cameras to the police ... The vendor, named X, is ...": the firm the
                    # next sentence names for "the vendor" is the seller
                    for ev_data in unnamed:
                        ev_data["roles"]["supplier"] = [_role_data(named, mentions)]
                        ev_data["confidence"] = round(min(ev_data["confidence"], MAKER_NEXT_SENTENCE_CONFIDENCE), 3)
                        why = "supplier: the firm the next sentence names for the company this one describes"
                        ev_data["explanation"] = f"{ev_data['explanation']}; {why}" if ev_data.get("explanation") else why
                        ev_data.setdefault("rule", "named_later")
                unnamed = []
            if opening and sent.text.strip():
                opening = False
                if (first_maker := _maker_of_the_goods_before(sent, in_sent) or opening_tool_maker(sent, in_sent)) is not None:
                    doc._.redflag_opening_maker = [first_maker.span.start_char, first_maker.span.end_char,
                                                   first_maker.value]
            # (before the sentence's own events: a sentence naming only the maker is read for this alone)
            open_sale = out[-1] if out and out[-1]["type"] == "supply" and not out[-1]["roles"].get("supplier") \
                and out[-1]["roles"].get("recipient") and out[-1]["sent_end"] <= sent.start_char else None
            if open_sale is not None and open_sale["sent_end"] >= sent.start_char - 2 \
                    and (maker := _maker_of_the_goods_before(sent, in_sent)) is not None:
                # "The Delhi Police acquired the AFRS in 2018. The software was developed by Innefu Labs": the
                # maker the next sentence names for the goods just bought sold them
                open_sale["roles"]["supplier"] = [_role_data(maker, mentions)]
                open_sale["confidence"] = round(min(open_sale["confidence"], MAKER_NEXT_SENTENCE_CONFIDENCE), 3)
                open_sale.pop("needs_supplier", None)
            lone_done = False
            if open_sale is not None and open_sale["sent_end"] >= sent.start_char - 2 and not open_sale["roles"].get(
                    "supplier") and (lone := firm_of_lone_deal(sent, in_sent)) is not None:
                # "the Uttar Pradesh Police Headquarters ... is set to procure 84 drones. The contract was bagged by
                # the company in Pune, Sagar Defence Engineering": the firm that won the deal sells what was bought
                _complete_open_sale(open_sale, lone[1], mentions)
                lone_done = True
            if len(in_sent) < 2 and not any(m.label == "LIST" for m in in_sent) and not (pairs_on and in_sent and before) \
                    and not _lone_buyer(sent, in_sent, self.t["supply_buyer"], self.t["supply_seller"]) \
                    and not (in_sent and not lone_done and firm_of_lone_deal(sent, in_sent) is not None) \
                    and not (in_sent and before and end_user_named(sent, in_sent, before) is not None) \
                    and not (in_sent and (before or first_sentence) and any(
                        _goods_referred_back(t, self.t["supply_seller"]) for t in sent)) \
                    and not (in_sent and before and tool_made_by(sent)) \
                    and not (in_sent and calls_for_goods(sent)):
                continue  # (one name and goods that refer back: "The equipment was supplied by X", buyer said before)
            events = self._sentence_events(sent, in_sent)
            cands = candidates(sent, in_sent, before, events, classes=self.t, cue_lemmas=self.supply_cues,
                               firms=firms | makers, is_tool_owner=_owner_of_tool,
                               is_country_modifier=_country_modifier, target_lemmas=self.t["abuse"],
                               maker_of=maker_of) if pairs_on else []
            if self.pair_mode != "replace":
                events = implied_supplies(sent, in_sent, events, self.supply_cues, firms | makers, _owner_of_tool,
                                          _country_modifier, Event, self.t["abuse"])
            if self._scorer is not None and self.pair_mode != "off":
                events = scored_supplies(cands, events, self._scorer, Event)
            # (backoffs of their own, after the others: who paid for the goods, a place as the buyer)
            events += funding_supplies(sent, in_sent, before, events, self.t["funding_nouns"], self.t["funding_verbs"], Event)
            events += place_supplies(sent, in_sent, events, self.t["place_install"], Event)
            events += won_place_supplies(sent, in_sent, events, Event)  # "X won surveillance projects in <place>"
            events += made_for_supplies(sent, in_sent, events, self.t["made_for"], Event)
            events += tender_supplies(sent, in_sent, events, Event)  # "issued a tender for", "budgeted $N for"
            events += made_in_supplies(sent, in_sent, events, Event)  # "bought Chinese-made cameras"
            events += unnamed_tool_supplies(sent, in_sent, before, events, Event)
            events += maker_participle_supplies(sent, in_sent, events, Event)
            events += list_status_events(sent, in_sent, events, self.t["listing"], Event, Mention)  # "X is on the EL"
            events = partnership_supplies(sent, in_sent, events, Event)  # "partnered with X", "X helps Y monitor"
            events = contract_wording_supplies(sent, in_sent, events, Event)  # "placed an order with X", "roped in X"
            events = through_intermediaries(sent, mentions, events)  # maker -> reseller -> end user
            if self.collect_pairs:
                collected += [{"sent": [sent.start_char, sent.end_char], "firm": c.firm.value, "state": c.state.value,
                               "state_label": c.state.label, "features": c.features} for c in cands]
            events = _without_banned(events)
            for ev in events:
                _persons_to_their_bodies(ev, in_sent, self.t["supply_seller"])
                _without_goods_terms(ev)
            if not lone_done and (told := _lone_deal_event(sent, in_sent, events)) is not None:
                events.append(told)
            if (awarded := self._work_awarded(sent, in_sent)) is not None:
                # "the government had awarded the Tk 152.56 crore project to install 1,460 CCTV cameras on this
                # highway to Chattogram based Smart Group": the awarder buys (it installs nothing itself)
                buyers = {m.key for m in awarded.roles.get("recipient", [])}
                events = [ev for ev in events if not (ev.type == "supply" and not ev.roles.get("recipient")
                                                      and {m.key for m in ev.roles.get("supplier", [])} <= buyers
                                                      and ev.roles.get("supplier"))]
                if not any(ev.type == "supply" and {m.key for m in ev.roles.get("supplier", [])}
                           & {m.key for m in awarded.roles["supplier"]} for ev in events):
                    events.append(awarded)
            if (ended := end_user_named(sent, in_sent, before)) is not None:
                # "The General Secretariat issued two licenses to X on ... . The end user was the Y Agency"
                events.append(supply_event(
                    Event, sent.root, confidence=MAKER_NEXT_SENTENCE_CONFIDENCE, rule="contract_parties",
                    explanation="recipient: the end user named for the licence the sentence before gave the firm",
                    supplier=[ended[0]], recipient=[ended[1]]))
            for ev in events:
                if ev.type == "supply" and not ev.roles.get("supplier") and ev.roles.get("recipient") \
                        and (giver := giver_of_nominal(ev.trigger, in_sent)) is not None \
                        and all(giver.key != m.key for m in ev.roles["recipient"]):
                    # "Japan has announced the provision of two drones to the Y Navy": the announcer gives
                    ev.add("supplier", giver)
            for ev in events:
                if ev.type != "supply" or not ev.roles.get("supplier") or ev.roles.get("recipient"):
                    continue
                if (owner := buyer_in_main_clause(ev.trigger, in_sent)) is not None:
                    # "The new cameras, bought from the American company ICx Technologies, will add to the CNIA's
                    # already widespread network": the body the main clause names for the goods bought them
                    ev.add("recipient", owner)
                    ev.confidence = min(ev.confidence, MAKER_NEXT_SENTENCE_CONFIDENCE)
                    ev.rule = ev.rule or "contract_parties"
                    ev.explanation = "recipient: the state body the main clause names for goods a participle says were bought"
                    continue
                if deal_binding(ev.trigger, _CONTRACT_NOUNS) is not None and len(
                        bodies := {m.value: m for m in mentions if m.label in _STATE_LABELS and m.refers is None
                                   and doc.text.rfind("\n", 0, sent.start_char) < m.span.start_char
                                   and m.span.end <= sent.start and not m.value.startswith("\x00")
                                   and not _country_modifier(m, m.root, mentions)}) == 1:
                    # "The government's decision to give X the tender ... The contract obliges X to fit cameras":
                    # the one state side the paragraph names before buys
                    ev.add("recipient", next(iter(bodies.values())))
                    ev.confidence = min(ev.confidence, MAKER_NEXT_SENTENCE_CONFIDENCE)
                    ev.rule = ev.rule or "named_later"
                    ev.explanation = "recipient: the one state body the paragraph names before the contract that binds the firm"
                    continue
                if (post := ministry_of_minister(ev.trigger, _BUYING_NOUNS)) is not None:
                    # "The Interior Minister has announced a purchase of cameras from X": the ministry of the
                    # minister's domain buys; the extractor puts in the one the document names ("the Ruritanian
                    # Ministry of Interior"), or drops the role
                    # (confidence and explanation are the extractor's, when it finds the ministry)
                    ev.add("recipient", Mention(doc[post[0].i : post[0].i + 1], "GOV_AGENCY",
                                                f"{MINISTRY_OF_POST}:{post[1]}"))
                    continue
                if (buyer := _buyer_said_before(ev.trigger, before, self.t["supply_seller"])) is not None:
                    # "Kyrgyzstan opened a new police command center ..., putting its new facial recognition cameras
                    # to work. The equipment was supplied ... by CEIEC": the goods are the buyer's just named
                    ev.add("recipient", buyer)
                    ev.confidence = min(ev.confidence, MAKER_NEXT_SENTENCE_CONFIDENCE)
                elif first_sentence and _refers_back(ev.trigger, self.t["supply_seller"]) is not None:
                    # "Chinese tech giant Huawei provided them all." opening a paragraph: the buyer is the state body
                    # an earlier paragraph is about, which the extractor (seeing the whole document) puts in
                    ev.recipient_before = True
            if not events:
                continue
            hedge = [c for c in cues["hedge"] if sent.start <= c[0] < sent.end and self._hedge_applies(doc, c)]
            for ev in events:
                if ev.type == "ownership" and {m.value for m in ev.roles.get("owner", [])} & {
                        m.value for m in ev.roles.get("owned", [])}:
                    continue  # one name on both sides ("the acquisition of aircraft akin to the Dornier type"): misread
                if ev.type == "supply" and (asked_only(ev.trigger) or not ev.roles.get("recipient") and not
                                            ev.roles.get("country") and not ev.recipient_before and _only_intended(ev.trigger)):
                    continue  # "declined to say whether it sold X to Y": a question; "tried to export drones": an
                    # attempt with no buyer or place (round 19): no sale stated
                if private_buyer := without_state_buyer(ev):  # "sold cameras in X to a supermarket chain": not X
                    ev.recipient_before = False
                if ev.type == "supply" and not ev.roles.get("product") and not ev.roles.get("capability") \
                        and hands_over_no_goods(ev.trigger):
                    continue  # "provided documents to Reuters", "transfer PLN 25 million to X": no goods (round 21)
                negated = not ev.denial_order and self._negated(ev.trigger, sent, cues["negation"])
                refused = not negated and ev.type == "supply" and licence_refused(ev.trigger)
                if refused:
                    negated = True  # "refused to license X to export N to Y": the sale was not allowed (round 21)
                    why = "negated: the licence for this sale was refused or revoked"
                    ev.explanation = f"{ev.explanation}; {why}" if ev.explanation else why
                if negated and ev.from_use and not (ev.trigger.dep_ == "conj" and (
                        ev.trigger.head.lemma_.casefold() in self.t["supply_buyer"]) and any(
                        c.dep_ == "preconj" and any(start == c.i for start, _e, _c in cues["negation"])
                        for c in ev.trigger.head.children)):  # (but "neither bought nor used it" denies the purchase)
                    continue  # "never used the tool": not a denial that it was bought
                hedged = bool(hedge) or self._unconfirmed(ev.trigger) or ev.halted or _only_intended(ev.trigger) \
                    or any(c.dep_ == "amod" and c.lower_ in _POSSIBLE_ONLY for c in ev.trigger.children)
                confidence = ev.confidence * (self.hedge_factor if hedged else 1.0)
                pronoun_why = _pronoun_parties(ev) if ev.type == "supply" else ""
                if pronoun_why:
                    confidence *= PRONOUN_PARTY_FACTOR
                    ev.explanation = f"{ev.explanation}; {pronoun_why}" if ev.explanation else pronoun_why
                noun = unnamed_seller(ev.trigger, in_sent, _ANAPHOR_NOUNS) if ev.type == "supply" \
                    and ev.trigger.lemma_.casefold() in self.t["supply_seller"] else None
                seller_unnamed = noun is not None
                if noun is not None:
                    # "A foreign vendor sells ..., a report by R says": the seller is the firm the
                    # subject describes, named (if at all) in the next sentence; no other name here is it
                    ev.roles["supplier"] = [m for m in ev.roles.get("supplier", []) if m.span.start != noun.i
                                            and noun.left_edge.i <= m.span.start and m.span.end <= noun.right_edge.i + 1]
                    if not ev.roles.get("recipient"):
                        continue  # a sale by an unnamed firm to nobody named says nothing
                out.append(
                    {
                        "type": ev.type,
                        "roles": {r: [_role_data(m, mentions) for m in ms] for r, ms in ev.roles.items() if ms},
                        "sent_start": sent.start_char,
                        "sent_end": sent.end_char,
                        "confidence": round(confidence, 3),
                        "hedged": hedged,
                        "negated": negated,
                    } | ({"needs_supplier": True} if ev.needs_supplier else {})
                    | ({"recipient_before": True} if ev.recipient_before else {})
                    | ({"private_buyer": True} if private_buyer else {})
                    | ({"another_sale": True} if ev.type == "supply" and another_sale(ev.trigger) else {})
                    | ({"rule": ev.rule, "explanation": ev.explanation} if ev.rule else {})
                    | ({"explanation": ev.explanation} if (pronoun_why or refused) and not ev.rule else {})
                )
                if seller_unnamed and not out[-1]["roles"].get("supplier") and out[-1]["roles"].get("recipient"):
                    unnamed.append(out[-1])  # (a sale to nobody named says nothing once its seller is put in)
        self._attributed_actor(out, mentions)
        # "Nine firms were put on the Entity List ... The two firms based in Ruritania are A and B": the
        # extractor joins counts and names within and across paragraphs (nlp.components.listed_later.join_window)
        doc._.redflag_listing_window = listing_window(doc, mentions, self.t["listing"] | self.t["listing_counting"], out,
                                                      lambda m: _role_data(m, mentions))
        doc._.redflag_events = out
        doc._.redflag_pairs = collected if self.collect_pairs else None
        doc._.redflag_makers = product_makers
        # the firm the unit is about, for "the company" opening the next one: the last organisation the text calls
        # a company ("Paragon Solutions, an Israeli spyware maker"), else the last one that is a subject
        topics = [m for m in mentions if m.label == "ORG" and m.value in firms] or [
            m for m in mentions if m.label == "ORG" and m.root.dep_ in ("nsubj", "nsubjpass")]
        topic = salient_firm(topics)
        doc._.redflag_topic = [topic.span.start_char, topic.span.end_char, topic.value] if topic is not None else None
        doc._.redflag_state_topic = _state_topic(mentions)
        return doc

    def _attributed_actor(self, out: list[dict[str, Any]], mentions: list[Mention]) -> None:
        """Puts the party the report attributes its attacks to ("The attacker may be the X Agency") in as the actor
        of its abuse events that have none (:mod:`nlp.components.abuse_attribution`), at a lower confidence."""
        open_events = [ev for ev in out if ev["type"] == "abuse" and not ev["roles"].get("actor") and not ev["negated"]]
        if not open_events:
            return
        party = attributed_party(mentions, self.t["abuse_attribution_nouns"], self.t["abuse_attribution_verbs"])
        if party is None:
            return
        for ev in open_events:
            ev["roles"]["actor"] = [_role_data(party, mentions)]
            ev["confidence"] = round(ev["confidence"] * ATTRIBUTED_ACTOR_FACTOR, 3)
            why = "actor: the party the report attributes its attacks to"
            ev["explanation"] = f"{ev['explanation']}; {why}" if ev.get("explanation") else why
            ev.setdefault("rule", "abuse_attribution")

    @staticmethod
    def _hedge_applies(doc: Doc, cue: list[Any]) -> bool:
        tok = doc[cue[0]]
        if cue[2] in ("if", "whether"):
            return tok.dep_ == "mark"
        if cue[2] in ("claims", "claimed"):
            return tok.pos_ == "VERB"
        if cue[2] in ("names", "named"):
            # "A new report names X, Y and Z as the countries that ...", "X and Y were named as the countries that
            # use ...": a report's naming, not a stated fact (not "the names of", nor "named after")
            return tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children) \
                and any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children)
        return True

    @staticmethod
    def _unconfirmed(trigger: Token) -> bool:
        """True when the act is only not confirmed: "has never confirmed that it supplies ...", "refused to confirm
        that it sells ...": a report the seller will not confirm, hedged, never a denial (a denial says it did not)."""
        node = trigger
        for _ in range(6):
            if node.head.i == node.i or node.dep_ in ("relcl", "appos"):
                return False
            node = node.head
            if node.lemma_.casefold() in _CONFIRM_LEMMAS and (any(c.dep_ == "neg" for c in node.children)
                                                            or node.head.lemma_.casefold() in _REFUSE_LEMMAS):
                return True
        return False

    def _negated(self, trigger: Token, sent: Span, negations: list[Any]) -> bool:
        for child in trigger.children:
            if child.dep_ == "neg" and not _not_a_denial(child):
                return True
            if child.dep_ == "det" and child.lower_ == "no" and trigger.pos_ in ("NOUN", "PROPN"):
                return True  # "X said it has no contract with the police": a deal denied by its noun's determiner
            if child.dep_ in ("dobj", "nsubjpass") and trigger.pos_ == "VERB" and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in child.children):
                return True  # "no such device was bought by X", "X bought no spyware": the goods denied (round 21)
            if child.dep_ == "preconj" and any(start == child.i for start, _end, _cue in negations):
                return True  # "the agency neither bought nor used X": a paired negation (cue of nlp/data/negations.txt)
        if self._unconfirmed(trigger):
            return False
        node = trigger
        for _ in range(6):
            if node.lemma_.casefold() in _DENIAL_LEMMAS:
                return not _denial_denied(node)
            if node.i != trigger.i and any(c.dep_ == "neg" and not _not_a_denial(c) for c in node.children):
                return True
            if node.i != trigger.i and trigger.dep_ == "conj" and any(
                    c.dep_ == "preconj" and any(start == c.i for start, _end, _cue in negations) for c in node.children):
                return True  # "neither bought nor used it": the paired negation covers each verb of the pair
            if node.head.i == node.i or node.dep_ in ("relcl", "appos"):
                break  # "NSO Group, whose clients include X, denied wrongdoing": the denial is not of the clients
            if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                break  # "X denied buying it, but the spyware was sold to X": a clause of its own is not denied
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OWN_CLAUSE_MARKS for c in node.children):
                break  # "That is not because it is the capital, but because the Chinese helped ...": a reason of its own
                # ("Years after the state bought X, it is not yet working": a time clause of its own, round 19)
            if node.i != trigger.i and said_beside_denial(node):
                break  # "X has denied any wrongdoing, saying it delivered the project to Y": what it says is not denied
            node = node.head
        if node.lemma_.casefold() in _DENIAL_LEMMAS:
            return not _denial_denied(node)
        for start, _end, cue in negations:
            if cue in ("no evidence", "never") and sent.start <= start < trigger.i and not any(
                    t.lower_ in _CONTRAST_WORDS or t.text == ";" for t in sent.doc[start + 1 : trigger.i]):
                # ("it never sells to X, but it sold spyware to Y": a contrast between them starts a claim of its own;
                # round 20)
                return True
        return False

    # ------------------------------------------------------------------ attachment
    def _attach(self, trigger: Token, mention: Mention) -> Attachment | None:
        tok = mention.root
        prep = ""
        intermediary = self._is_intermediary(mention)
        behalf = False
        by_on_name = False
        passive_no_agent = (any(c.dep_ == "auxpass" for c in trigger.children) or trigger.tag_ == "VBN" and (
            trigger.dep_ == "acl" or trigger.dep_ == "conj" and any(c.dep_ == "auxpass" for c in trigger.head.children))
        ) and not any(c.dep_ == "agent" for c in trigger.children)  # (also "which is programmed and sold to ... by X")
        steps = 0
        while tok.i != trigger.i and steps < 8:
            head = tok.head
            if head.i == tok.i:
                return None
            if tok.dep_ == "pobj" and tok.i != mention.root.i and tok.lemma_.casefold() in _PERMISSION_NOUNS \
                    and not mention.span.start <= tok.i < mention.span.end:
                return None  # "NSO, with the permission and support of the Israeli government, sold ...": who
                # permits a sale is no party to it (a licence's holder is read by the permit rules)
            if tok.dep_ in ("prep", "agent", "dative"):
                if tok.lower_ in _excluding_words() and tok.i not in range(mention.span.start, mention.span.end):
                    return None  # "exports of spyware from Greece to countries outside the EU": not a party
                if not (prep == "from" and tok.lower_ in ("with", "of")) and not by_on_name:
                    # (a "from" under "with"/"of" stays: "a CCTV system with facial recognition from Huawei")
                    prep = tok.lemma_.casefold() if tok.dep_ != "dative" else "to"
                # "was sold to Bahrain by Gamma International": the parser hangs the agent on the name before it (a
                # name takes no "by" phrase of its own), the agent stays the agent
                by_on_name = by_on_name or prep == "by" and tok.lower_ == "by" and head.dep_ == "pobj" and (
                    head.pos_ == "PROPN" or passive_no_agent)  # also "was used for deep packet inspection by X"
                if prep == "of" and (tok.head.lower_ == "behalf" or tok.head.lower_ == "support" and tok.head.dep_ == "pobj"
                                     and tok.head.head.lower_ == "in"):
                    behalf = True  # "on behalf of X", "in support of X's UAV program": X is the end user
                elif prep == "for" and any(c.dep_ == "pobj" and c.lemma_.casefold() in _PURPOSE_NOUNS
                                           and not mention.span.start <= c.i < mention.span.end for c in tok.children):
                    prep = "for_purpose"  # "for use in its war against Ukraine": a use, not who gets it
            if head.i == trigger.i:
                if behalf and prep in ("on", "in"):
                    prep = "on_behalf_of"  # "procured ... on behalf of the Russian government": the end user
                dep = tok.dep_
                if dep == "csubj" and mention.span.start <= tok.i < mention.span.end:
                    dep = "nsubj"  # a name the parser read as a clause: "Hacking Team sold" ("Hacking" a verb)
                return Attachment(mention, dep, prep, intermediary)
            if head.dep_ == "acl" and head.lemma_.casefold() in _NAMING_VERBS and (
                    tok.dep_ in ("oprd", "attr", "xcomp", "dobj") or prep == "as" and tok.dep_ == "prep"):
                prep = ""  # "a spyware company called Hacking Team", "a firm known as X": the noun's name
                tok = head
                steps += 1
                continue
            if tok.dep_ == "appos" and prep in ("of", "on", "against", "in", "by", "with", "under"):
                return None  # "provided spyware to Sudan, a violation of a UN embargo": the UN describes Sudan's case
            if head.pos_ in _STOP_POS and tok.dep_ not in ("conj", "appos") and head.dep_ != "amod" and not (
                    head.dep_ == "prep" and head.lower_ == "including"):  # "users including the FBI"
                return None
            if head.lemma_.casefold() in self.intermediary_terms:
                intermediary = True
            if not (tok.dep_ == "conj" and tok.pos_ == head.pos_ == "PROPN"):
                steps += 1  # a name coordinated with names stands where the first of them does, however long the list
            tok = head
        return None

    def _is_intermediary(self, mention: Mention) -> bool:
        if not self.intermediary_terms:
            return False
        root = mention.root
        doc = mention.span.doc
        window = doc[max(mention.span.start - 3, 0) : mention.span.start]
        near = [t.lemma_.casefold() for t in window] + [t.lower_ for t in window]
        near += [c.lemma_.casefold() for c in root.children if c.dep_ in ("compound", "appos", "amod")]
        # "Bluewave Logistics, a front company for ...": the described noun with its modifiers ("front company")
        near += [_noun_phrase(c) for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            near.append(root.head.lemma_.casefold())
            near.append(_noun_phrase(root.head))
        return any(w in self.intermediary_terms for w in near)

    # ------------------------------------------------------------------ per sentence
    def _sentence_events(self, sent: Span, mentions: list[Mention]) -> list[Event]:
        events: list[Event] = []
        t = self.t
        for tok in sent:
            lemma = tok.lemma_.casefold()
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
                if self._is_reexport(tok, lemma):
                    ev = self._reexport(tok, sent, mentions)
                elif lemma in _HELP_VERBS and (helped := self._help_with(tok, mentions)) is not None:
                    ev = helped
                elif lemma == "hand" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children):
                    # "a machine handed over to the Police by the Australian Federal Police": a gift or transfer
                    ev = self._supply_or_ownership(tok, sent, mentions, seller=True)
                elif lemma in PERMIT_WORDS and (licensed := self._licensed(tok, mentions)) is not None:
                    ev, *others = licensed  # "licensed X to work with Y": X sells to Y, the licensing body is no party
                    events.extend(others)
                elif lemma in t["supply_seller"] or lemma in t["supply_buyer"]:
                    inherited = self._inherited_subject(tok) if lemma in _INSTALL_VERBS and tok.dep_ == "xcomp" \
                        and tok.head.lemma_.casefold() not in _WITH_VERBS and not any(
                            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and not any(
                            c.dep_ in ("prep", "dobj") and (c.lower_ == "with" or c.lemma_.casefold() in _DEAL_NOUNS)
                            for c in tok.head.children) else None  # (not "is working with Huawei to install")
                    if lemma in _INSTALL_VERBS and any(m.label in ("GOV_AGENCY", "COUNTRY") and (
                            m.root.dep_ == "nsubj" and m.root.head.i == tok.i or m.root.dep_ == "pobj"
                            and m.root.head.dep_ == "agent" and m.root.head.head.i == tok.i
                            or inherited is not None and m.span.start <= inherited.i < m.span.end
                            and m.root.dep_ == "nsubj") for m in mentions):
                        # (also "the government of Pakistan decided to install advanced firewalls from China")
                        # a state body installing ("cameras installed by the Ministry of Interior") is no supplier
                        ev = self._use_supply(tok, sent, mentions)
                    elif lemma in _INSTALL_VERBS and (signed := _contract_won_for(tok)) is not None and not any(
                            c.dep_ == "prep" and c.lower_ == "with" for h in (signed, tok.head) for c in h.children) \
                            and any(m.label in ("GOV_AGENCY", "COUNTRY") and m.root.dep_ == "nsubj"
                                    and m.root.head.i == signed.i for m in mentions):
                        # "the Maharashtra government signing an agreement to install 6,000 CCTV cameras": the state
                        # gets the installation (who installs may be named in the next sentence)
                        ev = self._supply_or_ownership(tok, sent, mentions, seller=False)
                    else:
                        # ("the police leased drones from X": a two-way verb with "from" is the taking reading)
                        ev = self._supply_or_ownership(tok, sent, mentions,
                                                       seller=lemma in t["supply_seller"] and not _taken_from(tok))
                elif lemma in _SELECTING_VERBS and (chosen := self._selected(tok, mentions)) is not None:
                    ev = chosen
                elif lemma in t["abuse"] or lemma in t["abuse_use"]:
                    ev = self._abuse(tok, sent, mentions, use=lemma in t["abuse_use"])
                    if lemma in USE_VERBS and (bought := self._use_supply(tok, sent, mentions)) is not None:
                        events.append(bought)
                elif lemma in t["adoption"]:  # "the FaceBox tech was first adopted ... by the police station"
                    ev = self._use_supply(tok, sent, mentions)
                elif lemma in t["listing"]:
                    ev = self._listing(tok, sent, mentions)
                elif (taken := firm_taken_on(tok, mentions)) is not None:
                    ev = self._taken_on(tok, sent, mentions, *taken)
                elif lemma in t["ownership"]:
                    ev = self._ownership_verb(tok, mentions)
                elif lemma in t["rename"]:
                    ev = self._rename(tok, sent, mentions)
                else:
                    ev = None
            elif tok.pos_ in ("NOUN", "PROPN"):
                if lemma in _DEAL_NOUNS or lemma in _TIE_NOUNS and any(
                        c.dep_ in ("compound", "amod") and c.lemma_.casefold() in ("business", "commercial", "trade")
                        for c in tok.children):  # "a business relationship with the Sudanese government"
                    ev = self._deal(tok, sent, mentions)
                elif lemma in PERMIT_WORDS and (licensed := self._licensed(tok, mentions)) is not None:
                    ev, *others = licensed  # "approved a licence for X to work with Y"
                    events.extend(others)
                elif lemma in t["supply_seller_nouns"] or lemma in t["supply_buyer_nouns"]:
                    ev = self._supply_or_ownership(tok, sent, mentions, seller=lemma in t["supply_seller_nouns"])
                elif lemma in t["abuse_nouns"]:
                    ev = self._abuse(tok, sent, mentions, use=False)
                elif lemma in t["ownership_nouns"]:
                    ev = self._ownership_noun(tok, sent, mentions)
                elif lemma in t["listing_nouns"]:
                    ev = self._listing(tok, sent, mentions)
                elif lemma in t["reexport_nouns"]:
                    ev = self._reexport(tok, sent, mentions)
                elif lemma in USE_NOUNS:  # "use of the implant, part of Hacking Team's RCS, by the Saudi government"
                    ev = self._use_supply(tok, sent, mentions)
                    if (used := self._abuse(tok, sent, mentions, use=True)) is not None:
                        events.append(used)  # "Bahrain's use of FinFisher to monitor activists", "... against"
                else:
                    ev = None
                if ev is None and lemma == "order" and tok.dep_ == "dobj" and tok.head.lemma_.casefold() in _WIN_VERBS:
                    # "got two separate orders from the Army": an order won is a deal (not "a court order")
                    ev = self._deal(tok, sent, mentions)
                if ev is None and lemma in _CONTRACT_NOUNS:
                    ev = self._contract_wording(tok, sent, mentions)
                if ev is None and (called := call_off_parties(tok, mentions)) is not None:
                    ev = self._called_off(tok, sent, mentions, *called)
            else:
                ev = None
            if ev is not None:
                events.append(ev)
                if ev.type == "supply" and ev.roles.get("supplier") and ev.roles.get("recipient") and (
                        maker := _maker_clause(ev.trigger, mentions, ev.roles["supplier"])) is not None:
                    # "While the software was originally manufactured by Innefu Labs, it was supplied to the Delhi
                    # Police by a vendor named Pelorus Technologies": the maker supplies too, through the vendor
                    through = Event("supply", ev.trigger, confidence=ev.confidence)
                    through.add("supplier", maker)
                    for m in ev.roles["recipient"]:
                        through.add("recipient", m)
                    for m in ev.roles["supplier"]:
                        through.add("via", m)
                    for role in ("product", "capability", "date"):
                        for m in ev.roles.get(role, []):
                            through.add(role, m)
                    events.append(through)
        for ev in events:
            if ev.type == "supply":
                _end_user_recipient(ev, mentions)  # "acquired ... from X for use by the Central Intelligence Organisation"
        events += self._formerly_known_as(sent, mentions)
        return _dedupe(_one_sale_told_twice(events))

    def _is_reexport(self, tok: Token, lemma: str) -> bool:
        if lemma in self.t["reexport"] and lemma not in ("forward", "transit"):
            return True
        doc = tok.doc
        if lemma in ("export", "ship") and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "re":
            return True
        return False

    def _slots(self, trigger: Token, mentions: list[Mention]) -> list[Attachment]:
        if verb_read_as_adjective(trigger):
            # "RAB procured IMSI catchers from ...", "the NTMC imported equipment worth Tk 30 crore from ...": the
            # name before the verb is its subject, the noun after it the goods, that noun's phrases the verb's
            noun = trigger.head
            slots = []
            roots = {m.root.i for m in mentions if m.label in PARTY_LABELS}
            for m in mentions:
                path = [t.i for t in m.root.ancestors]
                path = path[: path.index(noun.i)] if noun.i in path else []
                if m.span.end == trigger.i:
                    slots.append(Attachment(m, "nsubj", "", self._is_intermediary(m)))
                elif m.span.start > trigger.i and (m.root.i == noun.i or path and not roots.intersection(path)):
                    # (not a name inside another's phrase: "from Veltrix Systems, a company based in Switzerland")
                    a = self._attach(noun, m) if m.root.i != noun.i else None
                    slots.append(Attachment(m, "dobj", "", False) if a is None or not a.prep
                                 else Attachment(m, "prep", a.prep, a.intermediary))
            return slots
        found = [a for m in mentions if (a := self._attach(trigger, m)) is not None]
        subject = self._inherited_subject(trigger)
        pron = next((c for c in trigger.children if c.dep_ == "nsubj" and c.pos_ == "PRON"
                     and c.lower_ in ("it", "they", "he", "she")), None)
        if pron is not None and not any(a.dep == "nsubj" for a in found):
            # "Acme said it had not sold...": the pronoun is the nearest party before it ("they": its group)
            found += [Attachment(m, "nsubj", "", False) for m in _antecedents(pron, mentions)]
        if trigger.dep_ == "relcl" and trigger.head.lemma_.casefold() in _DEAL_NOUNS and trigger.head.head.pos_ == "VERB" \
                and any(c.dep_ == "prep" and c.lower_ in ("under", "by", "through") and any(
                    g.tag_ == "WDT" for g in c.children) for c in trigger.children):
            # "<country>'s ministry signed a deal under which <firm> is to build ...": the signer gets it
            found += [Attachment(m, "prep", "for", False) for m in mentions for c in trigger.head.head.children
                      if c.dep_ == "nsubj" and m.span.start <= c.i < m.span.end and m.label in ("GOV_AGENCY", "COUNTRY")
                      and not _country_modifier(m, trigger, mentions)]
        deal_verb = trigger.head if trigger.dep_ in ("xcomp", "advcl") and trigger.head.pos_ == "VERB" else None
        deal: Token | None = None
        if trigger.dep_ == "acl" and trigger.head.lemma_.casefold() in _DEAL_NOUNS and trigger.head.head.pos_ == "VERB":
            deal, deal_verb = trigger.head, trigger.head.head  # "signed a deal with the government to provide ..."
        elif trigger.dep_ == "acl" and trigger.head.lemma_.casefold() in _DEAL_NOUNS and trigger.head.dep_ == "pobj" \
                and trigger.head.head.lower_ == "into" and trigger.head.head.head.pos_ == "VERB":
            # "X entered into an agreement with the Zimbabwean government to supply ...": the deal under "into"
            deal, deal_verb = trigger.head, trigger.head.head.head
        if deal_verb is not None:
            # "the RAB signed a contract with Tiersec to supply ...": the contractor supplies, for the signer
            deal = deal or next((c for c in deal_verb.children if c.dep_ == "dobj" and c.lemma_.casefold() in _DEAL_NOUNS),
                                None)
            partner = [m for m in mentions if deal is not None and (a := self._attach(deal, m)) is not None and a.prep == "with"]
            if not partner and deal is not None and deal.lemma_.casefold() == "memorandum":
                # "signed a memorandum of understanding with the Ministry of Interior to build ...": the "with"
                # hangs on "understanding"
                mou = next((g for p in deal.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                            if g.lower_ == "understanding"), None)
                partner = [m for m in mentions if mou is not None and (a := self._attach(mou, m)) is not None
                           and a.prep == "with"]
            if not partner and deal is not None and deal.head.i == deal_verb.i:
                # "signed a deal with the Zimbabwean government to provide ...": "with" hung on the verb
                partner = [m for m in mentions if (a := self._attach(deal_verb, m)) is not None and a.prep == "with"]
            if not partner and deal_verb.lemma_.casefold() in _WITH_VERBS:
                # "Uganda's police is working with Huawei to install CCTV cameras": as with a contract's partner;
                # "Venezuela turned to China's ZTE to build the card system"
                partner = [m for m in mentions if (a := self._attach(deal_verb, m)) is not None
                           and a.prep == _WITH_VERBS[deal_verb.lemma_.casefold()]]
            # (not the country inside an agency's name, nor that of a partner firm: "teamed up with a Russian firm")
            partner = [m for m in partner if m.label in PARTY_LABELS and not _country_modifier(m, trigger, mentions)
                       and not (m.label == "COUNTRY" and m.root.dep_ in ("amod", "compound", "nmod")
                                and m.root.head.lemma_.casefold() in _PARTNER_NOUNS)] or [
                m for m in partner if m.label == "GOV_GENERIC"]  # ("had contracted with the government to provide")
            if partner and not any(a.dep == "nsubj" for a in found):
                head_subj = _clause_subjects(deal_verb, mentions)
                if all(m.label in ("COUNTRY", "GOV_AGENCY", "GOV_GENERIC") for m in partner) and \
                        trigger.lemma_.casefold() not in self.t["supply_buyer"]:
                    # "X struck a deal with Telecom Egypt to supply ...": a state partner is the buyer, not the
                    # supplier (whoever signed with it supplies; if that name was not found, nobody is guessed)
                    found += [Attachment(m, "nsubj", "", False) for m in head_subj]
                    found += [Attachment(m, "prep", "to", False) for m in partner]
                    return found
                if trigger.lemma_.casefold() in self.t["supply_buyer"]:
                    # "Mexico's army signed a contract with NSO Group to buy Pegasus": the signer buys from it
                    found += [Attachment(m, "nsubj", "", False) for m in head_subj]
                    found += [Attachment(m, "prep", "from", False) for m in partner]
                    return found
                found += [Attachment(m, "nsubj", "", False) for m in partner]
                found += [Attachment(m, "prep", "for", False) for m in head_subj]
                return found
        if trigger.dep_ == "xcomp" and not any(a.dep == "nsubj" for a in found) and any(
                c.dep_ == "nsubjpass" for c in trigger.head.children) and any(c.dep_ == "agent" for c in trigger.head.children):
            # "ZTE was contracted by the Venezuelan government to build the system": ZTE builds, for the government
            doer = [m for m in mentions for c in trigger.head.children if c.dep_ == "nsubjpass" and m.span.start <= c.i < m.span.end]
            client = [m for m in mentions if (a := self._attach(trigger.head, m)) is not None and a.prep == "by"]
            if doer and client:
                found += [Attachment(m, "nsubj", "", False) for m in doer]
                found += [Attachment(m, "prep", "for", False) for m in client]
                return found
        selected = trigger.dep_ == "advcl" and _infinitive(trigger) and any(
            c.dep_ == "dobj" and m.label == "ORG" and m.span.start <= c.i < m.span.end
            for c in trigger.head.children for m in mentions)  # "X selected Ipsidy to provide": the parser's advcl
        if trigger.dep_ == "xcomp" or selected:  # "the SSD contracted Helix to install": Helix acts, for the SSD
            head_subj = [m for m in mentions for c in trigger.head.children
                         if c.dep_ == "nsubj" and m.span.start <= c.i < m.span.end]
            if not head_subj and trigger.head.dep_ == "conj" and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in trigger.head.children):
                # "the Government of Kenya proposed ... and in May 2014 contracted Safaricom to build ...": the
                # subject of the first verb
                head_subj = [m for m in mentions for c in trigger.head.head.children
                             if c.dep_ == "nsubj" and m.span.start <= c.i < m.span.end]
            if trigger.head.lemma_.casefold() in _PERMIT_LEMMAS:
                head_subj = []  # "the ministry authorized NSO to export Pegasus": it permits, it does not buy
            head_obj = [m for m in mentions for c in trigger.head.children
                        if c.dep_ == "dobj" and m.span.start <= c.i < m.span.end]
            if not head_obj and trigger.head.dep_ == "relcl" and any(
                    c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in trigger.head.children):
                # "ZTE Corp, which the Venezuelan regime hired for US$70 million to build a database": the
                # relative pronoun stands for the firm the clause describes
                head_obj = [m for m in mentions if m.span.start <= trigger.head.head.i < m.span.end]
            if head_obj and not any(a.dep == "nsubj" for a in found):
                found += [Attachment(m, "nsubj", "", False) for m in head_obj]
                found += [Attachment(m, "prep", "for", False) for m in head_subj]
                return found
        if subject is not None and not any(a.dep.startswith("nsubj") or a.prep == "by" and a.mention.label in PARTY_LABELS
                                           for a in found):  # (not "by September 2016": a date)
            dep = "nsubjpass" if trigger.dep_ == "acl" and subject.i == trigger.head.i else "nsubj"
            named = [m for m in mentions if m.span.start <= subject.i < m.span.end]
            if named and all(m.label == "COUNTRY" for m in named):
                # "Gamma International UK denied supplying ...": a country closing a firm's name is part of it
                firms = [m for m in mentions if m.label == "ORG" and m.root.dep_ == "compound" and m.root.head.i == subject.i]
                named = firms or named
            if not named and subject.tag_ in ("WDT", "WP") and subject.head.dep_ == "relcl":
                # "entities ... that seek to provide ...": the relative pronoun stands for the noun it follows
                # (also "The Bahraini government is one of several regimes ... who are believed to have purchased")
                named = _described_by(subject.head.head, mentions) or _member_of(subject.head.head, mentions)
            elif not named and subject.pos_ == "NOUN":  # "Cellebrite is a firm that provides ...": Cellebrite
                named = _described_by(subject, mentions) or _part_of(subject, mentions)
                if not named and trigger.dep_ in ("relcl", "acl") and subject.i == trigger.head.i:
                    # "Sandvine's equipment, which was sold to Belarus, ...": the goods' owner (their supplier)
                    named = [m for m in mentions if m.label == "ORG" and m.root.dep_ == "poss"
                             and m.root.head.i == subject.i and _owner_of_tool(m, mentions)]
                if not named and trigger.dep_ in ("relcl", "acl") and subject.i == trigger.head.i:
                    named = _member_of(subject, mentions)
            elif not named and subject.pos_ == "NUM" and trigger.dep_ in ("relcl", "acl") and subject.i == trigger.head.i:
                named = _member_of(subject, mentions)
            elif not named and subject.pos_ == "PRON":  # "... that they developed and supplied spyware to ..."
                named = _antecedents(subject, mentions)
            elif named:  # the subject and the parties coordinated with it: "Fishenko and the other defendants"
                named += [m for m in mentions if m.root.dep_ == "conj" and m.root.head.i == named[0].root.i]
            for m in named:
                found.append(Attachment(m, dep, "", self._is_intermediary(m)))
        return found

    @staticmethod
    def _inherited_subject(trigger: Token) -> Token | None:
        node = trigger
        if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubjpass" and trigger.head.lemma_.casefold() in _LIGHT_VERBS:
            # "The purchases from the Italian company were made by the Presidential Security Office": the agent
            agent = next((g for c in trigger.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent
        if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and (trigger.head.lemma_.casefold() in _LIGHT_VERBS or (
                trigger.lemma_.casefold() in _BUYING_NOUNS and trigger.head.lemma_.casefold() in _APPROVING_VERBS)):
            # (also "the PNC approved the purchase of three surveillance tools from X": who approves its own
            # purchase buys; not "approved the sale of": a regulator approving a sale is no party of it)
            # "Sandvine made sales upward of $30 million in Egypt": the subject of the light verb sells (or buys)
            subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
        won = _contract_won_for(trigger)
        if won is not None:
            # "Veltrana won a contract to supply cameras to ...", "the ministry signed a deal to buy ...": who won
            # or signed the contract does what it is for
            subj = next((c for c in won.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
        if (described := _described_as_doing(trigger)) is not None:
            return described  # "a firm known for selling radios to ...": the firm sells
        for _ in range(4):
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) and node.i != trigger.i:
                subj = next(c for c in node.children if c.dep_ in ("nsubj", "nsubjpass"))
                return subj
            if node.dep_ in ("acl", "xcomp") and node.head.pos_ == "NOUN" and node.i == trigger.i:
                poss = next((c for c in node.head.children if c.dep_ == "poss"), None)
                if poss is not None:  # "Russia's attempts to source drones": Russia sources
                    return poss
            if node.dep_ == "acl" and node.head.pos_ == "NOUN" and node.head.lemma_.casefold() in _PLAN_NOUNS \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                doer = _doer_of_plan(node.head)
                if doer is not None:  # "X engaged in a conspiracy to export", "efforts by front companies to ..."
                    return doer
            if node.dep_ == "advcl" and node.i == trigger.i and _infinitive(node):
                # "approved a proposal of the Trading Corporation of Bangladesh (TCB) to import ...": the parser
                # hung the infinitive on the approving verb; the proposal's "of"/"for" object carries it out
                plan = next((c for c in node.head.children if c.dep_ == "dobj"
                             and c.lemma_.casefold() in _PROPOSAL_NOUNS), None)
                doer = _doer_of_plan(plan) if plan is not None else None
                if plan is not None and doer is not None and doer.head.head.i == plan.i:
                    return doer
            if node.dep_ == "acl" and node.tag_ == "VBD" and node.i == trigger.i:
                # a finite verb the parser hung on the last noun of a relative clause: "Sandvine, which is owned by
                # Francisco Partners, sold ...": the clause's noun (Sandvine) sells, not the owner
                up = node.head
                for _ in range(4):
                    if up.dep_ == "relcl" or up.head.i == up.i:
                        break
                    up = up.head
                if up.dep_ == "relcl":
                    return up.head
            if node.dep_ in ("relcl", "acl") and node.i == trigger.i:
                rel = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not rel or rel[0].tag_ in ("WDT", "WP"):
                    return node.head
                return None
            if node.dep_ == "conj" and _infinitive(node) and not _infinitive(node.head):
                # "a conspiracy to obtain goods from suppliers located in the US and to export them to Russia": the
                # parser hangs the second infinitive on the participle; it is coordinated with the first one
                up = node.head
                for _ in range(4):
                    if _infinitive(up) or up.head.i == up.i:
                        break
                    up = up.head
                if _infinitive(up):
                    node = up
                    continue
            if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
                node = node.head
                continue
            if node.dep_ == "dobj" and node.tag_ == "VBG" and node.head.pos_ in ("VERB", "AUX"):
                node = node.head  # "the government has acknowledged purchasing ...": the government purchases
                continue
            if node.i == trigger.i and node.pos_ == "NOUN" and node.dep_ == "pobj" and node.head.lower_ == "for" \
                    and node.head.head.pos_ == "VERB" and node.lemma_.casefold() in _SALE_NOUNS:
                # "reviewing X for possible sales of spyware to Y", "placed X on
                # the Entity List for sales to ...": whom the verb takes up for the sales made them, as with
                # "designated X for selling" below
                obj = next((c for c in node.head.head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj
            if node.dep_ == "pcomp" and node.head.dep_ == "prep":  # "added ... for supplying"
                # (a means or a time: "by exporting ...", "may begin the work ... once it has signed an agreement
                # with the government": the subject of the main verb does it, not its object)
                means = node.head.lower_ in _MEANS_AND_TIME_PREPOSITIONS
                node = node.head.head
                obj = next((c for c in node.children if c.dep_ == "dobj"), None)
                if obj is not None and not means:  # "designated X for selling": X sold, not the one who designated
                    return obj
                continue  # "X committed violations by exporting ...": the means; X, the subject, exports
                # ("X can start installation after signing a deal with Y": X signs)
            return None
        return None

    # ------------------------------------------------------------------ supply and ownership
    def _supply_or_ownership(self, trig: Token, sent: Span, mentions: list[Mention], seller: bool) -> Event | None:
        lemma = trig.lemma_.casefold()
        if trig.pos_ in ("NOUN", "PROPN") and lemma in _BUYER_AGENTS | _SELLER_AGENTS:
            return self._agent_noun(trig, sent, mentions, seller=lemma in _SELLER_AGENTS)
        if seller and trig.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lemma_.casefold() in _DEAL_NOUNS
                                                   for c in trig.children):
            return None  # "the ministry's agreement with Huawei provides for 1,000 cameras": the deal says it
        if not seller and trig.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.casefold() in _DEAL_NOUNS
                                                       for c in trig.children):
            return None  # "X obtained a contract with the ministry for ...": a contract won, not goods bought (the
            # contract is read on its own)
        if trig.pos_ == "NOUN" and _purpose_of_deal(trig):
            return None  # "X obtained a contract with the attorney general's office for the purchase of Pegasus":
            # whose purchase it is, the contract's parties say (read on the contract)
        if trig.pos_ == "VERB" and lemma in _PERMIT_LEMMAS and any(
                c.dep_ in ("xcomp", "ccomp") and c.lemma_.casefold() in self.trade_verbs for c in trig.children):
            return None  # "the ministry licensed NSO to export Pegasus": a permission; the export is read on its own
        if not seller and trig.pos_ == "VERB" and licence_received(trig, self.trade_verbs):
            return None  # "X obtained a licence to export N to Y": a permission X holds; the export is read on its own
        slots = self._slots(trig, mentions)
        grantee = _permit_parties(trig, mentions)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children) or (trig.dep_ == "acl" and trig.tag_ == "VBN") \
            or (trig.dep_ == "conj" and trig.tag_ in ("VBN", "VBD") and any(c.dep_ == "auxpass" for c in trig.head.children)
                and not any(c.dep_ in ("nsubj", "aux") for c in trig.children))  # "was developed by X and sold via Y"
        noun = trig.pos_ in ("NOUN", "PROPN")
        if noun and trig.dep_ == "conj" and trig.head.pos_ == "NOUN":
            # "Iran's production and proliferation of UAVs to Russia": coordinated nouns share the first one's
            # possessor and prepositions
            known = {a.mention.key for a in slots}
            slots += [a for a in self._slots(trig.head, mentions) if a.mention.key not in known]
        ev = Event("supply", trig)
        # "a company that won two contracts to procure intrusion systems for the National Police": the winner
        # procures for the one named after "for", as its supplier
        won_to_procure = not seller and (won := _contract_won_for(trig)) is not None \
            and won.lemma_.casefold() in _WIN_VERBS and any(a.prep == "for" for a in slots)
        # "Smart Technologies, a company ..., has once again been involved in procuring body-worn cameras for
        # police": a firm (one the text calls a company, or a known vendor) that procures for a state body supplies it
        won_to_procure = won_to_procure or not seller and not noun and any(
            a.prep == "for" and a.mention.label in ("GOV_AGENCY", "GOV_GENERIC")
            and not _country_modifier(a.mention, trig, mentions) for a in slots) and any(
            a.dep == "nsubj" and a.mention.label == "ORG" and a.mention.value in self._known_firms for a in slots) and not any(
            a.dep == "nsubj" and a.mention.label != "ORG" for a in slots)
        behalf: list[Mention] = []
        makers: list[Mention] = []  # the maker of the definite goods bought ("bought the spyware"), if none else
        for a in slots:
            m, party, item = a.mention, a.mention.label in PARTY_LABELS, a.mention.label in ITEM_LABELS
            if m.maker:
                if not a.prep and (a.dep == "dobj" and not seller or a.dep == "nsubjpass" and (not seller or passive)):
                    makers.append(m)  # "bought the spyware", "the spyware was sold to Greece": its maker
                continue
            if m.label in ("PLACE",) or (m.label == "COUNTRY" and _country_modifier(m, trig, mentions)):
                ev.add("country", m)  # "the Bahraini Ministry", "a Cyprus-based firm": where, not who
                continue
            if party and _funder(m):
                continue  # "with funding from the Chinese government": who pays for a deal is no side of it
            if party and _name_of_goods(m, trig):
                ev.add("product", m)  # "supplied a monitoring system called Cerebro": the goods' name, no buyer
                continue
            if grantee is not None and m.key in grantee[0]:
                continue  # the state body that granted the licence is no party of the export
            if grantee is not None and m.key in grantee[1]:
                if seller:
                    ev.add("supplier", m)  # "the license given ... to NSO to export Pegasus": NSO exports
                continue
            if seller and party and m.refers is not None and m.span[0].lower_ in ("its", "their") and \
                    m.root.dep_ == "poss" and m.root.head.lemma_.casefold() in _BUYER_AGENTS and a.prep in ("to", "for"):
                ev.add("supplier", m)  # "to export Pegasus to its clients": whose clients they are sells to them
                continue
            if m.label == "COUNTRY" and m.root.tag_ == "JJ" and m.root.dep_ == "amod" and \
                    m.root.head.lemma_.casefold() in RELATION_NOUNS:
                continue  # "only sells to Israeli allies": the allies are no named state, nor is Israel a buyer
            if m.label == "DATE":
                if not date_in_dateline(m.span):
                    ev.add("date", m)
                continue
            if won_to_procure and a.prep == "for" and m.label == "GOV_GENERIC":
                ev.add("recipient", m)  # ("procuring body-worn cameras for police")
                continue
            if not seller and passive and not a.prep and a.dep == "nsubjpass" and m.root.dep_ == "poss" \
                    and m.label in ("GOV_AGENCY", "GOV_GENERIC") and m.root.head.pos_ == "NOUN":
                ev.add("recipient", m)  # "the government's intended national firewall might have been purchased
                continue  # from China": whose goods they are bought them
            if not (party or item):
                continue
            if party and a.intermediary and not a.dep.startswith("nsubj"):
                ev.add("via", m)
                continue
            if a.prep == "for_purpose":
                continue
            if a.prep == "on_behalf_of" and party:
                behalf.append(m)
                continue
            if a.prep in ("through", "via"):
                ev.add("via" if party else _item_role(m), m)
            elif m.label == "PRODUCT" and seller and not noun and ((a.dep == "nsubj" and not passive) or a.prep == "by"):
                ev.add("supplier", m)  # "FinFisher sold FinSpy to ...": a name that is also a product's sells
            elif m.label == "PRODUCT" and m.root.dep_ == "poss" and not a.prep and _owner_of_tool(m, mentions) \
                    and not _in_quotes(m):  # ("its 'Eagle' system": a closing quote the parser took for a possessive)
                ev.add("supplier", m)  # "FinFisher's technology was sold to Ethiopia": a name owning goods is a firm
            elif item:
                ev.add(_item_role(m), m)
            elif party and not a.prep and a.dep in ("nsubjpass", "nsubj", "dobj") and (
                    _possessor_of_item(m, trig, mentions) or m.root.dep_ == "poss" and _owner_of_tool(m, mentions)):
                # "NSO Group's Pegasus spyware was sold to ...": the owner of the item is its supplier, whatever
                # the voice (it was read as the passive subject, i.e. a recipient, before); not under a preposition:
                # "support to the SSD's monitoring center" is still for the SSD
                ev.add("supplier", m)
            elif not seller and (_maker_on_goods(m, a) or m.label == "ORG" and not a.prep
                                 and a.dep in ("dobj", "nsubjpass", "dep") and _listed_before_goods(m, mentions)):
                ev.add("supplier", m)  # "the police bought a Cellebrite device": the name on the goods sold them
                # (also each firm of a list the goods noun ends: "Hikvision, Dahua and Uniview cameras were bought")
            elif a.dep == "poss" and noun:
                ev.add("supplier" if seller else "recipient", m)
            elif a.dep == "nsubj" or (a.dep == "nsubjpass" and not passive):
                ev.add("supplier" if seller or won_to_procure else "recipient", m)
            elif a.prep == "by":
                ev.add("supplier" if seller else "recipient", m)
            elif a.dep == "nsubjpass":
                ev.add("recipient" if seller else "supplier", m)
            elif a.prep in ("to", "for") or a.dep in ("dative",):
                ev.add("recipient" if (seller or a.prep == "for") else "supplier", m)
            elif a.prep == "from":
                if seller and lemma not in _GIFT_NOUNS:  # ("a gift from Beijing": the giver, a country too)
                    ev.add("country", m) if m.label == "COUNTRY" else ev.add("supplier", m)
                else:
                    ev.add("supplier", m)
            elif a.prep in ("in", "at") and a.dep == "dobj" and m.label != "COUNTRY":
                continue  # "will build a smart city project in Konza": where the goods go, no party
            elif a.dep == "dobj" and seller and m.root.dep_ in ("compound", "nmod") and m.root.head.i != trig.i \
                    and _owner_of_tool(m, mentions):
                continue  # "sold its Eagle surveillance system to Libya": a name on the goods is not who got them
            elif a.dep == "dobj" and seller and m.label == "ORG" and m.root.dep_ == "conj" \
                    and m.root.head.lemma_.casefold() in _GOODS_NOUNS | _TOOL_NOUNS:
                continue  # "supplying Pakistan the spy technology and ... Q Cyber Technologies is one of them": a
                # firm the parser coordinated with the goods is no buyer
            elif a.dep == "dobj" and seller and any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in trig.children):
                continue  # "sold a computer surveillance Trojan to the Egyptian police": the object is the goods
            elif a.dep == "dobj":
                ev.add("recipient" if seller else "supplier", m)
            elif a.prep == "of" and noun:
                if not seller and m.label == "ORG" and lemma not in ("acquisition", "takeover") \
                        and any(s.prep == "from" for s in slots):
                    continue  # "the procurement of the Vehicle Mounted Data Interceptor from the United States":
                    # a name after "of" with a seller after "from" is the goods (a name read as a firm), no buyer
                ev.add("recipient" if not seller else "supplier", m)
            elif a.prep == "in" and m.label == "COUNTRY":
                ev.add("country", m)
            elif a.prep == "with" and noun:
                ev.add("supplier" if not seller else "recipient", m)
        if grantee is not None and seller and not ev.roles.get("supplier"):
            for m in mentions:  # the holder of the licence, where the parse hangs it on the licence's participle
                if m.key in grantee[1] and m.label == "ORG":
                    ev.add("supplier", m)
        if behalf and not seller:  # "A procured chips from B on behalf of C": C is the end user, A an intermediary
            for m in ev.roles.pop("recipient", []):
                ev.add("via", m)
            for m in behalf:
                ev.add("recipient", m)
        elif behalf:  # "handed over to the Speaker by the Ambassador on behalf of the Chinese Government": C gives
            for m in ev.roles.pop("supplier", []):
                ev.add("via", m)
            for m in behalf:
                ev.add("supplier", m)
        if not seller and lemma in ("buy", "purchase", "acquire", "acquisition") and any(
                c.dep_ == "dobj" and c.lemma_.casefold() in _HOLDING_NOUNS for c in trig.children):
            return None  # "Sandvine acquired the assets of Teclo Networks": a takeover, not a supply of goods
        # the buyer acquiring a company is an ownership change, not a supply
        if not seller and trig.lemma_ in ("acquire", "buy", "purchase", "acquisition", "take"):
            owned = [a.mention for a in slots if a.dep == "dobj" and not a.prep and a.mention.label == "ORG"
                     and not a.mention.maker and not _possessor_of_item(a.mention, trig, mentions)
                     and not _maker_on_goods(a.mention, a) and not _listed_before_goods(a.mention, mentions)
                     and not (a.mention.refers is not None and a.mention.root.dep_ == "poss")]  # "bought its spy equipment"  # "bought X's spyware": X not bought;
            # "bought the chips from X": X, under the object's "from", sold them
            owned += [a.mention for a in slots if a.prep == "of" and a.mention.label == "ORG" and noun]
            if not owned and passive and ev.roles.get("recipient") and all(
                    m.label == "ORG" for m in ev.roles["recipient"]) and not any(
                    ev.roles.get(r) for r in ("product", "capability")):
                # "Zorvex Ltd was bought by Quobrix Holdings": a firm bought by a firm, no goods said, is a takeover
                # (a state body "buying" a firm names its tools: "Cellebrite was bought by the police"; round 20)
                owned = [a.mention for a in slots if a.dep == "nsubjpass" and not a.prep and a.mention.label == "ORG"
                         and not a.mention.maker and a.mention.refers is None
                         and not _listed_before_goods(a.mention, mentions)]
                for m in owned:
                    for role in ("supplier", "via"):
                        ev.roles[role] = [r for r in ev.roles.get(role, []) if r.key != m.key]
            if owned and ev.roles.get("recipient"):
                own = Event("ownership", trig, confidence=self.base)
                for m in ev.roles["recipient"]:
                    own.add("owner", m)
                for m in owned:
                    own.add("owned", m)
                _add_share(own, sent, mentions)
                return own
        participle = trig.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in trig.children)
        if (not seller or passive and trig.dep_ == "acl") and not ev.roles.get("recipient") and (
                trig.dep_ == "acl" and trig.head.dep_ == "dobj" or (  # (also "police used a UFED sold by Cellebrite")
                participle and trig.dep_ in ("ccomp", "advcl", "conj") and trig.head.pos_ == "VERB"
                and any(a.dep == "nsubj" and a.mention.label in ITEM_LABELS for a in slots))):
            # "the Mexican army deployed spyware bought from NSO Group": who has the thing bought it (also when the
            # parser hangs the participle on the verb, "deployed Pegasus spyware obtained from NSO": the goods
            # read as its subject)
            user = trig.head.head if trig.dep_ == "acl" else trig.head
            climbed = False
            while user.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in user.children) and user.head.i != user.i:
                user, climbed = user.head, True  # "The Delhi Police had earlier started using its software, acquired"
            for m in mentions:
                if m.label in (("GOV_AGENCY", "COUNTRY") if climbed else PARTY_LABELS) and any(
                        c.dep_ == "nsubj" and m.span.start <= c.i < m.span.end for c in user.children):
                    ev.add("recipient", m)
        if not ev.roles.get("supplier") and ev.roles.get("recipient"):
            for m in self._makers(trig, ev, mentions):  # "bought Pegasus software produced by NSO Group"
                ev.add("supplier", m)
        if not ev.roles.get("supplier") and ev.roles.get("recipient") and makers:
            for m in makers:  # "NSO Group is a spyware maker. The government of Hungary purchased the spyware"
                ev.add("supplier", m)
        if seller and not ev.roles.get("supplier") and (ev.roles.get("recipient") or ev.roles.get("via")) \
                and trig.dep_ == "conj" and trig.head.lemma_.casefold() in _MAKER_VERBS:
            # "the spyware was developed by NSO Group and sold to the Saudi government": the developer sold it
            # (also "developed by Gamma Group and sold via the UK subsidiary Gamma International")
            for m in mentions:
                maker = self._attach(trig.head, m)
                if maker is not None and maker.prep == "by" and m.label in ("ORG", "PERSON"):
                    ev.add("supplier", m)
        add_sentence_dates(ev, mentions)
        _add_sentence_countries(ev, sent, mentions)
        if ev.roles.get("supplier") and not ev.roles.get("recipient") and ev.roles.get("country") and seller and (
                generic := _generic_recipient(trig)) is not None:
            # "sold FinFisher to governments, and activists in countries including Bahrain were targeted": the
            # buyers are the parties the unnamed buyer lists ("to agencies in X and Y"), not every country said
            _add_unnamed_buyers(ev, generic, trig, mentions)
        elif ev.roles.get("supplier") and not ev.roles.get("recipient") and ev.roles.get("country") and seller:
            for m in [m for m in ev.roles["country"] if m.label == "COUNTRY" and not _country_modifier(m, trig, mentions)
                      and m.root.tag_ != "JJ"]:
                # "exported ... to services in X and Y"
                ev.add("recipient", m)
            ev.roles["country"] = [m for m in ev.roles["country"] if m.key not in {r.key for r in ev.roles.get("recipient", [])}]
        elif seller and trig.pos_ == "VERB" and ev.roles.get("country") and any(
                m.label == "COUNTRY" for m in ev.roles.get("recipient", [])):
            # "sold <product> to two nations of Europe (A, B) and three of the Gulf (C, D) ...":
            # the parser hangs the later groups of the list elsewhere; countries named after the first recipient
            # and under no other preposition are more recipients
            first = min(m.span.start for m in ev.roles["recipient"] if m.label == "COUNTRY")
            more = [m for m in ev.roles["country"] if m.label == "COUNTRY" and m.span.start > first
                    and m.root.tag_ in ("NNP", "NNPS") and not _country_modifier(m, trig, mentions)
                    and not any(t.dep_ in ("prep", "agent") and t.lower_ != "to" for t in m.root.ancestors)]
            for m in more:
                ev.add("recipient", m)
            ev.roles["country"] = [m for m in ev.roles["country"] if all(m.key != r.key for r in more)]
        if seller and (ev.roles.get("supplier") or any(m.label == "PRODUCT" for m in ev.roles.get("product", []))) \
                and not ev.roles.get("recipient"):
            # (a named product with no seller said: "Pegasus is only sold to governments"; the extractor names its
            # maker from the rest of the document)
            generic = _generic_recipient(trig)
            if generic is not None:  # "supplied spyware to foreign governments": unnamed, but said
                _add_unnamed_buyers(ev, generic, trig, mentions)
        if not seller and ev.roles.get("supplier") and not ev.roles.get("recipient"):
            buyers = _generic_buyer(trig)
            if buyers is not None:  # "18 out of 65 countries analyzed had purchased systems from ...": unnamed
                _add_unnamed_buyers(ev, buyers, trig, mentions)
            elif (buyers := _generic_buyer(trig, relative=True)) is not None:
                _add_unnamed_buyers(ev, buyers, trig, mentions, text_ok=False)
        if ev.roles.get("supplier") and not ev.roles.get("recipient"):
            # last, an unnamed state body as the buyer, where no named or listed one is: "gifted the police with polygraph machines",
            # "handed over to the Police by the Australian Federal Police", "the police bought cameras from X"
            for a in slots:
                if a.mention.label == "GOV_GENERIC" and (
                        seller and (a.prep in ("to", "for") or a.dep in ("dobj", "dative") and not a.prep)
                        or not seller and a.dep == "nsubj" and not a.prep):
                    ev.add("recipient", a.mention)
        supplier, recipient = ev.roles.get("supplier", []), ev.roles.get("recipient", [])
        things = ev.roles.get("product", []) + ev.roles.get("capability", [])
        if lemma == "pay" and not (things and supplier and recipient):
            return None  # "paid NSO Group $32 million for Pegasus" is a purchase; "paid a penalty to BIS" is not
        if not (supplier or recipient):
            return None
        if not things and seller and trig.pos_ == "VERB" and (phrase := _object_phrase(trig)) is not None and \
                phrase.root.lemma_.casefold() in _INFORMATION_NOUNS:
            return None  # "Netizen Report offers a snapshot of ...": information offered, not goods
        if not things and noun and any(c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and g.lower_ in _INFORMATION_NOUNS for g in c.children) for c in trig.children):
            return None  # "the transfer of all Punjab Police's records from the PITB to ...": records, not goods
        parties = len(supplier) + len(recipient) + len(ev.roles.get("via", []))
        unnamed_seller = not seller and not supplier and any(
            p.dep_ == "prep" and p.lower_ == "from" and any(
                g.dep_ == "pobj" and g.lemma_.casefold() in _FIRM_NOUNS and g.tag_ == "NN"
                and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in g.children) for g in p.children)
            for p in trig.children)  # (one firm left unnamed: "from a company run by ...", "from an Israeli firm")
        if not things and passive and trig.dep_ in ("acl", "relcl"):
            # "Pegasus, which had been acquired by the Mexican government", "the FirstMile system, an Israeli
            # tracking tool acquired by the <country> government": the noun the clause hangs on is the goods
            for m in _goods_described(trig, mentions):
                ev.add(_item_role(m), m)
            things = ev.roles.get("product", []) + ev.roles.get("capability", [])
        shared = _shared_object_verb(trig) if not things and trig.pos_ == "VERB" else None
        if shared is not None:
            # "Indonesia has recently imported and utilized a wide variety of spyware": the goods of the verb
            # coordinated after the trigger are its goods too
            for m in mentions:
                if m.label in ITEM_LABELS and (b := self._attach(shared, m)) is not None and b.dep == "dobj":
                    ev.add(_item_role(m), m)
            things = ev.roles.get("product", []) + ev.roles.get("capability", [])
        goods = _object_phrase(trig) if not things else None
        if goods is None and shared is not None and not things:
            goods = _object_phrase(shared)
        surveillance_goods = goods is not None and any(
            t.lemma_.casefold() in _SURVEILLANCE_WORDS or t.lemma_.casefold() in self.t["abuse"]
            for t in _with_its_clauses(goods))  # ("equipment which can spy on calls": what it does says what it is)
        opening_goods = trig.sent.start == 0 and _refers_back(trig, self.t["supply_seller"]) is not None
        # ("Huawei provided them all." opening a paragraph: goods of the paragraph before, which the extractor
        # sees; with no buyer it puts in there, the event is dropped)
        if parties + (1 if things or unnamed_seller or surveillance_goods or opening_goods
                      or _goods_said_before(trig, self.t["supply_seller"])
                      or not seller and _bought_by_body_described_again(trig, recipient) else 0) < 2:
            return None  # ("<State> bought monitoring gear from a firm headed by ...": the buyer, said)
        parties_at = {m.key for m in supplier + recipient}
        if ev.roles.get("country"):  # "In Mexico, authorities bought ...": Mexico is the buyer, not only where
            ev.roles["country"] = [m for m in ev.roles["country"] if m.key not in parties_at]
        if {m.key for m in supplier} & {m.key for m in recipient} or {m.value for m in supplier} & {m.value for m in recipient}:
            return None  # the same party (or country: "Russia/Belarus ... to Russia or Belarus") on both sides
        # a supplier inferred as the maker of the goods is less sure than one named in the clause
        ev.confidence = self.base if (supplier and recipient and not any(m.maker for m in supplier)) else self.base - 0.15
        if not things:
            phrase = _object_phrase(trig)
            named = [m for ms in ev.roles.values() for m in ms if m.label in PARTY_LABELS]
            if phrase is not None and not any(m.span.start <= phrase.root.i < m.span.end for m in named):
                # not the recipient of "invoiced Sudan" taken for the goods
                ev.add("product", Mention(phrase, "TEXT", phrase.text))
        return ev

    def _licensed(self, trig: Token, mentions: list[Mention]) -> list[Event] | None:
        """A licence to deal with a party (:func:`nlp.components.licences.licensed_dealing`): each named firm that
        holds it supplies the parties it may deal with, one event per firm (each firm holds its own licence: "X and
        Y were licensed to work with Z" is two sales); None unless both sides are named."""
        found = licensed_dealing(trig, mentions)
        if found is None:
            return None
        holders = [m for m in found[0] if m.label == "ORG"]
        partners = [m for m in found[1] if m.label in PARTY_LABELS]
        if not holders or not partners:
            return None
        return [supply_event(Event, trig, confidence=self.base - 0.15, mentions=mentions, supplier=[m],
                             recipient=partners) for m in holders]

    def _help_with(self, trig: Token, mentions: list[Mention]) -> Event | None:
        """"The Chinese helped Nepal Police with a Rs400 million digital radio communication system": the helper
        supplies the goods after "with" to the one helped; only where both are named parties and the "with" phrase
        names goods (a product, a capability, or a noun for equipment or a system)."""
        helper = [m for m in mentions for c in trig.children if c.dep_ == "nsubj" and m.span.start <= c.i < m.span.end
                  and m.label in PARTY_LABELS]
        helped = [m for m in mentions for c in trig.children if c.dep_ == "dobj" and m.span.start <= c.i < m.span.end
                  and (m.label in PARTY_LABELS or m.label == "GOV_GENERIC")]
        helped += [m for m in mentions for h in list(helped) if m.root.dep_ == "conj" and m.root.head.i == h.root.i
                   and m.label in PARTY_LABELS and m not in helped]  # "helping Nigeria and Ghana to ..."
        goods = [g for p in trig.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children
                 if g.dep_ == "pobj" and (g.lemma_.casefold() in _GOODS_NOUNS | {"equipment", "hardware", "training"}
                                          or any(m.label in ITEM_LABELS and m.root.i == g.i for m in mentions))]
        if not goods:
            # "Circles has been helping Nigeria and 24 other countries to spy on communications", "helped the
            # Government of Sri Lanka block websites": help to do surveillance is a supply of that capability (the
            # parser may hang the infinitive on the last one helped)
            objects = [c for c in trig.children if c.dep_ == "dobj"]
            objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
            goods = [c for h in [trig, *objects] for c in h.children
                     if (c.dep_ in ("xcomp", "ccomp") and h.i == trig.i or c.dep_ in ("relcl", "acl") and h.i != trig.i
                         and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
                     and c.pos_ == "VERB" and c.lemma_.casefold() in self.t["abuse"] | _CENSORING_VERBS]
            if goods and not helped:  # "helped the Government of Sri Lanka block websites": the subject of "block"
                helped = [m for m in mentions for c in goods[0].children if c.dep_ == "nsubj"
                          and m.span.start <= c.i < m.span.end and m.label in PARTY_LABELS]
        if not helper and trig.dep_ in ("advcl", "xcomp") and trig.head.lemma_.casefold() in _WITH_VERBS:
            # "The Kenya Police Service has partnered with Safaricom ... to help it deploy security technology": the
            # partner helps the subject to deploy, install or build goods
            partner = [m for m in mentions if (a := self._attach(trig.head, m)) is not None
                       and a.prep == _WITH_VERBS[trig.head.lemma_.casefold()] and m.label == "ORG"]
            doing = [c for c in trig.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"
                     and c.lemma_.casefold() in USE_VERBS | _INSTALL_VERBS | {"build", "set", "establish", "roll"}
                     and any(g.dep_ == "dobj" for g in c.children)]
            subject = [m for m in mentions for c in trig.head.children if c.dep_ == "nsubj"
                       and m.span.start <= c.i < m.span.end and m.label in ("GOV_AGENCY", "COUNTRY")]
            if partner and doing and subject:
                helper, helped = partner, subject
                goods = [next(g for g in doing[0].children if g.dep_ == "dobj")]
        if not (helper and helped and goods):
            return None
        ev = supply_event(Event, trig, confidence=self.base - 0.15, supplier=helper, recipient=helped)
        for m in mentions:
            if m.label in ITEM_LABELS and goods[0].left_edge.i <= m.root.i <= goods[0].right_edge.i:
                ev.add(_item_role(m), m)
        if not ev.roles.get("product") and not ev.roles.get("capability") and goods[0].pos_ != "VERB":
            phrase = goods[0].doc[goods[0].left_edge.i : goods[0].i + 1]  # (the noun phrase up to its head)
            ev.add("product", Mention(phrase, "TEXT", phrase.text))
        return ev

    def _selected(self, trig: Token, mentions: list[Mention]) -> Event | None:
        """"Among them, Vanrise Solution was selected by the NTA": a firm chosen or hired by a state body supplies it,
        where this sentence or the one before speaks of goods or their purchase (a product, a capability, surveillance
        words, a tender or procurement); a lower confidence than a sale said in words."""
        if not any(c.dep_ == "auxpass" for c in trig.children):
            return None
        firms = [m for m in mentions for c in trig.children if c.dep_ == "nsubjpass" and m.span.start <= c.i < m.span.end
                 and m.label == "ORG"]
        bodies = [m for m in mentions for a in trig.children if a.dep_ == "agent" for g in a.children
                  if g.dep_ == "pobj" and m.span.start <= g.i < m.span.end and m.label in ("GOV_AGENCY", "COUNTRY")]
        if not firms or not bodies:
            return None
        sents = [trig.sent] + ([trig.doc[trig.sent.start - 1].sent] if trig.sent.start > 0 else [])
        if not any(t.ent_type_ in ("CAPABILITY", "PRODUCT") or t.lemma_.casefold() in _SURVEILLANCE_WORDS
                   or t.lemma_.casefold() in {"tender", "procurement", "purchase", "bid", "contract"}
                   for s_ in sents for t in s_):
            return None  # "X was chosen by the ministry to host the summit": no goods said
        return supply_event(Event, trig, confidence=self.base - 0.15, supplier=firms, recipient=bodies)

    def _use_supply(self, trig: Token, sent: Span, mentions: list[Mention]) -> Event | None:
        """A state body using or deploying a firm's tool got it from that firm: "the Ugandan police deployed Huawei's
        cameras", "Pegasus, NSO Group's spyware, was deployed by the Rwandan government", "used spyware from X".
        Only a government user (agency, country, "the government") and a firm named as the tool's owner or source
        count; the supply is reported with a lower confidence than a sale said in words."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children)
        ev = Event("supply", trig, confidence=self.base - 0.15, from_use=True)
        makers: list[Mention] = []
        for a in self._slots(trig, mentions):
            m = a.mention
            if m.maker:
                if not a.prep and a.dep in ("dobj", "nsubjpass"):
                    makers.append(m)  # "the government used the spyware": its maker, named before
            elif m.label in ITEM_LABELS:
                ev.add(_item_role(m), m)
            elif m.label in ("GOV_AGENCY", "COUNTRY") and ((a.dep == "nsubj" and not passive) or a.prep == "by"
                                                           or trig.pos_ == "NOUN" and a.dep == "poss" and not a.prep):
                # (also the owner of the noun: "Bahrain's use of Nokia-Siemens surveillance software")
                if not _country_modifier(m, trig, mentions):
                    ev.add("recipient", m)
            elif m.label == "ORG" and (a.prep == "from" or _owner_of_tool(m, mentions)) and a.prep != "by" \
                    and a.dep != "nsubj":
                ev.add("supplier", m)
            elif m.label == "ORG" and a.prep == "by" and not passive and trig.pos_ == "VERB" and any(
                    c.dep_ == "dobj" and c.lemma_.casefold() in _TOOL_NOUNS for c in trig.children):
                ev.add("supplier", m)  # "police have used the software by X" (the parser hangs "by X" on the verb)
            elif m.label == "COUNTRY" and a.prep == "from" and not _country_modifier(m, trig, mentions):
                ev.add("supplier", m)  # "decided to install advanced firewalls from China": where they come from
        if not ev.roles.get("supplier") and trig.pos_ == "VERB":
            for m in _provider_used(trig, mentions):  # "accused Ethiopia of using another spyware provider, X"
                ev.add("supplier", m)
        if not ev.roles.get("supplier"):
            # the owner named on the thing used, where the parse hides it: "use of the implant, which is part of
            # Hacking Team's product, by ...", "is installing 1,200 Huawei real-time ... cameras"
            objs = [g for p in trig.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                    if g.dep_ == "pobj"] if trig.pos_ == "NOUN" else [c for c in trig.children if c.dep_ == "dobj"]
            for obj in objs:
                for m in mentions:
                    if m.label == "ORG" and obj.left_edge.i <= m.root.i <= obj.right_edge.i \
                            and m.root.dep_ in ("poss", "nmod", "compound") and _owner_of_tool(m, mentions):
                        ev.add("supplier", m)
                for m in _firm_of_tool(obj, mentions):  # "running the Gotham software of the US company X"
                    ev.add("supplier", m)
        if not ev.roles.get("recipient") and not passive and (buyers := _generic_buyer(trig)) is not None:
            # "a mechanism developed by Hacking Team that a reported 60 governments worldwide are using"; a state
            # noun with the body's name in apposition is that body ("The police agency Europol in The Hague")
            if named := _state_noun_named(buyers.root, mentions):
                for m in named:
                    ev.add("recipient", m)
            else:
                _add_unnamed_buyers(ev, buyers, trig, mentions)
        elif not ev.roles.get("recipient") and not passive and (buyers := _generic_buyer(trig, relative=True)) is not None:
            # "the 36 countries ... that use or have used FinFisher ..., such as Bahrain, ...": only the parties
            # listed ("governments that have used the technology" alone is no buyer said)
            _add_unnamed_buyers(ev, buyers, trig, mentions, text_ok=False)
        if not ev.roles.get("recipient") and passive and (users := _unnamed_agent_users(trig)) is not None:
            # "X's system is now used by police stations in eight Indian states": the unnamed police units (or the
            # parties they list); a generic state noun only through the parties it lists ("used by law enforcement
            # agencies such as ..."; "commonly used by repressive regimes" is a habit said, no buyer)
            _add_unnamed_buyers(ev, users, trig, mentions, text_ok=users.root.lemma_.casefold() in _UNIT_HEADS)
        if not ev.roles.get("recipient") and not passive:
            # "names Nigeria, Kenya and Zambia as the countries that have been employing X's platforms", "Zambia is
            # one of seven African countries using ICT tools developed by X": the parties the state noun is said of
            for m in _states_said_to_use(trig, mentions):
                ev.add("recipient", m)
        if ev.roles.get("recipient") and not ev.roles.get("supplier"):
            for m in self._makers(trig, ev, mentions):  # "used web filtering technologies created by Blue Coat"
                ev.add("supplier", m)
        elif ev.roles.get("recipient"):
            # "using ICT tools developed by X": the maker named on the tool, not a word the tagger read as a name
            # on it ("ICT"), supplies it
            _maker_over_modifier(ev, self._makers(trig, ev, mentions))
        if ev.roles.get("recipient") and not ev.roles.get("supplier"):
            for m in makers:
                ev.add("supplier", m)
        if ev.roles.get("recipient") and not ev.roles.get("supplier") and any(
                m.label == "PRODUCT" for m in ev.roles.get("product", [])):
            ev.needs_supplier = True  # "the Rwandan government used Pegasus": its maker, if the document names it
            add_sentence_dates(ev, mentions)
            return ev
        if ev.roles.get("recipient") and not ev.roles.get("supplier") and unnamed_tool_used(trig) \
                and not sent.doc[sent.end :].text.strip():
            # "... are among the governments using a covert surveillance tool." closing a paragraph: the next
            # one may open on the tool and its maker ("The spyware, developed for a firm called X, ..."); the
            # extractor puts that maker in, or drops the event
            ev.needs_supplier = True
            add_sentence_dates(ev, mentions)
            return ev
        if not ev.roles.get("supplier") or not ev.roles.get("recipient"):
            return None
        add_sentence_dates(ev, mentions)
        return ev

    def _makers(self, trig: Token, ev: Event, mentions: list[Mention]) -> list[Mention]:
        """The maker of the traded thing, named in a participle on it ("Pegasus software produced by Israel's NSO
        Group", "cameras made by Hikvision"): the supplier when the sentence names no other (the maker sells)."""
        things = [m.root for r in ("product", "capability") for m in ev.roles.get(r, [])]
        things += [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
        if trig.dep_ in ("relcl", "acl") and any(c.dep_ == "dobj" and (c.tag_ in ("WDT", "WP") or c.lower_ in (
                "that", "which")) or c.dep_ == "mark" and c.lower_ == "that" for c in trig.children):
            things.append(trig.head)  # "a mechanism developed by X that governments are using": the mechanism
        # "a suite of software products, FinFisher, created by Gamma International": the thing's name or parts
        things += [c for t in list(things) for c in t.children if c.dep_ == "appos"]
        things += [g for t in list(things) for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                   for g in p.children if g.dep_ == "pobj"]
        things += [c for t in list(things) for c in t.children if c.dep_ == "appos"]
        out: list[Mention] = []
        for thing in things:
            node = thing if thing.dep_ not in ("compound", "amod") else thing.head
            for acl in node.children:
                if acl.dep_ != "acl" or acl.lemma_.casefold() not in _MAKER_VERBS:
                    continue
                for agent in acl.children:
                    if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                        for obj in [o for c in agent.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]:
                            # the name itself, or one the parser hung under a firm noun ("company Hacking Team")
                            out += [m for m in mentions if m.label in ("ORG", "PERSON") and (
                                m.span.start <= obj.i < m.span.end or m.root.head.i == obj.i
                                and obj.lemma_.casefold() in _ANAPHOR_NOUNS)]
        if not out:
            # "the same company that developed the X software, a facial recognition app that the police uses": the
            # firm a relative clause of making names, with the thing as that clause's object
            out = [m for thing in things for m in _maker_by_relative_clause(thing, mentions)]
        return out

    def _agent_noun(self, trig: Token, sent: Span, mentions: list[Mention], seller: bool) -> Event | None:
        """"X, a customer of Y", "Y's clients include X", "X is a supplier to Y", "Y's vendor X"."""
        ev = Event("supply", trig, confidence=self.base - 0.05)
        described: list[Mention] = []
        owner: list[Mention] = []  # whose customers (or suppliers) they are, when said outside the noun's phrase
        if trig.dep_ == "pobj" and trig.head.lower_ == "of" and trig.head.head.dep_ == "attr" and \
                trig.head.head.pos_ in ("NUM", "PRON", "ADJ"):
            # "the FBI was one of its customers", "Mexico is among ... ", "X became one of NSO's first clients"
            verb = trig.head.head.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            described = [m for m in mentions if subj is not None and m.span.start <= subj.i < m.span.end]
        elif trig.dep_ == "appos":
            described = [m for m in mentions if m.span.start <= trig.head.i < m.span.end]
        elif trig.dep_ == "attr":
            subj = next((c for c in trig.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:  # "Sudan has also been found to be a client of Hacking Team"
                subj = self._inherited_subject(trig.head)
            # (with the names coordinated with it: "Armenia, Egypt ... and Serbia are likely government clients"; or
            # those an unnamed subject lists: "at least 45 countries are purchasers of ..., including Azerbaijan")
            described = _named_or_their_state(subj, mentions) if subj is not None else []
            if not described and subj is not None and subj.pos_ == "NOUN":
                # "at least 30 countries are purchasers of X's interception suite, including Oman and Morocco": the
                # states listed after the agent noun's phrase, hung by the parser on its last noun (round 23)
                described = listed_parties(subj, mentions, trig)
        elif trig.dep_ == "pobj" and trig.head.lower_ in ("among", "as") and trig.head.head.pos_ in ("AUX", "VERB"):
            # "Saudi Arabia is reported to be among NSO clients", "X was named as a customer of Y"
            verb = trig.head.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and verb.lemma_ == "be":  # inverted: "Among NSO's customers are the governments of X"
                subj = next((c for c in verb.children if c.dep_ == "attr"), None)
            subj = subj if subj is not None else self._inherited_subject(verb)
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None and verb.lemma_ != "be":
                # "NSO Group counts Saudi Arabia among its clients": the object is the client, "its" the subject
                described = _named_or_their_state(obj, mentions)
                if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in trig.children) and subj is not None:
                    owner = [m for m in mentions if m.span.start <= subj.i < m.span.end and m.label in PARTY_LABELS]
            elif subj is not None:  # "Among NSO's customers are the governments of Rwanda and Morocco"
                described = _named_or_their_state(_partitive_whole(subj), mentions) or _parties_within(subj, mentions)
        elif trig.dep_ == "dobj" and trig.head.lemma_ in ("have", "count", "serve") and trig.tag_ == "NNS":
            # "Clearview ... has 3,100 active users including the FBI": the subject's customers, named after it
            subj = next((c for c in trig.head.children if c.dep_ == "nsubj"), None) or self._inherited_subject(trig.head)
            owner = [m for m in mentions if subj is not None and m.span.start <= subj.i < m.span.end
                     and m.label in PARTY_LABELS]
        elif trig.dep_ in ("nsubj", "nsubjpass") and (trig.head.lemma_ in ("include", "be") or any(
                c.dep_ == "xcomp" and c.lemma_ in ("include", "be") for c in trig.head.children)):
            # (also "its clients are believed to include ...", "its customers are said to be ...")
            verb = trig.head if trig.head.lemma_ in ("include", "be") else next(
                c for c in trig.head.children if c.dep_ == "xcomp" and c.lemma_ in ("include", "be"))
            objs = [o for c in verb.children if c.dep_ in ("dobj", "attr") or verb.lemma_ == "be" and c.dep_ == "nsubj"
                    and c.i != trig.i for o in (c, *c.conjuncts)]  # ("Among NSO's clients are Mexico, ...": 2 subjects)
            # "its customers include the governments of Rwanda and Morocco": the countries of the state noun
            described = [m for c in objs for m in _named_or_their_state(c, mentions)]
        elif (on_list := _on_client_list(trig)) is not None:
            # "A and B were on their client list as well, as were C and D": the subjects of "be on"
            # (and of a following "as were") are the clients, the list's possessor their seller
            verb = on_list.head.head
            clauses = [verb, *(c for c in verb.children if c.dep_ == "advcl" and c.lemma_ == "be"
                               and any(g.dep_ == "mark" and g.lower_ == "as" for g in c.children))]
            described = [m for v in clauses for c in v.children if c.dep_ == "nsubj"
                         for m in _named_or_their_state(c, mentions) or _parties_within(c, mentions)]
            owner = [m for m in mentions for c in on_list.children if c.dep_ == "poss" and m.span.start <= c.i < m.span.end
                     and m.label in PARTY_LABELS]
        elif (lst := _client_list(trig)) is not None:
            # "Hacking Team's customer list includes Sudan, ...", "the leaked list of Hacking Team clients includes ..."
            objs = [o for c in lst.head.children if c.dep_ in ("dobj", "attr") for o in (c, *c.conjuncts)]
            described = [m for c in objs for m in _named_or_their_state(c, mentions)]
            owner = [m for m in mentions for c in lst.children if c.dep_ == "poss" and m.span.start <= c.i < m.span.end
                     and m.label in PARTY_LABELS]
        elif (rel := next((c for c in trig.children if c.dep_ == "relcl" and c.lemma_ in ("include", "be") and any(
                s.dep_ == "nsubj" and s.tag_ in ("WDT", "WP") for s in c.children)), None)) is not None:
            # "NSO Group's clients, which include Mexico, Panama and Saudi Arabia, used ...": the relative clause's list
            objs = [o for c in rel.children if c.dep_ in ("dobj", "attr") for o in (c, *c.conjuncts)]
            described = [m for c in objs for m in _named_or_their_state(c, mentions)]
        other: list[Mention] = list(owner)
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in trig.children) and trig.head.dep_ == "relcl":
            # "NSO Group, whose clients include Saudi Arabia and the UAE": the relative's noun
            other += _described_by(trig.head.head, mentions)
        for m in mentions:
            if m.label not in PARTY_LABELS and m.label not in ITEM_LABELS or _funder(m):
                continue
            a = self._attach(trig, m)
            if a is None:
                continue
            if m.label in ITEM_LABELS:
                ev.add(_item_role(m), m)
            elif a.dep in ("poss", "compound") or a.prep in ("of", "to", "for", "with"):
                other.append(m)
            elif a.dep == "appos" or a.prep in ("as", "like", "including", "include", "such"):
                described.append(m)
        nxt = trig.doc[trig.i + 1] if trig.i + 1 < len(trig.doc) else None
        if not any(m.label in PARTY_LABELS for m in described) and nxt is not None and nxt.text == ":":
            # "the governments of the following countries are likely Circles customers: Australia, Belgium, ..."
            described = [m for m in mentions if m.span.start > nxt.i and m.span.end <= list_end(trig.sent)]
        described = [m for m in described if m.label in PARTY_LABELS and not _country_modifier(m, trig, mentions)]
        other = [m for m in other if not _country_modifier(m, trig, mentions)]
        if described and not other:
            # "likely Circles customers": a proper-noun modifier of the agent noun that the entity rules did not
            # name is still the other side, reported as its text
            names = [c for c in trig.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < trig.i
                     and not any(m.span.start <= c.i < m.span.end for m in mentions)]
            if names:
                left = min(n.left_edge.i for n in names)
                span = trig.doc[left : max(n.i for n in names) + 1]
                if all(t.pos_ == "PROPN" for t in span):
                    other = [Mention(span, "TEXT", span.text)]
        if described and not other and not seller:
            # "Armenia, Egypt ... are likely government clients" in a sentence on "installations of Cytrox": with no
            # owner said, the one firm the sentence names (called a firm, a product's maker or a trade firm)
            firms = {m.value: m for m in mentions if m.label == "ORG" and m.value in self._known_firms
                     and m.span.sent.start == trig.sent.start and all(m.key != d.key for d in described)
                     and not _addressee(m)}
            if len(firms) == 1:
                other = list(firms.values())
        if described and not other and not seller:
            # "Pegasus customers include Saudi Arabia": the product's maker, if the document names it (nlp.extract)
            products = [m for m in mentions if m.label == "PRODUCT" and m.root.dep_ in ("compound", "poss", "nmod")
                        and m.root.head.i == trig.i]
            if products:
                for m in described:
                    ev.add("recipient", m)
                for m in products:
                    ev.add("product", m)
                ev.needs_supplier = True
                add_sentence_dates(ev, mentions)
                return ev
        if not described or not other:
            return None
        for m in described:
            ev.add("supplier" if seller else "recipient", m)
        for m in other:
            if all(m.key != d.key for d in described):
                ev.add("recipient" if seller else "supplier", m)
        add_sentence_dates(ev, mentions)
        return ev if ev.roles.get("supplier") and ev.roles.get("recipient") else None

    def _deal(self, trig: Token, sent: Span, mentions: list[Mention]) -> Event | None:
        """"The Ministry signed a contract with Helix", "awarded a contract to Helix", "Helix won a contract from X"."""
        between = self._deal_between(trig, sent, mentions)
        if between is not None:
            return between
        verb = trig.head if trig.dep_ in ("dobj", "nsubjpass") else None
        if verb is None or verb.pos_ != "VERB":
            return self._possessed_deal(trig, sent, mentions)
        vlemma = verb.lemma_.casefold()
        if vlemma in _SCRUTINY_VERBS:
            # "hired a lawyer to review the contract with X": the reviewer is no party to the deal; a holder the
            # deal noun names itself still is ("auditors examined the ministry's contract with X")
            return self._possessed_deal(trig, sent, mentions)
        subj = [m for m in mentions for c in verb.children if c.dep_ == "nsubj" and m.span.start <= c.i < m.span.end]
        pron = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PRON"), None)
        if not subj and pron is not None:  # "... claimed they have never done business with Sudan"
            subj = _antecedents(pron, mentions)
        if not subj and (inherited := self._inherited_subject(verb)) is not None:
            subj = [m for m in mentions if m.span.start <= inherited.i < m.span.end]
        if not subj:  # "the Mexican army's contract with NSO Group was signed in 2017": its holder
            subj = [m for m in mentions for c in trig.children if c.dep_ == "poss" and m.span.start <= c.i < m.span.end]
        parties: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.label not in PARTY_LABELS and m.label != "GOV_GENERIC" or _country_modifier(m, trig, mentions):
                continue
            a = self._attach(trig, m) or self._attach(verb, m)
            if a is not None and a.dep != "nsubj" and (m.label != "GOV_GENERIC" or a.prep in ("with", "between", "from")
                                                       and trig.lemma_.casefold() in _CONTRACT_NOUNS):
                # (an unnamed body is the other side of a firm's contract: "X may begin the work ... once it
                # has signed an agreement with the government"; never of a mere "relationship with the
                # government", and it never takes a deal "to" it)
                parties.setdefault(a.prep or a.dep, []).append(m)
        if trig.dep_ == "dobj" and vlemma in _AWARD_VERBS and not parties.get("dative"):
            # "The ministry had in 2020 awarded X the tender to build ...": the parser reads
            # both objects as direct objects; the firm before the deal noun is the one it went to
            firsts = [m for m in parties.get("dobj", []) if m.label == "ORG" and m.span.end <= trig.i]
            if firsts:
                parties["dative"] = firsts
        ev = Event("supply", trig, confidence=self.base - 0.1)
        holder = [m for m in mentions for c in verb.children if c.dep_ == "nsubjpass" and m.label == "ORG"
                  and m.span.start <= c.i < m.span.end] if trig.dep_ == "dobj" else []
        if vlemma in _AWARD_VERBS - {"sign"} and (parties.get("to") or parties.get("dative") or holder):
            if not subj and (trig.dep_ == "nsubjpass" or holder):
                # "the contract ... was awarded to Huawei by the Kenyan government", "Huawei was awarded a contract
                # by the Kenyan government": the one who awards buys
                subj = parties.get("by", [])
            for m in subj:
                ev.add("recipient", m)
            for m in parties.get("to", []) + parties.get("dative", []) + holder:
                ev.add("supplier", m)
        elif vlemma in _WIN_VERBS:
            for m in subj:
                ev.add("supplier", m)
            # ("won the tender floated by the BTRC": who floated or issued it buys)
            issuers = [m for m in mentions for c in trig.children if c.dep_ == "acl" and c.lemma_.casefold()
                       in _ISSUING_VERBS for a in c.children if a.dep_ == "agent" for p in a.children
                       if p.dep_ == "pobj" and m.span.start <= p.i < m.span.end and m.label in ("GOV_AGENCY", "COUNTRY")]
            for m in parties.get("from", []) + parties.get("with", []) + issuers:
                ev.add("recipient", m)
        elif vlemma in _SIGNING_VERBS and not parties.get("with") and len(
                both := subj + [m for m in mentions for s0 in subj if m.root.dep_ == "conj" and m.root.head.i == s0.root.i
                                and m.label in PARTY_LABELS]) >= 2 \
                and any(m.label == "ORG" for m in both) and any(m.label in ("GOV_AGENCY", "COUNTRY") for m in both):
            # "Government of Zambia's Ministry of Home Affairs and ZTE Corporation signed a $210 million contract":
            # the two signers, a state body and a firm; the firm supplies
            for m in both:
                if m.label == "ORG":
                    ev.add("supplier", m)
                elif not _country_modifier(m, trig, mentions):
                    ev.add("recipient", m)
        elif parties.get("with") or parties.get("between"):  # "a contract between ICE and Paragon"
            partners = parties.get("with", []) + parties.get("between", [])

            def is_state(m: Mention) -> bool:  # (also "the police authorities signed a contract with X")
                return m.label in ("GOV_AGENCY", "COUNTRY", "GOV_GENERIC")
            if subj and all(m.label == "ORG" for m in subj) and any(is_state(m) for m in partners):
                # "it does not have a business relationship with the Sudanese government or the NISS": the firm
                # supplies the state side, with what is coordinated with it
                state, firms = [m for m in partners if m.label in PARTY_LABELS or is_state(m)], subj
            elif not subj and not parties.get("between") and not (subj := _bare_state_signer(verb)):
                return None  # "(it has) a relationship with the government or the NISS": one side only is named
            else:
                sides = subj + partners
                state = [m for m in sides if is_state(m)]
                firms = [m for m in sides if m.label == "ORG"]
            if not state or not firms:
                return None  # two firms or two states: who sells is not said
            for m in state:
                ev.add("recipient", m)
            for m in firms:
                ev.add("supplier", m)
        else:
            return None
        for m in mentions:
            a = self._attach(trig, m)
            if a is None and m.label in ITEM_LABELS and (b := self._attach(verb, m)) is not None and b.prep == "for":
                a = b  # "obtained a contract with X for the purchase of Pegasus": the goods the deal is for
            if a is not None and m.label in ITEM_LABELS:
                ev.add(_item_role(m), m)
        add_sentence_dates(ev, mentions)
        return ev if ev.roles.get("supplier") and ev.roles.get("recipient") else None

    def _deal_between(self, trig: Token, sent: Span, mentions: list[Mention]) -> Event | None:
        """"the deal between leading operator Safaricom and government to set up a national surveillance system",
        "the contract between X and the Ugandan police": a firm on one side and a state on the other, the firm the
        supplier (who sells is not said otherwise, so at a lower confidence)."""
        holders = [trig] + [c for c in trig.children if c.dep_ == "acl"]  # ("the contract concluded between ...")
        after = trig.doc[trig.i + 1] if trig.i + 1 < trig.sent.end else None
        if after is not None and after.pos_ == "VERB" and after.tag_ in ("VBN", "VBD") and after.lemma_.casefold() in \
                _SIGNING_VERBS | {"sign", "strike", "reach", "agree"} and not any(c.dep_ == "nsubj" for c in after.children):
            holders.append(after)  # (the parser may hang that participle elsewhere: "on the contract concluded between")
        prep = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if prep is None:
            return None
        heads = [g for g in prep.children if g.dep_ == "pobj"]
        heads += [c for h in heads for c in h.children if c.dep_ == "conj"]
        sides = [m for m in mentions for h in heads if m.span.start <= h.i < m.span.end
                 and (m.label in PARTY_LABELS or m.label == "GOV_GENERIC") and not _country_modifier(m, trig, mentions)]
        state = [m for m in sides if m.label in ("GOV_AGENCY", "COUNTRY", "GOV_GENERIC")]
        firms = [m for m in sides if m.label == "ORG"]
        if not state or not firms:
            return None
        return supply_event(Event, trig, confidence=self.base - 0.1, recipient=state, supplier=firms, mentions=mentions,
                            goods=lambda m: m.span.sent.start == sent.start)

    def _possessed_deal(self, trig: Token, sent: Span, mentions: list[Mention]) -> Event | None:
        """"NSO Group's contract with the Mexican army was worth $32 million": the possessor and the "with" party,
        a firm on one side and a state on the other (who sells is not said otherwise)."""
        if trig.dep_ == "compound" and trig.head.pos_ in ("NOUN", "PROPN"):
            trig = trig.head  # "Contract No. 2019-0259 with ...": the parser heads the phrase with "No."
        owner = [m for m in mentions for c in trig.children if c.dep_ == "poss" and m.span.start <= c.i < m.span.end]
        partners = [m for m in mentions if (a := self._attach(trig, m)) is not None and a.prep == "with"]
        if not owner and partners:
            # "Contract No. 2019-0259 with Flock Group Inc. for the purchase of two license plate readers for the
            # Franklin Police Department": the state body the contract (or its purchase) is for
            owner = [m for m in mentions if m.label in ("GOV_AGENCY", "COUNTRY") and (a := self._attach(trig, m)) is not None
                     and a.prep == "for" and not _country_modifier(m, trig, mentions)]
        sides = [m for m in owner + partners if m.label in PARTY_LABELS and not _country_modifier(m, trig, mentions)]
        state = [m for m in sides if m.label in ("GOV_AGENCY", "COUNTRY")]
        firms = [m for m in sides if m.label == "ORG"]
        if not owner or not partners or not state or not firms:
            return None
        return supply_event(Event, trig, confidence=self.base - 0.1, recipient=state, supplier=firms, mentions=mentions,
                            goods=lambda m: self._attach(trig, m) is not None)

    def _contract_wording(self, trig: Token, sent: Span, mentions: list[Mention]) -> Event | None:
        """A deal told as a document the other rules leave: "approves the tender award and the signing of the
        contract to X for the provision of a system for the National Police Service", "announced the conclusion of
        an investment agreement with X", "renewed its subscription to X", "has troubling ties to Y and contracts
        with ICE". The firm the deal is made "to"/"with" (a subscription or lease also "for") supplies; the state
        body the goods are "for" gets them, else the state body that is the clause's subject or the deal's holder.
        A firm subject and a state "with" it: the firm supplies the state. Two firms or two states: nothing (who
        gives is not said)."""
        lemma = trig.lemma_.casefold()
        if (between := _between_them(trig, mentions)) is not None:
            return between if between.roles.get("supplier") and between.roles.get("recipient") else None
        if lemma == "award" and not any(c.dep_ == "compound" and c.lemma_.casefold() in ("tender", "contract")
                                        for c in trig.children):
            return None  # (a prize: "received an award from the ministry")
        verb, act = _deal_verb(trig)
        if verb is None:
            return None
        service = lemma in _SERVICE_DEAL_NOUNS
        coordinated = trig.dep_ == "conj"  # "has troubling ties to X and contracts with ICE"
        # "The second contract was signed with X for the Internal Security Force": a passive deal, whom it is for
        passive = trig.dep_ == "nsubjpass" and verb.lemma_.casefold() in _AWARD_VERBS | _SIGNING_VERBS
        if act is None and not service and not coordinated and not passive:
            return None  # (a plain "signed a contract with X": the deal rules read it)
        subj_toks = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj_toks and verb.dep_ == "conj":  # "began to sell ... and also has contracts with ICE"
            subj_toks = [c for c in verb.head.children if c.dep_ == "nsubj"]
        subj = [m for m in mentions for c in subj_toks if m.span.start <= c.i < m.span.end]
        holders = [m for m in mentions for c in trig.children if c.dep_ == "poss" and m.span.start <= c.i < m.span.end]
        firm_preps = ("to", "with", "for") if service else ("to", "with")
        firms: list[Mention] = []
        users: list[Mention] = []
        withs: list[Mention] = []
        agents: list[Mention] = []
        for m in mentions:
            if m.label not in PARTY_LABELS and m.label != "GOV_GENERIC" or m in subj or m in holders \
                    or _country_modifier(m, trig, mentions):
                continue
            if coordinated and m.root.dep_ == "pobj" and m.root.head.lower_ == "with" and m.root.head.head.i == trig.head.i:
                a: Attachment | None = Attachment(m, "pobj", "with")  # (the parser hangs "with ICE" on the noun
                # before "and contracts")
            else:
                a = self._attach(trig, m) or self._attach(verb, m)
            if a is None or a.dep in ("nsubj", "nsubjpass"):
                continue
            prep = "to" if a.dep == "dative" else a.prep
            if m.label in _STATE_LABELS and m.root.dep_ == "pobj" and (m.root.head.lower_ == "for" or (
                    m.root.head.lower_ == "of" and m.root.head.head.lower_ == "benefit")):
                prep = "for"  # (the parser may hang "for the Internal Security Force" on the firm's name; "for the
                # benefit of X" is for X)
            if m.label == "ORG" and prep in firm_preps:
                firms.append(m)
            elif m.label in _STATE_LABELS and prep == "for":
                users.append(m)  # "for the provision of a system for the National Police Service"
            elif m.label in _STATE_LABELS and prep == "with":
                withs.append(m)
            elif m.label in _STATE_LABELS and prep == "by":
                agents.append(m)
        confidence = self.base - 0.15
        if not firms and withs and any(m.label == "ORG" for m in subj + holders):
            suppliers, recipients = [m for m in subj + holders if m.label == "ORG"], withs
        else:
            suppliers = firms
            recipients = users or [m for m in subj + holders if m.label in _STATE_LABELS] or agents
        if suppliers and not recipients and passive and verb.lemma_.casefold() == "award" and _definite_deal(trig) \
                and (issuer := _tender_issuer_before(trig)) is not None:
            # "The Home Office issued a tender for ... . The contract was awarded to X": who put the tender out
            # awards it (told in one of the two sentences before, at the confidence of a next-sentence link)
            recipients = [issuer]
            confidence = MAKER_NEXT_SENTENCE_CONFIDENCE
        if not suppliers and users and passive and _unnamed_firms(verb, trig):
            # "the third contract was signed with various companies for the benefit of the Internal Security Force":
            # the body gets what firms the text does not name supply (a purchase with no named seller)
            confidence = self.base - 0.25
        elif not suppliers or not recipients:
            return None
        return supply_event(Event, trig, confidence=confidence, recipient=recipients, supplier=suppliers,
                            mentions=mentions,
                            goods=lambda m: self._attach(trig, m) is not None or self._attach(verb, m) is not None)

    def _taken_on(self, trig: Token, sent: Span, mentions: list[Mention], bodies: list[Mention], firm: Mention) -> Event:
        """"The Police Digital Service has signed Deloitte as a 'capability partner' to support its Digital
        Forensics Programme": the body that takes a firm on as its partner, supplier or contractor gets what the
        firm provides (:func:`nlp.components.contract_parties.firm_taken_on` finds the two)."""
        return supply_event(Event, trig, confidence=self.base - 0.15, rule="contract_parties",
                            explanation=f"{firm.value} taken on by the buyer as its {_taken_on_as(trig)}",
                            recipient=bodies, supplier=[firm], mentions=mentions,
                            goods=lambda m: m.span.sent.start == sent.start)

    def _work_awarded(self, sent: Span, mentions: list[Mention]) -> Event | None:
        """A project or work a state body awards to a firm (:func:`nlp.components.contract_parties.work_awarded`):
        the firm supplies the subject, a named state party or an unnamed "the government"."""
        found = work_awarded(sent, mentions)
        if found is None:
            return None
        verb, subj, firm = found
        bodies = [m for m in mentions if m.span.start <= subj.i < m.span.end and m.label in _STATE_LABELS]
        if not bodies and _bare_state_noun(subj) is not None:
            bodies = [Mention(subj.doc[subj.i : subj.i + 1], "GOV_GENERIC", subj.lower_)]
        if not bodies:
            return None
        return supply_event(Event, verb, confidence=self.base - 0.15, rule="contract_parties",
                            explanation="a project or work awarded to a firm: the awarding body buys",
                            recipient=bodies, supplier=[firm], mentions=mentions,
                            goods=lambda m: m.span.sent.start == sent.start)

    def _called_off(self, trig: Token, sent: Span, mentions: list[Mention], buyers: list[Mention], firm: Mention,
                    via: list[Mention]) -> Event:
        """"The MPS is seeking approval for a Call-Off from the CDW Heath Trust Europe Framework to Cellebrite for
        Licences": the firm supplies the body, through the framework
        (:func:`nlp.components.contract_parties.call_off_parties` finds them)."""
        return supply_event(Event, trig, confidence=self.base - 0.15, rule="contract_parties",
                            explanation="a call-off from a framework: the firm it is made to supplies the body that "
                                        "calls it off",
                            recipient=buyers, supplier=[firm], via=via, mentions=mentions,
                            goods=lambda m: m.span.sent.start == sent.start)

    def _ownership_verb(self, trig: Token, mentions: list[Mention]) -> Event | None:
        slots = self._slots(trig, mentions)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children)
        ev = Event("ownership", trig, confidence=self.base)
        for a in slots:
            m = a.mention
            if m.label not in ("ORG", "PERSON", "GOV_AGENCY", "COUNTRY"):
                if m.label == "PERCENT":
                    ev.add("share", m)
                continue
            if (a.dep == "nsubj" and not passive) or a.prep == "by":
                ev.add("owner", m)
            elif a.dep in ("dobj", "nsubjpass") or a.prep in ("in", "of"):
                ev.add("owned", m)
        if trig.lemma_ == "hold" or trig.lemma_ == "take":
            # only what a stake or control is held in: "took proactive measures in response to Sri Lanka's
            # request" owns nothing
            ev.roles.pop("owned", None)
            for child in trig.children:
                if child.dep_ == "dobj" and child.lemma_ in ("stake", "share", "interest", "control", "majority"):
                    for m in mentions:
                        att = self._attach(child, m)
                        if att and att.prep in ("in", "of") and m.label in ("ORG", "GOV_AGENCY"):
                            ev.add("owned", m)
            if not ev.roles.get("owned"):
                return None
        _add_share(ev, trig.sent, mentions)
        return ev if ev.roles.get("owner") and ev.roles.get("owned") else None

    def _ownership_noun(self, trig: Token, sent: Span, mentions: list[Mention]) -> Event | None:
        lemma = trig.lemma_.casefold()
        ev = Event("ownership", trig, confidence=self.base - 0.05)
        of_side = [a.mention for m in mentions if (a := self._attach(trig, m)) and a.prep in ("of", "in")
                   and m.label in ("ORG", "PERSON", "GOV_AGENCY")]
        poss = [a.mention for m in mentions if (a := self._attach(trig, m)) and a.dep == "poss"]
        other: list[Mention] = []
        if trig.dep_ == "appos":
            other = [m for m in mentions if m.span.start <= trig.head.i < m.span.end]
        elif trig.dep_ in ("attr",):
            subj = [c for c in trig.head.children if c.dep_ == "nsubj"]
            other = [m for m in mentions for s in subj if m.span.start <= s.i < m.span.end]
        elif trig.dep_ == "compound" or any(c.dep_ == "appos" for c in trig.children):
            other = [m for m in mentions for c in trig.children if c.dep_ == "appos" and m.span.start <= c.i < m.span.end]
        other = [m for m in other if m.label in ("ORG", "PERSON", "GOV_AGENCY")]
        if lemma in ("subsidiary", "affiliate", "arm", "unit"):
            owners, owned = of_side + poss, other
        elif lemma in ("parent", "owner", "shareholder", "shareholding"):
            owners, owned = other + poss, of_side
        else:  # stake: "X's 60% stake in Y", "X holds a stake in Y" (the verb handles the latter)
            owners, owned = poss, [m for m in of_side]
        if not owners or not owned:
            return None
        for m in owners:
            ev.add("owner", m)
        for m in owned:
            if all(m.key != o.key for o in owners):
                ev.add("owned", m)
        _add_share(ev, sent, mentions)
        return ev if ev.roles.get("owned") else None

    def _rename(self, trig: Token, sent: Span, mentions: list[Mention]) -> Event | None:
        orgs = [m for m in mentions if m.label in ("ORG", "GOV_AGENCY", "PRODUCT")]
        before = [m for m in orgs if m.span.end <= trig.i]
        after = [m for m in orgs if m.span.start > trig.i]
        if not before or not after:
            return None
        ev = Event("ownership", trig, confidence=self.base - 0.1)
        ev.add("former_name", before[-1])
        ev.add("entity", after[0])
        return ev

    def _formerly_known_as(self, sent: Span, mentions: list[Mention]) -> list[Event]:
        out: list[Event] = []
        toks = list(sent)
        for i, tok in enumerate(toks[:-2]):
            if tok.lower_ in ("formerly", "previously") and toks[i + 1].lower_ in ("known", "called", "named") or (
                tok.lower_ in ("formerly", "previously", "f/k/a", "fka") and toks[i + 1].lower_ not in ("known", "called", "named")
                and tok.lower_ in ("f/k/a", "fka")
            ):
                orgs = [m for m in mentions if m.label in ("ORG", "GOV_AGENCY", "PRODUCT")]
                before = [m for m in orgs if m.span.end <= tok.i]
                after = [m for m in orgs if m.span.start > tok.i]
                if before and after:
                    ev = Event("ownership", tok, confidence=self.base)
                    ev.add("entity", before[-1])
                    ev.add("former_name", after[0])
                    out.append(ev)
        return out

    # ------------------------------------------------------------------ abuse
    def _abuse(self, trig: Token, sent: Span, mentions: list[Mention], use: bool) -> Event | None:
        slots = self._slots(trig, mentions)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children)
        ev = Event("abuse", trig)
        items = [m.span for m in mentions if m.label in (*ITEM_LABELS, "ORG")]  # (a country at home in one: no doer)
        finding = _finding(trig)
        if finding and any(c.dep_ == "dobj" and c.lemma_.casefold() in _FINDING_NOUNS for c in trig.children):
            return None  # "researchers identified traces of Pegasus on the phones of journalists": a finding
        for a in slots:
            m = a.mention
            if finding and m.label in ("ORG", "PERSON") and a.dep == "nsubj" and not _instrument(trig, mentions):
                continue  # "Access Now and CitizenLab identified seven more ... journalists": who found, not who did
            if m.label in ("ORG", "GOV_AGENCY") and a.dep == "nsubj" and a.prep and \
                    _subject_noun(trig).lemma_.casefold() in _FINDER_NOUNS:
                continue  # "researchers with the Citizen Lab identified ...": a finder's affiliation, not an actor
            if m.label == "VICTIM_GROUP":
                if not use or a.prep in ("against", "on", "to"):
                    ev.add("victim_group", m)
            elif m.label in ITEM_LABELS:
                ev.add(_item_role(m), m)
            elif m.label in ("GOV_AGENCY", "COUNTRY", "ORG", "GOV_GENERIC", "PERSON"):
                if m.label == "COUNTRY" and vendor_home(m.span, items, _FIRM_NOUNS):
                    continue  # "targeted by military-grade Israeli spyware": the tool's home, not its user
                if (a.dep == "nsubj" and not passive) or a.prep == "by" or a.dep == "poss":
                    ev.add("actor", m)
                elif a.prep == "in" and m.label == "COUNTRY":
                    ev.add("country", m)
            elif m.label == "DATE":
                ev.add("date", m)
        if use:  # "used Pegasus to monitor journalists": the purpose clause carries the victims
            for child in trig.children:  # (on the noun, "the use of X to monitor ...", it is an "acl")
                if child.dep_ in ("xcomp", "advcl", "acl") and child.lemma_.casefold() in self.t["abuse"]:
                    for m in mentions:
                        att = self._attach(child, m)
                        if att and m.label == "VICTIM_GROUP":
                            ev.add("victim_group", m)
        if not ev.roles.get("victim_group"):
            return None
        if use and not (ev.roles.get("capability") or ev.roles.get("product")):
            return None
        plural = plural_state_actor(trig, USE_VERBS | self.t["abuse_use"])
        if trig.dep_ in ("xcomp", "advcl") and trig.head.lemma_.casefold() in self.t["abuse_use"] and not (
                plural is not None and not self._names_tool(trig.head, mentions)) or \
                trig.dep_ == "acl" and trig.head.pos_ == "NOUN" and trig.head.lemma_.casefold() in USE_NOUNS:
            return None  # reported through the "use" trigger above, which knows the tool (when it names one:
            # "governments that used these tools to target journalists" is read here, with its plural doer)
        if plural is not None:  # "foreign governments that used these tools to target ...": the class of doers,
            # or the states it lists ("authoritarian governments, including A and B, that used it to spy on ...")
            listed = named_members(plural.root)
            members = [m for m in mentions if m.label in ("COUNTRY", "GOV_AGENCY") and m.root.i in listed]
            ev.roles.pop("actor", None)  # (the clause's own doer outranks a subject read from the clause above it:
            # "X supplied spyware to governments that used it to target ...", X is no doer)
            for m in members or [Mention(plural, "GOV_GENERIC", plural.text.casefold())]:
                ev.add("actor", m)
        for m in mentions:  # tools named with "with", "using", "through" deeper in the clause
            if m.label in ITEM_LABELS and m.span.start > trig.i and not any(m.key == x.key for r in ev.roles.values() for x in r):
                if any(t.lower_ in ("with", "using", "through", "via", "by") for t in m.span.doc[trig.i : m.span.start]):
                    ev.add(_item_role(m), m)
        if not ev.roles.get("actor"):
            # (not the one designating, nor a court, nor one that subjects a listing: "the Department of
            # Commerce's BIS added"; a state named with the victims, "critics of the Turkish Government", "Moroccan
            # journalists", stays: the fallback's guess of a domestic actor, at a lower confidence)
            agencies = [m for m in mentions if m.label == "GOV_AGENCY" and not m.span.start <= trig.i < m.span.end
                        and m.root.head.lemma_.casefold() not in self.t["listing"] and not _judicial_body(m)
                        and not self._lister(m)]
            generic = [m for m in mentions if m.label == "GOV_GENERIC"]
            countries = [m for m in mentions if m.label == "COUNTRY" and m.root.head.lower_ != "in"
                         and not _dateline(m) and not vendor_home(m.span, items, _FIRM_NOUNS)]
            # (after a finding verb only a state body named in the sentence: "the SSD used FaceTrace to identify
            # protesters"; never a country where the victims live, "living outside of Belarus and Russia")
            fallback = agencies[:1] or generic[:1] or ([] if finding else countries[:1])
            if fallback:
                ev.add("actor", fallback[0])
                ev.confidence = self.base - 0.2
        add_sentence_dates(ev, mentions)
        _add_sentence_countries(ev, sent, mentions)
        return ev if ev.roles.get("actor") or _agentless_abuse(trig, ev) else None

    def _names_tool(self, verb: Token, mentions: list[Mention]) -> bool:
        """True when a tool (a capability or product) hangs on the verb: "used Pegasus to ..."."""
        return any(m.label in ITEM_LABELS and self._attach(verb, m) is not None for m in mentions)

    def _lister(self, m: Mention) -> bool:
        """True for a party in the subject of a listing verb ("The Department of Commerce's Bureau of Industry and
        Security (BIS) added to the Entity List ..."): the authority of a listing, never the actor of the abuse the
        listing names."""
        node = m.root
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.dep_ not in ("nsubj", "nsubjpass"):
            node = node.head
        return node.dep_ == "nsubj" and node.head.lemma_.casefold() in self.t["listing"]

    # ------------------------------------------------------------------ listing
    def _listing(self, trig: Token, sent: Span, mentions: list[Mention]) -> Event | None:
        if trig.lemma_.casefold() == "include" and any(
                c.dep_ == "nsubj" and c.lemma_.casefold() in _BUYER_AGENTS | _SELLER_AGENTS for c in trig.children):
            return None  # "NSO Group's customers include ...": a client list (a supply), no listing
        if any(_client_list(a) is not None for c in trig.children if c.dep_ == "nsubj" for a in c.subtree
               if a.lemma_.casefold() in _BUYER_AGENTS | _SELLER_AGENTS):
            return None  # "Hacking Team's customer list includes ...": the same, said of its list
        if trig.lemma_.casefold() == "include" and _common_list_subject(trig, mentions):
            return None  # "the list of nations who have used the services of X, a list which includes A, B": no listing
        slots = self._slots(trig, mentions)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children)
        lists = [m for m in mentions if m.label == "LIST"]
        ev = Event("listing", trig)
        for a in slots:
            m = a.mention
            if m.label == "LIST":
                continue
            if m.label == "DATE":
                ev.add("date", m)
            elif m.label == "COUNTRY" and (_country_modifier(m, trig, mentions) or m.root.dep_ in (
                    "amod", "compound", "nmod") and m.root.head.lemma_.casefold() not in _STATE_NOUNS):
                # "added Canada-based Sandvine Inc.", "Adds Eleven Chinese Entities", "restrictions on seven Iranian
                # drone producers": where the listed parties are, not a listed party
                ev.add("country", m)
            elif m.label in ("ORG", "PERSON", "GOV_AGENCY", "PRODUCT") or (m.label == "COUNTRY" and a.dep == "dobj"):
                if a.dep in ("dobj", "nsubjpass") or (a.dep == "nsubj" and passive):
                    ev.add("entity", m)
                elif ((a.dep == "nsubj" and not passive) or a.prep == "by") and m.label != "PRODUCT":
                    ev.add("authority", m)  # (not goods: "Hebron Smart City also includes 'White Wolf'" lists no one)
                elif a.dep == "appos" or a.prep in ("including",):
                    ev.add("entity", m)
        for m in lists:
            ev.add("list", m)
        if not ev.roles.get("entity") or not (ev.roles.get("list") or ev.roles.get("authority")):
            if trig.pos_ == "NOUN" and lists:
                ents = [a.mention for a in slots if a.prep in ("of", "on", "against") and a.mention.label in PARTY_LABELS]
                if ents:
                    for m in ents:
                        ev.add("entity", m)
                    return ev
            return None
        add_sentence_dates(ev, mentions)
        return ev

    # ------------------------------------------------------------------ reexport
    def _reexport(self, trig: Token, sent: Span, mentions: list[Mention]) -> Event | None:
        slots = self._slots(trig, mentions)
        ev = Event("reexport", trig)
        for a in slots:
            m = a.mention
            if m.label in ITEM_LABELS:
                ev.add("item", m)
            elif m.label in PARTY_LABELS or m.label == "PLACE":
                if a.prep in ("through", "via") or a.intermediary:
                    ev.add("via", m)
                elif a.prep in ("to", "into", "for"):
                    ev.add("to", m)
                elif a.prep == "from":
                    ev.add("from", m)
                elif a.dep in ("nsubj",) or a.prep == "by":
                    ev.add("via", m)
            elif m.label == "DATE":
                ev.add("date", m)
        if not ev.roles.get("item"):
            item = _object_phrase(trig)
            if item is not None:
                ev.add("item", Mention(item, "TEXT", item.text))
        if not ev.roles.get("to") and not ev.roles.get("from"):
            return None
        add_sentence_dates(ev, mentions)
        return ev


def _permit_parties(trig: Token, mentions: list[Mention]) -> tuple[set[tuple[int, int]], set[tuple[int, int]]] | None:
    """For a trade word in the infinitive of a permission ("the license given by the Israeli MoD to NSO to export
    Pegasus", "a licence to NSO to export", "authorized NSO to sell"): the keys of the parties that grant it (its
    "by" agent, the subject of granting) and of those that hold it (its "to" object, the object of authorising).
    A licence granted by a state body to a firm is an export authorisation, not a supply to the firm: the holder is
    the exporter. None when the trade word hangs on no permission."""
    head = trig.head
    if trig.dep_ not in ("acl", "xcomp", "advcl", "relcl") or head.i == trig.i:
        return None
    permit = head if head.lemma_.casefold() in _PERMIT_LEMMAS else None
    if permit is None and head.pos_ == "VERB" and head.dep_ == "acl" and head.head.lemma_.casefold() in _PERMIT_LEMMAS:
        permit = head  # "the license given ... to NSO to export": the participle on the licence noun
    if permit is None:
        return None
    nodes = {permit.i}
    if permit.pos_ == "NOUN" and permit.dep_ in ("dobj", "nsubjpass") and permit.head.pos_ == "VERB":
        nodes.add(permit.head.i)  # "granted NSO Group a license to sell": the verb that gives the licence
    grantors: set[tuple[int, int]] = set()
    holders: set[tuple[int, int]] = set()
    for m in mentions:
        node = m.root
        path: list[Token] = []
        while node.i not in nodes and node.head.i != node.i and len(path) < 6:
            path.append(node)
            node = node.head
        if node.i not in nodes or not path or m.label not in PARTY_LABELS:
            continue
        top = path[-1]
        if top.dep_ == "nsubj" and top.head.lemma_.casefold() in RECEIVING_VERBS:
            holders.add(m.key)  # "X obtained a licence to export": the subject of receiving holds it
        elif top.dep_ == "agent" or top.dep_ == "nsubj" or top.dep_ == "prep" and top.lower_ in ("by", "from"):
            grantors.add(m.key)
        elif top.dep_ in ("dobj", "dative") or top.dep_ == "prep" and top.lower_ == "to":
            holders.add(m.key)
    return grantors, holders


def _name_of_goods(m: Mention, trig: Token) -> bool:
    """True for a name given to the traded goods by a naming participle: "supplied an Internet traffic monitoring
    system called Cerebro", "sold a tool known as X" (the object or passive subject of the trade word, not a firm
    noun: "a company called X" stays a party)."""
    root = m.root
    acl = root.head
    if root.dep_ not in ("oprd", "attr", "xcomp", "dobj", "pobj") or acl.dep_ != "acl" or \
            acl.lemma_.casefold() not in _NAMING_VERBS:
        if root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.dep_ == "acl":
            acl = root.head.head  # "known as X"
        else:
            return False
    if acl.lemma_.casefold() not in _NAMING_VERBS:
        return False
    goods = acl.head
    return goods.head.i == trig.i and goods.dep_ in ("dobj", "nsubjpass") and goods.pos_ == "NOUN" and \
        goods.lemma_.casefold() not in _ANAPHOR_NOUNS | _FIRM_NOUNS | _STATE_NOUNS


def _agentless_abuse(trig: Token, ev: Event) -> bool:
    """True for an abuse said without its doer, which stands as an event with no actor: a passive with no "by"
    agent or an abuse noun, naming the victims and the tool ("Ethiopian dissidents in exile have also been infected
    with FinFisher spyware", "the phones of 36 journalists were hacked with Pegasus", "Predator was used against
    opposition politicians", "the targeting of Bahraini activists with the software"). Reports on spyware mostly
    write the victims and the tool in one clause and the attribution, if any, in another; the dev set annotates
    such a clause as an abuse with no actor. Not a modal ("the spyware could be used to spy on journalists"):
    a capability, not an act. The nominal "use" ("the suspected use of Pegasus against 36 journalists") is read
    by the same rule."""
    if not (ev.roles.get("capability") or ev.roles.get("product")):
        return False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children)
    verb = trig.head if trig.dep_ in ("xcomp", "advcl") and trig.head.pos_ in ("VERB", "AUX") else trig
    if not (passive or trig.pos_ == "NOUN" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)):
        return False
    # (a modal anywhere above: "they can also be used to engage in surveillance ... and target activists")
    return not any(c.tag_ == "MD" for v in (trig, *trig.ancestors) for c in v.children)


def _judicial_body(m: Mention) -> bool:
    """Courts and tribunals judge; they are never the actor of an abuse a sentence names ("an amicus brief filed
    with the United States Court of Appeals for the Ninth Circuit ... persecution")."""
    words = m.span.text.casefold().split()
    return any(w in ("court", "tribunal", "circuit", "judge", "judiciary") for w in words)


def _dateline(m: Mention) -> bool:
    """True for a country in a press release's dateline ("Toronto, Canada (February 13, 2014) – Our report ..."):
    where the release was issued, not who acted. The country comes right after a city and a comma at the
    sentence's start, with a bracket or a dash after it."""
    doc = m.span.doc
    start = m.span.sent.start
    nxt = doc[m.span.end] if m.span.end < len(doc) else None
    return m.span.start - start <= 3 and m.span.start >= start + 2 and doc[m.span.start - 1].text == "," and \
        nxt is not None and nxt.text in ("(", "–", "—", "-")


def _finding(trig: Token) -> bool:
    """True for an abuse trigger that is also a verb of finding ("identified", "traced", "located"): said of a
    research group or a journalist it reports a finding, not an act of surveillance."""
    return trig.pos_ == "VERB" and trig.lemma_.casefold() in _FINDING_VERBS


def _instrument(trig: Token, mentions: list[Mention]) -> bool:
    """True when the clause names the surveillance tool the act was done with ("identified protesters with facial
    recognition", "using Pegasus"): then the subject did the act."""
    return any(m.label in ITEM_LABELS and any(t.lower_ in ("with", "using", "through", "via")
                                              for t in m.span.doc[trig.i : m.span.start]) and m.span.start > trig.i
               for m in mentions)


def _subject_noun(trig: Token) -> Token:
    """The subject token of a verb (the verb itself when it has none)."""
    return next((c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")), trig)


def _without_banned(events: list[Event]) -> list[Event]:
    """The supply and re-export events of a sentence less those a ban or a call to stop rules out (:func:`_halted`);
    a sale said as ending is kept and marked ``halted`` (hedged)."""
    out: list[Event] = []
    for ev in events:
        if ev.type in ("supply", "reexport"):
            how = _halted(ev.trigger)
            if how == "banned":
                continue
            ev.halted = how == "halted"
        out.append(ev)
    return out


def _halted(trig: Token) -> str:
    """How a ban or a stop above a trade word qualifies it: "banned" for a sale that a ban, a restriction or a call
    to stop rules out ("was banned from selling products to Hikvision", "forbids American companies from selling
    to ...", "an export ban on sales to X", "urged Amazon to stop selling Rekognition to police": no sale is stated,
    the event is dropped); "halted" for a sale said as ending ("NSO agreed to halt the sale of Pegasus to X",
    "Cellebrite ceased selling to Russia": the sale is implied to have taken place, so the event is kept but marked
    hedged, as a report the text does not state); "" otherwise. Walks at most four steps up through the words
    that tie an infinitive, a gerund or an object to its governor (xcomp, pcomp, prep, pobj, dobj, compound, ...).
    Source of the rule: issue 13's breaker round (real news sentences read as sales)."""
    node = trig
    stopped = False
    for _ in range(4):
        if node.dep_ not in ("xcomp", "pcomp", "prep", "pobj", "dobj", "compound", "nsubjpass", "ccomp", "acl",
                             "advcl", "conj") or node.head.i == node.i:
            break
        if node.dep_ in ("advcl", "conj") and node.head.pos_ != "VERB":
            break  # (an "acl" goes on: "a ban on its agencies buying ... from Hikvision")
        node = node.head
        lemma = node.lemma_.casefold()
        if lemma in _BAN_LEMMAS:
            return "banned"
        if lemma in _STOP_LEMMAS and any(c.dep_ == "dobj" and c.lemma_.casefold() in _PERMIT_LEMMAS and c.i != trig.i
                                         for c in node.children):
            break  # "to suspend the license given ... to NSO to export Pegasus": the licence is stopped, not the sale
        if lemma in _STOP_LEMMAS:
            stopped = True
        elif lemma in _CALL_LEMMAS and stopped:
            return "banned"  # a call to stop: "urged X to stop selling to Y"
        elif node.pos_ in ("VERB", "AUX") and not stopped and lemma not in ("be", "have", "agree", "decide", "plan"):
            if lemma not in _STOP_LEMMAS and node.dep_ not in ("xcomp", "ccomp"):
                break
    if not stopped:
        for c in trig.children:  # "an export ban on ...": the noun with a ban word on it ("export ban" parsed inverted)
            if c.dep_ in ("compound", "amod") and c.lemma_.casefold() in _BAN_LEMMAS:
                return "banned"
    return "halted" if stopped else ""


def _infinitive(verb: Token) -> bool:
    """A verb with its "to": "to export"."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _maker_of_the_goods_before(sent: Span, mentions: list[Mention]) -> Mention | None:
    """The organisation a sentence names as the maker of goods it refers back to with a definite noun: "The
    software was developed by Innefu Labs", "The cameras were made by Hikvision", "The system, built by X, ...";
    None otherwise (a name of its own, "Pegasus was developed by NSO Group", is read by the product-maker rules)."""
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass") and _definite_goods(tok, _GOODS_NOUNS):
            # "The system from Cellebrite Inc. of Virginia would allow the sheriff's office to ...": its source
            found = [m for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for g in p.children
                     if g.dep_ == "pobj" for m in mentions if m.label == "ORG" and m.span.start <= g.i < m.span.end]
            if found:
                return found[0]
        if tok.lemma_.casefold() not in _MAKER_VERBS | _CARRYING_OUT_VERBS or tok.tag_ != "VBN":
            continue
        goods = next((c for c in tok.children if c.dep_ == "nsubjpass"), None) if tok.dep_ in ("ROOT", "ccomp") else \
            tok.head if tok.dep_ == "acl" and tok.head.dep_ == "nsubj" else None  # (ccomp: "..., he said")
        nouns = _GOODS_NOUNS | (_PROJECT_NOUNS if tok.lemma_.casefold() in _CARRYING_OUT_VERBS else set())
        if not _definite_goods(goods, nouns) and not (
                goods is not None and goods.lower_ == "it" and tok.lemma_.casefold() in _MAKER_VERBS):
            continue  # ("It was developed by Innefu Labs" after a purchase: the goods just bought)
        for agent in tok.children:
            if agent.dep_ == "agent":
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                found = [m for m in mentions if obj is not None and m.label == "ORG" and m.span.start <= obj.i < m.span.end]
                if found:
                    return found[0]
    return None


def _noun_phrase(noun: Token) -> str:
    """A noun with the compounds and adjectives right before it, lower case and lemmatised at the head ("front
    company", "freight forwarder"), to compare with multi-word intermediary terms."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    return " ".join([m.lower_ for m in mods] + [noun.lemma_.casefold()])


def _antecedents(pron: Token, mentions: list[Mention]) -> list[Mention]:
    """The parties a subject pronoun stands for: "it" the nearest organisation, agency or person named before it,
    "they" that one and the parties coordinated with it ("NSO Group and Candiru ... they developed and supplied")."""
    if pron.lower_ not in ("it", "they", "them", "he", "she"):
        return []  # "that", "which", "who" are relative pronouns: their noun, not the last name before
    speaker = _speaker(pron)
    if speaker is not None:  # "X told the UN investigators that it ...": it is X, not the UN
        named = [m for m in mentions if m.span.start <= speaker.i < m.span.end and m.label in ("ORG", "GOV_AGENCY", "PERSON")]
        if pron.lower_ in ("they", "them") and named and named[0].label == "PERSON":
            # "Fred Enanga of the Ugandan Police Force announced ... that they have a contract with Huawei": they
            # are the body the speaker speaks for
            body = [m for p in speaker.children if p.dep_ == "prep" and p.lower_ in ("of", "from") for g in p.children
                    if g.dep_ == "pobj" for m in mentions if m.span.start <= g.i < m.span.end
                    and m.label in ("ORG", "GOV_AGENCY")]
            return body or named
        # (a person who says "it" speaks of a firm or body, never of themself: "the CEO said it had sold ...")
        return [m for m in named if not (pron.lower_ == "it" and m.label == "PERSON")]
    before = [m for m in mentions if m.span.end <= pron.i and m.label in ("ORG", "GOV_AGENCY", "PERSON") and m.refers is None
              and not _addressee(m) and not _news_source(m) and not (pron.lower_ == "it" and m.label == "PERSON")]
    if pron.lower_ == "it":
        # "the Ruritanian firm that sold the junta its radios is under inquiry over reports that it supplied ...": "it" is the
        # unnamed company its sentence is about (named, if at all, elsewhere), not a name inside its clauses
        before = after_unnamed_subject(pron, before, mentions, _ANAPHOR_NOUNS, pron.sent.start, own_sentence=True)
    if not before:
        return []
    last = before[-1]
    if pron.lower_ not in ("they", "them"):
        return [last]
    root = last.root
    top = root.head if root.dep_ == "conj" else root
    return [m for m in before if m.root.i == top.i or (m.root.dep_ == "conj" and m.root.head.i == top.i)]


_REVEALING_VERBS = {"uncover", "reveal", "find", "discover", "show", "document", "report", "expose", "establish",
                    "confirm", "learn", "identify", "detail"}


def _reporter_of(m: Mention, tok: Token) -> bool:
    """True when M is the subject of a verb of finding or reporting whose clause holds TOK: in "Privacy
    International uncovered that these companies have supplied ...", the companies are not the group that found
    them out."""
    verb = m.root.head
    return m.root.dep_ == "nsubj" and verb.lemma_.casefold() in _REVEALING_VERBS and verb in tok.ancestors


def _news_source(m: Mention) -> bool:
    """True for a name that says whose report it is ("An ABC report said that the Australian Federal Police ... it
    struck a deal"): a source of the text, never what a later pronoun stands for."""
    root = m.root
    return root.dep_ in ("compound", "poss", "nmod") and root.head.lemma_.casefold() in _REPORT_NOUNS


def _named_or_their_state(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """The parties a noun phrase names: the name it is, with the names coordinated with it, or for "the governments
    of Rwanda and Morocco" the countries of its "of" phrase."""
    heads = [noun, *noun.conjuncts]
    if noun.pos_ == "NOUN" and noun.lemma_.casefold() in _STATE_NOUNS:
        heads += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj" for o in (g, *g.conjuncts)]
    named = [m for m in mentions for h in heads if m.span.start <= h.i < m.span.end]
    if named and all(m.label == "GOV_GENERIC" for m in named):
        # "its clients include the police in Jordan and Oman", "intelligence agencies in A and B": a state body
        # named by its common noun only is the states its list names (issue 13 round 23); else it stays as said
        return listed_parties(noun, mentions, loose=False) or named
    # "several governments, such as Mexico and Peru", "police forces in Kenya and Uganda": the parties it lists
    return named or listed_parties(noun, mentions, loose=False)


def _described_by(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """The parties a common noun stands for when a relative clause hangs on it: the name it is ("Cellebrite is a
    firm that ...", "NSO Group, a company that ..."), or, for an unnamed group, the country that qualifies it
    ("Iranian procurement networks that supply Russia": Iran's networks)."""
    named = [m for m in mentions if m.span.start <= noun.i < m.span.end]
    named += [m for m in mentions for c in noun.children if c.dep_ == "appos" and m.span.start <= c.i < m.span.end]
    if named:  # "the Israeli spyware company NSO Group owns Pegasus and sells it to ...": NSO Group
        return named
    if noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become", "remain"):
        # ("The Mexican military was about to become the first client ever to buy their product")
        return [m for m in mentions for c in noun.head.children if c.dep_ == "nsubj" and m.span.start <= c.i < m.span.end]
    if noun.dep_ == "appos":
        return [m for m in mentions if m.span.start <= noun.head.i < m.span.end]
    if noun.lemma_.casefold() in _STAFF_NOUNS:  # "four executives of FinFisher ... for exporting": the firm acts
        firm = [m for m in mentions for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj" and m.span.start <= g.i < m.span.end and m.label == "ORG"]
        if firm or not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
            return firm
        # "charges against Nexa Technologies and four of its executives who were accused ... of selling": the firm
        # "its" stands for, coordinated with its staff or named last before them
        anchor = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
        if anchor.dep_ == "conj":
            firm = [m for m in mentions if m.label == "ORG" and m.span.start <= anchor.head.i < m.span.end]
        return firm or [m for m in mentions if m.label == "ORG" and m.span.end <= noun.i and m.refers is None][-1:]
    if noun.lemma_.casefold() in _ANAPHOR_NOUNS:  # "a Chinese company that sells ...": a firm not named
        return []
    def on_noun(t: Token) -> bool:  # "Iranian networks", "Iranian procurement networks"
        return t.head.i == noun.i or t.head.dep_ == "compound" and t.head.head.i == noun.i
    return [m for m in mentions if m.label == "COUNTRY" and m.root.dep_ in ("amod", "compound", "poss")
            and on_noun(m.root)]


def _addressee(m: Mention) -> bool:
    """A party named as the one spoken to or quoted from: "told The Guardian", "according to Reuters", "said in a
    statement to Haaretz" (a newspaper, never what "the firm" or "it" stands for)."""
    root = m.root
    head = root.head
    if root.dep_ in ("dobj", "dative") and head.lemma_.casefold() in _SPEECH_VERBS:
        return True
    return root.dep_ == "pobj" and head.lower_ == "to" and (head.head.lower_ == "according" or
                                                            head.head.lemma_.casefold() in _SPEECH_VERBS)


def _part_of(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """The state body a unit noun belongs to: "A feared unit of the <Demonym> Police ... plans to purchase":
    the <Demonym> Police (its unit is not named)."""
    if noun.lemma_.casefold() not in _UNIT_NOUNS:
        return []
    return [m for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
            for m in mentions if m.span.start <= g.i < m.span.end and m.label in ("GOV_AGENCY", "GOV_GENERIC")]


def _member_of(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """The parties said to be among a group noun: "Hungary is among the countries that bought Pegasus", "Mexico was
    one of the first governments to buy Pegasus" (the subject of the verb of "among" or of "one of")."""
    if noun.dep_ == "attr" and noun.pos_ == "NUM":  # "Mexico was one of the first governments to buy": on "one"
        return [m for m in mentions for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")
                and m.span.start <= c.i < m.span.end and m.label in PARTY_LABELS]
    if noun.dep_ != "pobj":
        return []
    prep = noun.head
    anchor = prep.head
    if prep.lower_ == "of" and anchor.lower_ in ("one", "some", "several", "many", "two", "three") and anchor.dep_ == "attr":
        verb = anchor.head
    elif prep.lower_ == "of" and anchor.lower_ in ("one", "some", "several", "many", "two", "three") \
            and anchor.dep_ == "pobj" and anchor.head.lower_ == "as" and anchor.head.head.pos_ == "VERB":
        # "It cited Sudan as one of the countries that bought spyware from Intellexa": the object named "as" one
        return [m for m in mentions for c in anchor.head.head.children if c.dep_ == "dobj"
                and m.span.start <= c.i < m.span.end and m.label in PARTY_LABELS]
    elif prep.lower_ == "among" and anchor.pos_ in ("AUX", "VERB"):
        verb = anchor
    else:
        return []
    return [m for m in mentions for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
            and m.span.start <= c.i < m.span.end and m.label in PARTY_LABELS]


def _speaker(pron: Token) -> Token | None:
    """The subject of the speech verb whose clause a subject pronoun opens ("NSO told Reuters it licenses ...",
    "the company told the UN that it does not ..."): the one the pronoun stands for, named or not."""
    clause = pron.head
    if pron.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or clause.i < clause.head.i \
            or clause.head.lemma_.casefold() not in _SPEECH_VERBS:
        return None  # "It had also sold ..., the emails revealed": a report after the fact, not a speaker
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


def _doer_of_plan(noun: Token) -> Token | None:
    """Who carries out a plan noun's infinitive: its "by" agent ("efforts by front companies to transship"), else
    the subject of the verb whose object it is ("X engaged in a conspiracy to export", "X ran a scheme to ship")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and (prep.lower_ == "by" or prep.lower_ in ("of", "for")
                                    and noun.lemma_.casefold() in _PROPOSAL_NOUNS):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


@dataclass(frozen=True)
class _UnitFacts:
    """What :func:`_anaphors` reads of the whole unit, worked out once per unit rather than once per sentence
    (``doc.text`` is joined anew from the tokens at every read; round 24 speed): the text and the start of the
    unit's first sentence."""

    text: str
    first: int

    @classmethod
    def of(cls, doc: Doc) -> _UnitFacts:
        return cls(doc.text, next((t.sent.start for t in doc if not t.is_space), 0))


def _anaphors(sent: Span, mentions: list[Mention], firms: set[str], trade_verbs: frozenset[str],
              getting_verbs: frozenset[str] = frozenset(), carried: list[Mention] | None = None,
              unit: _UnitFacts | None = None) -> list[Mention]:
    """Subjects "it", "the company", "the firm" (also "the Israeli firm", "its customers", "with the company")
    standing for the organisation named last before them in this paragraph or the previous sentence, as mentions
    that report that organisation; opening a paragraph with no organisation before them, as a mention valued
    :data:`PREVIOUS_PARAGRAPH_ORG` (the extractor puts in the previous paragraph's firm). ``firms``: values of names the text calls a company (preferred antecedents);
    ``trade_verbs``: lemmas whose passive subject "it" is the goods, never a firm; ``getting_verbs``: lemmas of
    buying and using whose definite goods ("bought the spyware") stand for their maker (:func:`_maker_of_goods`);
    ``carried``: firm nouns resolved in earlier sentences, the antecedent when no firm is named in the window
    ("Leaked documents showed the firm had sold ... The company denied selling to Sudan"). ``unit``: the unit's
    :class:`_UnitFacts` (worked out here when not given)."""
    out: list[Mention] = []
    doc = sent.doc
    all_mentions = mentions
    unit = unit or _UnitFacts.of(doc)
    first = unit.first  # the unit's first sentence
    # the paragraph or, when it starts here, the sentence before: "the company" further back is not resolved
    para = unit.text.rfind("\n", 0, sent.start_char) + 1
    j = sent.start - 1
    while j >= 0 and doc[j].is_space:  # a blank line between paragraphs is a "sentence" of its own
        j -= 1
    prev = doc[j].sent.start_char if j >= 0 else sent.start_char
    window = min(para, prev)
    mentions = [m for m in mentions if m.span.start_char >= window]
    # the tokens inside a mention of the window (and inside one that is no generic state noun), as sets: one
    # look-up per token rather than a pass over the mentions
    covered = {i for m in mentions for i in range(m.span.start, m.span.end)}
    in_names = {i for m in mentions if m.label != "GOV_GENERIC" for i in range(m.span.start, m.span.end)}
    for tok in sent:
        if (maker := _maker_of_goods(tok, mentions, firms, getting_verbs, trade_verbs)) is not None:
            out.append(Mention(tok.doc[tok.i : tok.i + 1], maker.label, maker.value, refers=maker.span, maker=True))
            continue
        if tok.i in in_names:
            continue
        if (state := _state_antecedent(tok, mentions)) is not None:
            out.append(Mention(tok.doc[tok.i : tok.i + 1], state.label, state.value, refers=state.span))
            continue
        if (description := _described_body_anaphor(tok, all_mentions, sent.start == first)) is not None:
            out.append(description)  # "the sheriff's office" after "Spokane County Sheriff's Office"
            continue
        if sent.start == first and (noun := _bare_state_noun(tok)) is not None and not any(
                m.label in PARTY_LABELS and m.span.end <= tok.i for m in all_mentions):
            # "The ministry bought 1,000 cameras from Huawei" opening a paragraph: the body an earlier paragraph
            # is about, if its name fits the noun; the extractor checks and puts it in
            out.append(Mention(tok.doc[tok.i : tok.i + 1], "GOV_AGENCY", f"{PREVIOUS_PARAGRAPH_STATE}:{noun}"))
            continue
        if tok.i in covered:
            continue
        if tok.lower_ == "they" and tok.dep_ == "nsubj" and tok.pos_ == "PRON":
            if (body := _state_body_pronoun(tok, sent, mentions, carried or [], window)) is not None:
                out.append(Mention(tok.doc[tok.i : tok.i + 1], body.label, body.value,
                                   refers=body.refers if body.refers is not None else body.span))
            elif sent.start == first and not any(m.label in PARTY_LABELS and m.span.end <= tok.i for m in all_mentions):
                # "They decided to provide a Dornier-228 ... to Sri Lanka" opening a paragraph: the state body an
                # earlier paragraph is about ("the Indian Government took proactive measures"); the extractor puts it in
                out.append(Mention(tok.doc[tok.i : tok.i + 1], "GOV_AGENCY", f"{PREVIOUS_PARAGRAPH_STATE}:they"))
            continue
        if tok.dep_ == "poss" and tok.lower_ == "its" and tok.head.lemma_.casefold() in _AGENT_AND_SUPPLY_NOUNS:
            pass  # "its customers include ...", "its sale of Pegasus to ..."
        elif _possessor_of_customers(tok):
            pass  # "Among their customers were ...", "on its client list": checked below
        elif tok.dep_ == "poss" and tok.lower_ == "its" and (tok.head.lemma_.casefold() in _TOOL_NOUNS or any(
                m.label in ITEM_LABELS and m.span.start <= tok.head.i < m.span.end for m in mentions)) and (
                tok.head.dep_ == "nsubjpass" or tok.head.dep_ == "pobj" and tok.head.head.lower_ == "of"):
            # "its devices had been sold to ...", "the sale of its spyware to ...": the firm owns the tool it names
            # (in "X sold its spyware to Y" the subject says who sells already)
            pass
        elif tok.dep_ == "poss" and tok.lower_ == "its" and tok.head.lemma_.casefold() in _TOOL_NOUNS \
                and tok.head.dep_ == "dobj" and tok.head.head.lemma_.casefold() in getting_verbs and any(
                    c.dep_ == "nsubj" and m.span.start <= c.i < m.span.end and m.label in ("COUNTRY", "GOV_AGENCY")
                    for c in tok.head.head.children for m in mentions):
            pass  # "Hacking Team revealed that Panama purchased its spy equipment": a state buys a firm's goods
        elif tok.dep_ == "poss" and tok.pos_ == "NOUN" and tok.head.lemma_.casefold() in _AGENT_AND_SUPPLY_NOUNS | _TOOL_NOUNS:
            pass  # "the firm's clients, such as ...", "the company's spyware was sold to ..."
        elif tok.dep_ == "pobj" and tok.head.lower_ in ("by", "from", "with", "to") and tok.pos_ == "NOUN":
            pass  # "a contract with the company", "bought from the firm": a definite firm noun, checked below
        elif tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.tag_ == "NNS" and tok.lemma_.casefold() in _ANAPHOR_NOUNS | {"entity"} and any(
                c.dep_ == "det" and c.lower_ in ("these", "those", "the", "both") for c in tok.children):
            before = [m for m in mentions if m.label == "ORG" and m.span.end <= tok.i and m.refers is None
                      and not _reporter_of(m, tok)]
            if before:  # "these entities": the organisations named together last
                last = before[-1]
                group = [m for m in before if m.root.i == last.root.i or m.root.head.i == last.root.i
                         or last.root.head.i == m.root.i and last.root.dep_ == "conj"]
                out += [Mention(tok.doc[tok.i : tok.i + 1], m.label, m.value, refers=m.span) for m in group]
            continue
        if tok.lower_ in ("it", "its", "their") and tok.pos_ == "PRON":
            if tok.dep_ == "nsubjpass" and tok.head.lemma_.casefold() in trade_verbs:
                continue  # "it was bought from Hungary": the goods, not the firm named before
        elif tok.pos_ == "NOUN" and tok.lemma_.casefold() in _ANAPHOR_NOUNS and tok.tag_ == "NN" and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children) and not any(
                c.dep_ == "prep" or c.dep_ in ("compound", "amod") and not _descriptive(c, mentions)
                or c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
            pass  # "the company", "the Israeli firm", "the spyware maker" (not "the American company Sandvine")
        else:
            continue
        speaker = _speaker(tok) if tok.lower_ == "it" else None
        if speaker is not None:  # "The Italian company told the UN investigators that it ...": the company
            named = [m for m in mentions if m.span.start <= speaker.i < m.span.end and m.label in ("ORG", "GOV_AGENCY")]
            named += [a for a in out if a.span.start == speaker.i]
            for ante in named[:1]:
                out.append(Mention(tok.doc[tok.i : tok.i + 1], ante.label, ante.value, refers=ante.out))
            continue
        before = [m for m in mentions if m.label == "ORG" and m.span.end <= tok.i and m.refers is None
                  and not _addressee(m) and not _news_source(m) and not (_reporter_of(m, tok) and tok.lower_ != "its")
                  and not is_newsroom(m.span.text)]  # (a newsroom reports; "The Daily Herald revealed ... The company")
        if tok.lower_ == "their" and len({m.value for m in before}) > 1:
            continue  # "their" after two firms: whose customers they are is not told
        if tok.pos_ == "NOUN":  # "A foreign vendor sells ..., says R. The company also makes ...": not R
            before = after_unnamed_subject(tok, before, mentions, _ANAPHOR_NOUNS, doc[j].sent.start if j >= 0 else sent.start)
        elif tok.lower_ == "it":  # "the Ruritanian firm that sold the junta radios ... reports that it supplied ...": the firm
            before = after_unnamed_subject(tok, before, mentions, _ANAPHOR_NOUNS, sent.start, own_sentence=True)
        # (a firm that reveals "its" goods were bought is their seller: "Hacking Team revealed that Panama
        # purchased its spy equipment")
        # (not the newspaper told, "The bureau told The Guardian ... The firm says", nor whose report it is, "An ABC
        # report said that the Australian Federal Police ... it struck a deal")
        subjects = [m for m in before if m.root.dep_ in ("nsubj", "nsubjpass")]  # the topic, not an object
        # a name the text calls a company somewhere ("NSO Group, an Israeli firm") before a research group or
        # newspaper named in between ("Citizen Lab published ... The company sold ...")
        described = [m for m in before if m.value in firms]
        prior = [a for a in carried or [] if a.span.start_char >= window and a.span.end <= tok.i and a.label == "ORG"]
        if before and tok.lower_ == "it" and tok.dep_ == "nsubj" and (
                body := _state_body_pronoun(tok, sent, mentions, [], window)) is not None and not any(
                m.span.start > body.span.start for m in subjects):
            # "The ministry bought cameras from X. It then sold them to Y": the state body that is the last main
            # subject, not the firm it dealt with ("it" stands for the topic, the firm is an object)
            out.append(Mention(tok.doc[tok.i : tok.i + 1], body.label, body.value, refers=body.span))
        elif before:
            ante = described[-1] if described else subjects[-1] if subjects else before[-1]
            out.append(Mention(tok.doc[tok.i : tok.i + 1], ante.label, ante.value, refers=ante.span))
        elif prior:  # the firm an earlier "the firm" of this paragraph stood for
            out.append(Mention(tok.doc[tok.i : tok.i + 1], prior[-1].label, prior[-1].value, refers=prior[-1].refers))
        elif tok.lower_ == "it" and tok.dep_ == "nsubj" and (
                body := _state_body_pronoun(tok, sent, mentions, carried or [], window)) is not None:
            # "the Jubilee Government proposed ... In May 2014 it contracted Safaricom to build ...": no firm before
            out.append(Mention(tok.doc[tok.i : tok.i + 1], body.label, body.value,
                               refers=body.refers if body.refers is not None else body.span))
        elif sent.start == first and not any(m.label == "ORG" and (m.span.end <= tok.i or tok.left_edge.i <= m.root.i
                                                                   <= tok.right_edge.i) for m in all_mentions):
            # (not "The Israeli spyware company NSO Group owns ...": the noun has its name)
            # "The company also sold ..." opening a paragraph: the firm is named in the previous one, which this
            # parse does not see; the document-level step (nlp.extract) puts it in or drops the role
            out.append(Mention(tok.doc[tok.i : tok.i + 1], "ORG", PREVIOUS_PARAGRAPH_ORG))
    return out


def _described_as_doing(trigger: Token) -> Token | None:
    """The noun a participle or adjective describes by what it does: "a firm known for selling radios to ...",
    "a firm notorious for supplying ..." -> "company"/"firm" (the gerund under "for" has that noun as its doer);
    None for any other trigger."""
    if trigger.dep_ != "pcomp" or trigger.head.dep_ != "prep" or trigger.head.lower_ != "for":
        return None
    described = trigger.head.head
    if described.dep_ not in ("acl", "amod") or described.head.pos_ != "NOUN":
        return None
    return described.head


def _pronoun_parties(ev: Event) -> str:
    """Why a supply event's seller or buyer is a firm named elsewhere, when a possessive pronoun stands for it
    ("their customers" -> the firm named before): "supplier: 'their' stands for X named before"; "" when every
    party is named in the sentence or resolved otherwise."""
    why = []
    for role in ("supplier", "recipient"):
        for m in ev.roles.get(role, []):
            if m.maker or m.span[0].lower_ not in ("its", "their") or len(m.span) != 1:
                continue
            if m.refers is not None:
                why.append(f"{role}: '{m.span.text}' stands for {m.refers.text}, named before")
            elif m.value == PREVIOUS_PARAGRAPH_ORG:
                why.append(f"{role}: '{m.span.text}' stands for the firm of the previous paragraph")
    return "; ".join(why)


def _possessor_of_customers(tok: Token) -> bool:
    """True for "their" (or "its") owning a buyer noun ("among their customers were ...", "on its client list"):
    whoever has customers sells to them, so the pronoun stands for the firm named before ("their": British usage
    speaks of a firm in the plural); not "their suppliers", whose owner buys."""
    if tok.dep_ != "poss" or tok.lower_ not in ("its", "their") or tok.pos_ != "PRON":
        return False
    head = tok.head
    if head.lemma_.casefold() in ("list", "roster"):  # "their client list"
        head = next((c for c in head.children if c.dep_ == "compound"), head)
    return head.lemma_.casefold() in _BUYER_AGENTS - {"user"}


def _state_body_pronoun(tok: Token, sent: Span, mentions: list[Mention], carried: list[Mention], window: int) -> Mention | None:
    """The state body a subject "they" (or, with no firm named before it, "it") stands for: the agency that is the main subject of an
    earlier sentence in the window ("Tulsa Police Department opted for ... They renewed this contract in 2017. In
    August 2016 they also purchased the Detective device from Oxygen Forensics"), or the body an earlier "they" of
    the window stood for; None when a party is named before it in its own sentence, or when the last main subject
    is not a state body (a firm, a research group, a person: "they" may be its staff or its authors)."""
    if any(m.span.start >= sent.start and m.span.end <= tok.i and m.label in PARTY_LABELS for m in mentions):
        return None
    tops = _main_subjects([m for m in mentions if m.span.start_char >= window and m.span.end <= tok.i
                           and m.refers is None and m.label in PARTY_LABELS])
    prior = [a for a in carried if a.label == "GOV_AGENCY" and a.span.start_char >= window and a.span.end <= tok.i]
    if tops and (not prior or prior[-1].span.start < tops[-1].span.start):
        return tops[-1] if tops[-1].label == "GOV_AGENCY" else None
    return prior[-1] if prior else None


def _bare_state_noun(tok: Token) -> str | None:
    """The lemma of a state noun that names no state of its own, in a party's place ("the government", "the
    ministry", "authorities" with no article); None for another token or one that says whose it is ("the Israeli
    government", "the government of Hungary", "the governments")."""
    if tok.pos_ != "NOUN":
        return None  # (most tokens: no lemma to read)
    lemma = tok.lemma_.casefold()
    if lemma not in STATE_ANAPHORS and lemma not in _AGENCY_ANAPHORS:
        return None
    if lemma not in ("police", "army", "military") and (tok.tag_ == "NNS") != (lemma == "authority"):
        return None  # "the governments", "the agencies": several, not the one named before
    if not (any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or lemma == "authority" and not any(
            c.dep_ == "det" for c in tok.children)) or any(  # ("the government"; "In Mexico, authorities bought")
            c.dep_ in ("compound", "amod", "nmod", "poss", "prep", "appos") for c in tok.children):
        return None
    if not (tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") or tok.dep_ == "pobj" and tok.head.lower_ in (
            "by", "from", "with", "to", "for")):
        return None
    return lemma


# nouns a bare "the ..." uses for a state or its forces named before ("the government", "the police")
STATE_ANAPHORS = {"government", "authority", "regime", "administration", "police", "army", "military"}
_AGENCY_ANAPHORS = {"agency", "bureau", "ministry"}  # "the agency", "the bureau": the agency named before
_DEFINITE = {"the", "this", "that", "these", "those"}


def _maker_of_goods(tok: Token, mentions: list[Mention], firms: set[str], getting_verbs: frozenset[str],
                    trade_verbs: frozenset[str] = frozenset()) -> Mention | None:
    """The firm whose goods a definite noun names, when bought or used: "NSO Group is an Israeli spyware maker. The
    government of Hungary purchased the spyware in 2017" (NSO Group's). The firm is the last organisation before it
    in the window of ``mentions`` that the text calls a company (``firms``), names as a tool's owner ("NSO Group's
    Pegasus") or as the subject of making or selling; None when the goods say whose they are or none was named.
    Goods sold in the passive with no agent ("the spyware was sold to Greece") are sold by their maker too."""
    sold = tok.dep_ == "nsubjpass" and tok.pos_ == "NOUN" and tok.head.lemma_.casefold() in trade_verbs and not any(
        c.dep_ == "agent" for c in tok.head.children)
    if not sold and tok.head.lemma_.casefold() not in getting_verbs or tok.dep_ not in ("dobj", "nsubjpass") \
            or tok.head.pos_ != "VERB":
        return None
    if tok.lower_ == "it" and tok.dep_ == "nsubjpass":
        # "Sandvine makes DPI equipment. It was obtained by Belarus's traffic centre": the goods, made by the firm;
        # "It was acquired by X" after a firm is more likely the firm bought (an ownership): not for buying verbs
        agents = [o for a in tok.head.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        states = [o for o in agents if o.lemma_.casefold() in _STATE_NOUNS or any(
            m.label in ("GOV_AGENCY", "COUNTRY") and o.left_edge.i <= m.root.i <= o.i for m in mentions)]
        if not states and (not agents or tok.head.lemma_.casefold() in ("acquire", "buy", "purchase", "take")):
            return None
    elif tok.pos_ != "NOUN" or tok.lemma_.casefold() not in _TOOL_NOUNS:
        return None
    elif not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children) or any(
            c.dep_ in ("poss", "prep", "appos", "relcl", "acl") or c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
            for c in tok.children):
        return None  # "the NSO spyware", "the spyware from X", "the spyware made by X": said where it is
    for m in reversed([m for m in mentions if m.span.end <= tok.i and m.refers is None and m.label == "ORG"]):
        head = m.root.head
        if m.value in firms or _owner_of_tool(m, mentions) or m.root.dep_ in ("nsubj", "csubj") and \
                head.lemma_.casefold() in _MAKER_VERBS | {"license", "licence", "provide", "deliver", "export"}:
            return m
    return None


def _state_antecedent(tok: Token, mentions: list[Mention]) -> Mention | None:
    """The state a bare "the government", "the authorities", "the regime" stands for: the country (or a government
    named as such, "the Ethiopian government") named last before it in the window of ``mentions`` ("Researchers
    found Pegasus in Togo. The government bought it from NSO Group": Togo's); None when the noun says whose it
    is ("the Israeli government", "the government of Hungary") or no country was named before it."""
    lemma = _bare_state_noun(tok)
    if lemma is None:
        return None
    for m in reversed([m for m in mentions if m.span.end <= tok.i and m.refers is None]):
        if m.label == "GOV_AGENCY" and (lemma in _AGENCY_ANAPHORS or m.span.root.lemma_.casefold() in
                                        STATE_ANAPHORS | {"state"}):
            if kinds_differ(lemma, m.span.text.casefold()):
                continue  # "the army" after "the Ruritanian police": another body (round 22)
            return m
        if lemma in _AGENCY_ANAPHORS:
            continue
        if m.label == "COUNTRY" and not (m.root.dep_ in _MODIFIER_DEPS | {"poss", "appos"} and (
                m.root.head.lemma_.casefold() in _PARTNER_NOUNS | _TOOL_NOUNS or any(
                    x.label in ("ORG", "PRODUCT") and x.span.start <= m.root.head.i < x.span.end for x in mentions))):
            # a country named as such ("in Togo", "Hungary's governing party"), not where a firm or its goods
            # come from ("an Israeli firm", "Israel's NSO Group", "Israeli spyware")
            return m
    return None


def _product_makers(mentions: list[Mention]) -> list[list[Any]]:
    """[product start_char, end_char, firm start_char, end_char, firm value] for each named product whose maker or
    owner the parse names: "NSO Group's Pegasus (spyware)", "NSO Group's spyware, Pegasus", "Pegasus, developed by
    NSO Group", "NSO Group makes Pegasus"."""
    orgs = [m for m in mentions if m.label == "ORG"]
    out: list[list[Any]] = []
    for p in (m for m in mentions if m.label == "PRODUCT"):
        root = p.root
        head = root  # the noun the name modifies: "Pegasus spyware (tool)", "NSO Group's spyware, Pegasus"
        for _ in range(3):
            if head.dep_ not in ("compound", "amod", "nmod", "appos") or head.head.i == head.i:
                break
            head = head.head
        found = [o for o in orgs if o.root.dep_ in ("poss", "compound", "nmod") and not p.span.start <= o.root.i < p.span.end
                 and (p.span.start <= o.root.head.i < p.span.end or o.root.head.i == head.i)]
        nodes = [root, head]
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "FinFisher is a spyware suite, written by FinFisher GmbH"
            nodes += [c for c in root.head.children if c.dep_ == "attr"]
        for node in nodes:
            for acl in node.children:
                if acl.dep_ != "acl" or acl.lemma_.casefold() not in _MAKER_VERBS:
                    continue
                for agent in acl.children:
                    if agent.dep_ == "agent" or agent.dep_ == "prep" and agent.lower_ == "by":
                        objs = [o for c in agent.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
                        found += [o for o in orgs for obj in objs if o.span.start <= obj.i < o.span.end
                                  or o.root.head.i == obj.i and obj.lemma_.casefold() in _ANAPHOR_NOUNS]
        verb = head.head
        if head.dep_ == "nsubjpass" and verb.lemma_.casefold() in _MAKER_VERBS:
            # "FinFisher spyware is marketed and produced by Gamma Group": the agent of the verb or of a maker verb
            # coordinated with it
            for v in (verb, *verb.conjuncts):
                if v.lemma_.casefold() in _MAKER_VERBS:
                    found += [o for a in v.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"
                              for obj in (c, *c.conjuncts) for o in orgs if o.span.start <= obj.i < o.span.end]
        if head.dep_ == "dobj" and verb.lemma_.casefold() in _MAKER_VERBS | {"own", "provide"}:
            found += [o for o in orgs for c in verb.children if c.dep_ == "nsubj" and o.span.start <= c.i < o.span.end]
            if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") for c in verb.children):
                # "Cyberbit, the company that provides PSS": the firm the relative clause's noun stands for
                noun = verb.head
                found += [o for o in orgs if o.span.start <= noun.i < o.span.end
                          or noun.dep_ == "appos" and o.span.start <= noun.head.i < o.span.end
                          or any(c.dep_ == "appos" and o.span.start <= c.i < o.span.end for c in noun.children)]
        for o in found[:1]:
            out.append([p.span.start_char, p.span.end_char, o.span.start_char, o.span.end_char, o.value])
    return out


def _in_quotes(m: Mention) -> bool:
    """True when the mention is set in quotation marks ("its 'Eagle' system")."""
    doc = m.span.doc
    return m.span.start > 0 and m.span.end < len(doc) and doc[m.span.start - 1].text in ("'", "\u2018", '"', "\u201c") \
        and doc[m.span.end].text in ("'", "\u2019", '"', "\u201d")


def _maker_on_goods(m: Mention, a: Attachment) -> bool:
    """True for a firm named on the goods a buying verb takes ("bought a Cellebrite device", "purchased 20
    ShotSpotter sensors", "acquired the X package"): a compound on a tool noun that is the object, not the firm itself ("acquired Cellebrite")
    nor a stake in it ("bought Cellebrite shares")."""
    root = m.root
    return m.label == "ORG" and not a.prep and a.dep in ("dobj", "nsubjpass") and root.dep_ in ("compound", "nmod", "amod") \
        and root.head.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.casefold() in _TOOL_NOUNS | _GOODS_NOUNS


def _listed_before_goods(m: Mention, mentions: list[Mention]) -> bool:
    """True for a firm opening or inside a list of firms that a goods noun ends ("bought Hikvision, Dahua and
    Uniview cameras"): the makers of the goods bought, whatever the parse made of the list (round 20)."""
    doc = m.span.doc
    firm_at = {t for o in mentions if o.label in ("ORG", "PRODUCT") for t in range(o.span.start, o.span.end)}
    i = m.span.end
    while i < len(doc) and (i in firm_at or doc[i].lower_ in (",", "and", "or", "&")):
        i += 1
    if i >= len(doc) or not doc[i].is_lower:
        return False
    return doc[i].lemma_.casefold() in _TOOL_NOUNS | _GOODS_NOUNS or any(
        o.label in ITEM_LABELS and o.span.start <= i < o.span.end for o in mentions)


def _owner_of_tool(m: Mention, mentions: list[Mention]) -> bool:
    """True for a firm named as the owner of a tool: "Huawei's cameras", "NSO Group's spyware", "Cellebrite tools",
    "1,200 Huawei real-time facial recognition CCTV cameras" (a name the parser hangs as "nmod")."""
    root = m.root
    if root.dep_ not in ("poss", "compound", "nmod"):
        return False
    head = root.head
    if root.dep_ == "nmod":  # up the modifiers to the noun they name ("real-time" -> "cameras")
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
            head = head.head
    return head.lemma_.casefold() in _TOOL_NOUNS or any(
        o.label in ITEM_LABELS and o.span.start <= head.i < o.span.end for o in mentions)


def _described_as_firm(root: Token) -> bool:
    """True when the parse calls a name a company: "NSO Group, an Israeli firm", "the Israeli company NSO Group",
    "Cellebrite is a firm that ...", "spyware maker Intellexa"."""
    def firm(t: Token) -> bool:
        return t.pos_ == "NOUN" and t.lemma_.casefold() in _ANAPHOR_NOUNS
    if any(c.dep_ in ("appos", "compound") and firm(c) for c in root.children):
        return True
    if root.dep_ in ("appos", "compound") and firm(root.head):
        return True
    if firm_named(root, _ANAPHOR_NOUNS) is not None:
        return True  # "The firm, called X, is ...", "a company known as X"
    return root.dep_ == "nsubj" and root.head.lemma_ == "be" and any(c.dep_ == "attr" and firm(c) for c in root.head.children)


def _descriptive(mod: Token, mentions: list[Mention]) -> bool:
    """A modifier that describes a firm noun without naming another one: a country adjective ("the Israeli firm")
    or a common word ("the spyware company", "the Milan-based firm"); not a name ("the Huawei unit")."""
    if any(m.label == "COUNTRY" and m.span.start <= mod.i < m.span.end for m in mentions):
        return True
    return mod.pos_ in ("ADJ", "NOUN", "VERB") and mod.ent_type_ in ("", "CAPABILITY")


def _country_modifier(m: Mention, trig: Token, mentions: list[Mention] | None = None) -> bool:
    """A country adjective or modifier of another named party, not a party itself: "the Bahraini Ministry of
    Interior", "a Cyprus-based firm", "Israel's NSO Group". "Hungary's purchase", "sold to Russia" and "the
    Kessel municipality" (no other name there) name the party itself."""
    if m.label != "COUNTRY" or m.refers is not None:
        return False
    root = m.root
    doc = m.span.doc
    nxt = doc[m.span.end] if m.span.end < len(doc) else None
    where_words = ("based", "registered", "headquartered", "owned", "made", "linked", "backed", "origin", "branded",
                   "built", "produced", "manufactured", "designed", "sourced")
    if nxt is not None and nxt.text == "-" and m.span.end + 1 < len(doc) and doc[m.span.end + 1].lower_.endswith(
            where_words):
        return True  # "Cyprus-based", "Israel-registered", "U.S.-origin items"
    if nxt is not None and nxt.lower_ in where_words and root.head.i == nxt.i:
        return True  # "(Sandvine Inc, US based company)": the hyphen left out
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i != trig.i and any(
            x.label == "ORG" and x.span.start <= root.head.head.i < x.span.end for x in mentions or []):
        return True  # "procured from Elbit Systems of Israel": where the firm is, not a second seller
    if _in_description_of_party(root, trig, mentions or []):
        return True  # "supplied by X, a defense company currently sanctioned by the United States"
    if root.dep_ not in _MODIFIER_DEPS | {"poss", "appos"} or root.head.i == trig.i:
        return False
    head = root.head
    while head.dep_ == "amod" and head.pos_ == "ADJ" and head.head.i != head.i and head.head.i != trig.i:
        head = head.head  # "a British-German company": "British" hangs on "German"
    named = [x for x in (mentions or []) if x.label in ("ORG", "GOV_AGENCY", "PERSON", "PRODUCT")]
    if any(x.span.start <= head.i < x.span.end for x in named):
        return True
    if head.lemma_.casefold() in _RULE_NOUNS or head.lemma_.casefold() == "regime" and any(
            c.dep_ == "compound" for c in head.children):
        return True  # "under Israel's export control regime", "Israel's export law": the state's rules, no buyer
    # the common noun it modifies describes a named party: "Hacking Team, an Italian company", "Israeli company NSO
    # Group", "Megafon, Russia's largest operator" (the country says where that party is, it is not a party)
    if head.pos_ != "NOUN" or head.i == trig.i or head.lemma_.casefold() in _STATE_NOUNS:
        return False
    linked = [head.head] if head.dep_ in ("appos", "compound") else []
    linked += [c for c in head.children if c.dep_ in ("appos", "compound") and c.i > root.i]
    if head.lemma_.casefold() in _ANAPHOR_NOUNS and any(t.pos_ == "PROPN" for t in linked):
        return True  # "Picsix, an Israeli firm": a firm with a name, even one the entity rules did not find
    if head.lemma_.casefold() in _FIRM_NOUNS and root.dep_ in ("amod", "compound", "nmod") and root.tag_ != "NNPS":
        return True  # "a UK company sold ...": where the unnamed firm is from; the state sold nothing
    return any(x.span.start <= t.i < x.span.end for t in linked for x in named)


def _in_description_of_party(root: Token, trig: Token, mentions: list[Mention]) -> bool:
    """True when ROOT sits inside a common-noun apposition that describes another named party, below the trigger:
    "supplied by X, a defense company currently sanctioned by the United States", "Huawei, a firm founded in China"
    (where the described party is, or who acts on it; no party to the supply)."""
    for anc in root.ancestors:
        if anc.i == trig.i:
            return False
        if anc.dep_ == "appos" and anc.pos_ == "NOUN" and anc.i != root.i and any(
                x.label in ("ORG", "GOV_AGENCY") and x.span.start <= anc.head.i < x.span.end for x in mentions):
            return trig not in anc.subtree
    return False


def _role_data(m: Mention, mentions: list[Mention]) -> list[Any]:
    """[start_char, end_char, label, value] of a role; an agency with its demonym before it is reported whole
    ("the Bahraini Ministry of Interior")."""
    span = m.out
    if m.label == "GOV_AGENCY" and m.refers is None:
        before = next((x for x in mentions if x.label == "COUNTRY" and x.span.end == span.start
                       and x.root.tag_ in ("JJ", "NNP", "NNPS") and x.root.dep_ in _MODIFIER_DEPS), None)
        if before is not None:
            whole = span.doc[before.span.start : span.end]
            return [whole.start_char, whole.end_char, m.label, whole.text.casefold()]
    return [span.start_char, span.end_char, m.label, m.value]


# bodies of rules a country's name qualifies: "Israel's export control regime" (a regime with a compound is rules)
_RULE_NOUNS = {"law", "laws", "policy", "regulation", "regulations", "legislation", "rule", "rules", "constitution",
               "framework", "guideline", "guidelines", "standard", "standards", "obligation", "obligations"}
_STATE_NOUNS = {"government", "regime", "authority", "police", "military", "agency", "ministry", "army", "force",
                "service", "state", "end-user", "intelligence"}


def _possessor_of_item(m: Mention, trig: Token, mentions: list[Mention]) -> bool:
    """True when the party is the possessor ("poss") of an item mention of the clause ("X's spyware") or of a goods
    noun ("bought X's software": X's goods bought, not X; round 21)."""
    root = m.root
    if root.dep_ != "poss" or root.head.i == trig.i:
        return False
    head = root.head
    return head.lemma_.casefold() in _GOODS_NOUNS or any(
        o.label in ITEM_LABELS and o.span.start <= head.i < o.span.end for o in mentions)


def _generic_recipient(trig: Token) -> Span | None:
    """The "to" object of a seller verb when it names state buyers without a name ("to foreign governments",
    "to security services in the region"): the noun phrase, without its article."""
    preps = [p for p in trig.children if p.dep_ in ("prep", "dative") and p.lower_ == "to"]
    if not preps:  # "sells access to its database to law enforcement agencies": the parser hangs the buyer deeper
        preps = [p for o in trig.children if o.dep_ == "dobj" for p in o.subtree
                 if p.dep_ == "prep" and p.lower_ == "to" and p.head.i != o.i]
    for prep in preps:
        if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
            for obj in prep.children:
                # "to governments and law enforcement agencies", "to law enforcement and intelligence agencies"
                state = [c for c in (obj, *obj.conjuncts) if c.pos_ == "NOUN" and c.lemma_.casefold() in
                         _STATE_NOUNS | {"country", "nation", "department"}]  # ("to 45 countries", "police departments")
                if obj.dep_ == "pobj" and state:
                    left = obj.left_edge.i + (1 if obj.left_edge.dep_ in ("det", "poss") else 0)
                    return obj.doc[left : max(c.i for c in state) + 1]
    return None


def _add_unnamed_buyers(ev: Event, phrase: Span, trig: Token, mentions: list[Mention], text_ok: bool = True) -> None:
    """The recipients an unnamed buyer phrase stands for: the named parties it lists ("to governments including
    Bahrain, Ethiopia and Turkmenistan", "several countries ... including Kenya, Angola": each a recipient, taken
    out of the event's countries), else, with ``text_ok``, the phrase itself as text ("to foreign governments")."""
    nouns = [phrase.root] + [t for t in phrase if t.dep_ == "pobj" and t.head.lower_ in ("of", "out")]  # "18 out of 65 countries"
    listed = next((found for n in nouns if (found := listed_parties(n, mentions, trig))), [])
    listed = [m for m in listed if not _country_modifier(m, trig, mentions)]
    if not listed:
        if text_ok:
            ev.add("recipient", Mention(phrase, "TEXT", phrase.text))
        return
    for m in listed:
        ev.add("recipient", m)
    keys = {m.key for m in listed}
    if ev.roles.get("country"):
        ev.roles["country"] = [m for m in ev.roles["country"] if m.key not in keys]


def _generic_buyer(trig: Token, relative: bool = False) -> Span | None:
    """The subject of a buyer verb when it names state buyers without a name ("oppressive governments bought ...",
    "18 out of 65 countries analyzed had purchased ..."): the subject phrase, without its article; with
    ``relative``, also the noun a relative clause's "that"/"which" stands for ("countries that use ...")."""
    subj = next((c for c in trig.children if c.dep_ == "nsubj"), None)
    if subj is None and trig.dep_ == "conj" and trig.head.pos_ == "VERB" and not any(
            c.dep_ == "nsubjpass" for c in trig.children):
        return _generic_buyer(trig.head, relative)  # "countries that use or have used FinFisher": "use"'s subject
    if subj is None:
        return None
    right = subj.right_edge.i
    if subj.tag_ in ("WDT", "WP") and trig.dep_ == "relcl" and trig.head.pos_ == "NOUN" and relative:
        # "the 36 countries listed by Citizen Lab that use FinFisher": the noun of the relative clause, up to it
        subj, right = trig.head, trig.left_edge.i - 1
    if not _unnamed_states(subj):
        # "In Freedom House's report "Freedom on the Net 2018," 18 out of 65 countries analyzed had purchased ...":
        # the parser made the title the subject and the buyers its apposition
        subj = next((c for c in subj.children if c.dep_ == "appos" and _unnamed_states(c)), None)
        if subj is None:
            return None
        right = subj.right_edge.i
    left = subj.left_edge.i + (1 if subj.left_edge.dep_ in ("det", "poss") else 0)
    return subj.doc[left : right + 1]


def _unnamed_states(noun: Token) -> bool:
    """True for a noun phrase of unnamed state buyers: "governments", "18 out of 65 countries"."""
    heads = [noun] + [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "out")
                      for g in p.subtree if g.dep_ == "pobj"]
    return any(h.pos_ == "NOUN" and h.lemma_.casefold() in _STATE_NOUNS | {"country", "department"} for h in heads)


def _common_list_subject(verb: Token, mentions: list[Mention]) -> bool:
    """True when the subject of "include" is a plain list ("a list which includes Egypt, Ethiopia ..."), not a named
    list of an authority ("the Entity List includes ...", a LIST mention)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subj = verb.head
    return subj is not None and subj.lemma_.casefold() == "list" and not any(
        m.label == "LIST" and m.span.start <= subj.i < m.span.end for m in mentions)


def _client_list(agent: Token) -> Token | None:
    """The list noun whose members an agent noun names, when that list is the subject of "include", "be" or
    "comprise": "Hacking Team's customer list includes ...", "the leaked list of Hacking Team clients includes ..."."""
    if agent.dep_ == "compound":
        lst = agent.head
    elif agent.dep_ == "pobj" and agent.head.lower_ == "of":
        lst = agent.head.head
    else:
        return None
    if lst.lemma_.casefold() not in ("list", "roster") or lst.dep_ != "nsubj" or \
            lst.head.lemma_.casefold() not in ("include", "be", "comprise"):
        return None
    return lst


def _on_client_list(agent: Token) -> Token | None:
    """The list noun an agent noun names, when its members are said to be "on" it: "X was also on their client
    list", "Y appears on the firm's customer list" (the list under "on", hung on "be", "appear" or "remain")."""
    lst = agent.head if agent.dep_ == "compound" else None
    if lst is None or lst.lemma_.casefold() not in ("list", "roster") or lst.dep_ != "pobj" or lst.head.lower_ != "on":
        return None
    return lst if lst.head.head.lemma_.casefold() in ("be", "appear", "remain", "feature") else None


def _parties_within(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """The states and state bodies named anywhere in ``noun``'s phrase, for a phrase said to be a firm's clients
    whose head is no state noun ("some of the worst violators of rights, such as A, B and C", "rich autocracies
    like A and B")."""
    return [m for m in mentions if m.label in ("COUNTRY", "GOV_AGENCY") and m.refers is None
            and noun.left_edge.i <= m.root.i <= noun.right_edge.i]


def _partitive_whole(noun: Token) -> Token:
    """For a partitive pronoun or number ("some of the worst violators, such as A and B", "two of the countries"),
    the noun of its "of" phrase, whose names and listed parties it means; else the noun itself."""
    if noun.pos_ not in ("PRON", "NUM", "DET", "ADJ") and noun.lower_ not in ("some", "many", "several", "most"):
        return noun
    return next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"), noun)


def _add_sentence_countries(ev: Event, sent: Span, mentions: list[Mention]) -> None:
    used = {m.key for ms in ev.roles.values() for m in ms}
    for m in mentions:
        if m.label in ("COUNTRY", "PLACE") and m.key not in used:
            ev.add("country", m)


def _add_share(ev: Event, sent: Span, mentions: list[Mention]) -> None:
    for m in mentions:
        if m.label == "PERCENT":
            ev.add("share", m)
            return
    for tok in sent:
        if tok.like_num and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("%", "percent", "per"):
            span = tok.doc[tok.i : tok.i + 2]
            ev.add("share", Mention(span, "PERCENT", span.text))
            return


_INTENT_NOUNS = {"application", "request", "proposal", "plan", "plans", "attempt", "bid", "effort", "offer", "intention",
                 "wish", "desire", "tender"}  # ("a tender to procure": called, not yet awarded)
_INTENT_LEMMAS = {"attempt", "try", "seek", "plan", "intend", "aim", "want", "hope", "consider", "propose",
                  "negotiate", "explore", "mull", "weigh", "look"}


def _states_said_to_use(trig: Token, mentions: list[Mention]) -> list[Mention]:
    """The states or agencies a text says are among the users a use verb's state noun names, when that noun
    carries the verb as a relative clause or participle: "names Nigeria, Kenya and Zambia as the African countries
    that have been employing X's platforms" (the objects of the verb of naming; the sentence is then hedged as a
    report, see :meth:`EventExtractor._hedge_applies`; or the subject of a passive one: "X has been listed ... as
    one of seven countries using ..."), "Zambia is one of seven African countries using ICT tools" and "Kenya is
    among the countries that use ..." (the subject of "be"). [] for any other shape."""
    noun = trig.head
    if trig.dep_ == "relcl":
        if not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in trig.children):
            return []  # "the countries whose police use ...": the clause has a subject of its own
    elif trig.dep_ != "acl" or trig.tag_ != "VBG":
        return []
    if noun.pos_ != "NOUN" or not _unnamed_states(noun) or noun.dep_ != "pobj":
        return []
    prep = noun.head
    verb = prep.head
    if prep.lower_ == "of" and verb.lower_ == "one" and verb.dep_ == "pobj" and verb.head.lower_ == "as":
        prep, verb = verb.head, verb.head.head  # "X has been listed ... as one of seven countries using ..."
    if prep.lower_ == "as" and verb.pos_ == "VERB":
        for _ in range(2):  # (the parser may hang "as" on a title's verb: "listed in a report titled "...," as")
            if verb.lemma_.casefold() in _REPORT_NAMING_VERBS or verb.dep_ not in ("advcl", "xcomp"):
                break
            verb = verb.head
        if verb.lemma_.casefold() not in _REPORT_NAMING_VERBS:
            return []
        said = [o for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for o in (c, *c.conjuncts)]
    elif prep.lower_ == "of" and verb.lower_ == "one" and verb.dep_ == "attr" or prep.lower_ == "among" \
            and verb.lemma_ == "be":
        be = verb.head if prep.lower_ == "of" else verb
        said = [o for c in be.children if c.dep_ == "nsubj" for o in (c, *c.conjuncts)] if be.lemma_ == "be" else []
    else:
        return []
    return [m for m in mentions for o in said if m.span.start <= o.i < m.span.end
            and m.label in ("GOV_AGENCY", "COUNTRY") and not _country_modifier(m, trig, mentions)]


# verbs of a report naming states as users ("A new report names X, Y and Z as the countries that ...")
_REPORT_NAMING_VERBS = {"name", "list", "identify", "cite"}


def _maker_by_relative_clause(thing: Token, mentions: list[Mention]) -> list[Mention]:
    """The firm a thing is made by when a relative clause of making on the firm has the thing (or the noun the
    thing is in apposition to) as its object: "X, the same company that developed the Y software, a facial
    recognition app that the police uses" (the app is the software, which the company, X, developed), "X, which
    makes the Z camera". [] when no such clause names a firm."""
    node = thing
    for _ in range(3):
        verb = node.head
        if node.dep_ == "dobj" and verb.dep_ == "relcl" and verb.lemma_.casefold() in _MAKING_VERBS:
            if not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children):
                return []
            firm = verb.head  # the noun the clause describes: the firm's name, or a firm noun in apposition to it
            if firm.dep_ == "appos" and firm.lemma_.casefold() in _ANAPHOR_NOUNS:
                firm = firm.head
            return [m for m in mentions if m.label == "ORG" and m.span.start <= firm.i < m.span.end]
        if node.dep_ != "appos":
            return []
        node = verb
    return []


def _firm_of_tool(obj: Token, mentions: list[Mention]) -> list[Mention]:
    """The firm an "of" phrase on a tool noun names: "the Gotham software of the US company X" (the firm, or a firm
    noun with the name in apposition), "the cameras of X". [] for any other noun ("the police of X")."""
    if obj.lemma_.casefold() not in _TOOL_NOUNS | {"service"} and not any(
            m.label in ITEM_LABELS and m.span.start <= obj.i < m.span.end for m in mentions):
        return []
    out: list[Mention] = []
    for prep in obj.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "by"):  # ("used the software by Palantir Technologies")
            continue
        for g in prep.children:
            if g.dep_ != "pobj":
                continue
            names = [g]
            if g.lemma_.casefold() in _PARTNER_NOUNS:
                # "the services of Israeli software security company called X": the name the firm noun gives
                # (the parser may hang "called X" on the verb whose object the tool noun is)
                namings = [c for c in g.children if c.dep_ == "acl"] + [
                    c for c in obj.head.children if c.dep_ == "xcomp" and c.i == g.i + 1]
                names += [c for c in g.children if c.dep_ == "appos"] + [
                    n for c in namings if c.lemma_.casefold() in _NAMING_VERBS
                    for n in c.children if n.dep_ in ("oprd", "attr", "dobj", "xcomp")]
            out += [m for m in mentions for n in names if m.label == "ORG" and m.span.start <= n.i < m.span.end]
    return out


def _state_noun_named(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """The body a singular state noun names in apposition: "the police agency Europol" (Europol, whatever label the
    tagger gave the name), "the country's spy agency, the NIS". [] for a plural ("governments") or no name."""
    if noun.tag_ != "NN":
        return []
    return [m for m in mentions for c in noun.children if c.dep_ == "appos" and m.span.start <= c.i < m.span.end
            and m.label in ("ORG", "GOV_AGENCY")]


def _provider_used(trig: Token, mentions: list[Mention]) -> list[Mention]:
    """The firm a use verb's object names as a provider: "using another spyware provider, X" (a seller or firm noun
    with the name in apposition): using a provider is using what it provides."""
    out: list[Mention] = []
    for obj in (c for c in trig.children if c.dep_ == "dobj"):
        if obj.pos_ == "NOUN" and obj.lemma_.casefold() in _SELLER_AGENTS | _ANAPHOR_NOUNS:
            # (the name is the provider's, whatever label the tagger gave it: "provider, FinFisher" read a product)
            out += [m for m in mentions for c in obj.children if c.dep_ == "appos" and m.label in ("ORG", "PRODUCT")
                    and m.span.start <= c.i < m.span.end]
    return out


# heads of a police or sheriff's unit named by a compound ("police stations", "sheriff's departments")
_UNIT_HEADS = {"station", "department", "office", "unit", "precinct"}


def _unnamed_agent_users(trig: Token) -> Span | None:
    """The unnamed state users a passive use verb's "by" phrase names: "used by police stations in eight Indian
    states" ("police stations"), "deployed by law enforcement agencies"; without its article and its trailing
    phrases. None for any other agent ("used by criminals", "used by Fictive Corp")."""
    for agent in (c for c in trig.children if c.dep_ == "agent"):
        for g in (c for c in agent.children if c.dep_ == "pobj"):
            if g.pos_ != "NOUN" or g.tag_ != "NNS":
                continue
            lemma = g.lemma_.casefold()
            if lemma in _STATE_NOUNS or lemma in _UNIT_HEADS and any(
                    c.dep_ == "compound" and c.lemma_.casefold() in ("police", "sheriff") for c in g.children):
                left = g.left_edge.i + (1 if g.left_edge.dep_ in ("det", "poss") else 0)
                return g.doc[left : g.i + 1]
    return None


def _end_user_recipient(ev: Event, mentions: list[Mention]) -> None:
    """The state body a supply verb names as the end user ("acquired the equipment from X in 2019 for use by the
    Central Intelligence Organisation", "the government bought ... for use by the X"), when the verb's own recipient
    is no named state body or country: it is added to the recipients."""
    trig = ev.trigger
    if trig.pos_ != "VERB" or not ev.roles.get("supplier"):
        return
    recipients = ev.roles.get("recipient", [])
    if any(m.label in ("GOV_AGENCY", "COUNTRY") and not m.value.startswith(PREVIOUS_PARAGRAPH_STATE)
           for m in recipients):
        return  # (a bare "the government" opening a paragraph names no body yet)
    users = [m for p in trig.children if p.dep_ == "prep" and p.lower_ == "for" for u in p.children
             if u.dep_ == "pobj" and u.lemma_.casefold() == "use" for b in u.children
             if b.dep_ == "prep" and b.lower_ == "by" for g in b.children if g.dep_ == "pobj"
             for m in mentions if m.label == "GOV_AGENCY" and m.span.start <= g.i < m.span.end]
    if not users:
        return
    for m in users:
        ev.add("recipient", m)


def _maker_over_modifier(ev: Event, makers: list[Mention]) -> None:
    """Make the maker named on a used thing its supplier in place of a name the tagger found as a modifier of that
    thing ("using ICT tools developed by X": "ICT" is a kind of tool, tagged a name, and X made them)."""
    if not makers:
        return
    suppliers = ev.roles.get("supplier", [])
    if suppliers and all(m.root.dep_ == "compound" and m.root.head.pos_ == "NOUN" and any(
            c.dep_ == "acl" and c.lemma_.casefold() in _MAKER_VERBS for c in m.root.head.children)
            for m in suppliers):
        ev.roles["supplier"] = []
        for m in makers:
            ev.add("supplier", m)


def _only_intended(trigger: Token) -> bool:
    """True when the supply is only tried, sought or planned ("accused the government of attempting to acquire
    spyware from X", "the police sought to buy", "the army plans to purchase"): reported hedged, not as done."""
    if trigger.dep_ == "acl" and _infinitive(trigger) and trigger.head.lemma_.casefold() in _INTENT_NOUNS \
            and _contract_won_for(trigger) is None:  # (a tender or bid won is done: "won the tender to supply")
        return True  # "An application by three German states to use analysis software from X ... has failed"
    if _under_memorandum(trigger):
        return True  # "signed a memorandum of understanding with X (to supply ...)": agreed, not yet delivered
    if _under_negotiation(trigger):
        return True  # "has been negotiating a deal for the purchase of drones from X": talks, not a deal (round 14)
    node = trigger
    for _ in range(3):
        if node.dep_ in ("xcomp", "pcomp") or node.dep_ == "advcl" and _infinitive(node):
            node = node.head
            if node.dep_ == "prep" and node.head.i != node.i:  # "of attempting to acquire"
                node = node.head
            if node.lemma_.casefold() in _INTENT_LEMMAS:
                return True
        else:
            return False
    return False


# words of talks still under way: a purchase they are about is reported hedged, not as done (round 14)
_NEGOTIATION_LEMMAS = frozenset({"negotiate", "negotiation", "talk", "haggle", "bargain"})


def _under_negotiation(trigger: Token) -> bool:
    """True when the trigger is the object of talks, up to four steps up through nouns and prepositions: "has
    been negotiating a deal for the purchase of drones from X", "negotiations for the purchase of", "in talks over
    buying". A deal signed after talks ("after months of negotiations, signed ...") is not under them: the walk
    stops at any verb that is no word of negotiating."""
    node = trigger
    for _ in range(4):
        if node.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl") and node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
        lemma = node.lemma_.casefold()
        if lemma in _NEGOTIATION_LEMMAS and (node.pos_ == "VERB" or node.tag_ in ("NNS", "NN")
                                               and (lemma != "talk" or node.tag_ == "NNS")):
            return True
        if node.pos_ in ("VERB", "AUX") and node.i != trigger.i:
            return False
        if node.head.i == node.i:
            return False
    return False


# posts whose holder acts for the state, body or firm the title names ("US ambassador X handed over", "X, the
# Korvant chief executive, sold"): that state or firm is the party, not the person (round 14)
_ACTING_POSTS = frozenset({"ambassador", "envoy", "consul", "minister", "secretary", "chief", "ceo", "head",
                           "director", "chairman", "chairwoman", "chair", "president", "commissioner", "commander",
                           "representative", "spokesman", "spokeswoman", "spokesperson", "executive", "officer",
                           "official", "governor", "mayor", "attaché", "attache"})


def _persons_to_their_bodies(ev: Event, in_sent: list[Mention], seller_verbs: frozenset[str] | set[str]) -> None:
    """Puts the state, agency or firm a supplier's or recipient's title names in the person's place: "US
    ambassador X handed over the vessels to the navy" is the United States' supply, "X, the Korvant Systems chief
    executive, sold" the firm's. Only when a post word (``_ACTING_POSTS``) sits in the title before the name or in
    an apposition after it, and the party's name sits in that title; a person with no such title stays. Also drops
    a recipient coordinated with a supplier of a verb of selling (``seller_verbs``) or of a verb with "to"."""
    if ev.type != "supply":
        return
    for role, other in (("supplier", "recipient"), ("recipient", "supplier")):
        kept: list[Mention] = []
        for m in ev.roles.get(role, []):
            body = _body_in_title(m, in_sent) if m.label == "PERSON" and m.refers is None else None
            if body is None or body.key in {x.key for x in ev.roles.get(other, [])}:
                kept.append(m)
            elif body.key not in {x.key for x in kept} | {x.key for x in ev.roles.get(role, [])}:
                kept.append(body)  # (the body already in the role: the person goes)
        if role in ev.roles:
            ev.roles[role] = kept
    sellers = {x.root.i for x in ev.roles.get("supplier", [])}
    if sellers and ev.roles.get("recipient") and ev.trigger.pos_ == "VERB" and (any(
            c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ == "to" for c in ev.trigger.children)
            or ev.trigger.lemma_.casefold() in seller_verbs):
        # "X and Y will be providing drones to Z", "the X and Y governments have committed to supplying drones":
        # the second of two coordinated sellers is no buyer (round 14); only for a verb of selling or one that
        # names its buyer with "to" ("a deal between X and Y", "X and Y signed a contract" pair the two)
        ev.roles["recipient"] = [x for x in ev.roles["recipient"] if _paired(x.root) or not (
            x.root.dep_ == "conj" and x.root.head.i in sellers or any(
                s.dep_ == "conj" and s.head.i == x.root.i for s in (ev.trigger.doc[i] for i in sellers)))]


def _paired(tok: Token) -> bool:
    """True when a name stands in a pair after "between" ("the project between X and the Ministry"): the two
    sides of a deal, not two sellers."""
    first = tok.head if tok.dep_ == "conj" else tok
    return first.dep_ == "pobj" and first.head.lower_ == "between"


def _goods_term(span: Span) -> bool:
    """True when a name is a technical term spelt out before goods: an acronym with its expansion in brackets
    right before a goods noun ("FPV (First-Person View) drones", "ANPR (Automatic Number Plate Recognition)
    cameras"), the acronym or the words in the brackets."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text == "(":  # the acronym, its expansion after it
        close = next((t.i for t in doc[span.end + 1 : span.end + 9] if t.text == ")"), None)
        acronym = span
    elif span.start > 0 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")":
        close = span.end  # the expansion, the acronym before the bracket
        acronym = doc[span.start - 2 : span.start - 1] if span.start >= 2 else doc[0:0]
    else:
        return False
    if close is None or close + 1 >= len(doc) or len(acronym) != 1:
        return False
    word = acronym[0].text
    return word.isalpha() and word.isupper() and 2 <= len(word) <= 6 and \
        doc[close + 1].lemma_.casefold() in _GOODS_NOUNS | {"camera", "radar", "vehicle", "sensor", "aircraft"}


def _without_goods_terms(ev: Event) -> None:
    """Drops from a supply's parties a technical term told with its expansion before goods (:func:`_goods_term`):
    "the supply of FPV (First-Person View) drones" names what is bought, no seller (round 14)."""
    if ev.type != "supply":
        return
    for role in ("supplier", "recipient"):
        if role in ev.roles:
            ev.roles[role] = [m for m in ev.roles[role] if not (m.label == "ORG" and m.refers is None
                                                              and _goods_term(m.span))]


def _body_in_title(m: Mention, in_sent: list[Mention]) -> Mention | None:
    """The one state, agency or firm named in a person's title with a post word (see
    :func:`_persons_to_their_bodies`), or None."""
    root = m.root
    under = {t.i for t in root.subtree}
    start = m.span.start
    while start - 1 in under and m.span.start - start < 8:  # (the words right before the name, under it)
        start -= 1
    title = list(root.doc[start : m.span.start])
    title += [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
    if not any(t.lower_ in _ACTING_POSTS for t in title):
        return None
    where = {t.i for t in title}
    bodies = [x for x in in_sent if x.label in ("COUNTRY", "GOV_AGENCY", "ORG") and x.refers is None
              and all(t.i in where for t in x.span)]
    return bodies[0] if len(bodies) == 1 else None


def _contract_won_for(trigger: Token) -> Token | None:
    """The verb of winning or signing a contract that an infinitive trigger says the purpose of ("won a contract to
    supply ...", "secured a tender to install ...", "signed a deal to buy ..."), however the parser hangs the
    infinitive (on the noun, or on the verb), also a gerund after "for" on the contract ("bagged the contract for
    delivering 200 drones to ..."); None otherwise."""
    verbs = _WIN_VERBS | _SIGNING_VERBS
    head = trigger.head
    if trigger.dep_ == "pcomp" and trigger.tag_ == "VBG" and head.lower_ == "for" \
            and head.head.lemma_.casefold() in _DEAL_NOUNS and head.head.dep_ == "dobj" \
            and head.head.head.lemma_.casefold() in verbs:
        return head.head.head
    if not _infinitive(trigger):
        return None
    if trigger.dep_ in ("acl", "relcl") and head.lemma_.casefold() in _DEAL_NOUNS and head.dep_ == "dobj" \
            and head.head.lemma_.casefold() in verbs:
        return head.head
    if trigger.dep_ == "advcl" and head.lemma_.casefold() in verbs and any(
            c.dep_ == "dobj" and c.lemma_.casefold() in _DEAL_NOUNS for c in head.children):
        return head
    if trigger.dep_ in ("acl", "relcl"):
        # "a company that won two contracts to procure intrusion systems for the police": the parser hangs the
        # infinitive on the noun the relative clause describes, next to the clause of winning
        for sibling in head.children:
            if sibling.dep_ == "relcl" and sibling.i < trigger.i and sibling.lemma_.casefold() in verbs and any(
                    c.dep_ == "dobj" and c.lemma_.casefold() in _DEAL_NOUNS and c.right_edge.i + 1 == trigger.left_edge.i
                    for c in sibling.children):
                return sibling
    return None


_MAKING_VERBS = {"make", "manufacture", "develop", "produce", "build", "design", "create"}


@cache
def _excluding_words() -> frozenset[str]:
    """Prepositions that set a name outside a sale's parties (``[excluding]`` of nlp/data/supply_roles.txt)."""
    return word_sections("supply_roles.txt")["excluding"]


def _denial_denied(verb: Token) -> bool:
    """True for a denial verb that is itself negated: "the minister did not deny that the government purchased the
    spyware", "X has not denied selling the system" admit the sale (news writes a non-denial so; issue 13 round 24,
    brief supplyroles28)."""
    return any(c.dep_ == "neg" and not _not_a_denial(c) for c in verb.children)


def _not_a_denial(neg: Token) -> bool:
    """True for a "not" that starts a time or addition phrase, not a denial: "bought Pegasus in 2017, not long
    after ...", "not only sold ... but also", "not just", "not least"."""
    nxt = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.lower_ in ("long", "only", "just", "least", "merely", "simply")


def _maker_clause(trig: Token, mentions: list[Mention], suppliers: list[Mention]) -> Mention | None:
    """The firm a clause joined to a sale names as the goods' maker, other than the seller ("While the software was
    manufactured by X, it was supplied to Y by Z", "developed by X and sold to Y by its reseller Z"); None when
    there is no such clause or it names the seller itself."""
    clauses = [c for c in trig.children if c.dep_ in ("advcl", "conj")]
    if trig.dep_ in ("advcl", "conj"):
        clauses.append(trig.head)
    sellers = {m.key for m in suppliers} | {m.value for m in suppliers}
    for verb in clauses:
        if verb.pos_ != "VERB" or verb.lemma_.casefold() not in _MAKING_VERBS:
            continue
        for agent in verb.children:
            if agent.dep_ != "agent":
                continue
            for m in mentions:
                if m.label == "ORG" and any(g.dep_ == "pobj" and m.span.start <= g.i < m.span.end for g in agent.children) \
                        and m.key not in sellers and m.value not in sellers:
                    return m
    return None


def _buyer_said_before(trig: Token, before: list[Mention], seller_lemmas: set[str]) -> Mention | None:
    """The state the sentence before names as its main subject, when the trigger's goods refer back
    (:func:`_refers_back`: "The equipment was supplied ... by X", "X installed the $22 million system"): the buyer
    whose goods the sentence before spoke of; None otherwise."""
    if _refers_back(trig, seller_lemmas) is None:
        return None
    states = [m for m in before if m.label in ("GOV_AGENCY", "COUNTRY") and m.refers is None
              and m.root.dep_ == "nsubj" and m.root.head.dep_ == "ROOT"]
    return states[-1] if len(states) == 1 else None


def _refers_back(trig: Token, seller_lemmas: set[str]) -> Token | None:
    """The goods of a sale that refer back to goods named before: a definite goods noun as the passive subject or
    the object ("The cameras were provided by X", "X installed the system"), or "them" as the object of a selling
    verb ("Huawei provided them all"); None for goods the sentence names, or no sale verb."""
    if trig.pos_ != "VERB":
        return None
    return next((c for c in trig.children if _goods_referred_back(c, seller_lemmas)), None)


def _goods_referred_back(tok: Token, seller_lemmas: set[str]) -> bool:
    """True for a token that is goods named before, in the place of a sale's goods (see :func:`_refers_back`)."""
    if tok.dep_ == "nsubjpass":
        return _definite_goods(tok)
    if tok.dep_ in ("dobj", "dative") and tok.head.lemma_.casefold() in seller_lemmas:
        # ("provided them all": the parser reads a lone "them" as the dative)
        return tok.dep_ == "dobj" and _definite_goods(tok) or tok.lower_ == "them" and not any(
            c.dep_ == "dobj" for c in tok.head.children)
    return False


def _state_topic(mentions: list[Mention]) -> list[Any] | None:
    """What a unit leaves as its main subject, for a later paragraph's "they" or its goods referred back:
    ["state", start_char, end_char, label, value] when the last main subject (:func:`_main_subjects`) is a state
    body or a country, ["other"] when it is another party (a firm, a person), None when no party is one."""
    parties = [m for m in mentions if m.refers is None and m.label in PARTY_LABELS]
    tops = sorted(_main_subjects(parties) + _bodies_of_subject_posts(parties), key=lambda m: m.span.start)
    if not tops:
        return None
    last = tops[-1]
    if last.label not in ("GOV_AGENCY", "COUNTRY"):
        return ["other"]
    return ["state", last.span.start_char, last.span.end_char, last.label, last.value]


def _bodies_of_subject_posts(mentions: list[Mention]) -> list[Mention]:
    """The state bodies whose post is the subject of a sentence's main verb: "the chair of the State Committee for
    Information Technology, A. B., announced ..." leaves the committee as the paragraph's main subject (a later "The
    contract with X was signed" is the committee's); "the minister of X" the same. Posts: ``_ACTING_POSTS``."""
    out = []
    for m in mentions:
        post = m.root.head.head if m.root.dep_ == "pobj" and m.root.head.lower_ == "of" else None
        if m.label == "GOV_AGENCY" and post is not None and post.pos_ == "NOUN" \
                and post.lemma_.casefold() in _ACTING_POSTS and post.dep_ in ("nsubj", "nsubjpass") \
                and (post.head.dep_ == "ROOT" or post.head.head.dep_ == "ROOT" and post.head.i < post.head.head.i
                     and post.head.dep_ in ("ccomp", "advcl", "conj", "parataxis")):
            out.append(m)
    return out


def _main_subjects(mentions: list[Mention]) -> list[Mention]:
    """The mentions that are the subject of their sentence's main verb (also of a clause the parse hangs before a
    later root: "..., they said" puts the root last)."""
    return [m for m in mentions if m.root.dep_ in ("nsubj", "nsubjpass")
            and (m.root.head.dep_ == "ROOT" or m.root.head.head.dep_ == "ROOT" and m.root.head.i < m.root.head.head.i
                 and m.root.head.dep_ in ("ccomp", "advcl", "conj", "parataxis"))]


def _shared_object_verb(verb: Token) -> Token | None:
    """The verb coordinated after VERB that holds the object both share ("imported and utilized a wide variety of
    spyware": "utilized"), when VERB has no object of its own and the second verb no subject of its own."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i
                 and any(g.dep_ == "dobj" for g in c.children)
                 and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def _clause_subjects(verb: Token, mentions: list[Mention]) -> list[Mention]:
    """The named subject of a verb; for a relative clause opened by "which"/"who"/"that", the name the clause hangs
    on ("One such company is Cloudwalk which entered into an agreement with ...": Cloudwalk)."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    named = [m for m in mentions for c in subj if m.span.start <= c.i < m.span.end]
    if not named and subj and subj[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        named = [m for m in mentions if m.span.start <= verb.head.i < m.span.end]
    return named


def _purpose_of_deal(noun: Token) -> bool:
    """True for a buying or selling noun that says what a contract is for: "a contract with X for the purchase of
    Pegasus", "obtained a contract with X for the supply of cameras" (the "for" phrase on the deal noun, or on the
    verb whose object the deal noun is, as the parser hangs it), where the deal names its partner after "with"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return False
    holder = noun.head.head
    if holder.lemma_.casefold() in _DEAL_NOUNS or any(c.dep_ == "compound" and c.lemma_.casefold() in _DEAL_NOUNS
                                                      for c in holder.children):  # ("Contract No. 12 with X for ...")
        return any(p.dep_ == "prep" and p.lower_ == "with" for p in holder.children)
    return holder.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.casefold() in _DEAL_NOUNS
                                         and any(p.dep_ == "prep" and p.lower_ == "with" for p in c.children)
                                         for c in holder.children)


def _lone_buyer(sent: Span, in_sent: list[Mention], buyer_lemmas: set[str], seller_lemmas: set[str]) -> bool:
    """True when the sentence's only mention is a state party and a buying verb is said of it, or a selling verb
    says it got the goods: "The Defence Intelligence Agency has acquired equipment which can spy on calls", "It was
    sold to the National Telecommunication Monitoring Center" name one party, the buyer, and are a supply all the
    same (the event rules then ask for goods that say surveillance)."""
    if len(in_sent) == 1 and in_sent[0].label == "ORG" and _awarded_alone(sent):
        return True  # "The contract was awarded to X" after a tender a state body issued (the buyer said before)
    if len(in_sent) != 1 or in_sent[0].label not in ("GOV_AGENCY", "COUNTRY"):
        return False
    root = in_sent[0].root
    if _lone_contract_body(sent):
        return True  # "the third contract was signed with various companies for the benefit of the ISF"
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.pos_ == "VERB":
        return root.head.head.lemma_.casefold() in seller_lemmas
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_.casefold() in buyer_lemmas


def _goods_said_before(trig: Token, seller_lemmas: set[str] | None = None) -> bool:
    """True when the trigger's passive subject is a pronoun ("It was sold to X") or a goods noun that refers back
    ("The equipment was supplied by X"), or a selling verb's object does (``seller_lemmas``: "X installed the
    system", "X provided them") and the sentence before speaks of surveillance goods ("the controversial
    spytech ... can break into mobile phones", "its new facial recognition cameras")."""
    pron = next((c for c in trig.children if c.dep_ == "nsubjpass" and (c.lower_ in ("it", "they", "these", "those")
                                                                        or _definite_goods(c))), None)
    if pron is None and seller_lemmas:  # ("CEIEC installed the system", "Huawei provided them")
        pron = _refers_back(trig, seller_lemmas)
    if pron is None or trig.sent.start == 0:
        return False
    before = trig.doc[trig.sent.start - 1].sent
    # (also a capability named there: "putting its new facial recognition cameras to work. The equipment was ...")
    return any(t.lemma_.casefold() in _SURVEILLANCE_WORDS or "spy" in t.lower_ or t.ent_type_ == "CAPABILITY"
               for t in before)


def _definite_goods(noun: Token | None, nouns: set[str] = _GOODS_NOUNS | {"gear", "hardware"}) -> bool:
    """True for a goods noun (of ``nouns``) that refers back: "the equipment", "these cameras", "that system", "such
    devices", "no such device" (round 21)."""
    return noun is not None and noun.pos_ == "NOUN" and noun.lemma_.casefold() in nouns \
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE or c.lower_ == "such" for c in noun.children)


def _goods_described(trig: Token, mentions: list[Mention]) -> list[Mention]:
    """The named goods a relative or participle clause hangs on: its head noun's product or capability mention,
    also where the head is an apposition of a name ("the FirstMile system, an Israeli ... tool acquired by X")."""
    heads = [trig.head] + ([trig.head.head] if trig.head.dep_ == "appos" else [])
    inside = {t.i for h in heads for t in h.subtree} - {t.i for t in trig.subtree}
    return [m for m in mentions if m.label in ITEM_LABELS and m.root.i in inside]


def _with_its_clauses(phrase: Span) -> list[Token]:
    """The tokens of a goods phrase and of the relative or participle clauses on its head noun."""
    out = list(phrase)
    for c in phrase.root.children:
        if c.dep_ in ("relcl", "acl"):
            out += list(c.subtree)
    return out


def _object_phrase(trig: Token) -> Span | None:
    """The direct object (or passive subject) noun phrase of a trigger verb, for an unnamed item; in "provided X
    with Y" the object is the recipient and the item is Y."""
    for prep in trig.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and any(
                c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON") or c.ent_type_ for c in trig.children if c.dep_ == "dobj"):
            # (also "provided us with contracts": the reporter got documents, no goods)
            obj = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if obj is not None:
                return obj.doc[obj.left_edge.i if obj.left_edge.pos_ != "DET" else obj.left_edge.i + 1 : obj.i + 1]
    for child in trig.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.casefold() in ("worth", "value", "amount", "quantity"):
            inner = [g for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
            if inner:  # "$50 million worth of microelectronics": the goods, not the price
                child = inner[0]
                return child.doc[child.left_edge.i if child.left_edge.pos_ != "DET" else child.left_edge.i + 1 : child.right_edge.i + 1]
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            left = child.left_edge.i
            doc = child.doc
            while left < child.i and (doc[left].dep_ in ("det", "poss", "predet", "case") or doc[left].is_punct):
                left += 1
            if left <= child.i:
                return doc[left : child.i + 1]
    return None


def _taken_on_as(verb: Token) -> str:
    """What a firm is taken on as ("partner" in "signed X as a capability partner")."""
    return next((g.lemma_.casefold() for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "as"
                 for g in t.children if g.dep_ == "pobj"), "partner")


def _complete_open_sale(open_sale: dict[str, Any], firm: Mention, mentions: list[Mention]) -> None:
    """Gives the purchase of the sentence before, which names no seller, the firm the next sentence says won the
    deal ("... is set to procure 84 drones. The contract was bagged by X"), at the next-sentence confidence."""
    open_sale["roles"]["supplier"] = [_role_data(firm, mentions)]
    open_sale["confidence"] = round(min(open_sale["confidence"], MAKER_NEXT_SENTENCE_CONFIDENCE), 3)
    open_sale.pop("needs_supplier", None)
    why = "supplier: the firm the next sentence says won or signed the deal"
    open_sale["rule"] = open_sale.get("rule") or "contract_parties"
    open_sale["explanation"] = f"{open_sale['explanation']}; {why}" if open_sale.get("explanation") else why


def _lone_deal_event(sent: Span, in_sent: list[Mention], events: list[Event]) -> Event | None:
    """A deal the sentence tells from the firm's side alone (:func:`nlp.components.contract_parties.firm_of_lone_deal`:
    "The contract for the drone system was signed with X", "The contract was bagged by X") with its buyer said
    before: the one state body that made or put out a deal earlier in the unit ("the Indian Army on Monday signed a
    contract with local manufacturers"), at the next-sentence confidence; when the unit names no state party
    before it, the state body an earlier paragraph is about (the extractor puts it in, or drops the event). None
    when the sentence's rules found a seller already, or a state party is named before it in the unit but made
    no deal (the buyer is not said)."""
    if any(ev.type == "supply" and ev.roles.get("supplier") for ev in events):
        return None
    lone = firm_of_lone_deal(sent, in_sent)
    if lone is None:
        return None
    trig, firm = lone
    doc = sent.doc
    maker = deal_maker_before(trig, 0)
    if maker is None:  # "The Y Police announced that 2,000 body cameras will be purchased. ... the supply
        maker = buyer_announced_before(trig)  # contract has been awarded to X": the body that said it buys
    if maker is not None:
        recipients = [Mention(maker, maker.label_, maker.kb_id_ or maker.text)]
        explanation = "recipient: the state body that made or put out the deal in a sentence before"
    elif not any(e.label_ in ("GOV_AGENCY", "COUNTRY") and e.end <= sent.start for e in doc.ents) and not any(
            t.lemma_.casefold() in STATE_ANAPHORS | _AGENCY_ANAPHORS | _UNIT_HEADS for t in doc[: sent.start]):
        # (not after "The drones will also assist the police department of Uttar Pradesh": a buyer the unit names,
        # untagged, not the earlier paragraph's)
        recipients, explanation = [], ""
    else:
        return None
    ev = supply_event(Event, trig, confidence=MAKER_NEXT_SENTENCE_CONFIDENCE, rule="contract_parties",
                      explanation=explanation, supplier=[firm], recipient=recipients, mentions=in_sent)
    ev.recipient_before = maker is None  # (the extractor fills the body and says why, or drops the event)
    return ev


def _bare_state_signer(verb: Token) -> list[Mention]:
    """"Brig al-Shafi said that the ministry signed a contract worth QR79,947,177 with Mannai Corporation": the
    unnamed state body ("the ministry", "the police", "the government") that is the subject of a verb of signing
    or making a deal, which no earlier name resolved, as the deal's state side (an unnamed body, GOV_GENERIC)."""
    if verb.lemma_.casefold() not in _SIGNING_VERBS | _AWARD_VERBS:
        return []
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or _bare_state_noun(subj) is None:
        return []
    return [Mention(subj.doc[subj.i : subj.i + 1], "GOV_GENERIC", subj.lower_)]


def _bought_by_body_described_again(trig: Token, recipient: list[Mention]) -> bool:
    """True when a state body named again by a description buys definite goods: "the sheriff's office bought the
    $18,000 software" (goods the text spoke of before, "the technology to hack into cellphones", with the body's
    name): a purchase all the same, though the sentence does not say what the goods are for."""
    obj = next((c for c in trig.children if c.dep_ == "dobj"), None)
    return bool(recipient) and all(m.value.startswith(PREVIOUS_PARAGRAPH_BODY) or m.refers is not None and
                                   described_body(m.span[0]) is not None for m in recipient) and _definite_goods(obj)


def _described_body_anaphor(tok: Token, mentions: list[Mention], opening: bool) -> Mention | None:
    """A state body a definite description names again ("the sheriff's office bought the $18,000 software" after
    "The Spokane County Sheriff's Office has had the technology ..."): the last state body named before it in the
    unit whose name ends with the description's words; opening a unit with no party before it, a placeholder the
    extractor fills with the state body an earlier paragraph is about when its name ends so
    (:data:`PREVIOUS_PARAGRAPH_BODY`). None otherwise. ``mentions``: the unit's; those ending before ``tok`` are
    read (picked only when ``tok`` is a description, the rare case)."""
    desc = described_body(tok)
    if desc is None:
        return None
    before = [m for m in mentions if m.span.end <= tok.i]
    _span, words = desc
    for m in reversed(before):
        if m.label == "GOV_AGENCY" and m.refers is None and names_description(m.span.text, words):
            return Mention(tok.doc[tok.i : tok.i + 1], m.label, m.value, refers=m.span)
    if opening and not any(m.label in _STATE_LABELS for m in before):
        # (a firm or newspaper named before it is no body it could stand for: "According to purchasing records
        # obtained by The Spokesman-Review ..., the sheriff's office bought")
        return Mention(tok.doc[tok.i : tok.i + 1], "GOV_AGENCY", f"{PREVIOUS_PARAGRAPH_BODY}:{words}")
    return None


def _one_sale_told_twice(events: list[Event]) -> list[Event]:
    """A sentence's supply with a seller and goods but no buyer folded into its supply from the same seller to a
    buyer that names no goods: "X will install cameras after signing a contract with the government" is one sale
    of cameras from X to the government, not a sale of cameras to nobody and a deal with no goods."""
    out = list(events)
    for ev in events:
        if ev.type != "supply" or ev.roles.get("recipient") or not ev.roles.get("supplier"):
            continue
        sellers = {m.key for m in ev.roles["supplier"]}
        deal = next((o for o in out if o is not ev and o.type == "supply" and o.roles.get("recipient")
                     and sellers <= {m.key for m in o.roles.get("supplier", [])}
                     and not o.roles.get("product") and not o.roles.get("capability")), None)
        if deal is None:
            continue
        for role in ("product", "capability", "date"):
            for m in ev.roles.get(role, []):
                deal.add(role, m)
        out.remove(ev)
    return out


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[tuple[str, tuple[tuple[str, tuple[tuple[int, int], ...]], ...]]] = set()
    out: list[Event] = []
    for ev in events:
        sig = (ev.type, tuple(sorted((r, tuple(sorted(m.key for m in ms))) for r, ms in ev.roles.items() if r not in ("date", "country"))))
        if sig in seen:
            continue
        seen.add(sig)
        out.append(ev)
    # an event whose core roles are a subset of another's of the same type is the same event seen twice
    final: list[Event] = []
    for ev in out:
        core = {(r, m.key) for r, ms in ev.roles.items() for m in ms if r not in ("date", "country")}
        if any(other is not ev and other.type == ev.type and core < {(r, m.key) for r, ms in other.roles.items()
               for m in ms} for other in out):
            continue
        final.append(ev)
    return final


# ---- contract, award, memorandum, lease and subscription wording (round 13 of issue 13, branch contracts15) ----
# nouns of a deal told as a document: a firm "to"/"with" which it is made supplies, the state body it is for gets
_CONTRACT_NOUNS = frozenset({"contract", "agreement", "tender", "memorandum", "mou", "deal", "subscription", "lease",
                             "award"})
# nouns of doing something with a contract ("the award of the contract to X", "the signing of the contract to X",
# "the conclusion of an investment agreement with X"): the deal noun hangs on them through "of"
_DEAL_ACT_NOUNS = frozenset({"award", "signing", "conclusion", "execution", "renewal", "extension", "approval"})
# deals paid for as a service: "the Sheriff's subscription to X", "a lease with X"; "for X" names the seller too
_SERVICE_DEAL_NOUNS = frozenset({"subscription", "lease"})
# memoranda and plans: a supply told through them is reported hedged (signed, but not yet a delivery)
_MEMORANDUM_NOUNS = frozenset({"memorandum", "mou"})
# verbs that take goods "from" a firm in one reading and give them "to" a party in the other: "leased drones from X"
_TWO_WAY_SUPPLY_VERBS = frozenset({"lease", "license", "licence", "rent"})
_STATE_LABELS = ("GOV_AGENCY", "COUNTRY", "GOV_GENERIC")


def _taken_from(verb: Token) -> bool:
    """True for a two-way supply verb whose goods come "from" someone ("the police leased drones from X", "licensed
    the software from X"): its subject gets them, it does not give them."""
    return verb.lemma_.casefold() in _TWO_WAY_SUPPLY_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "from" for c in verb.children) and not any(
        c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children)


def _under_memorandum(trigger: Token) -> bool:
    """True when the supply is told through a memorandum of understanding ("signed an MoU with X", "signed a
    memorandum of understanding with X to supply ..."): the trigger is that noun, or an infinitive or noun on it."""
    node = trigger
    for _ in range(3):
        if node.lemma_.casefold() in _MEMORANDUM_NOUNS or node.lower_ == "mou":
            return True
        if node.dep_ in ("acl", "relcl", "xcomp", "advcl", "pobj", "prep") and node.head.i != node.i:
            node = node.head
        else:
            return False
    return node.lemma_.casefold() in _MEMORANDUM_NOUNS


def _deal_verb(trig: Token) -> tuple[Token | None, Token | None]:
    """The verb of the clause that holds a deal noun, and the act noun on the way ("approved the award of the
    contract": approved, award), through objects, "of" phrases and coordination (at most four steps)."""
    node, act = trig, None
    if trig.lemma_.casefold() in _DEAL_ACT_NOUNS:
        act = trig
    for _ in range(4):
        if node.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and node.head.pos_ in ("VERB", "AUX"):
            return node.head, act
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
            node = node.head.head
            if node.lemma_.casefold() in _DEAL_ACT_NOUNS:
                act = node
        elif node.dep_ in ("conj", "compound") and node.head.pos_ in ("NOUN", "PROPN"):
            node = node.head
            if node.lemma_.casefold() in _DEAL_ACT_NOUNS:
                act = node
        elif node.dep_ == "pobj" and node.i != trig.i and trig.dep_ == "conj" and node.head.head.lemma_.casefold() in \
                _TIE_NOUNS:  # "has ties to extremists and contracts with ICE": the parser coordinates the two nouns
            node = node.head.head
        elif node.dep_ == "pobj" and node.head.lower_ in ("for", "into", "under") and node.head.head.pos_ == "VERB":
            return node.head.head, act  # "pays $35,000 for its subscription to X", "entered into a lease with X"
        else:
            return None, act
    return None, act


def _between_them(trig: Token, mentions: list[Mention]) -> Event | None:
    """"Pen-Link sued the Sheriff's Office to block the agency from disclosing the contracts between them": a deal
    "between them" (or "between the two") is between the subject and the object of the sentence's main verb; a firm
    on one side and a state body on the other, the firm supplies. None when the deal is not said "between them"; an
    event without parties when the two are not a firm and a state."""
    prep = next((c for c in trig.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if prep is None or not any(g.dep_ == "pobj" and (g.lower_ == "them" or g.lower_ == "two" and any(
            d.lower_ == "the" for d in g.children)) for g in prep.children):
        return None
    root = trig.sent.root
    heads = {c.i for c in root.children if c.dep_ in ("nsubj", "dobj")}
    sides = [m for m in mentions if m.refers is None and m.label in PARTY_LABELS and (
        m.root.i in heads or m.root.dep_ in ("appos", "compound") and m.root.head.i in heads)]
    ev = Event("supply", trig, confidence=0.6)
    firms = [m for m in sides if m.label == "ORG"]
    states = [m for m in sides if m.label in _STATE_LABELS]
    if len(firms) == 1 and states:
        ev.add("supplier", firms[0])
        for m in states:
            ev.add("recipient", m)
    return ev


def _unnamed_firms(verb: Token, trig: Token) -> bool:
    """True when a deal is made "with"/"to" firms the text does not name ("was signed with various national and
    international companies", "awarded to three suppliers")."""
    preps = [c for h in (verb, trig) for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in ("with", "to")]
    return any(g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.casefold() in _PARTNER_NOUNS | {"supplier", "contractor"}
               for p in preps for g in p.children)


def _lone_contract_body(sent: Span) -> bool:
    """True when the sentence tells a contract signed or awarded in the passive with firms it does not name ("was
    signed with various companies for ..."): the state body it is for is then its one party (read by
    :meth:`EventExtractor._contract_wording`)."""
    return any(t.dep_ == "nsubjpass" and t.lemma_.casefold() in _CONTRACT_NOUNS and t.head.lemma_.casefold() in
               _AWARD_VERBS | _SIGNING_VERBS and _unnamed_firms(t.head, t) for t in sent)


def _definite_deal(noun: Token) -> bool:
    """True for a deal noun that refers back ("the contract", "the tender", "this contract")."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _tender_issuer_before(trig: Token) -> Mention | None:
    """The one state body that put a tender or contract out in the two sentences before the trigger's ("X issued a
    tender for ...", "a tender floated by X", "X invited bids"): the subject of an issuing verb whose object is a
    tender, contract or bid noun, or the agent of that verb in the passive; None when there is none or several."""
    doc = trig.doc
    start = trig.sent.start
    sents: list[Span] = []
    while start > 0 and len(sents) < 2:
        prev = doc[start - 1].sent
        sents.append(prev)
        start = prev.start
    found: dict[tuple[int, int], Mention] = {}
    for sent in sents:
        for ent in sent.ents:
            if ent.label_ not in ("GOV_AGENCY",):
                continue
            root = ent.root
            verb = None
            if root.dep_ == "nsubj":
                verb = root.head
                deal = any(c.dep_ == "dobj" and c.lemma_.casefold() in _CONTRACT_NOUNS | {"bid"} for c in verb.children)
            elif root.dep_ == "pobj" and root.head.dep_ == "agent":
                verb = root.head.head
                deal = any(c.dep_ == "nsubjpass" and c.lemma_.casefold() in _CONTRACT_NOUNS for c in verb.children) or (
                    verb.dep_ == "acl" and verb.head.lemma_.casefold() in _CONTRACT_NOUNS)
            else:
                deal = False
            if verb is not None and deal and verb.lemma_.casefold() in _ISSUING_VERBS:
                m = Mention(ent, ent.label_, ent.kb_id_ or ent.text)
                found[m.key] = m
    return next(iter(found.values())) if len(found) == 1 else None


def _awarded_alone(sent: Span) -> bool:
    """True when the sentence tells a definite contract or tender awarded in the passive with no one awarding ("The
    contract was awarded to X"): its buyer may be the state body that issued the tender just before
    (:func:`_tender_issuer_before`)."""
    return any(t.dep_ == "nsubjpass" and t.lemma_.casefold() in _CONTRACT_NOUNS and t.head.lemma_.casefold() == "award"
               and _definite_deal(t) and not any(c.dep_ == "agent" for c in t.head.children) for t in sent)

"""The learned supply-pair scorer (nlp/components/supply_pairs.py) and its trainer (nlp/train_supply_pairs.py).

Sentences are quoted from the tuning half of the real development set: the Federal Register (public domain, work of
the United States Government), Wikipedia's "Clearview AI" (CC BY-SA 4.0, Wikipedia contributors) and Global Voices
(CC BY 3.0). The scorer is off by default (REDFLAG_SUPPLY_PAIRS); these tests switch it on for their own extractor.
"""

from __future__ import annotations

import json

import pytest

from nlp.components.supply_pairs import CONFIDENCE, RULE, WEIGHTS_FILE, PairScorer
from nlp.evaluate import default_gold_dir, load_gold
from nlp.extract import Extractor
from nlp.train_supply_pairs import Row, collect_rows, train
from nlp.workers import extract_documents
from ontology.records import Document, EventMention
from redflag.settings import SettingsError, load_settings
from tests.nlp.conftest import MODEL

# https://www.federalregister.gov/d/2024-03674 (public domain)
SANDVINE = ("This addition is being made based on information that Sandvine supplies deep packet inspection technology "
            "to the Government of Egypt, where it is used in mass web-monitoring and censorship to block news as well "
            "as target political actors and human rights activists.")
# https://en.wikipedia.org/wiki/Clearview_AI (CC BY-SA 4.0)
CLEARVIEW = ("Clearview sells access to its database to law enforcement agencies and has 3,100 active users including "
             "the Federal Bureau of Investigation and the Department of Homeland Security according to The Wall Street "
             "Journal.")


@pytest.fixture(scope="module")
def pair_extractor() -> Extractor:
    """The full pipeline that keeps every candidate pair (doc._.redflag_pairs) and scores with the shipped weights."""
    ext = Extractor(MODEL, supply_pairs="both")
    ext.nlp.get_pipe("redflag_events").collect_pairs = True  # type: ignore[attr-defined]
    return ext


@pytest.fixture(scope="module")
def tuning_rows() -> list[Row]:
    return collect_rows([g for g in load_gold(default_gold_dir() / "real") if g.half == "tuning"], MODEL)


def _pairs(ext: Extractor, text: str) -> list[dict[str, object]]:
    return list(ext.nlp(text)._.redflag_pairs or [])


def _supplies(ext: Extractor, text: str) -> list[EventMention]:
    return [ev for ev in ext.extract_text(text).events if ev.type == "supply"]


def test_the_features_of_a_stated_sale_name_the_cue_and_the_slots(pair_extractor: Extractor) -> None:
    pairs = {(p["firm"], p["state_label"]): p["features"] for p in _pairs(pair_extractor, SANDVINE)}
    feats = pairs[("sandvine", "GOV_AGENCY")]
    assert isinstance(feats, dict)
    assert feats["cue=seller"] == 1.0  # "supplies"
    assert feats["dep_firm=nsubj"] == 1.0 and feats["dep_state=pobj:to"] == 1.0
    assert feats["slot_state=prep:to"] == 1.0  # "to the Government of Egypt" hangs on "supplies"
    assert feats["cue_between"] == 1.0 and feats["firm_before_state"] == 1.0 and feats["same_clause"] == 1.0


def test_a_sentence_naming_no_firm_pairs_its_states_with_the_previous_sentences_firms(pair_extractor: Extractor) -> None:
    # https://deibert.citizenlab.ca/2018/09/watching-nso-group/ (Citizen Lab, CC BY 2.5 CA)
    text = ("This report is the latest in a major research area for the Citizen Lab: the proliferation and abuse of "
            "commercial spyware.\n\nCommercial spyware is sophisticated surveillance technology sold by companies to "
            "governments under the justification of assisting in law enforcement or national security investigations.")
    second = text.index("Commercial spyware is")
    pairs = [p for p in _pairs(pair_extractor, text) if p["sent"][0] >= second]  # type: ignore[index]
    assert pairs and all(p["firm"] == "citizen lab" for p in pairs)  # the only organisation, one sentence before
    feats = pairs[0]["features"]
    assert isinstance(feats, dict) and feats["cross_sentence"] == 1.0 and "dist<=5" not in feats


def test_a_scored_supply_is_explained_and_of_low_confidence(pair_extractor: Extractor) -> None:
    # a scorer that keeps every pair: the one the rules did not cover is made, explained
    ext = Extractor(MODEL, supply_pairs="replace")
    ext.nlp.get_pipe("redflag_events").set_supply_pairs("replace", PairScorer({}, 0.0, 0.0))  # type: ignore[attr-defined]
    # (a scored pair that is another reading of a sale the rules found is folded into that sale's event, its rule
    # and explanation named there: round 18)
    scored = [ev for ev in _supplies(ext, CLEARVIEW) if ev.rule == RULE or f"({RULE}: " in ev.explanation]
    assert scored, "no pair scored"
    for ev in scored:
        assert ev.confidence <= CONFIDENCE or ev.rule != RULE
        assert "p=0.50" in ev.explanation  # p of a zero model, with its (empty) strongest features
    shipped = [ev for ev in _supplies(pair_extractor, CLEARVIEW) if ev.rule == RULE]
    for ev in shipped:
        assert ev.explanation.count("p=") >= 1 and ev.explanation.count("+") + ev.explanation.count("-") >= 1


def test_a_pair_a_rule_already_found_is_not_doubled() -> None:
    ext = Extractor(MODEL, supply_pairs="both")
    ext.nlp.get_pipe("redflag_events").set_supply_pairs("both", PairScorer({}, 10.0, 0.0))  # type: ignore[attr-defined]
    supplies = _supplies(ext, SANDVINE)
    egypt = [ev for ev in supplies if "Sandvine" in json.dumps(ev.roles) and "Egypt" in json.dumps(ev.roles)]
    assert len(egypt) == 1 and egypt[0].rule == ""  # the parse rules' stated sale, alone


def test_an_unknown_mode_is_refused_with_the_modes_named() -> None:
    ext = Extractor(MODEL)
    with pytest.raises(ValueError, match="off, replace, both"):
        ext.nlp.get_pipe("redflag_events").set_supply_pairs("on")  # type: ignore[attr-defined]


def test_the_batch_extraction_reads_with_the_mode_it_is_given() -> None:
    # http://technologyandhumanrights.org/pay-no-attention-to-the-server-behind-the-proxy-mapping-finfishers-continuing-proliferation/
    # (Citizen Lab, CC BY 2.5 CA)
    text = ("FinFisher is a sophisticated computer spyware suite, written by Munich-based FinFisher GmbH, and sold "
            "exclusively to governments for intelligence and law enforcement purposes.")
    doc = Document(id="d1", url="u", source_id="s", publisher="p", tier=2, title="t", text=text, sha256="1",
                   retrieved_at="")
    rules = {mode: [ev.rule for ev in next(extract_documents([doc], MODEL, supply_pairs=mode)).events]
             for mode in ("off", "both")}
    assert RULE not in rules["off"] and RULE in rules["both"]  # "FinFisher GmbH" -> "law enforcement"


def test_the_setting_names_the_modes_when_wrong(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDFLAG_SUPPLY_PAIRS", "yes")
    with pytest.raises(SettingsError, match="REDFLAG_SUPPLY_PAIRS=yes: use off, replace or both"):
        load_settings()
    monkeypatch.setenv("REDFLAG_SUPPLY_PAIRS", "Both")
    assert load_settings().supply_pairs == "both"
    monkeypatch.delenv("REDFLAG_SUPPLY_PAIRS")
    assert load_settings().supply_pairs == "off"


def test_the_trainer_is_deterministic(tuning_rows: list[Row]) -> None:
    few = [r for r in tuning_rows if r.doc_id < "g"]  # the texts before "g": a small set with both labels
    assert any(r.label for r in few) and not all(r.label for r in few)
    assert train(few, "2026-12-05") == train(few, "2026-12-05")


def test_the_shipped_weights_are_a_training_on_the_tuning_half(tuning_rows: list[Row]) -> None:
    shipped = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    again = train(tuning_rows, shipped["meta"]["trained_on"])
    assert again == shipped, "nlp/data/supply_pairs.json is stale: run redflag train-supply-pairs --gold nlp/devset/real"

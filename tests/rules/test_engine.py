"""The red-flag engine on small graphs: each rule family fires where it should and stays silent where not."""

from __future__ import annotations

from datetime import date

import pytest
import rules_world as W

from graph.store import RelRecord
from ontology import vocab
from redflag.rules.context import TransactionNotFound
from redflag.rules.engine import evaluate
from redflag.rules.registry import rules


def _rules(report) -> set[str]:  # noqa: ANN001
    return {f.rule for f in report.findings}


def _by_rule(report, rule):  # noqa: ANN001, ANN202
    return [f for f in report.findings if f.rule == rule]


def test_every_catalog_flag_assigned_to_a_family_has_a_rule() -> None:
    computed = {f.id for f in vocab.red_flags() if f.computed_by}
    assert set(rules()) == computed


def test_diversion_chain_raises_the_expected_flags_with_paths_and_evidence(falkordb_store) -> None:  # noqa: ANN001
    W.diversion_world(falkordb_store)
    report = evaluate(falkordb_store, "DIV", as_of=date(2026, 12, 1))
    fired = _rules(report)
    expected = {
        "DOS-I1",
        "DOS-I3",
        "EU-03",
        "EU-04",
        "BIS-K10",
        "BIS-K16",
        "DIV-20",
        "BIS-K15",
        "DIV-11",
        "BIS-K11",
        "DOS-E1",
        "DOS-E2",
        "EU-06",
        "EU-11",
        "DOS-D1",
        "DOS-D2",
        "DOS-D3",
        "DOS-S1",
        "DOS-S2",
        "BIS-K18",
        "DIV-09",
    }
    assert expected <= fired, expected - fired
    assert report.risk_score >= 80
    e2 = [f for f in _by_rule(report, "DOS-E2") if "ssd" in f.parties][0]
    # the path runs transaction -> consignee -> integrator -> agency, with evidence on every edge
    names = [n["name"] for n in e2.path.nodes]
    assert names[:4] == [
        "Deal DIV",
        "Meridian Freight Services FZE",
        "Helix Integrators LLC",
        "State Security Directorate",
    ]
    assert all(r["evidence"] for r in e2.path.relationships)
    assert any("identify protesters" in e.passage and e.url for e in e2.evidence)
    assert e2.details["capability_match"]["matching_capabilities"] == ["facial_recognition"]
    k18 = [f for f in _by_rule(report, "BIS-K18") if "helix" in f.parties][0]
    assert "Strata Communications" in k18.explanation
    assert {r["type"] for r in k18.path.relationships} >= {"DIRECTOR_OF", "OWNS", "HAS_LISTING"}


def test_shared_officer_with_a_listed_vendor_raises_oth02(falkordb_store) -> None:  # noqa: ANN001
    W.diversion_world(falkordb_store)
    assert "OTH-02" not in _rules(evaluate(falkordb_store, "DIV"))  # three hops away: K18 only
    W.write(falkordb_store, [W.R("DIRECTOR_OF", "Entity", "varga", "Entity", "strata", status="curated")])
    oth02 = _by_rule(evaluate(falkordb_store, "DIV"), "OTH-02")
    assert oth02 and "helix" in oth02[0].parties


def test_titles_and_severities_come_from_the_catalog(falkordb_store) -> None:  # noqa: ANN001
    W.diversion_world(falkordb_store)
    for f in evaluate(falkordb_store, "DIV").findings:
        flag = vocab.red_flag(f.rule)
        assert (f.title, f.severity, f.consideration) == (flag.title, flag.severity, flag.consideration)


def test_clean_sale_raises_no_high_finding(falkordb_store) -> None:  # noqa: ANN001
    W.clean_world(falkordb_store)
    report = evaluate(falkordb_store, "CLEAN", as_of=date(2026, 12, 1))
    assert "DOS-I1" in _rules(report)
    assert not report.hard_stop
    assert [f.rule for f in report.findings if f.level in ("high", "hard-stop")] == []
    assert not _rules(report) & {
        "DOS-S2",
        "DOS-I3",
        "BIS-K10",
        "DOS-D1",
        "DOS-D2",
        "DOS-D3",
        "DIV-11",
        "BIS-K11",
        "DOS-P1",
    }


def test_lists_are_judged_on_the_ship_date(falkordb_store) -> None:  # noqa: ANN001
    # The listing starts after the ship date: the ties to it do not count.
    W.diversion_world(falkordb_store, listing_start="2027-03-01")
    report = evaluate(falkordb_store, "DIV", as_of=date(2027, 6, 1))
    assert not _rules(report) & {"BIS-K18", "OTH-02"}


def test_a_listing_that_ended_before_shipment_does_not_count(falkordb_store) -> None:  # noqa: ANN001
    W.diversion_world(falkordb_store, listing_start="2020-01-01", listing_end="2026-06-30")
    assert "BIS-K18" not in _rules(evaluate(falkordb_store, "DIV"))


def test_party_listed_on_ship_date_is_a_hard_stop(falkordb_store) -> None:  # noqa: ANN001
    W.diversion_world(falkordb_store)
    falkordb_store.merge_rels(
        [
            RelRecord(
                "HAS_PARTY",
                "Transaction",
                "DIV",
                "Entity",
                "strata",
                {"role": "intermediary"},
                key="DIV|strata|intermediary",
            )
        ]
    )
    report = evaluate(falkordb_store, "DIV")
    k01 = _by_rule(report, "BIS-K01")
    assert k01 and k01[0].hard_stop and report.hard_stop
    assert k01[0].evidence[0].list_entry["list_code"] == "EL"
    assert report.breakdown.hard_stops[0]["rule"] == "BIS-K01"


def test_hedged_extracted_evidence_counts_less_than_confirmed(falkordb_store, tmp_path) -> None:  # noqa: ANN001
    W.diversion_world(falkordb_store)
    strong = {f.rule: f.confidence for f in evaluate(falkordb_store, "DIV").findings}
    falkordb_store.clear()
    W.diversion_world(falkordb_store, supply_status="extracted", hedged=True, abuse_status="extracted")
    weak_report = evaluate(falkordb_store, "DIV")
    weak = {f.rule: f.confidence for f in weak_report.findings}
    assert weak["DOS-E2"] < strong["DOS-E2"]
    assert weak["DOS-S1"] < strong["DOS-S1"]
    e2 = _by_rule(weak_report, "DOS-E2")[0]
    assert {e.status for e in e2.evidence} == {"extracted"} and all(e.hedged for e in e2.evidence)


def test_rejected_relations_never_count(falkordb_store) -> None:  # noqa: ANN001
    W.diversion_world(falkordb_store, supply_status="rejected", abuse_status="rejected")
    fired = _rules(evaluate(falkordb_store, "DIV"))
    assert not fired & {"DOS-E2", "DOS-S1", "EU-06"}
    assert "helix" not in {p for f in evaluate(falkordb_store, "DIV").findings for p in f.parties}


def test_monitoring_flags_new_misuse_after_shipment(falkordb_store) -> None:  # noqa: ANN001
    W.clean_world(falkordb_store)
    assert "DOS-P1" not in _rules(evaluate(falkordb_store, "CLEAN", as_of=date(2027, 2, 1)))
    recs = W.passage(
        "p-late", "Lumen Metro used FaceTrace to track journalists at stations.", published="2027-01-15"
    )
    recs += [
        W.N(
            "Event",
            "ev-late",
            {
                "type": "abuse",
                "status": "confirmed",
                "confidence": 0.9,
                "date": "2027-01-10",
                "victim_group": "journalists",
            },
        ),
        W.R("PARTICIPANT", "Event", "ev-late", "Entity", "lumen-metro", role="actor"),
        W.R("EVIDENCED_BY", "Event", "ev-late", "Passage", "p-late"),
    ]
    W.write(falkordb_store, recs)
    p1 = _by_rule(evaluate(falkordb_store, "CLEAN", as_of=date(2027, 2, 1)), "DOS-P1")
    assert p1 and "after the ship date" in p1[0].explanation


def test_checklist_yes_answer_becomes_a_finding(falkordb_store) -> None:  # noqa: ANN001
    from redflag.services.findings import answer_checklist

    W.clean_world(falkordb_store)
    answer_checklist(falkordb_store, "CLEAN", "EU-01", "yes", "analyst", note="authority letter of 3 March")
    report = evaluate(falkordb_store, "CLEAN")
    eu01 = _by_rule(report, "EU-01")
    assert eu01 and eu01[0].hard_stop and report.hard_stop
    assert any(r["flag"] == "EU-01" and r["answer"] == "yes" for r in report.checklist)


def test_unknown_transaction_is_a_clear_error(falkordb_store) -> None:  # noqa: ANN001
    with pytest.raises(TransactionNotFound, match="NOPE"):
        evaluate(falkordb_store, "NOPE")


def test_hostile_names_are_data(falkordb_store) -> None:  # noqa: ANN001
    W.clean_world(falkordb_store)
    evil = "x'}) MATCH (n) DETACH DELETE n //<script>"
    W.write(falkordb_store, [W.N("Entity", "lumen-metro", {"name": evil})])
    report = evaluate(falkordb_store, "CLEAN")
    assert falkordb_store.get_node("Entity", "lumen-metro")["name"] == evil
    assert report.transaction["id"] == "CLEAN"


@pytest.mark.parametrize(("list_code", "fires"), [("SDN", True), ("CMIC", False), ("EL", False), ("SSI", False)])
def test_the_ofac_50_percent_rule_follows_blocking_lists_only(falkordb_store, list_code: str, fires: bool) -> None:  # noqa: ANN001
    # ontology/data/list_meanings.csv: only SDN blocks property; a CMIC, SSI or Entity List owner blocks nothing
    W.diversion_world(falkordb_store)
    W.write(
        falkordb_store,
        [
            W.N("Listing", "lst-hh", {"authority": "US Treasury OFAC", "list_code": list_code, "program": "X",
                                      "start_date": "2020-01-01", "dataset": "ofac"}),  # fmt: skip
            W.R("HAS_LISTING", "Entity", "helix-holdings", "Listing", "lst-hh"),
            W.R("OWNS", "Entity", "helix-holdings", "Entity", "helix", share=60, status="curated"),
        ],
    )
    oth01 = [f for f in _by_rule(evaluate(falkordb_store, "DIV"), "OTH-01") if "helix" in f.parties]
    assert bool(oth01) is fires

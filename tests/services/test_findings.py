"""Findings in the graph: idempotent persistence, append-only resolutions and decisions, monitoring."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

import redflag.services.findings as findings_service
from redflag.rules.engine import evaluate
from redflag.services.findings import (
    FindingError,
    changes_since_review,
    decisions,
    mark_reviewed,
    persist_findings,
    record_decision,
    resolutions,
    resolve,
)

_spec = importlib.util.spec_from_file_location(
    "rules_world", Path(__file__).resolve().parents[1] / "rules" / "rules_world.py"
)
assert _spec and _spec.loader
W = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(W)


def _count(store, label: str) -> int:  # noqa: ANN001
    return store.counts()["labels"].get(label, 0)


def test_re_evaluation_updates_findings_and_never_duplicates(falkordb_store) -> None:  # noqa: ANN001
    W.diversion_world(falkordb_store)
    first = persist_findings(falkordb_store, evaluate(falkordb_store, "DIV"), at="2026-12-01T10:00:00+00:00")
    n = _count(falkordb_store, "Finding")
    concerns = falkordb_store.counts()["relationships"]["CONCERNS"]
    second = persist_findings(falkordb_store, evaluate(falkordb_store, "DIV"), at="2026-12-02T10:00:00+00:00")
    assert n == len(first["new"]) > 0
    assert second["new"] == [] and sorted(second["unchanged"]) == sorted(first["new"])
    assert _count(falkordb_store, "Finding") == n
    assert falkordb_store.counts()["relationships"]["CONCERNS"] == concerns
    node = falkordb_store.get_node("Finding", first["new"][0])
    assert node["first_seen"].startswith("2026-12-01") and node["last_seen"].startswith("2026-12-02")
    assert json.loads(node["evidence"])


def test_resolutions_are_appended_and_never_edited(falkordb_store) -> None:  # noqa: ANN001
    W.diversion_world(falkordb_store)
    report = evaluate(falkordb_store, "DIV")
    persist_findings(falkordb_store, report)
    fid = report.findings[0].id
    r1 = resolve(falkordb_store, fid, "confirmed", "forwarder confirmed by customs papers", "ana")
    before = falkordb_store.get_node("Resolution", r1["id"])
    r2 = resolve(falkordb_store, fid, "mitigated", "consignee replaced by end-user direct delivery", "ben")
    assert falkordb_store.get_node("Resolution", r1["id"]) == before
    history = resolutions(falkordb_store, [fid])[fid]
    assert [h["status"] for h in history] == ["confirmed", "mitigated"]
    assert [h["by"] for h in history] == ["ana", "ben"] and r2["seq"] == 2
    # the finding shows the latest status, and re-evaluation keeps it
    assert falkordb_store.get_node("Finding", fid)["status"] == "mitigated"
    again = evaluate(falkordb_store, "DIV")
    assert next(f for f in again.findings if f.id == fid).status == "mitigated"
    # no tool path edits or deletes a resolution
    public = [n for n in dir(findings_service) if not n.startswith("_")]
    assert not [
        n for n in public if any(w in n.lower() for w in ("edit", "update", "delete", "remove", "amend"))
    ]


def test_resolution_needs_a_valid_status_a_reason_and_a_name(falkordb_store) -> None:  # noqa: ANN001
    W.clean_world(falkordb_store)
    report = evaluate(falkordb_store, "CLEAN")
    persist_findings(falkordb_store, report)
    fid = report.findings[0].id
    with pytest.raises(FindingError, match="status"):
        resolve(falkordb_store, fid, "ignored", "x", "ana")
    with pytest.raises(FindingError, match="reason"):
        resolve(falkordb_store, fid, "dismissed", "  ", "ana")
    with pytest.raises(FindingError, match="no finding"):
        resolve(falkordb_store, "F-nope", "dismissed", "x", "ana")
    assert _count(falkordb_store, "Resolution") == 0


def test_dismissed_hard_stop_no_longer_stops_the_deal(falkordb_store) -> None:  # noqa: ANN001
    from redflag.services.findings import answer_checklist

    W.clean_world(falkordb_store)
    answer_checklist(falkordb_store, "CLEAN", "EU-01", "yes", "ana")
    report = evaluate(falkordb_store, "CLEAN")
    persist_findings(falkordb_store, report)
    assert report.hard_stop
    stop = next(f for f in report.findings if f.hard_stop)
    resolve(falkordb_store, stop.id, "dismissed", "the letter concerned another licence", "ana")
    assert not evaluate(falkordb_store, "CLEAN").hard_stop


def test_decisions_are_kept_with_reasons(falkordb_store) -> None:  # noqa: ANN001
    W.clean_world(falkordb_store)
    record_decision(
        falkordb_store,
        "CLEAN",
        "proceed_with_safeguards",
        "all clauses signed",
        "ana",
        at="2026-10-01T09:00:00+00:00",
    )
    record_decision(falkordb_store, "CLEAN", "proceed", "audit passed", "ben", at="2026-10-05T09:00:00+00:00")
    assert [d["decision"] for d in decisions(falkordb_store, "CLEAN")] == [
        "proceed_with_safeguards",
        "proceed",
    ]
    with pytest.raises(FindingError, match="decision"):
        record_decision(falkordb_store, "CLEAN", "maybe", "x", "ana")


def test_changes_since_review_show_new_findings_after_a_new_report(falkordb_store) -> None:  # noqa: ANN001
    W.clean_world(falkordb_store)
    persist_findings(
        falkordb_store,
        evaluate(falkordb_store, "CLEAN", as_of=date(2027, 2, 1)),
        at="2027-01-01T00:00:00+00:00",
    )
    mark_reviewed(falkordb_store, "CLEAN", "ana", at="2027-01-02T00:00:00+00:00")
    assert changes_since_review(falkordb_store, "CLEAN")["new"] == []
    recs = W.passage("p-late", "Lumen Metro used FaceTrace to track journalists.", published="2027-01-15")
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
    persist_findings(
        falkordb_store,
        evaluate(falkordb_store, "CLEAN", as_of=date(2027, 2, 1)),
        at="2027-02-01T00:00:00+00:00",
    )
    change = changes_since_review(falkordb_store, "CLEAN")
    assert "DOS-P1" in {f["rule"] for f in change["new"]}
    assert change["since"].startswith("2027-01-02")


def test_the_transaction_overview_counts_the_active_findings_of_each_transaction(falkordb_store) -> None:  # noqa: ANN001
    from redflag.services.explore import transactions

    W.diversion_world(falkordb_store)
    assert {r["id"]: r["findings"] for r in transactions(falkordb_store)}["DIV"] == 0
    outcome = persist_findings(falkordb_store, evaluate(falkordb_store, "DIV"), at="2026-12-01T10:00:00+00:00")
    falkordb_store.merge_nodes([W.N("Finding", outcome["new"][0], {"active": False})])  # one no longer raised
    row = {r["id"]: r for r in transactions(falkordb_store)}["DIV"]
    assert row["findings"] == len(outcome["new"]) - 1 > 0

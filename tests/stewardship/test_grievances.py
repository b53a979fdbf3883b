"""Grievances: unverified evidence linked to what they name, statuses with an audit trail, receipts, metrics,
reporter contacts kept apart, and nothing of them in exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.store import GraphStore
from redflag.rules.engine import evaluate
from redflag.services.exports import export_graph
from redflag.stewardship import grievances as G
from redflag.stewardship.contacts import ContactAccessDenied, access_log, read_contact, vault_path

SECRET_TEXT = "Officers showed us FaceTrace printouts; ask for Mira at the Blue Door cafe"
CONTACT = "mira.reporter@example.org"


def _intake(**kw: object) -> G.Intake:
    base: dict[str, object] = {
        "subject": "Cameras used against protesters",
        "text": SECRET_TEXT,
        "channel": "hotline",
        "received_by": "officer-ana",
        "named": G.Named(entities=["calder-municipal-security"], items=["facetrace"]),
        "names_given": {"organisations": ["Calder municipal security"]},
        "received_at": "2026-11-16T09:42:00+00:00",
        "reporter_name": "Mira",
        "reporter_contact": CONTACT,
    }
    base.update(kw)
    return G.Intake(**base)  # type: ignore[arg-type]


def _grievance_evidence(world: GraphStore, tx: str) -> list[tuple[str, int | None]]:
    return [(f.rule, e.tier) for f in evaluate(world, tx).findings for e in f.evidence if e.source == "grievance"]


def test_a_grievance_becomes_unverified_evidence_on_the_end_users_transaction(world: GraphStore, data_dir: Path) -> None:
    assert _grievance_evidence(world, "DEMO-DIVERSION") == []
    receipt = G.record_grievance(world, data_dir, _intake())
    assert "DEMO-DIVERSION" in receipt.transactions_reevaluated
    cited = _grievance_evidence(world, "DEMO-DIVERSION")
    assert cited and all(tier == 4 for _, tier in cited)
    g = G.get_grievance(world, receipt.grievance_id)
    assert g["grievance_status"] == "received" and g["status"] == "unverified"
    assert {(n["label"], n["id"]) for n in g["named"]} == {("Entity", "calder-municipal-security"), ("Item", "facetrace")}
    assert "receipt_hash" not in g and CONTACT not in str(g)


def test_findings_cite_the_grievance_without_its_text(world: GraphStore, data_dir: Path) -> None:
    G.record_grievance(world, data_dir, _intake())
    passages = [e.passage for f in evaluate(world, "DEMO-DIVERSION").findings for e in f.evidence if e.source == "grievance"]
    assert passages and all("Blue Door" not in p and "Mira" not in p for p in passages)


def test_statuses_move_only_forward_with_reasons_and_keep_an_audit_trail(world: GraphStore, data_dir: Path) -> None:
    gid = G.record_grievance(world, data_dir, _intake()).grievance_id
    with pytest.raises(G.GrievanceError, match="a grievance that is received can move to acknowledged, not remedied"):
        G.transition(world, gid, "remedied", by="ana", reason="x", actions=["updates_denied"])
    with pytest.raises(G.GrievanceError, match="needs a reason"):
        G.transition(world, gid, "acknowledged", by="ana", reason=" ")
    G.transition(world, gid, "acknowledged", by="ana", reason="read it", owner="ana", at="2026-11-17T09:42:00+00:00")
    G.transition(world, gid, "investigating", by="ana", reason="asked the distributor", at="2026-11-18T09:00:00+00:00")
    G.transition(world, gid, "substantiated", by="ana", reason="photos verified", at="2026-11-20T09:00:00+00:00")
    with pytest.raises(G.GrievanceError, match="needs the actions taken"):
        G.transition(world, gid, "remedied", by="ana", reason="done")
    with pytest.raises(G.GrievanceError, match="action 'shrug'"):
        G.transition(world, gid, "remedied", by="ana", reason="done", actions=["shrug"])
    G.transition(world, gid, "remedied", by="ana", reason="updates stopped", actions=["updates_denied", "item_disabled"],
                 at="2026-11-26T09:42:00+00:00")  # fmt: skip
    g = G.get_grievance(world, gid)
    assert [s["to_status"] for s in g["history"]] == [
        "received", "acknowledged", "investigating", "substantiated", "remedied"]  # fmt: skip
    assert g["history"][-1]["actions"] == ["updates_denied", "item_disabled"] and g["history"][1]["by"] == "ana"
    assert g["status"] == "confirmed" and g["owner"] == "ana"
    m = G.metrics(world)
    assert m["time_to_acknowledge"]["median_days"] == 1.0 and m["time_to_close"]["median_days"] == 10.0
    assert m["by_status"] == {"remedied": 1}


def test_a_grievance_found_not_substantiated_stops_counting_as_evidence(world: GraphStore, data_dir: Path) -> None:
    gid = G.record_grievance(world, data_dir, _intake()).grievance_id
    G.transition(world, gid, "acknowledged", by="ana", reason="read")
    res = G.transition(world, gid, "not_substantiated", by="ana", reason="the cameras belong to another vendor")
    assert "DEMO-DIVERSION" in res["transactions_reevaluated"]
    assert _grievance_evidence(world, "DEMO-DIVERSION") == []
    assert G.get_grievance(world, gid)["closed_at"]


def test_the_receipt_code_shows_that_grievance_s_status_only(world: GraphStore, data_dir: Path) -> None:
    first = G.record_grievance(world, data_dir, _intake())
    second = G.record_grievance(world, data_dir, _intake(subject="Another one", text="other"))
    G.transition(world, first.grievance_id, "acknowledged", by="ana", reason="read", public_note="We are on it.")
    s1, s2 = G.status_by_receipt(world, first.receipt_code), G.status_by_receipt(world, second.receipt_code)
    assert s1 is not None and s2 is not None
    assert (s1["status"], s1["note"]) == ("acknowledged", "We are on it.") and s2["status"] == "received"
    assert set(s1) == {"status", "status_text", "received", "acknowledged", "closed", "last_update", "note"}
    assert G.status_by_receipt(world, first.receipt_code.lower().replace("-", "")) == s1
    assert G.status_by_receipt(world, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF") is None
    assert G.status_by_receipt(world, "") is None


def test_linking_unknown_things_is_refused_and_links_are_audited(world: GraphStore, data_dir: Path) -> None:
    gid = G.record_grievance(world, data_dir, _intake(named=G.Named())).grievance_id
    with pytest.raises(G.GrievanceError, match="no entity with id 'ghost'"):
        G.link(world, gid, G.Named(entities=["ghost"]), by="ana")
    touched = G.link(world, gid, G.Named(entities=["helix-integrators"]), by="ana")
    assert "DEMO-MONITOR" in touched
    assert G.get_grievance(world, gid)["history"][-1]["reason"] == "linked to helix-integrators"


def test_reporter_contacts_are_kept_apart_and_shown_only_to_officers(world: GraphStore, data_dir: Path) -> None:
    gid = G.record_grievance(world, data_dir, _intake()).grievance_id
    assert vault_path(data_dir).stat().st_mode & 0o077 == 0
    with pytest.raises(ContactAccessDenied):
        read_contact(data_dir, gid, "analyst-bob", officers=["officer-ana"])
    assert read_contact(data_dir, gid, "officer-ana", officers=["officer-ana"]) == {"name": "Mira", "contact": CONTACT}
    assert [(a["by"], a["allowed"]) for a in access_log(data_dir, gid)] == [("analyst-bob", False), ("officer-ana", True)]
    dump = str(list(world.dump()[0]))
    assert CONTACT not in dump and "Mira'" not in dump


def _export_text(world: GraphStore, tmp_path: Path, fmt: str) -> str:
    out = export_graph(world, fmt, tmp_path / f"export.{fmt}")
    text = "".join(p.read_text(encoding="utf-8") for p in (out.iterdir() if out.is_dir() else [out]))
    assert "calder-municipal-security" in text  # the export did run over the world
    return text


@pytest.mark.parametrize("fmt", ["turtle", "ftm", "graphml", "csv"])
def test_no_grievance_text_or_reporter_detail_leaves_through_an_export(
    world: GraphStore, data_dir: Path, tmp_path: Path, fmt: str
) -> None:
    G.record_grievance(world, data_dir, _intake())
    text = _export_text(world, tmp_path, fmt)
    for secret in (SECRET_TEXT[:30], CONTACT, "Cameras used against protesters", "officer-ana"):
        assert secret not in text


def test_exported_findings_do_not_cite_grievances(world: GraphStore, data_dir: Path, tmp_path: Path) -> None:
    gid = G.record_grievance(world, data_dir, _intake()).grievance_id
    text = _export_text(world, tmp_path, "csv")
    assert "grievance mechanism" not in text and gid not in text


def test_scrubbing_a_finding_removes_what_came_from_the_grievance(world: GraphStore, data_dir: Path) -> None:
    gid = G.record_grievance(world, data_dir, _intake()).grievance_id
    rows = [n for n in world.dump()[0] if "Finding" in n["labels"] and "grievance mechanism" in str(n["props"])]
    assert rows
    for node in rows:
        scrubbed = G.scrub_finding_props(node["props"])
        assert "grievance mechanism" not in str(scrubbed) and gid not in str(scrubbed)
        before = json.loads(node["props"]["evidence"])
        others = [e for e in before if e["source"] != "grievance"]
        assert json.loads(scrubbed["evidence"]) == others and len(others) < len(before)


def test_annual_records_carry_counts_material_only(world: GraphStore, data_dir: Path) -> None:
    G.record_grievance(world, data_dir, _intake())
    rec = G.annual_records(world)
    assert rec == [{"received_at": "2026-11-16T09:42:00+00:00", "channel": "hotline", "status": "received", "actions": []}]


def test_bad_intake_is_refused_with_a_clear_message(world: GraphStore, data_dir: Path) -> None:
    with pytest.raises(G.GrievanceError, match="channel 'pigeon'"):
        G.record_grievance(world, data_dir, _intake(channel="pigeon"))
    with pytest.raises(G.GrievanceError, match="no transaction with id 'T-NONE'"):
        G.record_grievance(world, data_dir, _intake(named=G.Named(transactions=["T-NONE"])))
    with pytest.raises(G.GrievanceError, match="not an ISO date-time"):
        G.record_grievance(world, data_dir, _intake(received_at="yesterday"))

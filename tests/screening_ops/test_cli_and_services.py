"""Bulk screening, decisions, re-screening and alerts over a real embedded graph, through the typer app."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import redflag.cli.intel  # noqa: F401 - registers `screen`
import redflag.cli.screening_ops  # noqa: F401 - registers the screening-ops commands
from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from graph.queries import q
from graph.store import NodeRecord, RelRecord
from ontology import vocab
from ontology.records import Identifier, ListEntity, Listing
from redflag.cli.app import app
from redflag.services.loading import load_list_entities
from redflag.services.screening_ops import clear_match, history, list_alerts, rescreen, screen_file
from redflag.settings import load_settings
from tests.screening_ops.conftest import BAD_LINES, list_entities, write_party_csv

GRAPH = "redflag"
SAME_AS_OF = q("tests.same_as_of", "MATCH (a:Entity {id: $id})-[:SAME_AS]->(b:Entity) RETURN b.id AS b ORDER BY b", "id")
ENV = {"REDFLAG_GRAPH": GRAPH, "REDFLAG_USER": "tester", "REDFLAG_SCREEN_WEIGHTS": ""}


@pytest.fixture
def world(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    store = FalkorDBStore(data_dir / "graph", GRAPH, vocab.labels(), vocab.relationship_types())
    try:
        store.ensure_schema()
        load_list_entities(store, list_entities())
        store.merge_nodes([
            NodeRecord("Entity", "party-corvane", {"name": "Corvane Telematics", "countries": ["XC"],
                                                   "origin": ["deal"], "schema": "Company"}),
            NodeRecord("Transaction", "DEAL-7", {"status": "pending"}),
        ])
        store.merge_rels([RelRecord("HAS_PARTY", "Transaction", "DEAL-7", "Entity", "party-corvane",
                                    {"role": "customer"}, key="DEAL-7|customer|party-corvane")])
        yield data_dir
    finally:
        store.close()
        falkordb_server.stop(data_dir / "graph")


def _store(data_dir: Path) -> FalkorDBStore:
    return FalkorDBStore(data_dir / "graph", GRAPH, vocab.labels(), vocab.relationship_types())


def _run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(app, ["--data-dir", str(data_dir), *args], env=ENV)
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        return 1, res.stdout, str(res.exception)
    return res.exit_code, res.stdout, res.stderr


def test_bulk_file_from_the_cli_reports_bad_rows_writes_the_report_and_logs_everything(world: Path,
                                                                                        tmp_path: Path) -> None:
    parties = write_party_csv(tmp_path / "parties.csv")
    out = tmp_path / "report.csv"
    code, stdout, stderr = _run(world, "screen", "--file", str(parties), "--out", str(out))
    assert code == 0, stderr
    assert "screened 996 part(ies)" in stdout and "4 malformed row(s) skipped" in stdout
    for line in BAD_LINES:
        assert f"line {line}" in stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 1000
    assert [r["line"] for r in rows] == [str(n) for n in range(2, 1002)]
    assert {r["status"] for r in rows if int(r["line"]) in BAD_LINES} == {"malformed"}
    hit = next(r for r in rows if r["reference"] == "REF-0")
    assert hit["best_match_id"] == "syn-1" and hit["status"] == "match" and hit["lists"] == "SYN"
    assert "token_overlap" in hit["explanation"]
    assert sum(r["status"] == "match" for r in rows) >= 20

    code, log_json, _ = _run(world, "screening-log", "--format", "json")
    entries = json.loads(log_json)
    assert sum(e["kind"] == "screening" for e in entries) == 996
    (run,) = [e for e in entries if e["kind"] == "run"]
    assert sorted(m["line"] for m in run["malformed"]) == sorted(BAD_LINES) and run["screened"] == 996
    assert all(e["by"] == "tester" for e in entries)

    code, html_out, _ = _run(world, "screen", "--file", str(parties), "--out", str(tmp_path / "r.html"), "--by", "ana")
    assert code == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Veloria Signal Systems Limited" in page and "Malformed rows (4)" in page


def test_jsonl_streams_one_result_per_input_line(world: Path, tmp_path: Path) -> None:
    parties = write_party_csv(tmp_path / "p.csv", rows=120)
    code, stdout, _ = _run(world, "screen", "--file", str(parties), "--jsonl")
    assert code == 0
    lines = [json.loads(x) for x in stdout.splitlines()]
    assert [x["line"] for x in lines] == list(range(2, 122))
    assert lines[101 - 2]["status"] == "malformed" and lines[101 - 2]["field"] == "name"
    assert lines[0]["matches"][0]["id"] == "syn-1"


def test_clearing_survives_the_next_run_and_reopens_when_the_list_entry_changes(world: Path, tmp_path: Path) -> None:
    parties = tmp_path / "few.csv"
    parties.write_text("name,country,reference\nVeloria Signal Systems Limited,,C-1\nMira Orlando,XO,C-2\n")
    code, _, _ = _run(world, "screen", "--file", str(parties))
    assert code == 0
    code, stdout, stderr = _run(world, "clear-match", "C-1", "syn-1", "--reason", "registered 2019 in XL, not XV",
                                "--by", "ben")
    assert code == 0, stderr
    assert "false_positive by ben" in stdout

    code, stdout, _ = _run(world, "screen", "--file", str(parties), "--json")
    doc = json.loads(stdout)
    c1 = next(r for r in doc["results"] if r["reference"] == "C-1")
    assert c1["status"] == "cleared"
    assert c1["matches"][0]["status"] == "cleared" and c1["matches"][0]["decision"]["by"] == "ben"
    c2 = next(r for r in doc["results"] if r["reference"] == "C-2")
    assert c2["status"] == "match"  # other parties unaffected

    with _store(world) as store:  # a list refresh changes the cleared entity's data
        load_list_entities(store, list_entities({"syn-1": {"aliases": ["Velsig Systems", "VSS Holdings"]}}))
    code, stdout, _ = _run(world, "screen", "--file", str(parties), "--json")
    c1 = next(r for r in json.loads(stdout)["results"] if r["reference"] == "C-1")
    assert c1["matches"][0]["status"] == "reopened" and c1["status"] == "match"

    code, _, err = _run(world, "clear-match", "C-1", "syn-404", "--reason", "x")
    assert code == 1 and "no entity has the id or a name like 'syn-404'" in err  # the shared entity resolver
    code, _, err = _run(world, "clear-match", "nobody", "syn-1", "--reason", "x")
    assert code == 1 and "no screened party matches 'nobody'" in err
    code, _, err = _run(world, "clear-match", "C-1", "syn-1", "--reason", " ")
    assert code == 1 and "reason is required" in err

    code, per_party, _ = _run(world, "screening-log", "--party", "C-1", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(per_party)))
    assert [r["kind"] for r in rows] == ["screening", "decision", "screening", "screening"]
    assert [r["status"] for r in rows if r["kind"] == "screening"] == ["open", "cleared", "reopened"]
    assert _run(world, "screening-verify")[0] == 0


def test_rescreening_after_a_list_change_raises_alerts_for_transactions(world: Path) -> None:
    cfg = load_settings(world)
    data = b"name,country,reference\nCorvane Telematics,XC,CUST-9\nHarbor Lane Bakery,XV,CUST-10\n"
    with _store(world) as store:
        first = screen_file(store, cfg, data, "upload.csv", "ana")
        assert [r.status for r in first.results] == ["clear", "clear"]
        unchanged = rescreen(store, cfg, "ana", only_if_changed=True)
        assert unchanged.skipped and unchanged.screened == 0
        load_list_entities(store, [ListEntity(
            id="syn-9", schema="Company", name="Corvane Telematics LLC", dataset="synthetic", countries=["XC"],
            listings=[Listing(authority="Fictional Authority", list_code="SYN", program="SURV-Y")],
            identifiers=[Identifier("registration", "REG-syn-9")])])
        report = rescreen(store, cfg, "ana", only_if_changed=True)
        assert not report.skipped and report.screened == 2
        (alert,) = report.alerts
        assert alert.body["entity_id"] == "syn-9" and alert.body["reason"] == "new match"
        assert alert.body["transactions"] == [{"id": "DEAL-7", "status": "pending", "roles": ["customer"]}]
        assert rescreen(store, cfg, "ana").alerts == []  # the same match is not alerted twice
    code, stdout, _ = _run(world, "screening-alerts", "--json")
    (shown,) = json.loads(stdout)
    assert shown["entity_id"] == "syn-9" and shown["decision"] is None
    code, stdout, _ = _run(world, "screening-alerts")
    assert "Corvane Telematics -> Corvane Telematics LLC" in stdout and "DEAL-7" in stdout
    assert list_alerts(cfg, "CUST-9")[0]["transactions"][0]["id"] == "DEAL-7"


def test_cli_input_errors_are_one_clear_line(world: Path, tmp_path: Path) -> None:
    nohdr = tmp_path / "nohdr.csv"
    nohdr.write_text("customer\nA\n")
    code, _, err = _run(world, "screen", "--file", str(nohdr))
    assert code == 1 and "no 'name' column" in err
    code, _, err = _run(world, "screen", "--file", str(tmp_path / "missing.csv"))
    assert code == 1 and "cannot be read" in err
    code, _, err = _run(world, "screen", "--file", str(nohdr), "--out", str(tmp_path / "r.pdf"))
    assert code == 1 and ".csv, .html or .json" in err
    code, _, err = _run(world, "screen", "ACME", "--out", str(tmp_path / "r.csv"))
    assert code == 1 and "go with --file" in err
    code, _, err = _run(world, "screening-log", "--format", "xml")
    assert code == 1 and "csv or json" in err


def test_single_name_screen_keeps_its_json_shape_and_is_logged(world: Path) -> None:
    code, stdout, _ = _run(world, "screen", "Veloria Signal Systems Ltd", "--country", "XV", "--json")
    assert code == 0
    doc = json.loads(stdout)
    assert set(doc) == {"query", "normalized_query", "threshold", "algorithm", "matches", "screening_id",
                        "screened_at", "status", "match_threshold", "stale", "warnings", "list_versions",
                        "query_warnings"}  # fmt: skip
    assert doc["query_warnings"] == []  # a Latin-script name raises no script warning
    assert doc["matches"][0]["id"] == "syn-1" and doc["matches"][0]["status"] == "open"
    assert doc["matches"][0]["band"] == "match" and doc["status"] == "match"
    # list entities written without a recorded version (no `redflag load`): screened, but marked stale
    assert doc["stale"] is True and doc["list_versions"] == [] and "no list version is recorded" in doc["warnings"][0]
    logged = [e for e in history(load_settings(world), None) if e.id == doc["screening_id"]]
    assert len(logged) == 1 and logged[0].kind == "screening" and logged[0].by == "tester"
    assert logged[0].body["source"] == "single" and logged[0].body["matches"][0]["id"] == "syn-1"


def test_deal_parties_are_screened_into_the_log_linked_and_cleared_matches_stay_unlinked(world: Path) -> None:
    from redflag.services.screening import screen_deal_parties

    cfg = load_settings(world)
    with _store(world) as store:
        store.merge_nodes([NodeRecord("Entity", "party-velsig", {"name": "Velsig Systems", "countries": ["XV"],
                                                                 "origin": ["deal"], "schema": "Company"})])
        store.merge_rels([RelRecord("HAS_PARTY", "Transaction", "DEAL-7", "Entity", "party-velsig",
                                    {"role": "end_user"}, key="DEAL-7|end_user|party-velsig")])
        linked = screen_deal_parties(store, cfg, by="ana")
        assert linked.same == 1
        assert [r["b"] for r in store.run(SAME_AS_OF, {"id": "party-velsig"})] == ["syn-1"]
        logged = [e for e in history(cfg, None) if e.body.get("source") == "deal-parties"]
        assert {e.body["reference"] for e in logged} == {"party-velsig", "party-corvane"}
        assert [m["id"] for e in logged if e.body["reference"] == "party-velsig" for m in e.body["matches"]] == ["syn-1"]

        # an analyst clears the match: the next run logs it as cleared and does not link it
        key = next(e.party_key for e in logged if e.body["reference"] == "party-velsig")
        clear_match(store, cfg, key, "syn-1", "different company, same trading name", "ana")
        assert screen_deal_parties(store, cfg, by="ana").same == 0
        assert store.run(SAME_AS_OF, {"id": "party-velsig"}) == []
        last = [e for e in history(cfg, None) if e.body.get("reference") == "party-velsig"][-1]
        assert last.body["matches"][0]["status"] == "cleared"

        # a list refresh re-screens the deal party too and alerts its transaction
        load_list_entities(store, list_entities({"syn-1": {"aliases": ["Velsig Systems", "Velsig Group"]}}))
        alerts = [a for a in rescreen(store, cfg, "ana", only_if_changed=True).alerts
                  if a.body["reference"] == "party-velsig"]  # fmt: skip
        assert alerts and alerts[0].body["transactions"][0]["id"] == "DEAL-7"
        assert alerts[0].body["reason"] == "cleared match re-opened: list entry changed"

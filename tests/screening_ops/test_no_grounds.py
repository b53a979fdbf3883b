"""Without grounds there is no answer: an empty or mistyped data folder, or a graph without any list entity, is
an error that says so, never "no match" / "clear", and nothing is logged as a screening.

Through the real typer app over a real embedded FalkorDB (the same runner as test_cli_and_services.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

import redflag.cli.core  # noqa: F401 - registers `status`
import redflag.cli.flags  # noqa: F401 - registers flags, resolve, decide, report
import redflag.cli.intel  # noqa: F401 - registers screen, paths, import-deals, resolve-entities
import redflag.cli.screening_ops  # noqa: F401 - registers rescreen and the rest
from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from graph.store import NodeRecord, RelRecord
from ontology import vocab
from redflag.cli.app import app
from redflag.screening_ops.audit import AuditLog
from redflag.screening_ops.grounds import ListFileVersion, ListVersion, NoListLoaded, judge_grounds

GRAPH = "redflag"
ENV = {"REDFLAG_GRAPH": GRAPH, "REDFLAG_USER": "tester", "REDFLAG_SCREEN_WEIGHTS": ""}
SAMPLE_DEALS = Path(__file__).resolve().parents[2] / "redflag" / "sample_world" / "deals.csv"


def _run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(app, ["--data-dir", str(data_dir), *args], env=ENV)
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        return 1, res.stdout, str(res.exception)
    return res.exit_code, res.stdout, res.stderr


def _graph_commands(tmp_path: Path) -> list[list[str]]:
    parties = tmp_path / "parties.csv"
    parties.write_text("name,country\nHarbor Lane Bakery,XV\n", encoding="utf-8")
    return [
        ["flags", "--transaction", "DEAL-7"],
        ["paths", "--transaction", "DEAL-7"],
        ["report", "--transaction", "DEAL-7", "--format", "md", "--out", str(tmp_path / "r.md")],
        ["screen", "Harbor Lane Bakery"],
        ["screen", "--file", str(parties)],
        ["decide", "--transaction", "DEAL-7", "--decision", "hold", "--reason", "checking", "--by", "ana"],
        ["resolve", "finding-1", "--status", "dismissed", "--reason", "checked", "--by", "ana"],
        ["rescreen"],
        ["resolve-entities"],
    ]


def test_a_mistyped_data_folder_is_named_as_empty_and_left_untouched(tmp_path: Path) -> None:
    typo = tmp_path / "dta"
    for args in _graph_commands(tmp_path):
        code, stdout, err = _run(typo, *args)
        assert code == 1, (args, stdout)
        assert f"the data folder {typo} is empty" in err and "redflag demo" in err, (args, err)
        assert "no transaction" not in err and "no match" not in stdout
    assert not typo.exists()  # no folder created, no server started


@pytest.fixture
def empty_graph(data_dir: Path) -> Iterator[Path]:
    store = FalkorDBStore(data_dir / "graph", GRAPH, vocab.labels(), vocab.relationship_types())
    try:
        store.ensure_schema()
        yield data_dir
    finally:
        store.close()
        falkordb_server.stop(data_dir / "graph")


def test_an_existing_but_empty_graph_gives_the_same_message(empty_graph: Path, tmp_path: Path) -> None:
    for args in _graph_commands(tmp_path)[:4]:
        code, _, err = _run(empty_graph, *args)
        assert code == 1 and f"the data folder {empty_graph} is empty" in err, (args, err)


@pytest.fixture
def deals_without_lists(data_dir: Path) -> Iterator[Path]:
    store = FalkorDBStore(data_dir / "graph", GRAPH, vocab.labels(), vocab.relationship_types())
    try:
        store.ensure_schema()
        store.merge_nodes([
            NodeRecord("Entity", "party-corvane", {"name": "Corvane Telematics", "countries": ["XC"],
                                                   "origin": ["deal"], "schema": "Company"}),
            NodeRecord("Transaction", "DEAL-7", {"status": "pending", "destination": "XC"}),
        ])
        store.merge_rels([RelRecord("HAS_PARTY", "Transaction", "DEAL-7", "Entity", "party-corvane",
                                    {"role": "customer"}, key="DEAL-7|customer|party-corvane")])
        yield data_dir
    finally:
        store.close()
        falkordb_server.stop(data_dir / "graph")


def test_screening_with_no_list_loaded_is_an_error_and_logs_nothing(deals_without_lists: Path, tmp_path: Path) -> None:
    data = deals_without_lists
    parties = tmp_path / "parties.csv"
    parties.write_text("name,country\nCorvane Telematics,XC\n", encoding="utf-8")
    for args in (["screen", "Corvane Telematics"], ["screen", "Corvane Telematics", "--json"],
                 ["screen", "--file", str(parties)], ["screen", "--file", str(parties), "--jsonl"],
                 ["flags", "--transaction", "DEAL-7"], ["flags", "--transaction", "DEAL-7", "--json"],
                 ["report", "--transaction", "DEAL-7", "--format", "md", "--out", str(tmp_path / "r.md")],
                 ["resolve-entities"], ["import-deals", str(SAMPLE_DEALS)]):
        code, stdout, err = _run(data, *args)
        assert code == 1, (args, stdout)
        assert f"no screening list is loaded in {data}" in err and "redflag import ofac" in err, (args, err)
        assert "no match" not in stdout and '"clear"' not in stdout
    assert not (tmp_path / "r.md").exists()
    with AuditLog.for_data_dir(data) as log:
        assert log.count() == 0
    # the import was refused before writing: the sample deals are not in the graph
    code, _, err = _run(data, "flags", "--transaction", "DEMO-CLEAN")
    assert code == 1 and "no screening list" in err


def _version(days_old: float | None, entities: int = 10) -> ListVersion:
    when = "" if days_old is None else (datetime.now(UTC) - timedelta(days=days_old)).isoformat()
    return ListVersion("import:ofac:sdn.csv", "import:ofac", "ofac", "ab" * 32,
                       (ListFileVersion("/lists/sdn.csv", "cd" * 32, 100, when),), entities)


def test_grounds_judge_age_unknown_dates_and_missing_versions() -> None:
    fresh = judge_grounds([_version(1)], 10, 30, "/d")
    assert not fresh.stale and fresh.warnings == ()
    old = judge_grounds([_version(31)], 10, 30, "/d")
    assert old.stale and "31 day(s) old" in old.warnings[0]
    assert judge_grounds([_version(0.001)], 10, 0, "/d").stale  # 0 days: any age warns
    assert judge_grounds([_version(None)], 10, 30, "/d").stale  # no known date
    unversioned = judge_grounds([], 10, 30, "/d")  # listed entities loaded before versions were recorded
    assert unversioned.stale and "no list version is recorded" in unversioned.warnings[0]
    only_indicators = judge_grounds([_version(1, entities=0)], 10, 30, "/d")
    assert only_indicators.stale and only_indicators.versions == ()
    with pytest.raises(NoListLoaded, match="no screening list is loaded in /d"):
        judge_grounds([_version(1)], 0, 30, "/d")


def test_audit_entries_written_before_list_versions_still_verify(tmp_path: Path) -> None:
    with AuditLog(tmp_path / "audit.sqlite") as log:
        log.append("screening", {"query": "old", "list_version": "abc", "matches": []}, "tester", "old||")
        log.append("screening", {"query": "new", "list_version": "abc", "matches": [], "stale": False,
                                 "warnings": [], "list_versions": [_version(1).to_dict()]}, "tester", "new||")
        assert log.verify() == []
        bodies = [e.body for e in log.entries()]
        assert "list_versions" not in bodies[0] and bodies[1]["list_versions"][0]["files"][0]["sha256"] == "cd" * 32

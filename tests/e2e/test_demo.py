"""The demo end to end on the embedded default: crawl, load, extract, resolve, screen, paths, flags."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph import falkordb_server

REDFLAG = [sys.executable, "-m", "redflag"]


def run(data_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REDFLAG_DATA_DIR": str(data_dir)}
    return subprocess.run([*REDFLAG, *args], capture_output=True, text=True, env=env, check=check, timeout=900)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory):
    data_dir = tmp_path_factory.mktemp("demo")
    result = run(data_dir, "demo", "--no-ui")
    assert "transactions:" in result.stdout
    yield data_dir
    falkordb_server.stop(data_dir / "graph")


@pytest.mark.slow
def test_demo_fills_the_graph_with_every_stage(demo_dir: Path) -> None:
    status = json.loads(run(demo_dir, "status", "--json").stdout)
    labels = status["labels"]
    for label in ("Entity", "Listing", "Document", "Passage", "Event", "Transaction", "Indicator", "Item"):
        assert labels.get(label, 0) > 0, label
    assert status["backend"] == "falkordb" and status["server"] == "running"


@pytest.mark.slow
def test_a_second_demo_run_changes_nothing(demo_dir: Path) -> None:
    before = json.loads(run(demo_dir, "status", "--json").stdout)
    run(demo_dir, "demo", "--no-ui")
    after = json.loads(run(demo_dir, "status", "--json").stdout)
    assert after["labels"] == before["labels"]
    assert after["relationships"] == before["relationships"]


@pytest.mark.slow
def test_diversion_paths_reach_the_security_agency_with_evidence_on_every_edge(demo_dir: Path) -> None:
    result = json.loads(run(demo_dir, "paths", "--transaction", "DEMO-DIVERSION", "--json").stdout)
    assert result["paths"], "no diversion path found"
    names = [" -> ".join(n["name"] for n in p["nodes"]) for p in result["paths"]]
    assert any("State Security Directorate".lower() in n.lower() for n in names), names
    for p in result["paths"]:
        assert p["reasons"]
        for rel in p["relationships"]:
            assert rel["evidence"], rel


@pytest.mark.slow
def test_screening_finds_real_ofac_entries_and_not_their_sisters(demo_dir: Path) -> None:
    out = json.loads(run(demo_dir, "screen", "CYTROX HOLDINGS ZRT", "--json").stdout)
    assert out["matches"][0]["name"].startswith("CYTROX HOLDINGS")
    out = json.loads(run(demo_dir, "screen", "Intellexa Ltd.", "--json").stdout)
    top = out["matches"][0]
    assert "INTELLEXA LIMITED" in top["name"].upper() or "INTELLEXA LIMITED" in top["matched_name"].upper()
    assert "SDN" in top["lists"]


@pytest.mark.slow
def test_the_demo_worlds_rdf_export_conforms_to_the_projects_shapes(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "demo.ttl"
    run(demo_dir, "export", "--format", "turtle", "--out", str(out))
    checked = run(demo_dir, "validate", str(out), check=False)
    assert checked.returncode == 0, checked.stdout[-3000:] + checked.stderr[-3000:]
    assert "conforms to the SHACL shapes" in checked.stdout


@pytest.mark.slow
def test_monitoring_after_a_new_report_alerts_the_shipped_transaction_once(demo_dir: Path) -> None:
    first = run(demo_dir, "monitor", "--sample", "--updates", "--all-sources", "--no-send").stdout
    assert "DEMO-MONITOR: DOS-P1" in first, first
    second = run(demo_dir, "monitor", "--sample", "--updates", "--all-sources", "--no-send").stdout
    assert "new alerts: 0" in second, second

"""The stewardship commands through the CLI: items, grievances (record, move, status, contact), monitor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.store import GraphStore
from redflag.cli import _load_areas
from redflag.cli.app import CliError, app
from tests.stewardship.conftest import add_abuse_report


@pytest.fixture
def cli(world: GraphStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    monkeypatch.setenv("REDFLAG_GRAPH", "test")
    monkeypatch.setenv("REDFLAG_USER", "officer-ana")
    for var in ("REDFLAG_SMTP_HOST", "REDFLAG_ALERT_WEBHOOK", "REDFLAG_GRIEVANCE_OFFICERS"):
        monkeypatch.delenv(var, raising=False)
    _load_areas()
    runner = CliRunner()

    def run(*args: str):  # noqa: ANN202
        return runner.invoke(app, ["--data-dir", str(data_dir), *args])

    return run


def test_items_list_show_and_a_bad_import(cli, tmp_path: Path) -> None:  # noqa: ANN001
    listed = json.loads(cli("items", "list", "--json").output)
    assert [i["id"] for i in listed] == ["facetrace", "packetlens"]
    shown = cli("items", "show", "facetrace")
    assert shown.exit_code == 0 and "alerts the exporter to misuse" in shown.output and "<- gap" in shown.output
    bad = tmp_path / "items.csv"
    bad.write_text("id,name,capabilities\nx,,spyware\n", encoding="utf-8")
    res = cli("items", "import", str(bad))
    assert isinstance(res.exception, CliError) and "items.csv row 2, field name" in str(res.exception)
    assert isinstance(cli("items", "show", "nope").exception, CliError)


def test_a_grievance_from_record_to_status_by_receipt(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    text = tmp_path / "call.txt"
    text.write_text("A caller says the cameras in Kessel run FaceTrace.", encoding="utf-8")
    rec = cli("grievance", "record", "--subject", "Hotline call", "--text-file", str(text), "--channel", "hotline",
              "--entity", "calder-municipal-security", "--reporter-contact", "+99 555 0101")  # fmt: skip
    assert rec.exit_code == 0, rec.output
    out = json.loads(rec.output)
    assert "DEMO-DIVERSION" in out["transactions_reevaluated"]
    moved = cli("grievance", "move", out["id"], "--to", "acknowledged", "--reason", "called back")
    assert moved.exit_code == 0, moved.output
    wrong = cli("grievance", "move", out["id"], "--to", "remedied", "--reason", "x")
    assert isinstance(wrong.exception, CliError) and "can move to investigating, not_substantiated" in str(wrong.exception)
    status = json.loads(cli("grievance", "status", out["receipt_code"]).output)
    assert status["status"] == "acknowledged"
    assert "+99 555 0101" not in cli("grievance", "show", out["id"]).output
    denied = cli("grievance", "contact", out["id"])
    assert isinstance(denied.exception, CliError) and "not a grievance officer" in str(denied.exception)
    monkeypatch.setenv("REDFLAG_GRIEVANCE_OFFICERS", "officer-ana")
    assert "+99 555 0101" in cli("grievance", "contact", out["id"]).output
    listed = cli("grievance", "list")
    assert "acknowledged" in listed.output and "time to acknowledge" in listed.output


def test_monitor_twice_with_nothing_new_gives_no_alert(cli, world: GraphStore) -> None:  # noqa: ANN001
    for tx in ("DEMO-CLEAN", "DEMO-MONITOR"):
        assert cli("flags", "--transaction", tx, "--mark-reviewed").exit_code == 0
    add_abuse_report(world, "helix-integrators", "2026-10-02", "Helix Integrators helped identify protesters.")
    first = json.loads(cli("monitor", "--no-crawl", "--json").output)
    assert ("DEMO-MONITOR", "DOS-P1") in {(a["transaction_id"], a["rule"]) for a in first["alerts"]}
    second = json.loads(cli("monitor", "--no-crawl", "--json").output)
    assert second["alerts"] == []
    assert isinstance(cli("monitor", "--updates").exception, CliError)

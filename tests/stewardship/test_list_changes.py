"""Monitoring alerts when a list refresh changes an entry linked to a monitored deal's party: once per change,
never for a list's first load, and with the party, its role, the link and the fields that changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.archive import Archive
from graph.store import GraphStore
from redflag.services.crawling import import_files
from redflag.services.pipeline import load_lists
from redflag.services.screening import resolve_entities
from redflag.settings import load_settings
from redflag.stewardship.alerts import list_alerts
from redflag.stewardship.config import load_alert_settings
from redflag.stewardship.list_changes import RULE, list_change_alerts
from redflag.stewardship.monitoring import run_monitor

SAMPLE_FTM = Path(__file__).resolve().parents[2] / "crawler/sample_site/site/lists/opensanctions/entities.ftm.json"
HELIX = "xs-helix-integrators"


def _registry_file(folder: Path, *aliases: str) -> Path:
    """The sample registry's record of Helix Integrators LLC alone, with ALIASES added."""
    line = next(x for x in SAMPLE_FTM.read_text(encoding="utf-8").splitlines() if f'"id": "{HELIX}"' in x)
    record = json.loads(line)
    record["properties"]["alias"] = record["properties"].get("alias", []) + list(aliases)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "registry.ftm.json"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def linked(world: GraphStore, data_dir: Path, tmp_path: Path) -> GraphStore:
    """The registry record is loaded once and resolved to the deal party helix-integrators (SAME_AS)."""
    import_files(data_dir / "archive", "ftm", [_registry_file(tmp_path / "v1")])
    load_lists(world, Archive(data_dir / "archive"))
    resolve_entities(world, load_settings(data_dir))
    return world


def test_a_first_load_of_a_list_is_not_a_change(linked: GraphStore, data_dir: Path) -> None:
    alerts = list_change_alerts(linked, Archive(data_dir / "archive"), ["DEMO-MONITOR"], load_alert_settings())
    assert alerts == []


def test_a_refresh_that_changes_a_partys_entry_alerts_its_deal_once(
    linked: GraphStore, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_files(data_dir / "archive", "ftm", [_registry_file(tmp_path / "v2", "Helix Vision Integration")])
    load_lists(linked, Archive(data_dir / "archive"))
    monkeypatch.setenv("REDFLAG_GRAPH", "test")
    first = run_monitor(load_settings(data_dir), crawl=False, deliver=False, alert_settings=load_alert_settings())
    ours = [a for a in first.alerts if a["rule"] == RULE]
    assert [a["transaction_id"] for a in ours] == ["DEMO-MONITOR"]
    alert = ours[0]
    assert alert["entity_id"] == HELIX and alert["change"] == "changed"
    assert "Helix Integrators" in alert["explanation"] and "is the same as" in alert["explanation"]
    assert "aliases: +Helix Vision Integration" in alert["explanation"]
    assert "customer" in alert["explanation"]
    second = run_monitor(load_settings(data_dir), crawl=False, deliver=False, alert_settings=load_alert_settings())
    assert [a for a in second.alerts if a["rule"] == RULE] == []
    assert len([a for a in list_alerts(linked, "DEMO-MONITOR") if a["rule"] == RULE]) == 1


def test_a_refresh_that_touches_no_monitored_party_alerts_nothing(
    linked: GraphStore, data_dir: Path, tmp_path: Path
) -> None:
    import_files(data_dir / "archive", "ftm", [_registry_file(tmp_path / "v2", "Helix Vision Integration")])
    load_lists(linked, Archive(data_dir / "archive"))
    alerts = list_change_alerts(linked, Archive(data_dir / "archive"), ["DEMO-CLEAN"], load_alert_settings())
    assert alerts == []

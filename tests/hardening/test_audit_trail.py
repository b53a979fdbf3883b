"""The audit trail is append-only: no service, CLI command, UI page or catalog query edits or deletes an earlier
resolution or decision; a second resolution is a new entry and the first stays as it was."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

from graph.queries import REGISTRY
from redflag.services.findings import decisions, record_decision, resolutions, resolve, stored_findings
from redflag.services.store import open_store
from redflag.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
AUDIT_LABELS = ("Resolution", "Decision")


def _import_everything() -> None:
    import redflag

    for mod in pkgutil.walk_packages(redflag.__path__, "redflag."):
        if ".sample_world" not in mod.name and not mod.name.endswith("__main__"):
            importlib.import_module(mod.name)


def test_no_catalog_query_changes_or_deletes_an_audit_entry() -> None:
    _import_everything()
    for query in REGISTRY.values():
        for text in (query.text, *query.variants.values()):
            for label in AUDIT_LABELS:
                bound = re.findall(rf"\((\w+):{label}\b", text)
                if not bound:
                    continue
                if query.write:
                    assert f"CREATE ({bound[0]}:{label}" in text, (
                        f"{query.name} writes {label} other than by CREATE"
                    )
                for var in bound:
                    assert not re.search(
                        rf"\b(SET|REMOVE)\s+{var}\.|\b(DETACH\s+)?DELETE\s+[\w, ]*\b{var}\b", text
                    ), f"{query.name} changes or deletes a {label}"
                assert not re.search(rf"MERGE\s*\(\w*:{label}\b", text), f"{query.name} merges a {label}"


def test_no_code_path_writes_audit_nodes_through_the_generic_store_calls() -> None:
    pattern = re.compile(
        r"NodeRecord\(\s*[\"'](Resolution|Decision)[\"']|delete_nodes\([^)]*(Resolution|Decision)"
    )
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("redflag", "ui", "graph")
        for p in (ROOT / folder).rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_cli_command_edits_or_deletes_a_resolution_or_decision() -> None:
    from typer.main import get_command

    from redflag.cli import app

    names = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    assert "resolve" in names and "decide" in names
    assert not [n for n in names if re.search(r"edit|delete|amend|update|undo|remove|retract", n)], names


def test_a_second_resolution_is_appended_and_the_first_is_unchanged(demo_dir: Path) -> None:
    with open_store(load_settings(demo_dir)) as store:
        finding = sorted(stored_findings(store, "DEMO-DIVERSION"))[0]
        before = resolutions(store, [finding])[finding]
        first = resolve(store, finding, "confirmed", "First look: the reseller is real.", "audit-a")
        second = resolve(store, finding, "dismissed", "Second look: a different conclusion.", "audit-b")
        after = resolutions(store, [finding])[finding]
    assert len(after) == len(before) + 2
    assert after[: len(before)] == before, "earlier entries are untouched"
    kept = {r["id"]: r for r in after}
    assert {k: kept[first["id"]][k] for k in ("status", "reason", "by", "at")} == {
        "status": "confirmed", "reason": "First look: the reseller is real.", "by": "audit-a", "at": first["at"]}  # fmt: skip
    assert kept[second["id"]]["by"] == "audit-b" and second["seq"] == first["seq"] + 1


def test_the_cli_appends_too(demo_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    with open_store(load_settings(demo_dir)) as store:
        finding = sorted(stored_findings(store, "DEMO-DIVERSION"))[-1]
        before = resolutions(store, [finding])[finding]
    outs = []
    for status, who in (("confirmed", "cli-a"), ("mitigated", "cli-b")):
        done = subprocess.run(
            [sys.executable, "-m", "redflag", "--data-dir", str(demo_dir), "resolve", finding,
             "--status", status, "--reason", f"{status} via the CLI", "--by", who, "--json"],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outs.append(json.loads(done.stdout))
    with open_store(load_settings(demo_dir)) as store:
        after = resolutions(store, [finding])[finding]
    assert after[: len(before)] == before and [r["by"] for r in after[len(before) :]] == ["cli-a", "cli-b"]
    assert outs[0]["id"] != outs[1]["id"]


def test_a_second_decision_is_appended_and_the_first_is_unchanged(demo_dir: Path) -> None:
    with open_store(load_settings(demo_dir)) as store:
        before = decisions(store, "DEMO-DIVERSION")
        record_decision(store, "DEMO-DIVERSION", "hold", "Waiting for papers.", "audit-a")
        record_decision(store, "DEMO-DIVERSION", "refuse", "Papers do not match.", "audit-b")
        after = decisions(store, "DEMO-DIVERSION")
    assert len(after) == len(before) + 2
    assert all(b in after for b in before)
    assert [(d["decision"], d["by"]) for d in after if d["by"] in ("audit-a", "audit-b")] in (
        [("hold", "audit-a"), ("refuse", "audit-b")], [("refuse", "audit-b"), ("hold", "audit-a")])  # fmt: skip

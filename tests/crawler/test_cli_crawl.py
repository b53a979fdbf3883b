"""``redflag import`` and ``redflag sources`` through the real typer app."""

from __future__ import annotations

import json

import pytest
from crawler_helpers import FIXTURES, SITE
from typer.testing import CliRunner

import redflag.cli.crawl  # noqa: F401  (registers the commands)
from crawler.archive import Archive
from graph import falkordb_server
from redflag.cli.app import app


@pytest.fixture(autouse=True)
def _stop_graph_server(tmp_path):
    """`import` loads into the embedded graph, whose server outlives the command: stop it after each test."""
    yield
    falkordb_server.stop(tmp_path / "graph")


def test_import_ofac_folder_counts_every_row_and_is_idempotent(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["--data-dir", str(tmp_path), "import", "ofac", str(FIXTURES / "ofac")])
    assert result.exit_code == 0, result.output
    assert "3 file(s), 366 entities" in result.output and "0 rejected" in result.output
    again = runner.invoke(app, ["--data-dir", str(tmp_path), "import", "ofac", str(FIXTURES / "ofac")])
    assert "already imported" in again.output
    entities = Archive(tmp_path / "archive").list_entities("ofac")
    assert len(entities) == 366
    sayadi = next(e for e in entities if e.id == "ofac-7326")
    # a remarks-only a.k.a. is a weak alias (issue 12: OFAC publishes strong aliases in alt.csv)
    assert len(sayadi.addresses) == 2 and sayadi.aliases == [] and sayadi.weak_aliases == ["ABOU ZEINAB"]


def test_import_reports_rejected_rows_by_file_line_and_field(tmp_path):
    runner = CliRunner()
    path = SITE / "lists/csl/consolidated.csv"
    result = runner.invoke(app, ["--data-dir", str(tmp_path), "import", "csl", str(path)])
    assert result.exit_code == 0, result.output
    assert f"{path}:4: federal_register_notice: expected 29 columns, found 8" in result.output


def test_sources_json_lists_the_catalog_with_next_due(tmp_path):
    result = CliRunner().invoke(app, ["--data-dir", str(tmp_path), "sources", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    ids = {r["id"] for r in rows}
    assert {"state-hrr-2023", "ofac-sdn", "csl"} <= ids
    assert all(r["outcome"] is None and r["next_due"] for r in rows)

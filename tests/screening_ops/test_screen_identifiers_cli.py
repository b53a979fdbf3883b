"""`redflag screen NAME --id TYPE:VALUE` and the bulk `identifiers` column on real OFAC rows loaded into the graph.

Field case 06 (a vessel screened by IMO number) and 15 (weak aliases) go through the real parser, the real
graph (FalkorDB) and the CLI: identifiers and weak aliases survive the load and reach the screener.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import redflag.cli.intel  # noqa: F401 - registers `screen`
from crawler.parsers.lists import ListFile, parse_files
from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from ontology import vocab
from redflag.cli.app import app
from redflag.services.loading import load_list_entities

GRAPH = "redflag"
ENV = {"REDFLAG_GRAPH": GRAPH, "REDFLAG_USER": "tester", "REDFLAG_SCREEN_WEIGHTS": ""}
FIELD = Path(__file__).parent.parent / "fixtures" / "matching" / "field_cases"


@pytest.fixture
def lists(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    store = FalkorDBStore(data_dir / "graph", GRAPH, vocab.labels(), vocab.relationship_types())
    try:
        store.ensure_schema()
        for case in ("06-vessel-imo-prefix", "15-generic-alias-subset"):
            files = [ListFile(name=p.name, data=p.read_bytes()) for p in sorted((FIELD / case / "ofac").glob("*.csv"))]
            parsed = parse_files("ofac", files)
            load_list_entities(store, parsed.entities, parsed.relations)
        yield data_dir
    finally:
        store.close()
        falkordb_server.stop(data_dir / "graph")


def _screen(data_dir: Path, *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    res = CliRunner().invoke(app, ["--data-dir", str(data_dir), "screen", *args, "--json"], env=ENV)
    return res.exit_code, (json.loads(res.stdout) if res.exit_code == 0 else {}), res.stderr


def test_screen_with_the_right_imo_is_a_match_on_the_identifier(lists: Path) -> None:
    code, doc, err = _screen(lists, "MT DANIEL", "--id", "imo:IMO 9569683")
    assert code == 0, err
    best = doc["matches"][0]
    assert best["id"] == "ofac-15903" and best["score"] >= 0.8
    assert best["explanation"]["identifier_match"] == 1.0
    assert best["notes"] == ["imo 9569683 equals the list's imo 9569683"]


def test_screen_with_a_wrong_imo_scores_lower_and_says_which(lists: Path) -> None:
    _, right, _ = _screen(lists, "DANIEL", "--id", "imo:9569683", "--threshold", "0.5")
    _, wrong, _ = _screen(lists, "DANIEL", "--id", "imo:9999999", "--threshold", "0.5")
    assert wrong["matches"][0]["score"] < right["matches"][0]["score"] - 0.2
    assert wrong["matches"][0]["notes"] == ["imo 9999999 differs from the list's imo 9569683"]


def test_a_bad_id_is_one_clear_error(lists: Path) -> None:
    res = CliRunner().invoke(app, ["--data-dir", str(lists), "screen", "DANIEL", "--id", "9569683"], env=ENV)
    message = str(res.exception) if res.exception is not None else res.stderr  # the CLI's main() prints CliError
    assert res.exit_code == 1 and "--id" in message and "TYPE:VALUE" in message


def test_weak_aliases_survive_the_graph_and_never_make_a_match_alone(lists: Path) -> None:
    code, doc, err = _screen(lists, "National Bank of Egypt", "--threshold", "0.3")
    assert code == 0, err
    for m in doc["matches"]:
        if m["id"] == "ofac-26549":
            assert m["score"] < 0.8 and any("weak alias" in n for n in m["notes"])
    code, doc, _ = _screen(lists, "NATIONAL BANK OF CUBA")
    assert doc["matches"][0]["id"] == "ofac-306"

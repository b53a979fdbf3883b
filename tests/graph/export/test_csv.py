"""CSV: nodes.csv and relationships.csv, one column per property key, lists as JSON text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sample_dump import NODES, RELS

from graph.export.csv import write_csv


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_two_files_with_a_column_per_property(tmp_path: Path) -> None:
    folder = write_csv(NODES, RELS, tmp_path / "csv")
    nodes = {r["id"]: r for r in _rows(folder / "nodes.csv")}
    assert nodes["ent-vendor"]["name"] == 'Vantor "Optics" <GmbH> & Co'
    assert json.loads(nodes["ent-vendor"]["aliases"]) == ["Vantor", "VOG"]
    assert nodes["ent-vendor"]["unscreened"] == "false"
    assert nodes["XA"]["aliases"] == ""
    assert nodes["lst-1"]["labels"] == "Listing"
    rels = _rows(folder / "relationships.csv")
    assert [(r["type"], r["source"], r["target"]) for r in rels][:2] == [
        ("OWNS", "ent-agency", "ent-vendor"),
        ("DIRECTOR_OF", "ent-person", "ent-vendor"),
    ]
    assert rels[0]["share"] == "51.0"


def test_newlines_and_commas_in_values_survive(tmp_path: Path) -> None:
    nodes = [{"id": "a", "labels": ["Entity"], "props": {"name": 'line 1\nline 2, "quoted"'}}]
    folder = write_csv(nodes, [], tmp_path / "csv")
    assert _rows(folder / "nodes.csv")[0]["name"] == 'line 1\nline 2, "quoted"'
    assert _rows(folder / "relationships.csv") == []

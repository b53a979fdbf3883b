"""Export a property-graph dump as two CSV files in a folder: ``nodes.csv`` and ``relationships.csv``.

``nodes.csv``: ``id``, ``labels`` (``;``-joined), then one column per property key (sorted).
``relationships.csv``: ``type``, ``source``, ``target``, then one column per property key. Lists and maps
are written as JSON text, booleans as ``true``/``false``; an absent property is an empty cell. A text cell a
spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``, tab, CR first) is prefixed with ``'``
(``ontology.neutralize.csv_cell``, OWASP CSV Injection).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ontology.neutralize import csv_cell

Row = Mapping[str, Any]
NODES_FILE = "nodes.csv"
RELATIONSHIPS_FILE = "relationships.csv"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple, dict)):
        return csv_cell(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return csv_cell(str(value))


def _write(path: Path, fixed: list[str], rows: list[tuple[list[Any], Mapping[str, Any]]]) -> None:
    keys = sorted({k for _, props in rows for k in props} - set(fixed))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(fixed + keys)
        for head, props in rows:
            writer.writerow([_cell(v) for v in head] + [_cell(props.get(k)) for k in keys])


def write_csv(nodes: Iterable[Row], relationships: Iterable[Row], folder: str | Path) -> Path:
    """Write ``nodes.csv`` and ``relationships.csv`` into ``folder`` (created); returns the folder."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    _write(
        out / NODES_FILE,
        ["id", "labels"],
        [([n["id"], ";".join(n.get("labels") or [])], n.get("props") or {}) for n in nodes],
    )
    _write(
        out / RELATIONSHIPS_FILE,
        ["type", "source", "target"],
        [([r["type"], r["source"], r["target"]], r.get("props") or {}) for r in relationships],
    )
    return out

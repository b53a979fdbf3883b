"""The store interface every backend implements, and the generic idempotent batch loader on top of it.

Nodes are keyed on ``(label, id)`` and relationships on ``(source, type, key, target)``; writes are
``UNWIND $rows ... MERGE`` in batches, so loading the same batch twice changes nothing.

Records that share a key in one call are folded into one row before they are sent, later properties over
earlier ones (``SET n += props`` applied in record order). The engines do not agree on the order in which one
``UNWIND`` applies several ``SET`` to the same node: Neo4j applies them row by row (the last row wins), FalkorDB
4.x does not (measured: of rows 1..k merging one new node it keeps row k-1, on an existing node row 1). Without
the fold a Passage that several extracted facts cite kept a different ``confidence`` on each engine.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph import queries as Q
from graph.queries import Query, checked_label, fill

Row = dict[str, Any]


@dataclass(frozen=True)
class NodeRecord:
    label: str
    id: str
    props: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RelRecord:
    type: str
    source_label: str
    source: str
    target_label: str
    target: str
    props: Mapping[str, Any] = field(default_factory=dict)
    key: str = ""

    @property
    def merge_key(self) -> str:
        return self.key or f"{self.source}|{self.type}|{self.target}"


def _no_nul(value: Any) -> Any:
    # FalkorDB cannot hold a NUL inside a string parameter; it carries no meaning in names or passages
    return value.replace("\x00", "") if isinstance(value, str) else value


def clean_props(props: Mapping[str, Any]) -> dict[str, Any]:
    """Property values both engines store: scalars and lists of scalars; maps become JSON text; NULs dropped."""
    out: dict[str, Any] = {}
    for k, v in props.items():
        if isinstance(v, dict):
            out[k] = json.dumps(v, sort_keys=True, ensure_ascii=False).replace("\\u0000", "")
        elif isinstance(v, (list, tuple, set, frozenset)):
            items = sorted(v) if isinstance(v, (set, frozenset)) else list(v)
            out[k] = [
                json.dumps(i, sort_keys=True) if isinstance(i, (dict, list)) else _no_nul(i)
                for i in items
                if i is not None
            ]
        else:
            out[k] = _no_nul(v)
    return out


def _with_nulls(rows: Iterable[Row]) -> list[Row]:
    """Rows for merge_nodes / merge_rels: ``props`` without its null values, and ``nulls`` a single-key map
    ``{key: None}`` for each of them, removed one per ``SET`` (see graph/queries.py MERGE_NODES: FalkorDB 4.x
    removes the wrong properties when one ``SET +=`` holds several nulls)."""
    out = []
    for row in rows:
        props = row["props"]
        out.append({**row, "props": {k: v for k, v in props.items() if v is not None},
                    "nulls": [{k: None} for k, v in props.items() if v is None]})  # fmt: skip
    return out


class GraphStore(ABC):
    """One interface, two real backends. ``dialect`` selects per-dialect query variants."""

    dialect: str
    labels: frozenset[str]
    rel_types: frozenset[str]

    @abstractmethod
    def run(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a catalog query with parameters; rows as dicts of plain values."""

    @abstractmethod
    def describe(self) -> dict[str, Any]:
        """Backend, address and server state, without secrets."""

    @abstractmethod
    def close(self) -> None: ...

    # ------------------------------------------------------------------ schema
    def ensure_schema(self) -> None:
        for label in sorted(self.labels):
            self._create_index(fill(Q.CREATE_INDEX, label=label, lower=label.lower()))
        for rel in sorted(self.rel_types):
            self._create_index(fill(Q.CREATE_REL_INDEX, type=rel, lower=rel.lower()))

    def _create_index(self, query: Query) -> None:
        self.run(query)

    # ------------------------------------------------------------------ generic batch loading
    def merge_nodes(self, nodes: Iterable[NodeRecord], batch_size: int = 2000) -> int:
        """Merge nodes on ``(label, id)``, setting their properties; returns how many records were given.

        Records with the same ``(label, id)`` in one batch become one row, later properties over earlier ones."""
        groups: dict[str, dict[str, Row]] = defaultdict(dict)
        count = 0
        for node in nodes:
            label = checked_label(node.label, self.labels)
            rows = groups[label]
            props = clean_props({**node.props, "id": node.id})
            if node.id in rows:
                rows[node.id]["props"].update(props)
            else:
                rows[node.id] = {"id": node.id, "props": props}
            if len(rows) >= batch_size:
                self.run(fill(Q.MERGE_NODES, label=label), {"rows": _with_nulls(groups.pop(label).values())})
            count += 1
        for label, batch in groups.items():
            self.run(fill(Q.MERGE_NODES, label=label), {"rows": _with_nulls(batch.values())})
        return count

    def merge_rels(self, rels: Iterable[RelRecord], batch_size: int = 2000) -> int:
        """Merge relationships on ``(source, type, key, target)`` (both ends must exist), setting their
        properties; returns how many records were given. Records with the same identity in one batch become
        one row, later properties over earlier ones."""
        groups: dict[tuple[str, str, str], dict[tuple[str, str, str], Row]] = defaultdict(dict)
        count = 0
        for rel in rels:
            key = (
                checked_label(rel.type, self.rel_types),
                checked_label(rel.source_label, self.labels),
                checked_label(rel.target_label, self.labels),
            )
            rows = groups[key]
            ident = (rel.source, rel.merge_key, rel.target)
            props = clean_props({**rel.props, "key": rel.merge_key})
            if ident in rows:
                rows[ident]["props"].update(props)
            else:
                rows[ident] = {"source": rel.source, "target": rel.target, "key": rel.merge_key, "props": props}
            if len(rows) >= batch_size:
                self._flush_rels(key, list(groups.pop(key).values()))
            count += 1
        for key, batch in groups.items():
            self._flush_rels(key, list(batch.values()))
        return count

    def _flush_rels(self, key: tuple[str, str, str], rows: list[Row]) -> None:
        rtype, source, target = key
        self.run(fill(Q.MERGE_RELS, type=rtype, source=source, target=target), {"rows": _with_nulls(rows)})

    def delete_nodes(self, label: str, ids: Sequence[str]) -> None:
        if ids:
            self.run(fill(Q.DELETE_NODES, label=checked_label(label, self.labels)), {"ids": list(ids)})

    def get_node(self, label: str, node_id: str) -> dict[str, Any] | None:
        rows = self.run(fill(Q.GET_NODE, label=checked_label(label, self.labels)), {"id": node_id})
        return dict(rows[0]["props"]) if rows else None

    # ------------------------------------------------------------------ inspection
    def counts(self) -> dict[str, dict[str, int]]:
        labels = {r["label"]: int(r["n"]) for r in self.run(Q.COUNT_LABELS)}
        rels = {r["type"]: int(r["n"]) for r in self.run(Q.COUNT_RELS)}
        return {"labels": labels, "relationships": rels}

    def dump(self, page: int = 5000) -> tuple[Iterator[Row], Iterator[Row]]:
        """All nodes and relationships, paged, in the shape graph.export expects.

        Nodes ``{"id", "labels", "props"}`` ordered by id (labels sorted: the engines keep them in the order the
        labels were first created, which differs between two stores of the same graph); relationships
        ``{"type", "source", "target", "props"}`` ordered by source, type, target and merge key. The same graph
        dumps identically from either engine."""

        def paged(query: Query) -> Iterator[Row]:
            skip = 0
            while True:
                rows = self.run(query, {"skip": skip, "limit": page})
                for row in rows:
                    if "labels" in row:
                        row["labels"] = sorted(row["labels"] or [])
                    yield row
                if len(rows) < page:
                    return
                skip += page

        return paged(Q.DUMP_NODES), paged(Q.DUMP_RELS)

    def clear(self, batch_size: int = 10_000) -> None:
        """Delete every relationship, then every node, ``batch_size`` of them per transaction, so that a large
        graph never needs one transaction larger than the server's memory allows. Relationships go first: one
        hub node (a country, a programme) can hold hundreds of thousands, and a DETACH DELETE of a batch holding
        it ran out of Neo4j's transaction memory on a 1M-node graph (benchmarks/engines.py)."""
        for query in (Q.CLEAR_RELS_BATCH, Q.CLEAR_BATCH):
            while True:
                rows = self.run(query, {"limit": batch_size})
                if not rows or int(rows[0]["deleted"]) < batch_size:
                    break

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""Copy the embedded graph into a Neo4j database: schema first, then nodes label by label and relationships
type by type, in batches, with a checkpoint so that a killed run continues where it stopped.

Every write is the store's ``UNWIND ... MERGE`` on ``(label, id)`` for nodes and ``(source, type, key, target)``
for relationships, so copying a batch twice changes nothing: a resumed run may replay the batch that was in
flight when the previous run died, and a second full run leaves the target as it was.

Reading is keyset-paged (``WHERE id > $after ORDER BY id``) so a checkpoint is one cursor per label and per
relationship type. A node carrying several labels (a grievance is also an ``Event``) is copied once, under its
*home* label (the first of its declared labels in alphabetical order), and its other labels are added to it.

The checkpoint file holds the target's address and database and the cursors; never the password.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph import queries as Q
from graph.queries import checked_label, fill, q, templated
from graph.store import GraphStore, NodeRecord, RelRecord, Row
from ontology.redact import redact_url
from redflag.services.state_file import write_json_atomic

CHECKPOINT_VERSION = 1
READ_PAGE = 5000

# ----------------------------------------------------------------------------- queries (parameters only)
READ_NODES = templated(
    "migrate.read_nodes",
    "MATCH (n:{label}) WHERE n.id IS NOT NULL AND ($first OR n.id > $after) "
    "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id LIMIT $limit",
    "first",
    "after",
    "limit",
)
READ_RELS = templated(
    "migrate.read_rels",
    "MATCH (a)-[r:{type}]->(b) WITH a, r, b, coalesce(r.key, '') AS k "
    "WHERE a.id IS NOT NULL AND b.id IS NOT NULL AND ($first OR a.id > $source "
    "OR (a.id = $source AND (b.id > $target OR (b.id = $target AND k > $key)))) "
    "RETURN labels(a) AS source_labels, a.id AS source, labels(b) AS target_labels, b.id AS target, "
    "k AS key, properties(r) AS props ORDER BY source, target, key LIMIT $limit",
    "first",
    "source",
    "target",
    "key",
    "limit",
)
ADD_LABEL = templated(
    "migrate.add_label",
    "UNWIND $ids AS id MATCH (n:{label} {{id: id}}) SET n:{extra}",
    "ids",
    write=True,
)
LIST_INDEXES = q(
    "migrate.list_indexes",
    "CALL db.indexes() YIELD label, properties RETURN [label] AS names, properties",
    neo4j="SHOW INDEXES YIELD labelsOrTypes, properties RETURN labelsOrTypes AS names, properties",
)


class MigrationError(RuntimeError):
    """The migration cannot start or continue (one line for the user)."""


ProgressFn = Callable[[int, int, str], None]
"""Called after each batch with (rows done, rows in total, what is being copied)."""


@dataclass(frozen=True)
class CountCheck:
    kind: str  # "label" or "relationship"
    name: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        return self.source == self.target


@dataclass
class MigrationReport:
    target: str
    resumed: bool
    batches: int = 0
    nodes_written: int = 0
    rels_written: int = 0
    indexes_created: int = 0
    notes: list[str] = field(default_factory=list)
    checks: list[CountCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def mismatches(self) -> list[CountCheck]:
        return [c for c in self.checks if not c.ok]


# ----------------------------------------------------------------------------- checkpoint
class Checkpoint:
    """Cursors per label and relationship type, saved atomically (write, fsync, rename) after every batch."""

    def __init__(self, path: Path, state: dict[str, Any]) -> None:
        self.path = path
        self.state = state

    @classmethod
    def fresh(cls, path: Path, target: str) -> Checkpoint:
        return cls(
            path,
            {
                "version": CHECKPOINT_VERSION,
                "target": target,
                "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "completed": False,
                "labels": {},
                "types": {},
            },
        )

    @classmethod
    def load(cls, path: Path) -> Checkpoint | None:
        if not path.exists():
            return None
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise MigrationError(
                f"the migration checkpoint {path} cannot be read ({exc}); run again with --restart"
            ) from exc
        if not isinstance(state, dict) or state.get("version") != CHECKPOINT_VERSION:
            raise MigrationError(
                f"the migration checkpoint {path} has an unknown format; run again with --restart"
            )
        return cls(path, state)

    def entry(self, section: str, name: str) -> dict[str, Any]:
        entries: dict[str, dict[str, Any]] = self.state[section]
        return entries.setdefault(name, {"cursor": None, "done": False, "rows": 0, "batches": 0})

    def rows_done(self) -> int:
        return sum(int(e["rows"]) for s in ("labels", "types") for e in self.state[s].values())

    def save(self) -> None:
        write_json_atomic(self.path, self.state)


# ----------------------------------------------------------------------------- the migration
def home_label(labels: Iterable[str], declared: frozenset[str]) -> str | None:
    """The label a node is copied under: the first of its declared labels, alphabetically."""
    mine = sorted(label for label in labels if label in declared)
    return mine[0] if mine else None


def ensure_target_schema(target: GraphStore) -> int:
    """Create the id constraints/indexes and relationship-key indexes the target lacks; return how many."""
    existing = {
        (name, tuple(row["properties"] or ()))
        for row in target.run(LIST_INDEXES)
        for name in row["names"] or ()
    }
    created = 0
    wanted = [(label, "id", Q.CREATE_INDEX, {"label": label}) for label in sorted(target.labels)]
    wanted += [(rel, "key", Q.CREATE_REL_INDEX, {"type": rel}) for rel in sorted(target.rel_types)]
    for name, prop, template, slots in wanted:
        if (name, (prop,)) in existing:
            continue
        target.run(replace(fill(template, lower=name.lower(), **slots), write=True))
        created += 1
    return created


def migrate_graph(
    source: GraphStore,
    target: GraphStore,
    checkpoint_path: Path,
    *,
    target_name: str,
    batch_size: int = 2000,
    restart: bool = False,
    progress: ProgressFn | None = None,
    read_page: int = READ_PAGE,
) -> MigrationReport:
    """Copy every node and relationship of ``source`` into ``target``, then compare counts.

    ``target_name`` identifies the target in the checkpoint (address and database, no secret); a checkpoint
    for another target, or of a finished run, is not resumed. ``restart`` ignores any checkpoint.
    """
    if batch_size < 1:
        raise MigrationError(f"--batch-size must be at least 1 (got {batch_size})")
    read_page = max(read_page, batch_size)
    previous = None if restart else Checkpoint.load(checkpoint_path)
    report = MigrationReport(target=target_name, resumed=False)
    if previous is not None and previous.state.get("target") != target_name:
        report.notes.append(
            f"the checkpoint was for {previous.state.get('target')}; starting a full copy to {target_name}"
        )
        previous = None
    elif previous is not None and previous.state.get("completed"):
        previous = None  # the last run finished: a new run copies everything again (MERGE: no duplicates)
    if previous is not None:
        report.resumed = True
        checkpoint = previous
    else:
        checkpoint = Checkpoint.fresh(checkpoint_path, target_name)
    checkpoint.save()

    source_counts = source.counts()
    declared_labels = source.labels & target.labels
    declared_types = source.rel_types & target.rel_types
    for label in sorted(set(source_counts["labels"]) - declared_labels):
        report.notes.append(f"label {label} is not declared in the ontology: its nodes are not copied")
    for rel in sorted(set(source_counts["relationships"]) - declared_types):
        report.notes.append(f"relationship type {rel} is not declared in the ontology: not copied")
    labels = sorted(set(source_counts["labels"]) & declared_labels)
    types = sorted(set(source_counts["relationships"]) & declared_types)
    total = sum(source_counts["labels"][x] for x in labels) + sum(
        source_counts["relationships"][x] for x in types
    )
    done = checkpoint.rows_done()

    report.indexes_created = ensure_target_schema(target)
    if progress:
        progress(done, total, "schema")

    for label in labels:
        entry = checkpoint.entry("labels", label)
        if entry["done"]:
            continue
        query = fill(READ_NODES, label=checked_label(label, declared_labels))
        while True:
            cursor = entry["cursor"]
            page = source.run(query, {"first": cursor is None, "after": cursor or "", "limit": read_page})
            for start in range(0, len(page), batch_size):
                chunk = page[start : start + batch_size]
                report.nodes_written += _write_nodes(target, label, chunk, declared_labels)
                entry["cursor"] = chunk[-1]["id"]
                entry["rows"] += len(chunk)
                entry["batches"] += 1
                report.batches += 1
                checkpoint.save()
                done += len(chunk)
                if progress:
                    progress(done, total, f"nodes :{label}")
            if len(page) < read_page:
                break
        entry["done"] = True
        checkpoint.save()

    for rel in types:
        entry = checkpoint.entry("types", rel)
        if entry["done"]:
            continue
        query = fill(READ_RELS, type=checked_label(rel, declared_types))
        while True:
            cursor = entry["cursor"] or ["", "", ""]
            page = source.run(
                query,
                {
                    "first": entry["cursor"] is None,
                    "source": cursor[0],
                    "target": cursor[1],
                    "key": cursor[2],
                    "limit": read_page,
                },
            )
            for start in range(0, len(page), batch_size):
                chunk = page[start : start + batch_size]
                report.rels_written += _write_rels(target, rel, chunk, declared_labels, batch_size)
                last = chunk[-1]
                entry["cursor"] = [last["source"], last["target"], last["key"]]
                entry["rows"] += len(chunk)
                entry["batches"] += 1
                report.batches += 1
                checkpoint.save()
                done += len(chunk)
                if progress:
                    progress(done, total, f"relationships :{rel}")
            if len(page) < read_page:
                break
        entry["done"] = True
        checkpoint.save()

    report.checks = compare_counts(source_counts, target.counts())
    checkpoint.state["completed"] = True
    checkpoint.state["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    checkpoint.state["verified"] = report.ok
    checkpoint.save()
    if progress:
        progress(done, total, "verified")
    return report


def _write_nodes(target: GraphStore, label: str, rows: list[Row], declared: frozenset[str]) -> int:
    """Merge the rows whose home label is ``label``; add their other labels. Rows homed elsewhere wait."""
    records: list[NodeRecord] = []
    extra: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if home_label(row["labels"], declared) != label:
            continue  # copied when its home label is processed
        records.append(NodeRecord(label, row["id"], dict(row["props"])))
        for other in row["labels"]:
            if other != label and other in declared:
                extra[other].append(row["id"])
    if not records:
        return 0
    target.merge_nodes(records, batch_size=len(records))
    for other, ids in sorted(extra.items()):
        target.run(fill(ADD_LABEL, label=label, extra=checked_label(other, declared)), {"ids": ids})
    return len(records)


def _write_rels(
    target: GraphStore, rel: str, rows: list[Row], declared: frozenset[str], batch_size: int
) -> int:
    records: list[RelRecord] = []
    for row in rows:
        source_label = home_label(row["source_labels"], declared)
        target_label = home_label(row["target_labels"], declared)
        if source_label is None or target_label is None:
            continue  # an endpoint with no declared label was not copied; the count check shows it
        props: Mapping[str, Any] = row["props"]
        records.append(
            RelRecord(
                rel, source_label, row["source"], target_label, row["target"], dict(props), key=row["key"]
            )
        )
    return target.merge_rels(records, batch_size=batch_size)


def compare_counts(source: dict[str, dict[str, int]], target: dict[str, dict[str, int]]) -> list[CountCheck]:
    """One check per label and relationship type present on either side."""
    checks: list[CountCheck] = []
    for kind, section in (("label", "labels"), ("relationship", "relationships")):
        for name in sorted(set(source[section]) | set(target[section])):
            checks.append(CountCheck(kind, name, source[section].get(name, 0), target[section].get(name, 0)))
    return checks


def checkpoint_path_for(data_dir: Path) -> Path:
    """Where ``redflag migrate --to neo4j`` keeps its checkpoint."""
    return data_dir / "migrate" / "neo4j-checkpoint.json"


def describe_target(uri: str, database: str) -> str:
    """How the target is named in messages and in the checkpoint: the URI without any userinfo."""
    return f"{redact_url(uri)} (database {database})"

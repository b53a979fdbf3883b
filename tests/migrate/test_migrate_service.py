"""The migration service over Bolt: a full copy equals the source, a second run changes nothing, a run that
fails part-way continues from its checkpoint and ends equal to an uninterrupted run, and differences are caught."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from migrate_bench import BOLT_BATCH, BoltServer, bolt_server, snapshot

from graph.errors import StoreUnavailable
from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from graph.store import GraphStore, NodeRecord, Row
from redflag.services.migrate import MigrationError, checkpoint_path_for, home_label, migrate_graph


class FailingTarget(GraphStore):
    """A real target store that goes away after a given number of write requests (like a dropped server)."""

    def __init__(self, inner: GraphStore, writes_allowed: int) -> None:
        self.inner = inner
        self.dialect = inner.dialect
        self.labels = inner.labels
        self.rel_types = inner.rel_types
        self.writes_left = writes_allowed

    def run(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        if query.write and query.name.startswith(("store.merge", "migrate.add_label")):
            if self.writes_left == 0:
                raise StoreUnavailable("the target went away (test)")
            self.writes_left -= 1
        return self.inner.run(query, params)

    def describe(self) -> dict[str, Any]:
        return self.inner.describe()

    def close(self) -> None:
        self.inner.close()


def _migrate(source: GraphStore, target: GraphStore, data_dir: Path, **kw: Any):  # type: ignore[no-untyped-def]
    return migrate_graph(
        source, target, checkpoint_path_for(data_dir), target_name="bench", batch_size=BOLT_BATCH, **kw
    )


def test_a_full_copy_equals_the_source_node_for_node(
    source: FalkorDBStore, bolt: BoltServer, data_dir: Path
) -> None:
    with bolt.open() as target:
        report = _migrate(source, target, data_dir)
        assert report.ok, report.mismatches
        assert not report.resumed
        assert snapshot(target) == snapshot(source)
        counts = target.counts()
    assert counts == source.counts()
    # the two multi-label nodes are one node each, with both labels
    assert counts["labels"]["Grievance"] == 2 and counts["labels"]["Event"] == 1
    assert {(c.kind, c.name) for c in report.checks} >= {("label", "Entity"), ("relationship", "OWNS")}
    assert report.nodes_written == sum(1 for _ in source.dump()[0])


def test_schema_is_created_on_the_target_before_the_copy(
    source: FalkorDBStore, bolt: BoltServer, data_dir: Path
) -> None:
    with bolt.open() as target:
        report = _migrate(source, target, data_dir)
        indexes = {
            (r["name"], tuple(r["properties"]))
            for r in target.run(
                Query(
                    "test.indexes",
                    "CALL db.indexes() YIELD label, properties RETURN label AS name, properties",
                )
            )
        }
    assert report.indexes_created == len(source.labels) + len(source.rel_types)
    assert ("Entity", ("id",)) in indexes and ("OWNS", ("key",)) in indexes


def test_running_twice_changes_nothing(source: FalkorDBStore, bolt: BoltServer, data_dir: Path) -> None:
    with bolt.open() as target:
        first = _migrate(source, target, data_dir)
        after_first = snapshot(target)
        second = _migrate(source, target, data_dir)
        assert snapshot(target) == after_first
    assert first.ok and second.ok
    assert not second.resumed, "a finished migration is copied again in full, not resumed"
    assert second.indexes_created == 0
    assert second.nodes_written == first.nodes_written and second.rels_written == first.rels_written


@pytest.mark.parametrize("writes_allowed", [0, 1, 4, 9])
def test_a_run_that_fails_part_way_resumes_and_ends_equal_to_an_uninterrupted_run(
    source: FalkorDBStore, bolt: BoltServer, data_dir: Path, tmp_path: Path, writes_allowed: int
) -> None:
    with bolt_server(tmp_path / "reference") as other, other.open() as reference:
        _migrate(source, reference, data_dir / "reference")
        expected = snapshot(reference)
    with bolt.open() as target:
        with pytest.raises(StoreUnavailable):
            _migrate(source, FailingTarget(target, writes_allowed), data_dir)
        state = json.loads(checkpoint_path_for(data_dir).read_text())
        assert state["completed"] is False
        batches_before = sum(e["batches"] for s in ("labels", "types") for e in state[s].values())
        assert batches_before <= writes_allowed
        resumed = _migrate(source, target, data_dir)
        assert resumed.resumed
        assert resumed.ok, resumed.mismatches
        assert snapshot(target) == expected
    total_batches = resumed.batches + batches_before
    reference_state = json.loads(checkpoint_path_for(data_dir / "reference").read_text())
    assert total_batches == sum(
        e["batches"] for s in ("labels", "types") for e in reference_state[s].values()
    )


def test_restart_ignores_the_checkpoint(source: FalkorDBStore, bolt: BoltServer, data_dir: Path) -> None:
    with bolt.open() as target:
        with pytest.raises(StoreUnavailable):
            _migrate(source, FailingTarget(target, 3), data_dir)
        report = _migrate(source, target, data_dir, restart=True)
    assert not report.resumed
    assert report.ok


def test_a_checkpoint_for_another_target_is_not_resumed(
    source: FalkorDBStore, bolt: BoltServer, data_dir: Path, tmp_path: Path
) -> None:
    with bolt.open() as first:
        with pytest.raises(StoreUnavailable):
            _migrate(source, FailingTarget(first, 3), data_dir)
    with bolt_server(tmp_path / "elsewhere") as other, other.open() as second:
        report = migrate_graph(
            source, second, checkpoint_path_for(data_dir), target_name="elsewhere", batch_size=BOLT_BATCH
        )
        assert snapshot(second) == snapshot(source)
    assert not report.resumed
    assert any("checkpoint was for bench" in note for note in report.notes)


def test_a_target_that_already_holds_other_nodes_fails_verification(
    source: FalkorDBStore, bolt: BoltServer, data_dir: Path
) -> None:
    with bolt.open() as target:
        target.merge_nodes([NodeRecord("Entity", "zz-not-in-the-source", {"name": "Stray"})])
        report = _migrate(source, target, data_dir)
    assert not report.ok
    [mismatch] = report.mismatches
    assert (mismatch.kind, mismatch.name) == ("label", "Entity")
    assert mismatch.target == mismatch.source + 1


def test_an_unreadable_checkpoint_names_the_file_and_the_way_out(
    source: FalkorDBStore, bolt: BoltServer, data_dir: Path
) -> None:
    path = checkpoint_path_for(data_dir)
    path.parent.mkdir(parents=True)
    path.write_text("{ not json")
    with bolt.open() as target, pytest.raises(MigrationError, match=r"neo4j-checkpoint\.json.*--restart"):
        _migrate(source, target, data_dir)
    assert path.read_text() == "{ not json"  # left as it was, for the user to inspect


def test_a_batch_size_below_one_is_refused(source: FalkorDBStore, bolt: BoltServer, data_dir: Path) -> None:
    with bolt.open() as target, pytest.raises(MigrationError, match="batch-size"):
        migrate_graph(source, target, checkpoint_path_for(data_dir), target_name="bench", batch_size=0)


def test_a_node_is_copied_under_its_first_declared_label() -> None:
    declared = frozenset({"Event", "Grievance", "Passage"})
    assert home_label(["Grievance", "Event"], declared) == "Event"
    assert home_label(["Passage", "Grievance"], declared) == "Grievance"
    assert home_label(["Undeclared"], declared) is None

"""An interrupted graph load of the lists resumes after the last whole batch, against the same archive sets only,
and writes nothing twice. Real archive, real embedded FalkorDB, the real `redflag load` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.archive import Archive
from crawler.parsers.common import ParsedList
from graph.falkordb_store import FalkorDBStore
from graph.queries import q
from ontology.records import ListEntity, Listing, ListRelation
from redflag.services.load_checkpoint import LoadCheckpointError
from redflag.services.pipeline import load_lists

LISTED = q("test.load_resume.listed", "MATCH (e:Entity) WHERE e.listed = true RETURN count(e) AS n")
OWNERSHIPS = q("test.load_resume.ownerships", "MATCH (:Entity)-[r:OWNS]->(:Entity) RETURN count(r) AS n")


def _parsed(n: int, prefix: str = "e") -> ParsedList:
    entities = [
        ListEntity(id=f"{prefix}{i:03d}", schema="Company", name=f"Listed Company {prefix}{i}", dataset="csl",
                   listings=[Listing(authority="Bureau of Industry and Security", list_code="EL", program="EL")])
        for i in range(n)
    ]  # fmt: skip
    relations = [ListRelation(f"r{i}", "Ownership", f"{prefix}{i:03d}", f"{prefix}{i + 1:03d}", "csl")
                 for i in range(0, n - 1, 2)]  # fmt: skip
    return ParsedList(entities=entities, relations=relations)


class Interrupt(KeyboardInterrupt):
    pass


def _stop_after(label: str, records: int) -> tuple[list[tuple[int, str]], object]:
    seen: list[tuple[int, str]] = []

    def progress(done: int, total: int, what: str) -> None:
        seen.append((done, what))
        if what == label and done >= records:
            raise Interrupt

    return seen, progress


def _count(store: FalkorDBStore, query: object) -> int:
    return int(store.run(query)[0]["n"])  # type: ignore[arg-type]


def test_a_load_cut_short_resumes_after_its_last_batch_and_loads_everything_once(
    falkordb_store: FalkorDBStore, data_dir: Path,
) -> None:
    checkpoint = data_dir / "state" / "list-load.json"
    with Archive(data_dir / "archive") as archive:
        archive.store_list("import:csl:csl.csv", "csl", "set-1", _parsed(30))
        _, stop = _stop_after("list entities", 20)
        with pytest.raises(Interrupt):
            load_lists(falkordb_store, archive, stop, batch=10, checkpoint=checkpoint)  # type: ignore[arg-type]
        assert json.loads(checkpoint.read_text())["done"] == {"entity": 20}
        assert _count(falkordb_store, LISTED) == 20

        seen: list[tuple[int, str]] = []
        report = load_lists(falkordb_store, archive, lambda d, t, w: seen.append((d, w)), batch=10,
                            checkpoint=checkpoint)  # fmt: skip
        assert report.resumed_from == 20
        assert seen[0] == (20, "list entities")  # progress starts where the first run stopped
        assert _count(falkordb_store, LISTED) == 30 and _count(falkordb_store, OWNERSHIPS) == 15
        assert not checkpoint.exists()  # finished: the next load writes everything again

        again = load_lists(falkordb_store, archive, batch=10, checkpoint=checkpoint)
        assert again.resumed_from == 0 and _count(falkordb_store, LISTED) == 30


def test_a_load_cut_short_among_the_relations_keeps_the_entities_done(
    falkordb_store: FalkorDBStore, data_dir: Path,
) -> None:
    checkpoint = data_dir / "state" / "list-load.json"
    with Archive(data_dir / "archive") as archive:
        archive.store_list("import:csl:csl.csv", "csl", "set-1", _parsed(30))
        _, stop = _stop_after("list relations", 30 + 10)
        with pytest.raises(Interrupt):
            load_lists(falkordb_store, archive, stop, batch=10, checkpoint=checkpoint)  # type: ignore[arg-type]
        assert json.loads(checkpoint.read_text())["done"] == {"entity": 30, "relation": 10}
        report = load_lists(falkordb_store, archive, batch=10, checkpoint=checkpoint)
        assert report.resumed_from == 40
        assert _count(falkordb_store, OWNERSHIPS) == 15


def test_a_new_import_between_the_runs_starts_the_load_over(falkordb_store: FalkorDBStore, data_dir: Path) -> None:
    checkpoint = data_dir / "state" / "list-load.json"
    with Archive(data_dir / "archive") as archive:
        archive.store_list("import:csl:csl.csv", "csl", "set-1", _parsed(30))
        _, stop = _stop_after("list entities", 10)
        with pytest.raises(Interrupt):
            load_lists(falkordb_store, archive, stop, batch=10, checkpoint=checkpoint)  # type: ignore[arg-type]
        archive.store_list("import:csl:csl.csv", "csl", "set-2", _parsed(25, prefix="n"))  # the list changed
        report = load_lists(falkordb_store, archive, batch=10, checkpoint=checkpoint)
        assert report.resumed_from == 0
        assert _count(falkordb_store, LISTED) == 10 + 25  # the first run's 10 stay; all of the new set is in


def test_a_damaged_checkpoint_is_an_error_that_names_it_and_restart_ignores_it(
    falkordb_store: FalkorDBStore, data_dir: Path,
) -> None:
    checkpoint = data_dir / "state" / "list-load.json"
    checkpoint.parent.mkdir(parents=True)
    checkpoint.write_text("{not json", encoding="utf-8")
    with Archive(data_dir / "archive") as archive:
        archive.store_list("import:csl:csl.csv", "csl", "set-1", _parsed(5))
        with pytest.raises(LoadCheckpointError, match="list-load.json.*--restart"):
            load_lists(falkordb_store, archive, checkpoint=checkpoint)
        report = load_lists(falkordb_store, archive, checkpoint=checkpoint, restart=True)
    assert report.resumed_from == 0 and _count(falkordb_store, LISTED) == 5 and not checkpoint.exists()

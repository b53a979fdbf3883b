"""The screening index kept between runs (redflag.screening_ops.index_cache): reused only for the same list
entities, settings and code; never unpickled unless written with the audit key; rebuilt, never an error."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from ontology import vocab
from redflag.matching.screening import Screener
from redflag.screening_ops import index_cache
from redflag.screening_ops.parties import PartyQuery
from redflag.services.loading import load_list_entities
from redflag.services.screening_ops import open_log, open_session
from redflag.settings import load_settings
from tests.screening_ops.conftest import candidates, list_entities

SECRET = b"k" * 32
KEY = {"list_version": "v1", "match_threshold": "0.8", "weights": "None", "code": "c"}


def _build() -> Screener:
    return Screener(candidates())


def test_an_index_is_built_once_then_reused_with_the_same_answers(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "index.pickle"
    first, how = index_cache.load_or_build(path, SECRET, KEY, _build)
    assert how == "built" and path.exists()
    again, how = index_cache.load_or_build(path, SECRET, KEY, lambda: pytest.fail("rebuilt a valid index"))
    assert how == "reused"
    for name in ("Veloria Signal Systems Limited", "Northgate Interception Grp", "Mira Orlando"):
        assert again.screen(name, threshold=0.5).to_dict() == first.screen(name, threshold=0.5).to_dict()


@pytest.mark.parametrize("field", sorted(KEY))
def test_any_change_of_what_it_was_built_from_rebuilds_it(tmp_path: Path, field: str) -> None:
    path = tmp_path / "index.pickle"
    index_cache.load_or_build(path, SECRET, KEY, _build)
    _, how = index_cache.load_or_build(path, SECRET, {**KEY, field: "other"}, _build)
    assert how == "rebuilt"


def test_a_file_not_written_with_the_audit_key_is_never_unpickled(tmp_path: Path) -> None:
    path, proof = tmp_path / "index.pickle", tmp_path / "executed"

    class Payload:
        def __reduce__(self):  # what a planted pickle could do when read
            return (Path.touch, (proof,))

    path.write_bytes(b"\0" * 32 + pickle.dumps((KEY, Payload())))
    _, how = index_cache.load_or_build(path, SECRET, KEY, _build)
    assert how == "rebuilt: the stored index was not written with this audit key" and not proof.exists()
    _, how = index_cache.load_or_build(path, b"another key " * 3, KEY, _build)  # a valid file, another key
    assert how.startswith("rebuilt: the stored index was not written")


def test_a_data_folder_that_cannot_be_written_still_screens(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    screener, how = index_cache.load_or_build(blocker / "index.pickle", SECRET, KEY, _build)
    assert how.startswith("built; not stored (") and screener.screen("Mira Orlando").matches


@pytest.fixture
def graph_world(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FalkorDBStore]:
    monkeypatch.setenv("REDFLAG_SCREEN_INDEX_CACHE", "0")  # this world is small: store its index all the same
    monkeypatch.setenv("REDFLAG_SCREEN_WEIGHTS", "")
    store = FalkorDBStore(data_dir / "graph", "redflag", vocab.labels(), vocab.relationship_types())
    try:
        store.ensure_schema()
        load_list_entities(store, list_entities())
        yield store
    finally:
        store.close()
        falkordb_server.stop(data_dir / "graph")


def _screen(store: FalkorDBStore, data_dir: Path, name: str) -> tuple[str, list[str]]:
    cfg = load_settings(data_dir)
    with open_log(cfg, store) as log:
        session = open_session(store, cfg, log, "tester", "single")
        outcome = session.screen(PartyQuery(name=name))
    return session.index_status, [m.match.id for m in outcome.matches]


def test_sessions_reuse_the_index_until_a_list_entity_changes(graph_world: FalkorDBStore, data_dir: Path) -> None:
    assert _screen(graph_world, data_dir, "Veloria Signal Systems Limited") == ("built", ["syn-1"])
    assert (data_dir / index_cache.CACHE_FILE).exists()
    assert _screen(graph_world, data_dir, "Veloria Signal Systems Limited") == ("reused", ["syn-1"])
    # a list refresh gives syn-1 a new alias: the stored index no longer describes the lists, and the alias is found
    load_list_entities(graph_world, list_entities({"syn-1": {"aliases": ["Kestrel Quantum Holdings"]}}))
    how, found = _screen(graph_world, data_dir, "Kestrel Quantum Holdings")
    assert how == "rebuilt" and found[:1] == ["syn-1"]


def test_the_index_is_not_stored_when_switched_off(graph_world: FalkorDBStore, data_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDFLAG_SCREEN_INDEX_CACHE", "off")
    assert _screen(graph_world, data_dir, "Mira Orlando")[0] == "built"
    assert not (data_dir / index_cache.CACHE_FILE).exists()

"""A data folder with the whole demo world, plus hostile names, shared by the UI tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkordb_server
from graph.store import NodeRecord, RelRecord
from redflag.services.store import open_store
from redflag.settings import load_settings

HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_ID = "hostile-entity"


def _demo_world(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Path]:
    """`redflag demo --no-ui` into a fresh folder, then an entity with hostile names linked to the reseller."""
    data = tmp_path_factory.mktemp(name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    done = subprocess.run(
        [sys.executable, "-m", "redflag", "--data-dir", str(data), "demo", "--no-ui"],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    try:
        with open_store(load_settings(data)) as store:
            store.merge_nodes([
                NodeRecord("Entity", HOSTILE_ID, {"name": HOSTILE_IMG, "aliases": [HOSTILE_SCRIPT], "schema": "Company",
                                                  "countries": ["XV"], "origin": ["manual"]}),
            ])  # fmt: skip
            store.merge_rels([
                RelRecord("LINKED_TO", "Entity", HOSTILE_ID, "Entity", "northgate-distribution",
                          {"status": "curated", "note": HOSTILE_SCRIPT}),
            ])  # fmt: skip
        yield data
    finally:
        falkordb_server.stop(data / "graph")


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo world shared by the AppTest pages; tests there may judge pairs and resolve findings in it."""
    yield from _demo_world(tmp_path_factory, "ui-demo")


@pytest.fixture(scope="module")
def own_demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A demo world of the module's own, untouched by other modules' judgements (for example, a possible
    same-as pair judged "different" on the review page takes the diversion path that runs through it away)."""
    yield from _demo_world(tmp_path_factory, "ui-demo-own")

"""Open the configured graph store from the settings, and the one check that a data folder holds a graph."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.factory import open_store as _open
from graph.queries import q
from graph.store import GraphStore
from redflag.settings import Settings

ANY_NODE = q("store.any_node", "MATCH (n) RETURN n.id AS id LIMIT 1")
FILL_FOLDER = ("fill it with `redflag demo` (the sample world), or `redflag import ofac|csl|ftm PATH` and "
               "`redflag import-deals FILE`; or name the right folder with --data-dir or REDFLAG_DATA_DIR")


class EmptyDataFolder(LookupError):
    """A command that reads the graph was given a data folder whose graph is empty (or does not exist)."""

    def __init__(self, data_dir: Path | str) -> None:
        super().__init__(f"the data folder {data_dir} is empty (no graph data); {FILL_FOLDER}")
        self.data_dir = str(data_dir)


def open_store(settings: Settings, *, ensure_schema: bool = True) -> GraphStore:
    return _open(
        settings.backend,
        graph_dir=settings.graph_dir,
        graph_name=settings.graph_name,
        neo4j_uri=settings.neo4j.uri,
        neo4j_user=settings.neo4j.user,
        neo4j_password=settings.neo4j.password,
        neo4j_database=settings.neo4j.database,
        start_timeout=settings.falkordb_start_timeout,
        query_timeout=settings.graph_query_timeout or None,
        ensure_schema=ensure_schema,
    )


def require_data(store: GraphStore, settings: Settings) -> None:
    """Raise :class:`EmptyDataFolder` when the graph holds no node at all."""
    if not store.run(ANY_NODE):
        raise EmptyDataFolder(settings.data_dir)


@contextmanager
def open_data_store(settings: Settings) -> Iterator[GraphStore]:
    """The store of a data folder that holds a graph, for commands that read it (flags, paths, report, screen...).

    An embedded data folder without a graph folder is refused before any server starts or any folder is
    created (a mistyped ``--data-dir`` stays untouched); a graph with no node is refused after opening it.
    Raises :class:`EmptyDataFolder`, whose message names the folder and how to fill it.
    """
    if settings.backend == "falkordb" and not settings.graph_dir.is_dir():
        raise EmptyDataFolder(settings.data_dir)
    with open_store(settings) as store:
        require_data(store, settings)
        yield store

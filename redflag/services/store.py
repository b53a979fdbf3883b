"""Open the configured graph store from the settings."""

from __future__ import annotations

from graph.factory import open_store as _open
from graph.store import GraphStore
from redflag.settings import Settings


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

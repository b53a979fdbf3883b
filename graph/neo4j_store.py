"""The Neo4j backend: the official driver over Bolt, managed transactions, retries on transient errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.errors import StoreError, StoreUnavailable
from graph.queries import Query
from graph.store import GraphStore, Row
from ontology.redact import redact_text, redact_url, strip_userinfo, url_userinfo


def _plain(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **dict(value.items())}
    if isinstance(value, Relationship):
        return {"type": value.type, **dict(value.items())}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Neo4jStore(GraphStore):
    dialect = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str,
        labels: frozenset[str],
        rel_types: frozenset[str],
        *,
        dialect: str = "neo4j",
    ) -> None:
        import neo4j
        from neo4j import exceptions as nx

        if not uri:
            raise StoreError("REDFLAG_BACKEND=neo4j needs NEO4J_URI (for example bolt://localhost:7687)")
        self.dialect = dialect
        creds = url_userinfo(uri)
        if creds is not None:  # credentials written in the URI: connect without them in the URL
            user, password = (creds[0] or user), (password or creds[1])
        raw_uri, uri = uri, strip_userinfo(uri)
        self.uri = redact_url(raw_uri)  # what messages and describe() show: never a password

        def clean(exc: BaseException | str) -> str:
            return redact_text(str(exc), raw_uri)

        self.database = database
        self.labels = labels
        self.rel_types = rel_types
        self._nx = nx
        try:
            options: dict[str, Any] = {}
            if dialect == "neo4j":
                # "property key does not exist" for optional properties (r.judgement, ev.negated ...) is expected:
                # without this the driver logs a warning per query; deprecations and performance hints stay on
                options["notifications_disabled_classifications"] = ["UNRECOGNIZED"]
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), connection_timeout=10, **options
            )
            self._driver.verify_connectivity()
        except nx.AuthError:
            raise StoreUnavailable(f"Neo4j at {self.uri} refused the credentials of user {user!r}") from None
        except (nx.ServiceUnavailable, OSError, ValueError) as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} is not reachable: {clean(exc)}") from None
        except (nx.Neo4jError, nx.DriverError) as exc:
            # e.g. FalkorDB's Bolt endpoint answers a wrong password with a generic DatabaseError
            message = getattr(exc, "message", None) or str(exc)
            raise StoreUnavailable(
                f"Neo4j at {self.uri} refused the connection for user {user!r}: {clean(message)}"
            ) from None
        self._neo4j = neo4j

    def run(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        routing = self._neo4j.RoutingControl.WRITE if query.write else self._neo4j.RoutingControl.READ
        text = query.for_dialect(self.dialect)
        try:
            records, _, _ = self._driver.execute_query(
                text, dict(params or {}), database_=self.database or None, routing_=routing
            )
        except self._nx.ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} is not reachable: {exc}") from exc
        except self._nx.Neo4jError as exc:
            raise StoreError(f"query {query.name} failed on Neo4j: {exc.message or exc}") from exc
        return [{k: _plain(v) for k, v in rec.items()} for rec in records]

    def _create_index(self, query: Query) -> None:
        try:
            self.run(Query(query.name, query.text, query.params, query.variants, write=True))
        except StoreError as exc:
            if "already exists" not in str(exc) and "equivalent" not in str(exc).lower():
                raise

    def describe(self) -> dict[str, Any]:
        return {"backend": "neo4j", "uri": self.uri, "database": self.database, "server": "connected"}

    def close(self) -> None:
        self._driver.close()

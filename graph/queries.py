"""The query catalog: every Cypher query the tool runs, named, with its parameters declared.

One text serves both engines unless the dialects differ (index DDL, shortest paths, full-text); then the
query carries a per-dialect variant. Values always travel as parameters; the only things ever formatted
into a query's text are node labels and relationship types, and only those the ontology declares
(``checked_label``), never a value from data. CI lints every Neo4j-dialect text with Neo4j's own parser
(tests/graph/test_cypher_lint.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DIALECTS = ("falkordb", "neo4j")
_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")

REGISTRY: dict[str, Query] = {}


@dataclass(frozen=True)
class Query:
    """A named query. ``text`` is used by both dialects unless ``variants`` has one for the dialect."""

    name: str
    text: str
    params: tuple[str, ...] = ()
    variants: dict[str, str] = field(default_factory=dict)
    write: bool = False

    def for_dialect(self, dialect: str) -> str:
        if dialect not in DIALECTS:
            raise ValueError(f"unknown Cypher dialect {dialect!r}")
        return self.variants.get(dialect, self.text)


def register(query: Query) -> Query:
    """Add a query to the catalog (names are unique)."""
    existing = REGISTRY.get(query.name)
    if existing is not None and existing != query:
        raise ValueError(f"two different queries are named {query.name!r}")
    REGISTRY[query.name] = query
    return query


def q(name: str, text: str, *params: str, write: bool = False, **variants: str) -> Query:
    """Shorthand: build and register a query."""
    return register(Query(name=name, text=text, params=params, variants=dict(variants), write=write))


def checked_label(name: str, allowed: frozenset[str]) -> str:
    """Return ``name`` if it is a declared label or relationship type (and a plain identifier)."""
    if name not in allowed or not _IDENT.match(name):
        raise ValueError(f"{name!r} is not a label or relationship type declared in the ontology")
    return name


def templated(name: str, text: str, *params: str, write: bool = False, **variants: str) -> Query:
    """A query whose text has ``{label}``/``{type}`` slots filled from the ontology at run time.

    Registered per filled-in label by the caller through ``fill``; the template itself is kept for linting.
    """
    return register(Query(name=name, text=text, params=params, variants=dict(variants), write=write))


def fill(template: Query, **slots: str) -> Query:
    """Fill a template's ``{slot}`` placeholders with checked identifiers (labels / relationship types)."""
    for value in slots.values():
        if not _IDENT.match(value):
            raise ValueError(f"{value!r} is not a plain identifier")
    return Query(
        name=f"{template.name}[{','.join(f'{k}={v}' for k, v in sorted(slots.items()))}]",
        text=template.text.format(**slots),
        params=template.params,
        variants={d: t.format(**slots) for d, t in template.variants.items()},
        write=template.write,
    )


# ----------------------------------------------------------------------------- generic store queries
COUNT_LABELS = q(
    "store.count_labels",
    "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label",
)
COUNT_RELS = q(
    "store.count_rels",
    "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type",
)
# Properties a record sets to null are removed one per SET (``row.nulls``: one single-key map each): FalkorDB
# 4.x removes the wrong properties when one ``SET n += map`` holds several nulls (measured: of an Item's seven
# safeguards set to null but ``remote_disable`` kept true, it dropped ``remote_disable`` and kept ``geofencing``;
# Neo4j removed exactly the null ones). tests/e2e/test_demo_neo4j.py caught it through the item register.
MERGE_NODES = templated(
    "store.merge_nodes",
    "UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props "
    "WITH n, row UNWIND row.nulls AS gone SET n += gone",
    "rows",
    write=True,
)
MERGE_RELS = templated(
    "store.merge_rels",
    "UNWIND $rows AS row "
    "MATCH (a:{source} {{id: row.source}}) MATCH (b:{target} {{id: row.target}}) "
    "MERGE (a)-[r:{type} {{key: row.key}}]->(b) SET r += row.props "
    "WITH r, row UNWIND row.nulls AS gone SET r += gone",
    "rows",
    write=True,
)
DELETE_NODES = templated(
    "store.delete_nodes",
    "UNWIND $ids AS id MATCH (n:{label} {{id: id}}) DETACH DELETE n",
    "ids",
    write=True,
)
GET_NODE = templated(
    "store.get_node",
    "MATCH (n:{label} {{id: $id}}) RETURN properties(n) AS props",
    "id",
)
# The dump pages with SKIP/LIMIT, so its order must be total: ties would let a row fall between two pages (lost
# or read twice) and let the engines return the same graph in different orders (GraphML numbers edges in order).
# A node is (id, labels); a relationship (source, type, target, key), the identity merge_rels writes.
DUMP_NODES = q(
    "store.dump_nodes",
    "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id, labels "
    "SKIP $skip LIMIT $limit",
    "skip",
    "limit",
)
DUMP_RELS = q(
    "store.dump_rels",
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props "
    "ORDER BY source, type, target, r.key SKIP $skip LIMIT $limit",
    "skip",
    "limit",
)
CREATE_INDEX = templated(
    "store.create_index",
    "CREATE INDEX FOR (n:{label}) ON (n.id)",
    neo4j="CREATE CONSTRAINT {lower}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE",
)
CREATE_REL_INDEX = templated(
    "store.create_rel_index",
    "CREATE INDEX FOR ()-[r:{type}]-() ON (r.key)",
    neo4j="CREATE INDEX {lower}_key IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.key)",
)
# one transaction per batch: Neo4j refuses a single transaction deleting a 100k-node graph with a 768 MB heap
# (MemoryPoolOutOfMemoryError, dbms.memory.transaction.total.max; measured with benchmarks/engines.py)
CLEAR_RELS_BATCH = q(
    "store.clear_rels_batch",
    "MATCH ()-[r]->() WITH r LIMIT $limit DELETE r RETURN count(*) AS deleted",
    "limit",
    write=True,
)
CLEAR_BATCH = q(
    "store.clear_batch",
    "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted",
    "limit",
    write=True,
)

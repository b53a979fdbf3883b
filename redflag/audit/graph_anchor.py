"""The screening log's anchor in the graph: one ``AuditAnchor`` node per chain name, only ever moved forward.

A second copy of the state file's anchor (:mod:`redflag.audit.anchor`) in a different store, so that deleting the
newest log entries and rewinding the state file is still detected. Written by the screening services whenever
they append with a graph open; it may lag behind the state file, never run ahead of an untouched log.
"""

from __future__ import annotations

from graph.queries import q
from graph.store import GraphStore
from redflag.audit.anchor import Anchor

PUT_ANCHOR = q(
    "audit.put_anchor",
    "MERGE (a:AuditAnchor {id: $name}) "
    "WITH a WHERE a.count IS NULL OR (a.log_id = $log_id AND a.count < $count) "
    "SET a.name = $name, a.count = $count, a.head = $head, a.log_id = $log_id, a.keyed_from = $keyed_from, "
    "a.at = $at, a.mac = $mac RETURN a.id AS id",
    "name", "count", "head", "log_id", "keyed_from", "at", "mac",
    write=True,
)
GET_ANCHOR = q(
    "audit.get_anchor",
    "MATCH (a:AuditAnchor {id: $name}) RETURN properties(a) AS a",
    "name",
)


def put_anchor(store: GraphStore, anchor: Anchor) -> None:
    """Record a (signed) anchor unless the graph holds a newer one of the same log, or one of another log (a
    replaced log never takes the anchor over; ``screening-verify`` reports it)."""
    store.run(PUT_ANCHOR, anchor.to_dict())


def get_anchor(store: GraphStore, name: str) -> Anchor | None:
    rows = store.run(GET_ANCHOR, {"name": name})
    if not rows:
        return None
    props = dict(rows[0]["a"])
    try:
        return Anchor.from_dict(props)
    except (KeyError, TypeError, ValueError):
        return Anchor(name, 0, "", mac="")  # a damaged node: fails its MAC check with one clear line

"""Every query a flag evaluation or a path search sends starts from an index, not from a scan of a label.

A scan of every Event or Finding costs time in proportion to the whole graph: written as one pattern,
FalkorDB's planner chose exactly that for the event lookups, and a flag evaluation on a 100k-node world
spent half its time there. The check reads the server's plan (EXPLAIN), so it holds whatever the timings.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import rules_world as W

from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from redflag.paths import find_paths
from redflag.rules.engine import evaluate

SCANS = ("Label Scan", "All Node Scan")


def queries_sent(store: FalkorDBStore, action: Any) -> dict[str, tuple[Query, dict[str, Any]]]:
    sent: dict[str, tuple[Query, dict[str, Any]]] = {}
    real_run = store.run

    def recording_run(query: Query, params: Any = None) -> Any:
        sent.setdefault(query.name, (query, dict(params or {})))
        return real_run(query, params)

    store.run = recording_run  # type: ignore[method-assign]
    try:
        action()
    finally:
        del store.run  # back to the class's method
    return sent


def scans_in_plan(store: FalkorDBStore, query: Query, params: dict[str, Any]) -> list[str]:
    plan = store._graph.explain(query.for_dialect(store.dialect), params)
    return [line.strip() for line in str(plan).splitlines() if any(s in line for s in SCANS)]


def test_flag_evaluation_and_path_search_never_scan_a_whole_label(falkordb_store: FalkorDBStore) -> None:
    W.diversion_world(falkordb_store)
    sent = queries_sent(
        falkordb_store,
        lambda: (
            evaluate(falkordb_store, "DIV", as_of=date(2026, 12, 1)),
            find_paths(falkordb_store, transaction_id="DIV", max_depth=4),
        ),
    )
    assert {"flags.events_of_entity", "flags.events_of_country", "flags.finding_states",
            "paths.target_abuses"} <= set(sent)  # fmt: skip
    scanning = {name: scans for name, (q, p) in sent.items() if (scans := scans_in_plan(falkordb_store, q, p))}
    assert scanning == {}

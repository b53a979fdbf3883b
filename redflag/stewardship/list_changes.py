"""Monitoring alerts for list refreshes that touch a deal's parties.

A list refresh that adds, removes or changes an entry (``redflag changes``: names, aliases, programmes,
identifiers, countries, addresses) matters to a monitored deal when the entry is one of the deal's parties, or is
linked to a party by a ``SAME_AS`` or ``POSSIBLY_SAME_AS`` edge that nobody judged "different" or rejected. A
new finding is alerted by :func:`redflag.stewardship.monitoring.evaluate_monitored` already; these alerts also
cover what does not change a finding, such as a delisting, a new alias or a programme moved, which BIS's
know-your-customer guidance (15 CFR Part 732, Supplement 3) and EU Regulation 2021/821 art. 5 expect an exporter
to notice while it still supports the item.

The window is each list's latest refresh against the one before it (the first load of a list is not a change).
An alert's id is derived from the transaction, the entry and the time the refresh was stored, so a change is
alerted once however often monitoring runs.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from crawler.archive import Archive
from graph.queries import q
from graph.store import GraphStore
from redflag.services.changes import EntryChange, archive_changes
from redflag.stewardship.alerts import AlertCandidate, alert_id, store_alerts
from redflag.stewardship.config import AlertSettings

RULE = "LIST-CHANGE"
"""The alerts' rule code (they are not red-flag findings of the catalog; they point at the list entry)."""

PARTY_RECORDS = q(
    "stewardship.party_list_records",
    "MATCH (t:Transaction)-[h:HAS_PARTY]->(p:Entity) WHERE t.id IN $ids "
    "OPTIONAL MATCH (p)-[s:SAME_AS|POSSIBLY_SAME_AS]-(o:Entity) "
    "WHERE coalesce(s.status, '') <> 'rejected' AND coalesce(s.judgement, '') <> 'different' "
    "RETURN t.id AS tx, p.id AS party, p.name AS name, h.role AS role, o.id AS other, type(s) AS link "
    "ORDER BY tx, party, role, other",
    "ids",
)

SEVERITY = {"added": "high", "removed": "medium"}
"""An entry added (a party newly listed) is high; a delisting or a changed entry is medium: review whether the
findings that rest on it still hold."""


def _how(link: str | None) -> str:
    if link is None:
        return "is"
    return "is the same as" if link == "SAME_AS" else "is possibly the same as (a candidate, not confirmed)"


def _detail(change: EntryChange) -> str:
    parts = []
    for f in change.fields:
        values = [*(f"+{v}" for v in f.added), *(f"-{v}" for v in f.removed)]
        parts.append(f"{f.field}: " + ", ".join(values))
    return "; ".join(parts)


def touched_parties(store: GraphStore, transactions: list[str]) -> dict[str, list[tuple[str, str, str, str | None]]]:
    """entity id -> [(transaction, party name, roles, link)] for each party's own record (link None) and each
    record linked to a party; a party's roles in one deal are joined ("customer, payer")."""
    roles: dict[tuple[str, str, str, str | None], list[str]] = defaultdict(list)
    if not transactions:
        return {}
    for r in store.run(PARTY_RECORDS, {"ids": transactions}):
        tx, name, role = str(r["tx"]), str(r["name"] or r["party"]), str(r["role"] or "party")
        keys: list[tuple[str, str, str, str | None]] = [(str(r["party"]), tx, name, None)]
        if r["other"] is not None:
            keys.append((str(r["other"]), tx, name, str(r["link"])))
        for key in keys:
            if role not in roles[key]:
                roles[key].append(role)
    out: dict[str, list[tuple[str, str, str, str | None]]] = defaultdict(list)
    for (entity, tx, name, link), rs in roles.items():
        out[entity].append((tx, name, ", ".join(rs), link))
    return out


def refreshed_entries(archive: Archive) -> list[EntryChange]:
    """Entries added, removed or changed by each list's latest refresh (lists loaded once are left out)."""
    keys = {s["key"] for s in archive.list_sets()}
    refreshed = {k for k in keys if len(archive.list_sets(k)) > 1}
    return [e for e in archive_changes(archive).entries if e.source_id in refreshed]


def list_change_alerts(
    store: GraphStore, archive: Archive, transactions: list[str], cfg: AlertSettings
) -> list[dict[str, Any]]:
    """Record an alert for each list entry changed by the latest refresh that touches a party of TRANSACTIONS;
    returns the alerts recorded now (those recorded by an earlier run are not repeated)."""
    parties = touched_parties(store, transactions)
    by_tx: dict[str, list[AlertCandidate]] = defaultdict(list)
    for change in refreshed_entries(archive):
        for tx, name, role, link in parties.get(change.entity_id, []):
            detail = _detail(change)
            explanation = (
                f"{name} ({role}) {_how(link)} the list entry {change.name} ({change.entity_id}, {change.dataset}), "
                f"which the refresh of {change.at} {change.change}" + (f": {detail}" if detail else "") + "."
            )
            by_tx[tx].append(
                AlertCandidate(
                    id=alert_id(tx, f"list:{change.source_id}:{change.entity_id}", change.at),
                    rule=RULE,
                    title=f"List entry {change.change}: {change.name}",
                    severity=SEVERITY.get(change.change, "medium"),
                    change=change.change,
                    explanation=explanation,
                    concerns=("Entity", change.entity_id),
                )
            )
    out: list[dict[str, Any]] = []
    for tx in sorted(by_tx):
        out += store_alerts(store, tx, by_tx[tx], cfg)
    return out

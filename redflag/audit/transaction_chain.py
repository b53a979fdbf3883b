"""The audit chain of one transaction: its resolutions (of its findings) and decisions, in the graph.

Each ``Resolution`` and ``Decision`` node written by :mod:`redflag.services.findings` carries

- ``chain_tx``: the transaction whose chain it belongs to;
- ``chain_seq``: its position (1, 2, ...) in that chain;
- ``chain_legacy``: how many records of the transaction had no MAC when the chain began (see below);
- ``prev_mac``: the ``mac`` of record ``chain_seq - 1`` (64 zeros for the first);
- ``mac``: HMAC-SHA256 under the audit key (:mod:`redflag.audit.keys`) of the record's kind, id, transaction,
  subject (finding or transaction), status or decision, reason, by, at, resolution seq, the chain fields above
  and ``prev_mac``.

A direct edit of any of those properties, a record removed from the middle or inserted, fails the check at that
record ("broken at record N"). The newest (count, head) of each transaction's chain is an anchor in the state
file outside the graph (:mod:`redflag.audit.anchor`, name ``transaction:<id>``), so deleting the newest records
is detected too. Records written before this chain existed (no ``mac``) are reported as unkeyed legacy records;
their number is fixed by the first keyed record's ``chain_legacy``, so a record added or removed among them later
is detected as well.
"""

from __future__ import annotations

import hmac
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from graph.queries import q
from graph.store import GraphStore
from redflag.audit.anchor import Anchor, AnchorError, advance, check, read_anchors
from redflag.audit.keys import AuditKey

GENESIS = "0" * 64

CHAIN_RESOLUTIONS = q(
    "audit.chain_resolutions",
    "MATCH (r:Resolution)-[:RESOLVES]->(f:Finding)-[:CONCERNS]->(t:Transaction {id: $tx}) "
    "RETURN f.id AS subject, properties(r) AS p",
    "tx",
)
CHAIN_DECISIONS = q(
    "audit.chain_decisions",
    "MATCH (d:Decision)-[:DECIDES]->(t:Transaction {id: $tx}) RETURN t.id AS subject, properties(d) AS p",
    "tx",
)


def anchor_name(tx_id: str) -> str:
    return f"transaction:{tx_id}"


def records(store: GraphStore, tx_id: str) -> list[dict[str, Any]]:
    """Every resolution and decision of the transaction, each with ``kind`` and ``subject``; keyed ones in chain
    order after the unkeyed legacy ones (oldest first)."""
    out = [{**dict(r["p"]), "kind": "resolution", "subject": r["subject"]}
           for r in store.run(CHAIN_RESOLUTIONS, {"tx": tx_id})]
    out += [{**dict(r["p"]), "kind": "decision", "subject": r["subject"]}
            for r in store.run(CHAIN_DECISIONS, {"tx": tx_id})]
    return sorted(out, key=lambda r: (r.get("chain_seq") is not None, int(r.get("chain_seq") or 0),
                                      str(r.get("at") or ""), str(r.get("id"))))


def _parts(kind: str, props: dict[str, Any], subject: str) -> tuple[str, ...]:
    return (
        kind, str(props.get("id", "")), str(props.get("chain_tx", "")), subject,
        str(props.get("status") if kind == "resolution" else props.get("decision", "")),
        str(props.get("reason", "")), str(props.get("by", "")), str(props.get("at", "")),
        str(props.get("seq", "")), str(props.get("chain_seq", "")), str(props.get("chain_legacy", "")),
        str(props.get("prev_mac", "")),
    )


def seal(store: GraphStore, key: AuditKey, tx_id: str, kind: str, props: dict[str, Any], subject: str) -> dict[str, Any]:
    """``props`` with the chain fields and MAC of the next record of ``tx_id``'s chain."""
    existing = records(store, tx_id)
    keyed = [r for r in existing if r.get("mac")]
    legacy = len(existing) - len(keyed)
    head = keyed[-1] if keyed else None
    linked = {**props, "chain_tx": tx_id, "chain_seq": (int(head["chain_seq"]) + 1) if head else 1,
              "chain_legacy": int(head.get("chain_legacy") or 0) if head else legacy,
              "prev_mac": str(head["mac"]) if head else GENESIS}
    return {**linked, "mac": key.mac(*_parts(kind, linked, subject))}


def anchor_after(anchor_file: Path, key: AuditKey, tx_id: str, sealed: dict[str, Any]) -> None:
    """Move the transaction's anchor forward to the record just written."""
    advance(anchor_file, Anchor(anchor_name(tx_id), int(sealed["chain_seq"]), str(sealed["mac"]),
                                keyed_from=int(sealed["chain_legacy"]) + 1, at=str(sealed.get("at", ""))), key)


@dataclass
class ChainStatus:
    """How the chain of one transaction checks out: ``state`` is ``intact``, ``broken`` or ``empty``."""

    transaction: str
    state: str
    records: int
    legacy: int
    head: str
    problem: str | None = None
    broken_at: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def text(self) -> str:
        """One line for a report or the terminal."""
        legacy = f"; {self.legacy} unkeyed legacy record(s) before it" if self.legacy else ""
        if self.state == "broken":
            return f"BROKEN at record {self.broken_at}: {self.problem}"
        if self.state == "empty":
            return ("no resolution or decision recorded yet" if not self.legacy else
                    f"{self.legacy} unkeyed legacy record(s) only, from before the audit chain (not verifiable)")
        return f"intact: {self.records} keyed record(s), head {self.head}{legacy}"


def verify(store: GraphStore, tx_id: str, key: AuditKey, anchor_file: Path | None) -> ChainStatus:
    """Check the transaction's chain record by record and against its anchor; the first problem is kept."""
    rows = records(store, tx_id)
    keyed = [r for r in rows if r.get("mac") or r.get("chain_seq") is not None]
    legacy = len(rows) - len(keyed)
    status = ChainStatus(tx_id, "intact" if keyed else "empty", len(keyed), legacy,
                         str(keyed[-1]["mac"]) if keyed else GENESIS)

    def broken(n: int, record: dict[str, Any] | None, problem: str) -> ChainStatus:
        what = f"{record['kind']} {record.get('id')}: " if record else ""
        status.state, status.broken_at, status.problem = "broken", n, what + problem
        return status

    prev = GENESIS
    heads: dict[int, str] = {}
    for n, r in enumerate(keyed, 1):
        if int(r.get("chain_seq") or 0) != n or str(r.get("prev_mac")) != prev:
            return broken(n, r, "does not follow the record before it (a record was removed or inserted)")
        if str(r.get("chain_tx")) != tx_id:
            return broken(n, r, f"belongs to the chain of transaction {r.get('chain_tx')!r}")
        expected = key.mac(*_parts(str(r["kind"]), r, str(r["subject"])))
        if not hmac.compare_digest(expected, str(r.get("mac") or "")):
            return broken(n, r, "content does not match its MAC (changed after it was recorded)")
        if int(r.get("chain_legacy") or 0) != legacy:
            return broken(n, r, f"{legacy} unkeyed record(s) now, {r.get('chain_legacy')} when the chain began "
                                "(a record without a MAC was added or removed)")
        heads[n] = str(r["mac"])
        prev = str(r["mac"])
    if anchor_file is not None:
        try:
            anchor = read_anchors(anchor_file).get(anchor_name(tx_id))
        except AnchorError as exc:
            return broken(len(keyed), None, str(exc))
        if anchor is None and keyed:
            return broken(len(keyed), None, f"the anchor file {anchor_file} has no anchor for this transaction "
                                            "though it has keyed records: the anchor was removed")
        if anchor is not None:
            problem = check(anchor, key, f"the anchor file {anchor_file}", "", len(keyed), heads,
                            ("record", "records", "chain"))
            if problem:
                return broken(min(anchor.count, len(keyed) + 1), None, problem)
    return status

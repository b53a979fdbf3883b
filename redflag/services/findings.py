"""Findings in the graph: stored idempotently, resolved append-only, decided, and monitored.

* ``persist_findings`` writes each finding as a ``Finding`` node keyed by its stable id, with ``CONCERNS``
  edges to the transaction and to the parties. Re-evaluation updates the node (``last_seen``; ``changed_at``
  when its content changed); a finding that no longer fires is kept and marked ``active = false``.
* ``resolve`` appends a ``Resolution`` node (``RESOLVES`` the finding). There is deliberately no function
  that edits or deletes a resolution: a later judgement is a new resolution, and the history is the audit trail.
* ``record_decision`` appends a ``Decision`` node (``DECIDES`` the transaction).
* Both are links of the transaction's audit chain (:mod:`redflag.audit.transaction_chain`): each carries the MAC
  of the record before it and its own, under the audit key; with ``settings`` the chain's anchor in
  ``<data_dir>/state/audit-anchor.json`` moves forward too (the CLI always passes them).
* ``changes_since_review`` / ``mark_reviewed`` drive monitoring after shipment.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.store import GraphStore, NodeRecord, RelRecord
from ontology import vocab
from redflag.audit import transaction_chain
from redflag.audit.keys import AuditKey, load_audit_key
from redflag.rules import queries as Q
from redflag.rules.engine import FlagReport
from redflag.settings import Settings, load_settings

RESOLUTION_STATUSES = ("confirmed", "dismissed", "mitigated")


class FindingError(ValueError):
    """A resolution or decision that cannot be recorded (unknown id, bad status, missing reason)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def fingerprint(finding: dict[str, Any]) -> str:
    """What makes a finding 'changed': its severity, parties, explanation and cited evidence."""
    basis = {
        "severity": finding["severity"],
        "parties": finding["parties"],
        "explanation": finding["explanation"],
        "evidence": sorted(json.dumps(e, sort_keys=True) for e in finding["evidence"]),
    }
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()[:16]


def stored_findings(store: GraphStore, tx_id: str) -> dict[str, dict[str, Any]]:
    return {r["f"]["id"]: dict(r["f"]) for r in store.run(Q.FINDING_STATES, {"tx": tx_id})}


def persist_findings(store: GraphStore, report: FlagReport, *, at: str | None = None) -> dict[str, list[str]]:
    """Store the report's findings, and its score, band, hard stop and breakdown on the transaction.

    Returns the ids of findings that are new, changed, unchanged and gone.
    """
    now = at or _now()
    tx_id = str(report.transaction["id"])
    before = stored_findings(store, tx_id)
    nodes, rels = [], []
    outcome: dict[str, list[str]] = {"new": [], "changed": [], "unchanged": [], "gone": []}
    seen = set()
    for f in report.findings:
        d = f.to_dict()
        fp = fingerprint(d)
        old = before.get(f.id)
        seen.add(f.id)
        if old is None:
            outcome["new"].append(f.id)
            first_seen, changed_at = now, now
        else:
            first_seen = str(old.get("first_seen") or now)
            changed = old.get("fingerprint") != fp or old.get("active") is False
            changed_at = now if changed else str(old.get("changed_at") or first_seen)
            outcome["changed" if changed else "unchanged"].append(f.id)
        nodes.append(
            NodeRecord(
                "Finding",
                f.id,
                {
                    "rule": f.rule,
                    "title": f.title,
                    "severity": d["severity"],
                    "catalog_severity": f.severity,
                    "hard_stop": f.hard_stop,
                    "hard_stop_reason": f.hard_stop_reason,
                    "family": f.family,
                    "consideration": f.consideration,
                    "transaction_id": tx_id,
                    "parties": d["parties"],
                    "evidence": json.dumps(d["evidence"], ensure_ascii=False),
                    "path": json.dumps(d["path"], ensure_ascii=False),
                    "details": json.dumps(d["details"], ensure_ascii=False),
                    "explanation": f.explanation,
                    "confidence": d["confidence"],
                    "status": str((old or {}).get("status") or "open"),
                    "fingerprint": fp,
                    "first_seen": first_seen,
                    "changed_at": changed_at,
                    "last_seen": now,
                    "active": True,
                },
            )
        )
        rels.append(RelRecord("CONCERNS", "Finding", f.id, "Transaction", tx_id))
        rels += [RelRecord("CONCERNS", "Finding", f.id, "Entity", p) for p in f.parties]
    b = report.breakdown
    nodes.append(
        NodeRecord(
            "Transaction",
            tx_id,
            {
                "risk_score": b.score,
                "risk_band": b.band,
                "hard_stop": b.hard_stop,
                "score_breakdown": json.dumps(b.to_dict(), ensure_ascii=False),
                "scored_at": now,
                "lists_judged_on": report.list_date,
            },
        )
    )
    for fid, old in before.items():
        if fid not in seen and old.get("active") is not False:
            outcome["gone"].append(fid)
            nodes.append(NodeRecord("Finding", fid, {"active": False, "changed_at": now}))
    store.merge_nodes(nodes)
    store.merge_rels(rels)
    return outcome


def _finding(store: GraphStore, finding_id: str) -> dict[str, Any]:
    node = store.get_node("Finding", finding_id)
    if node is None:
        raise FindingError(f"no finding with id {finding_id!r}; run `redflag flags --transaction ...` first")
    return node


def _chain(settings: Settings | None) -> tuple[AuditKey, Path | None]:
    """The audit key, and the anchor file (None without ``settings``: the key then comes from the environment)."""
    cfg = settings or load_settings()
    return load_audit_key(cfg), (settings.audit_anchor_file if settings is not None else None)


def resolve(
    store: GraphStore, finding_id: str, status: str, reason: str, by: str, *, at: str | None = None,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Append a resolution to a finding (who, when, why), chained into its transaction's audit chain.
    Earlier resolutions are never changed."""
    if status not in RESOLUTION_STATUSES:
        raise FindingError(f"status {status!r} is not one of {', '.join(RESOLUTION_STATUSES)}")
    if not reason or not reason.strip():
        raise FindingError("a resolution needs a reason (--reason)")
    if not by or not by.strip():
        raise FindingError("a resolution needs the analyst's name (--by)")
    finding = _finding(store, finding_id)
    key, anchor_file = _chain(settings)
    tx_id = str(finding.get("transaction_id") or "")
    seq = int(store.run(Q.COUNT_RESOLUTIONS, {"id": finding_id})[0]["n"]) + 1
    rid = f"R-{uuid.uuid4().hex[:16]}"
    when = at or _now()
    props = {"id": rid, "status": status, "reason": reason.strip(), "by": by.strip(), "at": when, "seq": seq}
    sealed = transaction_chain.seal(store, key, tx_id, "resolution", props, finding_id)
    store.run(Q.CREATE_RESOLUTION, {**sealed, "finding": finding_id, "key": f"{rid}|RESOLVES|{finding_id}"})
    if anchor_file is not None:
        transaction_chain.anchor_after(anchor_file, key, tx_id, sealed)
    return {
        "id": rid,
        "finding": finding_id,
        "status": status,
        "reason": reason.strip(),
        "by": by.strip(),
        "at": when,
        "seq": seq,
    }


def resolutions(store: GraphStore, finding_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every resolution of each finding, oldest first."""
    out: dict[str, list[dict[str, Any]]] = {f: [] for f in finding_ids}
    for r in store.run(Q.RESOLUTIONS_OF, {"ids": finding_ids}):
        out.setdefault(r["fid"], []).append(dict(r["r"]))
    for rows in out.values():
        rows.sort(key=lambda r: (str(r.get("at")), int(r.get("seq") or 0)))
    return out


def record_decision(
    store: GraphStore, tx_id: str, decision: str, reason: str, by: str, *, at: str | None = None,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Append a decision on a transaction (proceed / proceed_with_safeguards / refuse / hold)."""
    allowed = sorted(vocab.decision_values())
    if decision not in allowed:
        raise FindingError(f"decision {decision!r} is not one of {', '.join(allowed)}")
    if not reason or not reason.strip():
        raise FindingError("a decision needs a reason (--reason)")
    if not by or not by.strip():
        raise FindingError("a decision needs the decider's name (--by)")
    if store.get_node("Transaction", tx_id) is None:
        raise FindingError(f"no transaction with id {tx_id!r}")
    key, anchor_file = _chain(settings)
    did = f"D-{uuid.uuid4().hex[:16]}"
    when = at or _now()
    props = {"id": did, "decision": decision, "reason": reason.strip(), "by": by.strip(), "at": when}
    sealed = transaction_chain.seal(store, key, tx_id, "decision", props, tx_id)
    store.run(Q.CREATE_DECISION, {**sealed, "tx": tx_id, "key": f"{did}|DECIDES|{tx_id}"})
    if anchor_file is not None:
        transaction_chain.anchor_after(anchor_file, key, tx_id, sealed)
    return {
        "id": did,
        "transaction": tx_id,
        "decision": decision,
        "reason": reason.strip(),
        "by": by.strip(),
        "at": when,
    }


def decisions(store: GraphStore, tx_id: str) -> list[dict[str, Any]]:
    rows = [dict(r["d"]) for r in store.run(Q.DECISIONS_OF, {"tx": tx_id})]
    return sorted(rows, key=lambda d: str(d.get("at")))


def changes_since_review(store: GraphStore, tx_id: str) -> dict[str, Any]:
    """Findings new or changed since the transaction's last review (all of them if never reviewed)."""
    tx = store.get_node("Transaction", tx_id)
    if tx is None:
        raise FindingError(f"no transaction with id {tx_id!r}")
    since = str(tx.get("last_review_at") or "")
    new, changed, gone = [], [], []
    for f in stored_findings(store, tx_id).values():
        first = str(f.get("first_seen") or "")
        moved = str(f.get("changed_at") or "")
        if f.get("active") is False:
            if moved > since:
                gone.append(f)
        elif first > since:
            new.append(f)
        elif moved > since:
            changed.append(f)
    key = lambda f: str(f["id"])  # noqa: E731
    return {
        "transaction": tx_id,
        "since": since or None,
        "new": sorted(new, key=key),
        "changed": sorted(changed, key=key),
        "gone": sorted(gone, key=key),
    }


def mark_reviewed(store: GraphStore, tx_id: str, by: str, *, at: str | None = None) -> str:
    """Record that the transaction's findings were reviewed now (the baseline for ``changes_since_review``)."""
    if store.get_node("Transaction", tx_id) is None:
        raise FindingError(f"no transaction with id {tx_id!r}")
    when = at or _now()
    store.run(Q.SET_TRANSACTION_PROPS, {"tx": tx_id, "props": {"last_review_at": when, "last_review_by": by}})
    return when


def answer_checklist(
    store: GraphStore, tx_id: str, flag_id: str, answer: str, by: str, note: str = ""
) -> dict[str, Any]:
    """Store an analyst's yes / no / unknown answer to a checklist flag on the transaction."""
    flag = vocab.red_flag(flag_id)
    if flag.computed_by or not flag.checklist_question:
        raise FindingError(f"{flag_id} is computed by the engine, not a checklist question")
    if answer not in ("yes", "no", "unknown"):
        raise FindingError(f"answer {answer!r} is not yes, no or unknown")
    tx = store.get_node("Transaction", tx_id)
    if tx is None:
        raise FindingError(f"no transaction with id {tx_id!r}")
    try:
        current = json.loads(str(tx.get("checklist") or "{}"))
    except ValueError:
        current = {}
    current[flag_id] = {"answer": answer, "note": note, "by": by, "at": _now()}
    store.run(
        Q.SET_TRANSACTION_PROPS, {"tx": tx_id, "props": {"checklist": json.dumps(current, sort_keys=True)}}
    )
    return current[flag_id]

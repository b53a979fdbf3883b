"""Monitoring alerts: recorded once per finding change, shown in the UI, sent by e-mail and/or webhook.

An alert's id is derived from the transaction, the finding and the moment the finding last changed, so
recording the same change twice creates nothing new. Delivery is tracked per channel on the alert
(``pending`` -> ``sent`` / ``failed: ...``); a failed delivery is retried on the next run, a sent one never.
"""

from __future__ import annotations

import base64
import hashlib
import json
import smtplib
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

from graph.queries import q
from graph.store import GraphStore, NodeRecord, RelRecord
from ontology.redact import redact_text, strip_userinfo, url_userinfo
from redflag.stewardship.config import AlertSettings

EXISTING = q("stewardship.existing_alerts", "UNWIND $ids AS aid MATCH (a:Alert {id: aid}) RETURN a.id AS id", "ids")
ALERTS = q(
    "stewardship.alerts",
    "MATCH (a:Alert) WHERE $tx IS NULL OR a.transaction_id = $tx RETURN properties(a) AS a "
    "ORDER BY a.created_at DESC, a.id",
    "tx",
)
PENDING = q(
    "stewardship.pending_alerts",
    "MATCH (a:Alert) WHERE a.email_status STARTS WITH 'pending' OR a.email_status STARTS WITH 'failed' "
    "OR a.webhook_status STARTS WITH 'pending' OR a.webhook_status STARTS WITH 'failed' "
    "RETURN properties(a) AS a ORDER BY a.created_at, a.id",
)
ALERTS_FIELDS = ("id", "transaction_id", "finding_id", "entity_id", "rule", "title", "severity", "change", "explanation", "created_at")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def alert_id(tx_id: str, finding_id: str, changed_at: str) -> str:
    return "ALR-" + hashlib.sha256(f"{tx_id}|{finding_id}|{changed_at}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class AlertCandidate:
    """An alert to record for one transaction: ``id`` from :func:`alert_id`; ``concerns`` the node it is about
    besides the transaction (label, id), e.g. ("Finding", id) or ("Entity", id)."""

    id: str
    rule: str
    title: str
    severity: str
    change: str
    explanation: str
    concerns: tuple[str, str]


def store_alerts(
    store: GraphStore, tx_id: str, candidates: Sequence[AlertCandidate], cfg: AlertSettings, *, at: str | None = None
) -> list[dict[str, Any]]:
    """Record each candidate not recorded before (by id; the last of equal ids wins); returns those recorded."""
    unique = {c.id: c for c in candidates}
    if not unique:
        return []
    existing = {r["id"] for r in store.run(EXISTING, {"ids": list(unique)})}
    now = at or _now()
    out: list[dict[str, Any]] = []
    nodes, rels = [], []
    for aid, c in unique.items():
        if aid in existing:
            continue
        label, about = c.concerns
        props = {
            "transaction_id": tx_id,
            "finding_id": about if label == "Finding" else "",
            "entity_id": about if label == "Entity" else "",
            "rule": c.rule,
            "title": c.title,
            "severity": c.severity,
            "change": c.change,
            "explanation": c.explanation,
            "created_at": now,
            "email_status": "pending" if cfg.email_enabled else "not configured",
            "webhook_status": "pending" if cfg.webhook_enabled else "not configured",
        }
        nodes.append(NodeRecord("Alert", aid, props))
        rels.append(RelRecord("CONCERNS", "Alert", aid, "Transaction", tx_id))
        rels.append(RelRecord("CONCERNS", "Alert", aid, label, about))
        out.append({"id": aid, **props})
    store.merge_nodes(nodes)
    store.merge_rels(rels)
    return sorted(out, key=lambda a: (a["transaction_id"], a["rule"], a["id"]))


def record_alerts(
    store: GraphStore, changes: dict[str, Any], cfg: AlertSettings, *, at: str | None = None
) -> list[dict[str, Any]]:
    """An alert for each new or changed finding of ``changes`` (from ``changes_since_review``) not alerted yet."""
    tx_id = str(changes["transaction"])
    candidates = [
        AlertCandidate(
            id=alert_id(tx_id, str(f["id"]), str(f.get("changed_at") or f.get("first_seen") or "")),
            rule=str(f.get("rule") or ""),
            title=str(f.get("title") or ""),
            severity=str(f.get("severity") or ""),
            change=kind,
            explanation=str(f.get("explanation") or ""),
            concerns=("Finding", str(f["id"])),
        )
        for kind in ("new", "changed")
        for f in changes.get(kind, [])
    ]
    return store_alerts(store, tx_id, candidates, cfg, at=at)


def list_alerts(store: GraphStore, transaction_id: str | None = None) -> list[dict[str, Any]]:
    return [dict(r["a"]) for r in store.run(ALERTS, {"tx": transaction_id})]


def _public(alert: dict[str, Any]) -> dict[str, Any]:
    return {k: alert.get(k) for k in ALERTS_FIELDS}


def _message_text(alerts: Sequence[dict[str, Any]]) -> str:
    lines = [f"redflag monitoring: {len(alerts)} new or changed finding(s) on shipped transactions.", ""]
    for a in alerts:
        lines.append(f"- {a['transaction_id']}: {a['rule']} {a['title']} ({a['severity']}, {a['change']})")
        lines.append(f"  {a['explanation']}")
    lines += ["", "Review them with: redflag flags --transaction ID --changes"]
    return "\n".join(lines)


def send_email(cfg: AlertSettings, alerts: Sequence[dict[str, Any]]) -> None:
    msg = EmailMessage()
    msg["Subject"] = f"[redflag] {len(alerts)} monitoring alert(s)"
    msg["From"] = cfg.mail_from
    msg["To"] = ", ".join(cfg.mail_to)
    msg.set_content(_message_text(alerts))
    with smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=cfg.timeout) as smtp:
        if cfg.smtp_starttls:
            smtp.starttls()
        if cfg.smtp_user:
            smtp.login(cfg.smtp_user, cfg.smtp_password)
        smtp.send_message(msg)


def post_webhook(cfg: AlertSettings, alerts: Sequence[dict[str, Any]]) -> None:
    """POST the alerts as JSON. Credentials written in the URL (``https://user:token@host/...``) are sent as
    HTTP Basic authentication, not as part of the URL (urllib cannot use them there)."""
    body = json.dumps({"source": "redflag", "alerts": [_public(a) for a in alerts]}, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json; charset=utf-8"}
    creds = url_userinfo(cfg.webhook_url)
    if creds is not None:
        token = base64.b64encode(f"{creds[0]}:{creds[1]}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    req = urllib.request.Request(strip_userinfo(cfg.webhook_url), data=body, method="POST", headers=headers)
    with urllib.request.urlopen(req, timeout=cfg.timeout) as resp:  # noqa: S310 - URL from settings, http(s) only
        if not 200 <= resp.status < 300:
            raise OSError(f"webhook answered HTTP {resp.status}")


def deliver_pending(store: GraphStore, cfg: AlertSettings) -> dict[str, str]:
    """Send every alert still pending (or failed) by each configured channel; record the outcome per alert."""
    pending = [dict(r["a"]) for r in store.run(PENDING)]
    outcome: dict[str, str] = {}
    for channel, enabled, send in (
        ("email", cfg.email_enabled, send_email),
        ("webhook", cfg.webhook_enabled, post_webhook),
    ):
        todo = [a for a in pending if str(a.get(f"{channel}_status") or "").startswith(("pending", "failed"))]
        if not todo or not enabled:
            continue
        try:
            send(cfg, todo)
            status = f"sent {_now()}"
        except (OSError, smtplib.SMTPException, urllib.error.URLError) as exc:
            reason = redact_text(str(exc), cfg.webhook_url, keep_path=False)  # never the webhook's secret
            status = f"failed: {type(exc).__name__}: {reason[:200]}"
        store.merge_nodes(NodeRecord("Alert", str(a["id"]), {f"{channel}_status": status}) for a in todo)
        outcome[channel] = f"{len(todo)} alert(s): {status}"
    return outcome

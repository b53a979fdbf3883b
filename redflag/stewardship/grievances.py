"""The grievance mechanism: intake, unverified evidence in the graph, statuses with an audit trail, receipts.

A grievance is a node labelled ``Grievance`` *and* ``Event`` (type ``abuse``, status ``unverified``): the rules
read it like any other abuse event, with ``PARTICIPANT`` edges to the entities (role ``actor``), items and
countries it names and an ``EVIDENCED_BY`` passage of credibility tier 4 ("unverified"). The passage is also
labelled ``Grievance`` and says only that an unverified report was received (no reporter, no allegation text),
because findings copy their evidence. Everything labelled ``Grievance`` stays out of exports
(redflag/services/exports.py). A grievance found substantiated turns its event ``confirmed``; one found not
substantiated turns it ``rejected`` (the rules then ignore it).

Every change of status is an appended step (``Grievance`` node of kind ``step``, ``HAS_STEP``) with who,
when, why, and the actions taken; steps are never edited. The reporter's contact is kept apart
(:mod:`redflag.stewardship.contacts`); the graph holds only a hash of the receipt code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import statistics
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.queries import q
from graph.store import GraphStore, RelRecord
from ontology.names import normalize_name, strip_legal_forms
from redflag.stewardship.contacts import store_contact
from redflag.stewardship.intake import Submission

CHANNELS = ("web_form", "email", "phone", "hotline", "letter", "in_person", "other")
STATUSES = ("received", "acknowledged", "investigating", "substantiated", "not_substantiated", "remedied")
CLOSED = ("not_substantiated", "remedied")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("acknowledged",),
    "acknowledged": ("investigating", "not_substantiated"),
    "investigating": ("substantiated", "not_substantiated"),
    "substantiated": ("remedied", "investigating"),
    "not_substantiated": ("investigating",),
    "remedied": ("investigating",),
}
ACTIONS = (
    "customer_contacted",
    "updates_denied",
    "support_suspended",
    "training_stopped",
    "contract_terminated",
    "item_disabled",
    "licence_revoked",
    "authorities_notified",
    "other",
)
EVENT_STATUS = {"substantiated": "confirmed", "remedied": "confirmed", "not_substantiated": "rejected"}
PUBLIC_STATUS = {
    "received": "Received: your report is waiting to be acknowledged.",
    "acknowledged": "Acknowledged: your report has been read and will be looked into.",
    "investigating": "Under investigation.",
    "substantiated": "Investigated: the concern was found to be substantiated; action is being taken.",
    "not_substantiated": "Investigated: the concern could not be substantiated.",
    "remedied": "Closed: the concern was substantiated and action has been taken.",
}

# ------------------------------------------------------------------------------------------ queries
CREATE_GRIEVANCE = q(
    "stewardship.create_grievance",
    "MERGE (g:Grievance {id: $id}) SET g:Event SET g += $props RETURN g.id AS id",
    "id",
    "props",
    write=True,
)
CREATE_PASSAGE = q(
    "stewardship.create_grievance_passage",
    "MERGE (p:Passage {id: $id}) SET p:Grievance SET p += $props RETURN p.id AS id",
    "id",
    "props",
    write=True,
)
SET_GRIEVANCE = q(
    "stewardship.set_grievance",
    "MATCH (g:Grievance {id: $id}) WHERE g.kind = 'report' SET g += $props RETURN g.id AS id",
    "id",
    "props",
    write=True,
)
APPEND_STEP = q(
    "stewardship.append_grievance_step",
    "MATCH (g:Grievance {id: $gid}) WHERE g.kind = 'report' "
    "CREATE (s:Grievance {id: $sid}) SET s += $props "
    "CREATE (g)-[:HAS_STEP {key: $key}]->(s) RETURN s.id AS id",
    "gid",
    "sid",
    "props",
    "key",
    write=True,
)
GRIEVANCES = q(
    "stewardship.grievances",
    "MATCH (g:Grievance) WHERE g.kind = 'report' RETURN properties(g) AS g ORDER BY g.received_at DESC, g.id",
)
GRIEVANCE = q(
    "stewardship.grievance",
    "MATCH (g:Grievance {id: $id}) WHERE g.kind = 'report' "
    "OPTIONAL MATCH (g)-[p:PARTICIPANT]->(x) "
    "WITH g, collect(DISTINCT {role: p.role, id: x.id, name: coalesce(x.name, x.id), "
    "label: head(labels(x))}) AS named "
    "OPTIONAL MATCH (g)-[:CONCERNS]->(t:Transaction) "
    "RETURN properties(g) AS g, named, collect(DISTINCT t.id) AS transactions",
    "id",
)
STEPS = q(
    "stewardship.grievance_steps",
    "MATCH (g:Grievance {id: $id})-[:HAS_STEP]->(s:Grievance) RETURN properties(s) AS s ORDER BY s.seq",
    "id",
)
BY_RECEIPT = q(
    "stewardship.grievance_by_receipt",
    "MATCH (g:Grievance) WHERE g.kind = 'report' AND g.receipt_hash = $hash "
    "RETURN g.grievance_status AS status, g.received_at AS received_at, g.acknowledged_at AS acknowledged_at, "
    "g.closed_at AS closed_at, g.updated_at AS updated_at, g.public_note AS public_note",
    "hash",
)
CURATED_NAMES = q(
    "stewardship.curated_names",
    "MATCH (e:Entity) WHERE e.status = 'curated' RETURN e.id AS id, e.name AS name, e.aliases AS aliases",
)
ITEM_NAMES = q("stewardship.item_names", "MATCH (i:Item) RETURN i.id AS id, i.name AS name")
COUNTRY_NAMES = q(
    "stewardship.country_names",
    "MATCH (c:Country) RETURN c.id AS id, c.name AS name, c.aliases AS aliases, c.capitals AS capitals",
)
NODE_EXISTS = q(
    "stewardship.node_exists",
    "UNWIND $ids AS nid OPTIONAL MATCH (e:Entity {id: nid}) OPTIONAL MATCH (i:Item {id: nid}) "
    "OPTIONAL MATCH (c:Country {id: nid}) OPTIONAL MATCH (t:Transaction {id: nid}) "
    "RETURN nid AS id, e IS NOT NULL AS entity, i IS NOT NULL AS item, c IS NOT NULL AS country, "
    "t IS NOT NULL AS transaction",
    "ids",
)
AFFECTED = q(
    "stewardship.affected_transactions",
    "MATCH (g:Grievance {id: $id}) WHERE g.kind = 'report' "
    "OPTIONAL MATCH (g)-[:CONCERNS]->(t0:Transaction) "
    "OPTIONAL MATCH (g)-[:PARTICIPANT]->(:Item)<-[:INCLUDES]-(t1:Transaction) "
    "OPTIONAL MATCH (g)-[:PARTICIPANT]->(:Country)<-[:DESTINED_FOR]-(t2:Transaction) "
    "OPTIONAL MATCH (g)-[:PARTICIPANT]->(e:Entity)-[:SUPPLIED|OWNS|LINKED_TO|SAME_AS|POSSIBLY_SAME_AS*0..3]-"
    "(:Entity)<-[:HAS_PARTY]-(t3:Transaction) "
    "WITH collect(DISTINCT t0.id) + collect(DISTINCT t1.id) + collect(DISTINCT t2.id) + collect(DISTINCT t3.id) AS ids "
    "UNWIND ids AS tid RETURN DISTINCT tid AS id ORDER BY id",
    "id",
)


class GrievanceError(ValueError):
    """A grievance operation that cannot be done; the message says what was wrong."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_receipt() -> str:
    """A receipt code: 120 random bits in six groups of four letters/digits (e.g. K7QF-...)."""
    raw = base64.b32encode(secrets.token_bytes(15)).decode().rstrip("=")
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


def receipt_hash(code: str) -> str:
    norm = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(f"redflag-receipt:{norm}".encode()).hexdigest()


def _key(name: str) -> str:
    stripped, _ = strip_legal_forms(name)
    return normalize_name(stripped or name)


@dataclass
class Named:
    """What a grievance names, as graph ids (matched from the names given, or chosen by staff)."""

    entities: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    transactions: list[str] = field(default_factory=list)


def match_names(
    store: GraphStore, organisations: Iterable[str], item: str = "", places: Iterable[str] = ()
) -> Named:
    """Match free-text names to curated entities, register items and countries (exact after normalisation)."""
    out = Named()
    wanted = {_key(o) for o in organisations if o.strip()}
    wanted.discard("")
    if wanted:
        for r in store.run(CURATED_NAMES):
            names = [str(r["name"] or ""), *[str(a) for a in (r["aliases"] or [])]]
            if any(_key(n) in wanted for n in names if n):
                out.entities.append(str(r["id"]))
    if item.strip():
        ik = _key(item)
        out.items = [str(r["id"]) for r in store.run(ITEM_NAMES) if ik in (_key(str(r["name"] or "")), _key(str(r["id"])))]
    place_keys = {_key(p) for p in places if p.strip()}
    if place_keys:
        for r in store.run(COUNTRY_NAMES):
            names = [str(r["id"]), str(r["name"] or ""), *[str(a) for a in (r["aliases"] or [])],
                     *[str(a) for a in (r["capitals"] or [])]]  # fmt: skip
            if any(_key(n) in place_keys for n in names if n):
                out.countries.append(str(r["id"]))
    return out


def _check_named(store: GraphStore, named: Named) -> None:
    ids = named.entities + named.items + named.countries + named.transactions
    if not ids:
        return
    found = {r["id"]: r for r in store.run(NODE_EXISTS, {"ids": ids})}
    for kind, values in (("entity", named.entities), ("item", named.items), ("country", named.countries),
                         ("transaction", named.transactions)):  # fmt: skip
        for v in values:
            if not found.get(v, {}).get(kind):
                raise GrievanceError(f"no {kind} with id {v!r} in the graph")


def _link_rels(gid: str, named: Named) -> list[RelRecord]:
    rels = [RelRecord("PARTICIPANT", "Grievance", gid, "Entity", e, {"role": "actor"}) for e in named.entities]
    rels += [RelRecord("PARTICIPANT", "Grievance", gid, "Item", i, {"role": "item"}) for i in named.items]
    rels += [RelRecord("PARTICIPANT", "Grievance", gid, "Country", c, {"role": "country"}) for c in named.countries]
    rels += [RelRecord("CONCERNS", "Grievance", gid, "Transaction", t, {}) for t in named.transactions]
    return rels


@dataclass
class Intake:
    """A grievance as received (by staff from mail/phone/hotline, or from the public page)."""

    subject: str
    text: str
    channel: str
    received_by: str
    named: Named = field(default_factory=Named)
    names_given: dict[str, list[str]] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    received_at: str | None = None
    reporter_name: str = ""
    reporter_contact: str = ""
    language: str = ""


@dataclass
class Receipt:
    grievance_id: str
    receipt_code: str
    transactions_reevaluated: list[str]


def record_grievance(store: GraphStore, data_dir: Path, intake: Intake, *, reevaluate: bool = True) -> Receipt:
    """Store a new grievance (status ``received``) with its evidence passage and links; keep the reporter's
    contact apart; re-evaluate the transactions it affects. Returns the id and the one-time receipt code."""
    if intake.channel not in CHANNELS:
        raise GrievanceError(f"channel {intake.channel!r} is not one of {', '.join(CHANNELS)}")
    if not intake.subject.strip() or not intake.text.strip():
        raise GrievanceError("a grievance needs a subject and a text")
    if not intake.received_by.strip():
        raise GrievanceError("say who received the grievance (--by)")
    _check_named(store, intake.named)
    received_at = intake.received_at or _now()
    try:
        datetime.fromisoformat(received_at.replace("Z", "+00:00"))
    except ValueError:
        raise GrievanceError(f"received at {received_at!r} is not an ISO date-time") from None
    gid = f"GRV-{received_at[:4]}-{uuid.uuid4().hex[:8].upper()}"
    code = new_receipt()
    pid = f"psg-{gid.lower()}"
    names = ", ".join(intake.names_given.get("organisations", [])[:3]) or "a party named in it"
    store.run(
        CREATE_GRIEVANCE,
        {
            "id": gid,
            "props": {
                "kind": "report",
                "type": "abuse",
                "status": "unverified",
                "origin": "grievance",
                "confidence": 0.3,
                "hedged": True,
                "negated": False,
                "date": received_at[:10],
                "grievance_status": "received",
                "channel": intake.channel,
                "received_at": received_at,
                "received_by": intake.received_by.strip(),
                "updated_at": received_at,
                "owner": "",
                "subject": intake.subject.strip(),
                "text": intake.text.strip(),
                "language": intake.language,
                "links": intake.links,
                "attachments": intake.attachments,
                "names_given": json.dumps(intake.names_given, ensure_ascii=False) if intake.names_given else "",
                "receipt_hash": receipt_hash(code),
                "steps": 1,
            },
        },
    )
    store.run(
        CREATE_PASSAGE,
        {
            "id": pid,
            "props": {
                "kind": "evidence",
                "grievance_id": gid,
                "document_id": "",
                "text": f"Unverified report received through the grievance mechanism on {received_at[:10]} "
                f"alleging misuse involving {names}; details restricted to the grievance officer.",
                "source_id": "grievance",
                "publisher": "grievance mechanism",
                "tier": 4,
                "method": "grievance",
                "confidence": 0.3,
                "published": received_at[:10],
                "retrieved_at": received_at,
                "url": "",
            },
        },
    )
    store.merge_rels([RelRecord("EVIDENCED_BY", "Grievance", gid, "Passage", pid, {}), *_link_rels(gid, intake.named)])
    _append_step(store, gid, 1, "", "received", intake.received_by.strip(), f"received by {intake.channel}", [], received_at)
    store_contact(data_dir, gid, intake.reporter_name, intake.reporter_contact)
    touched = reevaluate_affected(store, gid) if reevaluate else []
    return Receipt(gid, code, touched)


def _append_step(
    store: GraphStore, gid: str, seq: int, from_status: str, to_status: str, by: str, reason: str,
    actions: list[str], at: str, owner: str = "",
) -> None:  # fmt: skip
    sid = f"{gid}-S{seq:03d}"
    store.run(
        APPEND_STEP,
        {
            "gid": gid,
            "sid": sid,
            "key": f"{gid}|HAS_STEP|{sid}",
            "props": {
                "kind": "step",
                "grievance_id": gid,
                "seq": seq,
                "from_status": from_status,
                "to_status": to_status,
                "by": by,
                "reason": reason,
                "actions": actions,
                "owner": owner,
                "at": at,
            },
        },
    )


def get_grievance(store: GraphStore, gid: str) -> dict[str, Any]:
    """The grievance (without reporter details), what it names, the transactions it concerns, its steps."""
    rows = store.run(GRIEVANCE, {"id": gid})
    if not rows:
        raise GrievanceError(f"no grievance with id {gid!r}")
    g = dict(rows[0]["g"])
    g.pop("receipt_hash", None)
    # collect() keeps no order the engines agree on (Neo4j and FalkorDB listed the same links differently)
    named = [n for n in rows[0]["named"] if n and n.get("id")]
    g["named"] = sorted(named, key=lambda n: (str(n.get("label")), str(n.get("role")), str(n["id"])))
    g["transactions"] = sorted(t for t in rows[0]["transactions"] if t)
    g["history"] = [dict(r["s"]) for r in store.run(STEPS, {"id": gid})]
    return g


def list_grievances(store: GraphStore) -> list[dict[str, Any]]:
    out = []
    for r in store.run(GRIEVANCES):
        g = dict(r["g"])
        out.append({k: g.get(k) for k in ("id", "subject", "channel", "grievance_status", "received_at",
                                           "acknowledged_at", "closed_at", "owner", "updated_at")})  # fmt: skip
    return out


def transition(
    store: GraphStore,
    gid: str,
    to_status: str,
    *,
    by: str,
    reason: str,
    actions: Iterable[str] = (),
    owner: str | None = None,
    public_note: str | None = None,
    at: str | None = None,
    reevaluate: bool = True,
) -> dict[str, Any]:
    """Move a grievance to ``to_status`` (only along TRANSITIONS), appending a step to its audit trail."""
    g = get_grievance(store, gid)
    current = str(g.get("grievance_status") or "received")
    if to_status not in STATUSES:
        raise GrievanceError(f"status {to_status!r} is not one of {', '.join(STATUSES)}")
    if to_status not in TRANSITIONS[current]:
        allowed = ", ".join(TRANSITIONS[current])
        raise GrievanceError(f"a grievance that is {current} can move to {allowed}, not {to_status}")
    if not by.strip():
        raise GrievanceError("say who made the change (--by)")
    if not reason.strip():
        raise GrievanceError("a change of status needs a reason (--reason)")
    acts = list(dict.fromkeys(a.strip() for a in actions if a.strip()))
    bad = [a for a in acts if a not in ACTIONS]
    if bad:
        raise GrievanceError(f"action {bad[0]!r} is not one of {', '.join(ACTIONS)}")
    if to_status == "remedied" and not acts:
        raise GrievanceError("a remedied grievance needs the actions taken (--action)")
    when = at or _now()
    props: dict[str, Any] = {"grievance_status": to_status, "updated_at": when, "steps": int(g.get("steps") or 0) + 1}
    if owner is not None:
        props["owner"] = owner.strip()
    if public_note is not None:
        props["public_note"] = public_note.strip()[:1000]
    if to_status == "acknowledged" and not g.get("acknowledged_at"):
        props["acknowledged_at"] = when
    if to_status in CLOSED:
        props["closed_at"] = when
    elif g.get("closed_at"):
        props["closed_at"] = None
    if acts:
        props["actions"] = sorted(set(list(g.get("actions") or []) + acts))
    props["status"] = EVENT_STATUS.get(to_status, "unverified")
    store.run(SET_GRIEVANCE, {"id": gid, "props": props})
    _append_step(store, gid, props["steps"], current, to_status, by.strip(), reason.strip(), acts, when,
                 (owner or "").strip())  # fmt: skip
    touched = reevaluate_affected(store, gid) if reevaluate and props["status"] != g.get("status") else []
    return {"id": gid, "from": current, "to": to_status, "at": when, "transactions_reevaluated": touched}


def link(store: GraphStore, gid: str, named: Named, *, by: str, reevaluate: bool = True) -> list[str]:
    """Link a grievance to more entities, items, countries or transactions (recorded as a step)."""
    g = get_grievance(store, gid)
    if not by.strip():
        raise GrievanceError("say who linked it (--by)")
    _check_named(store, named)
    rels = _link_rels(gid, named)
    if not rels:
        raise GrievanceError("name at least one entity, item, country or transaction to link")
    store.merge_rels(rels)
    seq = int(g.get("steps") or 0) + 1
    what = ", ".join(named.entities + named.items + named.countries + named.transactions)
    store.run(SET_GRIEVANCE, {"id": gid, "props": {"steps": seq, "updated_at": _now()}})
    status = str(g.get("grievance_status"))
    _append_step(store, gid, seq, status, status, by.strip(), f"linked to {what}", [], _now())
    return reevaluate_affected(store, gid) if reevaluate else []


def reevaluate_affected(store: GraphStore, gid: str) -> list[str]:
    """Evaluate and store the findings of every transaction the grievance touches."""
    from redflag.rules.engine import evaluate
    from redflag.services.findings import persist_findings

    ids = [str(r["id"]) for r in store.run(AFFECTED, {"id": gid}) if r["id"]]
    for tx in ids:
        persist_findings(store, evaluate(store, tx))
    return ids


def status_by_receipt(store: GraphStore, code: str) -> dict[str, Any] | None:
    """What the reporter may see with their receipt code: status wording and dates; None if unknown."""
    if not code or len(code) > 64:
        return None
    rows = store.run(BY_RECEIPT, {"hash": receipt_hash(code)})
    if not rows:
        return None
    r = rows[0]
    status = str(r["status"] or "received")
    return {
        "status": status,
        "status_text": PUBLIC_STATUS.get(status, status),
        "received": str(r["received_at"] or "")[:10],
        "acknowledged": str(r["acknowledged_at"] or "")[:10] or None,
        "closed": str(r["closed_at"] or "")[:10] or None,
        "last_update": str(r["updated_at"] or "")[:10],
        "note": str(r["public_note"] or ""),
    }


def _days(a: Any, b: Any) -> float | None:
    if not a or not b:
        return None
    t0 = datetime.fromisoformat(str(a).replace("Z", "+00:00"))
    t1 = datetime.fromisoformat(str(b).replace("Z", "+00:00"))
    return round((t1 - t0).total_seconds() / 86400, 2)


def metrics(store: GraphStore, now: str | None = None) -> dict[str, Any]:
    """Counts by status, and time to acknowledge and to close (days: median, max; open ones waiting)."""
    rows = [dict(r["g"]) for r in store.run(GRIEVANCES)]
    ack = [d for g in rows if (d := _days(g.get("received_at"), g.get("acknowledged_at"))) is not None]
    close = [d for g in rows if (d := _days(g.get("received_at"), g.get("closed_at"))) is not None]
    when = now or _now()
    waiting = [d for g in rows if not g.get("acknowledged_at") and (d := _days(g.get("received_at"), when)) is not None]
    by_status: dict[str, int] = {}
    for g in rows:
        s = str(g.get("grievance_status") or "received")
        by_status[s] = by_status.get(s, 0) + 1

    def summary(values: list[float]) -> dict[str, float | int | None]:
        return {
            "count": len(values),
            "median_days": round(statistics.median(values), 2) if values else None,
            "max_days": max(values) if values else None,
        }

    return {
        "total": len(rows),
        "by_status": by_status,
        "time_to_acknowledge": summary(ack),
        "time_to_close": summary(close),
        "waiting_for_acknowledgement": summary(waiting),
    }


def annual_records(store: GraphStore) -> list[dict[str, Any]]:
    """Grievances as the annual report counts them: received date, channel, outcome; no text, no people."""
    return [
        {"received_at": g.get("received_at"), "channel": g.get("channel"), "status": g.get("grievance_status"),
         "actions": list(g.get("actions") or [])}
        for g in (dict(r["g"]) for r in store.run(GRIEVANCES))
    ]  # fmt: skip


def record_public_submission(store: GraphStore, data_dir: Path, sub: Submission) -> Receipt:
    """A report from the public portal: names are matched to the graph (never shown back to the reporter)."""
    named = match_names(store, sub.organisations, sub.item, [sub.country] if sub.country else [])
    given = {"organisations": sub.organisations, "item": [sub.item] if sub.item else [],
             "places": [sub.country] if sub.country else []}  # fmt: skip
    return record_grievance(
        store,
        data_dir,
        Intake(
            subject=sub.subject,
            text=sub.text,
            channel="web_form",
            received_by="public portal",
            named=named,
            names_given={k: v for k, v in given.items() if v},
            links=sub.links,
            reporter_name=sub.reporter_name,
            reporter_contact=sub.reporter_contact,
        ),
    )


GRIEVANCE_SOURCE = "grievance"


def _is_grievance_id(value: Any) -> bool:
    return isinstance(value, str) and (value.startswith("GRV-") or value.startswith("psg-grv-"))


def _drop_ids(value: Any) -> Any:
    if isinstance(value, list):
        return [_drop_ids(v) for v in value if not _is_grievance_id(v)]
    if isinstance(value, dict):
        return {k: _drop_ids(v) for k, v in value.items()}
    return value


def _evidence_kept(entries: Any) -> Any:
    if not isinstance(entries, list):
        return entries
    return [e for e in entries if not (isinstance(e, dict) and e.get("source") == GRIEVANCE_SOURCE)]


def scrub_finding_props(props: dict[str, Any]) -> dict[str, Any]:
    """A Finding's properties without anything taken from a grievance (for exports): evidence entries of
    source ``grievance``, grievance nodes and edges of its path, grievance ids in its details."""
    out = dict(props)
    for key in ("evidence", "path", "details"):
        raw = out.get(key)
        if not isinstance(raw, str) or not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        if key == "evidence":
            data = _evidence_kept(data)
        elif key == "path" and isinstance(data, dict):
            data["nodes"] = [n for n in data.get("nodes", []) if not _is_grievance_id((n or {}).get("id"))]
            rels = []
            for r in data.get("rels", data.get("relationships", [])) or []:
                if isinstance(r, dict) and (_is_grievance_id(r.get("source")) or _is_grievance_id(r.get("target"))):
                    continue
                if isinstance(r, dict) and "evidence" in r:
                    r = {**r, "evidence": _evidence_kept(r["evidence"])}
                rels.append(r)
            data["rels" if "rels" in data else "relationships"] = rels
        else:
            data = _drop_ids(data)
        out[key] = json.dumps(data, ensure_ascii=False)
    return out

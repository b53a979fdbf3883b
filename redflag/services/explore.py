"""Read-only views of the graph for the investigation UI: search, entity profiles, neighbourhoods, overviews.

Every query is in the catalog below and takes parameters only. Functions return plain dicts and lists
(JSON-able) so the UI and tests can use them without knowing the store.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rapidfuzz import fuzz, process

from graph.queries import checked_label, fill, q, templated
from graph.store import GraphStore
from ontology import vocab
from ontology.names import normalize_name

SEARCH_POOL = q(
    "explore.search_pool",
    "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.schema AS schema, "
    "e.countries AS countries LIMIT $limit",
    "limit",
)
ENTITY = q("explore.entity", "MATCH (e:Entity {id: $id}) RETURN properties(e) AS e", "id")
ENTITY_LISTINGS = q(
    "explore.entity_listings",
    "MATCH (e:Entity {id: $id})-[:HAS_LISTING]->(l:Listing) RETURN properties(l) AS l ORDER BY l.authority",
    "id",
)
ENTITY_MENTIONS = q(
    "explore.entity_mentions",
    "MATCH (e:Entity {id: $id})-[m:MENTIONED_IN]->(p:Passage) "
    "OPTIONAL MATCH (p)-[:IN_DOCUMENT]->(d:Document) "
    "RETURN p.text AS text, coalesce(p.url, d.url) AS url, d.title AS title, p.publisher AS publisher, "
    "p.tier AS tier, m.confidence AS confidence ORDER BY url, p.start, p.id LIMIT $limit",
    "id",
    "limit",
)
ENTITY_EVENTS = q(
    "explore.entity_events",
    "MATCH (ev:Event)-[p:PARTICIPANT]->(e:Entity {id: $id}) "
    "OPTIONAL MATCH (ev)-[:EVIDENCED_BY]->(ps:Passage) "
    "RETURN ev.id AS id, ev.type AS type, ev.date AS date, ev.status AS status, ev.confidence AS confidence, "
    "p.role AS role, collect({text: ps.text, url: ps.url, start: ps.start, id: ps.id}) AS evidence "
    "ORDER BY date, id, role LIMIT $limit",
    "id",
    "limit",
)
ENTITY_FINDINGS = q(
    "explore.entity_findings",
    "MATCH (f:Finding)-[:CONCERNS]->(e:Entity {id: $id}) "
    "RETURN f.id AS id, f.rule AS rule, f.title AS title, f.severity AS severity, f.status AS status, "
    "f.transaction_id AS transaction ORDER BY transaction, rule",
    "id",
)
ENTITY_LIST_NAMES = q(
    "explore.entity_list_names",
    "UNWIND $ids AS eid MATCH (e:Entity {id: eid})-[:HAS_LISTING]->(l:Listing) "
    "RETURN eid AS id, l.authority AS authority, l.list_code AS list_code, l.program AS program",
    "ids",
)
ENTITY_TRANSACTIONS = q(
    "explore.entity_transactions",
    "MATCH (t:Transaction)-[r:HAS_PARTY]->(e:Entity {id: $id}) "
    "RETURN t.id AS id, t.title AS title, r.role AS role, t.status AS status ORDER BY id, role",
    "id",
)
# The explorer reaches nodes of any label. An unlabelled ``MATCH (n {id: $id})`` scans every node, so the
# centre is found through each label's id index (one UNION branch per label the ontology declares), and its
# edges are then read from the label it has.
_NODE_BRANCH = (
    "MATCH (n:{label} {{id: $id}}) RETURN labels(n) AS labels, "
    "coalesce(n.name, n.title, n.type, n.rule, n.id) AS name, n.risk_score AS risk"
)
NODE = q(
    "explore.node",
    " UNION ".join(_NODE_BRANCH.format(label=checked_label(label, vocab.labels())) for label in sorted(vocab.labels())),
    "id",
)
OUT_EDGES = templated(
    "explore.out_edges",
    "MATCH (e:{label} {{id: $id}})-[r]->(n) WHERE NOT n:Passage AND (size($types) = 0 OR type(r) IN $types) "
    "RETURN type(r) AS type, n.id AS other, labels(n) AS labels, coalesce(n.name, n.label, n.title, n.text, n.id) "
    "AS name, properties(r) AS props ORDER BY other, type, r.key LIMIT $limit",
    "id",
    "types",
    "limit",
)
IN_EDGES = templated(
    "explore.in_edges",
    "MATCH (n)-[r]->(e:{label} {{id: $id}}) WHERE NOT n:Passage AND (size($types) = 0 OR type(r) IN $types) "
    "RETURN type(r) AS type, n.id AS other, labels(n) AS labels, coalesce(n.name, n.title, n.type, n.rule, n.id) "
    "AS name, properties(r) AS props ORDER BY other, type, r.key LIMIT $limit",
    "id",
    "types",
    "limit",
)
DEGREE = templated(
    "explore.degree",
    "MATCH (e:{label} {{id: $id}})-[r]-(n) WHERE NOT n:Passage AND (size($types) = 0 OR type(r) IN $types) "
    "RETURN count(r) AS n",
    "id",
    "types",
)
PASSAGES = q(
    "explore.passages",
    "UNWIND $ids AS pid MATCH (p:Passage {id: pid}) "
    "RETURN p.id AS id, p.text AS text, p.url AS url, p.publisher AS publisher, p.tier AS tier",
    "ids",
)
TRANSACTIONS = q(
    "explore.transactions",
    "MATCH (t:Transaction) OPTIONAL MATCH (t)-[:DESTINED_FOR]->(c:Country) "
    "OPTIONAL MATCH (f:Finding)-[:CONCERNS]->(t) WHERE f.transaction_id = t.id AND coalesce(f.active, true) "
    "RETURN t.id AS id, t.title AS title, t.status AS status, c.id AS destination, c.name AS destination_name, "
    "t.risk_score AS risk_score, t.risk_band AS risk_band, t.hard_stop AS hard_stop, t.last_review_at AS last_review_at, "
    "count(f) AS findings ORDER BY id",
)
NEWEST_FINDINGS = q(
    "explore.newest_findings",
    "MATCH (f:Finding) RETURN f.id AS id, f.transaction_id AS transaction, f.rule AS rule, f.title AS title, "
    "f.severity AS severity, f.status AS status, f.first_seen AS first_seen "
    "ORDER BY first_seen DESC, id LIMIT $limit",
    "limit",
)
EVENTS_BY_DATE = q(
    "explore.events_by_date",
    "MATCH (ev:Event) WHERE ev.date IS NOT NULL AND coalesce(ev.status, 'extracted') <> 'rejected' "
    "RETURN ev.date AS date, ev.type AS type",
)
REVIEW_RELATIONS = q(
    "explore.review_relations",
    "MATCH (a:Entity)-[r:SUPPLIED|OWNS|LINKED_TO|DIRECTOR_OF|REEXPORTS_TO]->(b) "
    "WHERE coalesce(r.status, 'curated') = 'extracted' "
    "RETURN type(r) AS type, r.key AS key, a.id AS source, a.name AS source_name, b.id AS target, "
    "coalesce(b.name, b.id) AS target_name, r.confidence AS confidence, r.evidence AS evidence "
    "ORDER BY source, type, target, key LIMIT $limit",
    "limit",
)
REVIEW_SAME_AS = q(
    "explore.review_same_as",
    "MATCH (a:Entity)-[r:POSSIBLY_SAME_AS]->(b:Entity) WHERE r.judgement IS NULL OR r.judgement = '' "
    "RETURN r.key AS key, a.id AS source, a.name AS source_name, b.id AS target, b.name AS target_name, "
    "r.score AS score, r.explanation AS explanation ORDER BY score DESC, source, target, key LIMIT $limit",
    "limit",
)
JUDGE_RELATION = q(
    "explore.judge_relation",
    "MATCH (a {id: $source})-[r]->(b {id: $target}) WHERE type(r) = $type AND r.key = $key "
    "SET r.status = $status, r.judged_by = $by, r.judged_at = $at RETURN count(r) AS n",
    "source",
    "target",
    "type",
    "key",
    "status",
    "by",
    "at",
    write=True,
)
ENTITY_EVIDENCE_PASSAGES = q(
    "explore.entity_evidence",
    "MATCH (e:Entity {id: $id})-[:MENTIONED_IN]->(p:Passage) RETURN p.text AS text, p.url AS url "
    "ORDER BY url, p.start, p.id LIMIT 3",
    "id",
)

RISK_ORDER = {"high": 3, "medium": 2, "low": 1}


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def counts(store: GraphStore) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type."""
    return store.counts()


def search_entities(store: GraphStore, text: str, limit: int = 20, pool: int = 200_000) -> list[dict[str, Any]]:
    """Entities whose name or an alias matches TEXT, best first (fuzzy, accent- and case-insensitive)."""
    needle = normalize_name(text)
    if not needle:
        return []
    rows = store.run(SEARCH_POOL, {"limit": pool})
    choices: dict[int, str] = {}
    owners: list[tuple[dict[str, Any], str]] = []
    for row in rows:
        for name in [row["name"], *(row["aliases"] or [])]:
            if name:
                choices[len(owners)] = normalize_name(str(name))
                owners.append((row, str(name)))
    best: dict[str, dict[str, Any]] = {}
    for _, score, idx in process.extract(needle, choices, scorer=fuzz.WRatio, limit=limit * 5, score_cutoff=60):
        row, matched = owners[idx]
        if needle in choices[idx]:
            score = max(score, 95.0)
        closeness = fuzz.ratio(needle, choices[idx])
        hit = best.get(row["id"])
        if hit is None or (score, closeness) > (hit["score"], hit["_closeness"]):
            best[row["id"]] = {
                "id": row["id"],
                "name": _text(row["name"]),
                "matched": matched,
                "schema": _text(row["schema"]),
                "countries": list(row["countries"] or []),
                "score": round(float(score), 1),
                "_closeness": closeness,
            }
    ranked = sorted(best.values(), key=lambda h: (-h["score"], -h["_closeness"], h["name"]))[:limit]
    return [{k: v for k, v in h.items() if k != "_closeness"} for h in ranked]


# A search hit below this WRatio score (0-100, rapidfuzz) is not offered as a match: measured on the demo world,
# misspellings of a real name score 95 ("Nortgate Distributon"), while unrelated words reach 85.5 through
# WRatio's partial token matching ("banana republic trading" -> "HULM AL SAHRA ELECTRIC DEVICES").
RELEVANCE_FLOOR = 88.0


def list_names(store: GraphStore, entity_ids: list[str]) -> dict[str, list[str]]:
    """The lists each entity is on, as "authority list_code (programme)" texts; entities on none are absent."""
    out: dict[str, list[str]] = {}
    if not entity_ids:
        return out
    for r in store.run(ENTITY_LIST_NAMES, {"ids": [str(i) for i in entity_ids]}):
        text = " ".join(_text(x) for x in (r["authority"], r["list_code"]) if x) or "a list"
        if r["program"]:
            text += f" ({_text(r['program'])})"
        if text not in out.setdefault(str(r["id"]), []):
            out[str(r["id"])].append(text)
    return out


def entity_profile(store: GraphStore, entity_id: str, limit: int = 50) -> dict[str, Any] | None:
    """Everything known about one entity, each fact with where it came from; None if there is no such entity."""
    rows = store.run(ENTITY, {"id": entity_id})
    if not rows:
        return None
    props = dict(rows[0]["e"])
    params = {"id": entity_id, "limit": limit}
    identifiers = {k: v for k, v in props.items() if k in ("lei", "registration", "imo", "vat", "tax_id", "ofac_uid")}
    connections = neighbours(store, entity_id, limit=limit)
    return {
        "id": entity_id,
        "name": _text(props.get("name")),
        "schema": _text(props.get("schema")),
        "aliases": list(props.get("aliases") or []),
        "countries": list(props.get("countries") or []),
        "roles": list(props.get("roles") or []),
        "origin": list(props.get("origin") or []) if isinstance(props.get("origin"), list) else [_text(props.get("origin"))],
        "identifiers": identifiers,
        "properties": props,
        "listings": [dict(r["l"]) for r in store.run(ENTITY_LISTINGS, {"id": entity_id})],
        "mentions": [dict(r) for r in store.run(ENTITY_MENTIONS, params)],
        "events": [_with_passages_in_order(dict(r)) for r in store.run(ENTITY_EVENTS, params)],
        "findings": [dict(r) for r in store.run(ENTITY_FINDINGS, {"id": entity_id})],
        "transactions": [dict(r) for r in store.run(ENTITY_TRANSACTIONS, {"id": entity_id})],
        "connections": connections["edges"],
    }


def _with_passages_in_order(event: dict[str, Any]) -> dict[str, Any]:
    """An event row with its evidence as ``passages`` (texts) and ``urls``, in document order (url, start, id):
    ``collect`` gives no order, and an event may have several passages (one fact read in several sentences), so
    without this two backends, or two runs, could list them differently."""
    found = [e for e in event.pop("evidence") or [] if e.get("text") is not None]  # (no passage: one null map)
    found.sort(key=lambda e: (e.get("url") or "", e.get("start") or 0, e.get("id") or ""))
    event["passages"] = [e["text"] for e in found]
    event["urls"] = [e.get("url") for e in found]
    return event


def entity_findings(store: GraphStore, entity_id: str) -> list[dict[str, Any]]:
    """The findings that concern one entity: id, rule, title, severity, status, transaction."""
    return [dict(r) for r in store.run(ENTITY_FINDINGS, {"id": entity_id})]


def _primary_label(labels: list[str]) -> str:
    return labels[0] if labels else "Node"


def neighbours(
    store: GraphStore, node_id: str, *, limit: int = 25, rel_types: list[str] | None = None
) -> dict[str, Any]:
    """The node and up to LIMIT neighbours (both directions), with the total so the caller can offer "show more"."""
    types = list(rel_types or [])
    centre = store.run(NODE, {"id": node_id})
    if not centre:
        return {"center": None, "nodes": [], "edges": [], "total": 0, "shown": 0}
    c = centre[0]
    primary = _primary_label(c["labels"])
    label = checked_label(primary, vocab.labels())
    total = int(store.run(fill(DEGREE, label=label), {"id": node_id, "types": types})[0]["n"])
    out = store.run(fill(OUT_EDGES, label=label), {"id": node_id, "types": types, "limit": limit})
    inc = store.run(fill(IN_EDGES, label=label), {"id": node_id, "types": types, "limit": max(0, limit - len(out))})
    nodes = {node_id: {"id": node_id, "name": _text(c["name"]), "label": primary, "risk": c["risk"]}}
    edges = []
    for direction, batch in (("out", out), ("in", inc)):
        for r in batch:
            other = _text(r["other"])
            nodes.setdefault(other, {"id": other, "name": _text(r["name"]), "label": _primary_label(r["labels"]), "risk": None})
            src, dst = (node_id, other) if direction == "out" else (other, node_id)
            props = dict(r["props"] or {})
            edges.append(
                {
                    "id": f"{r['type']}|{props.get('key') or src + '>' + dst}",
                    "type": r["type"],
                    "source": src,
                    "target": dst,
                    "other": other,
                    "other_name": _text(r["name"]),
                    "other_label": _primary_label(r["labels"]),
                    "direction": direction,
                    "props": {k: v for k, v in props.items() if k != "key"},
                }
            )
    return {"center": nodes[node_id], "nodes": list(nodes.values()), "edges": edges, "total": total, "shown": len(edges)}


def passages(store: GraphStore, ids: list[str]) -> list[dict[str, Any]]:
    """The evidence passages with these ids (text, link, publisher, tier)."""
    if not ids:
        return []
    return [dict(r) for r in store.run(PASSAGES, {"ids": [str(i) for i in ids]})]


def transactions(store: GraphStore) -> list[dict[str, Any]]:
    """Every transaction with destination, risk score (when flagged) and the number of active findings."""
    return [dict(r) for r in store.run(TRANSACTIONS)]


def newest_findings(store: GraphStore, limit: int = 10) -> list[dict[str, Any]]:
    return [dict(r) for r in store.run(NEWEST_FINDINGS, {"limit": limit})]


def risk_by_country(store: GraphStore) -> list[dict[str, Any]]:
    """Per destination country: number of transactions, highest risk score, total active findings."""
    acc: dict[str, dict[str, Any]] = {}
    for t in transactions(store):
        key = _text(t["destination_name"] or t["destination"] or "unknown")
        row = acc.setdefault(key, {"country": key, "transactions": 0, "max_risk": 0.0, "findings": 0})
        row["transactions"] += 1
        row["findings"] += int(t["findings"] or 0)
        row["max_risk"] = max(row["max_risk"], float(t["risk_score"] or 0.0))
    return sorted(acc.values(), key=lambda r: r["country"])


def events_over_time(store: GraphStore) -> list[dict[str, Any]]:
    """Number of extracted events per year and type."""
    tally: Counter[tuple[str, str]] = Counter()
    for r in store.run(EVENTS_BY_DATE):
        year = _text(r["date"])[:4]
        if year.isdigit():
            tally[(year, _text(r["type"]))] += 1
    return [{"year": y, "type": t, "events": n} for (y, t), n in sorted(tally.items())]


def review_queue(store: GraphStore, limit: int = 100) -> dict[str, list[dict[str, Any]]]:
    """Extracted relations awaiting confirmation and POSSIBLY_SAME_AS pairs awaiting a judgement."""
    relations = []
    for r in store.run(REVIEW_RELATIONS, {"limit": limit}):
        row = dict(r)
        ev = row.get("evidence") or []
        row["passages"] = passages(store, list(ev) if isinstance(ev, list) else [str(ev)])
        relations.append(row)
    pairs = []
    for r in store.run(REVIEW_SAME_AS, {"limit": limit}):
        row = dict(r)
        row["source_passages"] = [dict(p) for p in store.run(ENTITY_EVIDENCE_PASSAGES, {"id": row["source"]})]
        row["target_passages"] = [dict(p) for p in store.run(ENTITY_EVIDENCE_PASSAGES, {"id": row["target"]})]
        pairs.append(row)
    return {"relations": relations, "same_as": pairs}


def judge_relation(
    store: GraphStore, source: str, rel_type: str, target: str, key: str, confirm: bool, by: str, at: str
) -> int:
    """Mark an extracted relation confirmed or rejected (kept with who and when); returns how many changed."""
    status = "confirmed" if confirm else "rejected"
    params = {"source": source, "target": target, "type": rel_type, "key": key, "status": status, "by": by, "at": at}
    return int(store.run(JUDGE_RELATION, params)[0]["n"])


def judge_same_as(store: GraphStore, source: str, target: str, same: bool, by: str, at: str, reason: str = "") -> bool:
    """Record an analyst's judgement on a POSSIBLY_SAME_AS pair ("same" or "different"); kept on later runs."""
    from redflag.services.screening import judge

    return judge(store, source, target, "same" if same else "different", by, reason or "judged in the review queue", at)

"""Diversion paths: from a transaction's parties, through supply, ownership, directorship, shared-address,
same-as and linked-to relations, to end-users and destinations that carry risk; ranked, with reasons and
the evidence for every edge.

Search: one bounded variable-length Cypher query per start party (depth and result cap bounded), then
in Python: supply edges must run in the direction goods flow, rejected relations and pairs judged
"different" are never followed, and each path is scored by the risk of where it ends, discounted by its
length and by the weakest evidence on it. A path's ``risk`` is on the deals' 0-100 scale, with the same bands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from graph.queries import Query, q
from graph.store import GraphStore
from redflag.rules.score import band

FOLLOW = ("SUPPLIED", "OWNS", "DIRECTOR_OF", "LINKED_TO", "SAME_AS", "POSSIBLY_SAME_AS", "HAS_ADDRESS")
MAX_DEPTH = 6
PATH_DECAY = 0.85


def _path_query(depth: int) -> Query:
    rels = "|".join(FOLLOW)
    return q(
        f"paths.from_party_depth_{depth}",
        f"MATCH p = (s:Entity {{id: $start}})-[:{rels}*1..{depth}]-(t:Entity) "
        "WHERE t.id <> $start AND all(r IN relationships(p) WHERE coalesce(r.status, '') <> 'rejected' "
        "AND coalesce(r.judgement, '') <> 'different') "
        # simple paths only: Neo4j also returns walks that pass a node twice (over two relationships), FalkorDB
        # fewer of them; unfiltered, the engines explored different numbers of rows and hit the cap differently
        "AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n)) "
        "RETURN [n IN nodes(p) | {id: n.id, name: coalesce(n.name, n.text), labels: labels(n)}] AS nodes, "
        "[r IN relationships(p) | {type: type(r), start: startNode(r).id, end: endNode(r).id, "
        "props: properties(r)}] AS rels "
        "LIMIT $cap",
        "start",
        "cap",
    )


PATH_QUERIES = {d: _path_query(d) for d in range(1, MAX_DEPTH + 1)}

TX_PARTIES = q(
    "paths.transaction_parties",
    "MATCH (t:Transaction {id: $id})-[h:HAS_PARTY]->(e:Entity) "
    "RETURN e.id AS id, e.name AS name, labels(e) AS labels, h.role AS role ORDER BY id, role",
    "id",
)
TARGET_LISTINGS = q(
    "paths.target_listings",
    "MATCH (e:Entity)-[:HAS_LISTING]->(l:Listing) WHERE e.id IN $ids "
    "RETURN e.id AS id, l.list_code AS list_code, l.program AS program, l.authority AS authority, "
    "l.start_date AS start_date, l.end_date AS end_date, l.source_url AS url, l.dataset AS dataset "
    "ORDER BY id, list_code, program, dataset",
    "ids",
)
TARGET_ABUSES = q(
    "paths.target_abuses",
    "UNWIND $ids AS eid MATCH (e:Entity {id: eid}) WITH e MATCH (ev)-[pa:PARTICIPANT]->(e) "
    "WHERE ev:Event AND ev.type = 'abuse' AND pa.role = 'actor' AND coalesce(ev.status, '') <> 'rejected' "
    "AND coalesce(ev.negated, false) = false "
    "OPTIONAL MATCH (ev)-[:EVIDENCED_BY]->(p:Passage) "
    "RETURN e.id AS id, ev.id AS event, ev.victim_group AS victim_group, ev.confidence AS confidence, "
    "ev.hedged AS hedged, p.text AS passage, p.url AS url, p.publisher AS publisher ORDER BY id, event, url",
    "ids",
)
TARGET_COUNTRIES = q(
    "paths.target_countries",
    "MATCH (e:Entity)-[:LOCATED_IN]->(c:Country) WHERE e.id IN $ids "
    "OPTIONAL MATCH (c)-[:HAS_INDICATOR]->(i:Indicator) WHERE i.indicator IN ['fiw_status', 'fiw_total'] "
    "RETURN e.id AS id, c.id AS country, c.name AS name, i.indicator AS indicator, i.value AS value, "
    "i.edition AS edition ORDER BY id, country, indicator",
    "ids",
)
PASSAGES = q(
    "paths.passages",
    "MATCH (p:Passage) WHERE p.id IN $ids "
    "RETURN p.id AS id, p.text AS passage, p.url AS url, p.publisher AS publisher, p.tier AS tier, "
    "p.confidence AS confidence",
    "ids",
)
ENTITY = q(
    "paths.entity",
    "MATCH (e:Entity {id: $id}) RETURN e.id AS id, e.name AS name, labels(e) AS labels",
    "id",
)


@dataclass
class TargetRisk:
    risk: float
    reasons: list[str]


def _target_risks(store: GraphStore, ids: list[str]) -> dict[str, TargetRisk]:
    risks: dict[str, TargetRisk] = {i: TargetRisk(0.0, []) for i in ids}
    for row in store.run(TARGET_LISTINGS, {"ids": ids}):
        r = risks[row["id"]]
        r.risk = max(r.risk, 0.9)
        r.reasons.append(f"listed: {row['list_code']} {row['program'] or ''}".strip() + f" ({row['authority'] or row['dataset']})")
    for row in store.run(TARGET_ABUSES, {"ids": ids}):
        r = risks[row["id"]]
        conf = float(row["confidence"] or 0.5) * (0.7 if row["hedged"] else 1.0)
        r.risk = max(r.risk, 0.6 + 0.35 * conf)
        reason = f"documented abuse against {row['victim_group'] or 'people'} ({row['publisher'] or 'report'})"
        if reason not in r.reasons:
            r.reasons.append(reason)
    for row in store.run(TARGET_COUNTRIES, {"ids": ids}):
        r = risks[row["id"]]
        status, value = row["indicator"], row["value"]
        if (status == "fiw_status" and value == "NF") or (
            status == "fiw_total" and isinstance(value, (int, float)) and value < 35
        ):
            r.risk = max(r.risk, 0.5)
            reason = f"located in {row['name'] or row['country']}: Freedom House 'Not Free'"
            if reason not in r.reasons:
                r.reasons.append(reason)
    return risks


def _flows_forward(nodes: list[dict[str, Any]], rels: list[dict[str, Any]]) -> bool:
    """A supply edge must point from the node before it to the node after it on the path."""
    for i, rel in enumerate(rels):
        if rel["type"] == "SUPPLIED" and rel["start"] != nodes[i]["id"]:
            return False
    return True


def _edge_evidence(rel: dict[str, Any], passages: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    props = rel.get("props") or {}
    out: list[dict[str, Any]] = []
    for pid in props.get("evidence") or []:
        p = passages.get(pid)
        if p:
            out.append(
                {"kind": "passage", "source": p["publisher"], "url": p["url"], "passage": p["passage"],
                 "tier": p["tier"], "confidence": props.get("confidence"), "status": props.get("status"),
                 "hedged": props.get("hedged", False)}
            )
    if props.get("dataset"):
        out.append(
            {"kind": "list", "source": props["dataset"], "url": props.get("source_url") or "",
             "passage": f"{props.get('schema') or rel['type']} record {props.get('relation_id') or ''}".strip(),
             "status": props.get("status", "curated")}
        )
    if rel["type"] in ("SAME_AS", "POSSIBLY_SAME_AS"):
        expl = explanation_object(props.get("explanation"))
        features = ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in expl.items())
        out.append(
            {"kind": "resolution", "source": "entity resolution", "url": "",
             "passage": f"score {props.get('score')}" + (f": {features}" if features else ""),
             "explanation": expl, "status": props.get("judgement") or "scored"}
        )
    return out


def explanation_object(value: Any) -> dict[str, Any]:
    """A match explanation as an object: the graph stores it as a JSON text (properties hold no maps); a
    text that is not a JSON object is kept under ``text``."""
    if isinstance(value, dict):
        return dict(value)
    if not value:
        return {}
    try:
        parsed = json.loads(str(value))
    except ValueError:
        return {"text": str(value)}
    return parsed if isinstance(parsed, dict) else {"text": str(value)}


def find_paths(
    store: GraphStore,
    transaction_id: str | None = None,
    party_id: str | None = None,
    max_depth: int = 4,
    limit: int = 20,
    relation_types: tuple[str, ...] | None = None,
    cap: int = 5000,
) -> dict[str, Any]:
    """Ranked diversion paths; JSON-ready. ``partial`` is true when the search hit its cap."""
    if not transaction_id and not party_id:
        raise ValueError("give a transaction id or a party id")
    depth = max(1, min(int(max_depth), MAX_DEPTH))
    allowed = set(relation_types or FOLLOW)
    prefixes: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    starts: list[dict[str, Any]] = []
    if transaction_id:
        parties = store.run(TX_PARTIES, {"id": transaction_id})
        if not parties:
            raise ValueError(f"transaction {transaction_id!r} is not in the graph (or has no parties)")
        by_role: dict[str, dict[str, Any]] = {}
        for p in parties:
            by_role.setdefault(p["role"], p)
        chain = [by_role[r] for r in ("exporter", "customer", "intermediary", "consignee", "end_user") if r in by_role]
        seen: list[dict[str, Any]] = []
        for p in chain:
            if seen and seen[-1]["id"] == p["id"]:
                continue
            seen.append(p)
        for i, p in enumerate(seen):
            prefix = []
            for a, b in zip(seen[: i + 1], seen[1 : i + 1], strict=False):
                prefix.append(
                    (
                        {"id": a["id"], "name": a["name"], "labels": a["labels"]},
                        {"type": "DEAL", "source": a["id"], "target": b["id"],
                         "evidence": [{"kind": "transaction", "source": f"transaction {transaction_id}", "url": "",
                                       "passage": f"{b['name']} is the deal's {b['role']}", "status": "curated"}]},
                    )
                )
            prefixes[p["id"]] = prefix
            if p.get("role") != "exporter":
                starts.append(p)
    else:
        rows = store.run(ENTITY, {"id": party_id})
        if not rows:
            raise ValueError(f"party {party_id!r} is not in the graph")
        starts = [rows[0]]
        prefixes[rows[0]["id"]] = []

    raw: list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]] = []
    explored = 0
    partial = False
    for s in starts:
        rows = store.run(PATH_QUERIES[depth], {"start": s["id"], "cap": cap})
        explored += len(rows)
        partial = partial or len(rows) >= cap
        for row in rows:
            nodes, rels = row["nodes"], row["rels"]
            if any(r["type"] not in allowed for r in rels) or not _flows_forward(nodes, rels):
                continue
            if len({n["id"] for n in nodes}) < len(nodes):
                continue
            raw.append((s["id"], nodes, rels))
    targets = sorted({nodes[-1]["id"] for _, nodes, _ in raw})
    risks = _target_risks(store, targets) if targets else {}
    pids = sorted({pid for _, _, rels in raw for r in rels for pid in (r.get("props") or {}).get("evidence") or []})
    passages = {p["id"]: p for p in store.run(PASSAGES, {"ids": pids})} if pids else {}

    best: dict[tuple[str, ...], dict[str, Any]] = {}
    for start, nodes, rels in raw:
        target = risks.get(nodes[-1]["id"])
        if target is None or target.risk <= 0:
            continue
        confs = [float((r.get("props") or {}).get("confidence") or 1.0) for r in rels]
        hedged = any((r.get("props") or {}).get("hedged") for r in rels)
        score = target.risk * (PATH_DECAY ** (len(rels) - 1)) * min(confs) * (0.8 if hedged else 1.0)
        prefix = prefixes.get(start, [])
        out_nodes = [n for n, _ in prefix] + [
            {"id": n["id"], "name": n["name"], "labels": n["labels"]} for n in nodes
        ]
        out_rels = [r for _, r in prefix] + [
            {"type": r["type"], "source": r["start"], "target": r["end"], "evidence": _edge_evidence(r, passages),
             "status": (r.get("props") or {}).get("status"), "confidence": (r.get("props") or {}).get("confidence"),
             "judgement": (r.get("props") or {}).get("judgement")}
            for r in rels
        ]
        key = tuple(n["id"] for n in out_nodes)
        reasons = list(target.reasons)
        if hedged:
            reasons.append("some evidence on the path is hedged")
        if any((r.get("props") or {}).get("status") == "extracted" for r in rels):
            reasons.append("some links are extracted from text and not yet confirmed")
        risk = round(100.0 * score, 1)  # the deals' 0-100 scale (redflag/rules/score.py), with the same bands
        candidate = {"nodes": out_nodes, "relationships": out_rels, "risk": risk, "risk_band": band(risk),
                     "reasons": reasons}
        if key not in best or best[key]["risk"] < candidate["risk"]:
            best[key] = candidate
    ranked = sorted(best.values(), key=lambda p: (-p["risk"], len(p["relationships"]), [n["id"] for n in p["nodes"]]))
    return {"paths": distinct_paths(ranked)[:limit], "partial": partial, "explored": explored}


SAME_AS_TYPES = ("SAME_AS", "POSSIBLY_SAME_AS")


def _norm(name: Any) -> str:
    return " ".join(str(name or "").casefold().split())


def name_key(path: dict[str, Any]) -> tuple[str, ...]:
    """The sequence of names a path reads as once its same-as hops are collapsed (the node a same-as hop
    reaches stands for the one before it)."""
    nodes, rels = path["nodes"], path["relationships"]
    key = [_norm(nodes[0]["name"] or nodes[0]["id"])]
    for rel, node in zip(rels, nodes[1:], strict=False):
        if rel["type"] in SAME_AS_TYPES:
            continue
        key.append(_norm(node["name"] or node["id"]))
    return tuple(key)


def distinct_paths(ranked: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop near-duplicates: of the paths with the same :func:`name_key`, the first (best ranked) is kept."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for p in ranked:
        key = name_key(p)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def path_text(path: dict[str, Any]) -> str:
    """A path as one line of names: ``A -> [supplied] B <- [director of] C ...`` (``<-`` where the relationship
    points back); a same-as hop reads ``= the same as`` (confirmed) or ``≈ possibly the same as`` (a candidate),
    and a second record of a name already said is marked as such."""
    nodes, rels = path["nodes"], path["relationships"]
    out = str(nodes[0]["name"] or nodes[0]["id"])
    said = {_norm(nodes[0]["name"])}
    for rel, prev, node in zip(rels, nodes, nodes[1:], strict=False):
        name = str(node["name"] or node["id"])
        if rel["type"] in SAME_AS_TYPES:
            confirmed = rel["type"] == "SAME_AS" or rel.get("judgement") == "same"
            mark = "= the same as" if confirmed else "≈ possibly the same as"
            target = "another record of that name" if _norm(name) == _norm(prev["name"]) else name
            out += f" ({mark} {target})" if target != name else f" {mark} {name}"
        else:
            if rel["type"] == "DEAL":
                verb = ""
            elif rel["type"] == "HAS_ADDRESS":
                verb = " [at address]" if "Address" in (node.get("labels") or []) else " [also at that address]"
            else:
                verb = f" [{rel['type'].lower().replace('_', ' ')}]"
            again = " (another record of that name)" if _norm(name) in said else ""
            arrow = "<-" if rel.get("target") == prev["id"] and rel["type"] != "HAS_ADDRESS" else "->"
            out += f" {arrow}{verb} {name}{again}"
        said.add(_norm(name))
    return out

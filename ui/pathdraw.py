"""A diversion path as a left-to-right drawing: one box per party, the reason on each hop.

Input is one path of ``redflag.paths.find_paths`` (``nodes`` with id, name, labels; ``relationships`` with
type, source, target, evidence, status, judgement). Two records joined by a same-as hop that carry the same
name are drawn as one node ("2 records"), so a name never appears twice in a row; a same-as hop between
different names stays a hop that says "possibly the same as" (a candidate) or "the same as" (confirmed).
"""

from __future__ import annotations

from typing import Any

from redflag.paths import SAME_AS_TYPES, _norm
from ui import graphlayout


def hop_reason(rel: dict[str, Any]) -> str:
    """Why one hop is on the path, in words: the relation and where it comes from (source, tier, confidence)."""
    kind = str(rel.get("type") or "")
    evidence = [e for e in rel.get("evidence") or [] if isinstance(e, dict)]
    first = evidence[0] if evidence else {}
    if kind in SAME_AS_TYPES:
        if kind == "SAME_AS" or rel.get("judgement") == "same":
            return "the same as (confirmed)"
        score = str(first.get("passage") or "").removeprefix("score ").split(":")[0]
        return f"possibly the same as (candidate, score {score})" if score[:1].isdigit() else "possibly the same as (candidate)"
    if kind == "DEAL":
        text = str(first.get("passage") or "")
        return "deal: " + (text.split("the deal's ")[-1] if "the deal's " in text else (first.get("source") or "party"))
    words = kind.replace("_", " ").lower()
    bits = [str(first.get("source") or first.get("publisher") or "")] if first else []
    if first.get("tier") not in (None, ""):
        bits.append(f"tier {first['tier']}")
    if first.get("confidence") is not None and float(first["confidence"]) < 1.0:
        bits.append(f"confidence {float(first['confidence']):.2f}")
    if any(e.get("hedged") for e in evidence):
        bits.append("hedged")
    if str(rel.get("status") or first.get("status") or "") == "extracted":
        bits.append("not yet confirmed")
    bits = [b for b in bits if b]
    return words + (" · " + " · ".join(bits) if bits else "")


def drawing(
    path: dict[str, Any], start: dict[str, str] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, tuple[float, float]], dict[str, str]]:
    """Nodes, edges, positions (left to right) and edge captions for ``graphview.elements``.

    ``start``: an optional first node (``{"id", "name", "label"}``, the transaction) joined to the path's
    first node by a hop captioned "party of the deal" (left out when the path starts at a transaction). Returns ``(nodes, edges, positions, captions)``.
    """
    raw_nodes = list(path.get("nodes") or [])
    rels = list(path.get("relationships") or [])
    drawn: list[dict[str, Any]] = []
    stands_for: dict[str, str] = {}  # record id -> id of the drawn node
    edges: list[dict[str, Any]] = []
    captions: dict[str, str] = {}
    if start and raw_nodes and "Transaction" in (raw_nodes[0].get("labels") or []):
        start = None  # the path starts at the transaction already
    if start:
        drawn.append({"id": start["id"], "name": start["name"], "label": start.get("label") or "Transaction"})
    for i, node in enumerate(raw_nodes):
        nid, name = str(node.get("id")), str(node.get("name") or node.get("id"))
        rel = rels[i - 1] if i > 0 and i - 1 < len(rels) else None
        prev = raw_nodes[i - 1] if i > 0 else None
        if rel is not None and prev is not None and rel.get("type") in SAME_AS_TYPES and _norm(name) == _norm(prev.get("name")):
            keep = stands_for[str(prev.get("id"))]
            stands_for[nid] = keep
            d = next(x for x in drawn if x["id"] == keep)
            d["records"] = d.get("records", 1) + 1
            d["name"] = f"{d['base']} ({d['records']} records, {hop_reason(rel)})"
            continue
        label = (node.get("labels") or ["Node"])[0]
        drawn.append({"id": nid, "name": name, "base": name, "label": label})
        stands_for[nid] = nid
        if rel is not None and prev is not None:
            eid = f"hop{i}"
            src, dst = stands_for[str(prev.get("id"))], nid
            if rel.get("target") == prev.get("id"):  # the relation points back: its arrow does too
                src, dst = dst, src
            edges.append({"id": eid, "type": rel.get("type"), "source": src, "target": dst, "props": {}})
            captions[eid] = hop_reason(rel)
    if start and len(drawn) > 1:
        edges.insert(0, {"id": "hop0", "type": "HAS_PARTY", "source": start["id"], "target": drawn[1]["id"], "props": {}})
        captions["hop0"] = "party of the deal"
    for i, d in enumerate(drawn):  # captions above and below in turn (graphview's "path" and "up" styles)
        d["classes"] = "path up" if i % 2 else "path"
    for edge in edges:
        edge["classes"] = "path"
    positions = dict(zip((d["id"] for d in drawn), graphlayout.left_to_right(len(drawn)), strict=True))
    return drawn, edges, positions, captions

"""The item register ("consider the item"): the exporter's products as records, validated like deals.

An item has capabilities (concepts of the capability taxonomy), an export classification (ECCN, EU Annex I
entry, or "not listed"), an EU cyber-surveillance mark and its built-in safeguards. From the capabilities
the register derives the item's misuse potential (the abuse types it could serve, with how often the graph
documents them) and the safeguards the guidance expects but the item lacks. The item-related red flags
(DOS-I1..I3, EU-03, EU-04) read the same Item node, so importing an item re-evaluates every transaction
that includes it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.queries import q
from graph.store import GraphStore
from ontology import vocab
from ontology.records import RowError
from redflag.rules import taxonomy
from redflag.rules.item import SAFEGUARDS
from redflag.services.world import load_items

SAFEGUARD_KEYS = tuple(SAFEGUARDS)
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n", "never", "none"}
_PARTIAL = {"configurable", "partial", "optional"}
_UNKNOWN = {"", "unknown", "not recorded"}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
# ECCN (e.g. 5A001.j, 4D004) or EAR99; an EU Annex I entry uses the same shape.
_CLASSIFICATION = re.compile(r"^(EAR99|[0-9][A-E][0-9]{3}(\.[A-Za-z0-9]+)*)$", re.IGNORECASE)
NOT_LISTED = "not listed"

ITEMS = q(
    "stewardship.items",
    "MATCH (i:Item) WHERE i.registered = true OPTIONAL MATCH (i)-[:HAS_CAPABILITY]->(c:Capability) "
    "OPTIONAL MATCH (m:Entity)-[:MAKES]->(i) "
    "RETURN properties(i) AS item, collect(DISTINCT c.id) AS caps, collect(DISTINCT m.name) AS makers "
    "ORDER BY item.id",
)
ITEM = q(
    "stewardship.item",
    "MATCH (i:Item {id: $id}) OPTIONAL MATCH (i)-[:HAS_CAPABILITY]->(c:Capability) "
    "OPTIONAL MATCH (m:Entity)-[:MAKES]->(i) "
    "RETURN properties(i) AS item, collect(DISTINCT c.id) AS caps, "
    "collect(DISTINCT {id: m.id, name: m.name}) AS makers",
    "id",
)
ITEM_TRANSACTIONS = q(
    "stewardship.item_transactions",
    "UNWIND $ids AS iid MATCH (t:Transaction)-[r:INCLUDES]->(i:Item {id: iid}) "
    "RETURN DISTINCT t.id AS id, t.title AS title, t.status AS status, r.quantity AS quantity ORDER BY id",
    "ids",
)
ABUSE_EVENTS = q(
    "stewardship.abuse_events",
    "MATCH (ev:Event) WHERE ev.type = 'abuse' AND coalesce(ev.status, 'extracted') <> 'rejected' "
    "AND coalesce(ev.negated, false) = false "
    "OPTIONAL MATCH (ev)-[:PARTICIPANT]->(c:Capability) "
    "RETURN ev.abuse_type AS abuse_type, ev.victim_group AS victim_group, "
    "coalesce(ev.summary, ev.sentence) AS summary, "
    "collect(DISTINCT c.id) AS caps",
)


class ItemValidationError(ValueError):
    """Every problem of an items file, each with file, row and field."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        lines = [f"{e.source} row {e.line}, field {e.field}: {e.reason}" for e in errors[:20]]
        more = f" (and {len(errors) - 20} more)" if len(errors) > 20 else ""
        super().__init__("; ".join(lines) + more)


class ItemNotFound(LookupError):
    pass


def safeguard_value(raw: Any) -> bool | str | None:
    """True (has it), False (lacks it), "configurable" (partial) or None (not recorded); ValueError otherwise."""
    if isinstance(raw, bool) or raw is None:
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text in _PARTIAL:
        return "configurable"
    if text in _UNKNOWN:
        return None
    raise ValueError(f"expected yes, no, configurable or unknown, got {str(raw)[:40]!r}")


def _validate(raw: dict[str, Any], source: str, line: int, errors: list[RowError]) -> dict[str, Any] | None:
    before = len(errors)

    def err(field: str, reason: str) -> None:
        errors.append(RowError(source, line, field, reason))

    iid = str(raw.get("id") or "").strip()
    if not iid:
        err("id", "an item needs an id")
    elif not _ID.match(iid):
        err("id", f"{iid[:40]!r} is not a plain id (letters, digits, . _ -, up to 64)")
    name = str(raw.get("name") or "").strip()
    if not name:
        err("name", "an item needs a name")
    elif len(name) > 200:
        err("name", "longer than 200 characters")
    caps_raw = raw.get("capabilities")
    caps = [c.strip() for c in caps_raw.split(";")] if isinstance(caps_raw, str) else caps_raw
    if not isinstance(caps, list) or not [c for c in caps if str(c).strip()]:
        err("capabilities", "list at least one capability of the taxonomy (e.g. facial_recognition)")
        caps = []
    known = {c.id for c in vocab.capabilities()}
    caps = [str(c).strip() for c in caps if str(c).strip()]
    for c in caps:
        if c not in known:
            err("capabilities", f"{c[:40]!r} is not a capability of the taxonomy")
    eccn = str(raw.get("eccn") or "").strip()
    if eccn and eccn.lower() != NOT_LISTED and not _CLASSIFICATION.match(eccn):
        err("eccn", f"{eccn[:40]!r} is not an ECCN (e.g. 5A001.j, EAR99) or 'not listed'")
    eu_raw = raw.get("eu_classification")
    eu: dict[str, Any] = eu_raw if isinstance(eu_raw, dict) else {}
    annex = str(raw.get("eu_annex") or eu.get("annex_i") or "").strip()
    if annex and annex.lower() != NOT_LISTED and not _CLASSIFICATION.match(annex):
        err("eu_annex", f"{annex[:40]!r} is not an Annex I entry (e.g. 5A001.j) or 'not listed'")
    cyber_raw = raw.get("cyber_surveillance", eu.get("cyber_surveillance_item", False))
    try:
        cyber = safeguard_value(cyber_raw)
    except ValueError as exc:
        err("cyber_surveillance", str(exc).replace("configurable or ", ""))
        cyber = None
    if cyber == "configurable":
        err("cyber_surveillance", "expected yes or no")
    sg_in = raw.get("safeguards")
    sg_raw: dict[str, Any] = sg_in if isinstance(sg_in, dict) else raw
    safeguards: dict[str, Any] = {}
    for key in SAFEGUARD_KEYS:
        try:
            safeguards[key] = safeguard_value(sg_raw.get(key))
        except ValueError as exc:
            err(key, str(exc))
    if isinstance(raw.get("safeguards"), dict):
        for key in raw["safeguards"]:
            if key not in SAFEGUARD_KEYS:
                err(f"safeguards.{key}", f"unknown safeguard; known: {', '.join(SAFEGUARD_KEYS)}")
    if len(errors) > before:
        return None
    return {
        "id": iid,
        "name": name,
        "maker": str(raw.get("maker") or "").strip() or None,
        "version": str(raw.get("version") or ""),
        "description": str(raw.get("description") or "")[:4000],
        "capabilities": caps,
        "eccn": eccn or NOT_LISTED,
        "eu_classification": {"annex_i": annex if annex and annex.lower() != NOT_LISTED else None,
                              "cyber_surveillance_item": bool(cyber)},
        "hs_code": str(raw.get("hs_code") or ""),
        "safeguards": {k: v for k, v in safeguards.items() if v is not None},
    }  # fmt: skip


def parse_items(path: Path) -> list[dict[str, Any]]:
    """Read and validate an items file (.json like sample_world/items.json, or .csv with one column per field;
    capabilities separated by ';'). Raises ItemValidationError listing every problem; nothing is half-read."""
    source = path.name
    errors: list[RowError] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ItemValidationError([RowError(source, 0, "(file)", f"cannot read the file: {exc}")]) from exc
    rows: list[tuple[int, dict[str, Any]]] = []
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ItemValidationError([RowError(source, exc.lineno, "(json)", exc.msg)]) from exc
        records = data.get("items") if isinstance(data, dict) else data
        if not isinstance(records, list):
            raise ItemValidationError([RowError(source, 1, "items", "expected a list of items")])
        for i, r in enumerate(records, start=1):
            if isinstance(r, dict):
                rows.append((i, r))
            else:
                errors.append(RowError(source, i, "(item)", "each item must be an object"))
    elif suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "id" not in reader.fieldnames:
            raise ItemValidationError([RowError(source, 1, "id", "the header row has no 'id' column")])
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                errors.append(RowError(source, reader.line_num, "(row)", "the row's field count differs from the header"))
                continue
            rows.append((reader.line_num, dict(row)))
    else:
        raise ItemValidationError([RowError(source, 0, "(file)", "items files must be .json or .csv")])
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for line, raw in rows:
        item = _validate(raw, source, line, errors)
        raw_id = str(raw.get("id") or "").strip()
        if raw_id and raw_id in seen:
            errors.append(RowError(source, line, "id", f"item {raw_id!r} appears twice"))
        seen.add(raw_id)
        if item is not None:
            items.append(item)
    if errors:
        raise ItemValidationError(errors)
    return items


def import_items(store: GraphStore, path: Path, *, reevaluate: bool = True) -> dict[str, Any]:
    """Validate the whole file, then write the items; re-evaluate the transactions that include them."""
    items = parse_items(path)
    known_makers = {str(m["id"]) for m in _entities(store, [i["maker"] for i in items if i["maker"]])}
    missing = [(n, i) for n, i in enumerate(items, start=1) if i["maker"] and i["maker"] not in known_makers]
    if missing:
        raise ItemValidationError(
            [RowError(path.name, n, "maker", f"no party with id {i['maker']!r} in the graph") for n, i in missing]
        )
    load_items(store, items)
    touched = reevaluate_transactions(store, [i["id"] for i in items]) if reevaluate else []
    return {"items": [i["id"] for i in items], "transactions_reevaluated": touched}


ENTITIES_BY_ID = q(
    "stewardship.entities_by_id", "UNWIND $ids AS eid MATCH (e:Entity {id: eid}) RETURN e.id AS id", "ids"
)


def _entities(store: GraphStore, ids: list[str]) -> list[dict[str, Any]]:
    return store.run(ENTITIES_BY_ID, {"ids": ids}) if ids else []


def reevaluate_transactions(store: GraphStore, item_ids: list[str]) -> list[str]:
    """Evaluate and store the findings of every transaction that includes one of the items."""
    from redflag.rules.engine import evaluate
    from redflag.services.findings import persist_findings

    txs = [str(r["id"]) for r in store.run(ITEM_TRANSACTIONS, {"ids": item_ids})]
    for tx in dict.fromkeys(txs):
        persist_findings(store, evaluate(store, tx))
    return list(dict.fromkeys(txs))


@dataclass
class SafeguardState:
    key: str
    label: str
    value: bool | str | None
    expected: bool

    @property
    def state(self) -> str:
        if self.value is True:
            return "present"
        if self.value is False:
            return "missing"
        if self.value is None:
            return "not recorded"
        return "partial"

    @property
    def gap(self) -> bool:
        return self.expected and self.state in ("missing", "partial", "not recorded")


def safeguard_states(props: dict[str, Any], capabilities: list[str]) -> list[SafeguardState]:
    """Each safeguard with its state; all are expected when the item has a capability in the guidance's scope."""
    in_scope = any(taxonomy.in_dos_scope(c) for c in taxonomy.with_broader(capabilities))
    out = []
    for key, label in SAFEGUARDS.items():
        try:
            value = safeguard_value(props.get(key))
        except ValueError:
            value = str(props.get(key))
        out.append(SafeguardState(key, label, value, in_scope))
    return out


def misuse_potential(store: GraphStore, capabilities: list[str]) -> list[dict[str, Any]]:
    """The abuse types the capabilities could serve, each with the number of abuse events in the graph."""
    served = taxonomy.abuse_types_served(capabilities)
    documented: Counter[str] = Counter()
    for r in store.run(ABUSE_EVENTS):
        for a in taxonomy.event_abuse_types(r) & served:
            documented[a] += 1
    kinds = vocab.abuse_types()
    return [
        {
            "abuse_type": a,
            "label": kinds[a].label if a in kinds else a,
            "documented_events": documented[a],
        }
        for a in sorted(served)
    ]


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    props = dict(row["item"])
    caps = sorted(c for c in row["caps"] if c) or list(props.get("capabilities") or [])
    states = safeguard_states(props, caps)
    return {
        "id": props["id"],
        "name": props.get("name"),
        "capabilities": caps,
        "eccn": props.get("eccn") or NOT_LISTED,
        "eu_annex": props.get("eu_annex") or NOT_LISTED,
        "cyber_surveillance": bool(props.get("cyber_surveillance")),
        "in_guidance_scope": any(s.expected for s in states),
        "safeguards": {s.key: s.state for s in states},
        "gaps": [s.key for s in states if s.gap],
    }


def list_items(store: GraphStore) -> list[dict[str, Any]]:
    """Every item of the register with its classification, safeguard states and gaps."""
    rows = store.run(ITEMS)
    return [_summary(r) for r in rows if r["item"] and r["item"].get("id")]


def item_profile(store: GraphStore, item_id: str) -> dict[str, Any]:
    """One item: its record, capabilities with labels, safeguards and gaps, misuse potential, transactions."""
    rows = store.run(ITEM, {"id": item_id})
    if not rows:
        raise ItemNotFound(f"no item with id {item_id!r} in the register; `redflag items list` shows them")
    row = rows[0]
    out = _summary(row)
    props = dict(row["item"])
    out.update(
        {
            "description": props.get("description") or "",
            "version": props.get("version") or "",
            "hs_code": props.get("hs_code") or "",
            "makers": [m for m in row["makers"] if m and m.get("id")],
            "capability_labels": {c: taxonomy.label(c) for c in out["capabilities"]},
            "safeguard_detail": [
                {"key": s.key, "label": s.label, "state": s.state, "expected": s.expected, "gap": s.gap}
                for s in safeguard_states(props, out["capabilities"])
            ],
            "misuse_potential": misuse_potential(store, out["capabilities"]),
            "transactions": [dict(r) for r in store.run(ITEM_TRANSACTIONS, {"ids": [item_id]})],
        }
    )
    return out

"""Export a property-graph dump as FollowTheMoney-style entities, one JSON object per line.

Input is the store's dump: nodes ``{"id", "labels", "props"}`` and relationships ``{"type", "source",
"target", "props"}``. Entity nodes keep their FtM ``schema`` (Company, Person, PublicBody...); addresses,
documents and list entries map to FtM's Address, Document and Sanction; OWNS, DIRECTOR_OF and LINKED_TO
become Ownership, Directorship and UnknownLink entities. Every property value is a list of strings, as in
FtM. Nodes and relationships with no FtM counterpart are left out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

Row = Mapping[str, Any]

# graph property key -> FtM property, per exported kind
_ENTITY_PROPS = {
    "name": "name",
    "aliases": "alias",
    "countries": "country",
    "country": "country",
    "roles": "topics",
    "registration_number": "registrationNumber",
    "incorporation_date": "incorporationDate",
    "website": "website",
    "email": "email",
    "phone": "phone",
    "notes": "notes",
    "source_url": "sourceUrl",
}
_ADDRESS_PROPS = {"text": "full", "country": "country"}
_DOCUMENT_PROPS = {"title": "title", "url": "sourceUrl", "publisher": "publisher", "published": "publishedAt"}
_LISTING_PROPS = {
    "authority": "authority",
    "program": "program",
    "list_code": "listingCode",
    "start_date": "startDate",
    "end_date": "endDate",
    "source_url": "sourceUrl",
    "reason": "reason",
}
_REL_SCHEMAS: dict[str, tuple[str, str, str, dict[str, str]]] = {
    # type: (schema, source property, target property, property map)
    "OWNS": (
        "Ownership",
        "owner",
        "asset",
        {"share": "percentage", "start_date": "startDate", "end_date": "endDate"},
    ),
    "DIRECTOR_OF": ("Directorship", "director", "organization", {"role": "role", "start_date": "startDate"}),
    "LINKED_TO": ("UnknownLink", "subject", "object", {"role": "role"}),
}
DEFAULT_SCHEMA = "LegalEntity"


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, float) and value.is_integer():
        return [str(int(value))]
    return [str(value)] if str(value) != "" else []


def _properties(props: Mapping[str, Any], mapping: Mapping[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, ftm_key in mapping.items():
        values = _strings(props.get(key))
        if values:
            out.setdefault(ftm_key, [])
            out[ftm_key] += [v for v in values if v not in out[ftm_key]]
    return out


def _derived_id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()  # noqa: S324 - an id, not security


def to_ftm(nodes: Iterable[Row], relationships: Iterable[Row]) -> Iterator[dict[str, Any]]:
    """FtM entities ``{"id", "schema", "properties"}`` for the exportable part of a dump."""
    rels = list(relationships)
    listed: dict[str, list[str]] = {}
    for rel in rels:
        if rel["type"] == "HAS_LISTING":
            listed.setdefault(str(rel["target"]), []).append(str(rel["source"]))
    for node in nodes:
        labels = set(node.get("labels") or [])
        props = node.get("props") or {}
        node_id = str(node["id"])
        if "Entity" in labels:
            schema = str(props.get("schema") or DEFAULT_SCHEMA)
            yield {"id": node_id, "schema": schema, "properties": _properties(props, _ENTITY_PROPS)}
        elif "Address" in labels:
            yield {"id": node_id, "schema": "Address", "properties": _properties(props, _ADDRESS_PROPS)}
        elif "Document" in labels:
            yield {"id": node_id, "schema": "Document", "properties": _properties(props, _DOCUMENT_PROPS)}
        elif "Listing" in labels:
            properties = _properties(props, _LISTING_PROPS)
            if node_id in listed:
                properties["entity"] = sorted(listed[node_id])
            yield {"id": node_id, "schema": "Sanction", "properties": properties}
    for rel in rels:
        spec = _REL_SCHEMAS.get(str(rel["type"]))
        if spec is None:
            continue
        schema, source_key, target_key, mapping = spec
        props = rel.get("props") or {}
        properties = _properties(props, mapping)
        properties[source_key] = [str(rel["source"])]
        properties[target_key] = [str(rel["target"])]
        key = str(props.get("key") or "")
        yield {
            "id": _derived_id(schema, str(rel["source"]), str(rel["target"]), key),
            "schema": schema,
            "properties": properties,
        }


def write_ftm(nodes: Iterable[Row], relationships: Iterable[Row], path: str | Path) -> Path:
    """Write the FtM entities as JSON lines (UTF-8) to ``path``; returns the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for entity in to_ftm(nodes, relationships):
            fh.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
    return out

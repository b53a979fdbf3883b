"""Investigator look-ups: find entities by name, show one entity, and turn a name or an id into one entity.

``find_entities`` scores every entity of the graph (list entities, deal parties, entities extracted from
reports) with the screening algorithm (``logic-v1``, redflag/matching/screening) over names and aliases.
``resolve_entity`` is the one resolver every ``--party``/``--entity`` option of the CLI uses: an exact id
wins; else a name that matches one entity clearly (one entity whose name or alias is the same once
normalized, or else exactly one candidate at or above the match threshold) is used; anything else is
:class:`AmbiguousEntity` (with the candidates) or :class:`UnknownEntity`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.queries import q
from graph.store import GraphStore
from redflag.matching.analysis import analyze_name
from redflag.matching.screening import Candidate, Screener

ENTITY_IDS = q("lookup.entity_by_id", "MATCH (e:Entity {id: $id}) RETURN e.id AS id, e.name AS name", "id")
ALL_ENTITIES = q(
    "lookup.all_entities",
    "MATCH (e:Entity) OPTIONAL MATCH (e)-[:HAS_LISTING]->(l:Listing) "
    "RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.schema AS schema, e.countries AS countries, "
    "e.origin AS origin, e.listed AS listed, collect(DISTINCT l.list_code) AS lists, "
    "collect(DISTINCT l.program) AS programs, collect(DISTINCT l.dataset) AS datasets LIMIT $limit",
    "limit",
)
DEAL_PARTY = q(
    "lookup.deal_party_ids",
    "MATCH (:Transaction)-[:HAS_PARTY]->(e:Entity) WHERE e.id IN $ids RETURN DISTINCT e.id AS id",
    "ids",
)

SAME_AS_OF = q(
    "lookup.same_as_of",
    "MATCH (a:Entity {id: $id})-[:SAME_AS|POSSIBLY_SAME_AS]-(b:Entity) WHERE b.id IN $ids RETURN DISTINCT b.id AS other",
    "id",
    "ids",
)

POOL = 500_000
"""At most this many entities are read for one look-up (the demo world holds a few hundred)."""


class LookupError_(ValueError):
    """Base of the look-up errors (a ValueError: the CLI shows it as one line)."""


class UnknownEntity(LookupError_):
    """No entity has this id, and no entity's name matches it."""


class AmbiguousEntity(LookupError_):
    """A name matches several entities, none clearly; ``candidates`` lists them, best first."""

    def __init__(self, text: str, candidates: list[dict[str, Any]]) -> None:
        self.text = text
        self.candidates = candidates
        lines = [f"  {c['id']}  {c['name']}  ({c['schema'] or 'entity'}; {', '.join(c['countries']) or 'no country'}; "
                 f"{', '.join(c['lists']) or 'not listed'}; {', '.join(c['origin']) or 'origin unknown'}; "
                 f"score {c['score']:.2f})" for c in candidates]
        super().__init__(f"{text!r} matches {len(candidates)} entities; give one of these ids:\n" + "\n".join(lines))


@dataclass(frozen=True)
class Resolved:
    """The entity a name or id stands for, and how it was found (``id``, ``name`` or ``fuzzy``)."""

    id: str
    name: str
    how: str
    score: float = 1.0

    def note(self, text: str) -> str:
        """One line for stderr saying which entity a name was taken to mean (empty for an exact id)."""
        if self.how == "id":
            return ""
        kind = {"name": "the entity named", "record": "the deal or list record (its namesakes extracted from reports "
                "are candidate duplicates of it)"}.get(
            self.how, f"the closest match (score {self.score:.2f}),")
        return f"{text!r}: using {kind} {self.name} ({self.id})"


def _origin(row: dict[str, Any], deal_parties: set[str]) -> list[str]:
    raw = row.get("origin")
    out = [str(o) for o in raw] if isinstance(raw, list) else ([str(raw)] if raw else [])
    if row.get("listed") and "list" not in out:
        out.append("list")
    if row["id"] in deal_parties and "deal" not in out:
        out.append("deal")
    return out


@dataclass
class _Pool:
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    screener: Screener | None = None


def _pool(store: GraphStore) -> _Pool:
    pool = _Pool()
    rows = [dict(r) for r in store.run(ALL_ENTITIES, {"limit": POOL})]
    ids = [str(r["id"]) for r in rows]
    deal = {str(r["id"]) for r in store.run(DEAL_PARTY, {"ids": ids})} if ids else set()
    cands = []
    for r in rows:
        eid = str(r["id"])
        name, schema = str(r["name"] or eid), str(r["schema"] or "")
        aliases = [str(a) for a in r["aliases"] or [] if a]
        countries = [str(c) for c in r["countries"] or [] if c]
        lists = sorted({str(x) for x in r["lists"] or [] if x})
        programs = sorted({str(x) for x in r["programs"] or [] if x})
        pool.rows[eid] = {
            "id": eid, "name": name, "aliases": aliases, "schema": schema, "countries": countries, "lists": lists,
            "programs": programs, "datasets": sorted({str(x) for x in r["datasets"] or [] if x}),
            "origin": _origin({**r, "id": eid}, deal),
        }
        cands.append(Candidate(id=eid, name=name, aliases=aliases, countries=countries,
                               schema=schema or "LegalEntity", lists=lists, programs=programs))
    pool.screener = Screener(cands)
    return pool


def find_entities(
    store: GraphStore, name: str, *, limit: int = 10, threshold: float = 0.5, country: str | None = None
) -> list[dict[str, Any]]:
    """Entities whose name or an alias matches NAME, best first: ``{id, name, matched_name, score, schema,
    countries, lists, programs, datasets, origin, explanation}`` (score 0-1, ``logic-v1`` features as a dict)."""
    if not name.strip():
        raise UnknownEntity("give a name to look up")
    pool = _pool(store)
    assert pool.screener is not None
    result = pool.screener.screen(name, country=country, threshold=threshold, limit=limit)
    out = []
    for m in result.matches:
        row = pool.rows[m.id]
        out.append({**{k: v for k, v in row.items() if k != "aliases"}, "matched_name": m.matched_name,
                    "score": round(m.score, 3), "explanation": dict(m.explanation)})
    return out


def _curated_record(store: GraphStore, same_name: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Of several entities with one name, the one curated record (a deal party or a list entity) when every
    other is only a record extracted from a report and linked to it as a same-as candidate (a mention of it);
    None when that is not so (two curated records of one name stay ambiguous: one may be listed, one not)."""
    curated = [c for c in same_name if set(c["origin"]) - {"extracted"}]
    if len(curated) != 1:
        return None
    main = curated[0]
    others = [c["id"] for c in same_name if c is not main]
    linked = {str(r["other"]) for r in store.run(SAME_AS_OF, {"id": main["id"], "ids": others})}
    return main if set(others) <= linked else None


def _same_name_key(name: str) -> tuple[str, tuple[str, ...]]:
    """Two names are the same name when their cores and legal forms agree once normalized ("CYTROX HOLDINGS
    ZRT" and "Cytrox Holdings Zártkörűen Működő Részvénytársaság"); "Cytrox AD" is another name."""
    a = analyze_name(name)
    return a.core or a.normalized, tuple(sorted(a.forms))


def resolve_entity(store: GraphStore, text: str, *, match_threshold: float = 0.9) -> Resolved:
    """The one entity TEXT stands for (an id, or a name); raises AmbiguousEntity or UnknownEntity."""
    text = text.strip()
    if not text:
        raise UnknownEntity("an empty entity name or id")
    rows = store.run(ENTITY_IDS, {"id": text})
    if rows:
        return Resolved(str(rows[0]["id"]), str(rows[0]["name"] or text), "id")
    cands = find_entities(store, text, limit=10, threshold=min(0.5, match_threshold))
    if not cands:
        raise UnknownEntity(f"no entity has the id or a name like {text!r} (`redflag find NAME` searches names)")
    wanted = _same_name_key(text)
    pool_names = {c["id"]: c for c in cands}
    exact = [c for c in cands if wanted in (_same_name_key(c["matched_name"]), _same_name_key(c["name"]))]
    if len(exact) == 1:
        return Resolved(exact[0]["id"], exact[0]["name"], "name", exact[0]["score"])
    if len(exact) > 1:
        record = _curated_record(store, exact)
        if record is not None:
            return Resolved(record["id"], record["name"], "record", record["score"])
        raise AmbiguousEntity(text, exact)
    strong = [c for c in pool_names.values() if c["score"] >= match_threshold]
    if len(strong) == 1:
        return Resolved(strong[0]["id"], strong[0]["name"], "fuzzy", strong[0]["score"])
    raise AmbiguousEntity(text, strong or cands)


def entity_report(store: GraphStore, entity_id: str, *, limit: int = 50) -> dict[str, Any] | None:
    """The profile the UI shows (redflag/services/explore.py ``entity_profile``), for the CLI's ``show``:
    plus the origin, each listing's list version (the ``ListVersion`` loaded for its dataset), the addresses,
    and the neighbours grouped by relationship type (``{type: [{id, name, label, direction, note}]}``);
    None when there is no such entity."""
    from redflag.paths import explanation_object
    from redflag.services.explore import entity_profile
    from redflag.services.list_versions import read_list_versions

    prof = entity_profile(store, entity_id, limit=limit)
    if prof is None:
        return None
    versions = {v.dataset: v for v in read_list_versions(store)}
    listings = []
    for li in prof["listings"]:
        v = versions.get(str(li.get("dataset") or ""))
        listings.append({**li, "list_version": {"key": v.key, "source_id": v.source_id, "date": v.date,
                                                "published": v.published, "sha256": v.sha256,
                                                "loaded_at": v.loaded_at} if v else None})
    grouped: dict[str, list[dict[str, Any]]] = {}
    addresses: list[str] = []
    for e in prof["connections"]:
        if e["type"] == "HAS_LISTING":  # shown under the lists, with their versions
            continue
        props = e.get("props") or {}
        note = ""
        if e["type"] in ("SAME_AS", "POSSIBLY_SAME_AS"):
            note = ("confirmed same entity" if e["type"] == "SAME_AS" or props.get("judgement") == "same"
                    else f"candidate, score {props.get('score')}, not confirmed")
        elif props.get("role"):
            note = f"as {props['role']}"
        elif props.get("status"):
            note = str(props["status"])
        row = {"id": e["other"], "name": e["other_name"], "label": e["other_label"], "direction": e["direction"],
               "note": note}
        if e["type"] in ("SAME_AS", "POSSIBLY_SAME_AS"):
            row["score"], row["explanation"] = props.get("score"), explanation_object(props.get("explanation"))
        grouped.setdefault(e["type"], []).append(row)
        if e["type"] == "HAS_ADDRESS" and e["direction"] == "out":
            addresses.append(e["other_name"])
    props = prof["properties"]
    own = props.get("addresses")
    for a in own if isinstance(own, list) else ([own] if own else []):
        if str(a) not in addresses:
            addresses.append(str(a))
    deal = {str(r["id"]) for r in store.run(DEAL_PARTY, {"ids": [entity_id]})}
    origin = _origin({"id": entity_id, "origin": props.get("origin"), "listed": props.get("listed")}, deal)
    return {
        "id": prof["id"], "name": prof["name"], "schema": prof["schema"], "aliases": prof["aliases"],
        "countries": prof["countries"], "origin": origin, "identifiers": prof["identifiers"],
        "listings": listings, "addresses": addresses, "mentions": prof["mentions"], "events": prof["events"],
        "neighbours": grouped, "findings": prof["findings"], "transactions": prof["transactions"],
    }

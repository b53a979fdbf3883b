"""Everything the rules know about one transaction, read from the graph once and cached.

Rules never write. They ask the context for parties, items, the destination and its indicators, the route,
list entries valid on the ship date, events about entities, the supply chains leaving the parties, ownership
chains and ties. Lookups are batched per call (``UNWIND $ids``) and memoised, so a full evaluation costs a
bounded number of queries whatever the number of rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.store import GraphStore
from redflag.rules import queries as Q
from redflag.rules.base import Evidence, GraphPath

EXPORTER_ROLES = frozenset({"exporter"})
END_USER_ROLES = frozenset({"end_user"})
INTERMEDIARY_ROLES = frozenset({"customer", "consignee", "intermediary", "freight_forwarder", "payer"})
HR_PROGRAM_WORDS = ("GLOMAG", "13818", "HUMAN RIGHTS", "HUMAN-RIGHTS", "GLOBAL HR", "MAGNITSKY")
GOVERNMENT_ROLES = frozenset({"government", "security_service", "state_owned"})
SECURITY_ROLES = frozenset({"security_service"})


class TransactionNotFound(LookupError):
    """The transaction id names no Transaction node."""


@dataclass(frozen=True)
class RuleOptions:
    """Tunable thresholds; defaults follow the catalog's computation sketches."""

    match_threshold: float = 0.80
    affiliates_rule_active: bool = False
    abuse_lookback_years: int = 5
    shutdown_lookback_months: int = 24
    reach_limit: int = 200
    ownership_significant: float = 0.25
    ownership_control: float = 0.50


def parse_date(value: Any) -> date | None:
    """A YYYY-MM-DD (or longer ISO) text as a date; None if absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return list(value)
    if isinstance(value, str) and value.startswith("["):
        try:
            loaded = json.loads(value)
        except ValueError:
            return [value]
        return loaded if isinstance(loaded, list) else [value]
    return [value]


def _link_strength(links: Sequence[dict[str, Any]]) -> tuple[int, int, float]:
    """Order of preference between two same-as paths joining the same records (smaller is stronger): confirmed
    links only first, then fewer hops, then the higher weakest candidate score."""
    candidate = [float(x.get("score") or 0.0) for x in links if x.get("type") != "SAME_AS"]
    return (1 if candidate else 0, len(links), -min(candidate) if candidate else 0.0)


@dataclass
class Party:
    id: str
    props: dict[str, Any]
    roles_in_tx: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.props.get("name") or self.id)

    @property
    def entity_roles(self) -> set[str]:
        return {str(r) for r in as_list(self.props.get("roles"))}


@dataclass
class ItemFacts:
    id: str
    props: dict[str, Any]
    capabilities: list[str]
    makers: list[dict[str, Any]]

    @property
    def name(self) -> str:
        return str(self.props.get("name") or self.id)


@dataclass
class ListingHit:
    """An entity on a list, directly or through a same-as link, valid on the judging date."""

    entity_id: str
    listed_id: str
    listed_name: str
    via: str  # "self", "SAME_AS" or "POSSIBLY_SAME_AS"
    score: float
    listing: dict[str, Any]

    @property
    def exact(self) -> bool:
        return self.via in ("self", "SAME_AS")

    def evidence(self) -> Evidence:
        lst = self.listing
        label = " ".join(
            str(x) for x in (lst.get("authority"), lst.get("list_code"), lst.get("program")) if x
        )
        return Evidence(
            source=str(lst.get("dataset") or lst.get("authority") or "list"),
            publisher=str(lst.get("authority") or ""),
            tier=1,
            url=str(lst.get("source_url") or ""),
            passage=f"{self.listed_name}: {label} ("
            + (f"from {lst.get('start_date')}" if lst.get("start_date") else "listing date not given")
            + (f" to {lst.get('end_date')})" if lst.get("end_date") else ")"),
            status="curated" if self.exact else "possible_match",
            confidence=1.0 if self.exact else float(self.score),
            list_entry={
                k: lst.get(k)
                for k in (
                    "authority",
                    "list_code",
                    "program",
                    "start_date",
                    "end_date",
                    "dataset",
                    "source_url",
                    "id",
                )
            },
        )


@dataclass
class EventFacts:
    id: str
    about: str  # the entity or country id the event was looked up for
    role: str  # that participant's role
    props: dict[str, Any]
    capabilities: list[str]
    others: list[dict[str, Any]]
    passage_ids: list[str]

    @property
    def date(self) -> date | None:
        return parse_date(self.props.get("date"))


def listing_valid_on(listing: dict[str, Any], when: date) -> bool:
    """A list entry counts on ``when`` if it started on or before it and had not ended before it."""
    start = parse_date(listing.get("start_date"))
    end = parse_date(listing.get("end_date"))
    if start is not None and start > when:
        return False
    return not (end is not None and end < when)


class Context:
    """The facts of one transaction, with memoised lookups for the rules."""

    def __init__(
        self, store: GraphStore, tx_id: str, as_of: date | None = None, options: RuleOptions | None = None
    ):
        self.store = store
        self.tx_id = tx_id
        self.options = options or RuleOptions()
        rows = store.run(Q.TRANSACTION, {"id": tx_id})
        if not rows:
            raise TransactionNotFound(f"no transaction with id {tx_id!r} in the graph")
        self.tx: dict[str, Any] = dict(rows[0]["t"])
        self.as_of: date = as_of or date.today()
        self.ship_date: date | None = parse_date(self.tx.get("ship_date"))
        # Lists are judged as of the ship date (the rules in force when the goods leave).
        self.list_date: date = self.ship_date or self.as_of
        parties: dict[str, Party] = {}
        for r in store.run(Q.TRANSACTION_PARTIES, {"id": tx_id}):
            e = dict(r["e"])
            p = parties.setdefault(e["id"], Party(e["id"], e))
            if r["role"] and r["role"] not in p.roles_in_tx:
                p.roles_in_tx.append(str(r["role"]))
        self.parties = list(parties.values())
        self.items = [
            ItemFacts(
                str(r["item"]["id"]),
                dict(r["item"]),
                sorted(c for c in r["caps"] if c),
                [m for m in r["makers"] if m and m.get("id")],
            )
            for r in store.run(Q.TRANSACTION_ITEMS, {"id": tx_id})
        ]
        dest = store.run(Q.TRANSACTION_DESTINATION, {"id": tx_id})
        self.destination: dict[str, Any] | None = dict(dest[0]["c"]) if dest else None
        if self.destination is None and self.tx.get("destination"):
            self.destination = {"id": self.tx["destination"], "name": self.tx["destination"]}
        self.transits = [
            {"country": dict(r["c"]), "order": r["ord"], "free_trade_zone": r["ftz"] or ""}
            for r in store.run(Q.TRANSACTION_TRANSITS, {"id": tx_id})
        ]
        self._passages: dict[str, Evidence] = {}
        self._listings: dict[str, list[ListingHit]] = {}
        self._events: dict[tuple[str, tuple[str, ...]], list[EventFacts]] = {}
        self._reach: dict[str, list[list[dict[str, Any]]]] = {}
        self._clusters: dict[str, dict[str, dict[str, Any]]] = {}
        self._owners: dict[str, list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]] = {}
        self._ties: dict[str, list[dict[str, Any]]] = {}
        self._countries: dict[str, set[str]] | None = None
        self._indicators: list[dict[str, Any]] | None = None

    # ------------------------------------------------------------------ parties
    def parties_with(self, roles: Iterable[str]) -> list[Party]:
        wanted = set(roles)
        return [p for p in self.parties if wanted & set(p.roles_in_tx)]

    def reselling_customers(self) -> list[Party]:
        """Customers that are not the end-user: the deal is sold through them (a distributor, reseller or trader)."""
        return [p for p in self.parties_with(["customer"]) if "end_user" not in p.roles_in_tx]

    def counterparties(self) -> list[Party]:
        """Every party except the exporter itself."""
        return [p for p in self.parties if set(p.roles_in_tx) - EXPORTER_ROLES]

    def party(self, entity_id: str) -> Party | None:
        return next((p for p in self.parties if p.id == entity_id), None)

    @property
    def destination_id(self) -> str:
        return str((self.destination or {}).get("id") or self.tx.get("destination") or "")

    def entity_countries(self, ids: Sequence[str]) -> dict[str, set[str]]:
        """Countries of entities: their ``countries`` property and LOCATED_IN links."""
        out: dict[str, set[str]] = {i: set() for i in ids}
        for r in self.store.run(Q.ENTITY_COUNTRIES, {"ids": list(ids)}):
            out.setdefault(r["eid"], set()).add(str(r["country"]))
        return out

    # ------------------------------------------------------------------ paths
    def tx_node(self, path: GraphPath) -> GraphPath:
        return path.add_node(self.tx_id, str(self.tx.get("title") or self.tx_id), ["Transaction"])

    def path_to_party(self, party_id: str) -> GraphPath:
        """Transaction -HAS_PARTY-> party, with the transaction record as the edge's evidence."""
        path = self.tx_node(GraphPath())
        p = self.party(party_id)
        if p is None:
            return path
        path.add_node(p.id, p.name, ["Entity"])
        path.add_rel(
            "HAS_PARTY",
            self.tx_id,
            p.id,
            [self.record_evidence(f"{p.name} is {', '.join(p.roles_in_tx)} of the deal")],
        )
        return path

    def record_evidence(self, text: str) -> Evidence:
        return Evidence(source="transaction record", passage=text, tier=1, status="record")

    def extend_path(
        self, path: GraphPath, nodes: Sequence[dict[str, Any]], rels: Sequence[dict[str, Any]], rtype: str
    ) -> GraphPath:
        """Append a forward chain (nodes[i] -rtype-> nodes[i+1]) with each edge's own evidence."""
        for n in nodes:
            path.add_node(str(n["id"]), str(n.get("name") or n["id"]), ["Entity"])
        for i, rel in enumerate(rels):
            path.add_rel(rtype, str(nodes[i]["id"]), str(nodes[i + 1]["id"]), self.relation_evidence(rel))
        return path

    # ------------------------------------------------------------------ evidence
    def passages(self, ids: Iterable[str]) -> list[Evidence]:
        wanted = [i for i in dict.fromkeys(str(x) for x in ids) if i]
        missing = [i for i in wanted if i not in self._passages]
        if missing:
            for r in self.store.run(Q.PASSAGES, {"ids": missing}):
                p = dict(r["p"])
                tier = p.get("tier")
                self._passages[str(p["id"])] = Evidence(
                    source=str(p.get("source_id") or p.get("publisher") or "document"),
                    publisher=str(p.get("publisher") or ""),
                    tier=int(tier) if tier is not None else None,
                    url=str(p.get("url") or r.get("doc_url") or ""),
                    passage=str(p.get("text") or ""),
                    document_id=str(p.get("document_id") or ""),
                    start=p.get("start"),
                    end=p.get("end"),
                    status="curated",
                    confidence=float(p["confidence"]) if p.get("confidence") is not None else 1.0,
                    published=str(p.get("published") or r.get("published") or ""),
                )
        return [self._passages[i] for i in wanted if i in self._passages]

    def relation_evidence(self, rel: dict[str, Any]) -> list[Evidence]:
        """The passages a relation cites, labelled with the relation's status, confidence and hedging."""
        status = str(rel.get("status") or "curated")
        conf = rel.get("confidence")
        hedged = bool(rel.get("hedged") or False)
        out = []
        for ev in self.passages(as_list(rel.get("evidence"))):
            out.append(
                Evidence(
                    **{
                        **ev.to_dict(),
                        "status": status,
                        "confidence": min(ev.confidence, float(conf)) if conf is not None else ev.confidence,
                        "hedged": hedged or ev.hedged,
                    }
                )
            )
        if not out and status in ("curated", "confirmed"):
            out.append(
                Evidence(
                    source=str(rel.get("source_id") or rel.get("dataset") or "curated data"),
                    tier=1,
                    status=status,
                    passage=str(rel.get("evidence") or "recorded in curated registry or list data"),
                    url=str(rel.get("source_url") or ""),
                )
            )
        return out

    def event_evidence(self, ev: EventFacts) -> list[Evidence]:
        status = str(ev.props.get("status") or "extracted")
        conf = ev.props.get("confidence")
        hedged = bool(ev.props.get("hedged") or False)
        return [
            Evidence(
                **{
                    **e.to_dict(),
                    "status": status,
                    "confidence": min(e.confidence, float(conf)) if conf is not None else e.confidence,
                    "hedged": hedged or e.hedged,
                }
            )
            for e in self.passages(ev.passage_ids)
        ]

    # ------------------------------------------------------------------ lists
    def listings(self, ids: Iterable[str]) -> dict[str, list[ListingHit]]:
        """List entries valid on the ship date, for each entity: its own, or those of a same-as entity."""
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if i not in self._listings]
        if missing:
            for i in missing:
                self._listings[i] = []
            for r in self.store.run(Q.DIRECT_LISTINGS, {"ids": missing}):
                lst = dict(r["l"])
                if listing_valid_on(lst, self.list_date):
                    self._listings[r["eid"]].append(
                        ListingHit(r["eid"], r["eid"], str(r["name"] or r["eid"]), "self", 1.0, lst)
                    )
            for r in self.store.run(Q.ALIAS_LISTINGS, {"ids": missing}):
                lst = dict(r["l"])
                if str(r.get("judgement") or "").lower() in ("different", "not_same", "rejected"):
                    continue
                score = (
                    float(r["score"]) if r["score"] is not None else (1.0 if r["rel"] == "SAME_AS" else 0.0)
                )
                if r["rel"] == "POSSIBLY_SAME_AS" and score < self.options.match_threshold:
                    continue
                if listing_valid_on(lst, self.list_date):
                    self._listings[r["eid"]].append(
                        ListingHit(
                            r["eid"],
                            str(r["other_id"]),
                            str(r["other_name"] or r["other_id"]),
                            str(r["rel"]),
                            score,
                            lst,
                        )
                    )
        return {i: self._listings[i] for i in wanted}

    # ------------------------------------------------------------------ events
    def events(self, ids: Iterable[str], types: Sequence[str]) -> list[EventFacts]:
        """Events (not rejected, not negated) in which any of ``ids`` participates."""
        key_types = tuple(sorted(types))
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if (i, key_types) not in self._events]
        if missing:
            for i in missing:
                self._events[(i, key_types)] = []
            countries = {self.destination_id} | {str(t["country"]["id"]) for t in self.transits}
            alias_of = self.with_aliases([i for i in missing if i not in countries])
            rows = (
                self.store.run(Q.EVENTS_OF_ENTITY, {"ids": list(alias_of), "types": list(key_types)})
                if alias_of
                else []
            )
            in_countries = [i for i in missing if i in countries]
            if in_countries:
                alias_of.update({i: i for i in in_countries})
                rows += self.store.run(Q.EVENTS_OF_COUNTRY, {"ids": in_countries, "types": list(key_types)})
            for r in rows:
                ev = dict(r["ev"])
                holder = alias_of.get(str(r["eid"]), str(r["eid"]))
                if any(e.id == str(ev["id"]) for e in self._events[(holder, key_types)]):
                    continue
                self._events[(holder, key_types)].append(
                    EventFacts(
                        id=str(ev["id"]),
                        about=holder,
                        role=str(r["role"] or ""),
                        props=ev,
                        capabilities=sorted(c for c in r["caps"] if c),
                        others=[o for o in r["others"] if o and o.get("id")],
                        passage_ids=sorted(p for p in r["passages"] if p),  # (collect gives no order)
                    )
                )
        return [e for i in wanted for e in self._events[(i, key_types)]]

    # ------------------------------------------------------------------ supply chains, owners, ties
    def cluster(self, ids: Iterable[str]) -> dict[str, dict[str, dict[str, Any]]]:
        """The same-as cluster of each entity: other ids linked by SAME_AS, or POSSIBLY_SAME_AS at or above
        the match threshold (not judged different), with the links that join them."""
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if i not in self._clusters]
        if missing:
            for i in missing:
                self._clusters[i] = {}
            rows = self.store.run(
                Q.SAME_AS_CLUSTER, {"ids": missing, "threshold": self.options.match_threshold}
            )
            for r in rows:  # several paths may join two records: keep the strongest, whatever the row order
                known = self._clusters[r["eid"]].get(str(r["other"]))
                if known is None or _link_strength(r["links"]) < _link_strength(known["links"]):
                    self._clusters[r["eid"]][str(r["other"])] = {"links": r["links"]}
        return {i: self._clusters[i] for i in wanted}

    def with_aliases(self, ids: Iterable[str]) -> dict[str, str]:
        """Every id of the entities' same-as clusters, mapped to the entity it stands for."""
        wanted = list(dict.fromkeys(ids))
        out: dict[str, str] = {i: i for i in wanted}
        for i, others in self.cluster(wanted).items():
            for o in others:
                out.setdefault(o, i)
        return out

    def reach(self, ids: Iterable[str]) -> dict[str, list[list[dict[str, Any]]]]:
        """Supply chains (SUPPLIED, up to 3 hops, not rejected or negated) leaving each entity, following
        same-as links between hops. Each chain is a list of steps {type, source, target, rel}."""
        wanted = list(dict.fromkeys(ids))
        for start in [i for i in wanted if i not in self._reach]:
            party = self.party(start)
            start_props = party.props if party else {"id": start, "name": start}
            chains: list[list[dict[str, Any]]] = []
            frontier: list[tuple[dict[str, Any], list[dict[str, Any]]]] = [(start_props, [])]
            seen = {start}
            for _hop in range(3):
                members = self.with_aliases([str(n["id"]) for n, _ in frontier])
                by_node = {str(n["id"]): (n, steps) for n, steps in frontier}
                nxt: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
                for r in self.store.run(Q.SUPPLY_OUT, {"ids": list(members)}):
                    holder = members.get(str(r["eid"]), "")
                    if holder not in by_node or len(chains) >= self.options.reach_limit:
                        continue
                    node, steps = by_node[holder]
                    target = dict(r["b"])
                    if str(target["id"]) in seen:
                        continue
                    seen.add(str(target["id"]))
                    new_steps = list(steps)
                    src = node
                    if str(r["eid"]) != holder:
                        src = {"id": str(r["eid"]), "name": node.get("name")}
                        link = self._clusters.get(holder, {}).get(str(r["eid"]), {})
                        new_steps.append(
                            {
                                "type": "SAME_AS",
                                "source": node,
                                "target": src,
                                "rel": {"status": "curated", "links": link.get("links")},
                            }
                        )
                    new_steps.append(
                        {"type": "SUPPLIED", "source": src, "target": target, "rel": dict(r["r"])}
                    )
                    chains.append(new_steps)
                    nxt.append((target, new_steps))
                frontier = nxt
                if not frontier:
                    break
            self._reach[start] = chains
        return {i: self._reach[i] for i in wanted}

    def add_steps(self, path: GraphPath, steps: Sequence[dict[str, Any]]) -> GraphPath:
        """Append chain steps to a path, each edge with its own evidence."""
        for st in steps:
            for n in (st["source"], st["target"]):
                path.add_node(str(n["id"]), str(n.get("name") or n["id"]), ["Entity"])
            kind = st["type"]
            if kind == "SAME_AS":  # a cluster hop: confirmed, or only a candidate above the match threshold
                how = self.link_to(str(st["source"]["id"]), str(st["target"]["id"]))
                confirmed = how.startswith("confirmed")
                kind = "SAME_AS" if confirmed else "POSSIBLY_SAME_AS"
                ev = [Evidence(source="entity resolution", passage=f"{st['target'].get('name')}: {how}",
                               status="curated" if confirmed else "possible_match")]
            else:
                ev = self.relation_evidence(st["rel"])
            path.add_rel(kind, str(st["source"]["id"]), str(st["target"]["id"]), ev)
        return path

    def chain_text(self, steps: Sequence[dict[str, Any]]) -> str:
        """Chain steps as names: ``A -> B -> C``; a same-as hop names the record it reaches and how it is
        linked instead of repeating the name."""
        if not steps:
            return ""
        first = steps[0]["source"]
        out = str(first.get("name") or first["id"])
        for st in steps:
            if st["type"] == "SAME_AS":
                out += f" ({self.record_of(str(st['source']['id']), str(st['target']['id']))})"
            else:
                out += f" -> {st['target'].get('name') or st['target']['id']}"
        return out

    def reached_entities(self) -> list[tuple[dict[str, Any], GraphPath, str]]:
        """Entities the deal's counterparties supply onward: (entity, path from the transaction, via party)."""
        out: list[tuple[dict[str, Any], GraphPath, str]] = []
        seen: set[str] = {p.id for p in self.parties}
        chains = self.reach([p.id for p in self.counterparties()])
        for pid, paths in chains.items():
            for steps in sorted(paths, key=len):
                end = steps[-1]["target"]
                if end["id"] in seen:
                    continue
                seen.add(end["id"])
                out.append((end, self.add_steps(self.path_to_party(pid), steps), pid))
        return out

    def subjects(self) -> list[tuple[dict[str, Any], GraphPath]]:
        """Counterparties and the entities their supply chains reach, each with its path."""
        out = [(p.props, self.path_to_party(p.id)) for p in self.counterparties()]
        out += [(e, path) for e, path, _ in self.reached_entities()]
        return out

    def end_users(self) -> list[tuple[dict[str, Any], GraphPath]]:
        """Declared end-users, then entities the counterparties' supply chains reach (the real end-use)."""
        out = [(p.props, self.path_to_party(p.id)) for p in self.parties_with(END_USER_ROLES)]
        out += [(e, path) for e, path, _ in self.reached_entities()]
        return out

    def owner_chains(
        self, ids: Iterable[str]
    ) -> dict[str, list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]]:
        """Ownership chains ending in each entity (owner -OWNS-> ... -OWNS-> entity), up to 4 hops."""
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if i not in self._owners]
        if missing:
            for i in missing:
                self._owners[i] = []
            rows = self.store.run(Q.OWNERS_CHAIN, {"ids": missing, "limit": self.options.reach_limit})
            for r in rows:
                # the query walks from the entity up to its owners; chains are kept owner-first
                nodes = [dict(n) for n in reversed(r["nodes"])]
                self._owners[r["eid"]].append((nodes, [dict(x) for x in reversed(r["rels"])]))
        return {i: self._owners[i] for i in wanted}

    def ties(self, ids: Iterable[str], *, addresses: Iterable[str] = ()) -> dict[str, list[dict[str, Any]]]:
        """One-hop ownership, directorship, link and address neighbours of entities (and of addresses)."""
        wanted = list(dict.fromkeys(ids))
        addr = list(dict.fromkeys(addresses))
        missing = [i for i in wanted if i not in self._ties]
        missing_addr = [i for i in addr if i not in self._ties]
        if missing or missing_addr:
            for i in missing + missing_addr:
                self._ties[i] = []
            alias_of = self.with_aliases(missing) if missing else {}
            rows = [  # "holder": the record the tie belongs to (the entity itself or a same-as record of it)
                {**r, "eid": alias_of.get(str(r["eid"]), r["eid"]), "holder": str(r["eid"])}
                for r in (self.store.run(Q.TIES, {"ids": list(alias_of)}) if alias_of else [])
            ]
            rows += self.store.run(Q.ADDRESS_TIES, {"ids": missing_addr}) if missing_addr else []
            for r in rows:
                self._ties[r["eid"]].append(
                    {
                        "type": r["type"],
                        "source": r["source"],
                        "target": r["target"],
                        "rel": dict(r["r"] or {}),
                        "node": dict(r["n"] or {}),
                        "labels": list(r["labels"] or []),
                        "holder": str(r.get("holder") or r["eid"]),
                    }
                )
        return {i: self._ties[i] for i in wanted + addr}

    def link_to(self, entity_id: str, other_id: str) -> str:
        """How a record in an entity's same-as cluster is linked to it, in words: ``confirmed same entity``
        (SAME_AS links only) or ``candidate duplicate (score S), not confirmed`` (a POSSIBLY_SAME_AS link on the
        way); ``''`` for the entity itself."""
        if other_id == entity_id:
            return ""
        links = (self.cluster([entity_id])[entity_id].get(other_id) or {}).get("links") or []
        scores = [float(x["score"]) for x in links if x.get("type") == "POSSIBLY_SAME_AS" and x.get("score") is not None]
        if links and all(x.get("type") == "SAME_AS" for x in links):
            return "confirmed same entity"
        return f"candidate duplicate (score {min(scores):.2f}), not confirmed" if scores else \
            "candidate duplicate, not confirmed"

    def record_of(self, entity_id: str, holder: str) -> str:
        """Words for a fact that comes from a same-as record of an entity, not from its own: ``of the list
        record NAME, a candidate duplicate (score S), not confirmed``; ``''`` when ``holder`` is the entity."""
        if holder == entity_id:
            return ""
        rows = self.store.run(Q.ENTITY_NAMES, {"ids": [holder]})
        name = str(rows[0]["name"] or holder) if rows else holder
        raw = rows[0]["origin"] if rows else None
        origin = [str(o) for o in raw] if isinstance(raw, list) else ([str(raw)] if raw else [])
        kind = ("list record" if "list" in origin else "deal record" if "deal" in origin
                else "record extracted from reports" if "extracted" in origin else "record")
        return f"of the {kind} {name}, {self.link_to(entity_id, holder)}"

    def cluster_records(self, entity_id: str) -> list[dict[str, Any]]:
        """The properties of the other records in an entity's same-as cluster (confirmed or candidate), by id."""
        others = sorted(self.cluster([entity_id])[entity_id])
        return [dict(r["e"]) for r in self.store.run(Q.ENTITY_PROPS, {"ids": others})] if others else []

    def record_name(self, entity_id: str) -> str:
        """The name of an entity record (a party's, or a same-as record of one), else its id."""
        party = self.party(entity_id)
        if party is not None:
            return party.name
        rows = self.store.run(Q.ENTITY_NAMES, {"ids": [entity_id]})
        return str(rows[0]["name"] or entity_id) if rows else entity_id

    # ------------------------------------------------------------------ country
    def indicators(self) -> list[dict[str, Any]]:
        """The destination's indicators in force on the evaluation date (the latest edition of each)."""
        if self._indicators is None:
            best: dict[str, dict[str, Any]] = {}
            if self.destination_id:
                for r in self.store.run(Q.COUNTRY_INDICATORS, {"id": self.destination_id}):
                    ind = dict(r["i"])
                    ind["_publisher"] = r["publisher"]
                    ind["_tier"] = r["tier"]
                    ind["_url"] = r["url"]
                    start = parse_date(ind.get("start_date"))
                    if start is not None and start > self.as_of:
                        continue
                    name = str(ind.get("indicator"))
                    key = name if name != "shutdown" else f"shutdown:{ind.get('id')}"
                    if key not in best or str(ind.get("edition") or "") > str(best[key].get("edition") or ""):
                        best[key] = ind
            self._indicators = list(best.values())
        return self._indicators

    def indicator(self, name: str) -> dict[str, Any] | None:
        return next((i for i in self.indicators() if i.get("indicator") == name), None)

    def indicator_evidence(self, ind: dict[str, Any]) -> Evidence:
        tier = ind.get("_tier")
        country = (self.destination or {}).get("name") or self.destination_id
        return Evidence(
            source=str(ind.get("source_id") or "indicator"),
            publisher=str(ind.get("_publisher") or ""),
            tier=int(tier) if tier is not None else 2,
            url=str(ind.get("_url") or ""),
            passage=f"{country}: {ind.get('indicator')} = {ind.get('value')} (edition {ind.get('edition') or '?'})",
            status="curated",
        )

    def checklist(self) -> dict[str, Any]:
        raw = self.tx.get("checklist")
        if not raw:
            return {}
        if isinstance(raw, dict):
            return raw
        try:
            data = json.loads(str(raw))
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

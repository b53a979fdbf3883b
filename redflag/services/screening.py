"""Screening against list entities, and entity resolution across sources, over the graph.

Both write their conclusions as explainable edges: ``SAME_AS`` (score at or above the merge/screening
threshold) and ``POSSIBLY_SAME_AS`` (between the review and the merge threshold), each with its score and the
features behind it. Analyst judgements (``judgement`` = same / different on the edge) are read first and
respected on every later run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from graph.queries import q
from graph.store import GraphStore, RelRecord
from redflag.matching.resolution.model import EntityRecord
from redflag.matching.resolution.resolver import resolve
from redflag.settings import Settings

LIST_CANDIDATES = q(
    "screening.list_candidates",
    "MATCH (e:Entity) WHERE e.listed = true "
    "OPTIONAL MATCH (e)-[:HAS_LISTING]->(l:Listing) "
    "WITH e, collect(DISTINCT l.list_code) AS lists, collect(DISTINCT l.program) AS programs "
    "OPTIONAL MATCH (e)-[:HAS_ADDRESS]->(a:Address) "
    "RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.countries AS countries, e.schema AS schema, "
    "e.identifiers AS identifiers, e.weak_aliases AS weak_aliases, lists, programs, "
    "collect(DISTINCT a.text) AS addresses",
)
RESOLUTION_RECORDS = q(
    "screening.resolution_records",
    "MATCH (e:Entity) WHERE e.schema IS NULL OR e.schema <> 'Person' "
    "OPTIONAL MATCH (e)-[:LOCATED_IN]->(c:Country) "
    "WITH e, collect(DISTINCT c.id) AS located "
    "OPTIONAL MATCH (e)-[:HAS_ADDRESS]->(a:Address) "
    "RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.countries AS countries, located, "
    "e.schema AS schema, e.origin AS origin, e.identifiers AS identifiers, collect(DISTINCT a.text) AS addresses",
)
JUDGEMENTS = q(
    "screening.judgements",
    "MATCH (a:Entity)-[r:SAME_AS|POSSIBLY_SAME_AS]->(b:Entity) WHERE r.judgement IS NOT NULL "
    "RETURN a.id AS a, b.id AS b, r.judgement AS judgement",
)
CLEAR_SCORED = q(
    "screening.clear_scored_links",
    "MATCH (:Entity)-[r:SAME_AS|POSSIBLY_SAME_AS]->(:Entity) WHERE r.judgement IS NULL AND r.method = $method "
    "DELETE r",
    "method",
    write=True,
)
JUDGE = q(
    "screening.judge_pair",
    "MATCH (a:Entity {id: $a})-[r:SAME_AS|POSSIBLY_SAME_AS]-(b:Entity {id: $b}) "
    "SET r.judgement = $judgement, r.judged_by = $by, r.judged_at = $at, r.reason = $reason RETURN count(r) AS n",
    "a",
    "b",
    "judgement",
    "by",
    "at",
    "reason",
    write=True,
)
# every deal party: those the deals created, and a list record a deal names itself (the deals file gave its id, or
# the import matched the name to it), flagged ``listed``; a party in both branches is one row (UNION)
DEAL_PARTIES = q(
    "screening.deal_parties",
    "MATCH (e:Entity) WHERE 'deal' IN e.origin "
    "RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.countries AS countries, false AS listed "
    "UNION MATCH (:Transaction)-[:HAS_PARTY]->(e:Entity) "
    "RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.countries AS countries, "
    "coalesce(e.listed, false) AS listed",
)
# what the screening found for each party of the given deals: the party is a list record itself, and its links
# (SAME_AS, POSSIBLY_SAME_AS, any method) to list records, an analyst's "different" left out
DEAL_FINDINGS = q(
    "screening.deal_findings",
    "MATCH (t:Transaction)-[r:HAS_PARTY]->(e:Entity) WHERE t.id IN $ids "
    "OPTIONAL MATCH (e)-[:HAS_LISTING]->(l:Listing) "
    "WITH t, r, e, collect(DISTINCT l.list_code) AS lists "
    "OPTIONAL MATCH (e)-[s:SAME_AS|POSSIBLY_SAME_AS]-(m:Entity) "
    "WHERE m.listed = true AND m.id <> e.id AND coalesce(s.judgement, '') <> 'different' "
    "RETURN t.id AS deal, r.role AS role, e.id AS id, e.name AS name, coalesce(e.listed, false) AS listed, lists, "
    "collect(DISTINCT [m.id, m.name, type(s), s.score]) AS links ORDER BY deal, role, id",
    "ids",
)


MARK_SCREENED = q(
    "screening.mark_deal_party_screened",
    "UNWIND $ids AS pid MATCH (e:Entity {id: pid}) SET e.screened_at = $at",
    "ids",
    "at",
    write=True,
)


def _ids(raw: list[str] | None) -> list[tuple[str, str]]:
    out = []
    for item in raw or []:
        scheme, _, value = str(item).partition(":")
        if value:
            out.append((scheme, value))
    return out


@dataclass
class LinkReport:
    same: int = 0
    possible: int = 0
    listed: int = 0  # deal parties that are list records themselves (screened, logged matching their own record)


def _link(store: GraphStore, pairs: list[tuple[str, str, float, dict[str, Any], str]], method: str) -> LinkReport:
    store.run(CLEAR_SCORED, {"method": method})
    judged = {frozenset((r["a"], r["b"])) for r in store.run(JUDGEMENTS)}
    rels = []
    report = LinkReport()
    for a, b, score, explanation, kind in pairs:
        if frozenset((a, b)) in judged:
            continue  # an analyst has spoken; the judged edge stays as it is
        rels.append(
            RelRecord(
                kind, "Entity", a, "Entity", b,
                {"score": round(score, 4), "explanation": json.dumps(explanation, sort_keys=True), "method": method,
                 "status": "scored"},
                key=f"{method}|{a}|{b}",
            )
        )
        if kind == "SAME_AS":
            report.same += 1
        else:
            report.possible += 1
    store.merge_rels(rels)
    return report


def screen_deal_parties(store: GraphStore, settings: Settings, by: str | None = None) -> LinkReport:
    """Screen every counterparty (its name and aliases) against every list entity and record the matches as links.

    Each screening goes to the screening audit log (source ``deal-parties``, the party's id as own reference), so
    later list refreshes re-screen deal parties too (``rescreen``) and their alerts name the transactions. A match
    an analyst cleared as a false positive for the party is shown in the log as cleared and not linked. A party
    that is a list record itself (the deals file named its id, or the import matched its name to it) is screened
    and logged too, its own record among its matches (counted in ``LinkReport.listed``); it links to other
    records as any party does.
    """
    from redflag.screening_ops.parties import PartyQuery
    from redflag.services.screening_ops import open_log, open_session

    pairs: list[tuple[str, str, float, dict[str, Any], str]] = []
    screened: list[str] = []
    with open_log(settings, store) as log:
        session = open_session(store, settings, log, by or settings.user, "deal-parties",
                               settings.screen_review_threshold, limit=5)  # fmt: skip
        parties = list(store.run(DEAL_PARTIES))
        listed = [p for p in parties if p["listed"]]
        for p in parties:
            countries = p["countries"] or []
            seen: set[str] = set()
            for name in [p["name"], *(p["aliases"] or [])]:
                if not name or not str(name).strip():
                    continue
                party = PartyQuery(str(name), str(countries[0]) if countries else "", reference=str(p["id"]))
                for outcome in session.screen(party).matches:
                    m = outcome.match
                    if m.id in seen or m.id == p["id"] or outcome.status == "cleared":
                        continue
                    seen.add(m.id)
                    kind = "SAME_AS" if m.score >= settings.screen_threshold else "POSSIBLY_SAME_AS"
                    pairs.append((p["id"], m.id, m.score, {**m.explanation, "matched_name": m.matched_name}, kind))
            screened.append(str(p["id"]))
    report = _link(store, pairs, "screening")
    report.listed = len(listed)
    if screened:  # what the screening log holds, on the party too: EU-07 then says "screened", not "unscreened"
        from datetime import UTC, datetime

        store.run(MARK_SCREENED, {"ids": screened, "at": datetime.now(UTC).isoformat(timespec="seconds")})
    return report


@dataclass
class PartyScreening:
    """One party of a deal as screened: its roles in the deal, whether it is a list record itself (with its list
    codes), and its links to list records (id, name, SAME_AS or POSSIBLY_SAME_AS, score)."""

    id: str
    name: str
    roles: list[str]
    listed: bool
    lists: list[str]
    links: list[tuple[str, str, str, float]]

    def label(self) -> str:
        from redflag.deals import PARTY_ROLES

        roles = sorted(self.roles, key=lambda r: PARTY_ROLES.index(r) if r in PARTY_ROLES else len(PARTY_ROLES))
        return f"{'/'.join(roles)} {self.name[:80]!r}"


@dataclass
class DealScreening:
    """What the screening found for one deal's parties (see :func:`deal_screening`)."""

    deal: str
    parties: list[PartyScreening]

    @property
    def listed(self) -> list[PartyScreening]:
        return [p for p in self.parties if p.listed]

    @property
    def matched(self) -> list[PartyScreening]:
        return [p for p in self.parties if any(k == "SAME_AS" for _, _, k, _ in p.links)]

    @property
    def review(self) -> list[PartyScreening]:
        return [p for p in self.parties if any(k == "POSSIBLY_SAME_AS" for _, _, k, _ in p.links)]

    def finding_lines(self) -> list[str]:
        """One line per finding (a party that is a list record, a match, a candidate for review); none if clear."""
        out = []
        for p in self.parties:
            if p.listed:
                lists = ", ".join(p.lists) or "list unknown"
                out.append(f"deal {self.deal}: {p.label()} ({p.id}) IS a list record itself ({lists}); screened and "
                           "logged matching its own record")
            for mid, mname, kind, score in p.links:
                what = "matches" if kind == "SAME_AS" else "may match (for review)"
                out.append(f"deal {self.deal}: {p.label()} {what} list record {mname[:80]!r} ({mid}, score "
                           f"{score:.2f})")
        return out

    def lines(self, searched: str) -> list[str]:
        """The finding lines, or one line saying what was searched and found nothing: the parties by role and
        name, and ``searched`` (the list versions, :meth:`redflag.screening_ops.grounds.Grounds.brief`)."""
        found = self.finding_lines()
        if found:
            return found
        names = "; ".join(p.label() for p in self.parties)
        return [f"deal {self.deal}: no list record among its {len(self.parties)} party(ies) and no match or candidate "
                f"for review ({names}), screened against {searched}"]


def deal_screening(store: GraphStore, deal_ids: list[str]) -> list[DealScreening]:
    """Per deal (in the order given), its parties as screened: list records themselves and their list links."""
    parties: dict[str, dict[str, PartyScreening]] = {d: {} for d in deal_ids}
    for r in store.run(DEAL_FINDINGS, {"ids": list(deal_ids)}):
        deal = parties.setdefault(str(r["deal"]), {})
        pid = str(r["id"])
        if pid in deal:
            deal[pid].roles.append(str(r["role"]))
            continue
        links = sorted({(str(m[0]), str(m[1] or m[0]), str(m[2]), float(m[3] or 0.0))
                        for m in r["links"] or [] if m and m[0] is not None}, key=lambda x: (-x[3], x[0]))
        deal[pid] = PartyScreening(pid, str(r["name"] or pid), [str(r["role"])], bool(r["listed"]),
                                   sorted(str(c) for c in r["lists"] or [] if c), links)
    from redflag.deals import PARTY_ROLES

    def first_role(p: PartyScreening) -> int:
        return min(PARTY_ROLES.index(r) if r in PARTY_ROLES else len(PARTY_ROLES) for r in p.roles)

    return [DealScreening(d, sorted(parties[d].values(), key=first_role)) for d in deal_ids]


def resolve_entities(store: GraphStore, settings: Settings) -> LinkReport:
    """Entity resolution over organizations from lists, deals and text: one entity, many records."""
    records = []
    for r in store.run(RESOLUTION_RECORDS):
        records.append(
            EntityRecord(
                id=r["id"],
                name=r["name"] or "",
                aliases=[a for a in r["aliases"] or [] if a],
                countries=sorted(set(r["countries"] or []) | set(r["located"] or [])),
                identifiers=_ids(r["identifiers"]),
                addresses=[a for a in r["addresses"] or [] if a],
                schema=r["schema"] or "LegalEntity",
            )
        )
    judgements = {frozenset((r["a"], r["b"])): str(r["judgement"]) for r in store.run(JUDGEMENTS)}
    result = resolve(records, settings.resolve_merge_threshold, settings.resolve_review_threshold, judgements)
    pairs: list[tuple[str, str, float, dict[str, Any], str]] = []
    for p in result.same:
        pairs.append((p.a, p.b, p.score, p.explanation, "SAME_AS"))
    for p in result.possible:
        pairs.append((p.a, p.b, p.score, p.explanation, "POSSIBLY_SAME_AS"))
    return _link(store, pairs, "resolution")


def judge(store: GraphStore, a: str, b: str, judgement: str, by: str, reason: str, at: str) -> bool:
    """Record an analyst's judgement on a scored pair (kept on every later run)."""
    if judgement not in ("same", "different"):
        raise ValueError("judgement must be 'same' or 'different'")
    rows = store.run(JUDGE, {"a": a, "b": b, "judgement": judgement, "by": by, "at": at, "reason": reason})
    return bool(rows and rows[0]["n"])

"""One screening session: a screener over the current list entities, the audit log, and the decisions in force.

Every party screened through a session is logged (kind ``screening``) before its result is returned. Decisions
are applied to the matches: a false positive stays visible but is marked ``cleared`` (with who and why) as long as
the list entity's content hash is the one the decision was taken on; when the entity's data changes the match is
``reopened``.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ontology.records import RowError
from redflag.matching.screening import ALGORITHM, Candidate, Match, Screener
from redflag.matching.table import Weights
from redflag.screening_ops.audit import AuditLog, Entry, now
from redflag.screening_ops.grounds import Grounds
from redflag.screening_ops.parties import PartyQuery
from redflag.screening_ops.weights import weights_digest

MATCH_STATUSES = ("open", "cleared", "reopened", "confirmed", "needs_review")
PARTY_STATUSES = ("clear", "cleared", "review", "match", "confirmed_match")

Progress = Callable[[int, int, str], None]


def entity_hash(cand: Candidate) -> str:
    """Content hash of a list entity: changes when its names, countries, identifiers, addresses or listings do."""
    data = {
        "name": cand.name,
        "aliases": sorted(cand.aliases),
        "countries": sorted(cand.countries),
        "schema": cand.schema,
        "lists": sorted(cand.lists),
        "programs": sorted(cand.programs),
        "identifiers": sorted(f"{s}:{v}" for s, v in cand.identifiers),
        "addresses": sorted(cand.addresses),
    }
    if cand.weak_aliases:  # only when there are some: the hashes of entities without any stay as they were
        data["weak_aliases"] = sorted(cand.weak_aliases)
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def list_version(hashes: dict[str, str]) -> str:
    """A digest of every list entity id and content hash: changes when any list entity is added, removed or edited."""
    h = hashlib.sha256()
    for eid in sorted(hashes):
        h.update(f"{eid}\x1f{hashes[eid]}\n".encode())
    return h.hexdigest()[:16]


@dataclass
class MatchOutcome:
    """A match with its band, the list entity's content hash and the decision in force."""

    match: Match
    entity_hash: str
    band: str  # "match" (>= match threshold) or "review"
    status: str  # one of MATCH_STATUSES
    decision: dict[str, Any] | None = None
    contributions: list[tuple[str, float]] = field(default_factory=list)

    def explanation_text(self, top: int = 4) -> str:
        """The strongest contributions to the score, then the match's notes in words, e.g.
        ``identifier_match +4.00; token_overlap +2.50; imo 9569683 equals the list's imo 9569683``."""
        parts = [f"{n} {v:+.2f}" for n, v in self.contributions[:top]]
        return "; ".join(parts + list(self.match.notes))

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.match.to_dict(),
            "band": self.band,
            "entity_hash": self.entity_hash,
            "status": self.status,
            "decision": self.decision,
            "explanation_text": self.explanation_text(),
        }


@dataclass
class PartyResult:
    """The screening of one party: its matches, best first, and the audit entry that records it."""

    party: PartyQuery
    screening_id: str
    at: str
    normalized_query: str
    matches: list[MatchOutcome]
    grounds: dict[str, Any] = field(default_factory=dict)  # Grounds.to_dict(): list versions, stale, warnings
    query_warnings: list[str] = field(default_factory=list)  # what limits this answer (Screener.script_warnings)

    @property
    def stale(self) -> bool:
        return bool(self.grounds.get("stale"))

    @property
    def warnings(self) -> list[str]:
        return list(self.grounds.get("warnings", []))

    @property
    def status(self) -> str:
        if not self.matches:
            return "clear"
        live = [m for m in self.matches if m.status != "cleared"]
        if not live:
            return "cleared"
        if any(m.status == "confirmed" for m in live):
            return "confirmed_match"
        if any(m.band == "match" for m in live):
            return "match"
        return "review"

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.party.to_dict(),
            "status": self.status,
            "screening_id": self.screening_id,
            "at": self.at,
            "normalized_query": self.normalized_query,
            "matches": [m.to_dict() for m in self.matches],
            "stale": self.stale,
            "warnings": self.warnings,
            "query_warnings": list(self.query_warnings),
            "list_versions": self.grounds.get("list_versions", []),
        }


UNGROUNDED = {"checked_at": None, "list_versions": [], "listed_entities": 0, "stale": True, "max_age_days": None,
              "warnings": ["list versions unknown: screened outside a data folder's graph"]}


class ScreeningSession:
    """Screens parties against a fixed set of list entities and logs every screening.

    ``threshold`` is the lowest score shown (the review threshold); ``match_threshold`` splits matches into
    the ``match`` and ``review`` bands. ``data_version`` says which list files / crawl runs were loaded;
    ``grounds`` the list versions screened against and whether they are stale (recorded with every screening
    and returned with every result; without it the results are marked stale, versions unknown).
    """

    def __init__(
        self,
        candidates: Iterable[Candidate],
        log: AuditLog,
        *,
        threshold: float,
        match_threshold: float,
        by: str,
        source: str,
        data_version: str = "",
        weights: Weights | None = None,
        limit: int = 10,
        grounds: Grounds | None = None,
        index: Callable[[str, Callable[[], Screener]], tuple[Screener, str]] | None = None,
    ) -> None:
        cands = list(candidates)
        self.hashes = {c.id: entity_hash(c) for c in cands}
        self.list_version = list_version(self.hashes)

        def build() -> Screener:
            return Screener(cands, weights, match_threshold=match_threshold)

        # ``index(list_version, build)`` may hand back a stored index built from the same entities
        # (redflag.screening_ops.index_cache); ``index_status`` says whether it was "built" or "reused"
        self.screener, self.index_status = index(self.list_version, build) if index else (build(), "built")
        self.log = log
        self.threshold = threshold
        self.match_threshold = match_threshold
        self.by = by
        self.source = source
        self.data_version = data_version
        self.weights = weights
        self.limit = limit
        self.run_id = uuid.uuid4().hex
        self.grounds: dict[str, Any] = grounds.to_dict() if grounds is not None else dict(UNGROUNDED)
        self._decisions = log.decisions()
        self._weights = {f.name: f.weight for f in self.screener.table.features}

    def refresh_decisions(self) -> None:
        self._decisions = self.log.decisions()

    def _outcome(self, party_key: str, m: Match) -> MatchOutcome:
        current = self.hashes.get(m.id, "")
        decision = self._decisions.get((party_key, m.id))
        status = "open"
        if decision is not None:
            kind = decision["decision"]
            if kind == "false_positive":
                status = "cleared" if decision.get("entity_hash") == current else "reopened"
            elif kind == "true_match":
                status = "confirmed"
            else:
                status = "needs_review"
        contributions = sorted(
            ((name, self._weights.get(name, 0.0) * value) for name, value in m.explanation.items()
             if self._weights.get(name, 0.0) * value != 0.0),
            key=lambda nv: -abs(nv[1]),
        )
        return MatchOutcome(
            match=m,
            entity_hash=current,
            band="match" if m.score >= self.match_threshold else "review",
            status=status,
            decision=decision,
            contributions=[(n, round(v, 4)) for n, v in contributions],
        )

    def screen(self, party: PartyQuery) -> PartyResult:
        """Screen one party, apply the decisions in force, log the screening, return the result."""
        result = self.screener.screen(
            party.name,
            country=party.country or None,
            threshold=self.threshold,
            limit=self.limit,
            identifiers=party.identifiers,
            address=party.address or None,
        )
        key = party.key
        outcomes = [self._outcome(key, m) for m in result.matches]
        body = {
            "query": party.name,
            "normalized_query": result.normalized_query,
            "country": party.country,
            "identifiers": [f"{s}:{v}" for s, v in party.identifiers],
            "address": party.address,
            "reference": party.reference,
            "line": party.line,
            "source": self.source,
            "run_id": self.run_id,
            "data_version": self.data_version,
            "list_version": self.list_version,
            "threshold": self.threshold,
            "match_threshold": self.match_threshold,
            "algorithm": ALGORITHM,
            "weights": weights_digest(self.weights),
            "matches": [o.to_dict() for o in outcomes],
            # the grounds (new keys: entries written before them verify as they were written)
            "list_versions": self.grounds["list_versions"],
            "stale": self.grounds["stale"],
            "warnings": self.grounds["warnings"],
        }
        if result.query_warnings:  # a new key, only when there is something to say (older entries verify as written)
            body["query_warnings"] = result.query_warnings
        pr = PartyResult(party=party, screening_id="", at="", normalized_query=result.normalized_query,
                         matches=outcomes, grounds=self.grounds, query_warnings=list(result.query_warnings))
        body["status"] = pr.status
        entry: Entry = self.log.append("screening", body, self.by, key)
        pr.screening_id, pr.at = entry.id, entry.at
        return pr

    def screen_all(
        self, items: Iterable[PartyQuery | RowError], progress: Progress | None = None, total: int = 0,
    ) -> Iterator[PartyResult | RowError]:
        """Screen each party in input order; malformed rows are passed through (reported, not screened)."""
        done = 0
        for item in items:
            done += 1
            if isinstance(item, RowError):
                yield item
            else:
                yield self.screen(item)
            if progress is not None:
                progress(done, total or done, item.name if isinstance(item, PartyQuery) else f"line {item.line}")

    def log_run(self, source: str, digest: str, screened: int, errors: list[RowError]) -> Entry:
        """Record one bulk run: the file, its digest, how many rows were screened, the malformed rows by line."""
        body = {
            "file": source,
            "sha256": digest,
            "run_id": self.run_id,
            "source": self.source,
            "screened": screened,
            "malformed": [{"line": e.line, "field": e.field, "reason": e.reason} for e in errors],
            "data_version": self.data_version,
            "list_version": self.list_version,
            "list_versions": self.grounds["list_versions"],
            "stale": self.grounds["stale"],
            "warnings": self.grounds["warnings"],
            "finished_at": now(),
        }
        return self.log.append("run", body, self.by)

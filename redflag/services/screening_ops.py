"""Screening operations over the graph and the audit log: bulk screening, decisions, re-screening, alerts.

The CLI (``redflag/cli/screening_ops.py``, ``redflag screen --file``) and the UI page call these functions.
The audit log lives in ``<data_dir>/screening/audit.sqlite`` (see :mod:`redflag.screening_ops.audit`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graph.queries import q
from graph.store import GraphStore
from ontology.records import RowError
from redflag.audit.keys import load_audit_key
from redflag.matching.analysis import analyze_name
from redflag.matching.screening import ALGORITHM, Candidate, Screener, ScreeningResult
from redflag.screening_ops import index_cache
from redflag.screening_ops.audit import (
    DECISIONS,
    AuditLog,
    AuditLogError,
    Entry,
    Verification,
    verify_log_file,
)
from redflag.screening_ops.parties import PartyFile, PartyQuery, decode_party_file, read_party_text
from redflag.screening_ops.reports import audit_csv, audit_json
from redflag.screening_ops.session import PartyResult, Progress, ScreeningSession, entity_hash
from redflag.screening_ops.weights import weights_from_env
from redflag.services.list_versions import screening_grounds
from redflag.services.screening import LIST_CANDIDATES
from redflag.settings import Settings

PARTY_TRANSACTIONS = q(
    "screening_ops.party_transactions",
    "MATCH (t:Transaction)-[r:HAS_PARTY]->(e:Entity) "
    "RETURN t.id AS transaction, t.status AS status, r.role AS role, e.id AS party_id, e.name AS name, "
    "e.aliases AS aliases, e.countries AS countries",
)


class ScreeningOpsError(ValueError):
    """A request that cannot be carried out; the message says what was wrong."""


# --------------------------------------------------------------------------- wiring
def load_candidates(store: GraphStore) -> list[Candidate]:
    """Every listed entity in the graph as a screening candidate."""
    out = []
    for r in store.run(LIST_CANDIDATES):
        ids = []
        for item in r["identifiers"] or []:
            scheme, _, value = str(item).partition(":")
            if value:
                ids.append((scheme, value))
        out.append(Candidate(
            id=r["id"], name=r["name"] or "", aliases=[a for a in r["aliases"] or [] if a],
            countries=list(r["countries"] or []), schema=r["schema"] or "LegalEntity",
            lists=sorted(x for x in r["lists"] or [] if x), programs=sorted(x for x in r["programs"] or [] if x),
            identifiers=ids, addresses=sorted(a for a in r["addresses"] or [] if a),
            weak_aliases=[a for a in r.get("weak_aliases") or [] if a],
        ))
    return out


def archive_data_version(settings: Settings) -> str:
    """Which list files and crawl runs are loaded (the archive's data version), or '' without an archive."""
    if not (settings.archive_dir / "archive.sqlite").exists():
        return ""
    from crawler.archive import Archive

    with Archive(settings.archive_dir) as archive:
        return archive.data_version()


def open_log(settings: Settings, store: GraphStore | None = None) -> AuditLog:
    """The data folder's audit log, keyed with the audit key of ``settings``; with ``store``, every append also
    moves the graph's anchor forward (:mod:`redflag.audit.graph_anchor`)."""
    from redflag.audit.graph_anchor import put_anchor

    sink = (lambda anchor: put_anchor(store, anchor)) if store is not None else None
    return AuditLog.for_data_dir(settings.data_dir, key=load_audit_key(settings), on_append=sink)


def open_session(
    store: GraphStore, settings: Settings, log: AuditLog, by: str, source: str,
    threshold: float | None = None, limit: int = 10,
) -> ScreeningSession:
    """A session over the list entities now in the graph, with the thresholds and weights from the settings.

    Raises :class:`redflag.screening_ops.grounds.NoListLoaded` (nothing screened, nothing logged) when no list
    entity is loaded; otherwise every screening of the session carries the list versions and their staleness.
    """
    grounds = screening_grounds(store, settings)  # before anything is screened or logged
    cut = settings.screen_review_threshold if threshold is None else threshold
    match_threshold = max(cut, settings.screen_threshold)
    weights = weights_from_env()
    candidates = load_candidates(store)
    index = None
    if settings.screen_index_cache_min is not None and len(candidates) >= settings.screen_index_cache_min:
        secret = load_audit_key(settings).secret

        def index(version: str, build: Callable[[], Screener]) -> tuple[Screener, str]:
            key = index_cache.index_key(version, match_threshold, weights)
            return index_cache.load_or_build(settings.data_dir / index_cache.CACHE_FILE, secret, key, build)

    return ScreeningSession(
        candidates, log, threshold=cut, match_threshold=match_threshold,
        by=by, source=source, data_version=archive_data_version(settings), weights=weights, limit=limit,
        grounds=grounds, index=index,
    )


# --------------------------------------------------------------------------- bulk screening
@dataclass
class BulkReport:
    """A finished bulk run: results in input order, malformed rows by line, the run's audit entry."""

    source: str
    results: list[PartyResult] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    run: Entry | None = None
    data_version: str = ""
    list_version: str = ""
    grounds: dict[str, Any] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.results:
            out[r.status] = out.get(r.status, 0) + 1
        return out

    def meta(self) -> dict[str, Any]:
        return {"file": self.source, "screened": len(self.results), "malformed": len(self.errors),
                "data_version": self.data_version, "list_version": self.list_version,
                "run_id": self.run.body.get("run_id", "") if self.run else "", **self.counts(),
                "stale": bool(self.grounds.get("stale")), "warnings": list(self.grounds.get("warnings", [])),
                "list_versions": list(self.grounds.get("list_versions", []))}


def read_parties(data: bytes, source: str) -> PartyFile:
    """Parse a parties CSV given as bytes (file upload or disk); malformed rows are reported by line."""
    return read_party_text(decode_party_file(data, source), source)


def bulk_screen(
    session: ScreeningSession, parties: PartyFile, digest: str = "", progress: Progress | None = None,
) -> BulkReport:
    """Screen every party of a parsed file, log each screening and the run itself."""
    report = BulkReport(source=parties.source, errors=list(parties.errors), data_version=session.data_version,
                        list_version=session.list_version, grounds=session.grounds)
    total = len(parties.parties)
    for i, party in enumerate(parties.parties, 1):
        report.results.append(session.screen(party))
        if progress is not None:
            progress(i, total, party.name)
    report.run = session.log_run(parties.source, digest, len(report.results), report.errors)
    return report


def screen_file(
    store: GraphStore, settings: Settings, data: bytes, source: str, by: str, origin: str = "bulk",
    threshold: float | None = None, progress: Progress | None = None,
) -> BulkReport:
    """Parse and screen one parties CSV (bytes) end to end; used by the UI and tests."""
    parties = read_parties(data, source)
    with open_log(settings, store) as log:
        session = open_session(store, settings, log, by, origin, threshold)
        return bulk_screen(session, parties, hashlib.sha256(data).hexdigest(), progress)


def screen_one(
    store: GraphStore, settings: Settings, party: PartyQuery, by: str, threshold: float, limit: int = 10,
) -> tuple[ScreeningResult, PartyResult]:
    """Screen one party (``redflag screen NAME``) and log it like any bulk screening (source ``single``).

    ``threshold`` is the lowest score shown; the result carries the decisions in force for each match.
    """
    with open_log(settings, store) as log:
        session = open_session(store, settings, log, by, "single", threshold, limit)
        outcome = session.screen(party)
    result = ScreeningResult(party.name, outcome.normalized_query, [o.match for o in outcome.matches],
                             session.threshold, ALGORITHM)  # fmt: skip
    return result, outcome


# --------------------------------------------------------------------------- decisions
def resolve_party(log: AuditLog, text: str) -> str:
    """The party key meant by ``text``: a party key, an own reference, or a name (normalized) seen in the log."""
    keys = log.party_keys()
    if text in keys:
        return text
    by_ref = [k for k in keys if k.split("|", 2)[2] == text.strip()] if text.strip() else []
    if len(by_ref) == 1:
        return by_ref[0]
    norm = analyze_name(text).normalized
    by_name = [k for k in keys if k.split("|", 1)[0] == norm]
    found = by_ref or by_name
    if len(found) == 1:
        return found[0]
    if not found:
        raise ScreeningOpsError(f"no screened party matches {text!r} (give the party key, own reference or name "
                                "shown in the report)")
    raise ScreeningOpsError(f"{text!r} matches {len(found)} parties; give the party key: {', '.join(found[:10])}")


def record_match_decision(
    store: GraphStore, settings: Settings, party: str, entity_id: str, decision: str, reason: str, by: str,
) -> Entry:
    """Record a decision on a match: ``false_positive`` clears it for later screenings while the list entity's
    data stays the same; ``true_match`` and ``needs_review`` are recorded the same way."""
    if decision not in DECISIONS:
        raise ScreeningOpsError(f"decision must be one of {', '.join(DECISIONS)}, got {decision!r}")
    with open_log(settings, store) as log:
        key = resolve_party(log, party)
        screenings = log.entries(key, kinds=("screening",))
        seen = [m for e in screenings for m in e.body.get("matches", []) if m["id"] == entity_id]
        if not seen:
            raise ScreeningOpsError(f"no screening of party {key!r} matched list entity {entity_id!r}")
        current = {c.id: c for c in load_candidates(store)}.get(entity_id)
        if current is None:
            raise ScreeningOpsError(f"list entity {entity_id!r} is no longer in the graph; screen the party again")
        try:
            return log.record_decision(key, entity_id, entity_hash(current), decision, reason, by,
                                       screening_id=screenings[-1].id, entity_name=current.name)
        except AuditLogError as exc:
            raise ScreeningOpsError(str(exc)) from exc


def clear_match(store: GraphStore, settings: Settings, party: str, entity_id: str, reason: str, by: str) -> Entry:
    """Mark a match as a false positive: "party X is not list entity Y", because ``reason``."""
    return record_match_decision(store, settings, party, entity_id, "false_positive", reason, by)


# --------------------------------------------------------------------------- re-screening and alerts
def _transactions_index(store: GraphStore) -> list[dict[str, Any]]:
    rows = []
    for r in store.run(PARTY_TRANSACTIONS):
        names = {analyze_name(n).normalized for n in [r["name"] or "", *(r["aliases"] or [])] if n}
        rows.append({**r, "names": names, "countries": list(r["countries"] or [])})
    return rows


def party_transactions(index: list[dict[str, Any]], party: PartyQuery) -> list[dict[str, Any]]:
    """The transactions a screened party belongs to: same normalized name (country agreeing when both
    are known), or an own reference that is the deal party's id or the transaction's id."""
    norm = party.normalized_name
    out: dict[str, dict[str, Any]] = {}
    for r in index:
        by_ref = bool(party.reference) and party.reference in (r["party_id"], r["transaction"])
        by_name = norm in r["names"] and (not party.country or not r["countries"] or party.country in r["countries"])
        if by_ref or by_name:
            out.setdefault(r["transaction"], {"id": r["transaction"], "status": r["status"], "roles": []})
            out[r["transaction"]]["roles"].append(r["role"])
    return [out[k] for k in sorted(out)]


@dataclass
class RescreenReport:
    screened: int = 0
    skipped: bool = False
    list_version: str = ""
    previous_list_versions: list[str] = field(default_factory=list)
    alerts: list[Entry] = field(default_factory=list)
    grounds: dict[str, Any] = field(default_factory=dict)


def rescreen(
    store: GraphStore, settings: Settings, by: str, only_if_changed: bool = False, progress: Progress | None = None,
) -> RescreenReport:
    """Re-screen every party screened before against the lists now loaded; each new match (an entity not
    matched last time, or whose list entry changed since) becomes an alert for the party's transactions."""
    with open_log(settings, store) as log:
        latest = log.latest_screenings()
        if not latest:
            return RescreenReport()  # nobody screened yet: nothing to repeat
        session = open_session(store, settings, log, by, "rescreen")
        report = RescreenReport(list_version=session.list_version, grounds=session.grounds)
        report.previous_list_versions = sorted({str(e.body.get("list_version", "")) for e in latest.values()})
        if only_if_changed and report.previous_list_versions in ([], [session.list_version]):
            report.skipped = True
            return report
        index = _transactions_index(store)
        total = len(latest)
        for i, (key, entry) in enumerate(latest.items(), 1):
            b = entry.body
            party = PartyQuery.from_dict({**b, "name": b.get("query", "")})
            result = session.screen(party)
            report.screened += 1
            before = {m["id"]: m.get("entity_hash", "") for m in b.get("matches", [])}
            transactions: list[dict[str, Any]] | None = None
            for o in result.matches:
                if o.status == "cleared":
                    continue
                if o.match.id not in before:
                    reason = "new match"
                elif before[o.match.id] != o.entity_hash:
                    reason = "cleared match re-opened: list entry changed" if o.status == "reopened" else \
                        "list entry changed"
                else:
                    continue
                if transactions is None:
                    transactions = party_transactions(index, party)
                body = {
                    "query": party.name, "reference": party.reference, "country": party.country,
                    "entity_id": o.match.id, "entity_name": o.match.name, "matched_name": o.match.matched_name,
                    "score": o.match.score, "band": o.band, "lists": o.match.lists, "programs": o.match.programs,
                    "entity_hash": o.entity_hash, "reason": reason, "screening_id": result.screening_id,
                    "previous_screening_id": entry.id, "transactions": transactions,
                    "data_version": session.data_version, "list_version": session.list_version,
                    "list_versions": session.grounds["list_versions"], "stale": session.grounds["stale"],
                    "warnings": session.grounds["warnings"],
                    "explanation_text": o.explanation_text(),
                }
                report.alerts.append(log.append("alert", body, by, key))
            if progress is not None:
                progress(i, total, party.name)
        return report


def list_alerts(settings: Settings, party: str | None = None) -> list[dict[str, Any]]:
    """Alerts from re-screening, newest first, each with the decision now in force on its match."""
    with open_log(settings) as log:
        key = resolve_party(log, party) if party else None
        decisions = log.decisions()
        out = []
        for e in reversed(log.entries(key, kinds=("alert",))):
            d = decisions.get((e.party_key, str(e.body["entity_id"])))
            out.append({**e.to_dict(), "decision": d})
        return out


def history(settings: Settings, party: str | None = None) -> list[Entry]:
    """Audit entries (all, or one party's), oldest first."""
    with open_log(settings) as log:
        key = resolve_party(log, party) if party else None
        return log.entries(key)


def party_keys(settings: Settings) -> list[str]:
    with open_log(settings) as log:
        return log.party_keys()


def export_log(settings: Settings, fmt: str, party: str | None = None) -> str:
    """The audit log (or one party's part of it) as ``csv`` or ``json``."""
    if fmt not in ("csv", "json"):
        raise ScreeningOpsError(f"format must be csv or json, got {fmt!r}")
    entries = history(settings, party)
    return audit_csv(entries) if fmt == "csv" else audit_json(entries)


def verify_log(
    settings: Settings, store: GraphStore | None = None, expect_count: int | None = None,
    expect_head: str | None = None,
) -> Verification:
    """Verify the screening audit log (chain under the audit key, the state-file anchor, the graph's anchor when
    ``store`` is given, the expected count/head); never creates or changes the log."""
    from redflag.audit.anchor import SCREENING_LOG
    from redflag.audit.graph_anchor import get_anchor

    graph_anchor = get_anchor(store, SCREENING_LOG) if store is not None else None
    return verify_log_file(settings.data_dir, load_audit_key(settings), graph_anchor, expect_count, expect_head)


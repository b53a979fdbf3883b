"""Post-shipment monitoring (`redflag monitor`): re-crawl what is due, re-extract what changed, re-evaluate
every shipped transaction that still has support, updates or training running, and alert on each finding new
or changed since that transaction's last review, and on each list entry the latest list refresh added, removed or
changed that touches one of their parties (:mod:`redflag.stewardship.list_changes`). Nothing new since the last
run means no new alert.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from graph.queries import q
from graph.store import GraphStore
from redflag.settings import Settings
from redflag.stewardship.alerts import deliver_pending, record_alerts
from redflag.stewardship.config import AlertSettings, load_alert_settings
from redflag.stewardship.list_changes import list_change_alerts

Progress = Callable[[str], None]
ONGOING_SUPPORT = frozenset({"active", "updates", "maintenance", "training", "support"})
NOT_SHIPPED = frozenset({"refused", "cancelled", "canceled", "proposed", "pending", "on_hold", "hold"})

TRANSACTIONS = q(
    "stewardship.monitor_transactions",
    "MATCH (t:Transaction) RETURN t.id AS id, t.status AS status, t.ship_date AS ship_date, "
    "t.support_status AS support_status ORDER BY id",
)


def _quiet(message: str) -> None:
    return None


def monitored_transactions(store: GraphStore, as_of: date | None = None) -> list[str]:
    """Shipped transactions (status shipped, or ship date passed and not refused) with support still running."""
    today = as_of or datetime.now(UTC).date()
    out = []
    for r in store.run(TRANSACTIONS):
        status = str(r["status"] or "").lower()
        support = str(r["support_status"] or "none").lower()
        ship = str(r["ship_date"] or "")
        shipped = status == "shipped" or (status not in NOT_SHIPPED and bool(ship) and ship <= today.isoformat())
        if shipped and support in ONGOING_SUPPORT:
            out.append(str(r["id"]))
    return out


@dataclass
class MonitorReport:
    crawled: list[str] = field(default_factory=list)
    crawl_outcomes: list[str] = field(default_factory=list)
    extracted: int = 0
    # "url: error" of documents the extractor failed on (not loaded; tried again on the next run)
    extraction_failed: list[str] = field(default_factory=list)
    transactions: list[str] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    delivery: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "crawled": self.crawled,
            "crawl_outcomes": self.crawl_outcomes,
            "extracted": self.extracted,
            "extraction_failed": self.extraction_failed,
            "transactions": self.transactions,
            "alerts": self.alerts,
            "delivery": self.delivery,
        }

    @property
    def undelivered(self) -> dict[str, str]:
        """The channels (``email``, ``webhook``) whose alerts could not be delivered, with the failure."""
        return {k: v for k, v in self.delivery.items() if "failed:" in v}

    def render(self) -> str:
        lines = [
            f"sources crawled: {', '.join(self.crawled) or 'none due'}",
            f"documents (re-)extracted: {self.extracted}",
            *(f"  EXTRACTION FAILED {line}" for line in self.extraction_failed),
            f"transactions monitored: {', '.join(self.transactions) or 'none'}",
            f"new alerts: {len(self.alerts)}",
        ]
        lines += [f"  {a['transaction_id']}: {a['rule']} {a['title']} ({a['change']})" for a in self.alerts]
        lines += [f"{k}: {v}" for k, v in sorted(self.delivery.items())]
        return "\n".join(lines)


def due_sources(settings: Settings, *, sample: bool = False, as_of: date | None = None) -> list[str]:
    from redflag.services.crawling import catalog, source_statuses
    from redflag.services.pipeline import archive_for

    today = (as_of or datetime.now(UTC).date()).isoformat()
    statuses = source_statuses(archive_for(settings), catalog(sample, settings.user_sources_file))
    return [s.source.id for s in statuses if (s.next_due or today) <= today]


def evaluate_monitored(
    store: GraphStore, alert_cfg: AlertSettings, as_of: date | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """Re-evaluate the monitored transactions and record an alert per new or changed finding."""
    from redflag.rules.engine import evaluate
    from redflag.services.findings import changes_since_review, persist_findings, stored_findings

    txs = monitored_transactions(store, as_of)
    alerts: list[dict[str, Any]] = []
    for tx in txs:
        outcome = persist_findings(store, evaluate(store, tx, as_of))
        changes = changes_since_review(store, tx)
        # what this run found new or changed counts even when it falls in the same second as the last review
        listed = {str(f["id"]) for kind in ("new", "changed") for f in changes[kind]}
        stored = stored_findings(store, tx)
        for kind in ("new", "changed"):
            changes[kind] = list(changes[kind]) + [stored[i] for i in outcome[kind] if i not in listed and i in stored]
        alerts += record_alerts(store, changes, alert_cfg)
    return txs, alerts


def run_monitor(
    settings: Settings,
    *,
    sample: bool = False,
    updates: bool = False,
    crawl: bool = True,
    all_sources: bool = False,
    deliver: bool = True,
    as_of: date | None = None,
    alert_settings: AlertSettings | None = None,
    progress: Progress = _quiet,
) -> MonitorReport:
    """One monitoring run. ``sample``/``updates`` crawl the bundled sample site (with its later publications);
    ``all_sources`` crawls every source, not only those due; ``crawl=False`` only re-evaluates."""
    from redflag.services.pipeline import archive_for, extract_pending, load_lists
    from redflag.services.store import open_store

    cfg = alert_settings or load_alert_settings()
    report = MonitorReport()
    if crawl:
        from crawler.sources import SourceError
        from redflag.services.crawling import CrawlError, catalog, run_crawl

        try:  # the analyst's sources included; a broken catalog file stops the crawl with its file and line
            everything = catalog(sample, settings.user_sources_file)
            ids = [s.id for s in everything] if all_sources else due_sources(settings, sample=sample, as_of=as_of)
        except SourceError as exc:
            raise CrawlError(str(exc)) from exc
        if ids:
            progress(f"crawling {len(ids)} source(s)")
            runs = run_crawl(settings.archive_dir, ids, sample=sample, updates=updates,
                             user_sources=settings.user_sources_file)  # fmt: skip
            report.crawled = ids
            report.crawl_outcomes = [
                f"{r.source_id}: {r.outcome} (new {r.new}, changed {r.changed}, unchanged {r.unchanged}"
                + (f", {r.fresh} not requested: archived copy still fresh" if r.fresh else "") + ")"
                for r in runs
            ]  # fmt: skip
    with open_store(settings) as store:
        archive = archive_for(settings)
        if crawl and report.crawled:
            progress("loading lists")
            load_lists(store, archive)
        progress("extracting new or changed documents")
        extraction = extract_pending(store, archive, settings)
        report.extracted = extraction.processed
        report.extraction_failed = [f"{where}: {error}" for where, error in extraction.failed]
        progress("re-evaluating shipped transactions")
        report.transactions, report.alerts = evaluate_monitored(store, cfg, as_of)
        progress("checking list refreshes against the monitored deals' parties")
        report.alerts += list_change_alerts(store, archive, report.transactions, cfg)
        if deliver:
            report.delivery = deliver_pending(store, cfg)
    return report


def monitoring_counts(store: GraphStore, year: int) -> dict[str, int]:
    """For the annual report: alerts raised in the year and how many were delivered."""
    from redflag.stewardship.alerts import list_alerts

    year_alerts = [a for a in list_alerts(store) if str(a.get("created_at") or "")[:4] == str(year)]
    return {
        "monitoring alerts raised": len(year_alerts),
        "monitoring alerts delivered": sum(
            1 for a in year_alerts if str(a.get("email_status", "")).startswith("sent")
            or str(a.get("webhook_status", "")).startswith("sent")
        ),
    }


def baseline_reviews(store: GraphStore, by: str = "demo") -> list[str]:
    """Record a first review of every monitored transaction never reviewed (the baseline monitoring compares
    against); transactions already reviewed keep their date. Returns the ids it marked."""
    from redflag.services.findings import mark_reviewed

    marked = []
    for tx in monitored_transactions(store):
        node = store.get_node("Transaction", tx) or {}
        if not node.get("last_review_at"):
            mark_reviewed(store, tx, by)
            marked.append(tx)
    return marked

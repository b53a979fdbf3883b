"""The one-shot demo: the whole flow over the bundled sample world, with progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graph.queries import q
from graph.store import GraphStore
from redflag.invocation import cli_command
from redflag.services.store import open_store
from redflag.settings import Settings

Progress = Callable[[int, int, str], None]
TX_IDS = q("demo.transaction_ids", "MATCH (t:Transaction) RETURN t.id AS id ORDER BY id")
STEPS = ("crawl the sample site", "load the sample world", "load lists", "extract", "resolve and screen", "flag")


@dataclass
class DemoSummary:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    crawl: list[str] = field(default_factory=list)
    extracted: int = 0
    links: str = ""
    transactions: list[dict[str, Any]] = field(default_factory=list)
    monitoring_baseline: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = ["redflag demo: the sample world is loaded", ""]
        lines += ["crawl:"] + [f"  {c}" for c in self.crawl]
        lines.append(f"documents extracted: {self.extracted}")
        lines.append(f"entity resolution and screening: {self.links}")
        lines.append("graph: " + ", ".join(f"{k} {v}" for k, v in sorted(self.counts.get("labels", {}).items())))
        lines.append("")
        lines.append("transactions:")
        for t in self.transactions:
            stop = "  HARD STOP" if t.get("hard_stop") else ""
            lines.append(f"  {t['id']:<16} risk {t['risk_score']:>5} {t['risk_band']:<8}{stop}  findings: {t['findings']}")
        cli = cli_command()
        if self.monitoring_baseline:
            lines.append(f"monitoring baseline (reviewed): {', '.join(self.monitoring_baseline)}; "
                         f"then: {cli} monitor --sample --updates --all-sources")
        lines.append("")
        lines.append(f"next: {cli} flags --transaction DEMO-DIVERSION ; {cli} paths --transaction DEMO-DIVERSION")
        return "\n".join(lines)


def run_demo(settings: Settings, progress: Progress) -> DemoSummary:
    from redflag.services.crawling import run_crawl
    from redflag.services.pipeline import archive_for, extract_pending, load_lists
    from redflag.services.screening import resolve_entities, screen_deal_parties
    from redflag.services.world import load_sample_world

    summary = DemoSummary()
    total = len(STEPS)
    progress(0, total, STEPS[0])
    runs = run_crawl(settings.archive_dir, sample=True)
    summary.crawl = [
        f"{r.source_id}: {r.outcome} (fetched {r.fetched}, new {r.new}, changed {r.changed}, unchanged {r.unchanged}, "
        f"failed {r.failed})"
        for r in runs
    ]
    with open_store(settings) as store:
        progress(1, total, STEPS[1])
        load_sample_world(store)
        archive = archive_for(settings)
        progress(2, total, STEPS[2])
        load_lists(store, archive)
        progress(3, total, STEPS[3])
        extraction = extract_pending(store, archive, settings)
        if extraction.failed:  # the demo's own documents: any failure is a fault to fix, not to show round
            raise RuntimeError("the extractor failed on the demo's documents: "
                               + "; ".join(f"{where}: {error}" for where, error in extraction.failed))
        summary.extracted = extraction.processed
        progress(4, total, STEPS[4])
        r1 = resolve_entities(store, settings)
        r2 = screen_deal_parties(store, settings)
        summary.links = (f"records: {r1.same} same / {r1.possible} to review; deal parties on the lists by name: "
                         f"{r2.same} matches / {r2.possible} to review (a deal's risk also comes from its red flags "
                         "below)")
        progress(5, total, STEPS[5])
        summary.transactions = evaluate_all(store)
        from redflag.stewardship.monitoring import baseline_reviews

        summary.monitoring_baseline = baseline_reviews(store)
        summary.counts = store.counts()
    progress(total, total, "done")
    return summary


def evaluate_all(store: GraphStore) -> list[dict[str, Any]]:
    """Evaluate and store the findings of every transaction; a short line per transaction."""
    from redflag.rules.engine import evaluate
    from redflag.services.findings import persist_findings

    out = []
    for tx in [r["id"] for r in store.run(TX_IDS)]:
        report = evaluate(store, tx)
        persist_findings(store, report)
        out.append(
            {"id": tx, "risk_score": report.risk_score, "risk_band": report.breakdown.band, "hard_stop": report.hard_stop,
             "findings": len(report.findings)}
        )
    return out

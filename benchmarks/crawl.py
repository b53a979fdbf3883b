"""Crawl throughput on a scaled-up sample site (on demand; not a test).

    .venv/bin/python benchmarks/crawl.py [--pages 3000]

Generates a temporary site with N State-style country report pages (copies of the bundled sample
report with a different country name each), serves it on 127.0.0.1 with realistic validators (each page's
``Last-Modified`` is its report's date in the past, 2024-04-22 plus up to 89 days; the index was modified
now; ``ETag`` a digest of the bytes; no ``Cache-Control``, so HTTP's heuristic freshness applies), and
measures in the same run:
  1. a bare Scrapy spider that only downloads the pages (no pipelines, no parsing), with Scrapy's default
     CONCURRENT_ITEMS (100) and with the crawler's (crawler/settings.py);
  2. the redflag hrr spider with parsing and the archive pipeline (first crawl);
  3. a re-crawl of the unchanged site: the index is revalidated (304), report pages whose archived copy is
     still fresh (10% of their age since Last-Modified, capped at the source's cadence of 1 day) are not
     requested;
  4. a re-crawl with ``--revalidate``: every page requested (conditional, 304).
Prints a table and the ratios; results are not stored.
"""

from __future__ import annotations

import argparse
import calendar
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.archive import Archive  # noqa: E402
from crawler.sample_server import SampleServer  # noqa: E402
from crawler.settings import CONCURRENT_ITEMS  # noqa: E402

EDITION = "state/reports/2023-country-reports-on-human-rights-practices"
TEMPLATE = ROOT / "crawler/sample_site/site" / EDITION / "ostrava-republic/index.html"
FALLBACK = ROOT / "tests/fixtures/crawler/site" / EDITION / "examplestan/index.html"

BARE_SPIDER = textwrap.dedent(
    """
    import sys, scrapy
    from scrapy.crawler import CrawlerProcess
    class Bare(scrapy.Spider):
        name = "bare"
        start_urls = [sys.argv[1]]
        def parse(self, response):
            for href in response.xpath("//a/@href").getall():
                yield response.follow(href, self.page)
        def page(self, response):
            pass
    p = CrawlerProcess({"LOG_LEVEL": "ERROR", "ROBOTSTXT_OBEY": True, "CONCURRENT_REQUESTS": 16,
                        "CONCURRENT_REQUESTS_PER_DOMAIN": 8, "AUTOTHROTTLE_ENABLED": False, "TELNETCONSOLE_ENABLED": False,
                        "CONCURRENT_ITEMS": int(sys.argv[2])})
    p.crawl(Bare)
    p.start()
    """
)


PUBLISHED = calendar.timegm((2024, 4, 22, 12, 0, 0))  # the 2023 reports' publication day (epoch seconds)


def make_site(root: Path, pages: int) -> None:
    template = (TEMPLATE if TEMPLATE.exists() else FALLBACK).read_text(encoding="utf-8")
    edition = root / EDITION
    links = []
    for i in range(pages):
        slug = f"country-{i:05d}"
        (edition / slug).mkdir(parents=True)
        page = edition / slug / "index.html"
        page.write_text(template.replace("Ostrava Republic", f"Country {i:05d}"), encoding="utf-8")
        modified = PUBLISHED + (i % 90) * 86400  # served as Last-Modified (the file's mtime)
        os.utime(page, (modified, modified))
        links.append(f'<li><a href="{slug}/">Country {i:05d}</a></li>')
    (edition / "index.html").write_text(f"<html><body><main><ul>{''.join(links)}</ul></main></body></html>", encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    (root / "sources.toml").write_text(
        textwrap.dedent(
            f"""
            [[source]]
            id = "bench-hrr"
            publisher = "bench"
            kind = "prose"
            spider = "hrr"
            start_urls = ["{{base}}/{EDITION}/"]
            tier = 1
            cadence_days = 1
            robots = "obey"
            concurrency = 8
            """
        ),
        encoding="utf-8",
    )


def child_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's finished children."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: list[str], **kw: object) -> tuple[float, float]:
    """Run CMD to its end: (wall seconds, CPU seconds of the child)."""
    t, cpu = time.perf_counter(), child_cpu()
    subprocess.run(cmd, check=True, **kw)  # type: ignore[call-overload]
    return time.perf_counter() - t, child_cpu() - cpu


def run_redflag(site: Path, archive: Path, base: str, *extra: str) -> tuple[float, float]:
    return timed(
        [sys.executable, "-m", "crawler.runner", "--archive", str(archive), "--sources", str(site / "sources.toml"),
         "--base-url", base, "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "LOG_LEVEL=ERROR",
         "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=8", *extra],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip


def counts(archive: Path) -> str:
    """What the latest run did: downloaded, revalidated (304), not requested (fresh)."""
    with Archive(archive) as a:
        r = a.runs()[-1]
    return f"{r.downloaded} downloaded, {r.not_modified} revalidated (304), {r.fresh} not requested (fresh)"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pages", type=int, default=3000)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        make_site(site, args.pages)
        total = args.pages + 1  # pages + index
        (site / EDITION / "index.html").touch()  # the index changes daily: modified now
        with SampleServer(site, cache_control=None) as server:
            base = server.base_url
            bare = timed([sys.executable, "-c", BARE_SPIDER, f"{base}/{EDITION}/", "100"])
            bare_tuned = timed([sys.executable, "-c", BARE_SPIDER, f"{base}/{EDITION}/", str(CONCURRENT_ITEMS)])
            archive = Path(tmp) / "archive"
            full = run_redflag(site, archive, base)
            first = counts(archive)
            server.reset_log()
            again = run_redflag(site, archive, base)
            content = [r for r in server.requests() if r.path != "/robots.txt"]
            recrawl = counts(archive)
            server.reset_log()
            forced = run_redflag(site, archive, base, "--revalidate")
            forced_content = [r for r in server.requests() if r.path != "/robots.txt"]
            revalidated = counts(archive)
        with Archive(archive) as a:
            docs = len(a.latest_documents())
    rows = [
        ("bare Scrapy (download only)", bare, total, ""),
        (f"bare Scrapy, CONCURRENT_ITEMS={CONCURRENT_ITEMS}", bare_tuned, total, ""),
        ("redflag hrr + archive pipeline", full, total, first),
        ("redflag re-crawl (HTTP freshness)", again, total, recrawl),
        ("redflag re-crawl --revalidate", forced, total, revalidated),
    ]
    print(f"\n{args.pages} report pages (+1 index), 127.0.0.1, process start-up included")
    print(f"{'run':34} {'seconds':>8} {'pages/s':>8} {'CPU s':>7}  what the run did")
    for name, (secs, cpu), n, what in rows:
        print(f"{name:34} {secs:8.1f} {n / secs:8.1f} {cpu:7.1f}  {what}")
    print(f"documents archived: {docs}; requests sent by the re-crawl: {len(content)}, by --revalidate: "
          f"{len(forced_content)} ({sum(r.status == 304 for r in forced_content)} answered 304)")
    print(f"ratios (wall; CPU): pipeline/bare pages/s {bare[0] / full[0]:.2f}; {bare[1] / full[1]:.2f} (against the "
          f"bare spider with the crawler's CONCURRENT_ITEMS: {bare_tuned[0] / full[0]:.2f}; {bare_tuned[1] / full[1]:.2f})")
    print(f"re-crawl/first crawl time {again[0] / full[0]:.2f}; {again[1] / full[1]:.2f}; --revalidate/first crawl "
          f"time {forced[0] / full[0]:.2f}; {forced[1] / full[1]:.2f}")


if __name__ == "__main__":
    main()

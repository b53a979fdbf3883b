"""Crawl throughput on a scaled-up sample site (on demand; not a test).

    .venv/bin/python benchmarks/crawl.py [--pages 3000]

Generates a temporary site with N State-style country report pages (copies of the bundled sample
report with a different country name each), serves it on 127.0.0.1, and measures in the same run:
  1. a bare Scrapy spider that only downloads the pages (no pipelines, no parsing);
  2. the redflag hrr spider with parsing and the archive pipeline;
  3. a re-crawl with the archive (share of requests answered 304).
Prints a table; results are not stored.
"""

from __future__ import annotations

import argparse
import os
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
                        "CONCURRENT_REQUESTS_PER_DOMAIN": 8, "AUTOTHROTTLE_ENABLED": False, "TELNETCONSOLE_ENABLED": False})
    p.crawl(Bare)
    p.start()
    """
)


def make_site(root: Path, pages: int) -> None:
    template = (TEMPLATE if TEMPLATE.exists() else FALLBACK).read_text(encoding="utf-8")
    edition = root / EDITION
    links = []
    for i in range(pages):
        slug = f"country-{i:05d}"
        (edition / slug).mkdir(parents=True)
        (edition / slug / "index.html").write_text(template.replace("Ostrava Republic", f"Country {i:05d}"), encoding="utf-8")
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


def run_redflag(site: Path, archive: Path, base: str) -> float:
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "crawler.runner", "--archive", str(archive), "--sources", str(site / "sources.toml"),
         "--base-url", base, "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "LOG_LEVEL=ERROR",
         "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=8"],
        check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    return time.perf_counter() - t


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pages", type=int, default=3000)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        make_site(site, args.pages)
        total = args.pages + 1  # pages + index
        with SampleServer(site) as server:
            base = server.base_url
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", BARE_SPIDER, f"{base}/{EDITION}/"], check=True)
            bare = time.perf_counter() - t
            server.reset_log()
            archive = Path(tmp) / "archive"
            full = run_redflag(site, archive, base)
            server.reset_log()
            again = run_redflag(site, archive, base)
            content = [r for r in server.requests() if r.path != "/robots.txt"]
            share_304 = sum(1 for r in content if r.status == 304) / max(1, len(content))
        a = Archive(archive)
        docs = len(a.latest_documents())
    rows = [
        ("bare Scrapy (download only)", bare, total),
        ("redflag hrr + archive pipeline", full, total),
        ("redflag re-crawl (conditional)", again, total),
    ]
    print(f"\n{args.pages} report pages (+1 index), 127.0.0.1, process start-up included")
    print(f"{'run':34} {'seconds':>8} {'pages/s':>8}")
    for name, secs, n in rows:
        print(f"{name:34} {secs:8.1f} {n / secs:8.1f}")
    print(f"documents archived: {docs}; re-crawl requests answered 304: {share_304:.1%}")


if __name__ == "__main__":
    main()

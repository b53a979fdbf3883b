"""Main-text extraction: the project's lxml heuristics (crawler.parsers.article) against trafilatura
(crawler.parsers.main_text), on demand; not a test.

    .venv/bin/python benchmarks/extraction.py [--repeat 20]

Pages: the bundled sample site's news, research and NGO pages (crawler/sample_site) and the test site of an
unseen, div-based layout (tests/fixtures/crawler/newsroom). Per site and extractor, in the same run:
  * characters of main text kept;
  * template blocks: text blocks (paragraphs) found on two or more pages of the same site, i.e. menus,
    sidebars, promotions and footers (the standard site-template definition of boilerplate);
  * sidebar/footer names (newsroom only): the company names only its sidebar and footer carry;
  * milliseconds per page (median over --repeat runs), and the ratio trafilatura / heuristics.
Prints a table; results are not stored (figures quoted in docs/PERFORMANCE.md).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.parsers.article import parse_article  # noqa: E402
from crawler.parsers.common import ParseError, SourceMeta  # noqa: E402
from crawler.parsers.main_text import extract_main_text  # noqa: E402

META = SourceMeta("bench", "bench", 3)
SAMPLE = ROOT / "crawler" / "sample_site" / "site"
NEWSROOM = ROOT / "tests" / "fixtures" / "crawler" / "newsroom"
SITES = {
    "sample site (news, research, NGO pages)": sorted(
        p for sub in ("news", "research", "ngo") for p in (SAMPLE / sub).rglob("*.html")
    ),
    "newsroom (unseen div layout, articles)": sorted((NEWSROOM / "news" / "2026").glob("*.html")),
}
CHROME_NAMES = ("Parhelion Signals", "Obsidian Lattice", "Meridian Vantage", "Quillfeather", "Corvid Press")


def _text(fn: Callable[..., object], body: bytes, url: str) -> str:
    try:
        return str(fn(body, url, META).text)  # type: ignore[attr-defined]
    except ParseError:
        return ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    extractors: dict[str, Callable[..., object]] = {"heuristics": parse_article, "trafilatura": extract_main_text}
    print(f"{'site':42} {'extractor':12} {'pages':>5} {'chars':>7} {'template blocks':>15} {'chrome names':>12} "
          f"{'ms/page':>8}")  # fmt: skip
    for site, pages in SITES.items():
        bodies = [(p.read_bytes(), "http://bench.test/" + p.name) for p in pages]
        timings: dict[str, float] = {}
        for name, fn in extractors.items():
            texts = [_text(fn, b, u) for b, u in bodies]
            blocks = [set(t.split("\n\n")) - {""} for t in texts]
            seen = Counter(b for page in blocks for b in page)
            template = sum(1 for page in blocks for b in page if seen[b] >= 2)
            names = sum(t.count(n) for t in texts for n in CHROME_NAMES)
            runs = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                for b, u in bodies:
                    _text(fn, b, u)
                runs.append((time.perf_counter() - t0) / len(bodies) * 1000)
            timings[name] = statistics.median(runs)
            print(f"{site:42} {name:12} {len(pages):>5} {sum(map(len, texts)):>7} {template:>15} {names:>12} "
                  f"{timings[name]:>8.2f}")  # fmt: skip
        print(f"{'':42} {'ratio':12} trafilatura takes {timings['trafilatura'] / timings['heuristics']:.1f}x "
              "the heuristics' time per page")


if __name__ == "__main__":
    main()

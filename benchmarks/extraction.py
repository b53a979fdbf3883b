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

    .venv/bin/python benchmarks/extraction.py --real PATH/article-extraction-benchmark

Real pages: a checkout of Zyte's public article-extraction benchmark (github.com/scrapinghub/
article-extraction-benchmark, MIT licence: 181 real news pages as ``html/*.html.gz`` with the article body
marked by hand in ``ground-truth.json``; not copied into this project). Scored as that benchmark scores: word
4-gram shingles of the predicted and the true body, per page true/false positives and false negatives
normalized to sum 1, precision and recall averaged over pages, F1 of the two averages; plus the share of pages
where the extractor gave no text at all.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
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


WORD = re.compile(r"\w+")


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = WORD.findall(text or "")
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])


def _tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = _shingles(true), _shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def real_pages(folder: Path, extractors: dict[str, Callable[..., object]]) -> None:
    """Score each extractor on the benchmark's real pages against their hand-marked article bodies."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [(key, gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()), str(v.get("url") or ""))
             for key, v in sorted(truth.items())]  # fmt: skip
    print(f"{'extractor':12} {'pages':>5} {'F1':>6} {'precision':>9} {'recall':>7} {'no text':>7} {'ms/page':>8}")
    timings: dict[str, float] = {}
    for name, fn in extractors.items():
        t0 = time.perf_counter()
        scores = [_tp_fp_fn(truth[key].get("articleBody", ""), _text(fn, body, url)) for key, body, url in pages]
        timings[name] = (time.perf_counter() - t0) / len(pages) * 1000
        precision = statistics.mean(tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0) for tp, fp, fn in scores)
        recall = statistics.mean(tp / (tp + fn) if tp + fn else 1.0 for tp, fp, fn in scores)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        empty = sum(1 for tp, fp, _ in scores if tp + fp == 0) / len(scores)
        print(f"{name:12} {len(pages):>5} {f1:>6.3f} {precision:>9.3f} {recall:>7.3f} {empty:>7.1%} {timings[name]:>8.2f}")
    print(f"ratio: trafilatura takes {timings['trafilatura'] / timings['heuristics']:.1f}x the heuristics' time per page")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--real", type=Path, help="a checkout of scrapinghub/article-extraction-benchmark")
    args = ap.parse_args()
    extractors: dict[str, Callable[..., object]] = {"heuristics": parse_article, "trafilatura": extract_main_text}
    if args.real is not None:
        real_pages(args.real, extractors)
        return
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

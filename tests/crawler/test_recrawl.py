"""Re-crawls over real HTTP on 127.0.0.1 follow HTTP caching (RFC 9111): a leaf page whose archived response is
still fresh is not requested, a stale one is revalidated, an index is always revalidated, and ``--revalidate``
(or a source's ``revalidate = true``) requests everything. Requests are counted by the test's server."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from crawler_helpers import FIXTURES
from typer.testing import CliRunner

import redflag.cli.crawl  # noqa: F401  (registers the commands)
from crawler.archive import Archive
from crawler.freshness import freshness
from crawler.sample_server import SampleServer
from crawler.user_sources import add_source, make_source
from redflag.cli.app import app
from redflag.services.changes import archive_changes
from redflag.services.crawling import run_crawl

pytestmark = pytest.mark.slow
HELPERS = str(Path(__file__).parent)
LOOKUP = "crawler_helpers:country_code"
FAST = {"RETRY_BACKOFF_BASE": "0.05", "AUTOTHROTTLE_START_DELAY": "0", "RETRY_TIMES": "1", "DOWNLOAD_DELAY": "0"}
NEWSROOM = FIXTURES / "newsroom"
FRESH = "/news/2026/veltrana-interception.html"  # dated 200 days ago, no Cache-Control: heuristically fresh
STALE = "/news/2026/examplestan-shutdown.html"  # Cache-Control: max-age=0, must-revalidate
NEW = "/news/2026/kessel-tender.html"
INDEX = "/news/"


@pytest.fixture(autouse=True)
def _helpers_importable(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", HELPERS)
    monkeypatch.setenv("COLUMNS", "250")  # tables unwrapped


def _crawl(data: Path, **kw):
    (run,) = run_crawl(data / "archive", ["harbour-ledger"], user_sources=data / "sources.toml",
                       settings=dict(FAST), country_lookup=LOOKUP, **kw)  # fmt: skip
    return run


def _requests(server: SampleServer) -> dict[str, tuple[int, bool]]:
    """path -> (status, conditional) of every request since the last reset (robots.txt left out)."""
    return {r.path: (r.status, r.conditional) for r in server.requests() if r.path != "/robots.txt"}


def test_recrawl_requests_only_what_http_caching_says_may_have_changed(tmp_path):
    data, site, overlay = tmp_path / "data", tmp_path / "site", tmp_path / "overlay"
    shutil.copytree(NEWSROOM, site)
    overlay.mkdir()
    long_ago = time.time() - 200 * 86400
    for page in site.rglob("*.html"):  # every page last modified 200 days ago, the index too
        os.utime(page, (long_ago, long_ago))
    headers = {STALE: {"Cache-Control": "max-age=0, must-revalidate"}}
    with SampleServer(site, overlay, cache_control=None, headers=headers) as server:
        add_source(data / "sources.toml", make_source("harbour-ledger", server.base_url + INDEX, kind="news",
                   publisher="The Harbour Ledger", tier=3, cadence_days=7))  # fmt: skip
        base = server.base_url
        first = _crawl(data)
        assert first.outcome == "ok" and first.fresh == 0 and first.not_modified == 0
        assert _requests(server)[FRESH] == (200, False)

        # 1. the unchanged site again: the fresh article is not requested, the stale one and the index are
        # revalidated (304); the run says so, and the skipped article is not taken for removed
        server.reset_log()
        second = _crawl(data)
        seen = _requests(server)
        assert FRESH not in seen
        assert seen[STALE] == (304, True) and seen[INDEX] == (304, True)
        assert second.fresh == 1 and second.not_modified == second.fetched == len(seen) and second.downloaded == 0
        with Archive(data / "archive") as a:
            assert a.fresh_urls(second.run_id) == {base + FRESH}
            assert base + FRESH in a.run_urls(second.run_id)
            assert [d.change for d in archive_changes(a, source="harbour-ledger").documents] == []

        # 2. the stale article is corrected (new ETag) and the index links a new story: the correction is
        # re-archived and re-parsed, the new story fetched; the fresh article is still not requested
        (overlay / "news/2026").mkdir(parents=True)
        (overlay / STALE[1:]).write_text((site / STALE[1:]).read_text().replace("nationwide", "nation-wide"))
        story = (site / FRESH[1:]).read_text().replace("Veltrana Analytics supplied", "Kessel Optics won a tender for")
        (overlay / NEW[1:]).write_text(story)
        index = (site / INDEX[1:] / "index.html").read_text()
        teaser = '<div class="teaser"><a href="/news/2026/kessel-tender.html">Kessel Optics won a tender</a></div>\n'
        (overlay / "news/index.html").write_text(index.replace('<div class="teaser">', teaser + '<div class="teaser">', 1))
        server.reset_log()
        third = _crawl(data)
        seen = _requests(server)
        assert FRESH not in seen
        assert seen[STALE] == (200, True) and seen[INDEX] == (200, True) and seen[NEW] == (200, False)
        assert (third.new, third.fresh) == (1, 1) and third.changed == 2  # the index and the corrected article
        with Archive(data / "archive") as a:
            docs = {d.url: d for d in a.latest_documents()}
        assert "nation-wide internet shutdown" in docs[base + STALE].text
        assert "Kessel Optics won a tender for" in docs[base + NEW].text

        # 3. `redflag crawl --revalidate`: every page is requested (conditional), the fresh article too
        server.reset_log()
        out = CliRunner().invoke(app, ["--data-dir", str(data), "crawl", "--revalidate", "harbour-ledger"])
        assert out.exit_code == 0, out.output
        seen = _requests(server)
        assert seen[FRESH] == (304, True) and seen[NEW] == (304, True) and seen[STALE] == (304, True)
        assert "revalidated (304)" in out.output and "fresh (not requested)" in out.output
        with Archive(data / "archive") as a:
            run = a.runs("harbour-ledger")[-1]
        assert (run.fresh, run.downloaded, run.not_modified) == (0, 0, run.fetched)

        # 4. the same through the catalog: `revalidate = true` on the source (a hand edit of the analyst's file)
        catalog = data / "sources.toml"
        catalog.write_text(catalog.read_text().replace('id = "harbour-ledger"', 'id = "harbour-ledger"\nrevalidate = true'))
        edit = CliRunner().invoke(app, ["--data-dir", str(data), "sources", "edit", "harbour-ledger", "--tier", "2"])
        assert edit.exit_code == 0, edit.output
        assert "revalidate = true" in catalog.read_text()  # an edit of another field keeps it
        server.reset_log()
        fourth = _crawl(data)
        assert _requests(server)[FRESH] == (304, True) and fourth.fresh == 0

        # without either, the old article is skipped again; the new story, last modified seconds ago, has a
        # heuristic lifetime of a tenth of that (a few seconds on a loaded machine): once that has run out it is
        # stale, so it is revalidated. The wait is read from the archive, not assumed.
        edit = CliRunner().invoke(app, ["--data-dir", str(data), "sources", "edit", "harbour-ledger", "--no-revalidate"])
        assert edit.exit_code == 0 and "revalidate" not in catalog.read_text(), edit.output
        with Archive(data / "archive") as a:
            stored = a.stored_response(base + NEW)
        assert stored is not None
        verdict = freshness(stored[0], time.time(), cadence_days=7)
        assert verdict.basis.startswith("heuristic"), verdict.describe()
        time.sleep(max(0.0, verdict.lifetime - verdict.age) + 1.0)
        server.reset_log()
        fifth = _crawl(data)
        seen = _requests(server)
        assert FRESH not in seen and seen[NEW] == (304, True) and fifth.fresh == 1
        listed = CliRunner().invoke(app, ["--data-dir", str(data), "sources", "--json"])
        (mine,) = [r for r in json.loads(listed.output) if r["id"] == "harbour-ledger"]
        assert (mine["last_run"]["fresh"], mine["last_run"]["not_modified"]) == (1, fifth.not_modified)


def test_a_revalidated_page_keeps_its_content_type_and_caching_fields(tmp_path):
    """A 304 updates the stored response's header fields (RFC 9111 section 4.3.4): the archived copy keeps its
    Content-Type (its charset) and the 304's Date restarts its freshness."""
    data, site = tmp_path / "data", tmp_path / "site"
    shutil.copytree(NEWSROOM, site)
    with SampleServer(site, cache_control="no-cache") as server:
        add_source(data / "sources.toml", make_source("harbour-ledger", server.base_url + INDEX, kind="news",
                   publisher="The Harbour Ledger", tier=3, cadence_days=7))  # fmt: skip
        _crawl(data)
        second = _crawl(data)
        assert second.fresh == 0 and second.not_modified == second.fetched > 0  # no-cache: every page asked
        with Archive(data / "archive") as a:
            headers = a.stored_headers(server.base_url + FRESH)
            stored = a.stored_response(server.base_url + FRESH)
    assert headers["Content-Type"] == "text/html; charset=utf-8" and headers["Cache-Control"] == "no-cache"
    assert stored is not None and stored[1] and stored[0].date and stored[0].last_modified

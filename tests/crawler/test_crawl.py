"""Real Scrapy crawls over HTTP against a server the test starts on 127.0.0.1 (no network)."""

from __future__ import annotations

from pathlib import Path

import pytest
from crawler_helpers import SITE, SOURCES, oversize, redirect_loop, slow, status_500

from crawler.archive import Archive
from crawler.sample_server import SampleServer
from redflag.services.crawling import run_crawl

pytestmark = pytest.mark.slow
HELPERS = str(Path(__file__).parent)
LOOKUP = "crawler_helpers:country_code"
FAST = {"RETRY_BACKOFF_BASE": "0.05", "AUTOTHROTTLE_START_DELAY": "0", "RETRY_TIMES": "1"}


@pytest.fixture(autouse=True)
def _helpers_importable(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", HELPERS)


def crawl(archive_dir, server, sources=SOURCES, settings=FAST, ids=()):
    return run_crawl(archive_dir, ids, sources_file=sources, base_url=server.base_url, settings=dict(settings),
                     country_lookup=LOOKUP)  # fmt: skip


def test_full_crawl_then_unchanged_recrawl_then_one_changed_page(tmp_path):
    archive_dir = tmp_path / "archive"
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    with SampleServer(SITE, overlay, routes={"/err/500": status_500}) as server:
        runs = crawl(archive_dir, server)
        a = Archive(archive_dir)
        by_source = {r.source_id: r for r in runs}
        assert set(by_source) == {"t-hrr-2023", "t-hrr-2024", "t-ngo", "t-research", "t-news", "t-ofac", "t-csl",
                                  "t-ftm", "t-fiw", "t-stop"}  # fmt: skip
        assert all(r.new == r.fetched and r.fetched > 0 for r in runs)

        # documents of every family, in both report layouts
        kinds = sorted({d.kind for d in a.latest_documents()})
        assert kinds == ["country_report:2024", "country_report:pre2024", "news", "ngo_report", "ngo_report_pdf", "research"]
        base = server.base_url
        pdf = [d for d in a.latest_documents() if d.url.endswith("watching-the-square.pdf")]
        assert pdf and "Fictive Integrators" in pdf[0].text
        # structured lists
        assert len(a.list_entities("ofac")) == 366
        assert {e.id for e in a.list_entities("csl")} == {"csl-j1", "csl-j2"}
        assert {r.schema for r in a.list_relations("opensanctions")} == {"Ownership", "Directorship"}
        assert {(i.country, i.indicator) for i in a.indicators()} >= {("XE", "fiw_F1"), ("XE", "shutdown")}

        # bad input: each is a per-URL or per-row error with a readable reason; the crawl went on
        def reasons(source_id):
            return {e.location.replace(base, ""): e.reason for e in a.errors(by_source[source_id].run_id)}

        hrr = reasons("t-hrr-2023")
        assert hrr["/state/reports/2023-country-reports-on-human-rights-practices/missingland/"] == "HTTP 404 Not Found"
        assert "forbidden by robots.txt" in reasons("t-research")["/private/secret.html"]
        ngo = reasons("t-ngo")
        assert "truncated or damaged" in ngo["/ngo/reports/watching-the-square/appendix-truncated.pdf"]
        assert "encrypted" in ngo["/ngo/reports/watching-the-square/annex-encrypted.pdf"]
        news = reasons("t-news")
        assert "empty page" in news["/news/articles/empty.html"]
        assert news["/err/500"] == "HTTP 500 Internal Server Error"
        assert len(server.requests("/err/500")) == 2  # first try + one retry (RETRY_TIMES=1)
        # FtM: the unreadable line is a rejected row; its two references to ids not in the file are warnings
        assert by_source["t-ftm"].row_errors == 1 and by_source["t-csl"].row_errors == 1
        # robots.txt: the disallowed page was never requested
        assert server.requests("/private/") == []

        # second crawl of the unchanged site: conditional requests, all 304, nothing new stored
        archived = a.fetch_count()
        versions = a.version_count()
        docs = len(a.latest_documents())
        version_before = a.data_version()
        server.reset_log()
        runs2 = crawl(archive_dir, server)
        assert all(r.fetched == r.unchanged and r.new == 0 and r.changed == 0 for r in runs2)
        content = [r for r in server.requests() if r.status not in (0, 404) and r.path != "/robots.txt"]
        assert content and all(r.conditional and r.status == 304 for r in content)
        assert server.not_modified_count == sum(r.fetched for r in runs2)
        assert a.version_count() == versions
        assert len(a.latest_documents()) == docs
        assert a.data_version() == version_before
        assert a.fetch_count() == archived + sum(r.fetched for r in runs2)

        # a changed page becomes a new version linked to the old one; the rest stays unchanged
        page = "state/reports/2023-country-reports-on-human-rights-practices/westmark/index.html"
        (overlay / page).parent.mkdir(parents=True)
        (overlay / page).write_bytes((SITE / page).read_bytes().replace(b"without warrants", b"with no warrants at all"))
        runs3 = {r.source_id: r for r in crawl(archive_dir, server, ids=["t-hrr-2023", "t-news"])}
        assert (runs3["t-hrr-2023"].changed, runs3["t-hrr-2023"].new) == (1, 0)
        assert runs3["t-news"].changed == 0
        url = f"{base}/state/reports/2023-country-reports-on-human-rights-practices/westmark/"
        (old, _), (new, prev) = a.versions(url)
        assert prev == old and new != old
        current = [d for d in a.latest_documents() if d.url == url][0]
        assert "with no warrants at all" in current.text and current.sha256 == new
        assert a.data_version() != version_before


def test_network_failures_are_recorded_and_the_crawl_goes_on(tmp_path):
    catalog = tmp_path / "sources.toml"
    catalog.write_text(
        """
[[source]]
id = "t-nasty"
publisher = "Nasty Server"
kind = "prose"
spider = "research"
start_urls = ["{base}/slow", "{base}/loop", "{base}/big", "{base}/research/2025/03/quiet-tap/"]
tier = 3
cadence_days = 1
robots = "obey"
concurrency = 4
""",
        encoding="utf-8",
    )
    routes = {"/slow": slow, "/loop": redirect_loop, "/big": oversize}
    # the timeout must cut off /slow (30 s) but never the pages that answer at once, the robots.txt request or the
    # redirect hops on a loaded machine (1 s left them little margin)
    settings = {**FAST, "DOWNLOAD_TIMEOUT": "5", "DOWNLOAD_MAXSIZE": "100000", "REDIRECT_MAX_TIMES": "3"}
    with SampleServer(SITE, routes=routes) as server:
        (run,) = crawl(tmp_path / "archive", server, sources=catalog, settings=settings)
        a = Archive(tmp_path / "archive")
        errors = {e.location.replace(server.base_url, "").split("?")[0]: e.reason for e in a.errors(run.run_id)}
        assert "timed out" in errors["/slow"], errors
        assert "redirect" in errors["/loop"]
        assert "larger than the download size limit" in errors["/big"]
        assert len(server.requests("/loop")) == 4  # the first request and three redirects, then it stops
        assert (run.fetched, run.failed, run.outcome) == (1, 3, "partial")
        assert [d.title for d in a.latest_documents()] == ["Quiet Tap: intercept kits in Examplestan"]


def test_sample_site_crawl_is_unchanged_the_second_time(tmp_path):
    """Integration over the bundled sample site (served by run_crawl itself)."""
    if not (SITE.parents[2].parent / "crawler" / "sample_site" / "site" / "lists").exists():
        pytest.skip("sample site not present")
    archive_dir = tmp_path / "archive"
    first = run_crawl(archive_dir, sample=True, settings=dict(FAST))
    assert first and all(r.outcome == "ok" and r.new == r.fetched > 0 for r in first)
    second = run_crawl(archive_dir, sample=True, settings=dict(FAST))
    assert all(r.unchanged == r.fetched and r.new == r.changed == 0 for r in second)
    a = Archive(archive_dir)
    assert all(d.url.startswith("http://sample.redflag.test/") for d in a.latest_documents())
    assert {"country_report:pre2024", "country_report:2024"} <= {d.kind for d in a.latest_documents()}

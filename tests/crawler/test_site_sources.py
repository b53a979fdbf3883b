"""The analyst's own sources over real HTTP on 127.0.0.1: a site of an unseen layout, a list that changes,
the sources catalog round trip, and fetching one link (no network; the servers stop with each test)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from crawler_helpers import FIXTURES
from typer.testing import CliRunner

import redflag.cli.changes_cmd  # noqa: F401  (registers the commands)
import redflag.cli.crawl  # noqa: F401
import redflag.cli.fetch_cmd  # noqa: F401
import redflag.cli.sources_cmd  # noqa: F401
from crawler.archive import Archive
from crawler.parsers.article import parse_article
from crawler.parsers.common import SourceMeta
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
LIST_UPDATE = FIXTURES / "list_update"
# names that only the site's sidebar, promotions and footer carry
CHROME_NAMES = ("Parhelion Signals", "Obsidian Lattice", "Meridian Vantage", "Quillfeather", "Corvid Press",
                "newsletter", "Partner site")  # fmt: skip
runner = CliRunner()


def said(result) -> str:
    """What a command told the user: its output, and the one-line error of a CliError."""
    return " ".join((result.output + " " + str(result.exception or "")).split())


@pytest.fixture(autouse=True)
def _helpers_importable(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", HELPERS)
    monkeypatch.setenv("COLUMNS", "250")  # tables unwrapped


def _crawl(data: Path, ids: list[str]):
    return run_crawl(data / "archive", ids, user_sources=data / "sources.toml", settings=dict(FAST),
                     country_lookup=LOOKUP)  # fmt: skip


def test_site_source_takes_only_the_articles_main_text(tmp_path):
    data = tmp_path / "data"
    with SampleServer(NEWSROOM) as server:
        add_source(data / "sources.toml", make_source("harbour-ledger", server.base_url + "/news/", kind="news",
                   publisher="The Harbour Ledger", tier=3, cadence_days=1))  # fmt: skip
        runs = _crawl(data, ["harbour-ledger"])
        fetched = {r.path for r in server.log}
    assert [(r.source_id, r.outcome) for r in runs] == [("harbour-ledger", "ok")]
    # the two articles linked from the index, and the menu's same-host pages; never the other host
    assert {"/news/2026/veltrana-interception.html", "/news/2026/examplestan-shutdown.html", "/robots.txt"} <= fetched
    docs = {d.title: d for d in Archive(data / "archive").latest_documents()}
    assert set(docs) == {
        "Veltrana Analytics supplied interception gear to the Examplestan police",
        "Examplestan orders nationwide internet shutdown before the vote",
    }  # the index and the about page hold no article: archived, not documents
    veltrana = docs["Veltrana Analytics supplied interception gear to the Examplestan police"]
    assert (veltrana.author, veltrana.published, veltrana.kind) == ("Mira Castell", "2026-03-14", "news")
    assert "deep packet inspection system to the national police of Examplestan" in veltrana.text
    assert [s.title for s in veltrana.sections][-1] == "Protests followed"
    for doc in docs.values():
        for name in CHROME_NAMES:
            assert name not in doc.text, (doc.title, name)
    # the project's layout heuristics, on the same page, take the chrome in (the reason for the new spider)
    old = parse_article((NEWSROOM / "news/2026/veltrana-interception.html").read_bytes(), veltrana.url,
                        SourceMeta("t", "t", 3))  # fmt: skip
    assert "Parhelion Signals" in old.text and "Quillfeather" in old.text


def test_sidebar_and_footer_names_never_become_entities(tmp_path):
    from nlp.extract import Extractor
    from redflag.settings import load_settings

    data = tmp_path / "data"
    with SampleServer(NEWSROOM) as server:
        add_source(data / "sources.toml", make_source("harbour-ledger", server.base_url + "/news/", kind="news",
                   publisher="The Harbour Ledger", tier=3, cadence_days=1))  # fmt: skip
        _crawl(data, ["harbour-ledger"])
    docs = Archive(data / "archive").latest_documents()
    extractor = Extractor(load_settings(data).spacy_model)
    names = {m.text for d in docs for m in extractor.extract_document(d).entities}
    assert any("Veltrana" in n for n in names), names
    assert not [n for n in names if any(c.split()[0] in n for c in CHROME_NAMES)], names


def test_list_update_shows_added_removed_and_changed_alias(tmp_path):
    data = tmp_path / "data"
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    with SampleServer(LIST_UPDATE / "v1", overlay) as server:
        add_source(data / "sources.toml", make_source("my-csl", server.base_url + "/lists/consolidated.json",
                   kind="list", fmt="csl", publisher="US ITA", tier=1, cadence_days=1))  # fmt: skip
        first = _crawl(data, ["my-csl"])
        shutil.copytree(LIST_UPDATE / "v2", overlay, dirs_exist_ok=True)
        second = _crawl(data, ["my-csl"])
    assert [r.outcome for r in first + second] == ["ok", "ok"]
    assert second[0].changed == 1
    with Archive(data / "archive") as archive:
        report = archive_changes(archive, source="my-csl")
    entries = {(e.entity_id, e.change): e for e in report.entries}
    assert set(entries) == {("csl-k4", "added"), ("csl-k3", "removed"), ("csl-k2", "changed")}
    alias = entries[("csl-k2", "changed")].fields
    assert [(f.field, f.added, f.removed) for f in alias] == [
        ("aliases", ["Mirror Optics Group"], ["Mirror Optics Co"])
    ]
    # the same through the command line, as JSON and as a table
    out = runner.invoke(app, ["--data-dir", str(data), "changes", "--source", "my-csl", "--json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert sorted((e["entity_id"], e["change"]) for e in got["entries"]) == [
        ("csl-k2", "changed"), ("csl-k3", "removed"), ("csl-k4", "added")
    ]  # fmt: skip
    table = runner.invoke(app, ["--data-dir", str(data), "changes", "--source", "my-csl"])
    assert table.exit_code == 0 and "Fictive Sable Analytics" in table.output and "+Mirror Optics Group" in table.output
    # since a time after the second refresh: nothing
    later = runner.invoke(app, ["--data-dir", str(data), "changes", "--since", "2999-01-01", "--json"])
    assert json.loads(later.output)["entries"] == []
    bad = runner.invoke(app, ["--data-dir", str(data), "changes", "--since", "yesterday"])
    assert bad.exit_code != 0 and "ISO 8601" in said(bad)


def test_site_documents_new_then_changed_then_removed(tmp_path):
    data = tmp_path / "data"
    site = tmp_path / "site"
    shutil.copytree(NEWSROOM, site)
    with SampleServer(site) as server:
        add_source(data / "sources.toml", make_source("harbour-ledger", server.base_url + "/news/", kind="news",
                   publisher="The Harbour Ledger", tier=3, cadence_days=1))  # fmt: skip
        _crawl(data, ["harbour-ledger"])
        with Archive(data / "archive") as archive:
            first = archive_changes(archive)
        assert sorted(d.change for d in first.documents) == ["new", "new"]
        # the shutdown story is taken off the index and off the site; the other story is corrected
        index = (site / "news" / "index.html").read_text()
        teaser = next(line for line in index.splitlines() if "examplestan-shutdown.html" in line)
        (site / "news" / "index.html").write_text(index.replace(teaser, ""))
        (site / "news" / "2026" / "examplestan-shutdown.html").unlink()
        story = site / "news" / "2026" / "veltrana-interception.html"
        story.write_text(story.read_text().replace("forty protesters", "forty-two protesters"))
        _crawl(data, ["harbour-ledger"])
    with Archive(data / "archive") as archive:
        report = archive_changes(archive, source="harbour-ledger")
    got = sorted((d.change, d.title) for d in report.documents)
    assert got == [
        ("changed", "Veltrana Analytics supplied interception gear to the Examplestan police"),
        ("removed", "Examplestan orders nationwide internet shutdown before the vote"),
    ]


def test_sources_add_edit_remove_round_trip(tmp_path):
    data = tmp_path / "data"
    base = ["--data-dir", str(data), "sources"]
    added = runner.invoke(app, [*base, "add", "harbour-ledger", "https://news.example.org/", "--kind", "news",
                                "--publisher", "The Harbour Ledger", "--tier", "3", "--cadence-days", "2",
                                "--max-pages", "20"])  # fmt: skip
    assert added.exit_code == 0, added.output
    listed = json.loads(runner.invoke(app, [*base, "list", "--json"]).output)
    mine = [s for s in listed if s["id"] == "harbour-ledger"]
    assert mine and mine[0]["origin"] == "user" and mine[0]["spider"] == "site" and mine[0]["cadence_days"] == 2
    assert {s["id"] for s in listed if s["origin"] == "built-in"} >= {"csl", "ofac-sdn"}
    assert json.loads(runner.invoke(app, [*base, "--json"]).output) == listed  # `sources` alone still lists
    edited = runner.invoke(app, [*base, "edit", "harbour-ledger", "--tier", "2", "--url", "https://news.example.org/a/"])
    assert edited.exit_code == 0, edited.output
    text = (data / "sources.toml").read_text()
    assert "tier = 2" in text and 'start_urls = [\n    "https://news.example.org/a/",\n]' in text
    assert "max_pages = 20" in text  # what was not edited stays
    # a built-in id may not be shadowed; an id is added once; a list needs its format
    clash = runner.invoke(app, [*base, "add", "csl", "https://x.example.org/", "--kind", "news", "--publisher", "P",
                                "--tier", "3", "--cadence-days", "1"])  # fmt: skip
    assert clash.exit_code != 0 and "built-in" in said(clash)
    again = runner.invoke(app, [*base, "add", "harbour-ledger", "https://news.example.org/", "--kind", "news",
                                "--publisher", "P", "--tier", "3", "--cadence-days", "1"])  # fmt: skip
    assert again.exit_code != 0 and "exists already" in said(again)
    nofmt = runner.invoke(app, [*base, "add", "a-list", "https://x.example.org/l.json", "--kind", "list",
                                "--publisher", "P", "--tier", "1", "--cadence-days", "1"])  # fmt: skip
    assert nofmt.exit_code != 0 and "--format" in said(nofmt)
    removed = runner.invoke(app, [*base, "remove", "harbour-ledger"])
    assert removed.exit_code == 0, removed.output
    assert "harbour-ledger" not in {s["id"] for s in json.loads(runner.invoke(app, [*base, "--json"]).output)}
    builtin = runner.invoke(app, [*base, "remove", "csl"])
    assert builtin.exit_code != 0 and "built-in" in said(builtin)


def test_hand_edited_catalog_errors_name_the_file_and_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "sources.toml"
    good = '[[source]]\nid = "mine"\npublisher = "P"\nkind = "prose"\nspider = "site"\n' \
           'start_urls = ["https://news.example.org/"]\ntier = 3\ncadence_days = 7\nrobots = "obey"\n'  # fmt: skip
    path.write_text(good + '\n[[source]]\nid = "two"\npublisher = "P"\nkind = "prose"\nspider = "site"\n'
                    'start_urls = ["https://b.example.org/"]\ntier = 9\ncadence_days = 7\nrobots = "obey"\n')  # fmt: skip
    out = runner.invoke(app, ["--data-dir", str(data), "sources", "list"])
    assert out.exit_code != 0
    assert f"{path}:17: source 'two': tier must be 1..4, found 9" in said(out)
    path.write_text(good + 'max_pages = "many\n')
    out = runner.invoke(app, ["--data-dir", str(data), "sources"])
    assert out.exit_code != 0 and f"{path}:10: not valid TOML" in said(out)
    path.write_text(good.replace('"mine"', '"csl"'))
    out = runner.invoke(app, ["--data-dir", str(data), "crawl", "csl"])
    assert out.exit_code != 0 and "shadow built-in" in said(out)


def test_fetch_one_page_and_one_list_file(tmp_path):
    data = tmp_path / "data"
    with SampleServer(NEWSROOM, routes={}) as server, SampleServer(LIST_UPDATE / "v1") as lists:
        page = server.base_url + "/news/2026/veltrana-interception.html"
        out = runner.invoke(app, ["--data-dir", str(data), "fetch", page, "--publisher", "The Harbour Ledger",
                                  "--tier", "3", "--json"])  # fmt: skip
        assert out.exit_code == 0, out.output
        got = json.loads(out.output)
        listed = runner.invoke(app, ["--data-dir", str(data), "fetch", lists.base_url + "/lists/consolidated.json"])
    try:
        assert [d["title"] for d in got["documents"]] == [
            "Veltrana Analytics supplied interception gear to the Examplestan police"
        ]
        assert got["documents"][0]["author"] == "Mira Castell"
        names = {e["name"] for e in got["entities"]}
        assert any("Veltrana" in n for n in names), names
        assert not [n for n in names if any(c.split()[0] in n for c in CHROME_NAMES)], names
        assert listed.exit_code == 0, listed.output
        assert "list entries: 3" in listed.output and "Fictive Quarry Telecom" in listed.output
    finally:
        from graph import falkordb_server

        falkordb_server.stop(data / "graph")


def test_one_link_pages_in_legacy_encodings_read_as_a_browser_shows_them(tmp_path):
    from crawler_helpers import ENCODINGS, serve_file

    pages = {"/news/sensetime.html": "text/html", "/news/curly-quotes.html": "text/html; charset=ISO-8859-1",
             "/news/header-wins.html": 'text/html; charset="iso-8859-9"',
             "/news/bom-wins.html": "text/html; charset=iso-8859-1"}  # fmt: skip
    catalog = tmp_path / "links.toml"
    urls = ", ".join(f'"{{base}}{p}"' for p in pages)
    catalog.write_text(f'[[source]]\nid = "links"\npublisher = "P"\nkind = "prose"\nspider = "link"\n'
                       f'start_urls = [{urls}]\ntier = 3\ncadence_days = 1\nrobots = "obey"\n')  # fmt: skip
    routes = {p: serve_file(ENCODINGS / "news" / Path(p).name, ctype) for p, ctype in pages.items()}
    with SampleServer(ENCODINGS, routes=routes) as server:
        (run,) = run_crawl(tmp_path / "archive", (), sources_file=catalog, base_url=server.base_url,
                           settings=dict(FAST))  # fmt: skip
    assert (run.fetched, run.failed, run.outcome) == (4, 0, "ok")
    docs = {d.url.rsplit("/", 1)[1]: d for d in Archive(tmp_path / "archive").latest_documents()}
    assert set(docs) == {Path(p).name for p in pages}
    assert not [d.url for d in docs.values() if "\ufffd" in d.title + d.text]
    assert "商湯集團有限公司" in docs["sensetime.html"].text
    assert "\u201cSafe City\u201d tender \u2013 worth \u20ac12 million" in docs["curly-quotes.html"].text
    assert "ihracatçı “Şahin” adlı firmadır" in docs["header-wins.html"].text
    assert docs["bom-wins.html"].title == "Überwachung in München"


def test_the_monitor_schedules_the_analysts_sources_and_names_a_broken_line(tmp_path):
    from redflag.services.crawling import CrawlError
    from redflag.settings import load_settings
    from redflag.stewardship.monitoring import due_sources, run_monitor

    data = tmp_path / "data"
    cfg = load_settings(data)
    add_source(cfg.user_sources_file, make_source("harbour-ledger", "https://news.example.org/", kind="news",
               publisher="The Harbour Ledger", tier=3, cadence_days=7))  # fmt: skip
    assert "harbour-ledger" in due_sources(cfg)  # never crawled: due today, like a built-in source
    cfg.user_sources_file.write_text(cfg.user_sources_file.read_text().replace("tier = 3", 'tier = "three"'))
    with pytest.raises(CrawlError, match=r"sources\.toml:\d+: source 'harbour-ledger': tier must be 1..4"):
        run_monitor(cfg, deliver=False)

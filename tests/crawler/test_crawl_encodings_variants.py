"""Held-out variants of field case 12 (legacy labels browsers widen), crawled for real over HTTP on 127.0.0.1.

Pages from tests/fixtures/crawler/encodings_variants (see its make_pages.py): Shift_JIS labelled with windows-31J
characters, Big5 labelled with Big5-HKSCS characters, x-user-defined (which made the decoder recurse for ever
before), a header that disagrees with the meta, and a page with no label at all. Each must be archived as a
browser shows it: no mojibake, no U+FFFD, no crash.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from crawler_helpers import FIXTURES, serve_file

from crawler.archive import Archive
from crawler.parsers.encoding import decode_html
from crawler.sample_server import SampleServer
from redflag.services.crawling import run_crawl

pytestmark = pytest.mark.slow
FAST = {"RETRY_BACKOFF_BASE": "0.05", "AUTOTHROTTLE_START_DELAY": "0", "RETRY_TIMES": "1"}
VARIANTS = FIXTURES / "encodings_variants"

PAGES = {  # path -> the Content-Type header the server sends
    "/news/sjis-31j.html": "text/html",  # the meta says Shift_JIS
    "/news/big5-hkscs.html": "text/html; charset=big5",
    "/news/x-user-defined.html": "text/html",
    "/news/header-1251.html": "text/html; charset=windows-1251",  # the meta says utf-8
    "/news/unlabelled-1252.html": "text/html",
}

CATALOG = """
[[source]]
id = "field-encoding-variants"
publisher = "Field test (local copies of legacy-encoded pages)"
kind = "prose"
spider = "research"
start_urls = [{urls}]
tier = 3
cadence_days = 1
robots = "obey"
concurrency = 1
"""


@pytest.fixture(autouse=True)
def _helpers_importable(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent))


def test_the_committed_pages_are_what_make_pages_writes():
    pages = runpy.run_path(str(VARIANTS / "make_pages.py"))["PAGES"]
    assert set(pages) == {p.lstrip("/") for p in PAGES}
    for rel, data in pages.items():
        assert (VARIANTS / rel).read_bytes() == data, rel


def test_x_user_defined_decodes_without_recursing():
    page = decode_html((VARIANTS / "news" / "x-user-defined.html").read_bytes())
    # HTML Standard, prescan: a <meta> naming x-user-defined is read as windows-1252 (bytes 0x80, 0xFF: "€ÿ")
    assert page.rule == "meta" and page.codec == "cp1252" and "high bytes \u20ac\u00ff map" in page.text


def test_an_http_header_naming_x_user_defined_keeps_that_encoding():
    page = decode_html(b"<p>high bytes \x80\xff</p>", "x-user-defined")
    assert page.rule == "http-header" and "high bytes \uf780\uf7ff" in page.text


def test_widened_legacy_labels_are_archived_as_a_browser_shows_them(tmp_path):
    catalog = tmp_path / "sources.toml"
    catalog.write_text(CATALOG.format(urls=", ".join(f'"{{base}}{p}"' for p in PAGES)), encoding="utf-8")
    routes = {path: serve_file(VARIANTS / "news" / Path(path).name, ctype) for path, ctype in PAGES.items()}
    with SampleServer(VARIANTS, routes=routes) as server:
        (run,) = run_crawl(tmp_path / "archive", (), sources_file=catalog, base_url=server.base_url,
                           settings=dict(FAST))  # fmt: skip
        assert (run.fetched, run.failed, run.outcome) == (5, 0, "ok")
    docs = {d.url.rsplit("/", 1)[1]: d for d in Archive(tmp_path / "archive").latest_documents()}
    assert set(docs) == {Path(p).name for p in PAGES}
    for name, doc in docs.items():
        assert "\ufffd" not in doc.title + doc.text, name

    sjis = docs["sjis-31j.html"]  # Shift_JIS label, windows-31J bytes (NEC row 13, IBM extensions)
    assert sjis.title == "㈱日立製作所の監視カメラ事業"
    assert "① 株式会社日立製作所（㈱日立）は髙橋氏の報告書で言及された。" in sjis.text

    big5 = docs["big5-hkscs.html"]  # Big5 label, Big5-HKSCS bytes
    assert big5.title == "商湯集團有限公司嘅公告"
    assert "商湯集團有限公司今日發佈咗啲新資料" in big5.text

    assert "high bytes \u20ac\u00ff map to the private use area" in docs["x-user-defined.html"].text  # (meta: windows-1252)

    cyrillic = docs["header-1251.html"]  # the header's windows-1251 wins over the meta's utf-8
    assert cyrillic.title == "ООО «Мортранссервис»"
    assert "Общество с ограниченной ответственностью «Мортранссервис»" in cyrillic.text

    plain = docs["unlabelled-1252.html"]  # no label, not UTF-8: windows-1252
    assert plain.title == "Société “Générale” – 5 €"
    assert "un coût de 5 € par page" in plain.text

"""Pages in legacy encodings, crawled for real over HTTP on 127.0.0.1, archive the text a browser shows.

Field case 12 (mitmproxy PR #3150, w3lib #155): a page labelled gb2312 holds GBK characters; browsers decode
it as GBK (WHATWG Encoding Standard), so 商湯集團有限公司 must come out intact, with no mojibake. The same
for the other labels browsers widen, and for the precedence BOM > HTTP header > <meta>.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from crawler_helpers import ENCODINGS, serve_file

from crawler.archive import Archive
from crawler.sample_server import SampleServer
from redflag.services.crawling import run_crawl

pytestmark = pytest.mark.slow
FAST = {"RETRY_BACKOFF_BASE": "0.05", "AUTOTHROTTLE_START_DELAY": "0", "RETRY_TIMES": "1"}
NEWS = ENCODINGS / "news"

# path -> the Content-Type header the server sends (python -m http.server sends no charset for .html)
PAGES = {
    "/news/sensetime.html": "text/html",
    "/news/curly-quotes.html": "text/html; charset=ISO-8859-1",
    "/news/header-wins.html": 'text/html; charset="iso-8859-9"',
    "/news/bom-wins.html": "text/html; charset=iso-8859-1",
}

CATALOG = """
[[source]]
id = "field-gb2312-news"
publisher = "Field test (local copies of legacy-encoded news pages)"
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


def test_the_committed_pages_are_what_make_pages_writes(tmp_path, monkeypatch):
    pages = runpy.run_path(str(ENCODINGS / "make_pages.py"))["PAGES"]
    assert set(pages) == {p.lstrip("/") for p in PAGES}
    for rel, data in pages.items():
        assert (ENCODINGS / rel).read_bytes() == data, rel


def test_legacy_encoded_pages_are_archived_as_a_browser_shows_them(tmp_path):
    catalog = tmp_path / "sources.toml"
    catalog.write_text(CATALOG.format(urls=", ".join(f'"{{base}}{p}"' for p in PAGES)), encoding="utf-8")
    routes = {path: serve_file(NEWS / Path(path).name, ctype) for path, ctype in PAGES.items()}
    with SampleServer(ENCODINGS, routes=routes) as server:
        (run,) = run_crawl(tmp_path / "archive", (), sources_file=catalog, base_url=server.base_url,
                           settings=dict(FAST))  # fmt: skip
        assert (run.fetched, run.failed, run.outcome) == (4, 0, "ok")
        assert {r.path for r in server.requests() if r.path != "/robots.txt"} == set(PAGES)
    a = Archive(tmp_path / "archive")
    docs = {d.url.rsplit("/", 1)[1]: d for d in a.latest_documents()}
    assert set(docs) == {Path(p).name for p in PAGES}
    for doc in docs.values():
        assert "\ufffd" not in doc.title + doc.text, doc.url

    # gb2312 label, GBK bytes: read as GBK (gb18030 decoder), as browsers do
    gbk = docs["sensetime.html"]
    assert gbk.title == "美国财政部将商汤科技列入非SDN中国军工复合体企业清单"
    assert "商湯集團有限公司" in gbk.text
    assert "港交所登记名称" in gbk.text and "SenseTime Group Limited" in gbk.text
    assert gbk.published == "2021-12-10"
    # the archive keeps the bytes as served: the blob is the GBK page itself
    assert a.get_blob(gbk.sha256) == (NEWS / "sensetime.html").read_bytes()

    # iso-8859-1 label, windows-1252 bytes: curly quotes, dash and euro, not C1 control characters
    curly = docs["curly-quotes.html"]
    assert curly.title == "The \u201cSafe City\u201d contract"
    assert "ministry\u2019s \u201cSafe City\u201d tender \u2013 worth \u20ac12 million" in curly.text
    assert not any("\x80" <= ch <= "\x9f" for ch in curly.text)

    # the header (iso-8859-9, widened to windows-1254) wins over a meta that says iso-8859-1
    turkish = docs["header-wins.html"]
    assert turkish.title == "İstanbul Güvenlik Şirketi"
    assert "ihracatçı “Şahin” adlı firmadır" in turkish.text

    # a UTF-8 byte order mark wins over both the header and the meta
    bom = docs["bom-wins.html"]
    assert bom.title == "Überwachung in München"
    assert "Die Behörde in München kaufte 2023 Überwachungstechnik – so der Bericht." in bom.text

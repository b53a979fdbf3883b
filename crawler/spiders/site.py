"""Any news, NGO or research site: from the start page to the article pages it links on the same host.

Per source (catalog fields): ``max_depth`` (links followed from the start page; default 1),
``max_pages`` (pages requested per run, start pages included; default 50), ``link_pattern`` (a regular
expression an article URL must match; default any), ``document_kind`` (news, ngo_report, research).
Links inside ``<nav>``, ``<header>``, ``<footer>`` and ``<aside>`` are not followed (site navigation,
not articles). The start page is an index, not a document, unless ``max_depth`` is 0. Each article's
main text comes from :func:`crawler.parsers.main_text.extract_main_text`; linked PDFs become documents
through the PDF parser. robots.txt, AutoThrottle, the size limit and the user agent are the project's
Scrapy settings, as for every spider.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import Response

from crawler.parsers.common import ParseError
from crawler.parsers.html import load_html
from crawler.parsers.main_text import NoArticle, extract_main_text
from crawler.parsers.pdf import parse_pdf
from crawler.spiders.base import SourceSpider

SKIP_EXTENSIONS = (".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico", ".zip", ".mp3",
                   ".mp4", ".woff", ".woff2", ".xml", ".json", ".csv", ".xlsx", ".docx")  # fmt: skip
_BOILERPLATE = "ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside"


def article_links(body: bytes, url: str, encoding: str | None, pattern: str = "") -> list[str]:
    """Absolute same-host links of a page outside its navigation, header, footer and sidebars (in page order)."""
    root = load_html(body, encoding, url)
    host = urlsplit(url).netloc.lower()
    wanted = re.compile(pattern) if pattern else None
    out: list[str] = []
    for a in root.xpath(f"//a[@href and not({_BOILERPLATE})]"):
        absolute = urljoin(url, str(a.get("href")).strip()).split("#")[0]
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != host:
            continue
        if parts.path.lower().endswith(SKIP_EXTENSIONS) or absolute.rstrip("/") == url.rstrip("/"):
            continue
        if wanted is not None and not wanted.search(absolute) and not parts.path.lower().endswith(".pdf"):
            continue
        if absolute not in out:
            out.append(absolute)
    return out


class SiteSpider(SourceSpider):
    name = "site"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        extra = self.source.extra
        self.max_depth = int(extra.get("max_depth", 1))
        self.max_pages = int(extra.get("max_pages", 50))
        self.link_pattern = str(extra.get("link_pattern", ""))
        self.document_kind = str(extra.get("document_kind", "article"))
        self.requested: set[str] = set()

    async def start(self) -> AsyncIterator[Any]:
        for url in self.source.start_urls:
            if len(self.requested) < max(self.max_pages, 1):
                self.requested.add(url)
                yield self.request(url, self.parse, site_depth=0)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        yield self.fetch_item(response)
        depth = int(response.meta.get("site_depth", 0))
        if depth >= self.max_depth and self.already_parsed(response):
            return  # an unchanged leaf page whose document is stored
        if response.body.lstrip().startswith(b"%PDF"):
            try:
                yield self.document(parse_pdf(response.body, response.url, self.meta, kind=self.document_kind))
            except ParseError as exc:
                yield self.error(response.url, str(exc))
            return
        if depth > 0 or self.max_depth == 0:
            try:
                doc = extract_main_text(response.body, response.url, self.meta, self.encoding(response),
                                        kind=self.document_kind)  # fmt: skip
                yield self.document(doc)
            except NoArticle:
                pass  # a page without an article (index, contact page): archived, not a document, not an error
            except ParseError as exc:
                yield self.error(response.url, str(exc))
                return
        if depth >= self.max_depth:
            return
        try:
            links = article_links(response.body, response.url, self.encoding(response), self.link_pattern)
        except ParseError as exc:
            yield self.error(response.url, str(exc))
            return
        for link in links:
            if link in self.requested or len(self.requested) >= self.max_pages:
                continue
            self.requested.add(link)
            if depth + 1 >= self.max_depth:  # an article page: not requested while its archived copy is fresh
                yield self.leaf_request(link, self.parse, site_depth=depth + 1)
            else:
                yield self.request(link, self.parse, site_depth=depth + 1)

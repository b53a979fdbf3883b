"""State Department country reports: an index page linking country pages, each in either layout."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from scrapy.http import Response

from crawler.parsers.common import ParseError
from crawler.parsers.hrr import detect_layout, parse_hrr
from crawler.parsers.html import block_text, load_html
from crawler.spiders.base import SourceSpider

REPORT_LINK = re.compile(
    r"/reports/\d{4}-country-reports-on-human-rights-practices/[a-z0-9-]+/?(?:index\.html?)?$"
)


class HrrSpider(SourceSpider):
    name = "hrr"

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        yield self.fetch_item(response)
        try:
            root = load_html(response.body, self.encoding(response), response.url)
        except ParseError as exc:
            yield self.error(response.url, str(exc))
            return
        h2s = [block_text(h) for h in root.iter("h2")]
        links = []
        for href in root.xpath("//a/@href"):
            absolute = urljoin(response.url, str(href)).split("#")[0]
            if REPORT_LINK.search(absolute) and absolute.rstrip("/") != response.url.rstrip("/"):
                links.append(absolute)
        if detect_layout(h2s) != "unknown" or not links:
            yield from self.parse_report(response)
        for link in dict.fromkeys(links):
            yield self.leaf_request(link, self.parse_report_page)

    def parse_report_page(self, response: Response) -> Iterator[Any]:
        yield self.fetch_item(response)
        if not self.already_parsed(response):
            yield from self.parse_report(response)

    def parse_report(self, response: Response) -> Iterator[Any]:
        try:
            doc = parse_hrr(response.body, response.url, self.meta, self.encoding(response))
        except ParseError as exc:
            yield self.error(response.url, str(exc))
            return
        yield self.document(doc)

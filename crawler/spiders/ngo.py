"""NGO report pages and the PDF reports they link to."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.parsers.common import ParseError
from crawler.parsers.ngo import linked_pdfs, parse_ngo_page
from crawler.parsers.pdf import parse_pdf
from crawler.spiders.base import SourceSpider


class NgoSpider(SourceSpider):
    name = "ngo"

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        yield self.fetch_item(response)
        if response.body.lstrip().startswith(b"%PDF"):
            yield from self.parse_pdf_body(response)
            return
        try:
            yield self.document(
                parse_ngo_page(response.body, response.url, self.meta, self.encoding(response))
            )
            pdfs = linked_pdfs(response.body, response.url, self.encoding(response))
        except ParseError as exc:
            yield self.error(response.url, str(exc))
            return
        for url in pdfs:
            yield self.leaf_request(url, self.parse_pdf)

    def parse_pdf(self, response: Response) -> Iterator[Any]:
        yield self.fetch_item(response)
        if not self.already_parsed(response):
            yield from self.parse_pdf_body(response)

    def parse_pdf_body(self, response: Response) -> Iterator[Any]:
        try:
            yield self.document(parse_pdf(response.body, response.url, self.meta))
        except ParseError as exc:
            yield self.error(response.url, str(exc))

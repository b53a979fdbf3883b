"""Research reports published as long HTML articles (Citizen Lab style)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.parsers.article import parse_article
from crawler.parsers.common import ParseError
from crawler.spiders.base import SourceSpider


class ResearchSpider(SourceSpider):
    name = "research"

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        yield self.fetch_item(response)
        if self.already_parsed(response):
            return
        try:
            doc = parse_article(
                response.body, response.url, self.meta, self.encoding(response), kind="research"
            )
        except ParseError as exc:
            yield self.error(response.url, str(exc))
            return
        yield self.document(doc)

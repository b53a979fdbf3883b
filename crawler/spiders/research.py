"""Research reports published as long HTML articles (Citizen Lab style)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy.http import Response

from crawler.parsers.common import ParseError
from crawler.parsers.main_text import extract_main_text
from crawler.spiders.base import SourceSpider


class ResearchSpider(SourceSpider):
    """Each start URL is a report (a leaf page): not requested again while its archived response is fresh."""

    name = "research"

    async def start(self) -> AsyncIterator[Any]:
        for url in self.source.start_urls:
            yield self.leaf_request(url, self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        yield self.fetch_item(response)
        if self.already_parsed(response):
            return
        try:
            # each start URL is a report the analyst listed: no length floor
            doc = extract_main_text(response.body, response.url, self.meta, self.encoding(response), kind="research",
                                    min_chars=1)
        except ParseError as exc:
            yield self.error(response.url, str(exc))
            return
        yield self.document(doc)

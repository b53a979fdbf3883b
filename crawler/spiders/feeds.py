"""News via RSS/Atom feeds: the feed first, then each linked article (optionally only since a date)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.parsers.common import ParseError
from crawler.parsers.feeds import parse_feed
from crawler.parsers.main_text import extract_main_text
from crawler.spiders.base import SourceSpider


class FeedsSpider(SourceSpider):
    name = "feeds"

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        yield self.fetch_item(response)
        try:
            entries = parse_feed(response.body, response.url, self.encoding(response))
        except ParseError as exc:
            yield self.error(response.url, str(exc))
            return
        for entry in entries:
            if not entry.link:
                continue
            if self.since and entry.published and entry.published < self.since:
                continue
            yield self.leaf_request(entry.link, self.parse_article, feed_published=entry.published)

    def parse_article(self, response: Response) -> Iterator[Any]:
        yield self.fetch_item(response)
        if self.already_parsed(response):
            return
        try:
            # a feed entry's link is an article by the feed's word, however short (a wire brief): no length floor
            doc = extract_main_text(response.body, response.url, self.meta, self.encoding(response), kind="news",
                                    min_chars=1)
        except ParseError as exc:
            yield self.error(response.url, str(exc))
            return
        if doc.published is None:
            doc.published = response.meta.get("feed_published")
        yield self.document(doc)

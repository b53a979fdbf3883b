"""Structured list files: every file of a source is fetched, then the set is parsed together."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.items import ErrorItem, ListItem
from crawler.parsers.lists import ListFile
from crawler.spiders.base import SourceSpider


class ListsSpider(SourceSpider):
    name = "lists"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pending: set[str] = set()
        self._files: dict[str, bytes] = {}

    async def start(self) -> AsyncIterator[Any]:
        self._pending = set(self.source.start_urls)
        for url in self.source.start_urls:
            yield self.request(url, self.parse, bundle_url=url)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        yield self.fetch_item(response)
        key = response.meta.get("bundle_url", response.url)
        self._files[key] = response.body
        self._pending.discard(key)
        yield from self._maybe_finish()

    def on_error(self, failure: Failure) -> Iterator[ErrorItem]:
        yield from super().on_error(failure)
        request = getattr(failure, "request", None)
        if request is not None:
            self._pending.discard(request.meta.get("bundle_url", request.url))
        yield from self._maybe_finish()  # type: ignore[misc]

    def _maybe_finish(self) -> Iterator[Any]:
        if self._pending or not self._files:
            return
        ordered = [u for u in self.source.start_urls if u in self._files]
        digest = hashlib.sha256()
        for url in ordered:
            digest.update(f"{self.archive_url(url)}\x1f{hashlib.sha256(self._files[url]).hexdigest()}\n".encode())
        files = [ListFile(name=self.archive_url(url), data=self._files[url]) for url in ordered]
        self._files = {}
        yield ListItem(
            source_id=self.source.id,
            key=self.source.id,
            dataset=self.source.dataset or self.source.parser,
            fmt=self.source.parser,
            sha256=digest.hexdigest(),
            files=files,
        )

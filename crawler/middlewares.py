"""Middlewares: leaf pages still fresh are not requested (spider middleware); conditional requests against
the archive and retries with backoff (downloader middlewares)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Headers, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import task

from crawler.archive import Archive
from crawler.freshness import freshness
from crawler.items import FreshItem
from crawler.sources import archive_url

NOT_MODIFIED = "redflag_not_modified"
PARSED = "redflag_parsed"  # on a 304: a document is already stored for the archived version
CONDITIONAL = "redflag_conditional"
LEAF = "redflag_leaf"  # a leaf page's request: not sent while its archived response is fresh
# header fields of the stored response a 304 updates (RFC 9111 section 4.3.4); its body headers are not taken
_UPDATED_BY_304 = (b"ETag", b"Last-Modified", b"Date", b"Cache-Control", b"Expires", b"Age")


def revalidates(source_extra: dict[str, Any], setting: bool) -> bool:
    """True when every page must be revalidated: the crawl's ``REDFLAG_REVALIDATE`` setting (``redflag crawl
    --revalidate``) or the source's catalog field ``revalidate = true``."""
    return setting or source_extra.get("revalidate") is True


class FreshnessMiddleware:
    """Spider middleware: a leaf page's request (``meta[LEAF]``) whose archived response is still fresh
    (:func:`crawler.freshness.freshness`, with the source's cadence) and already parsed into a document is not
    sent; a :class:`~crawler.items.FreshItem` takes its place, so the run counts and lists it.

    Requests without ``meta[LEAF]`` (start and index pages, feeds, list files) always go out (conditional
    requests). Nothing is skipped when ``REDFLAG_REVALIDATE`` is set or the source says ``revalidate = true``.
    """

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.crawler = crawler
        self.archive_dir = Path(s.get("REDFLAG_ARCHIVE_DIR"))
        self.live_base = s.get("REDFLAG_LIVE_BASE", "")
        self.canonical_base = s.get("REDFLAG_CANONICAL_BASE", "")
        self.revalidate = s.getbool("REDFLAG_REVALIDATE")
        self._archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FreshnessMiddleware:
        return cls(crawler)

    @property
    def archive(self) -> Archive:
        if self._archive is None:
            self._archive = Archive(self.archive_dir)
        return self._archive

    def screen(self, request: Request) -> Request | FreshItem:
        """REQUEST, or the FreshItem that replaces it."""
        if not request.meta.get(LEAF):
            return request
        source = getattr(self.crawler.spider, "source", None)
        if source is None or revalidates(source.extra, self.revalidate):
            return request
        key = archive_url(request.url, self.live_base, self.canonical_base)
        stored = self.archive.stored_response(key)
        if stored is None or not stored[1]:
            return request  # never archived, or archived without a parsed document
        verdict = freshness(stored[0], time.time(), source.cadence_days)
        return FreshItem(source.id, key, verdict.describe()) if verdict.fresh else request

    def _each(self, o: Any) -> Any:
        return self.screen(o) if isinstance(o, Request) else o

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        for o in result:
            yield self._each(o)

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for o in result:
            yield self._each(o)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for o in start:
            yield self._each(o)


class ConditionalRequestMiddleware:
    """Send If-None-Match / If-Modified-Since from the archive; turn a 304 into the archived body.

    The response handed on to the spider is the archived version with ``meta[NOT_MODIFIED]`` set,
    so spiders follow links from unchanged pages exactly as from fresh ones.
    """

    def __init__(self, archive_dir: str, live_base: str = "", canonical_base: str = "") -> None:
        self.archive_dir = archive_dir
        self.live_base = live_base
        self.canonical_base = canonical_base
        self._archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        s = crawler.settings
        return cls(
            s.get("REDFLAG_ARCHIVE_DIR"), s.get("REDFLAG_LIVE_BASE", ""), s.get("REDFLAG_CANONICAL_BASE", "")
        )

    def _key(self, url: str) -> str:
        return archive_url(url, self.live_base, self.canonical_base)

    @property
    def archive(self) -> Archive:
        if self._archive is None:
            self._archive = Archive(Path(self.archive_dir))
        return self._archive

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if request.meta.get("dont_obey_robotstxt") or not request.meta.get(CONDITIONAL, True):
            return None
        headers = self.archive.conditional_headers(self._key(request.url))
        if headers:
            for name, value in headers.items():
                request.headers.setdefault(name, value)
            request.meta[CONDITIONAL] = headers
        return None

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if response.status != 304 or not isinstance(request.meta.get(CONDITIONAL), dict):
            return response
        key = self._key(request.url)
        body = self.archive.latest_body(key)
        if body is None:
            return response
        request.meta[NOT_MODIFIED] = True
        sha = self.archive.latest_version(key)
        request.meta[PARSED] = sha is not None and self.archive.has_document(key, sha)
        # the stored response's header fields, updated by the 304's own (RFC 9111 section 4.3.4)
        headers = Headers(self.archive.stored_headers(key))
        for name in _UPDATED_BY_304:
            values = response.headers.getlist(name)
            if values:
                headers.setlist(name, values)
        return response.replace(status=200, body=body, headers=headers, flags=[*response.flags, "not_modified"])


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry middleware, waiting ``base * 2**attempt`` seconds (capped) before each retry."""

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    async def _wait(self, request: Request) -> None:
        attempt = int(request.meta.get("retry_times", 0))
        delay = min(self.backoff_max, self.backoff_base * (2**attempt))
        if delay > 0:
            from twisted.internet import reactor

            await maybe_deferred_to_future(task.deferLater(reactor, delay, lambda: None))  # type: ignore[arg-type]

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._wait(request)
        return result

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self._wait(request)
        return result

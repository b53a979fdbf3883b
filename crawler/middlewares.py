"""Downloader middlewares: conditional requests against the archive, retries with backoff."""

from __future__ import annotations

from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import task

from crawler.archive import Archive
from crawler.sources import archive_url

NOT_MODIFIED = "redflag_not_modified"
PARSED = "redflag_parsed"  # on a 304: a document is already stored for the archived version
CONDITIONAL = "redflag_conditional"


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
            from pathlib import Path

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
        return response.replace(status=200, body=body, flags=[*response.flags, "not_modified"])


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

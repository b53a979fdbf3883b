"""What every redflag spider shares: the source it crawls, fetch items, and readable errors."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from crawler.items import DocumentItem, ErrorItem, FetchItem
from crawler.middlewares import LEAF, NOT_MODIFIED, PARSED
from crawler.parsers.common import SourceMeta
from crawler.parsers.encoding import charset_param
from crawler.sources import Source, archive_url
from ontology.records import Document


class SourceSpider(scrapy.Spider):
    """Base spider; ``source`` is a catalog entry (a Source or its dict), ``since`` an ISO date or None."""

    handle_httpstatus_list: list[int] = []

    def __init__(self, source: Source | dict[str, Any], since: str | None = None, **kwargs: Any) -> None:
        src = source if isinstance(source, Source) else Source(**source)
        super().__init__(name=f"{self.name}:{src.id}", **kwargs)
        self.source = src
        self.since = since
        self.run_id = ""

    @property
    def meta(self) -> SourceMeta:
        return SourceMeta(self.source.id, self.source.publisher, self.source.tier)

    async def start(self) -> AsyncIterator[Any]:
        for url in self.source.start_urls:
            yield self.request(url, self.parse)

    def request(self, url: str, callback: Any, **meta: Any) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, errback=self.on_error, meta=meta)

    def leaf_request(self, url: str, callback: Any, **meta: Any) -> scrapy.Request:
        """A request for a leaf page (article, report, PDF: a document, linking nothing the crawl follows).
        Not sent when its archived response is still fresh (:class:`crawler.middlewares.FreshnessMiddleware`);
        index and start pages, feeds and list files use :meth:`request` and are always revalidated."""
        return self.request(url, callback, **{LEAF: True, **meta})

    def archive_url(self, url: str) -> str:
        return archive_url(
            url, self.settings.get("REDFLAG_LIVE_BASE", ""), self.settings.get("REDFLAG_CANONICAL_BASE", "")
        )

    def document(self, doc: Document) -> DocumentItem:
        """The item for a parsed document, its URL and id moved to the archive URL."""
        url = self.archive_url(doc.url)
        if url != doc.url:
            doc.url = url
            doc.id = Document.id_for(url)
        return DocumentItem(doc)

    @staticmethod
    def not_modified(response: Response) -> bool:
        return bool(response.meta.get(NOT_MODIFIED))

    @staticmethod
    def already_parsed(response: Response) -> bool:
        """A 304 for a version whose document is stored: a leaf page need not be parsed again (the archive
        keeps one document per version, so a new parse of the same bytes would not be stored anyway)."""
        return bool(response.meta.get(NOT_MODIFIED) and response.meta.get(PARSED))

    @staticmethod
    def encoding(response: Response) -> str | None:
        """The charset label of the response's Content-Type header (the parsers widen it as browsers do)."""
        return charset_param((response.headers.get(b"Content-Type") or b"").decode("latin-1"))

    def fetch_item(self, response: Response) -> FetchItem:
        h = response.headers

        def header(name: bytes) -> str | None:
            return (h.get(name) or b"").decode("latin-1") or None

        return FetchItem(
            source_id=self.source.id,
            url=self.archive_url(response.url),
            status=304 if self.not_modified(response) else response.status,
            body=response.body,
            etag=header(b"ETag"),
            last_modified=header(b"Last-Modified"),
            content_type=header(b"Content-Type"),
            not_modified=self.not_modified(response),
            response_date=header(b"Date"),
            cache_control=b", ".join(h.getlist(b"Cache-Control")).decode("latin-1") or None,
            expires=header(b"Expires"),
            age=header(b"Age"),
        )

    def error(self, url: str, reason: str) -> ErrorItem:
        return ErrorItem(
            source_id=self.source.id,
            url=self.archive_url(url),
            reason=reason.replace(url, self.archive_url(url)),
        )

    def on_error(self, failure: Failure) -> Iterator[ErrorItem]:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        yield self.error(url, describe_failure(failure, self.settings.getint("DOWNLOAD_TIMEOUT")))

    def parse(self, response: Response, **kwargs: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError


def describe_failure(failure: Failure, timeout: int) -> str:
    """One readable line for a failed request."""
    exc = failure.value
    if failure.check(HttpError):
        status = exc.response.status  # type: ignore[union-attr]
        return f"HTTP {status} {_REASONS.get(status, '')}".strip()
    if failure.check(TimeoutError, TCPTimedOutError) or "Timeout" in type(exc).__name__:
        return f"timed out (no complete answer within {timeout}s, after retries)"
    if failure.check(DNSLookupError):
        return "host name not found (DNS)"
    name = type(exc).__name__
    if failure.check(ConnectionRefusedError) or name == "DownloadConnectionRefusedError":
        return "connection refused"
    text = str(exc) or type(exc).__name__
    low = text.lower()
    if "robots.txt" in low:
        return "forbidden by robots.txt (not requested)"
    if "redirect" in low:
        return f"redirect loop or too many redirects ({text})"
    if (
        "maxsize" in low
        or "max size" in low
        or "larger than" in low
        or name in ("CancelledError", "DownloadCancelledError")  # a body cut off at DOWNLOAD_MAXSIZE
    ):
        return f"response larger than the download size limit ({text})"
    if name == "DownloadFailedError" or "ConnectionLost" in text or "ConnectionDone" in text:
        # Scrapy 2.13+ wraps Twisted's ResponseFailed; its text is a list of Failure reprs
        return "connection lost or reset by the server before the response was complete"
    return f"{type(exc).__name__}: {text}"


_REASONS = {404: "Not Found", 403: "Forbidden", 410: "Gone", 500: "Internal Server Error", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout"}  # fmt: skip

"""The archive pipeline: every item is committed to the archive as it arrives (one transaction each)."""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.utils.asyncio import is_asyncio_available

from crawler.archive import Archive
from crawler.items import DocumentItem, ErrorItem, FetchItem, FreshItem, ListItem
from crawler.parsers.lists import FileRoleError, parse_files

logger = logging.getLogger(__name__)


def load_callable(path: str) -> Callable[[str], str | None] | None:
    """``"package.module:function"`` -> the function (None for an empty path)."""
    if not path:
        return None
    module, _, attr = path.partition(":")
    fn = getattr(importlib.import_module(module), attr)
    if not callable(fn):
        raise TypeError(f"{path} is not callable")
    return fn  # type: ignore[no-any-return]


class ArchivePipeline:
    def __init__(self, archive_dir: str, country_lookup: str, progress: bool, crawler: Crawler) -> None:
        self.archive_dir = Path(archive_dir)
        self.country_codes = load_callable(country_lookup)
        self.progress = progress
        self.crawler = crawler
        self.archive: Archive | None = None
        self.run_id = ""
        self.source_id = ""
        self._writing: set[asyncio.Future[None]] = set()  # fetches whose body is being written

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        s = crawler.settings
        pipeline = cls(
            s.get("REDFLAG_ARCHIVE_DIR"),
            s.get("REDFLAG_COUNTRY_LOOKUP", ""),
            s.getbool("REDFLAG_PROGRESS"),
            crawler,
        )
        # the close reason ("finished", "shutdown" on Ctrl-C/SIGTERM...) reaches the spider_closed signal;
        # the stats' finish_reason is set only after the pipelines have closed
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def _emit(self, event: str, **data: Any) -> None:
        if self.progress:
            sys.stdout.write(
                json.dumps({"event": event, "source": self.source_id, "run": self.run_id, **data}) + "\n"
            )
            sys.stdout.flush()

    def open_spider(self, spider: Spider | None = None) -> None:
        spider = spider or self.crawler.spider
        assert spider is not None
        self.archive = Archive(self.archive_dir)
        self.source_id = spider.source.id  # type: ignore[attr-defined]
        self.run_id = self.archive.start_run(self.source_id)
        spider.run_id = self.run_id  # type: ignore[attr-defined]
        self._emit("start")

    def close_spider(self, spider: Spider | None = None) -> None:
        """The run is finished in :meth:`spider_closed`, which knows why the spider closed."""

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.archive is None:
            return
        run = next(r for r in self.archive.runs(self.source_id) if r.run_id == self.run_id)
        if reason == "finished":
            outcome = "ok" if run.failed == 0 else "partial"
        elif reason == "shutdown":
            outcome = "interrupted"
        else:
            outcome = str(reason)
        self.archive.finish_run(self.run_id, outcome)
        # what was and was not checked against the server: never a bare "nothing changed"
        logger.info(
            "%s: %d downloaded, %d revalidated (304 Not Modified), %d not requested (archived copy still fresh), "
            "%d failed", self.source_id, run.downloaded, run.not_modified, run.fresh, run.failed,
        )  # fmt: skip
        self._emit("finish", outcome=outcome, downloaded=run.downloaded, not_modified=run.not_modified,
                   fresh=run.fresh)  # fmt: skip
        self.archive.close()
        self.archive = None

    async def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        """Store ITEM. A response's body is written (and fsync'ed) in a worker thread, so downloads and parsing go
        on meanwhile; a list set waits for the fetches in flight, whose rows date its files."""
        if isinstance(item, FetchItem) and not item.not_modified and is_asyncio_available():
            task = asyncio.ensure_future(self._store_fetch(item))
            self._writing.add(task)
            task.add_done_callback(self._writing.discard)
            await task
            return item
        if isinstance(item, ListItem) and self._writing:
            await asyncio.gather(*list(self._writing))
        self._process(item)
        return item

    async def _store_fetch(self, item: FetchItem) -> None:
        assert self.archive is not None
        sha = await asyncio.to_thread(self.archive.put_blob, item.body)  # touches files only, never SQLite
        self._record_fetch(item, sha)

    def _record_fetch(self, item: FetchItem, blob_sha: str | None) -> None:
        assert self.archive is not None
        body = None if item.not_modified or blob_sha is not None else item.body
        outcome, sha = self.archive.record_fetch(
            self.run_id, item.source_id, item.url, item.status, body, blob_sha=blob_sha,
            etag=item.etag, last_modified=item.last_modified, content_type=item.content_type,
            not_modified=item.not_modified, response_date=item.response_date, cache_control=item.cache_control,
            expires=item.expires, age=item.age,
        )  # fmt: skip
        self._emit("fetch", url=item.url, outcome=outcome, status=item.status)

    def _process(self, item: Any) -> None:
        archive = self.archive
        assert archive is not None
        if isinstance(item, FetchItem):
            self._record_fetch(item, None)
        elif isinstance(item, FreshItem):
            if archive.record_fresh(self.run_id, item.source_id, item.url):
                self._emit("fresh", url=item.url, reason=item.reason)
        elif isinstance(item, DocumentItem):
            archive.store_document(item.document)
        elif isinstance(item, ListItem):
            versions = [archive.fetched_file(f.name, f.data) for f in item.files]
            if archive.list_is_current(item.key, item.sha256):
                archive.add_set_files(item.key, versions)  # a set archived before file versions were recorded
                self._emit("list", key=item.key, outcome="unchanged")
            else:
                try:
                    parsed = parse_files(item.fmt, item.files, self.country_codes, item.dataset)
                except FileRoleError as exc:  # a file whose role cannot be told: nothing of the set is stored
                    archive.record_error(self.run_id, item.key, str(exc))
                    self._emit("error", url=item.key, reason=str(exc))
                    return
                archive.store_list(item.key, item.dataset, item.sha256, parsed, run_id=self.run_id, files=versions)
                self._emit(
                    "list",
                    key=item.key,
                    outcome="stored",
                    records=parsed.record_count,
                    errors=len(parsed.errors),
                )
        elif isinstance(item, ErrorItem):
            archive.record_error(self.run_id, item.url, item.reason, item.line, item.field)
            self._emit("error", url=item.url, reason=item.reason)

"""Running crawls and imports for the application layer (CLI, UI).

A crawl runs ``python -m crawler.runner`` in a child process: Scrapy's reactor can start only
once per process, and a child keeps the caller free of Twisted. The child prints one JSON line per
archived item; :func:`run_crawl` turns them into :class:`CrawlEvent` callbacks. Ctrl-C is passed on
as SIGINT, which stops the spiders gracefully; everything archived so far stays, and the next run
skips it (conditional requests, content-addressed storage).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from crawler.archive import Archive, ListFileInfo, RunRecord
from crawler.parsers.common import ParsedList
from crawler.parsers.lists import DEFAULT_DATASETS, FORMATS, ListFile, parse_files
from crawler.sample_server import SITE, UPDATES, SampleServer
from crawler.sources import REAL_SOURCES, SAMPLE_SOURCES, Source, load_sources, merge_catalogs, select
from crawler.user_sources import load_user_sources
from ontology.countries import country_code

SAMPLE_BASE = "http://sample.redflag.test"  # archived URLs of the sample site (stable across runs)
COUNTRY_LOOKUP = "ontology.countries:country_code"  # the project's one country authority


class CrawlError(RuntimeError):
    """A crawl could not run or was interrupted; the message is one readable line."""


@dataclass(frozen=True)
class CrawlEvent:
    event: str  # start | fetch | list | error | finish
    source: str
    data: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------------- catalog
def catalog(sample: bool = False, user_sources: Path | None = None) -> list[Source]:
    """The built-in catalog (or the sample site's), followed by the analyst's sources from USER_SOURCES
    (``Settings.user_sources_file``; ignored with ``sample``). SourceError names file and line."""
    builtin = load_sources(SAMPLE_SOURCES if sample else REAL_SOURCES)
    if sample or user_sources is None:
        return builtin
    return merge_catalogs(builtin, load_user_sources(user_sources), user_sources)


@dataclass(frozen=True)
class SourceStatus:
    source: Source
    last_run: RunRecord | None
    next_due: str | None

    def to_dict(self) -> dict[str, Any]:
        s = self.source
        run = self.last_run
        return {
            "id": s.id,
            "publisher": s.publisher,
            "kind": s.kind,
            "spider": s.spider,
            "tier": s.tier,
            "cadence_days": s.cadence_days,
            "robots": s.robots,
            "last_run": None if run is None else run.to_dict(),
            "outcome": None if run is None else run.outcome,
            "next_due": self.next_due,
        }


def source_statuses(archive: Archive, sources: Sequence[Source]) -> list[SourceStatus]:
    """Last run, outcome and next due date of every source (due now if never completed)."""
    out = []
    today = datetime.now(UTC).date()
    for s in sources:
        runs = archive.runs(s.id)
        last = runs[-1] if runs else None
        completed = [r for r in runs if r.outcome in ("ok", "partial") and r.finished]
        if completed:
            due = datetime.fromisoformat(completed[-1].finished or "").date() + timedelta(days=s.cadence_days)
            next_due = max(due, today).isoformat() if due > today else today.isoformat()
        else:
            next_due = today.isoformat()
        out.append(SourceStatus(s, last, next_due))
    return out


# ---------------------------------------------------------------------------------- crawling
def run_crawl(
    archive_dir: Path,
    source_ids: Sequence[str] = (),
    *,
    sample: bool = False,
    since: date | None = None,
    on_event: Callable[[CrawlEvent], None] | None = None,
    sources_file: Path | None = None,
    base_url: str | None = None,
    settings: dict[str, str] | None = None,
    updates: bool = False,
    canonical_base: str | None = None,
    country_lookup: str = COUNTRY_LOOKUP,
    user_sources: Path | None = None,
) -> list[RunRecord]:
    """Crawl the chosen sources into ARCHIVE_DIR and return the runs it made.

    ``sample`` serves the bundled sample site on 127.0.0.1 for the duration of the crawl
    (``updates`` overlays its later publications) and archives its pages under SAMPLE_BASE.
    ``sources_file`` + ``base_url`` crawl any catalog (tests); ``canonical_base`` archives the
    URLs under another base. ``user_sources`` is the analyst's catalog (merged after the built-in one; not
    with ``sample``). Raises CrawlError when interrupted (the archive keeps what was stored).
    """
    archive_dir.mkdir(parents=True, exist_ok=True)
    path = sources_file or (SAMPLE_SOURCES if sample else REAL_SOURCES)
    user = None if sample or user_sources is None or not user_sources.exists() else user_sources
    known = load_sources(path)
    if user is not None:
        known = merge_catalogs(known, load_user_sources(user), user)
    chosen = select(known, list(source_ids))  # validates ids before anything starts
    if sample and base_url is None:
        with SampleServer(SITE, UPDATES if updates else None) as server:
            return _run_child(
                archive_dir, path, [s.id for s in chosen], server.base_url, since, on_event, settings, SAMPLE_BASE,
                country_lookup,
            )
    ids = [s.id for s in chosen]
    return _run_child(
        archive_dir, path, ids, base_url or "", since, on_event, settings, canonical_base, country_lookup, user
    )


def _run_child(
    archive_dir: Path,
    sources_file: Path,
    ids: list[str],
    base_url: str,
    since: date | None,
    on_event: Callable[[CrawlEvent], None] | None,
    settings: dict[str, str] | None,
    canonical_base: str | None = None,
    country_lookup: str = COUNTRY_LOOKUP,
    user_sources: Path | None = None,
) -> list[RunRecord]:
    with Archive(archive_dir) as archive:
        archive.close_open_runs()  # runs of an earlier crawl that was killed before it could close them
        before = {r.run_id for r in archive.runs()}
    cmd = [sys.executable, "-m", "crawler.runner", "--archive", str(archive_dir), "--sources", str(sources_file),
           "--progress", "--country-lookup", country_lookup]  # fmt: skip
    if user_sources is not None:
        cmd += ["--user-sources", str(user_sources)]
    if base_url:
        cmd += ["--base-url", base_url, "--canonical-base", canonical_base or base_url]
    if since is not None:
        cmd += ["--since", since.isoformat()]
    for key, value in (settings or {}).items():
        cmd += ["--set", f"{key}={value}"]
    cmd += ["--only", *ids]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    root = str(Path(__file__).parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    log_path = archive_dir / "last-crawl.log"
    with open(log_path, "wb") as log:
        # its own session: a terminal's Ctrl-C reaches this process only, which passes on exactly one
        # SIGINT (a second one would make Scrapy stop at once, before its spiders record their outcome)
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, env=env, text=True,
                                start_new_session=True)  # fmt: skip
        interrupted = False
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if on_event is None:
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError:
                    continue
                on_event(CrawlEvent(data.pop("event", "?"), data.pop("source", "?"), data))
            proc.wait()
        except KeyboardInterrupt:
            interrupted = True
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    with Archive(archive_dir) as archive:
        # the child has exited: any of its runs still open was cut short (forced stop, crash)
        cut_short = "interrupted" if interrupted or (proc.returncode or 0) < 0 else "failed"
        archive.close_open_runs([r.run_id for r in archive.runs() if r.run_id not in before], cut_short)
        runs = [r for r in archive.runs() if r.run_id not in before]
    if interrupted:
        raise CrawlError(
            "crawl interrupted; what was fetched is archived, run the same command again to resume"
        )
    if proc.returncode not in (0, None):
        raise CrawlError(f"crawler exited with status {proc.returncode}; see {log_path}")
    return runs


# ---------------------------------------------------------------------------------- import
@dataclass(frozen=True)
class ImportedFile:
    """What is known of one imported file's version: its name, its modification date and its sha256."""

    name: str
    modified: str  # ISO 8601 UTC, from the file system
    sha256: str
    size: int


@dataclass(frozen=True)
class ImportResult:
    run_id: str
    fmt: str
    files: list[str]
    stored: bool
    entities: int
    relations: int
    indicators: int
    errors: list[Any]
    warnings: list[Any] = field(default_factory=list)
    versions: list[ImportedFile] = field(default_factory=list)
    parsed: ParsedList | None = None


def file_version(path: Path, data: bytes) -> ListFileInfo:
    """The version of an imported list file: absolute path, SHA-256 of its bytes, size and modification time
    (UTC, ISO 8601): the file's date, since list files as published carry no publication date of their own."""
    mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
    return ListFileInfo(str(path.resolve()), hashlib.sha256(data).hexdigest(), len(data), mtime)


def import_files(archive_dir: Path, fmt: str, paths: Sequence[Path]) -> ImportResult:
    """Parse structured files from disk into the archive (``ofac`` also takes a folder as OFAC publishes it).

    Each file is archived with its sha256 and its modification date (the fetch's ``last_modified``), so
    the version of every imported list is known. Raises ``ValueError`` (one line naming the file) for a path that
    does not exist, an empty folder, an unknown format, or a file whose role cannot be told (OFAC).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(
                x
                for x in p.iterdir()
                if x.is_file() and x.suffix.lower() in (".csv", ".json", ".xlsx", ".ndjson")
            )
            if not found:
                raise ValueError(f"{p}: folder holds no .csv/.json/.ndjson/.xlsx files")
            files += found
        elif p.is_file():
            files.append(p)
        else:
            raise ValueError(f"{p}: no such file or folder")
    files = sorted(set(files))
    list_files = [ListFile(name=str(f), data=f.read_bytes()) for f in files]
    # parse before archiving anything: a file whose role cannot be told stops the import with nothing stored
    parsed = parse_files(fmt, list_files, country_code)
    if parsed.record_count == 0:  # never "0 entities, exit 0"; and an empty set must not replace a stored one
        first = parsed.errors[0] if parsed.errors else None
        raise ValueError(
            f"{', '.join(f.name for f in files)}: no {fmt} record could be read"
            + (f" ({len(parsed.errors)} rejected row(s); first: {first.source}:{first.line}: {first.reason})"
               if first else " (no rows)")
        )  # fmt: skip
    archive = Archive(archive_dir)
    source_id = f"import:{fmt}"
    run_id = archive.start_run(source_id)
    digest = hashlib.sha256()
    versions: list[ImportedFile] = []
    file_infos: list[ListFileInfo] = []
    for f, lf in zip(files, list_files, strict=True):
        modified = datetime.fromtimestamp(f.stat().st_mtime, UTC).isoformat(timespec="seconds")
        _outcome, sha = archive.record_fetch(
            run_id, source_id, f.resolve().as_uri(), 200, lf.data, last_modified=modified
        )
        versions.append(ImportedFile(f.name, modified, sha, len(lf.data)))
        file_infos.append(file_version(f, lf.data))
        digest.update(f"{f.name}\x1f{sha}\n".encode())
    key = f"import:{fmt}:" + ",".join(sorted(f.name for f in files))
    stored = archive.store_list(key, DEFAULT_DATASETS[fmt], digest.hexdigest(), parsed, run_id=run_id,
                                files=file_infos)
    archive.finish_run(run_id, "ok")
    return ImportResult(run_id, fmt, [str(f) for f in files], stored, len(parsed.entities), len(parsed.relations),
                        len(parsed.indicators), parsed.errors, list(parsed.warnings), versions, parsed)  # fmt: skip

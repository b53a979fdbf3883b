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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from crawler.archive import Archive, ListFileInfo, ListRecord, RunRecord
from crawler.parsers.common import ParsedList
from crawler.parsers.ftm import FtmReader, file_lines
from crawler.parsers.lists import DEFAULT_DATASETS, FORMATS, ListFile, parse_files
from crawler.sample_server import SITE, UPDATES, SampleServer
from crawler.sources import REAL_SOURCES, SAMPLE_SOURCES, Source, load_sources, merge_catalogs, select
from crawler.user_sources import load_user_sources
from ontology.countries import country_code
from ontology.records import ListEntity, ListRelation

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
    revalidate: bool = False,
) -> list[RunRecord]:
    """Crawl the chosen sources into ARCHIVE_DIR and return the runs it made.

    ``sample`` serves the bundled sample site on 127.0.0.1 for the duration of the crawl
    (``updates`` overlays its later publications) and archives its pages under SAMPLE_BASE.
    ``sources_file`` + ``base_url`` crawl any catalog (tests); ``canonical_base`` archives the
    URLs under another base. ``user_sources`` is the analyst's catalog (merged after the built-in one; not
    with ``sample``). ``revalidate`` requests every page (conditional requests), also the leaf pages a
    re-crawl would otherwise not request while their archived response is fresh (:mod:`crawler.freshness`).
    Raises CrawlError when interrupted (the archive keeps what was stored).
    """
    settings = {**(settings or {}), **({"REDFLAG_REVALIDATE": "True"} if revalidate else {})}
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
    parsed: ParsedList | None = None  # None for FtM (streamed): load the archived set ``key`` instead
    key: str = ""  # the archive's list-set key of this import


def file_version(path: Path, data: bytes) -> ListFileInfo:
    """The version of an imported list file: absolute path, SHA-256 of its bytes, size and modification time
    (UTC, ISO 8601): the file's date, since list files as published carry no publication date of their own."""
    return _file_version(path, hashlib.sha256(data).hexdigest(), len(data))


def _file_version(path: Path, sha: str, size: int) -> ListFileInfo:
    mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
    return ListFileInfo(str(path.resolve()), sha, size, mtime)


ImportProgress = Callable[[str, int, int], None]
"""(stage, done, total): stage is ``reading`` (a first pass over the files) or ``storing`` (records stored)."""


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def import_files(
    archive_dir: Path, fmt: str, paths: Sequence[Path], progress: ImportProgress = _no_progress
) -> ImportResult:
    """Parse structured files from disk into the archive (``ofac`` also takes a folder as OFAC publishes it).

    Each file is archived with its sha256 and its modification date (the fetch's ``last_modified``), so
    the version of every imported list is known. Raises ``ValueError`` (one line naming the file) for a path that
    does not exist, an empty folder, an unknown format, a file whose role cannot be told (OFAC), or files of
    which no record can be read; in each case nothing is stored.

    FtM files are read in two streaming passes (never whole in memory; ``parsed`` is None, the records are in
    the archive's set ``key``); every format is stored in transactions of a few thousand records, so an
    interrupted import (Ctrl-C: KeyboardInterrupt, the run is marked ``interrupted``) is continued by running it
    again with the same files.
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
    dataset = DEFAULT_DATASETS[fmt]
    key = f"import:{fmt}:" + ",".join(sorted(f.name for f in files))
    # parse (FtM: the first pass) before archiving anything: a file whose role cannot be told, or files with no
    # readable record, stop the import with nothing stored
    parsed: ParsedList | None = None
    readers: list[FtmReader] = []
    if fmt == "ftm":
        readers = [FtmReader(file_lines(f), str(f), dataset) for f in files]
        for i, reader in enumerate(readers):
            progress("reading", i, len(readers))
            reader.scan()
        record_count = sum(r.entity_count + len(r.relations) for r in readers)
        rejected = [e for r in readers for e in sorted(r.errors, key=lambda e: e.line)]
    else:
        parsed = parse_files(fmt, [ListFile(name=str(f), data=f.read_bytes()) for f in files], country_code)
        record_count, rejected = parsed.record_count, parsed.errors
    if record_count == 0:  # never "0 entities, exit 0"; and an empty set must not replace a stored one
        first = rejected[0] if rejected else None
        raise ValueError(
            f"{', '.join(f.name for f in files)}: no {fmt} record could be read"
            + (f" ({len(rejected)} rejected row(s); first: {first.source}:{first.line}: {first.reason})"
               if first else " (no rows)")
        )  # fmt: skip
    with Archive(archive_dir) as archive:
        source_id = f"import:{fmt}"
        run_id = archive.start_run(source_id)
        try:
            digest = hashlib.sha256()
            versions: list[ImportedFile] = []
            file_infos: list[ListFileInfo] = []
            for f in files:
                modified = datetime.fromtimestamp(f.stat().st_mtime, UTC).isoformat(timespec="seconds")
                sha = archive.put_blob_file(f)
                size = f.stat().st_size
                archive.record_fetch(
                    run_id, source_id, f.resolve().as_uri(), 200, None, last_modified=modified, blob_sha=sha
                )
                versions.append(ImportedFile(f.name, modified, sha, size))
                file_infos.append(_file_version(f, sha, size))
                digest.update(f"{f.name}\x1f{sha}\n".encode())
            if parsed is None:
                stored, counts, errors, warnings = _store_ftm(
                    archive, key, dataset, digest.hexdigest(), readers, run_id, progress, file_infos
                )
            else:
                done_parse = parsed
                counts = (len(parsed.entities), len(parsed.relations), len(parsed.indicators))
                total = parsed.record_count
                records: list[ListRecord] = [*parsed.entities, *parsed.relations, *parsed.indicators]
                stored = archive.store_list_stream(
                    key, dataset, digest.hexdigest(), lambda skip: records[skip:], lambda: done_parse.errors, run_id,
                    lambda done: progress("storing", done, total), files=file_infos,
                )  # fmt: skip
                errors, warnings = parsed.errors, list(parsed.warnings)
        except KeyboardInterrupt:
            archive.finish_run(run_id, "interrupted")  # what was stored is kept; the same call resumes
            raise
        archive.finish_run(run_id, "ok")
    return ImportResult(run_id, fmt, [str(f) for f in files], stored, *counts, errors, warnings, versions, parsed, key)


def _store_ftm(
    archive: Archive, key: str, dataset: str, sha: str, readers: list[FtmReader], run_id: str,
    progress: ImportProgress, files: list[ListFileInfo],
) -> tuple[bool, tuple[int, int, int], list[Any], list[Any]]:  # fmt: skip
    entities = sum(r.entity_count for r in readers)
    relations = [rel for r in readers for rel in r.relations]
    total = entities + len(relations)

    def records(skip: int) -> Iterator[ListEntity | ListRelation]:
        for reader in readers:
            if skip >= reader.entity_count:
                skip -= reader.entity_count
                continue
            yield from reader.entities(skip=skip)
            skip = 0
        yield from relations[skip:]

    def errors() -> list[Any]:
        out = []
        for reader in readers:  # each file's rejected rows in line order, as parse_ftm reports them
            out += sorted(reader.errors, key=lambda e: e.line)
        return out

    stored = archive.store_list_stream(
        key, dataset, sha, records, errors, run_id, lambda done: progress("storing", done, total), files=files
    )
    warnings: list[Any] = []
    for reader in readers:  # complete once pass two has run (addresses are checked there)
        warnings += sorted(reader.warnings, key=lambda e: e.line)
    return stored, (entities, len(relations), 0), errors(), warnings

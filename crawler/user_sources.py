"""The analyst's own sources: a TOML catalog in the data folder, merged with the built-in one.

The file (``<data_dir>/sources.toml``) has the built-in catalog's ``[[source]]`` tables, so a hand edit
is checked by the same :func:`crawler.sources.load_sources` (errors name the file and line). The
analyst-facing kinds map onto a catalog kind, a spider and a document kind:

====== ============ ======== ==============
kind   catalog kind spider   document kind
====== ============ ======== ==============
news   prose        site     news
ngo    prose        site     ngo_report
research prose      site     research
feed   feed         feeds    news
hrr    prose        hrr      (per layout)
list   list         lists    (list records; ``fiw``/``shutdowns`` are indicators)
====== ============ ======== ==============
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import tomli_w

from crawler.parsers.lists import DEFAULT_DATASETS
from crawler.sources import LIST_PARSERS, REAL_SOURCES, Source, SourceError, load_sources, merge_catalogs

USER_KINDS = ("news", "ngo", "research", "feed", "hrr", "list")
_MAP = {
    "news": ("prose", "site", "news"),
    "ngo": ("prose", "site", "ngo_report"),
    "research": ("prose", "site", "research"),
    "feed": ("feed", "feeds", ""),
    "hrr": ("prose", "hrr", ""),
}
DEFAULT_MAX_DEPTH = 1  # links followed from the start page (1: the articles an index links to)
DEFAULT_MAX_PAGES = 50  # pages fetched per run of a site source
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_HEADER = (
    "# Sources added by the analyst (redflag sources add/edit/remove). Hand edits are welcome: the file is\n"
    "# checked on every load and an error names the line. Fields as in the built-in catalog\n"
    "# (crawler/sources.toml), plus user_kind, document_kind, max_depth and max_pages for site sources.\n"
    "# Comments are not kept when a command rewrites this file.\n\n"
)


def user_kind(source: Source) -> str:
    """The analyst-facing kind of a source (news, ngo, research, feed, hrr, list)."""
    kind = source.extra.get("user_kind")
    if isinstance(kind, str) and kind in USER_KINDS:
        return kind
    return {"lists": "list", "feeds": "feed", "hrr": "hrr", "ngo": "ngo", "research": "research"}.get(
        source.spider, "news"
    )


def make_source(
    id: str,
    url: str,
    *,
    kind: str,
    publisher: str,
    tier: int,
    cadence_days: int,
    fmt: str = "",
    max_depth: int | None = None,
    max_pages: int | None = None,
    link_pattern: str = "",
    revalidate: bool = False,
) -> Source:
    """A catalog entry from the analyst's answers; ValueError names the bad one. ``revalidate``: request every
    page on every crawl, also those whose archived copy is still fresh (catalog field ``revalidate = true``)."""
    if not _ID.match(id):
        raise ValueError(f"source id {id!r}: use 1-64 lower-case letters, digits, '.', '_' or '-'")
    if kind not in USER_KINDS:
        raise ValueError(f"--kind {kind!r} is not one of {', '.join(USER_KINDS)}")
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"URL {url!r} is not an http(s) URL")
    if not 1 <= tier <= 4:
        raise ValueError(f"--tier {tier} is not 1..4 (1 official/UN, 2 NGO or lab, 3 press, 4 other)")
    if cadence_days < 1:
        raise ValueError(f"--cadence-days {cadence_days} must be at least 1")
    if not publisher.strip():
        raise ValueError("--publisher must not be empty")
    if link_pattern:
        try:
            re.compile(link_pattern)
        except re.error as exc:
            raise ValueError(f"--link-pattern {link_pattern!r} is not a regular expression ({exc})") from exc
    extra: dict[str, Any] = {"user_kind": kind}
    if revalidate:
        extra["revalidate"] = True
    if kind == "list":
        if fmt not in LIST_PARSERS:
            raise ValueError(f"a list source needs --format, one of {', '.join(LIST_PARSERS)}")
        catalog_kind = "indicator" if fmt in ("fiw", "shutdowns") else "list"
        return Source(id=id, publisher=publisher.strip(), kind=catalog_kind, spider="lists", start_urls=[url],
                      tier=tier, cadence_days=cadence_days, robots="obey (ROBOTSTXT_OBEY)", parser=fmt,
                      dataset=DEFAULT_DATASETS[fmt], concurrency=1, download_delay=1.0, extra=extra)  # fmt: skip
    if fmt:
        raise ValueError("--format applies to --kind list only")
    catalog_kind, spider, doc_kind = _MAP[kind]
    if doc_kind:
        extra["document_kind"] = doc_kind
    if spider == "site":
        extra["max_depth"] = DEFAULT_MAX_DEPTH if max_depth is None else max_depth
        extra["max_pages"] = DEFAULT_MAX_PAGES if max_pages is None else max_pages
        if link_pattern:
            extra["link_pattern"] = link_pattern
    return Source(id=id, publisher=publisher.strip(), kind=catalog_kind, spider=spider, start_urls=[url], tier=tier,
                  cadence_days=cadence_days, robots="obey (ROBOTSTXT_OBEY)", concurrency=1, download_delay=1.0,
                  extra=extra)  # fmt: skip


def load_user_sources(path: Path) -> list[Source]:
    """The analyst's sources ([] when the file does not exist); SourceError names file and line."""
    if not path.exists():
        return []
    return load_sources(path)


def full_catalog(user_path: Path | None, builtin_path: Path = REAL_SOURCES) -> list[Source]:
    """Built-in sources then the analyst's (a user id may not shadow a built-in one)."""
    builtin = load_sources(builtin_path)
    if user_path is None:
        return builtin
    return merge_catalogs(builtin, load_user_sources(user_path), user_path)


def save_user_sources(path: Path, sources: list[Source]) -> None:
    """Write the analyst's catalog (atomically: a temporary file renamed into place), then read it back."""
    tables = []
    for s in sources:
        d = {k: v for k, v in s.to_dict().items() if k != "extra" and v not in ("", None)}
        d.update(s.extra)
        tables.append(d)
    text = _HEADER + tomli_w.dumps({"source": tables})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    load_sources(path)  # what was written must load


def add_source(path: Path, source: Source, builtin_path: Path = REAL_SOURCES) -> None:
    """Append SOURCE to the analyst's catalog; an id already used (built-in or user) is a SourceError."""
    builtin = {s.id for s in load_sources(builtin_path)}
    if source.id in builtin:
        raise SourceError(f"source id {source.id!r} is a built-in source; choose another id")
    current = load_user_sources(path)
    if any(s.id == source.id for s in current):
        raise SourceError(f"source {source.id!r} exists already in {path}; use `sources edit`")
    save_user_sources(path, [*current, source])


def remove_source(path: Path, source_id: str, builtin_path: Path = REAL_SOURCES) -> Source:
    """Remove the analyst's source SOURCE_ID (built-in sources cannot be removed); returns it."""
    current = load_user_sources(path)
    found = [s for s in current if s.id == source_id]
    if not found:
        if source_id in {s.id for s in load_sources(builtin_path)}:
            raise SourceError(f"{source_id!r} is a built-in source (crawler/sources.toml); it cannot be removed")
        raise SourceError(f"no source {source_id!r} in {path}")
    save_user_sources(path, [s for s in current if s.id != source_id])
    return found[0]


def edit_source(path: Path, source_id: str, builtin_path: Path = REAL_SOURCES, **changes: Any) -> Source:
    """Change fields of the analyst's source SOURCE_ID (None values are left as they are); returns it.

    Keys: url, publisher, tier, cadence_days, fmt, max_depth, max_pages, link_pattern, kind, revalidate.
    """
    current = load_user_sources(path)
    old = next((s for s in current if s.id == source_id), None)
    if old is None:
        if source_id in {s.id for s in load_sources(builtin_path)}:
            raise SourceError(f"{source_id!r} is a built-in source (crawler/sources.toml); it cannot be edited here")
        raise SourceError(f"no source {source_id!r} in {path}")
    given = {k: v for k, v in changes.items() if v is not None}
    new = make_source(
        source_id,
        given.get("url", old.start_urls[0]),
        kind=given.get("kind", user_kind(old)),
        publisher=given.get("publisher", old.publisher),
        tier=given.get("tier", old.tier),
        cadence_days=given.get("cadence_days", old.cadence_days),
        fmt=given.get("fmt", old.parser),
        max_depth=given.get("max_depth", old.extra.get("max_depth")),
        max_pages=given.get("max_pages", old.extra.get("max_pages")),
        link_pattern=given.get("link_pattern", old.extra.get("link_pattern", "")),
        revalidate=given.get("revalidate", old.extra.get("revalidate") is True),
    )
    if "url" not in given and len(old.start_urls) > 1:
        new = replace(new, start_urls=list(old.start_urls))
    save_user_sources(path, [new if s.id == source_id else s for s in current])
    return new

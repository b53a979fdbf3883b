"""The source catalog: which sites and files are crawled, how, how often and how much they are trusted."""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SPIDERS = ("hrr", "ngo", "research", "feeds", "lists", "site", "link")
KINDS = ("prose", "feed", "list", "indicator")
LIST_PARSERS = ("ofac", "csl", "ftm", "fiw", "shutdowns")
REAL_SOURCES = Path(__file__).with_name("sources.toml")
SAMPLE_SOURCES = Path(__file__).parent / "sample_site" / "sources.toml"


class SourceError(ValueError):
    """The catalog file is wrong; the message names the file, the source and the field."""


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    kind: str
    spider: str
    start_urls: list[str]
    tier: int
    cadence_days: int
    robots: str
    parser: str = ""
    dataset: str = ""
    concurrency: int = 2
    download_delay: float = 0.0
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_base(self, base_url: str) -> Source:
        """Expand ``{base}`` in the start URLs (sample catalog)."""
        urls = [u.replace("{base}", base_url.rstrip("/")) for u in self.start_urls]
        return Source(**{**asdict(self), "start_urls": urls})


def archive_url(url: str, live_base: str, canonical_base: str) -> str:
    """The URL under which a response is archived: the sample server's random address is replaced
    by a fixed canonical base, so that two runs of the sample site archive the same URLs."""
    if live_base and canonical_base and url.startswith(live_base.rstrip("/") + "/"):
        return canonical_base.rstrip("/") + url[len(live_base.rstrip("/")) :]
    return url


_REQUIRED = ("id", "publisher", "kind", "spider", "start_urls", "tier", "cadence_days", "robots")
_HEADER = re.compile(r"^\s*\[\[\s*source\s*\]\]")
_TOML_LINE = re.compile(r"at line (\d+)")


class _Lines:
    """Line numbers of the ``[[source]]`` tables and their fields in a catalog's text (for error messages)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [n for n, line in enumerate(self.lines, start=1) if _HEADER.match(line)]

    def of(self, index: int, key: str = "") -> int:
        """Line of table INDEX (0-based), or of its field KEY when found there; 0 when unknown."""
        if index >= len(self.headers):
            return 0
        start = self.headers[index]
        end = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines) + 1
        if key:
            pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
            for n in range(start + 1, end):
                if pattern.match(self.lines[n - 1]):
                    return n
        return start


def _check_url(url: object) -> bool:
    return isinstance(url, str) and (url.startswith(("http://", "https://", "{base}")) and " " not in url.strip())


def load_sources(path: Path = REAL_SOURCES) -> list[Source]:
    """Read a catalog (``[[source]]`` tables) and check every field.

    Errors are SourceError with one line ``FILE:LINE: source 'ID': what is wrong`` (the line of the field
    at fault, else of its ``[[source]]`` header; for invalid TOML the line tomllib reports).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        raise SourceError(f"{path}:{m.group(1) if m else '?'}: not valid TOML ({exc})") from exc
    lines = _Lines(text)
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourceError(f"{path}: 'source' must be an array of tables ([[source]])")
    out: list[Source] = []
    seen: set[str] = set()
    for i, raw in enumerate(tables):

        def fail(message: str, key: str = "", i: int = i, raw: dict[str, Any] = raw) -> SourceError:
            return SourceError(f"{path}:{lines.of(i, key)}: source {raw.get('id', '#' + str(i + 1))!r}: {message}")

        for key in _REQUIRED:
            if key not in raw:
                raise fail(f"missing field {key!r}")
        for key in ("id", "publisher", "kind", "spider", "robots"):
            if not isinstance(raw[key], str) or not raw[key].strip():
                raise fail(f"{key} must be a non-empty string", key)
        if raw["spider"] not in SPIDERS:
            raise fail(f"spider {raw['spider']!r} is not one of {', '.join(SPIDERS)}", "spider")
        if raw["kind"] not in KINDS:
            raise fail(f"kind {raw['kind']!r} is not one of {', '.join(KINDS)}", "kind")
        if raw["spider"] == "lists" and raw.get("parser") not in LIST_PARSERS:
            raise fail(f"a list source needs parser = one of {', '.join(LIST_PARSERS)}", "parser")
        if not isinstance(raw["tier"], int) or isinstance(raw["tier"], bool) or not 1 <= raw["tier"] <= 4:
            raise fail(f"tier must be 1..4, found {raw['tier']!r}", "tier")
        days = raw["cadence_days"]
        if not isinstance(days, int) or isinstance(days, bool) or days < 1:
            raise fail(f"cadence_days must be a whole number of days >= 1, found {days!r}", "cadence_days")
        if not isinstance(raw["start_urls"], list) or not raw["start_urls"]:
            raise fail("start_urls must be a non-empty list", "start_urls")
        bad = [u for u in raw["start_urls"] if not _check_url(u)]
        if bad:
            raise fail(f"start_urls holds {bad[0]!r}, not an http(s) URL", "start_urls")
        for key in ("max_depth", "max_pages"):
            value = raw.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise fail(f"{key} must be a whole number >= 0, found {value!r}", key)
        if not isinstance(raw.get("revalidate", False), bool):
            raise fail(f"revalidate must be true or false, found {raw['revalidate']!r}", "revalidate")
        if raw["id"] in seen:
            raise fail("duplicate id", "id")
        seen.add(raw["id"])
        known = {f for f in Source.__dataclass_fields__ if f != "extra"}
        out.append(
            Source(
                **{k: v for k, v in raw.items() if k in known},
                extra={k: v for k, v in raw.items() if k not in known},
            )
        )
    return out


def merge_catalogs(builtin: list[Source], user: list[Source], user_path: Path | str = "user catalog") -> list[Source]:
    """The built-in catalog followed by the analyst's sources; a user id equal to a built-in one is a
    SourceError (it would silently replace a curated source)."""
    ids = {s.id for s in builtin}
    clash = [s.id for s in user if s.id in ids]
    if clash:
        raise SourceError(
            f"{user_path}: source id(s) {', '.join(clash)} shadow built-in sources; rename them in that file"
        )
    return builtin + user


def select(sources: list[Source], ids: list[str]) -> list[Source]:
    """The sources named by IDS (all when empty); an unknown id is a SourceError listing the known ones."""
    if not ids:
        return sources
    by_id = {s.id: s for s in sources}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise SourceError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(by_id)}")
    return [by_id[i] for i in ids]

"""The source catalog: which sites and files are crawled, how, how often and how much they are trusted."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SPIDERS = ("hrr", "ngo", "research", "feeds", "lists")
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


def load_sources(path: Path = REAL_SOURCES) -> list[Source]:
    """Read a catalog (``[[source]]`` tables) and check every field."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"{path}: not valid TOML ({exc})") from exc
    out: list[Source] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("source", []), start=1):
        where = f"{path}: source #{i} ({raw.get('id', '?')})"
        for key in _REQUIRED:
            if key not in raw:
                raise SourceError(f"{where}: missing field {key!r}")
        if raw["spider"] not in SPIDERS:
            raise SourceError(f"{where}: spider {raw['spider']!r} is not one of {', '.join(SPIDERS)}")
        if raw["kind"] not in KINDS:
            raise SourceError(f"{where}: kind {raw['kind']!r} is not one of {', '.join(KINDS)}")
        if raw["spider"] == "lists" and raw.get("parser") not in LIST_PARSERS:
            raise SourceError(f"{where}: a list source needs parser = one of {', '.join(LIST_PARSERS)}")
        if not isinstance(raw["tier"], int) or not 1 <= raw["tier"] <= 4:
            raise SourceError(f"{where}: tier must be 1..4, found {raw['tier']!r}")
        if not isinstance(raw["start_urls"], list) or not raw["start_urls"]:
            raise SourceError(f"{where}: start_urls must be a non-empty list")
        if raw["id"] in seen:
            raise SourceError(f"{where}: duplicate id")
        seen.add(raw["id"])
        known = {f for f in Source.__dataclass_fields__ if f != "extra"}
        out.append(
            Source(
                **{k: v for k, v in raw.items() if k in known},
                extra={k: v for k, v in raw.items() if k not in known},
            )
        )
    return out


def select(sources: list[Source], ids: list[str]) -> list[Source]:
    """The sources named by IDS (all when empty); an unknown id is a SourceError listing the known ones."""
    if not ids:
        return sources
    by_id = {s.id: s for s in sources}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise SourceError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(by_id)}")
    return [by_id[i] for i in ids]

"""The grounds of a screening: which list versions it ran against, and whether they are fresh enough.

A screening result is only worth as much as the lists behind it. "No match" against no list, or against a list
months old, is a silent wrong answer. So every screening carries its grounds:

- the list versions in the graph (:class:`ListVersion`: source, publication or file date, the SHA-256 of every
  list file, entity count), written when a list is loaded (``redflag/services/list_versions.py``);
- ``stale``: true when any list version is older than ``REDFLAG_LIST_MAX_AGE_DAYS`` (default 30) or its date or
  version is unknown, with one warning line per reason.

With no list entity loaded at all, there are no grounds: :class:`NoListLoaded` is raised and nothing is screened
or logged. Pure data; the graph is read by ``redflag/services/list_versions.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

FILL_HINT = ("load one with `redflag import ofac|csl|ftm PATH` (then `redflag load`), `redflag crawl` then "
             "`redflag load`, or try `redflag demo`")


class NoListLoaded(ValueError):
    """No list entity is loaded in the data folder: a screening would say "no match" without grounds."""

    def __init__(self, data_dir: Path | str) -> None:
        super().__init__(f"no screening list is loaded in {data_dir}; {FILL_HINT}")
        self.data_dir = str(data_dir)


def parse_date(text: str) -> datetime | None:
    """A timestamp from an ISO date or datetime, or an HTTP date (``Last-Modified``); None when unreadable.

    Naive values are taken as UTC.
    """
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            from email.utils import parsedate_to_datetime

            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            try:
                value = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
            except ValueError:
                return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class ListFileVersion:
    """One list file as loaded: its name (path or URL), SHA-256 of its bytes, size in bytes, and its date.

    ``date`` is the file's own date: the modification time of an imported file, or the server's
    ``Last-Modified`` (else the retrieval time) of a crawled one; ``published`` is the publication date the
    publisher states, when known.
    """

    name: str
    sha256: str
    size: int = 0
    date: str = ""
    published: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "sha256": self.sha256, "size": self.size, "date": self.date,
                "published": self.published}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ListFileVersion:
        return cls(str(d.get("name", "")), str(d.get("sha256", "")), int(d.get("size") or 0),
                   str(d.get("date") or ""), str(d.get("published") or ""))


@dataclass(frozen=True)
class ListVersion:
    """One list as loaded in the graph: the ``ListVersion`` node of its archive set.

    ``key`` is the archive's list-set key (a crawled source id, or ``import:FORMAT:FILES``); ``sha256`` the
    digest of the set's inputs (file names and their SHA-256); ``files`` each file's own version;
    ``entity_count`` the entities the set holds; ``stored_at`` when the archive took it, ``loaded_at`` when it
    was loaded into the graph.
    """

    key: str
    source_id: str
    dataset: str
    sha256: str
    files: tuple[ListFileVersion, ...] = ()
    entity_count: int = 0
    stored_at: str = ""
    loaded_at: str = ""

    @property
    def published(self) -> str:
        """The newest publication date stated for one of its files, or ''."""
        dates = [f.published for f in self.files if parse_date(f.published)]
        return max(dates, key=lambda d: parse_date(d) or datetime.min.replace(tzinfo=UTC)) if dates else ""

    @property
    def date(self) -> str:
        """The version's date: its publication date, else the newest file date; '' when none is known."""
        if self.published:
            return self.published
        dates = [f.date for f in self.files if parse_date(f.date)]
        return max(dates, key=lambda d: parse_date(d) or datetime.min.replace(tzinfo=UTC)) if dates else ""

    def age_days(self, now: datetime) -> float | None:
        """Days from the version's date to ``now`` (fractional), or None when its date is unknown."""
        when = parse_date(self.date)
        return None if when is None else (now - when).total_seconds() / 86400.0

    def to_dict(self, now: datetime | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key, "source_id": self.source_id, "dataset": self.dataset, "sha256": self.sha256,
            "published": self.published, "date": self.date, "entity_count": self.entity_count,
            "stored_at": self.stored_at, "loaded_at": self.loaded_at, "files": [f.to_dict() for f in self.files],
        }
        if now is not None:
            age = self.age_days(now)
            out["age_days"] = None if age is None else round(age, 2)
        return out

    def label(self) -> str:
        """A short line: ``source (dataset) published D`` or ``file dated D`` (:func:`dated`)``, N entities, files: name
        sha256, ...``."""
        files = ", ".join(f"{Path(f.name).name or f.name} sha256 {f.sha256}" for f in self.files) or "files unknown"
        when = dated({"published": self.published, "date": self.date})
        return (f"{self.source_id} ({self.dataset}) {when}, {self.entity_count} entities; "
                f"{files}")


@dataclass(frozen=True)
class Grounds:
    """What a screening ran against: the list versions with entities, staleness and its warnings."""

    versions: tuple[ListVersion, ...]
    listed_entities: int
    max_age_days: float
    checked_at: str
    stale: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def brief(self) -> str:
        """What was searched, on one line: each list version (source, dataset, date, entities, the first 12 hex
        digits of its set's SHA-256), or the listed entities when no version is recorded."""
        if not self.versions:
            return f"{self.listed_entities} listed entities (no list version recorded)"
        return "; ".join(f"{v.source_id} ({v.dataset}) {dated({'published': v.published, 'date': v.date})}, "
                         f"{v.entity_count} entities, version sha256 {v.sha256[:12]}" for v in self.versions)

    def to_dict(self) -> dict[str, Any]:
        now = parse_date(self.checked_at) or datetime.now(UTC)
        return {
            "checked_at": self.checked_at,
            "list_versions": [v.to_dict(now) for v in self.versions],
            "listed_entities": self.listed_entities,
            "stale": self.stale,
            "max_age_days": self.max_age_days,
            "warnings": list(self.warnings),
        }


def judge_grounds(
    versions: list[ListVersion], listed_entities: int, max_age_days: float, data_dir: Path | str,
    now: datetime | None = None,
) -> Grounds:
    """The grounds for screening against these versions; raises :class:`NoListLoaded` when nothing is listed.

    Stale when a version with entities is older than ``max_age_days`` (age > limit, in fractional days, so
    0 makes every dated list stale), has no known date, or when listed entities are in the graph without any
    recorded version (loaded before versions were recorded: ``redflag load`` records them).
    """
    if listed_entities <= 0:
        raise NoListLoaded(data_dir)
    at = now or datetime.now(UTC)
    used = [v for v in versions if v.entity_count > 0]
    warnings: list[str] = []
    for v in used:
        age = v.age_days(at)
        if age is None:
            warnings.append(f"list {v.source_id} ({v.key}) has no known date: its age cannot be judged; refresh it "
                            "with `redflag import` or `redflag crawl`")
        elif age > max_age_days:
            warnings.append(f"list {v.source_id} ({v.key}) dated {v.date[:10]} is {age:.0f} day(s) old, older than "
                            f"REDFLAG_LIST_MAX_AGE_DAYS={max_age_days:g}: results may miss recent listings; refresh it "
                            "with `redflag import` or `redflag crawl`")
    if not used:
        warnings.append(f"{listed_entities} listed entities are loaded but no list version is recorded for them: "
                        "run `redflag load` to record the versions")
    return Grounds(tuple(used), listed_entities, max_age_days, at.isoformat(timespec="seconds"),
                   stale=bool(warnings), warnings=tuple(warnings))


def dated(version: dict[str, Any]) -> str:
    """How a list version (as in ``Grounds.to_dict()``, or a ``ListVersion`` node) is dated, in words: ``published
    D`` when its source stated a publication date, else ``file dated D`` (the newest file's own date, which is when
    the copy was made, not when the list was issued), else ``date unknown``."""
    if version.get("published"):
        return f"published {version['published']}"
    return f"file dated {version['date']}" if version.get("date") else "date unknown"


def versions_text(versions: list[dict[str, Any]]) -> str:
    """List versions (as in ``Grounds.to_dict()``) on one line for a CSV cell or a text report:
    ``source (dataset) published D`` (the date the source stated) or ``file dated D`` (the newest file's date),
    ``, N entities, files: name sha256 H; ... | next version``."""
    out = []
    for v in versions:
        files = "; ".join(f"{Path(str(f.get('name', ''))).name or f.get('name', '')} sha256 {f.get('sha256', '')}"
                          for f in v.get("files", [])) or f"set sha256 {v.get('sha256', '')}"
        out.append(f"{v.get('source_id', '')} ({v.get('dataset', '')}) {dated(v)}, "
                   f"{v.get('entity_count', 0)} entities, files: {files}")
    return " | ".join(out)

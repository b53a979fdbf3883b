"""What the spiders hand to the archive pipeline (dataclass items, as Scrapy's itemadapter allows)."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.parsers.lists import ListFile
from ontology.records import Document


@dataclass
class FetchItem:
    """One HTTP response; ``not_modified`` when the server answered 304 to a conditional request."""

    source_id: str
    url: str
    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    not_modified: bool = False
    response_date: str | None = None
    cache_control: str | None = None
    expires: str | None = None
    age: str | None = None


@dataclass
class FreshItem:
    """A leaf page not requested: its archived response is still fresh (``reason``: the rule and the figures,
    :meth:`crawler.freshness.Freshness.describe`)."""

    source_id: str
    url: str
    reason: str = ""


@dataclass
class DocumentItem:
    document: Document


@dataclass
class ListItem:
    """The files of one structured dataset; parsed in the pipeline unless this exact input is stored."""

    source_id: str
    key: str
    dataset: str
    fmt: str
    sha256: str
    files: list[ListFile] = field(default_factory=list)


@dataclass
class ErrorItem:
    """A URL that could not be fetched or parsed; recorded in the run's error list."""

    source_id: str
    url: str
    reason: str
    line: int = 0
    field: str = ""

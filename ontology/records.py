"""Record types shared by the stages (crawler -> nlp -> graph -> intelligence).

Defined once, next to the model, so that crawler/, nlp/ and graph/ never import one another.
Every record is a plain dataclass that serialises to JSON with ``to_dict`` and back with
``from_dict``; ids are stable (derived from content or from the source's own identifiers) so
that reloading a record is idempotent.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")


def stable_id(prefix: str, *parts: object) -> str:
    """A short deterministic id: ``prefix-`` + 16 hex chars of sha256 over the parts."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}-{h}"


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` makes of a field value (records become dicts, containers are copied)."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if kind is list:
        return [v if type(v) is str else _plain(v) for v in value]
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, str | int | float | bool | None):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return copy.deepcopy(value)


class _Record:
    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready values, equal to ``dataclasses.asdict`` (a few times faster)."""
        return {name: _plain(getattr(self, name)) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = _field_names(cls)
        return cls(**{k: v for k, v in data.items() if k in names})


# --------------------------------------------------------------------------- documents (prose)
@dataclass
class Section(_Record):
    """A span of a document's text under a normalised heading key (e.g. ``1f_privacy``)."""

    key: str
    title: str
    start: int
    end: int


@dataclass
class Document(_Record):
    """A prose document (report page, NGO chapter, PDF, article, news item) as archived text.

    ``id`` is stable per URL (``doc-`` + hash of url); ``sha256`` identifies the version.
    ``text`` is the clean main text; ``sections`` index into it with character offsets.
    """

    id: str
    url: str
    source_id: str
    publisher: str
    tier: int
    title: str
    text: str
    sha256: str
    retrieved_at: str
    published: str | None = None
    language: str | None = None
    country_hints: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    kind: str = "report"
    author: str | None = None  # as the page's own metadata names it (byline, meta author); None if absent

    @staticmethod
    def id_for(url: str) -> str:
        return stable_id("doc", url)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        d = dict(data)
        d["sections"] = [s if isinstance(s, Section) else Section(**s) for s in d.get("sections", [])]
        names = _field_names(cls)
        return cls(**{k: v for k, v in d.items() if k in names})


# --------------------------------------------------------------------------- structured lists
@dataclass
class Listing(_Record):
    """One entry of an entity on a screening or sanctions list."""

    authority: str  # e.g. "US Treasury OFAC", "US Commerce BIS"
    list_code: str  # e.g. "SDN", "EL", "EU", "UK"
    program: str = ""  # e.g. "CYBER2"
    start_date: str | None = None
    end_date: str | None = None
    source_url: str = ""
    remarks: str = ""


@dataclass
class Identifier(_Record):
    """An identifier of a list entity as a typed value: ``scheme`` and ``value`` as normalized by
    :func:`ontology.identifiers.normalize_identifier` ("imo", "9569683"); parsers store them normalized."""

    scheme: str  # e.g. "imo", "lei", "bic", "tax", "registration", "passport", "website", "email"
    value: str


@dataclass
class ListEntity(_Record):
    """An entity from a structured list, FollowTheMoney-compatible.

    ``schema`` is an FtM schema name (Company, Organization, LegalEntity, Person, PublicBody, Vessel).
    ``id`` is namespaced by dataset (``ofac-12345``, ``csl-<_id>``, or the FtM id).
    """

    id: str
    schema: str
    name: str
    dataset: str
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # ISO 3166 alpha-2, upper case
    addresses: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    source_url: str = ""
    # names the list itself calls weak (OFAC "weak AKA": a.k.a.s given only in the SDN remarks; FtM weakAlias):
    # kept and screened, but never a match on their own against a longer name
    weak_aliases: list[str] = field(default_factory=list)
    name_notes: list[str] = field(default_factory=list)  # list boilerplate cut from a name ("and any successor...")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ListEntity:
        d = dict(data)
        d["identifiers"] = [i if isinstance(i, Identifier) else Identifier(**i) for i in d.get("identifiers", [])]
        d["listings"] = [x if isinstance(x, Listing) else Listing(**x) for x in d.get("listings", [])]
        names = _field_names(cls)
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class ListRelation(_Record):
    """A relation between list entities: Ownership, Directorship, LinkedTo, Associate, UnknownLink."""

    id: str
    schema: str
    source: str  # owner / director / subject entity id
    target: str  # asset / organization / linked entity id
    dataset: str
    role: str = ""
    share: float | None = None
    start_date: str | None = None
    end_date: str | None = None


@dataclass
class CountryIndicator(_Record):
    """A country-level indicator value, e.g. Freedom House F1=0 (edition 2025), or one shutdown."""

    country: str  # ISO 3166 alpha-2 (user-assigned X? codes for the fictional sample countries)
    indicator: str  # e.g. "fiw_status", "fiw_F1", "fiw_D4", "fiw_total", "shutdown"
    value: float | str
    edition: int
    source_id: str
    start_date: str | None = None
    end_date: str | None = None
    note: str = ""

    @property
    def id(self) -> str:
        return stable_id("ind", self.source_id, self.country, self.indicator, self.edition, self.start_date or "")


@dataclass
class RowError(_Record):
    """A rejected input row: where it was and what was wrong with it."""

    source: str  # file name or URL
    line: int
    field: str
    reason: str


# --------------------------------------------------------------------------- extractions (nlp)
@dataclass
class EntityMention(_Record):
    text: str
    label: str  # ORG, GOV_AGENCY, PERSON, COUNTRY, PRODUCT, CAPABILITY, VICTIM_GROUP
    canonical: str  # normalised name; ISO code for COUNTRY; capability concept id for CAPABILITY
    start: int
    end: int
    confidence: float
    country: str | None = None  # GOV_AGENCY: ISO code of the state it belongs to, when the text or gazetteer says


@dataclass
class EventMention(_Record):
    type: str  # supply, abuse, listing, ownership, reexport
    roles: dict[str, str | list[str]]
    sentence: str
    start: int
    end: int
    confidence: float
    hedged: bool = False
    negated: bool = False
    rule: str = ""  # the model that scored it, when not the parse rules ("supply_pairs")
    explanation: str = ""  # that model's reason: its probability and strongest features
    # further [start, end] sentences of the document that read the same event, in text order (its repeated readings
    # folded into it: nlp.components.supply_precision); the graph keeps each as a passage of the event
    evidence: list[list[int]] = field(default_factory=list)


@dataclass
class DocumentExtraction(_Record):
    """What the NLP stage found in one version of one document."""

    document_id: str
    document_sha256: str
    entities: list[EntityMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    language: str = "en"
    skipped_reason: str | None = None
    model: str = ""
    method: str = "spacy"
    # the extraction failed on this document (the component and the exception, one line): nothing was read, and
    # nothing is loaded from it; a run keeps the document's earlier extraction and tries it again next time
    error: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentExtraction:
        d = dict(data)
        d["entities"] = [e if isinstance(e, EntityMention) else EntityMention(**e) for e in d.get("entities", [])]
        d["events"] = [e if isinstance(e, EventMention) else EventMention(**e) for e in d.get("events", [])]
        names = _field_names(cls)
        return cls(**{k: v for k, v in d.items() if k in names})

"""Inputs and outputs of screening: list candidates in, ranked and explained matches out."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ontology.records import ListEntity


@dataclass(frozen=True)
class Candidate:
    """A list entity as the screener sees it (primary name, aliases, and what else can be compared)."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    schema: str = "LegalEntity"
    lists: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    weak_aliases: list[str] = field(default_factory=list)

    @classmethod
    def from_list_entity(cls, entity: ListEntity) -> Candidate:
        """Build a candidate from the shared record type the crawler produces."""
        return cls(
            id=entity.id,
            name=entity.name,
            aliases=list(entity.aliases),
            countries=list(entity.countries),
            schema=entity.schema,
            lists=sorted({x.list_code for x in entity.listings if x.list_code}),
            programs=sorted({x.program for x in entity.listings if x.program}),
            identifiers=[(i.scheme, i.value) for i in entity.identifiers],
            addresses=list(entity.addresses),
            weak_aliases=list(entity.weak_aliases),
        )


@dataclass(frozen=True)
class Match:
    """One list entity that matched, with the name that matched and the features behind the score."""

    id: str
    name: str
    matched_name: str
    score: float
    lists: list[str]
    programs: list[str]
    explanation: dict[str, float]
    notes: list[str] = field(default_factory=list)  # in words: identifiers equal or different, a weak alias

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ScreeningResult:
    """The answer to one screening query, best match first."""

    query: str
    normalized_query: str
    matches: list[Match]
    threshold: float
    algorithm: str
    query_warnings: list[str] = field(default_factory=list)  # what limits this answer (a script the lists lack)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "normalized_query": self.normalized_query,
            "threshold": self.threshold,
            "algorithm": self.algorithm,
            "matches": [m.to_dict() for m in self.matches],
            "query_warnings": list(self.query_warnings),
        }

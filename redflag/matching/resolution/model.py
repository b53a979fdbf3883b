"""Inputs and outputs of entity resolution."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SAME = "same"
DIFFERENT = "different"
JUDGEMENTS = (SAME, DIFFERENT)


@dataclass(frozen=True)
class EntityRecord:
    """One mention or record of an organization or person, from any source."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    neighbours: list[str] = field(default_factory=list)  # ids of records this one is linked to
    schema: str = "LegalEntity"


@dataclass(frozen=True)
class PairScore:
    """The score of two records being the same entity, with the features that made it."""

    a: str
    b: str
    score: float
    explanation: dict[str, float]
    judgement: str | None = None  # an analyst's "same" / "different" when there is one

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Resolution:
    """Clusters of record ids (every record in exactly one), merged pairs, and pairs for review."""

    clusters: list[list[str]]
    same: list[PairScore]
    possible: list[PairScore]

    def to_dict(self) -> dict[str, Any]:
        return {
            "clusters": self.clusters,
            "same": [p.to_dict() for p in self.same],
            "possible": [p.to_dict() for p in self.possible],
        }

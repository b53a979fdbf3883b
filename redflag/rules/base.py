"""The shapes every rule shares: evidence, graph paths, findings, and the rule protocol.

A finding's title, severity and hard-stop mark come from the red-flag catalog (``ontology/redflags.ttl``
through :mod:`ontology.vocab`); rules only decide *whether* a flag is raised, on which parties, with which
evidence and along which path.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ontology import vocab

if TYPE_CHECKING:
    from redflag.rules.context import Context

SEVERITY_LEVELS = ("hard-stop", "high", "medium", "low", "context")

# Evidence whose relation an analyst has not confirmed is labelled with this status.
CURATED_STATUSES = frozenset({"curated", "confirmed", "list", "record"})


@dataclass(frozen=True)
class Evidence:
    """One citation: a passage of a document, a list entry, an indicator value or a transaction record."""

    source: str
    url: str = ""
    passage: str = ""
    publisher: str = ""
    tier: int | None = None
    document_id: str = ""
    start: int | None = None
    end: int | None = None
    status: str = "curated"
    confidence: float = 1.0
    hedged: bool = False
    published: str = ""
    list_entry: Mapping[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.list_entry is None:
            out.pop("list_entry")
        else:
            out["list_entry"] = dict(self.list_entry)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class GraphPath:
    """The chain of nodes and relationships that ties a finding to its transaction."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    relationships: list[dict[str, Any]] = field(default_factory=list)

    def add_node(self, node_id: str, name: str, labels: Sequence[str]) -> GraphPath:
        if all(n["id"] != node_id for n in self.nodes):
            self.nodes.append({"id": node_id, "name": name, "labels": list(labels)})
        return self

    def add_rel(self, rtype: str, source: str, target: str, evidence: Sequence[Evidence] = ()) -> GraphPath:
        if not any(
            r["type"] == rtype and r["source"] == source and r["target"] == target for r in self.relationships
        ):
            self.relationships.append(
                {
                    "type": rtype,
                    "source": source,
                    "target": target,
                    "evidence": [e.to_dict() for e in evidence],
                }
            )
        return self

    def merge(self, other: GraphPath) -> GraphPath:
        for n in other.nodes:
            self.add_node(n["id"], n["name"], n["labels"])
        for r in other.relationships:
            if not any(
                x["type"] == r["type"] and x["source"] == r["source"] and x["target"] == r["target"]
                for x in self.relationships
            ):
                self.relationships.append(r)
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": list(self.nodes), "relationships": list(self.relationships)}


def severity_level(severity: str, hard_stop: bool) -> str:
    """Reduce a catalog severity text ("hard-stop/high", "context (gate)") to one of SEVERITY_LEVELS."""
    text = severity.lower()
    if hard_stop:
        return "hard-stop"
    for level in ("high", "medium", "low", "context"):
        if text.startswith(level) or f"/{level}" in text:
            return level
    return "high" if "hard-stop" in text else "context"


@dataclass
class Finding:
    """One raised red flag on one transaction."""

    id: str
    rule: str
    title: str
    severity: str
    hard_stop: bool
    transaction: str
    family: str
    consideration: str
    parties: list[str]
    evidence: list[Evidence]
    path: GraphPath
    explanation: str
    confidence: float
    status: str = "open"
    hard_stop_reason: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def level(self) -> str:
        return severity_level(self.severity, self.hard_stop)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "title": self.title,
            "severity": self.level,
            "catalog_severity": self.severity,
            "hard_stop": self.hard_stop,
            "hard_stop_reason": self.hard_stop_reason,
            "transaction": self.transaction,
            "family": self.family,
            "consideration": self.consideration,
            "parties": list(self.parties),
            "evidence": [e.to_dict() for e in self.evidence],
            "path": self.path.to_dict(),
            "explanation": self.explanation,
            "confidence": round(self.confidence, 3),
            "status": self.status,
            "details": dict(self.details),
        }


def finding_id(rule: str, transaction_id: str, key_parties: Sequence[str], extra: str = "") -> str:
    """A stable id: the same rule on the same transaction and parties always gets the same id."""
    key = "\x1f".join([rule, transaction_id, *sorted(set(key_parties)), extra])
    return f"F-{rule}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def make_finding(
    ctx: Context,
    rule: str,
    *,
    parties: Sequence[str],
    evidence: Sequence[Evidence],
    path: GraphPath,
    explanation: str,
    confidence: float | None = None,
    hard_stop: bool | None = None,
    hard_stop_reason: str = "",
    key_extra: str = "",
    details: Mapping[str, Any] | None = None,
) -> Finding:
    """Build a finding whose title, severity and hard-stop mark come from the catalog entry ``rule``."""
    from redflag.rules.score import evidence_confidence

    flag = vocab.red_flag(rule)
    stop = flag.hard_stop if hard_stop is None else hard_stop
    return Finding(
        id=finding_id(rule, ctx.tx_id, parties, key_extra),
        rule=rule,
        title=flag.title,
        severity=flag.severity,
        hard_stop=stop,
        transaction=ctx.tx_id,
        family=flag.computed_by or "checklist",
        consideration=flag.consideration,
        parties=sorted(set(parties)),
        evidence=list(evidence),
        path=path,
        explanation=explanation,
        confidence=evidence_confidence(evidence) if confidence is None else confidence,
        hard_stop_reason=(hard_stop_reason or explanation) if stop else "",
        details=dict(details or {}),
    )


class Rule(Protocol):
    """A rule computes one catalog flag for one transaction; it returns zero or more findings."""

    def __call__(self, ctx: Context) -> list[Finding]: ...


def join_words(values: Iterable[object], sep: str = ", ") -> str:
    """Values joined for an explanation with no word said twice: duplicates (ignoring case and spacing) are
    dropped, and so is a value that only repeats words of a longer one ("journalists" next to
    "journalists and activists"); first-seen order is kept."""
    seen: list[tuple[str, str]] = []
    for v in values:
        text = " ".join(str(v).split())
        key = text.casefold()
        if not key or any(key == k for k, _ in seen):
            continue
        seen.append((key, text))
    kept = [t for k, t in seen
            if not any(k != other and re.search(rf"(?<!\w){re.escape(k)}(?!\w)", other) for other, _ in seen)]
    return sep.join(kept)

"""What the NLP tests read from an extraction, in one place: entity labels by text, agencies with their country,
supply events, and the party names of a role."""

from __future__ import annotations

from ontology.records import DocumentExtraction, EventMention


def labels(ext: DocumentExtraction) -> dict[str, set[str]]:
    """Entity text -> the labels it was given."""
    out: dict[str, set[str]] = {}
    for e in ext.entities:
        out.setdefault(e.text, set()).add(e.label)
    return out


def agencies(ext: DocumentExtraction) -> dict[str, str | None]:
    """GOV_AGENCY text -> its ISO country (None when none was found)."""
    return {e.text: e.country for e in ext.entities if e.label == "GOV_AGENCY"}


def supplies(ext: DocumentExtraction, negated: bool = False) -> list[EventMention]:
    """The supply events, said (default) or negated."""
    return [ev for ev in ext.events if ev.type == "supply" and ev.negated == negated]


def names(value: object) -> set[str]:
    """The names of a role's value (one name, a list of names, or nothing)."""
    return {str(v) for v in (value if isinstance(value, list) else [value] if value else [])}

"""How an abuse event writes its victims (issue 13, round 24, brief abuse28).

Reports name the people harmed in their own words ("peaceful protesters", "Uyghurs", "pro-democracy activists"), and
the dev set's gold keeps those words (nlp/devset/real/README.md: VICTIM_GROUP is the text's span). The victim groups'
table (nlp/data/victim_groups.tsv) maps each surface form to a standard name ("protesters" -> "activists"); that name
is what a rule engine groups by, not what the report said. An abuse event therefore carries the text's words in its
``victim_group`` role, as the evidence, and the table's standard names in a separate ``victim_type`` role.
"""

from __future__ import annotations

from nlp.normalize import display_name

VICTIM_ROLE = "victim_group"
VICTIM_TYPE_ROLE = "victim_type"  # the victim groups' table's standard names of the same mentions


def victim_values(surface: str, canonical: str) -> tuple[str, str]:
    """(the text's words, the table's standard name) of one victim mention: "peaceful protesters" ->
    ("peaceful protesters", "activists"). A mention with no words of its own keeps the standard name."""
    words = display_name(surface)
    return (words or canonical, canonical)


def add_victim_types(roles: dict[str, str | list[str]], types: list[str]) -> None:
    """Put the standard names of an event's victims into ``victim_type`` (one value, or a list of several)."""
    if types:
        roles[VICTIM_TYPE_ROLE] = types[0] if len(types) == 1 else types

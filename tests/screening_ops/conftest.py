"""Fictional list entities and party files for the screening-operations tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology.records import Identifier, ListEntity, Listing
from redflag.matching.screening import Candidate

LIST_ROWS = [
    ("syn-1", "Company", "Veloria Signal Systems Ltd", ["Velsig Systems"], ["XV"], "CYBER-X"),
    ("syn-2", "Company", "Northgate Interception Group", [], ["XC"], "SURV-Y"),
    ("syn-3", "Person", "ORLANDO, Mira Katrin", ["Mira Orlando"], ["XO"], "CYBER-X"),
    ("syn-4", "Company", "Quillon Deep Packet SA", ["Quillon DPI"], ["XL"], "SURV-Y"),
    ("syn-5", "Company", "Brightwater Optics Trading FZE", [], ["XC"], "CYBER-X"),
]


def list_entities(changed: dict[str, dict[str, object]] | None = None) -> list[ListEntity]:
    """The fictional list; ``changed`` overrides fields of some entities (a list refresh)."""
    out = []
    for eid, schema, name, aliases, countries, program in LIST_ROWS:
        e = ListEntity(
            id=eid, schema=schema, name=name, dataset="synthetic", aliases=list(aliases), countries=list(countries),
            listings=[Listing(authority="Fictional Authority", list_code="SYN", program=program)],
            identifiers=[Identifier("registration", f"REG-{eid}")],
        )
        for key, value in (changed or {}).get(eid, {}).items():
            setattr(e, key, value)
        out.append(e)
    return out


def candidates(changed: dict[str, dict[str, object]] | None = None) -> list[Candidate]:
    return [Candidate.from_list_entity(e) for e in list_entities(changed)]


CLEAN = ["Harbor Lane Bakery", "Tessaro Medical Devices", "Lumen Metro Transit Authority", "Oakridge Farming Coop",
         "Pallas Office Supplies", "Corvane Telematics", "Halden Water Works"]
HITS = ["Veloria Signal Systems Limited", "Northgate Interception Grp", "Mira Orlando", "Quillon DPI",
        "Brightwater Optics Trading"]
BAD_LINES = {
    101: ",XV,,,bad-empty-name",
    250: "Some Name,Atlantis,,,bad-country",  # a country name nobody knows
    600: "Another Name,XC,no-colon-here,,bad-identifiers",
    901: "Too,Many,Fields,In,This,Row,Here",
}


def write_party_csv(path: Path, rows: int = 1000) -> Path:
    """A parties file with ``rows`` data rows (header is line 1); the rows in BAD_LINES are malformed."""
    lines = ["name,country,identifiers,address,reference"]
    for i in range(rows):
        line_no = i + 2
        if line_no in BAD_LINES:
            lines.append(BAD_LINES[line_no])
        elif i % 50 == 0:
            hit = HITS[(i // 50) % len(HITS)]
            lines.append(f"{hit},,,,REF-{i}")
        else:
            lines.append(f"{CLEAN[i % len(CLEAN)]} {i},XV,vat:XV{i:05d},\"{i} Quay Street, Port Meridian\",REF-{i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def party_csv(tmp_path: Path) -> Path:
    return write_party_csv(tmp_path / "parties.csv")

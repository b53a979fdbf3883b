"""Shared fixtures for the matching tests.

A minimal reader of the OFAC SDN CSV sample for screening tests (the crawler owns the real parser).

Columns: ent_num, name, type, program, ... , remarks; "-0-" means empty; aliases are read from
the remarks' "a.k.a. '...'" entries.
"""

import csv
import re
from pathlib import Path

import pytest

from redflag.matching.screening import Candidate

SDN_SAMPLE = Path(__file__).parent.parent / "fixtures" / "matching" / "ofac_sdn_sample.csv"
_AKA = re.compile(r"a\.k\.a\. '([^']+)'")


def load_sdn(path: Path = SDN_SAMPLE) -> list[Candidate]:
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 12:
                continue
            ent, name, kind, program = (c.strip() for c in row[:4])
            remarks = row[11]
            out.append(
                Candidate(
                    id=f"ofac-{ent}",
                    name=name,
                    aliases=_AKA.findall(remarks),
                    schema="Person" if kind == "individual" else "Organization",
                    lists=["SDN"],
                    programs=[p.strip() for p in program.split("] [") if p.strip() and p.strip() != "-0-"],
                )
            )
    return out


@pytest.fixture(scope="session")
def sdn_candidates() -> list[Candidate]:
    """The OFAC SDN sample rows as screening candidates."""
    return load_sdn()

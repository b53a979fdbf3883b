"""What a screening list means for an export, and which OFAC non-SDN list a programme tag belongs to.

Both are data files in ``ontology/data/``, each row with its citation and source URL:

- ``list_meanings.csv``: one row per list (``list_code`` as the project stores it, ``aliases`` as other
  publishers abbreviate it, the list's own name, its authority, trade.gov's CSL ``source`` text), what a listing
  does to an export (``effect``), whether it is a hard stop for the deal, and whether it blocks property (so the
  OFAC 50 Percent Rule reaches entities the listed persons own).
- ``ofac_nonsdn_programs.csv``: OFAC's non-SDN consolidated files (cons_prim.csv ...) carry no list column; the
  list of an entry is told by its programme tags (``CMIC-EO13959`` -> NS-CMIC List), for E.O. 14024 entries by the
  directive named in the remarks. Rows are tried in order; the first row whose ``program`` pattern matches the
  whole tag and whose ``remark_cue`` (if any) occurs in the remarks gives the tag's list.

A list code that is not in the table has an unknown meaning; :func:`meaning` then returns a conservative
meaning (a hard stop, property treated as blocked) that says so, never a silent "no restriction".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
MEANINGS_FILE = DATA_DIR / "list_meanings.csv"
PROGRAMS_FILE = DATA_DIR / "ofac_nonsdn_programs.csv"
UNRESOLVED_NONSDN = "NON-SDN"

EFFECTS = frozenset(
    {
        "blocking",
        "export_prohibited",
        "transaction_prohibited",
        "licence_required",
        "securities_restriction",
        "sectoral_restriction",
        "financial_restriction",
        "menu_based",
        "review",
        "unknown",
    }
)


@dataclass(frozen=True)
class ListMeaning:
    """What being on one list means for an export.

    ``effect`` is one of :data:`EFFECTS`; ``hard_stop``: the deal stops until the finding is resolved;
    ``blocking``: property is blocked and the OFAC 50 Percent Rule applies to owned entities.
    """

    list_code: str
    list_name: str
    authority: str
    csl_source: str
    effect: str
    hard_stop: bool
    blocking: bool
    summary: str
    citation: str
    source_url: str
    known: bool = True
    hard_stop_cue: re.Pattern[str] | None = None

    def stops(self, remarks: str = "") -> bool:
        """A hard stop: always for lists that stop exports, or when the entry's remarks name a measure that does
        (``hard_stop_cue``: an NS-MBS entry whose remarks name "EXPORT SANCTIONS", CAATSA sec. 235(a)(2))."""
        return self.hard_stop or bool(self.hard_stop_cue and self.hard_stop_cue.search(remarks or ""))

    @property
    def label(self) -> str:
        """``Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC List)``, for findings."""
        return self.list_name or self.list_code


@dataclass(frozen=True)
class ProgramRule:
    """One row of ``ofac_nonsdn_programs.csv``."""

    program: re.Pattern[str]
    remark_cue: re.Pattern[str] | None
    list_code: str
    note: str
    source_url: str


def _bool(value: str, where: str) -> bool:
    v = value.strip().lower()
    if v not in ("true", "false"):
        raise ValueError(f"{where}: expected true or false, found {value!r}")
    return v == "true"


@cache
def _meanings() -> dict[str, ListMeaning]:
    out: dict[str, ListMeaning] = {}
    with MEANINGS_FILE.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            where = f"{MEANINGS_FILE.name}:{n}"
            if row["effect"] not in EFFECTS:
                raise ValueError(f"{where}: unknown effect {row['effect']!r}")
            m = ListMeaning(
                list_code=row["list_code"].strip(),
                list_name=row["list_name"].strip(),
                authority=row["authority"].strip(),
                csl_source=row["csl_source"].strip(),
                effect=row["effect"].strip(),
                hard_stop=_bool(row["hard_stop"], where),
                blocking=_bool(row["blocking"], where),
                summary=row["summary"].strip(),
                citation=row["citation"].strip(),
                source_url=row["source_url"].strip(),
                hard_stop_cue=re.compile(cue, re.IGNORECASE) if (cue := row["hard_stop_cue"].strip()) else None,
            )
            for key in [m.list_code, *(a for a in row["aliases"].split(",") if a.strip())]:
                out[key.strip().upper()] = m
    return out


def meanings() -> list[ListMeaning]:
    """Every list of the table, once each, in file order."""
    seen: dict[str, ListMeaning] = {}
    for m in _meanings().values():
        seen.setdefault(m.list_code, m)
    return list(seen.values())


def meaning(list_code: str) -> ListMeaning:
    """The meaning of LIST_CODE (or one of its aliases, any case); an explicit "unknown" meaning otherwise."""
    code = (list_code or "").strip()
    found = _meanings().get(code.upper())
    if found is not None:
        return found
    return ListMeaning(
        list_code=code or "?",
        list_name=code or "an unnamed list",
        authority="",
        csl_source="",
        effect="unknown",
        hard_stop=True,
        blocking=True,
        summary=(
            f"The list {code or '(no code)'} is not in the project's list-meaning table "
            "(ontology/data/list_meanings.csv): what it prohibits is unknown, so it is treated as a hard stop "
            "until an analyst has read the entry."
        ),
        citation="",
        source_url="",
        known=False,
    )


def code_for_csl_source(source: str) -> str | None:
    """The list code for a trade.gov CSL ``source`` text (``Capta List (CAP) - Treasury Department`` -> CAPTA)."""
    text = (source or "").strip().lower()
    for m in meanings():
        if m.csl_source and m.csl_source.lower() == text:
            return m.list_code
    return None


def code_for_list_name(text: str) -> str | None:
    """The list code for a list's name as publishers write it: the code itself or an alias (``NS-CMIC``), the
    list's name with or without its bracketed abbreviation, or a CSL ``source`` with or without its agency."""
    key = " ".join((text or "").split()).lower()
    if not key:
        return None
    found = _meanings().get(key.upper())
    if found is not None:
        return found.list_code
    for m in meanings():
        names = {m.list_name.lower(), re.sub(r"\s*\([^)]*\)\s*$", "", m.list_name).lower()}
        if m.csl_source:
            names |= {m.csl_source.lower(), m.csl_source.rsplit(" - ", 1)[0].lower()}
        if key in names:
            return m.list_code
    return None


@cache
def _program_rules() -> list[ProgramRule]:
    rules: list[ProgramRule] = []
    with PROGRAMS_FILE.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            code = row["list_code"].strip()
            if code.upper() not in _meanings():
                raise ValueError(f"{PROGRAMS_FILE.name}:{n}: list {code!r} is not in {MEANINGS_FILE.name}")
            cue = row["remark_cue"].strip()
            rules.append(
                ProgramRule(
                    program=re.compile(row["program"].strip(), re.IGNORECASE),
                    remark_cue=re.compile(cue, re.IGNORECASE) if cue else None,
                    list_code=code,
                    note=row["note"].strip(),
                    source_url=row["source_url"].strip(),
                )
            )
    return rules


def nonsdn_list_for(program: str, remarks: str = "") -> str:
    """The OFAC non-SDN list code of one programme tag of a consolidated-file entry.

    ``CMIC-EO13959`` -> ``CMIC``; ``RUSSIA-EO14024`` with remarks naming "EO 14024 Directive 2" -> ``CAPTA``.
    A tag no row matches gives :data:`UNRESOLVED_NONSDN` (a non-SDN entry of unknown list; never "SDN").
    """
    tag = program.strip()
    for rule in _program_rules():
        if rule.program.fullmatch(tag) and (rule.remark_cue is None or rule.remark_cue.search(remarks or "")):
            return rule.list_code
    return UNRESOLVED_NONSDN

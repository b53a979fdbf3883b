"""OFAC legacy CSV files as published: the SDN files and the non-SDN Consolidated files.

SDN List: sdn.csv, add.csv, alt.csv, sdn_comments.csv. Consolidated (non-SDN) lists: cons_prim.csv,
cons_add.csv, cons_alt.csv, cons_comments.csv, in the same layout. The files have no header row; ``-0-`` (often
followed by a space) means empty. Columns: sdn/prim: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks; add: ent_num, Add_num, Address, City/State/Postal,
Country, Add_remarks; alt: ent_num, alt_num, alt_type, alt_name, alt_remarks; comments: ent_num,
Remarks_Extended (the continuation of a Remarks field too long for the main file: joined to it, in file order,
before the remarks are split and parsed). Several programs are packed as ``SDGT] [NPWMD``. Remarks carry DOB,
identifiers, ``a.k.a.`` names and ``Linked To:`` parties.

Each entry carries its real list: ``SDN`` for the SDN files; for the consolidated files the non-SDN list its
programme tag tells (``CMIC-EO13959`` -> ``CMIC``, see ``ontology/data/ofac_nonsdn_programs.csv``), never SDN.
Consolidated entries get ids ``<dataset>-cons-<ent_num>`` so that an entry on both files keeps both listings.
Source of the layout: OFAC, "SDN and Consolidated List data file specifications" (dat_spec.txt).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from crawler.parsers.common import ParsedList, decode_text, norm_name
from ontology.countries import country_code
from ontology.identifiers import labelled_identifier, typed_identifier
from ontology.list_meanings import nonsdn_list_for
from ontology.records import Identifier, ListEntity, Listing, ListRelation, RowError, stable_id

SDN_COLUMNS = [
    "ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type",
    "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks",
]  # fmt: skip
ADD_COLUMNS = ["ent_num", "Add_num", "Address", "City/State/Postal", "Country", "Add_remarks"]
ALT_COLUMNS = ["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"]
COMMENTS_COLUMNS = ["ent_num", "Remarks_Extended"]
REMARKS_FIELD_CHARS = 1000
"""The legacy files' Remarks field holds at most this many characters; OFAC continues longer remarks in the
comments file (sdn_comments.csv / cons_comments.csv), joined by ent_num. Every cut row of the published SDN sample
in tests/fixtures/crawler/ofac is exactly this long."""

SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "": "Organization"}
AUTHORITY = "US Treasury OFAC"
SOURCE_URL = "https://sanctionslist.ofac.treas.gov/Home/SdnList"
CONS_SOURCE_URL = "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList"

# Remarks that are identifiers ("Vessel Registration Identification IMO 9569683", "SWIFT/BIC BOFPNIMA", "Tax ID
# No. 7708004767 (Russia)") are read by ontology.identifiers.labelled_identifier and stored normalized.
_AKA = re.compile(r"^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.+)'$")
_DOB = re.compile(r"^(?:alt\. )?DOB (.+)$")
_LINKED = re.compile(r"^Linked To: (.+)$")
# "nationality Iran", "alt. citizen Russia", "Nationality of Registration Cyprus" (an entity's), and the capitalised
# or colon forms other files and hand-edited copies use ("Citizen Iran", "Nationality: Iran")
_NATIONALITY = re.compile(
    r"^(?:alt\.\s+)?(?:nationality(?:\s+of\s+registration)?|citizen(?:ship)?)\s*:?\s+(.+)$", re.IGNORECASE
)


def _null(value: str) -> str:
    v = value.strip()
    return "" if v == "-0-" else v


def split_programs(raw: str) -> list[str]:
    """``SDGT] [NPWMD`` -> ``["SDGT", "NPWMD"]``."""
    return [p.strip(" []") for p in _null(raw).split("] [") if p.strip(" []")]


def split_remarks(remarks: str) -> list[str]:
    """Split on ``;`` outside parentheses and quotes; drop the final full stop."""
    out: list[str] = []
    depth = 0
    quoted = False
    buf: list[str] = []
    for ch in remarks:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "'" and (not buf or buf[-1] in " ;"):
            quoted = True
        elif ch == "'" and quoted:
            quoted = False
        if ch == ";" and depth == 0 and not quoted:
            out.append("".join(buf).strip())
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf).strip())
    cleaned = [p.strip() for p in out if p.strip()]
    if cleaned and cleaned[-1].endswith("."):
        cleaned[-1] = cleaned[-1][:-1]
    return cleaned


def _rows(data: bytes, name: str, columns: list[str], errors: list[RowError]) -> list[tuple[int, list[str]]]:
    text = decode_text(data, "utf-8").replace("\x1a", "")
    out: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    for row in reader:
        line = reader.line_num
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(columns):
            errors.append(
                RowError(
                    name,
                    line,
                    columns[min(len(row), len(columns) - 1)],
                    f"expected {len(columns)} columns, found {len(row)}",
                )  # fmt: skip
            )
            continue
        if not _null(row[0]).isdigit():
            errors.append(RowError(name, line, "ent_num", f"not an integer: {row[0]!r}"))
            continue
        out.append((line, row))
    return out


@dataclass(frozen=True)
class OfacFileSet:
    """The files of one OFAC list as published: the main file and its add, alt and comments files.

    ``consolidated``: the non-SDN Consolidated files (cons_prim.csv ...), whose entries are not SDN.
    ``names`` name the files in row errors: (main, add, alt, comments).
    """

    main: bytes
    add: bytes | None = None
    alt: bytes | None = None
    comments: bytes | None = None
    names: tuple[str, str, str, str] = ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")
    consolidated: bool = False


def parse_ofac(
    sdn: bytes,
    add: bytes | None = None,
    alt: bytes | None = None,
    *,
    comments: bytes | None = None,
    names: tuple[str, ...] = ("sdn.csv", "add.csv", "alt.csv"),
    country_codes: Callable[[str], str | None] | None = None,
    dataset: str = "ofac",
    consolidated: bool = False,
) -> ParsedList:
    """Parse one list's legacy files; ADD, ALT and comments rows are attached to their entry by ent_num."""
    default = ("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv") if consolidated else (
        "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")  # fmt: skip
    full = tuple(names) + default[len(names):]
    fileset = OfacFileSet(sdn, add, alt, comments, (full[0], full[1], full[2], full[3]), consolidated)
    return parse_ofac_sets([fileset], country_codes=country_codes, dataset=dataset)


def parse_ofac_sets(
    sets: Sequence[OfacFileSet],
    *,
    country_codes: Callable[[str], str | None] | None = None,
    dataset: str = "ofac",
) -> ParsedList:
    """Parse the SDN and/or Consolidated file sets together, so that ``Linked To:`` parties resolve across them."""
    result = ParsedList()
    entities: list[ListEntity] = []
    linked: list[tuple[str, str, str, int]] = []  # (entity id, linked name, file, line)
    for fileset in sets:
        entities += _parse_set(fileset, result.errors, linked, country_codes, dataset, result.warnings)
    by_name: dict[str, str] = {}
    for e in entities:
        by_name.setdefault(norm_name(e.name), e.id)
        for a in [*e.aliases, *e.weak_aliases]:
            by_name.setdefault(norm_name(a), e.id)
    for eid, other, _file, _line in linked:
        target_id = by_name.get(norm_name(other))
        if target_id and target_id != eid:
            result.relations.append(
                ListRelation(
                    id=stable_id("rel", eid, "LinkedTo", target_id),
                    schema="LinkedTo",
                    source=eid,
                    target=target_id,
                    dataset=dataset,
                    role="Linked To",
                )  # fmt: skip
            )
    result.entities = entities
    return result


def _comments(fileset: OfacFileSet, errors: list[RowError]) -> dict[str, list[tuple[int, str]]]:
    """ent_num -> the continuations of its Remarks, in file order (with their line numbers)."""
    out: dict[str, list[tuple[int, str]]] = {}
    if fileset.comments:
        for line, row in _rows(fileset.comments, fileset.names[3], COMMENTS_COLUMNS, errors):
            if row[1].strip() != "-0-":  # kept raw: a cut may fall on a space
                out.setdefault(row[0].strip(), []).append((line, row[1]))
    return out


def _listings(programs: list[str], remarks: str, consolidated: bool) -> list[Listing]:
    """One listing per programme tag, on the SDN List or on the non-SDN list the tag belongs to."""
    url = CONS_SOURCE_URL if consolidated else SOURCE_URL
    return [
        Listing(
            authority=AUTHORITY,
            list_code=nonsdn_list_for(program, remarks) if consolidated else "SDN",
            program=program,
            source_url=url,
            remarks=remarks,
        )
        for program in programs or [""]
    ]


def _missing_files(fileset: OfacFileSet) -> list[RowError]:
    """Warnings for a main file imported without its address or alias file: what the entries will lack."""
    out: list[RowError] = []
    names = fileset.names
    if fileset.add is None:
        out.append(RowError(names[0], 0, "file", f"imported without its address file ({names[1]}): the entries "
                                                  "have no addresses and no countries from addresses"))  # fmt: skip
    if fileset.alt is None:
        out.append(RowError(names[0], 0, "file", f"imported without its alias file ({names[2]}): the entries have "
                                                  "only the a.k.a.s of their remarks, all weak"))  # fmt: skip
    return out


def _parse_set(
    fileset: OfacFileSet,
    errors: list[RowError],
    linked: list[tuple[str, str, str, int]],
    country_codes: Callable[[str], str | None] | None,
    dataset: str,
    warnings: list[RowError] | None = None,
) -> list[ListEntity]:
    names = fileset.names
    warnings = [] if warnings is None else warnings
    warnings += _missing_files(fileset)
    prefix = f"{dataset}-cons-" if fileset.consolidated else f"{dataset}-"
    what = "consolidated entry" if fileset.consolidated else "SDN entry"
    comments = _comments(fileset, errors)
    entities: dict[str, ListEntity] = {}
    for line, row in _rows(fileset.main, names[0], SDN_COLUMNS, errors):
        ent_num = row[0].strip()
        name = _null(row[1])
        if not name:
            errors.append(RowError(names[0], line, "SDN_Name", "empty name"))
            continue
        schema = SCHEMAS.get(_null(row[2]).lower())
        if schema is None:
            errors.append(RowError(names[0], line, "SDN_Type", f"unknown type {row[2]!r}"))
            continue
        eid = f"{prefix}{ent_num}"
        # a comments row continues the Remarks exactly where the field was cut (even mid-word)
        base = row[11] if _null(row[11]) else ""
        remarks = (base + "".join(text for _, text in comments.get(ent_num, []))).strip()
        entity = ListEntity(
            id=eid,
            schema=schema,
            name=name,
            dataset=dataset,
            source_url=CONS_SOURCE_URL if fileset.consolidated else SOURCE_URL,
        )
        entity.listings.extend(_listings(split_programs(row[3]), remarks, fileset.consolidated))
        for label, col in (("call_sign", 5), ("vessel_flag", 9)):
            if _null(row[col]):
                value = typed_identifier(label, _null(row[col])).value if label == "call_sign" else _null(row[col])
                entity.identifiers.append(Identifier(scheme=label, value=value))
        parts = split_remarks(remarks)
        if len(base) >= REMARKS_FIELD_CHARS and ent_num not in comments:
            # cut at the field's end and not continued: the last remark is a fragment ("XBT 1Gq"), never a value
            warnings.append(RowError(names[0], line, "Remarks", f"the remarks of ent_num {ent_num} fill the field's "
                                     f"{REMARKS_FIELD_CHARS} characters and no comments file continues them: the "
                                     f"cut remark {parts[-1][-40:]!r} is not read (import the list's comments file, "
                                     f"{Path(names[3]).name}, with it)"))  # fmt: skip
            parts = parts[:-1]
        for part in parts:
            _apply_remark(entity, part, country_codes, linked, names[0], line)
        entities[ent_num] = entity
    for ent_num, rows in comments.items():
        if ent_num not in entities:
            errors.append(RowError(names[3], rows[0][0], "ent_num", f"no {what} with ent_num {ent_num}"))
    if fileset.add:
        for line, row in _rows(fileset.add, names[1], ADD_COLUMNS, errors):
            target = entities.get(row[0].strip())
            if target is None:
                errors.append(RowError(names[1], line, "ent_num", f"no {what} with ent_num {row[0].strip()}"))
                continue
            parts = [_null(row[2]), _null(row[3]), _null(row[4])]
            address = ", ".join(p for p in parts if p)
            if address and address not in target.addresses:
                target.addresses.append(address)
            _add_country(target, _null(row[4]), country_codes)
    if fileset.alt:
        for line, row in _rows(fileset.alt, names[2], ALT_COLUMNS, errors):
            target = entities.get(row[0].strip())
            if target is None:
                errors.append(RowError(names[2], line, "ent_num", f"no {what} with ent_num {row[0].strip()}"))
                continue
            alias = _null(row[3])
            if not alias:
                errors.append(RowError(names[2], line, "alt_name", "empty alias"))
                continue
            if alias not in target.aliases:
                target.aliases.append(alias)
            if alias in target.weak_aliases:  # published in ALT too: a strong alias after all
                target.weak_aliases.remove(alias)
    return list(entities.values())


def _add_country(entity: ListEntity, name: str, country_codes: Callable[[str], str | None] | None) -> None:
    """Add the ISO code of a country name ("Russia", "Region: Crimea", "Korea, North"); the project's authority
    (:func:`ontology.countries.country_code`) unless the caller passes another lookup."""
    if not name:
        return
    code = (country_codes or country_code)(name)
    if code and code.upper() not in entity.countries:
        entity.countries.append(code.upper())


def _apply_remark(
    entity: ListEntity,
    part: str,
    country_codes: Callable[[str], str | None] | None,
    linked: list[tuple[str, str, str, int]],
    file: str,
    line: int,
) -> None:
    m = _AKA.match(part)
    if m:
        # an a.k.a. given only in the remarks is a weak alias (OFAC FAQ 91; the ALT file holds the strong ones)
        if m.group(1) not in entity.aliases and m.group(1) not in entity.weak_aliases:
            entity.weak_aliases.append(m.group(1))
        return
    m = _DOB.match(part)
    if m:
        entity.birth_dates.append(m.group(1).strip())
        return
    m = _LINKED.match(part)
    if m:
        name = m.group(1).strip().rstrip(".")
        entity.identifiers.append(Identifier(scheme="linked_to", value=name))
        linked.append((entity.id, name, file, line))
        return
    m = _NATIONALITY.match(part)
    if m:
        _add_country(entity, m.group(1).strip(), country_codes)
        return
    labelled = labelled_identifier(part)
    if labelled is not None:
        typed = typed_identifier(*labelled)
        if typed.value and Identifier(typed.scheme, typed.value) not in entity.identifiers:
            entity.identifiers.append(Identifier(scheme=typed.scheme, value=typed.value))
        return

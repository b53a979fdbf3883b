"""OFAC legacy SDN CSV files (sdn.csv, add.csv, alt.csv).

The files have no header row; ``-0-`` (often followed by a space) means empty. Columns:
sdn: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
Vess_owner, Remarks; add: ent_num, Add_num, Address, City/State/Postal, Country, Add_remarks;
alt: ent_num, alt_num, alt_type, alt_name, alt_remarks. Several programs are packed as
``SDGT] [NPWMD``. Remarks carry DOB, identifiers, ``a.k.a.`` names and ``Linked To:`` parties.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

from crawler.parsers.common import ParsedList, decode_text, norm_name
from ontology.countries import country_code
from ontology.records import Identifier, ListEntity, Listing, ListRelation, RowError, stable_id

SDN_COLUMNS = [
    "ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type",
    "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks",
]  # fmt: skip
ADD_COLUMNS = ["ent_num", "Add_num", "Address", "City/State/Postal", "Country", "Add_remarks"]
ALT_COLUMNS = ["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"]

SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "": "Organization"}
AUTHORITY = "US Treasury OFAC"
SOURCE_URL = "https://sanctionslist.ofac.treas.gov/Home/SdnList"

# Remark prefixes that are identifiers: (regex, scheme)
_ID_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:alt\. )?Passport (.+)$"), "passport"),
    (re.compile(r"^(?:alt\. )?National ID No\. (.+)$"), "national_id"),
    (re.compile(r"^(?:alt\. )?Registration (?:ID|Number) (.+)$"), "registration"),
    (re.compile(r"^(?:alt\. )?Tax ID No\. (.+)$"), "tax"),
    (re.compile(r"^(?:alt\. )?Website (.+)$"), "website"),
    (re.compile(r"^(?:alt\. )?Email Address (.+)$"), "email"),
    (re.compile(r"^(?:alt\. )?SSN (.+)$"), "ssn"),
    (re.compile(r"^(?:alt\. )?Cedula No\. (.+)$"), "cedula"),
    (re.compile(r"^(?:alt\. )?Digital Currency Address - (\w+ .+)$"), "crypto_wallet"),
    (re.compile(r"^(?:alt\. )?(?:Vessel Registration Identification|IMO) (.+)$"), "imo"),
    (re.compile(r"^(?:alt\. )?Aircraft Manufacturer.s Serial Number \(MSN\) (.+)$"), "aircraft_msn"),
    (re.compile(r"^(?:alt\. )?Identification Number (.+)$"), "id_number"),
    (re.compile(r"^(?:alt\. )?Company Number (.+)$"), "registration"),
]
_AKA = re.compile(r"^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.+)'$")
_DOB = re.compile(r"^(?:alt\. )?DOB (.+)$")
_LINKED = re.compile(r"^Linked To: (.+)$")
_NATIONALITY = re.compile(r"^(?:alt\. )?(?:nationality|citizen) (.+)$")


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


def parse_ofac(
    sdn: bytes,
    add: bytes | None = None,
    alt: bytes | None = None,
    *,
    names: tuple[str, str, str] = ("sdn.csv", "add.csv", "alt.csv"),
    country_codes: Callable[[str], str | None] | None = None,
    dataset: str = "ofac",
) -> ParsedList:
    """Parse the three legacy files; ADD and ALT rows are attached to their SDN entry by ent_num."""
    result = ParsedList()
    errors = result.errors
    entities: dict[str, ListEntity] = {}
    linked: list[tuple[str, str, str, int]] = []  # (entity id, linked name, file, line)
    for line, row in _rows(sdn, names[0], SDN_COLUMNS, errors):
        ent_num = row[0].strip()
        name = _null(row[1])
        if not name:
            errors.append(RowError(names[0], line, "SDN_Name", "empty name"))
            continue
        schema = SCHEMAS.get(_null(row[2]).lower())
        if schema is None:
            errors.append(RowError(names[0], line, "SDN_Type", f"unknown type {row[2]!r}"))
            continue
        eid = f"{dataset}-{ent_num}"
        remarks = _null(row[11])
        entity = ListEntity(id=eid, schema=schema, name=name, dataset=dataset, source_url=SOURCE_URL)
        programs = split_programs(row[3]) or [""]
        for program in programs:
            entity.listings.append(
                Listing(
                    authority=AUTHORITY,
                    list_code="SDN",
                    program=program,
                    source_url=SOURCE_URL,
                    remarks=remarks,
                )
            )
        for label, col in (("call_sign", 5), ("vessel_flag", 9)):
            if _null(row[col]):
                entity.identifiers.append(Identifier(scheme=label, value=_null(row[col])))
        for part in split_remarks(remarks):
            _apply_remark(entity, part, country_codes, linked, names[0], line)
        entities[ent_num] = entity
    if add:
        for line, row in _rows(add, names[1], ADD_COLUMNS, errors):
            target = entities.get(row[0].strip())
            if target is None:
                errors.append(
                    RowError(names[1], line, "ent_num", f"no SDN entry with ent_num {row[0].strip()}")
                )
                continue
            parts = [_null(row[2]), _null(row[3]), _null(row[4])]
            address = ", ".join(p for p in parts if p)
            if address and address not in target.addresses:
                target.addresses.append(address)
            _add_country(target, _null(row[4]), country_codes)
    if alt:
        for line, row in _rows(alt, names[2], ALT_COLUMNS, errors):
            target = entities.get(row[0].strip())
            if target is None:
                errors.append(
                    RowError(names[2], line, "ent_num", f"no SDN entry with ent_num {row[0].strip()}")
                )
                continue
            alias = _null(row[3])
            if not alias:
                errors.append(RowError(names[2], line, "alt_name", "empty alias"))
                continue
            if alias not in target.aliases:
                target.aliases.append(alias)
    by_name: dict[str, str] = {}
    for e in entities.values():
        by_name.setdefault(norm_name(e.name), e.id)
        for a in e.aliases:
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
    result.entities = list(entities.values())
    return result


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
        if m.group(1) not in entity.aliases:
            entity.aliases.append(m.group(1))
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
    for pattern, scheme in _ID_PATTERNS:
        m = pattern.match(part)
        if m:
            entity.identifiers.append(Identifier(scheme=scheme, value=m.group(1).strip()))
            return

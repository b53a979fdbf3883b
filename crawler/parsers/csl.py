"""trade.gov Consolidated Screening List, bulk JSON and CSV.

``_id`` (JSON ``id``) is the record id: ``entity_number`` is not unique across the 13 source lists.
The list code comes from the ``source`` text, e.g. ``Entity List (EL) - Bureau of Industry and Security``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Any

from crawler.parsers.common import ParsedList, decode_text, iso_date, norm_name
from ontology.countries import country_code
from ontology.identifiers import scheme_for_label, typed_identifier
from ontology.list_meanings import code_for_csl_source
from ontology.names import split_list_boilerplate
from ontology.records import Identifier, ListEntity, Listing, ListRelation, RowError, stable_id

CSV_HEADER = (
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,"
    "standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
    "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
    "dates_of_birth,nationalities,places_of_birth,source_information_url,ids"
).split(",")
SCHEMAS = {
    "entity": "Organization",
    "individual": "Person",
    "vessel": "Vessel",
    "aircraft": "Airplane",
    "": "LegalEntity",
}
_CODE = re.compile(r"\(([A-Z][A-Z-]*)\)")
_LINKED = re.compile(r"Linked To: ([^;]+)")
_SEPARATOR = re.compile(r";\s*(?:and\s+)?")


def list_code(source: str) -> str:
    """``Entity List (EL) - Bureau of Industry and Security`` -> ``EL``.

    A source named in the list-meaning table (ontology/data/list_meanings.csv) gets the table's code
    (``Capta List (CAP) - Treasury Department`` -> ``CAPTA``); others the abbreviation in brackets.
    """
    known = code_for_csl_source(source)
    if known:
        return known
    m = _CODE.search(source)
    return m.group(1) if m else re.sub(r"[^A-Z]", "", source.upper())[:8] or "CSL"


def authority(source: str) -> str:
    return source.split(" - ", 1)[1].strip() if " - " in source else source.strip()


def _split(value: str) -> list[str]:
    return [p.strip() for p in _SEPARATOR.split(value or "") if p.strip()]


def _country(value: str, country_codes: Callable[[str], str | None] | None) -> str | None:
    v = (value or "").strip()
    if re.fullmatch(r"[A-Za-z]{2}", v):
        return v.upper()
    if v:
        code = (country_codes or country_code)(v)
        return code.upper() if code else None
    return None


def _entity(
    rec: dict[str, Any], country_codes: Callable[[str], str | None] | None, dataset: str
) -> ListEntity:
    source = str(rec.get("source") or "")
    code = list_code(source)
    rid = str(rec.get("_id") or rec.get("id") or "").strip()
    remarks_bits = [
        f"{label}: {rec[k]}"
        for k, label in (
            ("federal_register_notice", "FR notice"),
            ("license_requirement", "License requirement"),
            ("license_policy", "License policy"),
            ("remarks", "Remarks"),
        )
        if rec.get(k)
    ]
    name, note = split_list_boilerplate(str(rec.get("name") or "").strip())
    entity = ListEntity(
        id=f"{dataset}-{rid}",
        schema=SCHEMAS.get(str(rec.get("type") or "").strip().lower(), "LegalEntity"),
        name=name,
        name_notes=[note] if note else [],
        dataset=dataset,
        source_url=str(rec.get("source_list_url") or rec.get("source_information_url") or ""),
    )
    for program in rec.get("programs") or [""]:
        entity.listings.append(
            Listing(
                authority=authority(source),
                list_code=code,
                program=str(program),
                start_date=iso_date(str(rec.get("start_date") or "")),
                end_date=iso_date(str(rec.get("end_date") or "")),
                source_url=entity.source_url,
                remarks="; ".join(remarks_bits),
            )
        )
    entity.aliases = []
    for alt in rec.get("alt_names") or []:
        alias, alias_note = split_list_boilerplate(str(alt or "").strip())
        if alias and alias != entity.name and alias not in entity.aliases:
            entity.aliases.append(alias)
        if alias_note and alias_note not in entity.name_notes:
            entity.name_notes.append(alias_note)
    for addr in rec.get("addresses") or []:
        if isinstance(addr, dict):
            parts = [addr.get(k) or "" for k in ("address", "city", "state", "postal_code", "country")]
            text = ", ".join(str(p).strip() for p in parts if str(p).strip())
            cc = _country(str(addr.get("country") or ""), country_codes)
        else:
            text = str(addr).strip()
            tail = text.rsplit(",", 1)[-1] if "," in text else ""
            cc = _country(tail, country_codes)
        if text:
            entity.addresses.append(text)
        if cc and cc not in entity.countries:
            entity.countries.append(cc)
    for key in ("nationalities", "citizenships"):
        for value in rec.get(key) or []:
            cc = _country(str(value), country_codes)
            if cc and cc not in entity.countries:
                entity.countries.append(cc)
    entity.birth_dates = [str(d) for d in rec.get("dates_of_birth") or [] if d]
    for ident in rec.get("ids") or []:
        if isinstance(ident, dict):
            scheme, number = str(ident.get("type") or "id"), str(ident.get("number") or "")
        else:
            bits = [b.strip() for b in str(ident).split(",")]
            scheme, number = bits[0], (bits[1] if len(bits) > 1 else "")
        typed = typed_identifier(scheme_for_label(scheme), number) if number.strip() else None
        if typed is not None and typed.value and Identifier(typed.scheme, typed.value) not in entity.identifiers:
            entity.identifiers.append(Identifier(scheme=typed.scheme, value=typed.value))
    call_sign = typed_identifier("call_sign", str(rec.get("call_sign") or ""))
    if call_sign.value and Identifier(call_sign.scheme, call_sign.value) not in entity.identifiers:
        entity.identifiers.append(Identifier(scheme=call_sign.scheme, value=call_sign.value))
    return entity


def _finish(records: list[tuple[int, dict[str, Any]]], name: str, result: ParsedList,
            country_codes: Callable[[str], str | None] | None, dataset: str) -> ParsedList:  # fmt: skip
    seen: set[str] = set()
    pending_links: list[tuple[str, str, int]] = []
    for line, rec in records:
        rid = str(rec.get("_id") or rec.get("id") or "").strip()
        if not rid:
            result.errors.append(RowError(name, line, "_id", "missing record id"))
            continue
        if not str(rec.get("name") or "").strip():
            result.errors.append(RowError(name, line, "name", "missing name"))
            continue
        if rid in seen:
            result.errors.append(RowError(name, line, "_id", f"duplicate id {rid!r}"))
            continue
        seen.add(rid)
        entity = _entity(rec, country_codes, dataset)
        result.entities.append(entity)
        for m in _LINKED.finditer(str(rec.get("remarks") or "")):
            pending_links.append((entity.id, m.group(1).strip().rstrip("."), line))
    by_name = {norm_name(e.name): e.id for e in result.entities}
    for e in result.entities:
        for a in e.aliases:
            by_name.setdefault(norm_name(a), e.id)
    for eid, other, _line in pending_links:
        target = by_name.get(norm_name(other))
        if target and target != eid:
            result.relations.append(
                ListRelation(
                    id=stable_id("rel", eid, "LinkedTo", target),
                    schema="LinkedTo",
                    source=eid,
                    target=target,
                    dataset=dataset,
                    role="Linked To",
                )  # fmt: skip
            )
    return result


def parse_csl_json(
    data: bytes, name: str = "consolidated.json",
    country_codes: Callable[[str], str | None] | None = None, dataset: str = "csl",
) -> ParsedList:  # fmt: skip
    result = ParsedList()
    try:
        doc = json.loads(decode_text(data, "utf-8"))
    except json.JSONDecodeError as exc:
        result.errors.append(RowError(name, exc.lineno, "", f"not valid JSON: {exc.msg}"))
        return result
    rows = doc.get("results", doc.get("data")) if isinstance(doc, dict) else doc
    if not isinstance(rows, list):
        result.errors.append(
            RowError(name, 1, "results", "no list of records (expected 'results' or a JSON array)")
        )
        return result
    records: list[tuple[int, dict[str, Any]]] = []
    for i, rec in enumerate(rows, start=1):
        if not isinstance(rec, dict):
            result.errors.append(RowError(name, i, "", f"record {i} is not an object"))
            continue
        records.append((i, rec))
    return _finish(records, name, result, country_codes, dataset)


_MULTI = ("programs", "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth")


def parse_csl_csv(
    data: bytes, name: str = "consolidated.csv",
    country_codes: Callable[[str], str | None] | None = None, dataset: str = "csl",
) -> ParsedList:  # fmt: skip
    result = ParsedList()
    reader = csv.reader(io.StringIO(decode_text(data, "utf-8"), newline=""))
    header: list[str] | None = None
    records: list[tuple[int, dict[str, Any]]] = []
    for row in reader:
        line = reader.line_num
        if not row or all(not c.strip() for c in row):
            continue
        if header is None:
            header = [h.strip().lstrip("\ufeff") for h in row]
            missing = [c for c in ("_id", "source", "name") if c not in header]
            if missing:
                result.errors.append(
                    RowError(name, line, missing[0], f"header lacks column(s) {', '.join(missing)}")
                )
                return result
            continue
        if len(row) != len(header):
            col = header[len(row)] if len(row) < len(header) else "(extra)"
            result.errors.append(
                RowError(name, line, col, f"expected {len(header)} columns, found {len(row)}")
            )
            continue
        rec: dict[str, Any] = dict(zip(header, row, strict=True))
        for key in _MULTI:
            rec[key] = _split(rec.get(key, ""))
        rec["addresses"] = _split(rec.get("addresses", ""))
        rec["ids"] = _split(rec.get("ids", ""))
        records.append((line, rec))
    return _finish(records, name, result, country_codes, dataset)

"""OpenSanctions FollowTheMoney entity files (NDJSON: one entity per line, property values are arrays)."""

from __future__ import annotations

import json
from typing import Any

from crawler.parsers.common import ParsedList, decode_text, iso_date
from ontology.countries import country_code
from ontology.identifiers import typed_identifier
from ontology.list_meanings import UNRESOLVED_NONSDN, code_for_list_name, nonsdn_list_for
from ontology.records import Identifier, ListEntity, Listing, ListRelation, RowError

ENTITY_SCHEMAS = {"Person", "Company", "Organization", "LegalEntity", "PublicBody", "Vessel", "Airplane"}
# relation schema -> (source property, target property)
RELATION_SCHEMAS = {
    "Ownership": ("owner", "asset"),
    "Directorship": ("director", "organization"),
    "Associate": ("person", "associate"),
    "Family": ("person", "relative"),
    "UnknownLink": ("subject", "object"),
    "Employment": ("employee", "employer"),
    "Membership": ("member", "organization"),
}
IDENTIFIER_PROPS = {
    "registrationNumber": "registration", "taxNumber": "tax", "vatCode": "tax", "leiCode": "lei",
    "innCode": "inn", "ogrnCode": "ogrn", "imoNumber": "imo", "mmsi": "mmsi", "callSign": "call_sign",
    "website": "website", "email": "email", "idNumber": "id_number", "passportNumber": "passport",
    "swiftBic": "bic", "isinCode": "isin", "dunsCode": "duns",
    "socialSecurityNumber": "ssn",
}  # fmt: skip
"""FollowTheMoney identifier properties (followthemoney schema: LegalEntity, Company, Person, Vessel) -> scheme of
ontology.identifiers; values are stored normalized for their scheme."""
IMPORTED_SCHEMAS = frozenset(ENTITY_SCHEMAS | set(RELATION_SCHEMAS) | {"Sanction", "Address"})
COUNTRY_PROPS = ("country", "jurisdiction", "nationality", "citizenship", "mainCountry")
PROGRAM_CODES = {
    "entity list": "EL", "specially designated nationals": "SDN", "military end user": "MEU",
    "unverified list": "UVL", "denied persons list": "DPL",
}  # fmt: skip


def _first(props: dict[str, list[str]], key: str) -> str:
    values = props.get(key) or []
    return str(values[0]).strip() if values else ""


def _program_code(props: dict[str, list[str]]) -> str:
    """The list code of a Sanction: ``programId`` or ``program`` as a list the list-meaning table knows
    (``Non-SDN Chinese Military-Industrial Complex Companies List`` -> CMIC, ``CMIC-EO13959`` -> CMIC), else as given."""
    program_id = _first(props, "programId")
    program = _first(props, "program")
    for text in (program_id, program):
        code = PROGRAM_CODES.get(text.lower()) or code_for_list_name(text)
        if code:
            return code
    if program and nonsdn_list_for(program) != UNRESOLVED_NONSDN:
        return nonsdn_list_for(program)
    if program_id:
        return program_id
    return program.upper()[:16] if program else "SANCTION"


def parse_ftm(data: bytes, name: str = "entities.ftm.json", dataset: str = "opensanctions") -> ParsedList:
    """Entities, relations (Ownership, Directorship, ...), sanctions as listings, addresses resolved.

    A row of a schema this parser does not import (:data:`IMPORTED_SCHEMAS`) is a rejected row naming the
    schema, never dropped silently. A reference to an id that is not in the file is a warning
    (``ParsedList.warnings``), not a rejected row: the row is kept (an address it cannot resolve is left
    out; a relation is kept for the graph load, which links it if the other end is already loaded); only a
    sanction for an entity not in the file cannot be attached and is left out, with its warning.
    """
    result = ParsedList()
    rows: list[tuple[int, dict[str, Any]]] = []
    # JSON lines end at "\n" only: str.splitlines() would also split at \x0c, \x1c or U+2028 inside a string value
    for line_no, line in enumerate(decode_text(data, "utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            result.errors.append(RowError(name, line_no, "", f"not valid JSON: {exc.msg}"))
            continue
        if not isinstance(obj, dict) or not obj.get("id") or not obj.get("schema"):
            result.errors.append(
                RowError(name, line_no, "id" if isinstance(obj, dict) else "", "entity without id or schema")
            )
            continue
        props = obj.get("properties") or {}
        if not isinstance(props, dict) or any(not isinstance(v, list) for v in props.values()):
            result.errors.append(RowError(name, line_no, "properties", "properties must map names to arrays"))
            continue
        if obj["schema"] not in IMPORTED_SCHEMAS:
            result.errors.append(
                RowError(name, line_no, "schema", f"{obj['id']}: schema {str(obj['schema'])[:60]!r} is not imported "
                         f"(imported: {', '.join(sorted(IMPORTED_SCHEMAS))})")
            )  # fmt: skip
            continue
        rows.append((line_no, obj))
    addresses = {
        o["id"]: _first(o["properties"], "full")
        or ", ".join(
            _first(o["properties"], k)
            for k in ("street", "city", "postalCode", "country")
            if _first(o["properties"], k)
        )
        for _, o in rows
        if o["schema"] == "Address"
    }
    entities: dict[str, ListEntity] = {}
    for line_no, o in rows:
        if o["schema"] not in ENTITY_SCHEMAS:
            continue
        eprops: dict[str, list[str]] = o["properties"]
        names = [str(n) for n in eprops.get("name", []) if str(n).strip()]
        if not names and not o.get("caption"):
            result.errors.append(RowError(name, line_no, "name", f"{o['id']}: entity without a name"))
            continue
        e = ListEntity(
            id=str(o["id"]),
            schema=str(o["schema"]),
            name=names[0] if names else str(o["caption"]),
            dataset=dataset,
            aliases=names[1:] + [str(a) for k in ("alias", "previousName") for a in eprops.get(k, [])],
            weak_aliases=[str(a) for a in eprops.get("weakAlias", [])],
            birth_dates=[str(d) for d in eprops.get("birthDate", [])],
            source_url=_first(eprops, "sourceUrl"),
        )
        for k in COUNTRY_PROPS:
            for c in eprops.get(k, []):
                code = country_code(str(c))  # FtM codes ("ru", "ua-cri" -> UA); "zz"/"suhh" -> None
                if code and code not in e.countries:
                    e.countries.append(code)
        for prop, scheme in IDENTIFIER_PROPS.items():
            for v in eprops.get(prop, []):
                typed = typed_identifier(scheme, str(v))
                if typed.value and Identifier(typed.scheme, typed.value) not in e.identifiers:
                    e.identifiers.append(Identifier(scheme=typed.scheme, value=typed.value))
        e.addresses += [str(a) for a in eprops.get("address", [])]
        for ref in eprops.get("addressEntity", []):
            if ref in addresses:
                if addresses[ref] and addresses[ref] not in e.addresses:
                    e.addresses.append(addresses[ref])
            else:
                result.warnings.append(
                    RowError(name, line_no, "addressEntity", f"{o['id']}: address {ref!r} is not in the file")
                )
        entities[e.id] = e
    for line_no, o in rows:
        schema, props = o["schema"], o["properties"]
        if schema == "Sanction":
            target = entities.get(_first(props, "entity"))
            if target is None:
                result.warnings.append(
                    RowError(
                        name,
                        line_no,
                        "entity",
                        f"{o['id']}: sanction of entity {_first(props, 'entity')!r}, which is not in the file "
                        "(not attached)",
                    )
                )
                continue
            target.listings.append(
                Listing(
                    authority=_first(props, "authority"),
                    list_code=_program_code(props),
                    program=_first(props, "program"),
                    start_date=iso_date(_first(props, "startDate")),
                    end_date=iso_date(_first(props, "endDate")),
                    source_url=_first(props, "sourceUrl"),
                    remarks=_first(props, "reason") or _first(props, "summary"),
                )
            )
        elif schema in RELATION_SCHEMAS:
            src_prop, dst_prop = RELATION_SCHEMAS[schema]
            src, dst = _first(props, src_prop), _first(props, dst_prop)
            if not src or not dst:
                prop = src_prop if not src else dst_prop
                result.errors.append(RowError(name, line_no, prop, f"{o['id']}: {schema} without {prop}"))
                continue
            for prop, value in ((src_prop, src), (dst_prop, dst)):
                if value not in entities:
                    result.warnings.append(
                        RowError(name, line_no, prop, f"{o['id']}: {schema} refers to {value!r}, not in the file")
                    )
            share: float | None = None
            pct = _first(props, "percentage")
            if pct:
                try:
                    share = float(pct.rstrip("%"))
                except ValueError:
                    result.errors.append(
                        RowError(name, line_no, "percentage", f"{o['id']}: not a number: {pct!r}")
                    )
            result.relations.append(
                ListRelation(
                    id=str(o["id"]),
                    schema=schema,
                    source=src,
                    target=dst,
                    dataset=dataset,
                    role=_first(props, "role") or _first(props, "relationship"),
                    share=share,
                    start_date=iso_date(_first(props, "startDate")),
                    end_date=iso_date(_first(props, "endDate")),
                )  # fmt: skip
            )
    result.entities = list(entities.values())
    result.errors.sort(key=lambda e: e.line)
    result.warnings.sort(key=lambda e: e.line)
    return result

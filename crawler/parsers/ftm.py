"""OpenSanctions FollowTheMoney entity files (NDJSON: one entity per line, property values are arrays)."""

from __future__ import annotations

import json
from typing import Any

from crawler.parsers.common import ParsedList, decode_text, iso_date
from ontology.countries import country_code
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
    "registrationNumber": "registration", "taxNumber": "tax", "leiCode": "lei", "innCode": "inn",
    "ogrnCode": "ogrn", "imoNumber": "imo", "website": "website", "email": "email",
    "idNumber": "id_number", "passportNumber": "passport", "swiftBic": "swift",
}  # fmt: skip
COUNTRY_PROPS = ("country", "jurisdiction", "nationality", "citizenship", "mainCountry")
PROGRAM_CODES = {
    "entity list": "EL", "specially designated nationals": "SDN", "military end user": "MEU",
    "unverified list": "UVL", "denied persons list": "DPL",
}  # fmt: skip


def _first(props: dict[str, list[str]], key: str) -> str:
    values = props.get(key) or []
    return str(values[0]).strip() if values else ""


def _program_code(props: dict[str, list[str]]) -> str:
    program_id = _first(props, "programId")
    if program_id:
        return program_id
    program = _first(props, "program")
    return PROGRAM_CODES.get(program.lower(), program.upper()[:16] if program else "SANCTION")


def parse_ftm(data: bytes, name: str = "entities.ftm.json", dataset: str = "opensanctions") -> ParsedList:
    """Entities, relations (Ownership, Directorship, ...), sanctions as listings, addresses resolved.

    References to ids not in the file are reported as RowError and the referring row is skipped.
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
            aliases=names[1:]
            + [str(a) for k in ("alias", "weakAlias", "previousName") for a in eprops.get(k, [])],
            birth_dates=[str(d) for d in eprops.get("birthDate", [])],
            source_url=_first(eprops, "sourceUrl"),
        )
        for k in COUNTRY_PROPS:
            for c in eprops.get(k, []):
                code = country_code(str(c))  # FtM codes ("ru", "ua-cri" -> UA); "zz"/"suhh" -> None
                if code and code not in e.countries:
                    e.countries.append(code)
        for prop, scheme in IDENTIFIER_PROPS.items():
            e.identifiers += [Identifier(scheme=scheme, value=str(v)) for v in eprops.get(prop, [])]
        e.addresses += [str(a) for a in eprops.get("address", [])]
        for ref in eprops.get("addressEntity", []):
            if ref in addresses:
                if addresses[ref] and addresses[ref] not in e.addresses:
                    e.addresses.append(addresses[ref])
            else:
                result.errors.append(
                    RowError(name, line_no, "addressEntity", f"{o['id']}: unknown address id {ref!r}")
                )
        entities[e.id] = e
    for line_no, o in rows:
        schema, props = o["schema"], o["properties"]
        if schema == "Sanction":
            target = entities.get(_first(props, "entity"))
            if target is None:
                result.errors.append(
                    RowError(
                        name,
                        line_no,
                        "entity",
                        f"{o['id']}: sanction refers to unknown entity {_first(props, 'entity')!r}",
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
            missing = [(p, v) for p, v in ((src_prop, src), (dst_prop, dst)) if v not in entities]
            if missing:
                prop, value = missing[0]
                result.errors.append(
                    RowError(name, line_no, prop, f"{o['id']}: {schema} refers to unknown entity {value!r}")
                )
                continue
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
    return result

"""OpenSanctions FollowTheMoney entity files (NDJSON: one entity per line, property values are arrays)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
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
    "socialSecurityNumber": "ssn", "uscCode": "uscc", "irsCode": "tax", "voenCode": "tax", "uniqueEntityId": "uei",
    "cikCode": "cik", "bikCode": "bik", "npiCode": "npi", "bvdId": "bvd", "licenseNumber": "license",
}  # fmt: skip
"""FollowTheMoney identifier properties (followthemoney schema: LegalEntity, Company, Person, Vessel; uscCode, irsCode,
voenCode, uniqueEntityId... from LegalEntity.yaml and Company.yaml) -> scheme of
ontology.identifiers; values are stored normalized for their scheme."""
IMPORTED_SCHEMAS = frozenset(ENTITY_SCHEMAS | set(RELATION_SCHEMAS) | {"Sanction", "Address"})
COUNTRY_PROPS = ("country", "jurisdiction", "nationality", "citizenship", "mainCountry")
PROGRAM_CODES = {
    "entity list": "EL", "specially designated nationals": "SDN", "military end user": "MEU",
    "unverified list": "UVL", "denied persons list": "DPL",
}  # fmt: skip


LISTING_TOPICS = frozenset({"sanction", "sanction.counter", "debarment", "export.control"})
"""FtM topics (followthemoney's topic registry) that say an entity is itself on a sanctions, debarment or
export-control list. An entity carrying one without a Sanction record in the file (a filtered or nested export)
is still a listed entity, so it is screened; ``sanction.linked`` (linked to a listed party) and ``export.risk`` are
not listings of their own."""


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


LineSource = Callable[[], Iterable[bytes]]
"""A source that can be read more than once: each call yields the file's lines (bytes, "\\n" kept or not)."""


def file_lines(path: Path) -> LineSource:
    """The lines of a file on disk, read lazily each time (the file is never held in memory)."""

    def lines() -> Iterator[bytes]:
        with open(path, "rb") as fh:
            yield from fh

    return lines


def _decode_line(raw: bytes, first: bool) -> str:
    if first and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_text(raw, "utf-8")
    return text.replace("\x00", "") if "\x00" in text else text


def _address_text(props: dict[str, list[str]]) -> str:
    return _first(props, "full") or ", ".join(
        _first(props, k) for k in ("street", "city", "postalCode", "country") if _first(props, k)
    )


class FtmReader:
    """Reads an FtM file in two streaming passes, so memory grows with the number of entities' ids,
    addresses and sanctions, never with the file.

    Pass one (:meth:`scan`) checks every line, keeps Address texts, the ids of named entities, Sanctions
    (as listings, by entity id) and relations (checked against the ids once the pass is done). Pass two
    (:meth:`entities`) yields the entities in file order with their addresses and listings. Rejected rows are
    :class:`RowError` rows in :attr:`errors`, warnings in :attr:`warnings` (both unsorted until both passes are
    done), with the rules of :func:`parse_ftm`: a row of a schema not imported (:data:`IMPORTED_SCHEMAS`) is a
    rejected row naming the schema; a reference to an id that is not in the file is a warning (an address left
    out, a relation kept; a sanction for an entity not in the file is not attached).
    """

    def __init__(self, lines: LineSource, name: str = "entities.ftm.json", dataset: str = "opensanctions") -> None:
        self.lines = lines
        self.name = name
        self.dataset = dataset
        self.errors: list[RowError] = []
        self.warnings: list[RowError] = []
        self.relations: list[ListRelation] = []
        self.entity_count = 0
        self._addresses: dict[str, str] = {}
        self._entity_ids: dict[str, int] = {}  # id -> line of its last definition (a later line wins)
        self._entity_lines: set[int] = set()  # lines of named entities: the only lines pass two reads
        self._listings: dict[str, list[Listing]] = {}

    def _rows(self, report: bool, only: set[int] | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
        """(line number, entity) of every well-formed line (of the lines in ONLY, if given); malformed lines
        are errors when REPORT."""
        name = self.name
        for line_no, raw in enumerate(self.lines(), start=1):
            if only is not None and line_no not in only:
                continue
            # JSON lines end at "\n" only: str.splitlines() would also split at \x0c, \x1c or U+2028 in a value
            line = _decode_line(raw, line_no == 1)
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                if report:
                    self.errors.append(RowError(name, line_no, "", f"not valid JSON: {exc.msg}"))
                continue
            if not isinstance(obj, dict) or not obj.get("id") or not obj.get("schema"):
                if report:
                    self.errors.append(
                        RowError(name, line_no, "id" if isinstance(obj, dict) else "", "entity without id or schema")
                    )
                continue
            props = obj.get("properties") or {}
            if not isinstance(props, dict) or any(not isinstance(v, list) for v in props.values()):
                if report:
                    self.errors.append(RowError(name, line_no, "properties", "properties must map names to arrays"))
                continue
            if obj["schema"] not in IMPORTED_SCHEMAS:
                if report:
                    self.errors.append(
                        RowError(name, line_no, "schema", f"{obj['id']}: schema {str(obj['schema'])[:60]!r} is not "
                                 f"imported (imported: {', '.join(sorted(IMPORTED_SCHEMAS))})")
                    )  # fmt: skip
                continue
            obj["properties"] = props
            yield line_no, obj

    def scan(self) -> None:
        """Pass one: check every line; keep what pass two and the relations need."""
        name = self.name
        sanctions: list[tuple[int, dict[str, Any]]] = []
        relations: list[tuple[int, dict[str, Any]]] = []
        for line_no, o in self._rows(report=True):
            schema, props = o["schema"], o["properties"]
            if schema == "Address":
                self._addresses[o["id"]] = _address_text(props)
            elif schema in ENTITY_SCHEMAS:
                names = [n for n in props.get("name", []) if str(n).strip()]
                if not names and not o.get("caption"):
                    self.errors.append(RowError(name, line_no, "name", f"{o['id']}: entity without a name"))
                    continue
                self._entity_ids[str(o["id"])] = line_no
                self._entity_lines.add(line_no)
            elif schema == "Sanction":
                sanctions.append((line_no, {"id": o["id"], "properties": props}))
            elif schema in RELATION_SCHEMAS:
                relations.append((line_no, {"id": o["id"], "schema": schema, "properties": props}))
        for line_no, o in sanctions:
            self._sanction(line_no, o)
        for line_no, o in relations:
            self._relation(line_no, o)
        self.entity_count = len(self._entity_ids)

    def _sanction(self, line_no: int, o: dict[str, Any]) -> None:
        props = o["properties"]
        target = _first(props, "entity")
        if target not in self._entity_ids:
            self.warnings.append(
                RowError(self.name, line_no, "entity",
                         f"{o['id']}: sanction of entity {target!r}, which is not in the file (not attached)")
            )  # fmt: skip
            return
        self._listings.setdefault(target, []).append(
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

    def _relation(self, line_no: int, o: dict[str, Any]) -> None:
        schema, props = o["schema"], o["properties"]
        src_prop, dst_prop = RELATION_SCHEMAS[schema]
        src, dst = _first(props, src_prop), _first(props, dst_prop)
        if not src or not dst:
            prop = src_prop if not src else dst_prop
            self.errors.append(RowError(self.name, line_no, prop, f"{o['id']}: {schema} without {prop}"))
            return
        for prop, value in ((src_prop, src), (dst_prop, dst)):
            if value not in self._entity_ids:
                self.warnings.append(
                    RowError(self.name, line_no, prop, f"{o['id']}: {schema} refers to {value!r}, not in the file")
                )
        share: float | None = None
        pct = _first(props, "percentage")
        if pct:
            try:
                share = float(pct.rstrip("%"))
            except ValueError:
                self.errors.append(RowError(self.name, line_no, "percentage", f"{o['id']}: not a number: {pct!r}"))
        self.relations.append(
            ListRelation(
                id=str(o["id"]),
                schema=schema,
                source=src,
                target=dst,
                dataset=self.dataset,
                role=_first(props, "role") or _first(props, "relationship"),
                share=share,
                start_date=iso_date(_first(props, "startDate")),
                end_date=iso_date(_first(props, "endDate")),
            )  # fmt: skip
        )

    def entities(self, skip: int = 0) -> Iterator[ListEntity]:
        """Pass two: the entities in file order, addresses and listings attached (after :meth:`scan`).

        ``skip`` passes over the first SKIP entities without building them (resuming a stored import);
        their warnings are still reported.
        """
        seen = 0
        for line_no, o in self._rows(report=False, only=self._entity_lines):
            if o["schema"] not in ENTITY_SCHEMAS or str(o["id"]) not in self._entity_ids:
                continue
            eprops: dict[str, list[str]] = o["properties"]
            if not [n for n in eprops.get("name", []) if str(n).strip()] and not o.get("caption"):
                continue  # reported in pass one
            for ref in eprops.get("addressEntity", []):
                if ref not in self._addresses:
                    self.warnings.append(
                        RowError(self.name, line_no, "addressEntity", f"{o['id']}: address {ref!r} is not in the file")
                    )
            if self._entity_ids[str(o["id"])] != line_no:
                continue  # defined again further down: the later definition wins
            seen += 1
            if seen <= skip:
                continue
            yield self._entity(o, eprops)

    def _entity(self, o: dict[str, Any], eprops: dict[str, list[str]]) -> ListEntity:
        names = [str(n) for n in eprops.get("name", []) if str(n).strip()]
        e = ListEntity(
            id=str(o["id"]),
            schema=str(o["schema"]),
            name=names[0] if names else str(o["caption"]),
            dataset=self.dataset,
            aliases=names[1:] + [str(a) for k in ("alias", "previousName") for a in eprops.get(k, [])],
            # an Organization's acronym ("CNOOC") is screened like a weak alias: a match only when it is the very
            # name screened, never as a word inside a longer name
            weak_aliases=[str(a) for k in ("weakAlias", "abbreviation") for a in eprops.get(k, [])],
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
            text = self._addresses.get(ref)
            if text and text not in e.addresses:
                e.addresses.append(text)
        e.listings = list(self._listings.get(e.id, []))
        topics = [str(t) for t in eprops.get("topics", []) if str(t) in LISTING_TOPICS]
        if not e.listings and topics:
            datasets = [str(d) for d in o.get("datasets") or [] if str(d).strip()]
            e.listings.append(
                Listing(
                    authority=", ".join(datasets) or self.dataset,
                    list_code="SANCTION",
                    source_url=e.source_url,
                    remarks=f"listed by the entity's FtM topic {', '.join(topics)}; no Sanction record in the "
                            "file: read the source list for the measure",
                )
            )
        return e


def parse_ftm(data: bytes, name: str = "entities.ftm.json", dataset: str = "opensanctions") -> ParsedList:
    """Entities, relations (Ownership, Directorship, ...), sanctions as listings, addresses resolved.

    A row of a schema this parser does not import (:data:`IMPORTED_SCHEMAS`) is a rejected row naming the
    schema, never dropped silently. A reference to an id that is not in the file is a warning
    (``ParsedList.warnings``), not a rejected row: the row is kept (an address it cannot resolve is left
    out; a relation is kept for the graph load, which links it if the other end is already loaded); only a
    sanction for an entity not in the file cannot be attached and is left out, with its warning. For files
    too large to hold in memory, use :class:`FtmReader` over :func:`file_lines`.
    """
    reader = FtmReader(lambda: data.split(b"\n"), name, dataset)
    reader.scan()
    result = ParsedList(
        entities=list(reader.entities()), relations=reader.relations, errors=reader.errors, warnings=reader.warnings
    )
    result.errors.sort(key=lambda e: e.line)
    result.warnings.sort(key=lambda e: e.line)
    return result

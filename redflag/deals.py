"""Transactions (deals): parse CSV/JSON with validation, and write them into the graph.

Every validation error names the row and the column; a file with any error writes nothing.
A party given by a name the graph does not know is created and marked ``unscreened``.
Countries (destination, transit) are names or codes resolved by the project's country authority
(:mod:`ontology.countries`); free-trade zones are looked up in :mod:`ontology.free_trade_zones` and keep their own
country: a deal to Russia through the Jebel Ali Free Zone transits the United Arab Emirates, not Russia.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import process as rf_process

from graph.queries import q
from graph.store import GraphStore, NodeRecord, RelRecord
from ontology.countries import country_code, country_name
from ontology.free_trade_zones import find_free_trade_zone
from ontology.names import normalize_name
from ontology.records import RowError, stable_id

PARTY_ROLES = ("exporter", "customer", "consignee", "intermediary", "freight_forwarder", "end_user", "payer")
SAFEGUARDS = ("use_limits", "termination", "update_denial", "remote_disable", "binds_end_user")
"""Contract safeguards a deal records (yes/no; empty is no). The first four are the clauses the State Department
guidance recommends; ``binds_end_user`` says they bind the end-user too when the contract is with an intermediary
(the distributor's own contract with the end-user passes them on)."""
SUPPORT = ("active", "ended", "none")
STATUSES = ("draft", "pending", "proposed", "approved", "shipped", "refused", "cancelled")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CSV_COLUMNS = ("id", "title", *PARTY_ROLES, "items", "destination", "transit_countries", "free_trade_zones",
               "order_date", "ship_date", "status", *SAFEGUARDS, "support_status", "declared_end_use")
"""Every column a deals CSV may have (docs/DEALS.md); any other column is an error, never silently ignored."""
_FORMULA_START = ("=", "+", "@")
"""A party name starting with one of these reads as a spreadsheet formula (OWASP CSV injection): imported as text
(every CSV the tool writes prefixes it, ``ontology.neutralize.csv_cell``) with a warning (:func:`formula_warnings`)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MAX_FIELD_CHARS = 2000
"""Longest text accepted in one deal field (ids, names, titles, declared end use), in characters."""
_ZONE_WITH_COUNTRY = re.compile(r"^(?P<zone>.+?)\s*\((?P<country>[^()]+)\)\s*$")  # "Some Free Zone (AE)"

FIND_ENTITY_BY_ID = q(
    "deals.find_entity_by_id", "MATCH (e:Entity {id: $ref}) RETURN e.id AS id, e.name AS name", "ref"
)
FIND_ENTITY_BY_NAME = q(
    "deals.find_entity_by_name",
    "MATCH (e:Entity {name_norm: $norm}) WHERE e.status = 'curated' AND NOT 'extracted' IN coalesce(e.origin, []) "
    "RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT 1",
    "norm",
)
FIND_OTHER_RECORDS_BY_NAME = q(
    "deals.find_other_records_by_name",
    "MATCH (e:Entity {name_norm: $norm}) WHERE e.id <> $id "
    "AND (e.status <> 'curated' OR 'extracted' IN coalesce(e.origin, [])) "
    "OPTIONAL MATCH (e)-[:LOCATED_IN]->(c:Country) "
    "WITH e, collect(c.id) AS located "
    "RETURN e.id AS id, e.name AS name, e.status AS status, coalesce(e.countries, []) + located AS countries "
    "ORDER BY id",
    "norm",
    "id",
)
EXISTING_ITEMS = q("deals.existing_items", "MATCH (i:Item) WHERE i.id IN $ids RETURN i.id AS id", "ids")
REGISTERED_ITEMS = q(
    "deals.registered_items",
    "MATCH (i:Item) WHERE i.registered = true RETURN i.id AS id, i.name AS name ORDER BY i.id",
)
STORED_PARTIES = q(
    "deals.stored_parties",
    "MATCH (t:Transaction)-[r:HAS_PARTY]->(e:Entity) WHERE t.id IN $ids "
    "RETURN t.id AS deal, r.role AS role, e.id AS id, e.name AS name ORDER BY deal, role, id",
    "ids",
)
CLEAR_DEAL_LINKS = q(
    "deals.clear_links",
    "MATCH (t:Transaction {id: $id})-[r:HAS_PARTY|INCLUDES|DESTINED_FOR|TRANSITS]->() DELETE r",
    "id",
    write=True,
)


class DealValidationError(ValueError):
    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        lines = [f"{e.source} row {e.line}, column {e.field}: {e.reason}" for e in errors[:20]]
        more = f" (and {len(errors) - 20} more)" if len(errors) > 20 else ""
        super().__init__("; ".join(lines) + more)


class DealPartiesDropped(DealValidationError):
    """A file would remove parties a stored deal has (a column left out, a cell emptied): refused, nothing written,
    unless the import is told to replace (``replace=True``, the CLI's ``--replace``)."""


@dataclass
class PartyChange:
    """How one role of a deal already stored changes on import: ``added``, ``removed`` (the role loses parties
    and gains none: refused without ``replace``) or ``changed`` (parties replaced by others). Names as stored
    (before) and as given or resolved (after)."""

    deal: str
    line: int
    role: str
    kind: str
    before: list[str]
    after: list[str]

    def text(self) -> str:
        def names(xs: list[str]) -> str:
            return ", ".join(repr(x[:80]) for x in xs)

        if self.kind == "added":
            return f"deal {self.deal}: {self.role} added {names(self.after)}"
        if self.kind == "removed":
            return f"deal {self.deal}: {self.role} removed {names(self.before)}"
        return f"deal {self.deal}: {self.role} changed {names(self.before)} -> {names(self.after)}"


@dataclass
class DealChange:
    """What importing one deal does: ``new`` (not stored before), or the party changes of a stored deal (empty:
    its parties are unchanged)."""

    deal: str
    line: int
    new: bool
    parties: list[PartyChange] = field(default_factory=list)

    def lines(self) -> list[str]:
        if self.new:
            return [f"deal {self.deal}: new"]
        if not self.parties:
            return [f"deal {self.deal}: already stored; parties unchanged"]
        return [c.text() for c in self.parties]


@dataclass
class PartyMatch:
    """What one deal party given in a deals file was resolved to during import.

    ``how``: ``id`` (the file gave an entity id), ``name`` (a curated entity of that name: confirmed the same),
    or ``new`` (no curated entity: created ``unscreened``). ``candidates``: other records of the same name (for
    example an agency extracted from reports) linked to the party as candidate duplicates (POSSIBLY_SAME_AS, method
    ``deal-import``), never as confirmed: a name alone does not prove identity.
    """

    deal: str
    role: str
    ref: str
    entity: str
    how: str
    candidates: list[tuple[str, str]] = field(default_factory=list)  # (entity id, name)


@dataclass
class PartyRef:
    role: str
    ref: str  # an entity id, or a name


@dataclass
class ItemRef:
    item: str
    quantity: float | None = None
    unit: str = ""


@dataclass
class Deal:
    id: str
    title: str
    parties: list[PartyRef]
    items: list[ItemRef]
    destination: str
    transit_countries: list[str] = field(default_factory=list)
    free_trade_zones: list[str] = field(default_factory=list)
    free_trade_zone_countries: list[str] = field(default_factory=list)  # the country of each zone, same order
    order_date: str | None = None
    ship_date: str | None = None
    status: str = "proposed"
    safeguards: dict[str, bool] = field(default_factory=dict)
    support_status: str = "none"
    declared_end_use: str = ""
    line: int = 0  # where the deal stands in its file (CSV line, or position in a JSON list); 0 if not from a file
    columns: tuple[str, ...] | None = None  # the party-role columns of its CSV file; None for JSON or a form


def _bool(value: Any, where: tuple[str, int, str], errors: list[RowError]) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "true", "1", "y"):
        return True
    if text in ("no", "false", "0", "n", ""):
        return False
    errors.append(RowError(where[0], where[1], where[2], f"expected yes/no, got {str(value)[:40]!r}"))
    return False


def _list(value: Any, col: str, err: Callable[[str, str], None]) -> list[Any]:
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        err(col, f"expected a list, found {type(value).__name__}")
        return []
    return value


def _object(value: Any, col: str, err: Callable[[str, str], None]) -> dict[str, Any]:
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        err(col, f"expected an object, found {type(value).__name__}")
        return {}
    return value


def _objects(value: Any, col: str, what: str, err: Callable[[str, str], None]) -> list[dict[str, Any]]:
    out = []
    for i, v in enumerate(_list(value, col, err), start=1):
        if isinstance(v, dict):
            out.append(v)
        else:
            err(col, f"{what} {i} must be an object, found {type(v).__name__}")
    return out


def _date_problem(value: str) -> str | None:
    """Why ``value`` is not a calendar date written YYYY-MM-DD (ISO 8601), or None if it is one."""
    if not _DATE.match(value):
        return f"{value[:20]!r} is not a date (YYYY-MM-DD)"
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        return f"{value!r} is not a real date ({exc})"
    return None


def _too_long(raw: dict[str, Any], err: Callable[[str, str], None]) -> None:
    """Every text field of a deal, parties and items included, is at most MAX_FIELD_CHARS long."""

    def walk(value: Any, col: str) -> None:
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            err(col, f"{len(value)} characters; at most {MAX_FIELD_CHARS} are accepted")
        elif isinstance(value, dict):
            for v in value.values():
                walk(v, col)
        elif isinstance(value, list):
            for v in value:
                walk(v, col)

    for key, value in raw.items():
        walk(value, str(key))
def _zone(text: str, err: Callable[[str, str], None]) -> tuple[str, str] | None:
    """(zone name, its country) for a known zone ("JAFZA") or a zone given with its country ("X Free Zone (AE)")."""
    m = _ZONE_WITH_COUNTRY.match(text)
    given = country_code(m.group("country")) if m else None
    known = find_free_trade_zone(m.group("zone") if m and given else text)
    if known is not None:
        if given is not None and given != known.country:
            err("free_trade_zones", f"{text[:60]!r}: {known.name} is in {known.country}, not {given}")
            return None
        return known.name, known.country
    if m and given:
        return m.group("zone").strip(), given
    err("free_trade_zones", f"unknown free-trade zone {text[:60]!r}: give its country as 'NAME (COUNTRY)' "
        "(known zones: ontology/data/free_trade_zones.csv)")  # fmt: skip
    return None


def _route_stops(deal: Deal) -> list[tuple[str, str]]:
    """Transit stops in order as (country, free-trade zones ';'-joined): each zone at a stop in its own country.

    A zone whose country is not among the transit countries adds a stop for that country, before the destination
    when the route ends there (the goods pass the zone on their way), else at the end.
    """
    zones: dict[str, list[str]] = {}
    for name, country in zip(deal.free_trade_zones, deal.free_trade_zone_countries, strict=True):
        zones.setdefault(country, []).append(name)
    stops = list(deal.transit_countries)
    for country in zones:
        if country not in stops:
            at = len(stops) - 1 if stops and stops[-1] == deal.destination else len(stops)
            stops.insert(at, country)
    out: list[tuple[str, str]] = []
    for c in stops:
        out.append((c, ";".join(zones.pop(c, []))))  # the zones go with the first stop in their country
    return out


def _validate(raw: dict[str, Any], source: str, line: int, errors: list[RowError]) -> Deal | None:
    n = len(errors)

    def err(col: str, reason: str) -> None:
        errors.append(RowError(source, line, col, reason))

    _too_long(raw, err)
    if len(errors) > n:
        return None

    deal_id = str(raw.get("id") or "").strip()
    if not deal_id:
        err("id", "missing deal id")
    elif len(deal_id) > 200:
        err("id", "deal id longer than 200 characters")
    elif _CONTROL.search(deal_id):
        err("id", f"deal id {deal_id[:40]!r} holds a control character (a terminal escape or line break)")
    parties: list[PartyRef] = []
    for p in _objects(raw.get("parties"), "parties", "party", err):
        role = str(p.get("role", "")).strip()
        ref = str(p.get("party", "") or p.get("name", "")).strip()
        if role not in PARTY_ROLES:
            err("parties", f"unknown role {role[:40]!r} (allowed: {', '.join(PARTY_ROLES)})")
        elif not ref:
            err(role, "empty party")
        elif _CONTROL.search(ref):
            err(role, f"party {ref[:40]!r} holds a control character (a terminal escape or line break): not a name")
        else:
            parties.append(PartyRef(role, ref))
    if not any(p.role == "exporter" for p in parties):
        err("exporter", "every deal needs an exporter")
    if not any(p.role in ("end_user", "customer") for p in parties):
        err("end_user", "every deal needs a customer or an end-user")
    items: list[ItemRef] = []
    for it in _objects(raw.get("items"), "items", "item", err):
        name = str(it.get("item", "")).strip()
        if not name:
            err("items", "empty item reference")
            continue
        qty = it.get("quantity")
        try:
            quantity = float(qty) if qty not in (None, "") else None
        except (TypeError, ValueError):
            err("items", f"quantity {str(qty)[:20]!r} of {name[:40]!r} is not a number")
            quantity = None
        if quantity is not None and (not math.isfinite(quantity) or quantity <= 0):
            err("items", f"quantity {str(qty)[:20]!r} of {name[:40]!r} must be a positive number")
            quantity = None
        items.append(ItemRef(name, quantity, str(it.get("unit", ""))))
    if not items:
        err("items", "every deal needs at least one item")
    dest_raw = str(raw.get("destination", "")).strip()
    dest = country_code(dest_raw) or ""
    if not dest:
        err("destination", f"{dest_raw[:40]!r} is not a known country (a name or an ISO 3166 code)")
    route = _object(raw.get("route"), "route", err)
    transit = []
    for c in _list(route.get("transit_countries"), "transit_countries", err):
        if str(c).strip():
            code = country_code(str(c))
            if code is None:
                err("transit_countries", f"{str(c).strip()[:40]!r} is not a known country (a name or an ISO 3166 code)")
            else:
                transit.append(code)
    free_trade_zones: list[str] = []
    zone_countries: list[str] = []
    for z in _list(route.get("free_trade_zones"), "free_trade_zones", err):
        if str(z).strip():
            zone = _zone(str(z).strip(), err)
            if zone is not None:
                free_trade_zones.append(zone[0])
                zone_countries.append(zone[1])
    dates: dict[str, str | None] = {}
    for col in ("order_date", "ship_date"):
        v = raw.get(col)
        v = str(v).strip() if v not in (None, "") else None
        if v is not None:
            problem = _date_problem(v)
            if problem:
                err(col, problem)
                v = None
        dates[col] = v
    if dates["order_date"] and dates["ship_date"] and dates["ship_date"] < dates["order_date"]:
        err("ship_date", "ship date is before the order date")
    status = str(raw.get("status") or "proposed").strip().lower()
    if status not in STATUSES:
        err("status", f"unknown status {status[:20]!r} (allowed: {', '.join(STATUSES)})")
    support = str(raw.get("support_status") or "none").strip().lower()
    if support not in SUPPORT:
        err("support_status", f"unknown support status {support[:20]!r} (allowed: {', '.join(SUPPORT)})")
    sg_raw = _object(raw.get("safeguards"), "safeguards", err)
    safeguards = {k: _bool(sg_raw.get(k, False), (source, line, k), errors) for k in SAFEGUARDS}
    if len(errors) > n:
        return None
    return Deal(
        id=deal_id,
        title=str(raw.get("title") or deal_id),
        parties=parties,
        items=items,
        destination=dest,
        transit_countries=transit,
        free_trade_zones=free_trade_zones,
        free_trade_zone_countries=zone_countries,
        order_date=dates["order_date"],
        ship_date=dates["ship_date"],
        status=status,
        safeguards=safeguards,
        support_status=support,
        declared_end_use=str(raw.get("declared_end_use") or ""),
        line=line,
        columns=raw["_columns"] if isinstance(raw.get("_columns"), tuple) else None,
    )


def _csv_rows(text: str, source: str, errors: list[RowError]) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "id" not in reader.fieldnames:
        errors.append(RowError(source, 1, "id", "the header row has no 'id' column"))
        return []
    header = [str(c).strip() for c in reader.fieldnames]
    seen_cols: set[str] = set()
    for col in header:
        if col in seen_cols:
            errors.append(RowError(source, 1, col[:40], f"column {col[:40]!r} appears twice in the header row"))
        seen_cols.add(col)
        if col not in CSV_COLUMNS:
            close = [m[0] for m in rf_process.extract(col, CSV_COLUMNS, limit=2, score_cutoff=70)]
            hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else "see docs/DEALS.md"
            errors.append(RowError(source, 1, col[:40] or "(empty)", f"unknown column {col[:40]!r}: its values would "
                                   f"be ignored; {hint} (columns: {', '.join(CSV_COLUMNS)})"))
    if len(errors) > 0 and any(e.line == 1 for e in errors):
        return []
    reader.fieldnames = header
    roles = tuple(r for r in PARTY_ROLES if r in header)
    out = []
    for row in reader:
        line = reader.line_num
        if None in row:
            errors.append(RowError(source, line, "(extra)", "the row has more fields than the header"))
            continue
        if any(v is None for v in row.values()):
            missing = [k for k, v in row.items() if v is None]
            errors.append(RowError(source, line, missing[0], "the row has fewer fields than the header"))
            continue
        parties = [
            {"party": ref.strip(), "role": role}
            for role in PARTY_ROLES
            for ref in (row.get(role) or "").split(";")
            if ref.strip()
        ]
        items = []
        for spec in (row.get("items") or "").split(";"):
            if spec.strip():
                name, _, qty = spec.partition(":")
                items.append({"item": name.strip(), "quantity": qty.strip() or None})
        out.append(
            (
                line,
                {
                    **row,
                    "parties": parties,
                    "items": items,
                    "route": {
                        "transit_countries": [c for c in (row.get("transit_countries") or "").split(";") if c.strip()],
                        "free_trade_zones": [z for z in (row.get("free_trade_zones") or "").split(";") if z.strip()],
                    },
                    "safeguards": {k: row.get(k, "") for k in SAFEGUARDS},
                    "_columns": roles,
                },
            )
        )
    return out


def parse_deals(path: Path, registered: Mapping[str, str] | None = None) -> list[Deal]:
    """Parse and validate a deals file (.json or .csv); raise DealValidationError listing every problem.

    With REGISTERED (item register ids to names, :func:`registered_items`), the items of every deal that parsed
    are checked against it in the same pass, so one error list holds the row errors and the unknown item ids
    (with their did-you-mean), in row order. An empty register adds no error (see :func:`check_items`)."""
    source = path.name
    errors: list[RowError] = []
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark (Excel's "CSV UTF-8") is accepted
    except (OSError, UnicodeDecodeError) as exc:
        raise DealValidationError([RowError(source, 0, "(file)", f"cannot read the file: {exc}")]) from exc
    rows: list[tuple[int, dict[str, Any]]]
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DealValidationError([RowError(source, exc.lineno, "(json)", exc.msg)]) from exc
        records = data.get("deals") if isinstance(data, dict) else data
        if not isinstance(records, list):
            raise DealValidationError([RowError(source, 1, "deals", "expected a list of deals")])
        rows = []
        for i, r in enumerate(records, start=1):
            if isinstance(r, dict):
                rows.append((i, r))
            else:
                errors.append(RowError(source, i, "(deal)", "each deal must be an object"))
    elif path.suffix.lower() == ".csv":
        try:
            rows = _csv_rows(text, source, errors)
        except csv.Error as exc:  # e.g. a field over the csv module's size limit, a NUL byte
            raise DealValidationError([RowError(source, 0, "(csv)", f"not a readable CSV file: {exc}")]) from exc
    else:
        raise DealValidationError([RowError(source, 0, "(file)", "deals files must be .json or .csv")])
    deals = []
    seen: dict[str, int] = {}
    for line, raw in rows:
        deal = _validate(raw, source, line, errors)
        if deal is not None:
            if deal.id in seen:
                errors.append(RowError(source, line, "id", f"deal {deal.id[:60]!r} appears twice in the file (first "
                                       f"on row {seen[deal.id]}): which one is meant cannot be told"))
            seen.setdefault(deal.id, line)
            deals.append(deal)
    if registered:
        errors += _item_errors(registered, deals, source)
    if errors:
        raise DealValidationError(sorted(errors, key=lambda e: e.line))
    return deals


def formula_warnings(deals: list[Deal], source: str = "deals") -> list[str]:
    """One warning per party name that starts like a spreadsheet formula: it is stored as text, and exports
    neutralise it, but a name like that is more likely an injection or a spreadsheet slip than a firm."""
    return [f"{source} row {d.line}, column {p.role}: party {p.ref[:60]!r} starts with {p.ref[0]!r} like a "
            "spreadsheet formula: stored as text (CSV exports prefix it with a quote); check the name"
            for d in deals for p in d.parties if p.ref.startswith(_FORMULA_START)]


def registered_items(store: GraphStore) -> dict[str, str]:
    """The item register: item id -> name (empty when no item is registered)."""
    return {str(r["id"]): str(r.get("name") or "") for r in store.run(REGISTERED_ITEMS)}


def _item_errors(registered: Mapping[str, str], deals: list[Deal], source: str) -> list[RowError]:
    errors: list[RowError] = []
    for deal in deals:
        for it in deal.items:
            if it.item in registered:
                continue
            close = [m[0] for m in rf_process.extract(it.item, list(registered), limit=3, score_cutoff=60)]
            hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else (
                f"registered items: {', '.join(sorted(registered)[:10])}; register new items with `redflag items import`"
            )
            errors.append(RowError(source, deal.line, "items", f"unknown item {it.item[:60]!r}; {hint}"))
    return errors


def check_items(store: GraphStore, deals: list[Deal], source: str = "deals") -> list[str]:
    """Check every item a deal names against the item register; returns warnings, raises on likely typos.

    A deal's item flags come from the registered item (capabilities, classification, safeguards), so an unknown
    id would silently drop them. With items registered, an unknown id is a DealValidationError offering the
    closest registered ids (did you mean). With the register empty there is nothing to compare with: the item
    is imported unregistered and a warning says its item flags cannot be evaluated until it is registered.
    """
    registered = registered_items(store)
    if registered:
        errors = _item_errors(registered, deals, source)
        if errors:
            raise DealValidationError(errors)
        return []
    return [
        f"{source} row {deal.line}: item {it.item[:60]!r} is not in the item register (empty): its item "
        "flags cannot be evaluated until it is registered with `redflag items import FILE`"
        for deal in deals for it in deal.items
    ]  # fmt: skip


CANDIDATE_NAME_MATCH_SCORE = 0.9
"""Score of the candidate same-as link between a deal party and another record of exactly its normalised name
(above the flag engine's 0.80 match threshold, so the rules follow it, and below 1.0: not confirmed)."""


def _other_records(store: GraphStore, party_id: str, name: str, country: str) -> list[dict[str, Any]]:
    """Other records (extracted from text, or not curated) of exactly this normalised name whose country agrees
    with ``country`` when both have one."""
    rows = store.run(FIND_OTHER_RECORDS_BY_NAME, {"norm": normalize_name(name), "id": party_id})
    return [r for r in rows if not (country and r["countries"] and country not in r["countries"])]


def _resolve(store: GraphStore, ref: str) -> tuple[str, str] | None:
    """(entity id, name) a party reference resolves to in the graph: an entity id, else a curated entity of that
    (normalised) name; None when the import would create a new party. Reads only."""
    found = store.run(FIND_ENTITY_BY_ID, {"ref": ref}) or store.run(FIND_ENTITY_BY_NAME, {"norm": normalize_name(ref)})
    return (str(found[0]["id"]), str(found[0].get("name") or ref)) if found else None


def _new_party_id(ref: str) -> str:
    return stable_id("party", normalize_name(ref, split_han=False))


def plan_changes(store: GraphStore, deals: list[Deal]) -> list[DealChange]:
    """What importing ``deals`` changes in the parties of the deals already stored (reads only).

    Parties are compared per role by the entity they resolve to (as :func:`write_deals` resolves them)."""
    stored: dict[str, dict[str, dict[str, str]]] = {}
    for r in store.run(STORED_PARTIES, {"ids": [d.id for d in deals]}):
        stored.setdefault(str(r["deal"]), {}).setdefault(str(r["role"]), {})[str(r["id"])] = str(r["name"] or r["id"])
    out: list[DealChange] = []
    cache: dict[str, tuple[str, str]] = {}
    for deal in deals:
        if deal.id not in stored:
            out.append(DealChange(deal.id, deal.line, new=True))
            continue
        given: dict[str, dict[str, str]] = {}
        for p in deal.parties:
            if p.ref not in cache:
                cache[p.ref] = _resolve(store, p.ref) or (_new_party_id(p.ref), p.ref)
            eid, name = cache[p.ref]
            given.setdefault(p.role, {})[eid] = name
        change = DealChange(deal.id, deal.line, new=False)
        before_roles = stored[deal.id]
        for role in PARTY_ROLES:
            before, after = before_roles.get(role, {}), given.get(role, {})
            gone = [before[e] for e in before if e not in after]
            came = [after[e] for e in after if e not in before]
            if gone or came:
                kind = "changed" if gone and came else ("removed" if gone else "added")
                change.parties.append(PartyChange(deal.id, deal.line, role, kind, gone, came))
        out.append(change)
    return out


def dropped_errors(changes: list[DealChange], deals: list[Deal], source: str) -> list[RowError]:
    """One error per role a stored deal would lose parties in without a replacement: the import is refused."""
    by_id = {d.id: d for d in deals}
    errors = []
    for change in changes:
        for c in change.parties:
            if c.kind != "removed":
                continue
            deal = by_id[c.deal]
            if deal.columns is not None and c.role not in deal.columns:
                how = f"this file has no {c.role} column"
            elif not any(p.role == c.role for p in deal.parties):
                how = f"this file gives it no {c.role}"
            else:
                how = "this file leaves it out"
            left = ", ".join(repr(n[:80]) for n in c.before)
            errors.append(RowError(source, c.line, c.role,
                                   f"deal {c.deal!r} is stored with {c.role} {left}; {how}: import refused, nothing "
                                   "changed (to remove it, import again with --replace)"))
    return errors


def write_deals(store: GraphStore, deals: list[Deal], report: list[PartyMatch] | None = None) -> list[str]:
    """Create or update the deals; returns the ids of parties created as ``unscreened``.

    A party is resolved against every entity of the graph: an entity id; else a curated entity of that exact
    (normalised) name, taken as the same; else a new party. A party given by name is also linked, as a candidate
    duplicate only, to every other record of that name (an agency extracted from reports, say) whose country
    agrees when both have one (the deal's destination stands for the end-user's country), so the next ``flags``
    sees that record's evidence, discounted as a candidate link (docs/RISK-SCORE.md). ``report`` (if given)
    receives one :class:`PartyMatch` per party entry.
    """
    created: list[str] = []
    item_ids = sorted({it.item for d in deals for it in d.items})
    known_items = {r["id"] for r in store.run(EXISTING_ITEMS, {"ids": item_ids})}
    resolved: dict[str, str] = {}
    for deal in deals:
        nodes: list[NodeRecord] = []
        rels: list[RelRecord] = []
        nodes.append(
            NodeRecord(
                "Transaction",
                deal.id,
                {
                    "title": deal.title,
                    "destination": deal.destination,
                    "order_date": deal.order_date,
                    "ship_date": deal.ship_date,
                    "status": deal.status,
                    "support_status": deal.support_status,
                    "declared_end_use": deal.declared_end_use,
                    "free_trade_zones": deal.free_trade_zones,
                    "transit_countries": deal.transit_countries,
                    **deal.safeguards,
                },
            )
        )
        stops = _route_stops(deal)
        for c in sorted({deal.destination, *(c for c, _ in stops)}):
            nodes.append(NodeRecord("Country", c, {"name": country_name(c) or c}))
        for p in deal.parties:
            # an id first; else a curated party of that name (never an entity merely extracted from text)
            found = (resolved[p.ref], p.ref) if p.ref in resolved else _resolve(store, p.ref)
            if found:
                eid = found[0]
            else:
                eid = _new_party_id(p.ref)
                nodes.append(
                    NodeRecord(
                        "Entity",
                        eid,
                        {"name": p.ref, "schema": "LegalEntity", "origin": ["deal"], "unscreened": True,
                         "name_norm": normalize_name(p.ref), "status": "curated"},
                    )
                )
                created.append(eid)
            resolved[p.ref] = eid
            how = "id" if p.ref == eid else ("new" if eid in created else "name")
            candidates: list[tuple[str, str]] = []
            if how != "id":
                country = deal.destination if p.role == "end_user" else ""
                for other in _other_records(store, eid, p.ref, country):
                    candidates.append((str(other["id"]), str(other["name"])))
                    explanation = {"method": "deal-import", "name": "same name after normalisation",
                                   "country": "agrees" if country and other["countries"] else "not recorded on both"}
                    rels.append(RelRecord(
                        "POSSIBLY_SAME_AS", "Entity", eid, "Entity", str(other["id"]),
                        {"score": CANDIDATE_NAME_MATCH_SCORE, "method": "deal-import", "status": "scored",
                         "explanation": json.dumps(explanation, sort_keys=True)},
                        key=f"deal-import|{eid}|{other['id']}",
                    ))  # fmt: skip
            if report is not None:
                report.append(PartyMatch(deal.id, p.role, p.ref, eid, how, candidates))
            rels.append(RelRecord("HAS_PARTY", "Transaction", deal.id, "Entity", eid, {"role": p.role}, key=f"{deal.id}|{p.role}|{eid}"))
        for it in deal.items:
            if it.item not in known_items:
                nodes.append(NodeRecord("Item", it.item, {"name": it.item, "registered": False}))
            rels.append(RelRecord("INCLUDES", "Transaction", deal.id, "Item", it.item, {"quantity": it.quantity, "unit": it.unit}))
        rels.append(RelRecord("DESTINED_FOR", "Transaction", deal.id, "Country", deal.destination, {}))
        for order, (c, zones) in enumerate(stops):
            rels.append(
                RelRecord(
                    "TRANSITS", "Transaction", deal.id, "Country", c,
                    {"order": order, "free_trade_zone": zones},
                    key=f"{deal.id}|{order}|{c}",
                )
            )
        store.merge_nodes(nodes)
        store.run(CLEAR_DEAL_LINKS, {"id": deal.id})
        store.merge_rels(rels)
    return created


def import_deals(
    store: GraphStore, path: Path, report: list[PartyMatch] | None = None, *, replace: bool = False,
    changes: list[DealChange] | None = None,
) -> tuple[list[Deal], list[str]]:
    """Validate and write a deals file; returns the deals and the ids of parties created ``unscreened``.

    Raises DealValidationError (nothing written) for any row error or a mistyped item id, and
    :class:`DealPartiesDropped` (nothing written) when a deal already stored would lose a party role (a column
    left out, a cell emptied) unless ``replace``. ``report``: see :func:`write_deals`; ``changes`` (if given)
    receives one :class:`DealChange` per deal, what the import changes (read before writing).
    """
    deals = parse_deals(path, registered_items(store))  # raises before anything is written
    check_items(store, deals, path.name)
    planned = plan_changes(store, deals)
    if not replace:
        dropped = dropped_errors(planned, deals, path.name)
        if dropped:
            raise DealPartiesDropped(dropped)
    if changes is not None:
        changes.extend(planned)
    return deals, write_deals(store, deals, report)

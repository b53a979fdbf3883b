"""Internet-shutdown tracker rows (Access Now STOP style CSV; column names vary between years)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import datetime

from crawler.parsers.common import ParsedList, decode_text
from ontology.records import CountryIndicator, RowError

SOURCE_ID = "accessnow-stop"
ALIASES = {
    "country": ("country", "country_name"),
    "start_date": ("start_date", "start date", "date_start"),
    "end_date": ("end_date", "end date", "date_end"),
    "area": ("area_name", "area_name_string", "area", "geo_scope"),
    "type": ("shutdown_type", "type", "shutdown type"),
    "scope": ("scope", "shutdown_extent"),
    "cause": ("actual_cause", "government_justification", "official_justification", "cause"),
}


def parse_date(raw: str) -> str | None:
    raw = raw.strip()
    for fmt in ("%Y/%m/%d", "%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%Y/%m/%d %H:%M"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def parse_shutdowns_csv(
    data: bytes,
    country_codes: Callable[[str], str | None],
    name: str = "shutdowns.csv",
    source_id: str = SOURCE_ID,
) -> ParsedList:
    """One ``shutdown`` CountryIndicator per row (value = type, edition = start year)."""
    result = ParsedList()
    reader = csv.reader(io.StringIO(decode_text(data, "utf-8"), newline=""))
    cols: dict[str, int] = {}
    header: list[str] = []
    for row in reader:
        line = reader.line_num
        if not row or not any(c.strip() for c in row):
            continue
        if not header:
            header = [re.sub(r"\s+", " ", h.strip().lower().lstrip("\ufeff")) for h in row]
            for key, names in ALIASES.items():
                for n in names:
                    if n in header:
                        cols[key] = header.index(n)
                        break
            for required in ("country", "start_date"):
                if required not in cols:
                    result.errors.append(
                        RowError(name, line, required, f"no {required} column in the header")
                    )
                    return result
            continue
        if len(row) < len(header):
            result.errors.append(
                RowError(
                    name, line, header[len(row)], f"row has {len(row)} columns, header has {len(header)}"
                )
            )
            continue

        def get(key: str, row: list[str] = row) -> str:
            return row[cols[key]].strip() if key in cols else ""

        country = get("country")
        code = country.upper() if re.fullmatch(r"[A-Za-z]{2}", country) else country_codes(country)
        if not code:
            result.errors.append(
                RowError(name, line, header[cols["country"]], f"unknown country {country!r}")
            )
            continue
        start = parse_date(get("start_date"))
        if start is None:
            result.errors.append(
                RowError(name, line, header[cols["start_date"]], f"not a date: {get('start_date')!r}")
            )
            continue
        end = parse_date(get("end_date")) if get("end_date") else None
        note = "; ".join(f"{k}: {get(k)}" for k in ("area", "scope", "cause") if get(k))
        result.indicators.append(
            CountryIndicator(
                country=code.upper(),
                indicator="shutdown",
                value=get("type") or "shutdown",
                edition=int(start[:4]),
                source_id=source_id,
                start_date=start,
                end_date=end,
                note=note,
            )  # fmt: skip
        )
    return result

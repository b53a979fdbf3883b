"""Freedom House "Freedom in the World" score tables (CSV or XLSX with a title row above the header)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable

from crawler.parsers.common import ParsedList, decode_text
from ontology.records import CountryIndicator, RowError

SOURCE_ID = "freedom-house-fiw"
COUNTRY_COL = "Country/Territory"
# Columns copied as indicators: header text -> indicator suffix.
SCORE_COLUMNS = re.compile(r"^(?:[A-G][1-4]?|PR|CL|PR rating|CL rating|Total|Add Q|Add A)$")


def _indicator(col: str) -> str:
    return "fiw_" + col.replace(" rating", "_rating").replace(" ", "_") if col != "Total" else "fiw_total"


def _rows_to_indicators(
    rows: Iterable[tuple[int, list[str]]],
    name: str,
    country_codes: Callable[[str], str | None],
    source_id: str,
) -> ParsedList:
    result = ParsedList()
    header: list[str] | None = None
    for line, row in rows:
        cells = [("" if c is None else str(c)).strip() for c in row]
        if not any(cells):
            continue
        if header is None:
            if COUNTRY_COL in cells:
                header = cells
            continue  # title row(s) before the column names
        if len(cells) < len(header):
            result.errors.append(
                RowError(
                    name, line, header[len(cells)], f"row has {len(cells)} columns, header has {len(header)}"
                )
            )
            continue
        rec = dict(zip(header, cells, strict=False))
        country_name = rec.get(COUNTRY_COL, "")
        code = country_codes(country_name) if country_name else None
        if not code:
            result.errors.append(RowError(name, line, COUNTRY_COL, f"unknown country {country_name!r}"))
            continue
        try:
            edition = int(float(rec.get("Edition", "")))
        except ValueError:
            result.errors.append(RowError(name, line, "Edition", f"not a year: {rec.get('Edition', '')!r}"))
            continue
        note = "territory" if rec.get("C/T", "").lower() == "t" else ""
        bad = False
        values: list[tuple[str, float | str]] = []
        status = rec.get("Status", "")
        if status:
            if status not in ("F", "PF", "NF"):
                result.errors.append(
                    RowError(name, line, "Status", f"expected F, PF or NF, found {status!r}")
                )
                bad = True
            values.append(("fiw_status", status))
        for col in header:
            if not SCORE_COLUMNS.match(col) or rec.get(col, "") in ("", "-"):
                continue
            try:
                values.append((_indicator(col), float(rec[col])))
            except ValueError:
                result.errors.append(RowError(name, line, col, f"not a number: {rec[col]!r}"))
                bad = True
        if bad:
            continue
        for indicator, value in values:
            result.indicators.append(
                CountryIndicator(
                    country=code.upper(),
                    indicator=indicator,
                    value=value,
                    edition=edition,
                    source_id=source_id,
                    note=note,
                )  # fmt: skip
            )
    if header is None:
        result.errors.append(RowError(name, 1, COUNTRY_COL, f"no header row with a {COUNTRY_COL!r} column"))
    return result


def parse_fiw_csv(
    data: bytes, country_codes: Callable[[str], str | None], name: str = "fiw.csv", source_id: str = SOURCE_ID
) -> ParsedList:
    reader = csv.reader(io.StringIO(decode_text(data, "utf-8"), newline=""))
    return _rows_to_indicators(((reader.line_num, r) for r in reader), name, country_codes, source_id)


def parse_fiw_xlsx(
    data: bytes,
    country_codes: Callable[[str], str | None],
    name: str = "fiw.xlsx",
    source_id: str = SOURCE_ID,
) -> ParsedList:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        result = ParsedList()
        result.errors.append(RowError(name, 0, "", f"not a readable XLSX workbook ({exc})"))
        return result
    ws = wb.worksheets[0]
    rows = (
        (
            i,
            [
                "" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
                for v in row
            ],
        )
        for i, row in enumerate(ws.iter_rows(values_only=True), start=1)
    )
    try:
        return _rows_to_indicators(rows, f"{name}[{ws.title}]", country_codes, source_id)
    finally:
        wb.close()

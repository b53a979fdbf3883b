"""Write ``lists/fiw/fiw_scores.xlsx`` from ``lists/fiw/fiw_scores.csv`` (same data, same two header rows).

Freedom House publishes its "All Data" file as an Excel workbook whose data sheet starts with a title
row and has the column names on the second row; this script reproduces that layout with openpyxl.
Numbers are written as numbers, empty cells stay empty.

Run: ``.venv/bin/python crawler/sample_site/build_xlsx.py``
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

FIW_DIR = Path(__file__).resolve().parent / "site" / "lists" / "fiw"


def _cell(value: str) -> str | int | None:
    if value == "":
        return None
    try:
        return int(value)
    except ValueError:
        return value


def build(csv_path: Path, xlsx_path: Path) -> None:
    with csv_path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    if len(rows) < 2:
        raise ValueError(f"{csv_path}: expected a title row and a header row, found {len(rows)} rows")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "FIW25-26"
    ws.append([rows[0][0]])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[1]))
    ws["A1"].font = Font(bold=True, size=12)
    ws.append(rows[1])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in rows[2:]:
        ws.append([_cell(v) for v in row])
    ws.freeze_panes = "B3"
    wb.properties.creator = "redflag sample site"
    wb.save(xlsx_path)


def main() -> None:
    build(FIW_DIR / "fiw_scores.csv", FIW_DIR / "fiw_scores.xlsx")


if __name__ == "__main__":
    main()

"""Build nlp/data/vendors_public.tsv from the saved passages of published sources naming surveillance-trade firms.

Usage (offline; every source is a file of tests/fixtures/sources/surveillance_vendors, see its README.md):
    .venv/bin/python scripts/build_vendors_public.py [--sources DIR] [--out nlp/data/vendors_public.tsv]

Each source file holds its id, title, URL, publication date, read date and licence, the passage as read, and the
rows the passage names (name, aliases, country as written). A row whose name or alias is not written in the passage
(nor a leading part of the name) is refused: the table holds what the sources say, nothing added. The precision
guards are nlp.public_vendors' (documented there).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.public_vendors import PublicVendor, caseless_form_kept, country_code, finalize  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tests" / "fixtures" / "sources" / "surveillance_vendors"
HEADER_KEYS = ("id", "title", "url", "published", "read", "licence")


@dataclass
class Source:
    """One saved source: its header fields, the passage as read and the rows it names."""

    meta: dict[str, str]
    passage: str
    rows: list[PublicVendor]


def read_source(path: Path) -> Source:
    """Parse one source file; ValueError naming the file and line for a missing header field, a row of the wrong
    shape, a name or alias not in the passage, or a country countrynames does not know."""
    meta: dict[str, str] = {}
    passage: list[str] = []
    rows: list[PublicVendor] = []
    part = "header"
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("# passage:"):
            part = "passage"
        elif line.startswith("# rows:"):
            part = "rows"
        elif part == "header" and line.startswith("# ") and ":" in line:
            key, _, value = line[2:].partition(":")
            meta[key.strip()] = value.strip()
        elif part == "passage":
            passage.append(line)
        elif part == "rows" and line.strip():
            cols = line.split("\t")
            if len(cols) != 3 or not cols[0].strip():
                raise ValueError(f"{path.name} line {no}: expected name, aliases (|) and country, tab-separated")
            name, aliases = cols[0].strip(), [a.strip() for a in cols[1].split("|") if a.strip()]
            text = " ".join(passage).casefold()
            for form in (name, *aliases):  # an alias may be a leading part of the name ("Cytrox" of "Cytrox AD")
                if form.casefold() not in text and (form == name or not name.startswith(form)):
                    raise ValueError(f"{path.name} line {no}: {form!r} is not written in the passage")
            try:
                country = country_code(cols[2])
            except ValueError as exc:
                raise ValueError(f"{path.name} line {no}: {exc}") from None
            rows.append(PublicVendor(name, country, "", aliases))
    missing = [k for k in HEADER_KEYS if not meta.get(k)]
    if missing:
        raise ValueError(f"{path.name}: header field(s) missing: {', '.join(missing)}")
    for r in rows:
        r.source = meta["id"]
    return Source(meta, "\n".join(passage), rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=SOURCES)
    ap.add_argument("--out", type=Path, default=ROOT / "nlp" / "data" / "vendors_public.tsv")
    args = ap.parse_args()
    sources = [read_source(p) for p in sorted(args.sources.glob("*.txt"))]
    rows = finalize(r for s in sources for r in s.rows)
    lines = ["# Firms of the surveillance trade (ORG) named by published sources: name\tforms matched as written (|)\t"
             "iso2\tsource\tforms also matched in any case (|)",
             "# Built by scripts/build_vendors_public.py from tests/fixtures/sources/surveillance_vendors (precision",
             "# guards: nlp/public_vendors.py). Names, forms, country of registration and source only; the country is",
             "# never read as a party of an event.",
             *(f"# source {s.meta['id']}: {s.meta['title']}; {s.meta['url']}; published {s.meta['published']}; "
               f"{s.meta['licence']}; read {s.meta['read']}" for s in sources)]
    lines += [f"{r.name}\t{'|'.join(r.aliases)}\t{r.country}\t{r.source}\t"
              f"{'|'.join(f for f in r.aliases if caseless_form_kept(f))}" for r in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(rows)} rows from {len(sources)} sources")


if __name__ == "__main__":
    main()

"""Build nlp/data/observers.tsv from the saved passages of published sources naming watchdogs, research groups and
newsrooms that report on surveillance and human rights.

Usage (offline; every source is a file of tests/fixtures/sources/observers, see its README.md):
    .venv/bin/python scripts/build_observers.py [--sources DIR] [--out nlp/data/observers.tsv]

Each source file holds its id, title, URL, publication date, read date and licence, the passage as read, and the
rows the passage names (name, other forms, country as written, kind). A row whose name or form is not written in the
passage is refused, except a form that spells the initials of the name's capitalised words ("CPJ" of "Committee to
Protect Journalists"): the table holds what the sources say. The precision guards are nlp.public_observers'.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.gazetteer import _agency_rows, vendor_rows  # noqa: E402
from nlp.public_observers import KINDS, Observer, finalize  # noqa: E402
from nlp.public_vendors import country_code  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tests" / "fixtures" / "sources" / "observers"
HEADER_KEYS = ("id", "title", "url", "published", "read", "licence")


@dataclass
class Source:
    """One saved source: its header fields, the passage as read and the rows it names."""

    meta: dict[str, str]
    passage: str
    rows: list[Observer]


def initials(name: str) -> str:
    """The initials of the capitalised words of ``name`` ("Committee to Protect Journalists" -> "CPJ")."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def read_source(path: Path) -> Source:
    """Parse one source file; ValueError naming the file and line for a missing header field, a row of the wrong
    shape, a name or form not in the passage, an unknown country or kind."""
    meta: dict[str, str] = {}
    passage: list[str] = []
    rows: list[Observer] = []
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
            if len(cols) != 4 or not cols[0].strip() or cols[3].strip() not in KINDS:
                raise ValueError(f"{path.name} line {no}: expected name, forms (|), country and a kind "
                                 f"({', '.join(KINDS)}), tab-separated")
            name, forms = cols[0].strip(), [a.strip() for a in cols[1].split("|") if a.strip()]
            text = " ".join(passage).casefold()
            for form in (name, *forms):
                if form.casefold() not in text and form != initials(name):
                    raise ValueError(f"{path.name} line {no}: {form!r} is not written in the passage")
            try:
                country = country_code(cols[2])
            except ValueError as exc:
                raise ValueError(f"{path.name} line {no}: {exc}") from None
            rows.append(Observer(name, country, cols[3].strip(), "", forms))
    missing = [k for k in HEADER_KEYS if not meta.get(k)]
    if missing:
        raise ValueError(f"{path.name}: header field(s) missing: {', '.join(missing)}")
    for r in rows:
        r.source = meta["id"]
    return Source(meta, "\n".join(passage), rows)


def taken_forms() -> set[str]:
    """The forms of the firm and state-body tables: never an observer's."""
    taken = {f for _name, forms, _country, _any in vendor_rows() for f in forms}
    taken |= {f for name, aliases, _country in _agency_rows() for f in (name, *aliases)}
    return taken


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=SOURCES)
    ap.add_argument("--out", type=Path, default=ROOT / "nlp" / "data" / "observers.tsv")
    args = ap.parse_args()
    sources = [read_source(p) for p in sorted(args.sources.glob("*.txt"))]
    rows = finalize((r for s in sources for r in s.rows), taken_forms())
    lines = ["# Watchdogs, research groups and newsrooms (ORG) that report on surveillance and human rights, named by "
             "published sources: name\tforms matched as written (|)\tiso2\tkind (ngo|research|media)\tsource",
             "# Built by scripts/build_observers.py from tests/fixtures/sources/observers (precision guards:",
             "# nlp/public_observers.py). Names are facts; no finding of any source is copied. An observer reports on",
             "# the trade: the event rules never make it a supplier, recipient or intermediary of a supply.",
             *(f"# source {s.meta['id']}: {s.meta['title']}; {s.meta['url']}; published {s.meta['published']}; "
               f"{s.meta['licence']}; read {s.meta['read']}" for s in sources)]
    lines += [f"{r.name}\t{'|'.join(r.forms)}\t{r.country}\t{r.kind}\t{r.source}" for r in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(rows)} rows ({sum(1 for r in rows if r.forms)} with a form matched) "
          f"from {len(sources)} sources")


if __name__ == "__main__":
    main()

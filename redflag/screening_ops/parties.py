"""Parties to screen: one row of a customer or reseller list, read from CSV with every bad row reported.

Columns (header row required, any order, case-insensitive): ``name`` (required), ``country`` (optional: an ISO
3166 code or a country name, resolved by :mod:`ontology.countries`), ``identifiers`` (``scheme:value`` pairs separated by ``;``), ``address``, ``reference``
(the exporter's own reference for the party). Unknown columns are ignored. A malformed row is reported with
its line number, column and reason and skipped; the other rows are screened. The CSV is read strictly: a quote
left open to the end of the file, or text glued to a closing quote, is a malformed row, and a quoted value that
runs over several lines is accepted only in the ``address`` column (a multi-line address cell): in any other
column it is a quote opened and closed on different lines, which would make the rows between one value.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ontology.countries import country_code
from ontology.identifiers import parse_identifier
from ontology.names import HAN_CHARACTER, normalize_name
from ontology.records import RowError
from redflag.matching.analysis import analyze_name

COLUMNS = ("name", "country", "identifiers", "address", "reference")
MAX_NAME = 300
"""Longest accepted party name (characters); longer values are rejected as malformed."""
MAX_FIELD = 1000
"""Longest accepted value of any other column."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class PartyFileError(ValueError):
    """The file as a whole cannot be read (encoding, missing header or name column)."""


@dataclass(frozen=True)
class PartyQuery:
    """A party to screen, as given by the exporter."""

    name: str
    country: str = ""
    identifiers: tuple[tuple[str, str], ...] = ()
    address: str = ""
    reference: str = ""
    line: int = 0

    @property
    def normalized_name(self) -> str:
        return analyze_name(self.name).normalized

    @property
    def key(self) -> str:
        """The party key: normalized name, country and own reference (what clearances are attached to)."""
        return party_key(self.name, self.country, self.reference)

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "name": self.name,
            "country": self.country,
            "identifiers": [f"{s}:{v}" for s, v in self.identifiers],
            "address": self.address,
            "reference": self.reference,
            "party_key": self.key,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PartyQuery:
        return cls(
            name=str(data.get("name") or ""),
            country=str(data.get("country") or ""),
            identifiers=tuple(parse_identifiers(";".join(data.get("identifiers") or []))),
            address=str(data.get("address") or ""),
            reference=str(data.get("reference") or ""),
            line=int(data.get("line") or 0),
        )


def party_key(name: str, country: str = "", reference: str = "") -> str:
    """``normalized name|COUNTRY|reference``: the same party screened twice gets the same key. A name in Han script
    keeps the key it had before Han characters were compared syllable by syllable (its audit history and
    decisions stay its own)."""
    norm = normalize_name(name, split_han=False) if HAN_CHARACTER.search(name) else analyze_name(name).normalized
    return f"{norm}|{country.strip().upper()}|{reference.strip()}"


def parse_identifiers(raw: str) -> list[tuple[str, str]]:
    """``"imo:IMO 9569683; swift:BOFPNIMAXXX"`` -> ``[("imo", "9569683"), ("bic", "BOFPNIMA")]``: each pair typed
    and normalized by :func:`ontology.identifiers.parse_identifier`; raises ValueError naming a malformed pair."""
    out: list[tuple[str, str]] = []
    for part in raw.split(";"):
        part = part.strip()
        if not part:
            continue
        typed = parse_identifier(part)
        if (typed.scheme, typed.value) not in out:
            out.append((typed.scheme, typed.value))
    return out


@dataclass
class PartyFile:
    """What was read from one file: the parties in order and the rows that were skipped."""

    source: str
    parties: list[PartyQuery] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.parties) + len(self.errors)


def party_country(value: str | None) -> str:
    """A party's country as an ISO 3166-1 alpha-2 code: given as a code or a name ("RU", "Russia", "Russian");
    "" when empty. Raises ValueError naming the value when the country authority (:mod:`ontology.countries`)
    does not know it: an unknown country would count as a mismatch and lower a true match's score."""
    text = (value or "").strip()
    if not text:
        return ""
    code = country_code(text)
    if code is None:
        raise ValueError(f"{text[:40]!r} is not a known country (a name or an ISO 3166 code)")
    return code


def _row_party(values: dict[str, str], source: str, line: int, last_line: int = 0) -> PartyQuery | RowError:
    def bad(column: str, reason: str) -> RowError:
        return RowError(source=source, line=line, field=column, reason=reason)

    for column, value in values.items():
        if column != "address" and ("\n" in value or "\r" in value):
            span = f"lines {line}-{last_line}" if last_line > line else f"line {line}"
            return bad(column, f"contains a line break: a quote opened and closed on different lines made {span} "
                               "one value (the rows between them were not screened); close the quote on its line")
        if _CONTROL.search(value):
            return bad(column, "contains control characters")
        if len(value) > (MAX_NAME if column == "name" else MAX_FIELD):
            return bad(column, f"longer than {MAX_NAME if column == 'name' else MAX_FIELD} characters")
    name = values.get("name", "").strip()
    if not name:
        return bad("name", "empty")
    if not analyze_name(name).core:
        return bad("name", f"{name!r} has no letters or digits left after normalization")
    try:
        country = party_country(values.get("country", ""))
    except ValueError as exc:
        return bad("country", str(exc))
    try:
        identifiers = tuple(parse_identifiers(values.get("identifiers", "")))
    except ValueError as exc:
        return bad("identifiers", str(exc))
    return PartyQuery(
        name=name,
        country=country,
        identifiers=identifiers,
        address=" ".join(values.get("address", "").split()),
        reference=values.get("reference", "").strip(),
        line=line,
    )


def iter_party_rows(text: str, source: str) -> Iterator[PartyQuery | RowError]:
    """Each data row of a CSV text as a :class:`PartyQuery`, or a :class:`RowError` naming line and column."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise PartyFileError(f"{source}: the file is empty (a header row with a 'name' column is required)") from None
    except csv.Error as exc:
        raise PartyFileError(f"{source} line 1: the header cannot be read: {exc}") from None
    columns = [h.strip().lower() for h in header]
    if "name" not in columns:
        raise PartyFileError(f"{source} line 1: no 'name' column in the header (columns: {', '.join(COLUMNS)})")
    dupes = sorted({c for c in columns if c in COLUMNS and columns.count(c) > 1})
    if dupes:
        raise PartyFileError(f"{source} line 1: column(s) {', '.join(dupes)} appear more than once")
    wanted = {i: c for i, c in enumerate(columns) if c in COLUMNS}
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RowError(source=source, line=line, field="", reason=f"not valid CSV: {exc}")
            continue
        if not any(cell.strip() for cell in row):
            continue  # blank line
        if len(row) > len(columns):
            yield RowError(source=source, line=line, field="",
                           reason=f"{len(row)} fields but the header has {len(columns)}")
            continue
        values = {c: (row[i] if i < len(row) else "") for i, c in wanted.items()}
        yield _row_party(values, source, line, reader.line_num)


def decode_party_file(data: bytes, source: str) -> str:
    """The file's text (UTF-8, with or without BOM); an error naming the file and byte offset otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PartyFileError(f"{source}: not UTF-8 text (byte {exc.start}); save the file as UTF-8 CSV") from None


def read_party_text(text: str, source: str) -> PartyFile:
    out = PartyFile(source=source)
    for item in iter_party_rows(text, source):
        if isinstance(item, RowError):
            out.errors.append(item)
        else:
            out.parties.append(item)
    return out


def read_party_file(path: Path) -> PartyFile:
    """Read a parties CSV from disk (see the module docstring for the columns)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PartyFileError(f"{path}: cannot be read ({exc.strerror})") from None
    return read_party_text(decode_party_file(data, str(path)), str(path))

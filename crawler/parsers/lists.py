"""One entry point for every structured-file format, used by the lists spider and by ``redflag import``."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crawler.parsers.common import ParsedList, decode_text
from crawler.parsers.csl import parse_csl_csv, parse_csl_json
from crawler.parsers.fiw import parse_fiw_csv, parse_fiw_xlsx
from crawler.parsers.ftm import parse_ftm
from crawler.parsers.ofac import OfacFileSet, parse_ofac_sets
from crawler.parsers.shutdowns import parse_shutdowns_csv
from ontology.countries import country_code

FORMATS = ("ofac", "csl", "ftm", "fiw", "shutdowns")
DEFAULT_DATASETS = {
    "ofac": "ofac",
    "csl": "csl",
    "ftm": "opensanctions",
    "fiw": "freedom-house-fiw",
    "shutdowns": "accessnow-stop",
}


class UnknownFormat(ValueError):
    pass


@dataclass(frozen=True)
class ListFile:
    name: str  # file name or URL (appears in RowErrors)
    data: bytes


def _is_xlsx(f: ListFile) -> bool:
    return f.name.lower().split("?")[0].endswith(".xlsx") or f.data[:2] == b"PK"


class FileRoleError(ValueError):
    """A file of a multi-file format whose role cannot be told, or whose content contradicts its name."""


# OFAC's legacy file names -> (list, role); the role's column count checks the content
OFAC_FILE_ROLES: dict[str, tuple[str, str]] = {
    "sdn": ("sdn", "main"), "add": ("sdn", "add"), "alt": ("sdn", "alt"), "sdn_comments": ("sdn", "comments"),
    "cons_prim": ("cons", "main"), "cons_add": ("cons", "add"), "cons_alt": ("cons", "alt"),
    "cons_comments": ("cons", "comments"),
}  # fmt: skip
OFAC_ROLE_COLUMNS = {"main": 12, "add": 6, "alt": 5, "comments": 2}
_KNOWN_OFAC_NAMES = ", ".join(f"{n}.csv" for n in OFAC_FILE_ROLES)


def _name_tokens(name: str) -> list[str]:
    base = name.lower().split("?")[0].replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return [t for t in re.split(r"[^a-z0-9]+", stem) if t]


def ofac_role(name: str) -> tuple[str, str] | None:
    """(list, role) told by an OFAC file's name: ``cons_comments.csv`` -> ("cons", "comments"); None if not told.

    The name may carry a prefix or suffix (``ofac_sdn_2024-05-03.csv``); it must name exactly one role.
    """
    tokens = _name_tokens(name)
    found: set[tuple[str, str]] = set()
    rest = list(tokens)
    for i in range(len(tokens) - 1):
        pair = f"{tokens[i]}_{tokens[i + 1]}"
        if pair in OFAC_FILE_ROLES:
            found.add(OFAC_FILE_ROLES[pair])
            rest[i] = rest[i + 1] = ""
    if not found:
        found = {OFAC_FILE_ROLES[t] for t in rest if t in ("sdn", "add", "alt")}
    return found.pop() if len(found) == 1 else None


def _first_row_width(data: bytes) -> int | None:
    text = decode_text(data[:1_000_000], "utf-8").replace("\x1a", "")
    for row in csv.reader(io.StringIO(text, newline="")):
        if row and any(c.strip() for c in row):
            return len(row)
    return None


def ofac_file_sets(files: Sequence[ListFile]) -> list[OfacFileSet]:
    """Group OFAC files by list and role, checking each file's content against the role its name tells.

    Raises :class:`FileRoleError` naming the file when a role cannot be told, a role comes twice, the columns
    do not fit the role, or a list has add/alt/comments files but no main file.
    """
    by_list: dict[str, dict[str, ListFile]] = {}
    for f in files:
        told = ofac_role(f.name)
        if told is None:
            raise FileRoleError(
                f"{f.name}: cannot tell which OFAC file this is from its name (expected one of {_KNOWN_OFAC_NAMES})"
            )
        lst, role = told
        width = _first_row_width(f.data)
        if width is not None and width != OFAC_ROLE_COLUMNS[role]:
            raise FileRoleError(
                f"{f.name}: named as an OFAC {role} file ({OFAC_ROLE_COLUMNS[role]} columns) "
                f"but its rows have {width} columns"
            )
        roles = by_list.setdefault(lst, {})
        if role in roles:
            raise FileRoleError(f"{f.name}: a second OFAC {lst} {role} file (first: {roles[role].name})")
        roles[role] = f
    sets: list[OfacFileSet] = []
    for lst in ("sdn", "cons"):
        if not by_list.get(lst):
            continue
        roles = by_list[lst]
        main = roles.get("main")
        if main is None:
            names = ", ".join(sorted(r.name for r in roles.values()))
            wanted = "sdn.csv" if lst == "sdn" else "cons_prim.csv"
            raise FileRoleError(f"{names}: no {wanted} among the OFAC files (the other files attach to it)")
        prefix = "" if lst == "sdn" else "cons_"
        default = {r: f"{prefix}{r}.csv" for r in ("add", "alt")}
        default["comments"] = f"{lst}_comments.csv"
        sets.append(
            OfacFileSet(
                main=main.data,
                add=roles["add"].data if "add" in roles else None,
                alt=roles["alt"].data if "alt" in roles else None,
                comments=roles["comments"].data if "comments" in roles else None,
                names=(
                    main.name,
                    *(roles[r].name if r in roles else default[r] for r in ("add", "alt", "comments")),
                ),  # type: ignore[arg-type]
                consolidated=lst == "cons",
            )
        )
    return sets


def parse_files(
    fmt: str,
    files: Sequence[ListFile],
    country_codes: Callable[[str], str | None] | None = None,
    dataset: str | None = None,
) -> ParsedList:
    """Parse the files of one dataset in FORMAT.

    ``ofac``: the SDN files (sdn, add, alt, sdn_comments) and/or the non-SDN Consolidated files (cons_prim,
    cons_add, cons_alt, cons_comments), each file's role told by its name and checked against its columns;
    raises :class:`FileRoleError` (a ``ValueError``) naming the file whose role cannot be told.
    """
    codes = country_codes or country_code  # default: the project's country authority
    out = ParsedList()
    if fmt == "ofac":
        if not files:
            raise FileRoleError("no OFAC files given")
        return parse_ofac_sets(ofac_file_sets(files), country_codes=codes, dataset=dataset or "ofac")
    for f in files:
        if fmt == "csl":
            parse = parse_csl_json if f.data.lstrip()[:1] in (b"{", b"[") else parse_csl_csv
            out.extend(parse(f.data, f.name, codes, dataset or "csl"))
        elif fmt == "ftm":
            out.extend(parse_ftm(f.data, f.name, dataset or "opensanctions"))
        elif fmt == "fiw":
            parse_fiw = parse_fiw_xlsx if _is_xlsx(f) else parse_fiw_csv
            out.extend(parse_fiw(f.data, codes, f.name, dataset or "freedom-house-fiw"))
        elif fmt == "shutdowns":
            out.extend(parse_shutdowns_csv(f.data, codes, f.name, dataset or "accessnow-stop"))
        else:
            raise UnknownFormat(f"unknown list format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return out

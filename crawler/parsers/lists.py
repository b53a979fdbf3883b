"""One entry point for every structured-file format, used by the lists spider and by ``redflag import``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crawler.parsers.common import ParsedList
from crawler.parsers.csl import parse_csl_csv, parse_csl_json
from crawler.parsers.fiw import parse_fiw_csv, parse_fiw_xlsx
from crawler.parsers.ftm import parse_ftm
from crawler.parsers.ofac import parse_ofac
from crawler.parsers.shutdowns import parse_shutdowns_csv
from ontology.countries import country_code
from ontology.records import RowError

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


def _ofac_role(name: str) -> str:
    base = name.lower().split("?")[0].rsplit("/", 1)[-1]
    for role in ("add", "alt", "sdn"):
        if role in base:
            return role
    return "sdn"


def parse_files(
    fmt: str,
    files: Sequence[ListFile],
    country_codes: Callable[[str], str | None] | None = None,
    dataset: str | None = None,
) -> ParsedList:
    """Parse the files of one dataset in FORMAT (``ofac``: the sdn/add/alt files together).

    Country names resolve through ``country_codes`` (default: the project's authority,
    :func:`ontology.countries.country_code`)."""
    codes = country_codes or country_code
    out = ParsedList()
    if fmt == "ofac":
        by_role: dict[str, ListFile] = {}
        for f in files:
            by_role.setdefault(_ofac_role(f.name), f)
        sdn = by_role.get("sdn")
        if sdn is None:
            out.errors.append(
                RowError(", ".join(f.name for f in files), 0, "", "no sdn file among the OFAC files")
            )
            return out
        add, alt = by_role.get("add"), by_role.get("alt")
        return parse_ofac(
            sdn.data, add.data if add else None, alt.data if alt else None,
            names=(sdn.name, add.name if add else "add.csv", alt.name if alt else "alt.csv"),
            country_codes=codes, dataset=dataset or "ofac",
        )  # fmt: skip
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

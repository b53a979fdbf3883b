"""Property-based tests: every structured-file parser, the report HTML parsers, deal import and name
normalization take any input without crashing; rejections are RowErrors (or the documented error type)
that name the file, the row and the field; valid rows survive parsing unchanged."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.parsers.article import parse_article
from crawler.parsers.common import ParsedList, ParseError, SourceMeta
from crawler.parsers.csl import parse_csl_csv, parse_csl_json
from crawler.parsers.feeds import parse_feed
from crawler.parsers.fiw import parse_fiw_csv
from crawler.parsers.ftm import parse_ftm
from crawler.parsers.hrr import parse_hrr
from crawler.parsers.lists import FORMATS, FileRoleError, ListFile, parse_files
from crawler.parsers.ngo import parse_ngo_page
from crawler.parsers.ofac import SDN_COLUMNS, parse_ofac
from crawler.parsers.shutdowns import parse_shutdowns_csv
from ontology.names import name_tokens, normalize_name, strip_legal_forms
from redflag.deals import DealValidationError, parse_deals

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
META = SourceMeta("test-source", "Test publisher", 2, "2026-01-01T00:00:00+00:00")

# text with the characters that break naive parsers: quotes, separators, newlines, NUL, RTL override, markup
NASTY = st.sampled_from(
    ['"', ",", ";", "\n", "\r", "\x00", "\u202e", "<script>", "'", "\\", "MATCH (n) DETACH DELETE n", "-0-"]
)
CELL = st.one_of(st.text(max_size=30), NASTY, st.from_regex(r"[0-9]{1,6}", fullmatch=True))


def _codes(name: str) -> str | None:
    return {"freedonia": "FD", "sylvania": "SY"}.get(name.strip().lower())


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode("utf-8", "surrogatepass")


def _errors_are_located(parsed: ParsedList, names: set[str]) -> None:
    for e in parsed.errors:
        assert e.source in names, e
        assert isinstance(e.line, int) and e.line >= 0, e
        assert isinstance(e.field, str) and e.reason.strip(), e


def _bytes_or_csv() -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.binary(max_size=400),
        st.lists(st.lists(CELL, max_size=14), max_size=8).map(_csv),
    )


# --------------------------------------------------------------------------- structured lists
@FAST
@given(sdn=_bytes_or_csv(), add=_bytes_or_csv(), alt=_bytes_or_csv())
def test_ofac_takes_any_bytes(sdn: bytes, add: bytes, alt: bytes) -> None:
    parsed = parse_ofac(sdn, add, alt)
    _errors_are_located(parsed, {"sdn.csv", "add.csv", "alt.csv"})


@FAST
@given(
    rows=st.lists(
        st.tuples(st.integers(1, 10**6), st.text(min_size=1, max_size=40)),
        max_size=6,
        unique_by=lambda r: r[0],
    )
)
def test_ofac_rows_round_trip(rows: list[tuple[int, str]]) -> None:
    table = [[str(n), name, "-0-", "SDGT", *["-0-"] * 7, "-0-"] for n, name in rows]
    parsed = parse_ofac(_csv(table))
    kept = {e.id: e.name for e in parsed.entities}
    for n, name in rows:
        expected = name.replace("\x1a", "").replace("\x00", "").strip()  # EOF marks, NULs dropped
        if expected and expected != "-0-":
            assert kept.get(f"ofac-{n}") == expected
        else:
            assert f"ofac-{n}" not in kept
    assert len(SDN_COLUMNS) == 12


@FAST
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.recursive(
            st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
            lambda inner: st.one_of(
                st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
            ),
            max_leaves=20,
        ).map(lambda v: json.dumps(v).encode()),
    )
)
def test_csl_json_takes_any_input(data: bytes) -> None:
    _errors_are_located(parse_csl_json(data, country_codes=_codes), {"consolidated.json"})


@FAST
@given(names=st.lists(st.text(min_size=1, max_size=40).filter(lambda s: s.strip()), min_size=1, max_size=5))
def test_csl_json_names_round_trip(names: list[str]) -> None:
    doc = {"results": [{"id": f"r{i}", "name": n, "source": "Entity List (EL) - Bureau of Industry and Security"}
                       for i, n in enumerate(names)]}  # fmt: skip
    parsed = parse_csl_json(json.dumps(doc).encode(), country_codes=_codes)
    assert not parsed.errors
    assert sorted(e.name for e in parsed.entities) == sorted(n.strip() for n in names)


@FAST
@given(data=_bytes_or_csv())
def test_csl_csv_takes_any_input(data: bytes) -> None:
    _errors_are_located(parse_csl_csv(data, country_codes=_codes), {"consolidated.csv"})


@FAST
@given(lines=st.lists(st.one_of(
    st.text(max_size=60),
    st.fixed_dictionaries({"id": st.text(max_size=8), "schema": st.sampled_from(["Company", "Person", "Ownership", "Sanction", "X"]),
                           "properties": st.dictionaries(st.sampled_from(["name", "owner", "asset", "percentage", "country", "addressEntity", "entity"]),
                                                         st.one_of(st.lists(st.text(max_size=12), max_size=3), st.text(max_size=5)), max_size=5)}).map(json.dumps),
), max_size=8))  # fmt: skip
def test_ftm_takes_any_lines(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    parsed = parse_ftm(data, "x.ftm.json")
    _errors_are_located(parsed, {"x.ftm.json"})
    for e in parsed.errors:
        assert 1 <= e.line <= data.count(b"\n") + 1, e


@FAST
@given(data=_bytes_or_csv())
def test_fiw_takes_any_input(data: bytes) -> None:
    _errors_are_located(parse_fiw_csv(data, _codes), {"fiw.csv"})


@FAST
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(["Freedonia", "Sylvania", "Atlantis", ""]), CELL, CELL, CELL), max_size=6
    )
)
def test_shutdowns_take_any_rows(rows: list[tuple[str, str, str, str]]) -> None:
    data = _csv([["country", "start_date", "end_date", "shutdown_type"], *[list(r) for r in rows]])
    parsed = parse_shutdowns_csv(data, _codes)
    _errors_are_located(parsed, {"shutdowns.csv"})
    assert len(parsed.indicators) + len(parsed.errors) <= len(rows)


@FAST
@given(
    fmt=st.sampled_from(FORMATS),
    data=_bytes_or_csv(),
    name=st.sampled_from(["sdn.csv", "list.csv", "x.json", "a.xlsx"]),
)
def test_parse_files_takes_any_bytes_in_every_format(fmt: str, data: bytes, name: str) -> None:
    try:
        parsed = parse_files(fmt, [ListFile(name, data)], _codes)
    except FileRoleError as exc:  # OFAC: a file whose role its name and columns cannot tell, named in one line
        assert fmt == "ofac" and str(exc).startswith(f"{name}: ") and "\n" not in str(exc)
        return
    _errors_are_located(parsed, {name})


# --------------------------------------------------------------------------- report pages
HTML = st.one_of(
    st.binary(max_size=300),
    st.lists(st.one_of(st.sampled_from(["<h2>", "</h2>", "<p>", "</p>", "<main>", "<script>alert(1)</script>",
                                        "<h3>Section 1. Respect for the Integrity of the Person</h3>", "<!--", "<![CDATA[",
                                        "<meta charset='x-unknown'>", "\u202e", "\x00", "&#0;", "&bogus;"]),
                       st.text(max_size=30)), max_size=25).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
)  # fmt: skip


@FAST
@given(body=HTML, encoding=st.sampled_from([None, "utf-8", "latin-1", "x-unknown"]))
def test_report_pages_parse_or_say_why(body: bytes, encoding: str | None) -> None:
    for parse in (parse_hrr, parse_ngo_page, parse_article):
        try:
            doc = parse(body, "https://example.test/page", META, encoding)
        except ParseError as exc:
            assert "https://example.test/page" in str(exc)
            continue
        for section in doc.sections:
            assert 0 <= section.start <= section.end <= len(doc.text)


@FAST
@given(
    body=st.one_of(
        st.binary(max_size=300),
        HTML,
        st.text(max_size=200).map(
            lambda t: f"<rss><channel><item><title>{t}</title></item></channel></rss>".encode(
                "utf-8", "surrogatepass"
            )
        ),
    )
)
def test_feeds_parse_or_say_why(body: bytes) -> None:
    try:
        parse_feed(body, "https://example.test/feed")
    except ParseError as exc:
        assert "https://example.test/feed" in str(exc)


# --------------------------------------------------------------------------- deals
DEAL_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=12,
)
DEAL_KEYS = [
    "id",
    "title",
    "parties",
    "items",
    "destination",
    "route",
    "declared_end_use",
    "safeguards",
    "date",
    "value",
]


@FAST
@given(
    doc=st.one_of(
        DEAL_VALUE, st.lists(st.dictionaries(st.sampled_from(DEAL_KEYS), DEAL_VALUE, max_size=8), max_size=4)
    )
)
def test_deal_json_takes_any_document(tmp_path_factory: pytest.TempPathFactory, doc: object) -> None:
    path = tmp_path_factory.mktemp("deals") / "deals.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    try:
        parse_deals(path)
    except DealValidationError as exc:
        assert exc.errors and all(e.source == "deals.json" and e.field and e.reason for e in exc.errors)


@FAST
@given(rows=st.lists(st.lists(CELL, max_size=10), max_size=6))
def test_deal_csv_takes_any_rows(tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]) -> None:
    path = tmp_path_factory.mktemp("deals") / "deals.csv"
    header = ["id", "title", "exporter", "customer", "end_user", "items", "destination"]
    path.write_bytes(_csv([header, *rows]))
    try:
        parse_deals(path)
    except DealValidationError as exc:
        assert exc.errors and all(e.source == "deals.csv" and e.line >= 1 and e.field for e in exc.errors)


CONTROL_CHARACTERS = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))  # C0, DEL and C1: terminal escapes


def _deal_file(tmp_path_factory: pytest.TempPathFactory, deal_id: str, dest: str) -> Path:
    sample = json.loads(Path("redflag/sample_world/deals.json").read_text(encoding="utf-8"))["deals"][0]
    path = tmp_path_factory.mktemp("deals") / "deals.json"
    path.write_text(json.dumps({"deals": [{**sample, "id": deal_id, "destination": dest}]}), encoding="utf-8")
    return path


@FAST
@given(
    deal_id=st.text(st.characters(blacklist_characters=CONTROL_CHARACTERS), min_size=1, max_size=60).filter(
        lambda s: s.strip()
    ),
    dest=st.sampled_from(["XC", "SY", "DE"]),  # a code the country authority knows (deals reject unknown ones)
)
def test_a_valid_deal_round_trips(tmp_path_factory: pytest.TempPathFactory, deal_id: str, dest: str) -> None:
    (deal,) = parse_deals(_deal_file(tmp_path_factory, deal_id, dest))
    assert deal.id == deal_id.strip() and deal.destination == dest


@FAST
@given(
    before=st.text(max_size=20),
    control=st.sampled_from(CONTROL_CHARACTERS),
    after=st.text(max_size=20),
)
def test_a_deal_id_holding_a_control_character_is_refused_in_one_line(
    tmp_path_factory: pytest.TempPathFactory, before: str, control: str, after: str
) -> None:
    deal_id = "D" + before + control + after + "D"  # inside the id, so stripping cannot remove it
    with pytest.raises(DealValidationError) as refused:
        parse_deals(_deal_file(tmp_path_factory, deal_id, "DE"))
    assert any(e.field == "id" and "control character" in e.reason for e in refused.value.errors)
    assert all("\n" not in str(e) for e in refused.value.errors)


# --------------------------------------------------------------------------- names
@FAST
@given(name=st.text(max_size=200))
def test_normalize_name_is_idempotent_and_plain(name: str) -> None:
    out = normalize_name(name)
    assert normalize_name(out) == out
    assert out == out.strip() and "  " not in out
    assert all(c.isascii() and (c.isalnum() or c == " ") for c in out)
    assert out == out.lower()
    name_tokens(name, strip_forms=True)
    strip_legal_forms(name)


def test_normalize_name_bounds_a_one_megabyte_name() -> None:
    huge = "Ω<script>" * 110_000
    assert len(normalize_name(huge)) < len(huge)


def test_normalize_name_refuses_non_strings() -> None:
    with pytest.raises(TypeError, match="expects a str"):
        normalize_name(b"bytes")  # type: ignore[arg-type]

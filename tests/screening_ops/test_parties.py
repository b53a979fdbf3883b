"""The parties CSV: malformed rows are reported by line and column and skipped; the file as a whole is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from redflag.screening_ops.parties import (
    PartyFileError,
    PartyQuery,
    party_key,
    read_party_file,
    read_party_text,
)
from tests.screening_ops.conftest import BAD_LINES


def test_a_thousand_rows_with_four_bad_ones(party_csv: Path) -> None:
    parsed = read_party_file(party_csv)
    assert len(parsed.parties) == 996
    assert sorted(e.line for e in parsed.errors) == sorted(BAD_LINES)
    by_line = {e.line: e for e in parsed.errors}
    assert by_line[101].field == "name" and "empty" in by_line[101].reason
    assert by_line[250].field == "country" and "'Atlantis'" in by_line[250].reason
    assert by_line[600].field == "identifiers" and "no-colon-here" in by_line[600].reason
    assert by_line[901].field == "" and "7 fields" in by_line[901].reason
    assert all(e.source == str(party_csv) for e in parsed.errors)
    # the good rows keep their own line numbers, in file order
    assert [p.line for p in parsed.parties[:3]] == [2, 3, 4]


def test_fields_are_read_and_cleaned() -> None:
    text = ('Reference,Name,Country,Identifiers,Address,Extra\n'
            'C-1,"Zenith  Optics, Ltd", xv , LEI:ABC ; vat: XV1 ,"1 Quay St\n Port Meridian",ignored\n')
    parsed = read_party_text(text, "inline.csv")
    assert parsed.errors == []
    (p,) = parsed.parties
    assert p.name == "Zenith  Optics, Ltd"
    assert p.country == "XV"
    assert p.identifiers == (("lei", "ABC"), ("tax", "XV1"))  # typed: a VAT number is a tax number
    assert p.address == "1 Quay St Port Meridian"
    assert p.reference == "C-1"
    assert p.line == 2


def test_line_numbers_count_quoted_newlines_and_skip_blank_lines() -> None:
    text = 'name,address\n"A Co","two\nlines"\n\n,empty name\n'
    parsed = read_party_text(text, "f.csv")
    assert [p.line for p in parsed.parties] == [2]
    assert [(e.line, e.field) for e in parsed.errors] == [(5, "name")]


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("\x00Evil,XV", "name", "control characters"),
        ("!!!,XV", "name", "no letters or digits"),
        ("A" * 301 + ",XV", "name", "longer than 300"),
        ("Good Name,XV1", "country", "not a known country"),
    ],
)
def test_each_malformed_value_is_named(row: str, field: str, words: str) -> None:
    parsed = read_party_text("name,country\n" + row + "\n", "f.csv")
    assert parsed.parties == []
    (err,) = parsed.errors
    assert (err.line, err.field) == (2, field)
    assert words in err.reason


def test_file_level_problems_are_errors_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(PartyFileError, match="no 'name' column"):
        read_party_text("customer,country\nA,XV\n", "f.csv")
    with pytest.raises(PartyFileError, match="empty"):
        read_party_text("", "f.csv")
    with pytest.raises(PartyFileError, match="more than once"):
        read_party_text("name,name\nA,B\n", "f.csv")
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("name\nSão Tomé Trading\n".encode("latin-1"))
    with pytest.raises(PartyFileError, match=r"latin1\.csv: not UTF-8"):
        read_party_file(latin)
    with pytest.raises(PartyFileError, match="cannot be read"):
        read_party_file(tmp_path / "missing.csv")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    f = tmp_path / "bom.csv"
    f.write_bytes("\ufeffname,country\nÅsgard Teknik AB,XV\n".encode())
    assert [p.name for p in read_party_file(f).parties] == ["Åsgard Teknik AB"]


def test_party_key_is_normalized_name_country_and_reference() -> None:
    a = PartyQuery(name="Veloria Signal Systems Ltd.", country="xv", reference="C-9")
    b = PartyQuery(name="VELORIA  SIGNAL SYSTEMS LTD", country="XV", reference="C-9")
    assert a.key == b.key == party_key("veloria signal systems ltd", "XV", "C-9")
    assert a.key != PartyQuery(name="Veloria Signal Systems Ltd", country="XV", reference="C-10").key
    assert a.key != PartyQuery(name="Veloria Signal Systems Ltd", country="XC", reference="C-9").key
    assert PartyQuery.from_dict(a.to_dict()).key == a.key


@pytest.mark.parametrize(("given", "code"), [("RU", "RU"), ("ru", "RU"), ("Russia", "RU"), ("Russian", "RU"),
                                             ("Korea, North", "KP"), ("Veloria", "XV"), ("Calderan", "XC")])  # fmt: skip
def test_a_country_is_a_code_or_a_name_resolved_by_the_authority(given: str, code: str) -> None:
    parsed = read_party_text(f'name,country\nGood Name,"{given}"\n', "f.csv")
    assert parsed.errors == [] and parsed.parties[0].country == code


def test_an_unclosed_quote_does_not_swallow_the_rows_after_it_into_one_name() -> None:
    # a stray quote on line 2 used to make the rest of the file one name ("DANIEL,IR\nMT DANIEL,PA\n"),
    # screened as one party and reported "1 clear", with 0 malformed rows
    parsed = read_party_text('name,country\n"DANIEL,IR\nMT DANIEL,PA\n', "f.csv")
    assert parsed.parties == []
    (err,) = parsed.errors
    assert err.line == 2 and "not valid CSV" in err.reason and "end of data" in err.reason


def test_a_name_that_spans_lines_is_a_malformed_row_naming_them() -> None:
    # the quote closes further down: every line in between became one name
    text = 'name,country\n"Acme Trading,IR\nBeta Systems,RU\nGamma",CN\nDelta Ltd,RU\n'
    parsed = read_party_text(text, "f.csv")
    assert [p.name for p in parsed.parties] == ["Delta Ltd"]
    (err,) = parsed.errors
    assert (err.line, err.field) == (2, "name")
    assert "line break" in err.reason and "lines 2-4" in err.reason


def test_a_quote_glued_to_text_is_a_malformed_row() -> None:
    parsed = read_party_text('name,country\n"Acme" Trading,IR\nBeta Systems,RU\n', "f.csv")
    assert [p.name for p in parsed.parties] == ["Beta Systems"]
    assert [e.line for e in parsed.errors] == [2]

"""Held-out variants of the list-file field cases (03, 04, 05) on the real SDN sample in tests/fixtures/crawler/ofac.

The files as people save them (Windows line endings, a UTF-8 BOM, blank lines at the end, a DOS end-of-file
mark, upper-case names) read exactly as published; a main file imported without its address or alias file, or
with remarks cut at the field's 1000 characters and no comments file (12 rows of the real sample are), says so,
and a cut remark is never read as a value (a truncated crypto address, a truncated a.k.a.).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.parsers.common import ParsedList
from crawler.parsers.lists import ListFile, parse_files

OFAC_SAMPLE = Path(__file__).parent.parent / "fixtures" / "crawler" / "ofac"


def _raw() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(OFAC_SAMPLE.glob("*.csv"))}


def _parse(files: dict[str, bytes]) -> ParsedList:
    return parse_files("ofac", [ListFile(name=n, data=d) for n, d in files.items()])


def _content(parsed: ParsedList) -> list[tuple[object, ...]]:
    return sorted(
        (e.id, e.name, e.schema, tuple(e.aliases), tuple(e.weak_aliases), tuple(sorted(e.countries)),
         tuple(e.addresses), tuple((i.scheme, i.value) for i in e.identifiers))
        for e in parsed.entities
    )  # fmt: skip


@pytest.mark.parametrize(
    "variant",
    [
        lambda n, d: (n, d.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")),  # Windows line endings
        lambda n, d: (n, b"\xef\xbb\xbf" + d),  # a UTF-8 BOM
        lambda n, d: (n, d + b"\r\n\r\n\n  \n"),  # trailing blank lines
        lambda n, d: (n, d + b"\x1a"),  # a DOS end-of-file mark
        lambda n, d: (n.upper(), d),  # OFAC_SDN_....CSV
        lambda n, d: (n, d.replace(b"-0- ", b"-0-")),  # the null marker without its trailing space
    ],
    ids=["crlf", "bom", "trailing-blank-lines", "eof-mark", "upper-case-names", "null-marker"],
)
def test_the_files_as_saved_read_exactly_as_published(variant) -> None:  # type: ignore[no-untyped-def]
    published = _parse(_raw())
    saved = _parse(dict(variant(n, d) for n, d in _raw().items()))
    assert not saved.errors and len(saved.entities) == len(published.entities) == 366
    assert _content(saved) == _content(published)


def test_an_sdn_file_without_its_address_file_says_what_is_missing() -> None:
    parsed = _parse({n: d for n, d in _raw().items() if "_add_" not in n})
    assert len(parsed.entities) == 366 and not parsed.errors
    (warning,) = [w for w in parsed.warnings if w.field == "file"]
    assert "without its address file" in warning.reason and "no countries from addresses" in warning.reason


def test_the_published_set_has_no_missing_file_warning() -> None:
    assert not [w for w in _parse(_raw()).warnings if w.field == "file"]


def test_remarks_cut_at_the_field_end_without_comments_are_flagged_and_the_fragment_is_not_read() -> None:
    parsed = _parse(_raw())  # the sample has no sdn_comments.csv
    cut = {w.line: w.reason for w in parsed.warnings if w.field == "Remarks"}
    assert len(cut) == 13
    by_id = {e.id: e for e in parsed.entities}
    # ent 30518: "...; alt. Digital Currency Address - XBT 1Gq" is the cut end of an address, not an address
    wallets = [i.value for i in by_id["ofac-30518"].identifiers if i.scheme == "crypto_wallet"]
    assert "XBT1Gq" not in wallets and "XBT16PhXY3hNNMTo8kpuJx2emh713KbWpkqci" in wallets
    assert any("XBT 1Gq" in reason and "comments file" in reason for reason in cut.values())
    # ent 47682: "a.k.a. '@" is no alias
    assert "@" not in by_id["ofac-47682"].weak_aliases + by_id["ofac-47682"].aliases


def test_remarks_continued_by_the_comments_file_raise_no_warning() -> None:
    files = _raw()
    files["sdn_comments.csv"] = b'30518,"Bz4Cm7Yfv5QZS9ukdSxLhuxzH1sU."\r\n'  # a continuation row written for the test
    parsed = _parse(files)
    assert 188 not in {w.line for w in parsed.warnings if w.field == "Remarks"}
    wallets = [i.value for i in {e.id: e for e in parsed.entities}["ofac-30518"].identifiers]
    assert "XBT1GqBz4Cm7Yfv5QZS9ukdSxLhuxzH1sU" in wallets


def test_an_aircraft_nationality_of_registration_is_its_country() -> None:
    # real SDN rows: "Nationality of Registration Russia" / "Cayman Islands" / "Man, Isle of" (aircraft)
    by_id = {e.id: e for e in _parse(_raw()).entities}
    assert [by_id[i].countries for i in ("ofac-27197", "ofac-27198", "ofac-27293")] == [["RU"], ["KY"], ["IM"]]


@pytest.mark.parametrize(
    ("remark", "country"),
    [("nationality Korea, North", "KP"), ("citizen Korea, North", "KP"), ("Citizen Iran", "IR"),
     ("Nationality: Iran", "IR"), ("alt. Nationality Syria", "SY"), ("Nationality Turkiye", "TR"),
     ("nationality Congo, Democratic Republic of the", "CD"), ("nationality Virgin Islands, British", "VG")],
)  # fmt: skip
def test_nationality_remarks_in_any_case_give_the_country(remark: str, country: str) -> None:
    row = f'1,"DOE, John","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"{remark}."\n'.encode()
    (entity,) = _parse({"sdn.csv": row}).entities
    assert entity.countries == [country]


FIELD_05 = Path(__file__).parent.parent / "fixtures" / "field_cases" / "05-sdn-comments-overflow" / "ofac"


def test_field_case_05_without_its_comments_file_warns_and_keeps_no_truncated_party() -> None:
    files = {p.name: p.read_bytes() for p in sorted(FIELD_05.glob("*.csv")) if p.name != "sdn_comments.csv"}
    parsed = _parse(files)
    (warning,) = [w for w in parsed.warnings if w.field == "Remarks"]
    assert "ent_num 12300" in warning.reason and "sdn_comments.csv" in warning.reason
    (entity,) = [e for e in parsed.entities if e.id == "ofac-12300"]
    linked = [i.value for i in entity.identifiers if i.scheme == "linked_to"]
    assert not [name for name in linked if name.startswith("PROMO RAI")]  # the cut "PROMO RAI" is no party


@pytest.mark.parametrize("saved", [lambda d: d.replace(b"\n", b"\r\n"), lambda d: b"\xef\xbb\xbf" + d,
                                   lambda d: d + b"\r\n\r\n"], ids=["crlf", "bom", "blank-lines"])  # fmt: skip
def test_field_case_05_comments_file_as_saved_still_continues_the_remarks(saved) -> None:  # type: ignore[no-untyped-def]
    files = {p.name: p.read_bytes() for p in sorted(FIELD_05.glob("*.csv"))}
    files["sdn_comments.csv"] = saved(files["sdn_comments.csv"])
    parsed = _parse(files)
    assert not parsed.errors and not [w for w in parsed.warnings if w.field == "Remarks"]
    targets = sorted(r.target for r in parsed.relations if r.source == "ofac-12300")
    assert targets == ["ofac-12376", "ofac-12380", "ofac-12395", "ofac-12396", "ofac-12397"]

"""OFAC's legacy files as published: SDN + sdn_comments, the non-SDN Consolidated files, file roles, list identity.

Inputs are real OFAC rows (field cases 04 and 05, tests/fixtures/field_cases/), public domain.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.parsers.ftm import parse_ftm
from crawler.parsers.lists import FileRoleError, ListFile, ofac_role, parse_files
from crawler.parsers.ofac import parse_ofac
from ontology.list_meanings import UNRESOLVED_NONSDN, meaning, meanings, nonsdn_list_for

FIELD = Path(__file__).parents[1] / "fixtures" / "field_cases"
CONS = FIELD / "04-ofac-consolidated-nonsdn-files" / "cons"
SDN_COMMENTS = FIELD / "05-sdn-comments-overflow" / "ofac"
LINKED_FROM_12300 = {"ofac-12395", "ofac-12396", "ofac-12397", "ofac-12376", "ofac-12380"}


def _folder(path: Path) -> list[ListFile]:
    return [ListFile(str(p), p.read_bytes()) for p in sorted(path.iterdir())]


# ------------------------------------------------------------------------- field case 05: sdn_comments.csv
def test_sdn_comments_continue_the_remarks_before_they_are_parsed() -> None:
    result = parse_files("ofac", _folder(SDN_COMMENTS))
    assert result.errors == []
    links = {(r.source, r.target, r.schema) for r in result.relations}
    assert links == {("ofac-12300", t, "LinkedTo") for t in LINKED_FROM_12300}
    cifuentes = next(e for e in result.entities if e.id == "ofac-12300")
    linked_names = [i.value for i in cifuentes.identifiers if i.scheme == "linked_to"]
    assert "PROMO RAI" not in linked_names and "PROMO RAIZ S.A.S" in linked_names
    # the continuation's own parties are read too (25 Linked To parties in all, the last one from the comments)
    assert len(linked_names) == 25 and linked_names[-1] == "R D I S.A"
    assert "Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL" in cifuentes.listings[0].remarks


def test_without_the_comments_file_the_cut_party_is_not_linked() -> None:
    # the control: sdn.csv alone holds only the truncated "PROMO RAI", which links to nothing
    files = [f for f in _folder(SDN_COMMENTS) if "comments" not in Path(f.name).name]
    result = parse_files("ofac", files)
    assert {r.target for r in result.relations} == {"ofac-12395"}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=1500), min_size=1, max_size=6, unique=True))
def test_a_remark_cut_anywhere_into_comment_rows_parses_as_the_whole_remark(cuts: list[int]) -> None:
    sdn_rows = list(csv.reader(io.StringIO((SDN_COMMENTS / "sdn.csv").read_text(encoding="utf-8"))))
    comment = next(csv.reader(io.StringIO((SDN_COMMENTS / "sdn_comments.csv").read_text(encoding="utf-8"))))
    whole_remark = sdn_rows[0][11] + comment[1]
    cuts += [c + 1 for c in cuts]  # neighbouring cuts too: a continuation row may hold one character, a space
    bounds = [0, *sorted(c for c in cuts if c < len(whole_remark)), len(whole_remark)]
    pieces = [whole_remark[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[*sdn_rows[0][:11], pieces[0]], *sdn_rows[1:]])
    comments = io.StringIO()
    csv.writer(comments, lineterminator="\n").writerows([["12300", p] for p in pieces[1:]])
    result = parse_ofac(out.getvalue().encode(), comments=comments.getvalue().encode() or None)
    assert result.errors == []
    assert {r.target for r in result.relations} == LINKED_FROM_12300
    assert next(e for e in result.entities if e.id == "ofac-12300").listings[0].remarks == whole_remark.strip()


def test_a_comment_row_for_an_entry_not_in_the_main_file_is_reported() -> None:
    result = parse_ofac(b'1,"A CO",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"x"\n', comments=b'2,"more"\n')
    assert [(e.source, e.line, e.field) for e in result.errors] == [("sdn_comments.csv", 1, "ent_num")]
    assert "no SDN entry with ent_num 2" in result.errors[0].reason


# ------------------------------------------------------------------------- field case 04: consolidated files
def test_the_consolidated_folder_as_published_yields_its_entities_on_their_non_sdn_list() -> None:
    result = parse_files("ofac", _folder(CONS))
    by_name = {e.name: e for e in result.entities}
    assert set(by_name) == {
        "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.",
        "MEGVII TECHNOLOGY LIMITED",
        "SENSETIME GROUP LIMITED",
    }
    for e in result.entities:
        assert e.id.startswith("ofac-cons-")
        assert [(x.list_code, x.program, x.authority) for x in e.listings] == [
            ("CMIC", "CMIC-EO13959", "US Treasury OFAC")
        ]
    assert meaning("CMIC").list_name == "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC List)"
    hik = by_name["HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."]
    assert hik.aliases == ["HIKVISION", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY"]
    assert hik.addresses == ["555, Qianmo Road, Binjiang District, Hangzhou 310051, China"]
    # the published comments file continues two entries that this excerpt does not hold: reported, not dropped
    assert [(Path(e.source).name, e.line) for e in result.errors] == [("cons_comments.csv", 1), ("cons_comments.csv", 2)]


@pytest.mark.parametrize(
    ("program", "remarks", "expected"),
    [
        ("CMIC-EO13959", "", "CMIC"),
        ("NS-CCMC-EO13959", "", "CMIC"),
        ("FSE-IR", "", "FSE"),
        ("FSE-SY", "", "FSE"),
        ("NS-PLC", "", "NS-PLC"),
        ("UKRAINE-EO13662", "Subject to Directive 1", "SSI"),
        ("RUSSIA-EO14024", "Listing Date (EO 14024 Directive 2): 24 Feb 2022", "CAPTA"),
        ("RUSSIA-EO14024", "Listing Date (EO 14024 Directive 3): 24 Feb 2022", "NS-MBS"),
        ("CAATSA - RUSSIA", "", "NS-MBS"),
        ("SOMETHING-NEW", "", UNRESOLVED_NONSDN),
    ],
)
def test_a_consolidated_programme_tag_tells_its_non_sdn_list(program: str, remarks: str, expected: str) -> None:
    assert nonsdn_list_for(program, remarks) == expected


def test_a_consolidated_entry_is_never_sdn_whatever_its_tags() -> None:
    row = '17016,"EXAMPLE BANK",-0- ,"UKRAINE-EO13662] [RUSSIA-EO14024] [NEW-TAG",' + "-0- ," * 7 + '"x"\n'
    result = parse_files("ofac", [ListFile("cons_prim.csv", row.encode())])
    codes = [(x.list_code, x.program) for x in result.entities[0].listings]
    # RUSSIA-EO14024 without a directive in the remarks tells no list (VTB's entry repeats its SDN tag)
    assert codes == [("SSI", "UKRAINE-EO13662"), (UNRESOLVED_NONSDN, "RUSSIA-EO14024"), (UNRESOLVED_NONSDN, "NEW-TAG")]
    # a tag of unknown list stops the deal until read: its meaning is never "no restriction"
    assert meaning(UNRESOLVED_NONSDN).hard_stop


REAL_CONS = Path(__file__).parents[1] / "fixtures" / "crawler" / "ofac_cons_real"


def test_real_consolidated_rows_get_their_lists_and_meanings() -> None:
    # 14 rows of a published cons_prim.csv (OFAC, public domain; copied from a public repository's snapshot) and
    # the published cons_comments.csv rows that continue two of them
    result = parse_files("ofac", _folder(REAL_CONS))
    assert result.errors == []
    got = {e.id: [(x.list_code, x.program) for x in e.listings] for e in result.entities}
    stops = {e.id: any(meaning(x.list_code).stops(x.remarks) for x in e.listings) for e in result.entities}
    assert got["ofac-cons-9640"] == [("NS-PLC", "NS-PLC")] and not stops["ofac-cons-9640"]
    assert got["ofac-cons-15268"] == [("CAPTA", "561-Related")] and not stops["ofac-cons-15268"]
    assert got["ofac-cons-17022"] == [("SSI", "UKRAINE-EO13662")] and not stops["ofac-cons-17022"]
    assert got["ofac-cons-26182"] == [("FSE", "FSE-IR")] and stops["ofac-cons-26182"]
    assert got["ofac-cons-30882"] == [("CMIC", "CMIC-EO13959")] and not stops["ofac-cons-30882"]
    # Directive 3 under E.O. 14024 is named in the part of the remarks that overflowed into cons_comments.csv
    assert got["ofac-cons-17016"] == [("SSI", "UKRAINE-EO13662"), ("NS-MBS", "RUSSIA-EO14024")]
    # CAATSA sec. 235 menu with "EXPORT SANCTIONS" chosen: an NS-MBS entry that does stop the export
    assert got["ofac-cons-27016"] == [("NS-MBS", "CAATSA - RUSSIA")] and stops["ofac-cons-27016"]
    assert got["ofac-cons-46072"] == [("NS-MBS", "BURMA-EO14014")] and not stops["ofac-cons-46072"]
    # SDN programme tags repeated in the consolidated file: unknown non-SDN list, a hard stop until read
    assert ("NON-SDN", "SDGT") in got["ofac-cons-9647"] and stops["ofac-cons-9647"]
    assert ("NON-SDN", "RUSSIA-EO14024") in got["ofac-cons-17013"] and stops["ofac-cons-17013"]
    assert all(code != "SDN" for listings in got.values() for code, _ in listings)


# ------------------------------------------------------------------------- file roles
@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("sdn.csv", ("sdn", "main")),
        ("https://www.treasury.gov/ofac/downloads/sdn_comments.csv", ("sdn", "comments")),
        ("ofac_add_2022-01_sample.csv", ("sdn", "add")),
        ("CONS_PRIM.CSV", ("cons", "main")),
        ("cons_comments (1).csv", ("cons", "comments")),
        ("deal.csv", None),
        ("consolidated.csv", None),
        ("sdn_add.csv", None),  # two roles in one name: not told
    ],
)
def test_a_file_role_is_told_by_its_name(name: str, role: tuple[str, str] | None) -> None:
    assert ofac_role(name) == role


def test_a_file_whose_role_cannot_be_told_is_an_error_naming_it() -> None:
    files = [*_folder(CONS), ListFile("/x/deal.csv", b"id,title\n1,x\n")]
    with pytest.raises(FileRoleError, match=r"^/x/deal\.csv: cannot tell which OFAC file"):
        parse_files("ofac", files)


def test_a_name_its_content_contradicts_is_an_error() -> None:
    # the first round's fault: cons_comments taken for the main file; here a main file named as comments
    prim = (CONS / "cons_prim.csv").read_bytes()
    with pytest.raises(FileRoleError, match=r"cons_comments\.csv: named as an OFAC comments file \(2 columns\) but its rows have 12"):
        parse_files("ofac", [ListFile("cons_comments.csv", prim)])


def test_add_alt_or_comments_without_their_main_file_is_an_error() -> None:
    files = [f for f in _folder(CONS) if "prim" not in Path(f.name).name]
    with pytest.raises(FileRoleError, match="no cons_prim.csv among the OFAC files"):
        parse_files("ofac", files)


def test_sdn_and_consolidated_files_in_one_import_keep_their_own_lists() -> None:
    result = parse_files("ofac", [*_folder(CONS), *_folder(SDN_COMMENTS)])
    lists = {e.id: {x.list_code for x in e.listings} for e in result.entities}
    assert lists["ofac-cons-30946"] == {"CMIC"} and lists["ofac-12300"] == {"SDN"}
    assert len(result.entities) == 9


# ------------------------------------------------------------------------- the list-meaning table
def test_every_list_meaning_has_its_source_and_the_table_says_what_stops_an_export() -> None:
    for m in meanings():
        assert m.source_url.startswith("https://") and m.citation and m.summary, m.list_code
    assert meaning("SDN").hard_stop and meaning("SDN").blocking
    assert not meaning("CMIC").hard_stop and meaning("CMIC").effect == "securities_restriction"
    assert not meaning("SSI").hard_stop and meaning("SSI").effect == "sectoral_restriction"
    assert meaning("EL").effect == "licence_required" and meaning("DPL").hard_stop
    assert not meaning("EL").blocking  # the OFAC 50% rule does not reach Entity List owners' companies
    assert meaning("cap").list_code == "CAPTA" and meaning("PLC").list_code == "NS-PLC"
    unknown = meaning("ZZ-NEW")
    assert not unknown.known and unknown.hard_stop and "not in the project's list-meaning table" in unknown.summary


def test_csl_sources_get_the_table_codes() -> None:
    from crawler.parsers.csl import list_code

    assert list_code("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department") == "CMIC"
    assert list_code("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department") == "NS-MBS"
    assert list_code("Capta List (CAP) - Treasury Department") == "CAPTA"
    assert list_code("Entity List (EL) - Bureau of Industry and Security") == "EL"


# ------------------------------------------------------------------------- FtM: unknown schemata, dangling refs
FTM_ROWS = b"""{"id":"c1","schema":"Company","properties":{"name":["Fictive Intercept Systems Ltd"],"addressEntity":["a-missing"]}}
{"id":"v1","schema":"Vehicle","properties":{"registrationNumber":["XV-1"]}}
{"id":"x1","schema":"Banana","properties":{}}
{"id":"o1","schema":"Ownership","properties":{"owner":["ghost"],"asset":["c1"]}}
{"id":"s1","schema":"Sanction","properties":{"entity":["c1"],"program":["Entity List"]}}
"""


def test_ftm_unknown_schemata_are_rejected_rows_and_missing_references_are_warnings() -> None:
    result = parse_ftm(FTM_ROWS, "e.ftm.json")
    assert [(e.line, e.field) for e in result.errors] == [(2, "schema"), (3, "schema")]
    assert "'Vehicle' is not imported" in result.errors[0].reason and "'Banana'" in result.errors[1].reason
    assert [(w.line, w.field) for w in result.warnings] == [(1, "addressEntity"), (4, "owner")]
    assert [e.id for e in result.entities] == ["c1"] and result.entities[0].listings[0].list_code == "EL"
    assert [(r.source, r.target) for r in result.relations] == [("ghost", "c1")]


def test_ftm_sanctions_carry_the_same_list_codes() -> None:
    rows = b"""{"id":"c1","schema":"Company","properties":{"name":["Example Camera Maker"]}}
{"id":"s1","schema":"Sanction","properties":{"entity":["c1"],"program":["Non-SDN Chinese Military-Industrial Complex Companies List"]}}
{"id":"s2","schema":"Sanction","properties":{"entity":["c1"],"program":["CMIC-EO13959"]}}
{"id":"s3","schema":"Sanction","properties":{"entity":["c1"],"program":["Sectoral Sanctions Identifications List (SSI) - Treasury Department"]}}
"""
    result = parse_ftm(rows, "e.ftm.json")
    assert [x.list_code for x in result.entities[0].listings] == ["CMIC", "CMIC", "SSI"]

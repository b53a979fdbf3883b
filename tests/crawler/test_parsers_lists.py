"""Structured-file parsers: OFAC legacy CSV (real rows), CSL JSON/CSV, FtM, FIW CSV/XLSX, shutdowns."""

from __future__ import annotations

import csv

from crawler_helpers import FIXTURES, SITE, country_code

from crawler.parsers.csl import parse_csl_csv, parse_csl_json
from crawler.parsers.fiw import parse_fiw_csv, parse_fiw_xlsx
from crawler.parsers.ftm import parse_ftm
from crawler.parsers.lists import ListFile, parse_files
from crawler.parsers.ofac import parse_ofac, split_programs, split_remarks
from crawler.parsers.shutdowns import parse_shutdowns_csv

OFAC = FIXTURES / "ofac"
SDN, ADD, ALT = (OFAC / f for f in ("ofac_sdn_2024-05-03_sample.csv", "ofac_add_2022-01_sample.csv", "ofac_alt_2022-01_sample.csv"))


def rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return [r for r in csv.reader(fh) if r]


def null(v):
    return "" if v.strip() == "-0-" else v.strip()


def test_every_real_ofac_row_is_parsed_and_attached_to_its_entity():
    sdn_rows, add_rows, alt_rows = rows(SDN), rows(ADD), rows(ALT)
    result = parse_ofac(SDN.read_bytes(), ADD.read_bytes(), ALT.read_bytes())
    assert result.errors == []
    assert len(result.entities) == len(sdn_rows) == 366
    by_id = {e.id: e for e in result.entities}
    for r in sdn_rows:
        e = by_id[f"ofac-{r[0]}"]
        assert e.name == r[1]
        assert [listing.program for listing in e.listings] == split_programs(r[3]) or [""]
    # every alias row lands on the entity with the same ent_num
    assert len(alt_rows) == 318
    for r in alt_rows:
        assert r[3] in by_id[f"ofac-{r[0]}"].aliases
    # every non-empty address row lands on its entity
    assert len(add_rows) == 369
    for r in add_rows:
        text = ", ".join(p for p in (null(r[2]), null(r[3]), null(r[4])) if p)
        if text:
            assert text in by_id[f"ofac-{r[0]}"].addresses


def test_ofac_remarks_programs_and_links():
    result = parse_ofac(SDN.read_bytes(), ADD.read_bytes(), ALT.read_bytes())
    by_id = {e.id: e for e in result.entities}
    dumont = by_id["ofac-7831"]
    assert dumont.schema == "Person"
    assert dumont.birth_dates == ["21 Jan 1971", "19 Jan 1971", "29 Jan 1975"]
    # a.k.a.s given only in the remarks are OFAC's weak aliases; the ALT file's are strong
    assert {"BILAL", "ABU KHAMZA", "KOUMAL"} <= set(dumont.weak_aliases)
    assert {"BROUGERE, Jacques", "BRUGERE, Jacques"} <= set(dumont.aliases)
    assert not set(dumont.aliases) & set(dumont.weak_aliases)
    sayadi = by_id["ofac-7326"]
    assert ("passport", "1091875") in {(i.scheme, i.value) for i in sayadi.identifiers}
    assert sayadi.addresses[0] == "69 Rue des Bataves, 1040 Etterbeek, Brussels, Belgium"
    assert split_programs("SDGT] [NPWMD] [IRGC") == ["SDGT", "NPWMD", "IRGC"]
    assert split_remarks("DOB 1968; Passport A1 (Iran); a.k.a. 'X; Y'.") == ["DOB 1968", "Passport A1 (Iran)", "a.k.a. 'X; Y'"]
    # Linked To: names that are themselves in the file become relations between the two entities
    assert result.relations
    names = {e.id: e.name for e in result.entities}
    for rel in result.relations:
        linked = [i.value for i in by_id[rel.source].identifiers if i.scheme == "linked_to"]
        assert names[rel.target].upper().rstrip(".") in [n.upper() for n in linked] or any(
            a.upper() in [n.upper() for n in linked] for a in by_id[rel.target].aliases + by_id[rel.target].weak_aliases
        )


def test_ofac_bad_rows_are_reported_by_file_line_and_field():
    sdn = b'1,"A CORP",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \nx,"B",-0- \n2,"C",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    alt = b'1,10,aka,"A-CO",-0- \n99,11,aka,"GHOST",-0- \n'
    result = parse_ofac(sdn, None, alt, names=("sdn.csv", "add.csv", "alt.csv"))
    assert [e.name for e in result.entities] == ["A CORP", "C"]
    assert result.entities[0].aliases == ["A-CO"]
    assert [(e.source, e.line, e.field) for e in result.errors] == [("sdn.csv", 2, "Program"), ("alt.csv", 2, "ent_num")]
    assert "no SDN entry with ent_num 99" in result.errors[1].reason


def test_csl_json_uses_id_list_codes_addresses_and_links():
    result = parse_csl_json((SITE / "lists/csl/consolidated.json").read_bytes())
    assert [e.id for e in result.entities] == ["csl-j1", "csl-j2"]
    fis, ivo = result.entities
    assert fis.listings[0].list_code == "EL" and fis.listings[0].authority == "Bureau of Industry and Security"
    assert "Presumption of denial." in fis.listings[0].remarks
    assert fis.addresses == ["1 Harbour Rd, Port City, XC"] and fis.countries == ["XC"]
    assert ivo.schema == "Person" and ivo.listings[0].list_code == "ISN" and ivo.countries == ["XO"]
    assert [(r.source, r.target, r.schema) for r in result.relations] == [("csl-j2", "csl-j1", "LinkedTo")]
    assert [(e.line, e.field) for e in result.errors] == [(3, "_id")]


def test_csl_csv_splits_multi_values_and_reports_a_row_with_a_missing_column():
    result = parse_csl_csv((SITE / "lists/csl/consolidated.csv").read_bytes(), "consolidated.csv")
    fis, nw = result.entities
    assert fis.addresses == ["1 Harbour Rd, Port City, XX", "9 Free Zone Ave, Port City, XX"]
    assert fis.aliases == ["FIS Ltd", "Fictive Intercept"]
    assert nw.listings[0].list_code == "SDN" and nw.listings[0].program == "CYBER2"
    assert ("registration", "000000") in {(i.scheme, i.value) for i in nw.identifiers}  # "Registration ID" label
    assert [(r.source, r.target) for r in result.relations] == [("csl-t2", "csl-t1")]
    assert len(result.errors) == 1
    err = result.errors[0]
    assert (err.source, err.line, err.field) == ("consolidated.csv", 4, "federal_register_notice")


def test_ftm_entities_relations_sanctions_addresses_and_dangling_references():
    result = parse_ftm((SITE / "lists/opensanctions/entities.ftm.json").read_bytes(), "e.ftm.json")
    by_id = {e.id: e for e in result.entities}
    assert set(by_id) == {"os-c1", "os-c2", "os-p1"}
    c1 = by_id["os-c1"]
    assert c1.addresses == ["1 Harbour Rd, Port City"] and c1.countries == ["XC"]
    assert [(x.list_code, x.authority, x.start_date) for x in c1.listings] == [("EL", "Bureau of Industry and Security", "2024-07-18")]
    assert ("registration", "FZ0042") in {(i.scheme, i.value) for i in c1.identifiers}  # stored normalized
    rels = {(r.schema, r.source, r.target, r.share, r.role) for r in result.relations}
    # a relation to an entity not in the file is kept (the graph load links it if that entity is loaded)
    assert rels == {("Ownership", "os-c2", "os-c1", 60.0, ""), ("Directorship", "os-p1", "os-c2", None, "director"),
                    ("Ownership", "os-ghost", "os-c1", 10.0, "")}  # fmt: skip
    # references to entities not in the file are warnings; only the unreadable line is a rejected row
    assert [(e.line, e.field) for e in result.warnings] == [(8, "owner"), (9, "entity")]
    assert "os-ghost" in result.warnings[0].reason
    assert [(e.line, e.field) for e in result.errors] == [(10, "")]


def test_fiw_csv_two_header_rows_country_mapping_and_bad_rows():
    result = parse_fiw_csv((SITE / "lists/fiw/fiw_scores.csv").read_bytes(), country_code, "fiw.csv")
    got = {(i.country, i.indicator, i.edition): i.value for i in result.indicators}
    assert got[("XE", "fiw_status", 2025)] == "NF"
    assert got[("XE", "fiw_F1", 2025)] == 0.0 and got[("XE", "fiw_D4", 2025)] == 0.0
    assert got[("XE", "fiw_E2", 2025)] == 1.0 and got[("XE", "fiw_total", 2025)] == 13.0
    assert got[("XW", "fiw_total", 2025)] == 93.0
    assert not any(k[2] == 2024 for k in got)
    assert [(e.line, e.field) for e in result.errors] == [(5, "Country/Territory"), (6, "F2"), (7, "Status")]
    assert "Atlantis" in result.errors[0].reason


def test_fiw_xlsx_reads_the_same_shape():
    result = parse_fiw_xlsx((SITE / "lists/fiw/fiw_scores.xlsx").read_bytes(), country_code, "fiw.xlsx")
    got = {(i.country, i.indicator): i.value for i in result.indicators}
    assert got[("XE", "fiw_F1")] == 0.0 and got[("XE", "fiw_status")] == "NF" and got[("XW", "fiw_total")] == 93.0
    assert [(e.line, e.field) for e in result.errors] == [(5, "Country/Territory")]
    assert parse_fiw_xlsx(b"not a zip", country_code).errors[0].reason.startswith("not a readable XLSX")


def test_shutdown_rows_become_dated_indicators():
    result = parse_shutdowns_csv((SITE / "lists/shutdowns/stop.csv").read_bytes(), country_code, "stop.csv")
    assert [(i.country, i.value, i.start_date, i.end_date, i.edition) for i in result.indicators] == [
        ("XE", "full", "2024-03-10", "2024-03-19", 2024),
        ("XE", "throttling", "2025-01-02", None, 2025),
    ]
    assert "area: Capital province" in result.indicators[0].note
    assert [(e.line, e.field) for e in result.errors] == [(4, "start_date"), (5, "country")]


def test_parse_files_dispatches_ofac_by_file_role():
    files = [ListFile(str(p), p.read_bytes()) for p in (ALT, SDN, ADD)]
    result = parse_files("ofac", files)
    assert len(result.entities) == 366 and result.errors == []

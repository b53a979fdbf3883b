"""`redflag import-deals` through the real CLI on a real embedded FalkorDB graph, with real OFAC rows (field case
04: the non-SDN Consolidated list holding Hangzhou Hikvision) and fictional firms: what a deal import prints must
never read as clear without saying what was searched, and must never lose a party silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

CASE04 = Path(__file__).parents[1] / "fixtures" / "field_cases" / "04-ofac-consolidated-nonsdn-files"
HEADER = (CASE04 / "deal.csv").read_text(encoding="utf-8").splitlines()[0]
CLEAN = ("FIC-CLEAN,Servers,Fictional Exporter Ltd,Northwind Optics GmbH,,,,Northwind Optics GmbH,,"
         "video-analytics-server:2,DE,,,2026-11-02,2026-12-14,pending,no,no,no,no,none,Testing.")


def _file(tmp_path: Path, name: str, header: str, *rows: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_deal_without_a_listed_party_is_not_counted_as_having_one(cli: Any, tmp_path: Path) -> None:
    assert cli("import", "ofac", str(CASE04 / "cons")).exit_code == 0
    listed = cli("import-deals", str(CASE04 / "deal.csv"))  # its customer, end-user... is Hikvision, CMIC-listed
    assert listed.exit_code == 0, listed.output
    assert ("deal FIELD-CMIC: customer/consignee/end_user/payer 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.' "
            "(ofac-cons-30946) IS a list record itself (CMIC)") in listed.output
    assert "1 of 1 deal(s) with a finding: 1 party(ies) that are list records themselves" in listed.output
    # the next file's deal has no listed party: the Hikvision deal stored before is not counted for it
    clean = cli("import-deals", str(_file(tmp_path, "clean.csv", HEADER, CLEAN)))
    assert clean.exit_code == 0, clean.output
    assert "list records themselves" not in clean.output
    assert "none of the 1 deal(s) has a party on a list or matching one" in clean.output


def test_no_finding_says_which_parties_were_searched_against_which_list_version(cli: Any, tmp_path: Path) -> None:
    assert cli("import", "ofac", str(CASE04 / "cons")).exit_code == 0
    res = cli("import-deals", str(_file(tmp_path, "clean.csv", HEADER, CLEAN)))
    assert res.exit_code == 0, res.output
    (line,) = [x for x in res.output.splitlines() if x.startswith("deal FIC-CLEAN: no list record")]
    assert "(exporter 'Fictional Exporter Ltd'; customer/end_user 'Northwind Optics GmbH')" in line
    assert "screened against import:ofac (ofac) file dated " in line and ", 3 entities, version sha256 " in line
    assert "0 match" not in res.output


def test_a_reimport_without_the_end_user_column_is_refused_in_one_line_then_replaced(cli: Any, tmp_path: Path) -> None:
    assert cli("import", "ofac", str(CASE04 / "cons")).exit_code == 0
    assert cli("import-deals", str(_file(tmp_path, "clean.csv", HEADER, CLEAN))).exit_code == 0
    cols = HEADER.split(",")
    drop = cols.index("end_user")
    short = _file(tmp_path, "short.csv", ",".join(c for i, c in enumerate(cols) if i != drop),
                  ",".join(v for i, v in enumerate(CLEAN.split(",")) if i != drop))
    refused = cli("import-deals", str(short))
    assert refused.exit_code == 1
    assert refused.stdout.splitlines() == [
        "short.csv row 2, column end_user: deal 'FIC-CLEAN' is stored with end_user 'Northwind Optics GmbH'; this "
        "file has no end_user column: import refused, nothing changed (to remove it, import again with --replace)"
    ]
    replaced = cli("import-deals", "--replace", str(short))
    assert replaced.exit_code == 0, replaced.output
    assert "deal FIC-CLEAN: end_user removed 'Northwind Optics GmbH' (--replace)" in replaced.stdout.splitlines()

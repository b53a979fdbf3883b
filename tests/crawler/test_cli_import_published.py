"""`redflag import` of OFAC folders as published, through the real CLI, into a real embedded FalkorDB graph:
screenable at once, each entry on its real list, the deal findings following what the list means.

Inputs: field cases 04 (non-SDN Consolidated files + a deal) and 05 (sdn_comments.csv), real OFAC rows.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crawler.archive import Archive
from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from ontology import vocab

FIELD = Path(__file__).parents[1] / "fixtures" / "field_cases"
CASE04 = FIELD / "04-ofac-consolidated-nonsdn-files"
CASE05 = FIELD / "05-sdn-comments-overflow" / "ofac"
HIKVISION = "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."
LISTINGS = Query(
    "t.listings",
    "MATCH (e:Entity)-[:HAS_LISTING]->(l:Listing) RETURN e.name AS name, l.list_code AS code, "
    "l.program AS program ORDER BY name",
)
LINKED = Query("t.linked", "MATCH (:Entity {id: $id})-[:LINKED_TO]->(t:Entity) RETURN t.id AS id", ("id",))
NAMED = Query(
    "t.named",
    "MATCH (e:Entity) WHERE e.name = $name OR ('linked_to:' + $name) IN e.identifiers RETURN e.id AS id",
    ("name",),
)


def _status(cli: Any) -> dict[str, Any]:
    res = cli("status", "--json")
    assert res.exit_code == 0, res.output
    doc: dict[str, Any] = json.loads(res.stdout)
    return {"labels": doc["labels"], "relationships": doc["relationships"]}


def _graph(data_dir: Path) -> FalkorDBStore:
    return FalkorDBStore(data_dir / "graph", "redflag", vocab.labels(), vocab.relationship_types())


def test_consolidated_folder_is_screenable_at_once_on_its_cmic_list(cli: Any, data_dir: Path) -> None:
    res = cli("import", "ofac", str(CASE04 / "cons"))
    assert res.exit_code == 0, res.output
    assert "ofac: 4 file(s), 3 entities" in res.output and "screenable now" in res.output
    assert "version: cons_prim.csv modified" in res.output  # each file's version (date, sha256) is shown
    # no separate `redflag load`: screening finds the entity right away, on its real list
    screened = cli("screen", "Hangzhou Hikvision Digital Technology Co. Ltd.", "--json")
    assert screened.exit_code == 0, screened.output
    top = json.loads(screened.stdout)["matches"][0]
    assert (top["name"], top["lists"], top["programs"]) == (HIKVISION, ["CMIC"], ["CMIC-EO13959"])
    store = _graph(data_dir)
    try:
        rows = store.run(LISTINGS)
    finally:
        store.close()
    assert [(r["name"], r["code"], r["program"]) for r in rows] == [
        (HIKVISION, "CMIC", "CMIC-EO13959"),
        ("MEGVII TECHNOLOGY LIMITED", "CMIC", "CMIC-EO13959"),
        ("SENSETIME GROUP LIMITED", "CMIC", "CMIC-EO13959"),
    ]


def _deal_flags(cli: Any) -> dict[str, Any]:
    res = cli("import-deals", str(CASE04 / "deal.csv"))
    assert res.exit_code == 0, res.output
    flags = cli("flags", "--transaction", "FIELD-CMIC", "--json")
    assert flags.exit_code == 0, flags.output
    doc: dict[str, Any] = json.loads(flags.stdout)
    return doc


def test_a_deal_with_the_cmic_listed_end_user_names_the_listing_and_is_no_sdn_hard_stop(cli: Any) -> None:
    assert cli("import", "ofac", str(CASE04 / "cons")).exit_code == 0
    doc = _deal_flags(cli)
    k01 = [f for f in doc["findings"] if f["rule"] == "BIS-K01"]
    assert len(k01) == 1 and not k01[0]["hard_stop"]
    text = k01[0]["explanation"]
    assert "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC List) [CMIC-EO13959]" in text
    assert "securities" in text and "Not an export hard stop" in text and "SDN List" not in text
    assert not doc["hard_stop"] and doc["hard_stops"] == []


def test_the_same_rows_published_as_sdn_stop_the_deal(cli: Any, tmp_path: Path) -> None:
    # the control: what stops the deal is the list's meaning, not the name screened
    folder = tmp_path / "sdn"
    folder.mkdir()
    for role in ("prim", "add", "alt"):
        target = "sdn.csv" if role == "prim" else f"{role}.csv"
        shutil.copy(CASE04 / "cons" / f"cons_{role}.csv", folder / target)
    assert cli("import", "ofac", str(folder)).exit_code == 0
    doc = _deal_flags(cli)
    k01 = [f for f in doc["findings"] if f["rule"] == "BIS-K01"]
    assert k01 and k01[0]["hard_stop"] and doc["hard_stop"]
    reasons = [h["reason"] for h in doc["hard_stops"] if h["rule"] == "BIS-K01"]
    assert reasons and "Specially Designated Nationals and Blocked Persons List (SDN List)" in reasons[0]


def test_sdn_comments_give_the_five_linked_to_relations_in_the_graph(cli: Any, data_dir: Path) -> None:
    res = cli("import", "ofac", str(CASE05))
    assert res.exit_code == 0, res.output
    assert "4 file(s), 6 entities, 5 relations" in res.output and "0 rejected" in res.output
    store = _graph(data_dir)
    try:
        linked = store.run(LINKED, {"id": "ofac-12300"})
        cut = store.run(NAMED, {"name": "PROMO RAI"})
    finally:
        store.close()
    assert {r["id"] for r in linked} == {"ofac-12395", "ofac-12396", "ofac-12397", "ofac-12376", "ofac-12380"}
    assert cut == []


def test_importing_twice_changes_nothing(cli: Any, data_dir: Path) -> None:
    first = cli("import", "ofac", str(CASE05))
    assert first.exit_code == 0, first.output
    before = _status(cli)
    again = cli("import", "ofac", str(CASE05))
    assert again.exit_code == 0, again.output
    assert "already imported: nothing new stored" in again.output
    assert _status(cli) == before
    assert before["labels"]["Entity"] == 6 and before["relationships"]["LINKED_TO"] == 5
    with Archive(data_dir / "archive") as archive:
        assert len(archive.list_entities("ofac")) == 6


def test_a_file_whose_role_cannot_be_told_is_an_error_and_nothing_is_stored(cli: Any, data_dir: Path) -> None:
    # the field case's top folder holds deal.csv only (the lists are in cons/): not an OFAC file
    # through the installed entry point, as a user runs it: exit status and the one-line message
    proc = subprocess.run(
        [sys.executable, "-m", "redflag", "--data-dir", str(data_dir), "import", "ofac", str(CASE04)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 1 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "deal.csv: cannot tell which OFAC file" in lines[0]
    assert not (data_dir / "archive").exists() or Archive(data_dir / "archive").list_entities() == []


def test_ftm_unknown_schemata_are_counted_and_named(cli: Any, tmp_path: Path) -> None:
    ftm = tmp_path / "entities.ftm.json"
    ftm.write_text(
        '{"id":"c1","schema":"Company","properties":{"name":["Fictive Intercept Systems Ltd"],'
        '"addressEntity":["a-gone"]}}\n'
        '{"id":"v1","schema":"Vehicle","properties":{"registrationNumber":["XV-1"]}}\n',
        encoding="utf-8",
    )
    res = cli("import", "ftm", str(ftm))
    assert res.exit_code == 0, res.output
    assert "1 entities" in res.output and "1 rejected row(s), 1 warning(s)" in res.output
    assert "entities.ftm.json:2: schema: v1: schema 'Vehicle' is not imported" in res.output
    assert "warning" in res.output and "address 'a-gone' is not in the file" in res.output


def test_an_import_cut_short_is_completed_by_running_it_again(cli: Any, data_dir: Path) -> None:
    from redflag.services.crawling import import_files
    from redflag.services.pipeline import load_parsed
    from redflag.services.store import open_store
    from redflag.settings import load_settings

    cfg = load_settings(data_dir)
    result = import_files(cfg.archive_dir, "ofac", [CASE05])
    assert result.parsed is not None

    def ctrl_c_after_two(done: int, total: int, label: str) -> None:
        if label == "entities" and done >= 2:
            raise KeyboardInterrupt  # what Ctrl-C does in the middle of the graph load

    with open_store(cfg) as store, pytest.raises(KeyboardInterrupt):
        load_parsed(store, result.parsed, ctrl_c_after_two, batch_size=2)
    assert _status(cli)["labels"]["Entity"] == 2  # cut short: two of six entries in the graph
    again = cli("import", "ofac", str(CASE05))
    assert again.exit_code == 0, again.output
    assert "already imported: nothing new stored" in again.output  # the archive had it; the graph is completed
    done = _status(cli)
    assert done["labels"]["Entity"] == 6 and done["labels"]["Listing"] == 6
    assert done["relationships"]["LINKED_TO"] == 5 and done["relationships"]["HAS_ADDRESS"] == 17


def test_an_ns_mbs_entry_whose_remarks_name_export_sanctions_stops_the_deal(cli: Any, tmp_path: Path) -> None:
    real = Path(__file__).parents[1] / "fixtures" / "crawler" / "ofac_cons_real"
    assert cli("import", "ofac", str(real)).exit_code == 0
    template = (CASE04 / "deal.csv").read_text(encoding="utf-8")
    for deal_id, party, stops in (("MBS-EXPORT", "PRESIDENCY OF DEFENSE INDUSTRIES", True),
                                  ("MBS-BURMA", "MYANMA OIL AND GAS ENTERPRISE", False)):  # fmt: skip
        deal = tmp_path / f"{deal_id}.csv"
        deal.write_text(template.replace("FIELD-CMIC", deal_id).replace("Hangzhou Hikvision Digital Technology Co. Ltd.", party),
                        encoding="utf-8")  # fmt: skip
        assert cli("import-deals", str(deal)).exit_code == 0
        doc = json.loads(cli("flags", "--transaction", deal_id, "--json").stdout)
        k01 = [f for f in doc["findings"] if f["rule"] == "BIS-K01"]
        assert len(k01) == 1 and "Non-SDN Menu-Based Sanctions List (NS-MBS List)" in k01[0]["explanation"]
        assert k01[0]["hard_stop"] is stops and doc["hard_stop"] is stops, deal_id


def test_linked_to_parties_already_in_the_graph_are_linked_across_imports(cli: Any, data_dir: Path, tmp_path: Path) -> None:
    rows = (CASE05 / "sdn.csv").read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "linked", tmp_path / "cifuentes"
    first.mkdir()
    second.mkdir()
    (first / "sdn.csv").write_text("\n".join(r for r in rows if not r.startswith("12300,")) + "\n", encoding="utf-8")
    (second / "sdn.csv").write_text("\n".join(r for r in rows if r.startswith("12300,")) + "\n", encoding="utf-8")
    shutil.copy(CASE05 / "sdn_comments.csv", second / "sdn_comments.csv")
    assert cli("import", "ofac", str(first)).exit_code == 0
    res = cli("import", "ofac", str(second))
    assert res.exit_code == 0, res.output
    assert "1 entities, 0 relations" in res.output  # nothing to link inside the second import itself
    store = _graph(data_dir)
    try:
        linked = store.run(LINKED, {"id": "ofac-12300"})
    finally:
        store.close()
    assert {r["id"] for r in linked} == {"ofac-12395", "ofac-12396", "ofac-12397", "ofac-12376", "ofac-12380"}


def test_an_ftm_file_is_streamed_into_the_graph_screenable_at_once_with_its_version(
    cli: Any, data_dir: Path
) -> None:
    """FtM is the streamed path (two passes, records stored and loaded in chunks from the archive): the same
    one step as OFAC, the same rejected rows and warnings as the in-memory parser, and idempotent."""
    ftm = Path(__file__).parents[1] / "fixtures" / "crawler" / "site" / "lists" / "opensanctions" / "entities.ftm.json"
    res = cli("import", "ftm", str(ftm))
    assert res.exit_code == 0, res.output
    assert "ftm: 1 file(s), 3 entities, 3 relations" in res.output and "screenable now" in res.output
    assert "1 rejected row(s), 2 warning(s)" in res.output  # "not json at all"; os-ghost, os-nobody
    screened = cli("screen", "Fictive Intercept Systems Ltd", "--json")
    assert screened.exit_code == 0, screened.output
    top = json.loads(screened.stdout)["matches"][0]
    assert top["name"] == "Fictive Intercept Systems Ltd" and top["lists"] == ["EL"]
    doc = json.loads(cli("status", "--json").stdout)
    [version] = doc["list_versions"]
    assert version["entity_count"] == 3 and [f["name"] for f in version["files"]] == [str(ftm.resolve())]
    before = _status(cli)
    assert before["labels"]["Entity"] == 3
    again = cli("import", "ftm", str(ftm))
    assert again.exit_code == 0 and "already imported: nothing new stored" in again.output
    assert _status(cli) == before  # nothing duplicated


def test_a_deal_party_that_is_a_list_record_is_screened_and_logged_matching_its_own_record(cli: Any) -> None:
    # field case 04's deal names Hikvision, which the import matches to its NS-CMIC record: the audit log must
    # hold that party's screening (its own record among the matches), and the summary must say so
    assert cli("import", "ofac", str(CASE04 / "cons")).exit_code == 0
    res = cli("import-deals", str(CASE04 / "deal.csv"))
    assert res.exit_code == 0, res.output
    assert "1 of 1 deal(s) with a finding: 1 party(ies) that are list records themselves" in res.output
    assert "(ofac-cons-30946) IS a list record itself (CMIC); screened and logged matching its own record" in res.output
    log = cli("screening-log", "--format", "json")
    assert log.exit_code == 0, log.output
    assert "ofac-cons-30946" in log.stdout

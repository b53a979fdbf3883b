"""List files at any size: the seeded generators of benchmarks/list_files.py write what the parsers read, the
same bytes for the same seed; an FtM file is read in streaming passes with the same result as the in-memory parser;
an interrupted import resumes where it stopped; the graph load streams from the archive in batches."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import crawler.archive as archive_module
from benchmarks.list_files import write_csl, write_ftm, write_ofac
from crawler.archive import Archive
from crawler.parsers.ftm import FtmReader, file_lines, parse_ftm
from crawler.parsers.lists import ListFile, parse_files
from redflag.services import screening_ops
from redflag.services.crawling import country_code, import_files
from redflag.services.pipeline import load_lists

FIXTURE = Path(__file__).parents[1] / "fixtures" / "crawler" / "site" / "lists" / "opensanctions" / "entities.ftm.json"
ENTITY_SCHEMATA = {"Person", "Company", "Organization", "LegalEntity", "Vessel"}


def ftm_bytes(n: int, seed: int) -> bytes:
    out = io.BytesIO()
    write_ftm(out, n, seed)
    return out.getvalue()


def test_the_generated_ftm_file_is_the_same_for_a_seed_and_parses_without_a_rejected_row() -> None:
    data = ftm_bytes(600, seed=3)
    assert data == ftm_bytes(600, seed=3)
    assert data != ftm_bytes(600, seed=4)
    lines = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert len(lines) == 600
    schemata = {o["schema"] for o in lines}
    assert {"Person", "Company", "Address", "Sanction", "Ownership"} <= schemata
    parsed = parse_ftm(data)
    assert parsed.errors == []
    assert len(parsed.entities) == sum(o["schema"] in ENTITY_SCHEMATA for o in lines)
    assert parsed.relations and any(e.listings for e in parsed.entities) and any(e.addresses for e in parsed.entities)
    names = " ".join(n for e in parsed.entities for n in [e.name, *e.aliases])
    for first, last in (("\u0400", "\u04ff"), ("\u0600", "\u06ff"), ("\u4e00", "\u9fff"), ("\u0370", "\u03ff")):
        assert any(first <= ch <= last for ch in names), f"no name in script {first!r}..{last!r}"


def test_the_generated_ofac_files_have_the_legacy_layout_and_parse(tmp_path: Path) -> None:
    counts = write_ofac(tmp_path, 300, seed=5)
    sdn = (tmp_path / "sdn.csv").read_bytes()
    assert sdn.endswith(b"\r\n\x1a") and b",-0- ," in sdn
    write_ofac(tmp_path / "again", 300, seed=5)
    assert (tmp_path / "again" / "alt.csv").read_bytes() == (tmp_path / "alt.csv").read_bytes()
    files = [ListFile(str(tmp_path / f"{r}.csv"), (tmp_path / f"{r}.csv").read_bytes()) for r in ("sdn", "add", "alt")]
    parsed = parse_files("ofac", files, country_code)
    assert parsed.errors == []
    assert len(parsed.entities) == counts["sdn"] == 300
    assert sum(len(e.aliases) for e in parsed.entities) >= counts["alt"]
    assert any(e.addresses for e in parsed.entities) and parsed.relations  # "Linked To:" resolved


def test_the_generated_csl_file_parses(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        write_csl(fh, 120, seed=2)
    parsed = parse_files("csl", [ListFile(str(path), path.read_bytes())], country_code)
    assert parsed.errors == [] and len(parsed.entities) == 120
    assert {lst.list_code for e in parsed.entities for lst in e.listings} >= {"EL", "SDN"}


def test_the_streaming_reader_finds_what_the_in_memory_parser_finds(tmp_path: Path) -> None:
    bad = (
        b'{"id": "x1", "schema": "Sanction", "properties": {"entity": ["nobody"]}}\nnot json\n'
        b'{"id": "p1", "schema": "Payment", "properties": {"amount": ["10"]}}\n'
    )
    data = FIXTURE.read_bytes() + b"\n" + bad + ftm_bytes(200, seed=1)
    path = tmp_path / "entities.ftm.json"
    path.write_bytes(data)
    reader = FtmReader(file_lines(path), "entities.ftm.json")
    reader.scan()
    entities = list(reader.entities())
    expected = parse_ftm(data)
    assert [e.to_dict() for e in entities] == [e.to_dict() for e in expected.entities]
    assert reader.relations == expected.relations
    assert sorted(reader.errors, key=lambda e: e.line) == expected.errors
    assert sorted(reader.warnings, key=lambda e: e.line) == expected.warnings
    assert any("schema 'Payment' is not imported" in e.reason for e in expected.errors)  # rejected, not dropped
    assert any("'nobody', which is not in the file" in w.reason for w in expected.warnings)  # a warning, not a rejection


def test_an_interrupted_import_resumes_where_it_stopped_and_stores_each_record_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_module, "LIST_CHUNK", 40)
    path = tmp_path / "entities.ftm.json"
    path.write_bytes(ftm_bytes(500, seed=9))
    seen: list[int] = []

    def interrupt_after_100(stage: str, done: int, total: int) -> None:
        if stage == "storing":
            seen.append(done)
            if done >= 100:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_files(tmp_path / "archive", "ftm", [path], interrupt_after_100)
    with Archive(tmp_path / "archive") as archive:
        assert archive.list_entities() == []  # a set stored in part is not current
        assert archive.runs()[-1].outcome == "interrupted"

    resumed: list[int] = []
    result = import_files(tmp_path / "archive", "ftm", [path], lambda s, d, t: resumed.append(d) if s == "storing" else None)
    assert result.stored and resumed[0] == 120  # three chunks of 40 were kept
    straight = import_files(tmp_path / "fresh", "ftm", [path])
    with Archive(tmp_path / "archive") as a, Archive(tmp_path / "fresh") as b:
        assert [e.to_dict() for e in a.list_entities()] == [e.to_dict() for e in b.list_entities()]
        assert [r.to_dict() for r in a.list_relations()] == [r.to_dict() for r in b.list_relations()]
        assert a.current_record_count() == result.entities + result.relations == straight.entities + straight.relations
    assert import_files(tmp_path / "archive", "ftm", [path]).stored is False  # already imported


def test_lists_load_into_the_graph_in_batches_and_every_listed_entity_is_screenable(
    tmp_path: Path, falkordb_store
) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_bytes(ftm_bytes(300, seed=11))
    result = import_files(tmp_path / "archive", "ftm", [path])
    with Archive(tmp_path / "archive") as archive:
        steps: list[tuple[int, int]] = []
        report = load_lists(falkordb_store, archive, lambda d, t, label: steps.append((d, t)), batch=7)
        counts = falkordb_store.counts()
        again = load_lists(falkordb_store, archive)
        listed = sorted(e.id for e in archive.list_entities() if e.listings)
    assert sorted(c.id for c in screening_ops.load_candidates(falkordb_store)) == listed
    assert report.errors == [] and len(steps) > result.entities // 7
    assert steps[-1][0] == steps[-1][1] == result.entities + result.relations
    assert counts["labels"]["Entity"] == result.entities
    assert falkordb_store.counts() == counts and again.nodes == report.nodes  # loading twice changes nothing

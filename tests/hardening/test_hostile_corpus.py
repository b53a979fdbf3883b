"""A hostile corpus end to end: names and passages with Cypher fragments, markup and script tags, control
characters, right-to-left overrides and a 1 MB name go through the real parsers and loaders into a real
embedded store, come back unchanged, are shown as text by the UI, and export as RDF that conforms to the shapes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
import streamlit as st
from streamlit.testing.v1 import AppTest

from crawler.parsers.common import SourceMeta
from crawler.parsers.ftm import parse_ftm
from crawler.parsers.hrr import parse_hrr
from graph import falkordb_server
from graph.store import GraphStore
from ontology.validate import validate_file
from redflag.services import explore
from redflag.services.exports import export_graph
from redflag.services.loading import load_countries, load_documents, load_list_entities
from redflag.services.store import open_store
from redflag.settings import load_settings

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"
CYPHER = "x'}) MATCH (n) DETACH DELETE n //"
CYPHER_2 = 'Acme" }] RETURN 1 UNION MATCH (m) SET m.pwned = true //'
SCRIPT = "<script>alert('x')</script> Vanta Systems"
MARKUP = "**bold** [link](javascript:alert(1)) <img src=x onerror=alert(1)> &amp; {{7*7}} ${jndi:x}"
CONTROL = "Tab\there\x07bell\x1bescape\x7fdel\x0cff\u2028ls Holdings"
RTL = "Harbor \u202eSNOITULOS\u202c Trading \u2066isolate\u2069"
HUGE = "Megacorp " + "A" * (1024 * 1024)
NAMES = {"h-cypher": CYPHER, "h-cypher2": CYPHER_2, "h-script": SCRIPT, "h-markup": MARKUP, "h-control": CONTROL,
         "h-rtl": RTL, "h-huge": HUGE}  # fmt: skip
TITLE = f"Freedonia 2026 {SCRIPT} {CYPHER}"
PASSAGE = f"The agency bought interception kit from {SCRIPT} and {CYPHER}; {RTL}."


def _ftm_lines() -> bytes:
    rows = [
        {
            "id": eid,
            "schema": "Company",
            "properties": {"name": [name], "alias": [CYPHER_2] if eid == "h-rtl" else [], "country": ["fd"]},
        }
        for eid, name in NAMES.items()
    ]
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode("utf-8")


def _report_page() -> bytes:
    from html import escape

    return (
        f"<html><head><title>{escape(TITLE)}</title></head><body><main>"
        f"<h1>{escape(TITLE)}</h1><h2>Section 1. Respect for the Integrity of the Person</h2>"
        f"<p>{escape(PASSAGE)}</p><p>{escape(MARKUP)}</p></main></body></html>"
    ).encode()


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    data = tmp_path_factory.mktemp("hostile")
    parsed = parse_ftm(_ftm_lines(), "hostile.ftm.json", dataset="hostile")
    assert not parsed.errors, parsed.errors
    doc = parse_hrr(
        _report_page(),
        "https://reports.example.test/freedonia",
        SourceMeta("hrr", "Example", 1, "2026-01-01"),
    )
    try:
        with open_store(load_settings(data)) as store:
            load_countries(store, [{"code": "FD", "name": "Freedonia <b>\u202e"}])
            load_list_entities(store, parsed.entities, parsed.relations)
            load_documents(store, [doc])
        yield data
    finally:
        falkordb_server.stop(data / "graph")


@pytest.fixture
def store(hostile_dir: Path) -> Iterator[GraphStore]:
    with open_store(load_settings(hostile_dir)) as s:
        yield s


def test_every_hostile_name_is_stored_unchanged(store: GraphStore) -> None:
    for eid, name in NAMES.items():
        profile = explore.entity_profile(store, eid)
        assert profile is not None, eid
        assert profile["name"] == name, eid
    assert len(explore.entity_profile(store, "h-huge")["name"]) == len(HUGE)  # type: ignore[index]


def test_cypher_in_data_ran_nothing(store: GraphStore) -> None:
    counts = explore.counts(store)
    assert sum(counts.get("labels", counts.get("nodes", {})).values()) > 0, counts
    assert all(explore.entity_profile(store, eid) for eid in NAMES)  # nothing was deleted
    nodes, _ = store.dump()
    assert not any("pwned" in (n.get("props") or {}) for n in nodes)


def test_the_hostile_passage_is_parsed_and_its_document_stored_unchanged(store: GraphStore) -> None:
    doc = parse_hrr(
        _report_page(),
        "https://reports.example.test/freedonia",
        SourceMeta("hrr", "Example", 1, "2026-01-01"),
    )
    assert PASSAGE in doc.text and MARKUP in doc.text  # the page's escaped markup is text again, unchanged
    nodes, _ = store.dump()
    titles = [(n.get("props") or {}).get("title") for n in nodes if "Document" in (n.get("labels") or [])]
    assert titles == [TITLE]


def test_search_finds_hostile_names_by_their_words(store: GraphStore) -> None:
    assert any(h["id"] == "h-script" for h in explore.search_entities(store, "Vanta Systems"))
    assert any(h["id"] == "h-rtl" for h in explore.search_entities(store, "Harbor Trading"))


@pytest.mark.parametrize("fmt", ["turtle", "ftm", "graphml", "csv"])
def test_every_export_format_takes_the_corpus(store: GraphStore, tmp_path: Path, fmt: str) -> None:
    out = export_graph(store, fmt, tmp_path / f"export.{fmt}")
    assert out.exists()


def test_the_turtle_export_parses_and_conforms(store: GraphStore, tmp_path: Path) -> None:
    out = export_graph(store, "turtle", tmp_path / "hostile.ttl")
    g = rdflib.Graph().parse(out, format="turtle")
    literals = {str(o) for o in g.objects() if isinstance(o, rdflib.Literal)}
    assert SCRIPT in literals and CYPHER in literals and RTL in literals
    assert any(lit.startswith("Megacorp AAAA") and len(lit) == len(HUGE) for lit in literals)
    outcome = validate_file(out)
    assert outcome.conforms, outcome


@pytest.fixture
def app_env(hostile_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("REDFLAG_DATA_DIR", str(hostile_dir))
    for var in ("REDFLAG_UI_PASSWORD_HASH", "REDFLAG_UI_USERS", "REDFLAG_UI_AUTH"):
        monkeypatch.delenv(var, raising=False)
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.mark.parametrize(
    "query,expected", [("Vanta Systems", SCRIPT), ("img src onerror", MARKUP), ("Harbor Trading", RTL)]
)
def test_the_profile_page_shows_hostile_names_as_text(app_env: None, query: str, expected: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    at.switch_page("pages/search.py").run()
    at.text_input(key="search_q").input(query).run()
    assert not at.header  # nothing is opened without a click
    next(b for b in at.button if b.key and b.key.startswith("search_hit_")).click().run()  # the best hit
    assert not at.exception, at.exception
    assert [h.value for h in at.header] == [expected]  # st.header takes the value as plain text
    for md in at.markdown:  # anything rendered as Markdown must have the data escaped
        assert "<img" not in md.value and "<script" not in md.value


def test_a_nul_in_a_csv_cell_is_dropped_by_the_parser() -> None:
    from crawler.parsers.csl import parse_csl_csv

    parsed = parse_csl_csv(b"_id,name,source\nr1,Nul\x00Corp,Entity List (EL)\n")
    assert [e.name for e in parsed.entities] == ["NulCorp"]


def test_a_nul_inside_a_json_value_is_dropped_by_the_store(data_dir: Path) -> None:
    parsed = parse_ftm(
        b'{"id": "nul", "schema": "Company", "properties": {"name": ["Nul\\u0000Corp"]}}', "nul.ftm.json"
    )
    try:
        with open_store(load_settings(data_dir)) as s:
            load_list_entities(s, parsed.entities)
            node = s.get_node("Entity", parsed.entities[0].id)
        assert node is not None and node["name"] == "NulCorp"
    finally:
        falkordb_server.stop(data_dir / "graph")

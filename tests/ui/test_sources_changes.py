"""The Sources page shows what changed in the lists since the previous refresh, as a table (Streamlit AppTest)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from crawler.archive import Archive
from crawler.parsers.common import ParsedList
from ontology.records import ListEntity

PAGE = Path(__file__).resolve().parents[2] / "ui" / "pages" / "sources.py"


def _set(*entities: ListEntity) -> ParsedList:
    parsed = ParsedList()
    parsed.entities.extend(entities)
    return parsed


def test_sources_page_lists_entries_added_removed_and_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    with Archive(data / "archive") as archive:
        old = ListEntity("csl-k2", "Company", "Fictive Mirror Optics", "csl", aliases=["Mirror Optics Co"])
        archive.store_list("my-csl", "csl", "a" * 64, _set(old, ListEntity("csl-k3", "Company", "Fictive Quarry", "csl")))
        new = ListEntity("csl-k2", "Company", "Fictive Mirror Optics", "csl", aliases=["Mirror Optics Group"])
        archive.store_list("my-csl", "csl", "b" * 64, _set(new, ListEntity("csl-k4", "Company", "Fictive Sable", "csl")))
    for key in [k for k in os.environ if k.startswith("REDFLAG_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("REDFLAG_DATA_DIR", str(data))
    st.cache_resource.clear()  # AppTest runs in this process: settings and store are cached per process
    st.cache_data.clear()
    try:
        at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()
    assert not at.exception, at.exception
    tables = [t.value for t in at.dataframe]
    changes = next(t for t in tables if "change" in t.columns)
    rows = {(r["change"], r["item"]): r["detail"] for r in changes.to_dict("records")}
    assert rows == {
        ("added", "Fictive Sable (csl-k4)"): "",
        ("removed", "Fictive Quarry (csl-k3)"): "",
        ("changed", "Fictive Mirror Optics (csl-k2)"): "aliases: +Mirror Optics Group, -Mirror Optics Co",
    }

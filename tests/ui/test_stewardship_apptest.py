"""The stewardship pages render with the demo data (Streamlit AppTest, each page file run on its own), and the
grievance page records and moves a grievance."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from redflag.services.store import open_store
from redflag.settings import load_settings
from redflag.stewardship import grievances as G

PAGES = Path(__file__).resolve().parents[2] / "ui" / "pages"


@pytest.fixture(scope="module")
def data_env(demo_dir: Path) -> Iterator[Path]:
    st.cache_resource.clear()  # the settings and the store are cached per process: read this module's folder
    st.cache_data.clear()
    mp = pytest.MonkeyPatch()
    mp.setenv("REDFLAG_DATA_DIR", str(demo_dir))
    mp.setenv("REDFLAG_USER", "apptest-officer")
    yield demo_dir
    mp.undo()


def _run(page: str) -> AppTest:
    at = AppTest.from_file(str(PAGES / page), default_timeout=120).run()
    assert not at.exception, at.exception
    return at


def test_item_register_page_shows_the_gaps_of_facetrace(data_env: Path) -> None:
    at = _run("items.py")
    assert [t.value for t in at.title] == ["Item register"]
    assert at.selectbox(key="item_pick").value == "facetrace"
    assert any("safeguard(s) the guidance expects are missing" in w.value for w in at.warning)


def test_monitoring_page_lists_the_monitored_deals(data_env: Path) -> None:
    at = _run("monitoring.py")
    assert [t.value for t in at.title] == ["Monitoring alerts"]
    assert any("DEMO\\-MONITOR" in m.value for m in at.markdown)


def test_grievance_page_records_and_acknowledges_a_grievance(data_env: Path) -> None:
    at = _run("grievances.py")
    at.text_input(key="grv_subject").input("Letter about Lumen Metro")
    at.text_area(key="grv_text").input("A letter says watchlists are used beyond warrants.")
    at.text_area(key="grv_orgs").input("Lumen Metro Transit Authority")  # a name, not an internal id
    at.text_input(key="grv_places").input("Lumen")
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert any("Give the reporter this receipt code" in s.value for s in at.success), [e.value for e in at.error]
    with open_store(load_settings(data_env)) as store:
        [g] = [g for g in G.list_grievances(store) if g["subject"] == "Letter about Lumen Metro"]
        assert g["channel"] == "email" and g["grievance_status"] == "received"
        named = {n["id"] for n in G.get_grievance(store, str(g["id"]))["named"]}
        assert named == {"lumen-metro-transit", "XL"}


LONG_REPORT = "On 3 May the cameras at the station were used to follow a group of students. " * 60


def test_grievance_form_keeps_what_was_typed_when_a_name_cannot_be_resolved(data_env: Path) -> None:
    at = _run("grievances.py")
    at.text_input(key="grv_subject").input("Students followed at the station")
    at.text_area(key="grv_text").input(LONG_REPORT)
    at.text_area(key="grv_orgs").input("Lumen Metro Transit Authority\nNo Such Company Whatsoever Ltd")
    at.button[0].click().run()
    assert not at.exception
    assert any("Nothing was recorded" in e.value and "No Such Company Whatsoever Ltd" in e.value for e in at.error)
    assert at.text_area(key="grv_text").value == LONG_REPORT  # the long report is still there
    assert at.text_input(key="grv_subject").value == "Students followed at the station"
    with open_store(load_settings(data_env)) as store:
        assert not [g for g in G.list_grievances(store) if g["subject"] == "Students followed at the station"]
    at.text_area(key="grv_orgs").input("Lumen Metro Transit Authority")  # corrected: now it is recorded
    at.button[0].click().run()
    assert any("Give the reporter this receipt code" in s.value for s in at.success), [e.value for e in at.error]
    assert not at.text_area(key="grv_text").value  # and the form starts empty for the next one


def test_monitoring_run_button_reports_its_progress_and_outcome(data_env: Path) -> None:
    # through the app's navigation: the alerts a run raises are listed with links to their deals' pages
    at = AppTest.from_file(str(PAGES.parent / "app.py"), default_timeout=300).run()
    at.switch_page("pages/monitoring.py").run()
    assert at.checkbox(key="monitor_crawl").value is False  # no crawl (no outside request) unless asked
    at.checkbox(key="monitor_send").uncheck()
    at.button(key="monitor_run").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    shown = " ".join(str(t.value) for t in at.text)
    assert "deals re-evaluated: " in shown and "DEMO-MONITOR" in shown.split("deals re-evaluated: ")[1], shown
    assert "Sources crawled: none" in shown and "new alerts: " in shown

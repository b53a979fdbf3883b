"""The bulk screening page (Streamlit AppTest): a 1,000-row upload is screened with progress, bad rows are
listed by line, the report can be downloaded, a decision clears a match, and the party's history shows it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from test_cli_and_services import world  # noqa: F401 - the graph fixture

from redflag.screening_ops.audit import AuditLog
from tests.screening_ops.conftest import BAD_LINES, write_party_csv

PAGE = Path(__file__).resolve().parents[2] / "ui" / "pages" / "screening.py"


@pytest.fixture
def page_env(world: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:  # noqa: F811
    monkeypatch.setenv("REDFLAG_DATA_DIR", str(world))
    for var in ("REDFLAG_UI_PASSWORD_HASH", "REDFLAG_UI_USERS", "REDFLAG_UI_AUTH"):
        monkeypatch.delenv(var, raising=False)
    st.cache_resource.clear()  # settings and store are cached per process; this test has its own data folder
    yield world
    st.cache_resource.clear()


def test_upload_screen_decide_and_history(page_env: Path, tmp_path: Path) -> None:
    at = AppTest.from_file(str(PAGE), default_timeout=180).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Bulk screening"]
    assert any("Nothing screened yet" in str(i.value) for i in at.info)

    data = write_party_csv(tmp_path / "parties.csv").read_bytes()
    at.session_state["screening_upload"] = ("parties.csv", data)  # what the file uploader stores
    at.run()
    at.button(key="screening_run").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert any("Screened 996 part(ies)" in str(s.value) and "4 malformed" in str(s.value) for s in at.success)
    frames = [f.value for f in at.dataframe]
    errors = frames[0]
    assert sorted(errors["line"].tolist()) == sorted(BAD_LINES)
    results = frames[1]
    assert len(results) == 996 and (results["status"] == "match").sum() >= 20
    with AuditLog.for_data_dir(page_env) as log:
        assert log.count("screening") == 996 and log.count("run") == 1
        key = next(k for k in log.party_keys() if k.endswith("|REF-0"))

    at.selectbox(key="decide_party").set_value(key).run()
    at.selectbox(key="decide_entity").set_value("syn-1").run()
    at.radio(key="decide_kind").set_value("false_positive").run()
    at.text_input(key="decide_reason").input("different registration number").run()
    at.button(key="decide_go").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("Recorded false_positive" in str(s.value) for s in at.success)

    at.selectbox(key="history_party").set_value(key).run()
    (history,) = [f.value for f in at.dataframe if "kind" in f.value.columns]
    assert history["kind"].tolist() == ["screening", "decision"]
    assert history["reason"].tolist()[-1] == "different registration number"

def test_a_file_without_a_name_column_is_refused_with_a_message(page_env: Path) -> None:
    at = AppTest.from_file(str(PAGE), default_timeout=120).run()
    at.session_state["screening_upload"] = ("bad.csv", b"customer,country\nA,XV\n")
    at.run()
    at.button(key="screening_run").click().run()
    assert not at.exception
    assert any("no 'name' column" in str(e.value) for e in at.error)

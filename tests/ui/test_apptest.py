"""Every page renders with the demo data (Streamlit AppTest), and its main interactions change state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import HOSTILE_ID, HOSTILE_IMG

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"
PAGES = {
    "pages/overview.py": "Overview",
    "pages/search.py": "Search & profile",
    "pages/network.py": "Network explorer",
    "pages/paths.py": "Diversion paths",
    "pages/transactions.py": "Transactions",
    "pages/review.py": "Review queue",
    "pages/sources.py": "Sources",
    "pages/reports.py": "Reports",
    "pages/screen_name.py": "Screen a name",
    "pages/screening.py": "Bulk screening",
    "pages/items.py": "Item register",
    "pages/grievances.py": "Grievances",
    "pages/monitoring.py": "Monitoring alerts",
}


@pytest.fixture(scope="module")
def data_env(demo_dir: Path) -> Iterator[Path]:
    st.cache_resource.clear()  # the settings and the store are cached per process: read this module's folder
    st.cache_data.clear()
    mp = pytest.MonkeyPatch()
    mp.setenv("REDFLAG_DATA_DIR", str(demo_dir))
    mp.setenv("REDFLAG_USER", "apptest-analyst")
    yield demo_dir
    mp.undo()


def _app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    if page:
        at.switch_page(page).run()
    return at


def _texts(at: AppTest) -> str:
    parts = [e.value for e in at.text] + [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [str(e.value) for e in at.info] + [str(e.value) for e in at.success]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page,title", PAGES.items())
def test_every_page_renders_without_error(data_env: Path, page: str, title: str) -> None:
    at = _app(page)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [title]
    assert not at.error, [e.value for e in at.error]


def test_overview_counts_what_the_demo_loaded(data_env: Path) -> None:
    at = _app()
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Transaction"]) == 4
    assert int(metrics["Entity"]) > 100 and int(metrics["Finding"]) > 0


def _hits(at: AppTest, key: str = "search") -> list[str]:
    return [b.label for b in at.button if b.key and b.key.startswith(f"{key}_hit_")]


def _open_hit(at: AppTest, entity_id: str, key: str = "search") -> AppTest:
    """Click the search hit of this entity (its label names the id)."""
    hit = next(b for b in at.button if b.key and b.key.startswith(f"{key}_hit_") and f" · id {entity_id} · " in b.label)
    return hit.click().run()


def _linked(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    return at.switch_page(page).run()


def test_search_lists_matches_and_opens_only_the_one_clicked(data_env: Path) -> None:
    at = _app("pages/search.py")
    at.text_input(key="search_q").input("Northgate Distribution").run()
    assert not at.header, "nothing is opened without a click"
    assert at.query_params["q"] == "Northgate Distribution"  # the search can be shared
    at = _open_hit(at, "northgate-distribution")
    assert [h.value for h in at.header] == ["Northgate Distribution"]
    assert at.query_params["entity"] == "northgate-distribution"
    assert "DEMO-DIVERSION" in str([df.value.to_dict() for df in at.dataframe])


def test_namesakes_are_told_apart_by_id_schema_country_and_lists(data_env: Path) -> None:
    at = _app("pages/search.py")
    at.text_input(key="search_q").input("Northgate Distribution").run()
    same = [h for h in _hits(at) if h.startswith("Northgate Distribution ·")]
    assert len(same) >= 2, same
    assert len({h.split(" · id ")[1] for h in same}) == len(same)  # each names its own id
    for h in same:
        name, schema, countries, lists = h.split(" · ")[:4]
        assert schema and countries and ("on no loaded list" in lists or lists)


def test_search_tolerates_a_misspelling(data_env: Path) -> None:
    at = _app("pages/search.py")
    at.text_input(key="search_q").input("Nortgate Distributon").run()
    assert any(" · id northgate-distribution · " in h for h in _hits(at))
    assert not at.warning


def test_a_nonsense_query_says_nothing_matches_and_opens_nothing(data_env: Path) -> None:
    at = _app("pages/search.py")
    at.text_input(key="search_q").input("banana republic trading").run()
    assert any("Nothing matches" in w.value for w in at.warning)
    assert 0 < len(_hits(at)) <= 3  # the closest few, offered, never opened
    assert not at.header and "entity" not in at.query_params


def test_search_deep_links(data_env: Path) -> None:
    at = _linked("pages/search.py", entity="northgate-distribution")
    assert [h.value for h in at.header] == ["Northgate Distribution"]
    at = _linked("pages/search.py", q="Meridian Freight")
    assert at.text_input(key="search_q").value == "Meridian Freight" and _hits(at) and not at.header
    at = _linked("pages/search.py", entity="no-such-entity")
    assert not at.header and any("not in the graph" in w.value for w in at.warning)


def test_hostile_name_is_shown_as_plain_text(data_env: Path) -> None:
    at = _app("pages/search.py")
    at.text_input(key="search_q").input("img src x onerror").run()
    at = _open_hit(at, HOSTILE_ID)
    assert [h.value for h in at.header] == [HOSTILE_IMG]  # st.header escapes; never unsafe HTML
    assert all("<img" not in m.value or "\\<img" in m.value for m in at.markdown)


def test_network_explorer_opens_around_the_profile_entity(data_env: Path) -> None:
    at = _linked("pages/search.py", entity="northgate-distribution")
    at.button(key="to_network").click().run()
    assert [t.value for t in at.title] == ["Network explorer"]
    assert at.session_state["network_center"] == "northgate-distribution"
    assert at.query_params["entity"] == "northgate-distribution"
    shown = _texts(at)
    assert "Centre: Northgate Distribution" in shown
    relations = at.dataframe[-1].value
    assert "linked to" in set(relations["relation"]) and HOSTILE_IMG in set(relations["from"])


def test_network_deep_link_centres_the_entity(data_env: Path) -> None:
    at = _linked("pages/network.py", entity="meridian-freight-services")
    assert not at.exception and "Centre: Meridian Freight Services FZE" in _texts(at)


def test_network_filter_by_relation_type_narrows_the_view(data_env: Path) -> None:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state["network_center"] = "northgate-distribution"
    at.run()
    at.switch_page("pages/network.py").run()
    before = len(at.dataframe[-1].value)
    at.multiselect(key="network_types").select("LINKED_TO").run()
    after = at.dataframe[-1].value
    assert 0 < len(after) < before and set(after["relation"]) == {"linked to"}


def test_diversion_paths_for_the_diversion_deal(data_env: Path) -> None:
    at = _app("pages/paths.py")
    assert at.selectbox(key="paths_tx_pick").value is None  # nothing opened without a choice
    at.selectbox(key="paths_tx_pick").select("DEMO-DIVERSION").run()
    assert not at.exception and not at.error
    assert at.query_params["transaction"] == "DEMO-DIVERSION"
    choices = at.radio(key="paths_choice").options
    assert choices, "the diversion deal should have at least one risky path"
    assert "Northgate Distribution" in choices[0] or any("Northgate" in c for c in choices)
    shown = _texts(at)
    assert "{'" not in shown and "'passage':" not in shown  # evidence rendered, not dumped


def test_paths_deep_links_open_a_transaction_or_a_party(data_env: Path) -> None:
    at = _linked("pages/paths.py", transaction="DEMO-DIVERSION")
    assert at.selectbox(key="paths_tx_pick").value == "DEMO-DIVERSION" and at.radio(key="paths_choice").options
    at = _linked("pages/paths.py", party="northgate-distribution")
    assert at.radio(key="paths_mode").value == "a party"
    assert "Party: Northgate Distribution (id northgate-distribution)" in _texts(at)
    assert not at.exception and not at.error, [e.value for e in at.error]


def _transaction(tx_id: str) -> AppTest:
    """The transactions page opened by its deep link (/transactions?transaction=ID)."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["transaction"] = tx_id
    at.run()
    return at.switch_page("pages/transactions.py").run()


def _stored_transaction(demo: Path, tx_id: str) -> dict[str, object]:
    from redflag.services.store import open_store
    from redflag.settings import load_settings

    with open_store(load_settings(demo)) as db:
        return dict(db.get_node("Transaction", tx_id) or {})


def test_a_deep_link_opens_the_transaction_with_its_stored_score(data_env: Path) -> None:
    at = _transaction("DEMO-DIVERSION")
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.selectbox(key="tx_pick").value == "DEMO-DIVERSION"
    stored = _stored_transaction(data_env, "DEMO-DIVERSION")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Risk score"] == f"{float(str(stored['risk_score'])):.1f} / 100"
    assert metrics["Band"] == stored["risk_band"] and metrics["Hard stop"] == ("yes" if stored["hard_stop"] else "no")
    table = at.dataframe[0].value.set_index("id")
    assert table.loc["DEMO-DIVERSION", "band"] == stored["risk_band"]  # the list reads the stored score too


def test_without_a_link_no_transaction_is_opened(data_env: Path) -> None:
    at = _app("pages/transactions.py")
    assert at.selectbox(key="tx_pick").value is None and not at.metric
    at.selectbox(key="tx_pick").select("DEMO-OWNERSHIP").run()
    assert at.query_params["transaction"] == "DEMO-OWNERSHIP"  # written back: the address can be shared


def test_an_unknown_transaction_in_the_link_opens_nothing(data_env: Path) -> None:
    at = _transaction("NO-SUCH-DEAL")
    assert at.selectbox(key="tx_pick").value is None and not at.metric
    assert any("NO\\-SUCH\\-DEAL" in w.value and "not in the graph" in w.value for w in at.warning)


def test_each_finding_shows_its_explanation_evidence_and_path(data_env: Path) -> None:
    from redflag.reports.model import build_report
    from redflag.services.store import open_store
    from redflag.settings import load_settings

    with open_store(load_settings(data_env)) as db:
        report = build_report(db, "DEMO-DIVERSION")  # what `redflag report` shows
    at = _transaction("DEMO-DIVERSION")
    shown = "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)
    plain = shown.replace("\\", "")
    for f in report.findings:
        assert f"{f['rule']}: {f['title']}" in plain
        assert " ".join(f["explanation"].split())[:60] in plain
    listed = next(f for f in report.findings if any(e.get("list_entry") for e in f["evidence"]))
    entry = next(e["list_entry"] for e in listed["evidence"] if e.get("list_entry"))
    assert f"Listed on {entry['authority']} {entry['list_code']} · programme {entry['program']}" in plain
    quoted = next(e for f in report.findings for e in f["evidence"] if e.get("url") and e.get("passage")
                  and not e.get("list_entry"))  # fmt: skip
    assert " ".join(quoted["passage"].split())[:50] in plain
    assert f"]({quoted['url']})" in shown  # a working link: the address itself is not escaped
    assert f"tier {quoted['tier']}" in plain
    assert "—has party→" in plain  # the path, hop by hop with names
    assert "{'" not in shown and "[{" not in shown  # no Python reprs or JSON


def test_judgement_forms_start_empty_and_refuse_a_submission_without_a_choice(data_env: Path) -> None:
    at = _transaction("DEMO-OWNERSHIP")
    assert at.selectbox(key="resolve_finding").value is None
    assert at.selectbox(key="resolve_status").value is None
    assert at.selectbox(key="decision_value").value is None
    assert at.radio(key="checklist_value").value is None
    at.text_area(key="resolve_reason").input("a reason without an outcome")
    at.button(key="resolve_submit").click().run()
    assert any("Choose a finding and an outcome" in e.value for e in at.error)
    at.text_area(key="decision_reason").input("a reason without a decision")
    at.button(key="decision_submit").click().run()
    assert any("Choose a decision" in e.value for e in at.error)
    assert any("No decision recorded yet" in c.value for c in at.caption)  # nothing was recorded


def test_flags_resolution_and_decision_are_recorded_and_shown(data_env: Path) -> None:
    at = _transaction("DEMO-DIVERSION")
    at.button(key="run_flags").click().run()
    assert any("Flags run and stored" in s.value for s in at.success), [e.value for e in at.error]
    metrics = {m.label: m.value for m in at.metric}
    assert float(metrics["Risk score"].split()[0]) > 50 and int(metrics["Findings"]) > 0
    assert [e.label for e in at.expander][:1], "the checklist is grouped by consideration"
    picker = at.selectbox(key="resolve_finding")
    picker.select_index(0)
    at.selectbox(key="resolve_status").select("mitigated")
    at.text_area(key="resolve_reason").input("Confirmed with the reseller's registry extract.")
    at.button(key="resolve_submit").click().run()
    assert any("Recorded: mitigated by apptest-analyst" in s.value for s in at.success), [e.value for e in at.error]
    at = _transaction("DEMO-DIVERSION")  # a fresh session: the history comes from the graph
    history = [df.value for df in at.dataframe if "outcome" in df.value.columns]
    assert any(((h["outcome"] == "mitigated") & (h["by"] == "apptest-analyst")
                & (h["why"] == "Confirmed with the reseller's registry extract.")).any() for h in history)  # fmt: skip
    at.selectbox(key="decision_value").select("hold")
    at.text_area(key="decision_reason").input("Waiting for the end-user certificate.")
    at.button(key="decision_submit").click().run()
    assert any("Decision recorded: hold by apptest-analyst" in s.value for s in at.success), [e.value for e in at.error]
    at = _transaction("DEMO-DIVERSION")
    decisions = next(df.value for df in at.dataframe if "decision" in df.value.columns)
    assert list(decisions["decision"]) == ["hold"] and list(decisions["by"]) == ["apptest-analyst"]


def test_a_checklist_answer_is_stored_and_reported(data_env: Path) -> None:
    at = _transaction("DEMO-CLEAN")
    question = at.selectbox(key="checklist_flag").options[0]
    at.selectbox(key="checklist_flag").select_index(0)
    at.radio(key="checklist_value").set_value("unknown")
    at.text_input(key="checklist_note").input("Asked the customer; no answer yet.")
    at.button(key="checklist_submit").click().run()
    assert any("Answer recorded" in s.value for s in at.success), [e.value for e in at.error]
    at = _transaction("DEMO-CLEAN")
    rows = [df.value for df in at.dataframe if "question" in df.value.columns]
    assert any(((r["note"] == "Asked the customer; no answer yet.") & (r["by"] == "apptest-analyst")).any()
               for r in rows), question  # fmt: skip


def test_a_resolution_without_reason_is_refused(data_env: Path) -> None:
    at = _transaction("DEMO-DIVERSION")
    at.selectbox(key="resolve_finding").select_index(0)
    at.selectbox(key="resolve_status").select("dismissed")
    at.button(key="resolve_submit").click().run()
    assert any("Give a reason" in e.value for e in at.error)


def test_report_is_prepared_for_download(data_env: Path) -> None:
    at = _transaction("DEMO-DIVERSION")
    at.button(key="prepare_report").click().run()
    tx, fmt, body = at.session_state["report_bytes"]
    assert tx == "DEMO-DIVERSION" and fmt == "html" and b"DEMO-DIVERSION" in body


def test_sources_page_lists_the_sample_runs(data_env: Path) -> None:
    at = _app("pages/sources.py")
    table = at.dataframe[0].value
    assert "sample-ofac" in set(table["source"]) and "ok" in set(table["outcome"])


def test_review_queue_shows_resolution_features_as_words(data_env: Path) -> None:
    at = _app("pages/review.py")
    captions = [c.value for c in at.caption]
    assert any(c.startswith("For: ") and "name exact 1\\.00" in c for c in captions), captions[:5]
    assert not any('{"' in c or "_" in c.replace("\\_", "") for c in captions if c.startswith("For: "))


def test_overview_lists_the_newest_findings_by_severity(data_env: Path) -> None:
    at = _app()
    table = next(df.value for df in at.dataframe if "first seen" in df.value.columns)
    order = {"hard-stop": 0, "high": 1, "medium": 2, "low": 3, "context": 4}
    ranks = [order[s] for s in table["severity"]]
    assert ranks == sorted(ranks) and set(table["open"]) <= {f"./transactions?transaction={t}" for t in table["transaction"]}


def test_review_queue_judges_a_possible_pair(data_env: Path) -> None:
    at = _app("pages/review.py")
    pairs = [b for b in at.button if b.key and b.key.startswith("same_no_")]
    assert pairs, "the demo leaves pairs to review"
    before = len(pairs)
    pairs[0].click().run()
    after = [b for b in at.button if b.key and b.key.startswith("same_no_")]
    assert len(after) == before - 1


def test_annual_report_builds(data_env: Path) -> None:
    at = _app("pages/reports.py")
    at.button(key="annual_build").click().run()
    name, body = at.session_state["annual_bytes"]
    assert name == "annual-report-2026.html" and len(body) > 200


def test_graph_export_downloads_valid_turtle(data_env: Path) -> None:
    at = _app("pages/reports.py")
    at.selectbox(key="export_fmt").select("turtle").run()
    at.button(key="export_run").click().run()
    assert not at.exception
    fmt, body = at.session_state["export_bytes"]
    assert fmt == "turtle"
    import rdflib

    graph = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert len(graph) > 1000


def test_monitoring_alerts_are_deduplicated_and_acknowledged_with_who_and_when(data_env: Path) -> None:
    from redflag.services.findings import stored_findings
    from redflag.services.store import open_store
    from redflag.settings import load_settings
    from redflag.stewardship.alerts import list_alerts, record_alerts
    from redflag.stewardship.config import AlertSettings

    quiet = AlertSettings(smtp_host="", smtp_port=25, smtp_user="", smtp_starttls=False, mail_from="", mail_to=(),
                          webhook_url="", timeout=1.0)  # fmt: skip
    with open_store(load_settings(data_env)) as db:
        finding = next(iter(stored_findings(db, "DEMO-MONITOR").values()))
        for kind, when in (("new", "2026-01-01T00:00:00+00:00"), ("changed", "2026-02-01T00:00:00+00:00")):
            record_alerts(db, {"transaction": "DEMO-MONITOR", kind: [{**finding, "changed_at": when}]}, quiet)
        ids = {a["id"] for a in list_alerts(db, "DEMO-MONITOR") if a["finding_id"] == finding["id"]}
    assert len(ids) == 2  # two changes of one finding
    at = _app("pages/monitoring.py")
    table = at.dataframe[0].value
    rows = table[(table["transaction"] == "DEMO-MONITOR") & (table["rule"] == finding["rule"])]
    assert len(rows) == 1 and int(rows["alerts"].iloc[0]) == 2  # one row per finding, not per alert
    assert rows["evidence"].iloc[0] == "./transactions?transaction=DEMO-MONITOR"
    at.button(key="ack_0").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    with open_store(load_settings(data_env)) as db:
        acked = [a for a in list_alerts(db, "DEMO-MONITOR") if a["id"] in ids]
    assert {a.get("acknowledged_by") for a in acked} == {"apptest-analyst"} and all(a.get("acknowledged_at") for a in acked)
    assert any("Every alert is acknowledged" in s.value for s in at.success)


def test_a_single_name_is_screened_with_its_list_versions(data_env: Path) -> None:
    at = _app("pages/screen_name.py")
    at.text_input(key="screen_name_q").input("Strata Communications")
    at.button[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    rows = at.dataframe[0].value
    assert "Strata Communications" in set(rows["list entity"]) and (rows["lists"] != "").all()
    assert any(c.value.startswith("Screened against: ") and "logged as" in c.value for c in at.caption)


def _network(entity: str) -> AppTest:
    return _linked("pages/network.py", entity=entity)


def test_network_details_are_beside_the_graph_and_expand_keeps_places(data_env: Path) -> None:
    at = _network("northgate-distribution")
    assert "Entity · id northgate-distribution" in _texts(at)  # the centre's details, in the side column
    before = dict(at.session_state["network_positions"])
    at.session_state["network_focus"] = {"kind": "node", "id": "DEMO-DIVERSION"}
    at.run()
    assert "Transaction · id DEMO-DIVERSION" in _texts(at) and "Risk: critical" in _texts(at)
    at.button(key="network_expand_btn").click().run()
    after = at.session_state["network_positions"]
    assert len(after) > len(before) and all(after[k] == v for k, v in before.items())  # nothing drawn moved
    assert "meridian-freight-services" in after  # the deal's parties came in
    at.button(key="network_collapse_btn").click().run()
    assert set(at.session_state["network_positions"]) == set(before)  # collapse takes them away again


def test_network_colour_by_risk_really_changes_the_colours(data_env: Path) -> None:
    at = _network("northgate-distribution")
    by_type = next(m.value for m in at.markdown if "graph-legend" in m.value)
    at.radio(key="network_colour").set_value("risk").run()
    by_risk = next(m.value for m in at.markdown if "graph-legend" in m.value)
    assert "Entity (" in by_type and "Entity (" not in by_risk
    assert "critical (1)" in by_risk  # the deal's stored band
    assert "high (" in by_risk  # Northgate: a finding concerns it


def test_network_filters_say_when_they_leave_nothing(data_env: Path) -> None:
    at = _network("northgate-distribution")
    at.multiselect(key="network_types").select("REEXPORTS_TO").run()
    assert any("leave nothing" in w.value for w in at.warning), [w.value for w in at.warning]
    at = _network("northgate-distribution")
    at.text_input(key="network_since").input("last week").run()
    assert any("is not a date" in e.value for e in at.error)


def test_every_node_type_has_a_view_and_an_edge_shows_its_evidence(data_env: Path) -> None:
    from redflag.services import explore
    from redflag.services.store import open_store
    from redflag.settings import load_settings

    at = _network("northgate-distribution")
    at.session_state["network_focus"] = {"kind": "node", "id": "XV"}
    at.run()
    assert "Country · id XV" in _texts(at) and not at.exception
    assert "Veloria" in str([df.value.to_dict() for df in at.dataframe])  # the country's own view
    finding = next(k for k in at.session_state["network_positions"] if k.startswith("F-"))
    at.session_state["network_focus"] = {"kind": "node", "id": finding}
    at.run()
    assert "Finding · id " + finding in _texts(at) and "is gone" not in _texts(at)
    assert any(p.label.startswith("Open the finding on transaction") for p in at.get("page_link"))

    # an extracted supply relation: its passage, publisher, tier and confidence
    with open_store(load_settings(data_env)) as db:
        supplier = next(h["id"] for h in explore.search_entities(db, "Meridian Freight Services")
                        if h["id"].startswith("ent-"))  # fmt: skip
        supplied = next(e for e in explore.neighbours(db, supplier, limit=50)["edges"] if e["type"] == "SUPPLIED")
    at = _network(supplier)
    at.session_state["network_focus"] = {"kind": "edge", "id": supplied["id"]}
    at.run()
    shown = _texts(at)
    assert "—supplied→" in shown and "Evidence" in shown, shown
    # the confidence shown is the relation's stored one (the extractor's scoring is tested in tests/nlp)
    confidence = float(supplied["props"]["confidence"])
    assert "consignments of video analytics servers" in shown and "tier 3" in shown
    assert f"confidence {confidence:.2f}" in shown and 0 < confidence <= 1


def test_transaction_page_draws_the_route_map_and_findings_by_consideration(data_env: Path) -> None:
    at = _transaction("DEMO-DIVERSION")
    assert not at.exception and len(at.get("deck_gl_json_chart")) == 1
    route = next(df.value for df in at.dataframe if "role" in df.value.columns and "where" in df.value.columns)
    assert list(route["role"]) == ["exporter", "transit", "free zone", "destination", "end-user"]
    assert "Findings by consideration" in [s.value for s in at.subheader]
    assert len(at.get("vega_lite_chart")) >= 1


def test_overview_maps_risk_by_destination(data_env: Path) -> None:
    at = _app()
    assert not at.exception and len(at.get("deck_gl_json_chart")) == 1
    assert any("Circle size: number of deals" in c.value for c in at.caption)


def test_network_date_filter_hides_older_relations_and_a_node_can_become_the_centre(data_env: Path) -> None:
    from redflag.services import explore
    from redflag.services.store import open_store
    from redflag.settings import load_settings

    with open_store(load_settings(data_env)) as db:
        record = next(h["id"] for h in explore.search_entities(db, "Meridian Freight Services")
                      if h["id"].startswith("ent-"))  # fmt: skip
    at = _network(record)
    before = len(at.dataframe[-1].value)
    at.text_input(key="network_since").input("2025").run()  # the supply relation is dated March 2023
    relations = at.dataframe[-1].value
    assert len(relations) < before and "supplied" not in set(relations["relation"])
    assert any("hides 1 relation(s) dated before 2025" in c.value for c in at.caption)
    at = _network("northgate-distribution")
    namesake = next(k for k in at.session_state["network_positions"] if k.startswith("ent-"))
    at.session_state["network_focus"] = {"kind": "node", "id": namesake}
    at.run()
    at.button(key="network_centre_btn").click().run()
    assert at.session_state["network_center"] == namesake and at.query_params["entity"] == namesake
    assert f"Entity · id {namesake}" in _texts(at)

"""The graph explorer, the paths drawing, the maps and the monitoring run button in Debian's chromium.

Real clicks on the drawing: the positions of nodes and relations are read from the Cytoscape instance inside
the component's frame, then clicked with the mouse. Screenshots go to test-artifacts/screenshots/ (2x-).
Every request the pages make must go to the UI's own address.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.test_browser import CHROMIUM, _no_raw_dumps, _open, _shot, _wait_idle, browser_page, server  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]

_FIND = """(what) => {
  const cy = document.getElementById("cy")._cyreg.cy;
  const el = cy.edges().filter(e => String(e.data("caption")).startsWith(what.edge)).first();
  if (!el || el.length === 0) return null;
  const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
  return {x: p.x, y: p.y, id: el.id()};
}"""


def _graph_frame(page: Any) -> Any:
    for _ in range(120):
        frames = [f for f in page.frames if "streamlit_cytoscape" in f.url]
        if frames:
            frames[0].wait_for_function("document.getElementById('cy') && document.getElementById('cy')._cyreg", timeout=60000)
            return frames[0]
        page.wait_for_timeout(500)
    raise AssertionError("the graph component did not load")


def _graph_box(page: Any) -> Any:
    frame = page.locator("iframe[title*='streamlit_cytoscape']").first
    frame.wait_for(state="visible", timeout=60000)
    for _ in range(60):
        box = frame.bounding_box()
        if box and box["width"] > 100:
            return box
        page.wait_for_timeout(500)
    raise AssertionError("the graph is not drawn")


def _click_in_graph(page: Any, script: str, arg: Any, double: bool = False) -> str:
    frame = _graph_frame(page)
    page.wait_for_timeout(1500)  # the fit settles
    spot = frame.evaluate(script, arg)
    assert spot, f"nothing to click for {arg}"
    box = _graph_box(page)
    x, y = box["x"] + spot["x"], box["y"] + spot["y"]
    (page.mouse.dblclick if double else page.mouse.click)(x, y)
    _wait_idle(page)
    return str(spot["id"])


def test_explorer_maps_and_monitoring_in_a_real_browser(server: str, browser_page: Any) -> None:  # noqa: F811
    page = browser_page
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None)

    # The transaction's route on the offline map, and its findings by consideration
    _open(page, server, "transactions?transaction=DEMO-DIVERSION", "Transactions")
    deck = page.locator('[data-testid="stDeckGlJsonChart"]').first
    deck.scroll_into_view_if_needed()
    deck.locator("canvas").first.wait_for(timeout=60000)
    page.get_by_text("Findings by consideration").wait_for(timeout=60000)
    page.get_by_text("Transit: Calder · free zone Port Meridian Free Zone").first.wait_for(state="attached")  # a table cell
    page.wait_for_timeout(2000)
    deck.screenshot(path=str(_shot_path("21-transaction-route-map")))
    _no_raw_dumps(page, "transactions")

    _open(page, server, "", "Overview")
    page.locator('[data-testid="stDeckGlJsonChart"]').first.locator("canvas").first.wait_for(timeout=60000)
    page.get_by_text("Circle size: number of deals").wait_for()
    page.wait_for_timeout(1500)
    _shot(page, "22-overview-risk-map")

    # The explorer: legend chips, the centre's details beside (not over) the drawing
    _open(page, server, "network?entity=meridian-freight-services", "Network explorer")
    legend = page.locator('[data-testid="graph-legend"]')
    legend.get_by_text("Entity (").wait_for(timeout=60000)
    details = page.get_by_text("Entity · id meridian-freight-services")
    details.wait_for(timeout=60000)
    graph_box = _graph_box(page)
    details_box = details.bounding_box()
    assert details_box["x"] >= graph_box["x"] + graph_box["width"] - 2, "the details must not cover the drawing"
    _no_raw_dumps(page, "network")
    _shot(page, "23-network-details-beside")

    # Double-click the extracted record of the same name: it expands; click its supply relation: the evidence
    frame = _graph_frame(page)
    page.wait_for_timeout(1500)
    spot = frame.evaluate("""() => {
      const cy = document.getElementById("cy")._cyreg.cy;
      const n = cy.nodes().filter(n => n.id().startsWith("ent-") && n.data("name").startsWith("Meridian")).first();
      const p = n.renderedPosition(); return {x: p.x, y: p.y, id: n.id()};
    }""")
    box = _graph_box(page)
    page.mouse.dblclick(box["x"] + spot["x"], box["y"] + spot["y"])
    _wait_idle(page)
    page.get_by_text(f"Entity · id {spot['id']}").wait_for(timeout=60000)
    page.get_by_text("2 expanded").wait_for(timeout=60000)
    _click_in_graph(page, _FIND, {"edge": "supplied"})
    page.get_by_text("Evidence", exact=True).wait_for(timeout=60000)
    page.get_by_text("consignments of video analytics servers", exact=False).first.wait_for(timeout=60000)
    page.get_by_text("tier 3").first.wait_for()
    _no_raw_dumps(page, "network edge evidence")
    _shot(page, "24-network-edge-evidence")
    page.get_by_text("risk", exact=True).click()
    _wait_idle(page)
    legend.get_by_text("no flag found (").or_(legend.get_by_text("high (")).first.wait_for(timeout=60000)
    page.wait_for_timeout(1500)
    _shot(page, "25-network-colour-by-risk")

    # The path, left to right
    _open(page, server, "paths?transaction=DEMO-DIVERSION", "Diversion paths")
    _graph_frame(page)
    page.get_by_text("Read from left to right").wait_for(timeout=60000)
    frame = _graph_frame(page)
    xs = frame.evaluate("""() => document.getElementById("cy")._cyreg.cy.nodes().filter(n => !n.hasClass("spacer")).map(n => n.position().x)""")
    assert xs == sorted(xs) and len(xs) >= 4
    page.wait_for_timeout(1500)
    _shot(page, "26-paths-left-to-right")

    # The monitor runs from its page, with its progress and outcome
    _open(page, server, "monitoring", "Monitoring alerts")
    page.get_by_role("button", name="Run the monitor").click()
    page.get_by_text("Monitor run done").first.wait_for(timeout=300000)
    _no_raw_dumps(page, "monitoring")
    _shot(page, "27-monitoring-run")

    assert outside == [], f"requests left the machine: {sorted(set(outside))[:5]}"


def _shot_path(name: str) -> Any:
    from tests.ui.test_browser import SHOTS

    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS / f"{name}.png"

"""End to end in a real browser: Debian's chromium driven by Playwright against `redflag ui` on a free port.

Screenshots of every page are saved under test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.readiness import wait_until_answers
from tests.ui.conftest import HOSTILE_ID, HOSTILE_IMG, HOSTILE_SCRIPT

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(own_demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    env["REDFLAG_USER"] = "browser-analyst"
    log = tmp_path_factory.mktemp("ui-server") / "output.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "redflag", "--data-dir", str(own_demo_dir), "ui", "--port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(f"{url}/_stcore/health", proc, log)
        yield url
    finally:
        os.killpg(proc.pid, 15)  # the redflag process and its streamlit child
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser_page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.dialogs = dialogs  # type: ignore[attr-defined]
        yield page
        browser.close()


def _wait_idle(page: object) -> None:
    page.wait_for_timeout(600)  # type: ignore[attr-defined]
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=60000)  # type: ignore[attr-defined]


def _open(page: object, server: str, slug: str, title: str) -> None:
    page.goto(f"{server}/{slug}")  # type: ignore[attr-defined]
    page.get_by_role("heading", name=title).first.wait_for(timeout=60000)  # type: ignore[attr-defined]
    _wait_idle(page)


def _choose(page: object, label: str, text: str) -> None:
    box = page.get_by_label(label, exact=True).first  # type: ignore[attr-defined]
    box.click()
    page.keyboard.type(text)  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    _wait_idle(page)


def _shot(page: object, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


RAW_MARKS = ("{'", "': ", '{"', "LoadReport(", "**", "\\.", "\\-", "%5C")


def _no_raw_dumps(page: object, where: str) -> None:
    """The page's visible text holds no Python repr, JSON, raw Markdown, escaped link or unsafe HTML."""
    text = page.locator('[data-testid="stMain"]').inner_text()  # type: ignore[attr-defined]
    found = [m for m in RAW_MARKS if m in text]
    assert not found, f"{where}: raw {found} in the page text"


def _click_hit(page: object, entity_id: str) -> None:
    page.get_by_role("button", name=f" · id {entity_id} · ").first.click()  # type: ignore[attr-defined]
    _wait_idle(page)


def test_investigation_flow_in_a_real_browser(server: str, browser_page: object) -> None:
    page = browser_page
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None)  # type: ignore[attr-defined]

    # The first request of a fresh server is a deep link: the app's own navigation, the transaction opened
    _open(page, server, "transactions?transaction=DEMO-DIVERSION", "Transactions")
    nav = page.locator('[data-testid="stSidebarNav"]')  # type: ignore[attr-defined]
    nav.get_by_text("Search & profile").wait_for(timeout=60000)
    for raw in ("app", "overview", "transactions"):  # not the raw file names of a classic pages folder
        assert nav.get_by_text(raw, exact=True).count() == 0, raw
    assert page.get_by_role("button", name="Deploy").count() == 0  # type: ignore[attr-defined]
    # a finding with its reasons, without digging: explanation, list entry with programme, a working link, path
    page.get_by_text("BIS-K18: Significant ownership or ties to a listed party").wait_for(timeout=60000)  # type: ignore[attr-defined]
    page.get_by_text("Listed on Bureau of Industry and Security EL · programme Entity List").first.wait_for()  # type: ignore[attr-defined]
    assert page.locator('a[href="https://www.bis.gov/entity-list"]').count() > 0  # type: ignore[attr-defined]
    page.get_by_text("—has party→").first.wait_for()  # type: ignore[attr-defined]
    _no_raw_dumps(page, "transactions")
    page.wait_for_timeout(1500)  # type: ignore[attr-defined]  # tables and metrics finish drawing
    _shot(page, "01-transaction-deep-link")

    # Resolve: nothing is preselected; without an outcome nothing is recorded
    page.get_by_label("Reason (kept with your name and the time)").fill("Reseller's registry extract checked.")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Resolve finding").click()  # type: ignore[attr-defined]
    page.get_by_text("Choose a finding and an outcome: nothing was recorded.").wait_for(timeout=60000)  # type: ignore[attr-defined]
    _choose(page, "Finding", "BIS-K18")
    _choose(page, "Outcome", "confirmed")
    page.get_by_label("Reason (kept with your name and the time)").fill("Reseller's registry extract checked.")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Resolve finding").click()  # type: ignore[attr-defined]
    page.get_by_text("Recorded: confirmed by browser-analyst").wait_for(timeout=60000)  # type: ignore[attr-defined]
    _shot(page, "02-transaction-resolved")
    page.get_by_role("button", name="Prepare the report").click()  # type: ignore[attr-defined]
    button = page.get_by_role("button", name="Download HTML report")  # type: ignore[attr-defined]
    button.wait_for(timeout=60000)
    with page.expect_download() as info:  # type: ignore[attr-defined]
        button.click()
    report = Path(info.value.path()).read_text(encoding="utf-8")
    assert "DEMO-DIVERSION" in report and "confirmed by browser-analyst" in report

    # Overview
    _open(page, server, "", "Overview")
    page.get_by_text("Transactions by risk").wait_for()  # type: ignore[attr-defined]
    _no_raw_dumps(page, "overview")
    _shot(page, "03-overview")

    # Search: below the floor nothing is opened; a click opens the one chosen and the address names it
    _open(page, server, "search?q=banana+republic+trading", "Search & profile")
    page.get_by_text("Nothing matches").wait_for(timeout=60000)  # type: ignore[attr-defined]
    assert page.get_by_role("heading", level=2).count() == 0  # type: ignore[attr-defined]
    _shot(page, "04-search-floor")
    page.get_by_label("Entity name (fuzzy, aliases count)").fill("Northgate Distribution")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    _wait_idle(page)
    _click_hit(page, "northgate-distribution")
    page.get_by_role("heading", name="Northgate Distribution").wait_for(timeout=60000)  # type: ignore[attr-defined]
    assert "entity=northgate-distribution" in page.url  # type: ignore[attr-defined]
    _no_raw_dumps(page, "search")
    _shot(page, "05-search-profile")

    # Its network
    page.get_by_role("button", name="Open in network explorer").click()  # type: ignore[attr-defined]
    page.get_by_role("heading", name="Network explorer").wait_for(timeout=60000)  # type: ignore[attr-defined]
    page.get_by_text("Centre: Northgate Distribution").wait_for(timeout=60000)  # type: ignore[attr-defined]
    _wait_idle(page)
    page.frame_locator("iframe").first.locator("canvas").first.wait_for(timeout=60000)  # type: ignore[attr-defined]
    page.wait_for_timeout(2500)  # type: ignore[attr-defined]  # the layout animation settles
    assert "network?entity=northgate-distribution" in page.url  # type: ignore[attr-defined]
    _shot(page, "06-network")

    # The diversion path, by deep link
    _open(page, server, "paths?transaction=DEMO-DIVERSION", "Diversion paths")
    page.get_by_text("path(s) found").wait_for(timeout=60000)  # type: ignore[attr-defined]
    page.get_by_text("Why this path is risky").wait_for(timeout=60000)  # type: ignore[attr-defined]
    page.wait_for_timeout(2000)  # type: ignore[attr-defined]
    _no_raw_dumps(page, "paths")
    _shot(page, "07-diversion-paths")

    # The remaining pages: readable, no raw dumps
    for slug, title, name in (("review", "Review queue", "08-review"), ("sources", "Sources", "09-sources"),
                              ("reports", "Reports", "10-reports"), ("screening", "Bulk screening", "11-screening"),
                              ("items", "Item register", "12-items"), ("grievances", "Grievances", "13-grievances"),
                              ("monitoring", "Monitoring alerts", "14-monitoring")):  # fmt: skip
        _open(page, server, slug, title)
        _no_raw_dumps(page, slug)
        _shot(page, name)

    # A hostile name is displayed literally and runs nothing
    _open(page, server, "search", "Search & profile")
    page.get_by_label("Entity name (fuzzy, aliases count)").fill("img src x onerror")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    _wait_idle(page)
    _click_hit(page, HOSTILE_ID)
    page.get_by_role("heading", name=HOSTILE_IMG).wait_for(timeout=60000)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Open in network explorer").click()  # type: ignore[attr-defined]
    page.get_by_role("heading", name="Network explorer").wait_for(timeout=60000)  # type: ignore[attr-defined]
    _wait_idle(page)
    page.wait_for_timeout(2500)  # type: ignore[attr-defined]
    _shot(page, "15-hostile-name")
    assert page.get_by_text(f"Centre: {HOSTILE_IMG}").count() == 1  # type: ignore[attr-defined]
    assert page.locator("img[src='x']").count() == 0  # type: ignore[attr-defined]
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert HOSTILE_SCRIPT  # the alias travels through the same text paths
    assert outside == [], f"requests left the machine: {sorted(set(outside))[:5]}"

"""End to end in a real browser: Debian's chromium driven by Playwright against `redflag ui` on a free port.

Screenshots of every page are saved under test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.conftest import HOSTILE_IMG, HOSTILE_SCRIPT

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
def server(own_demo_dir: Path) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    env["REDFLAG_USER"] = "browser-analyst"
    proc = subprocess.Popen(
        [sys.executable, "-m", "redflag", "--data-dir", str(own_demo_dir), "ui", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the UI did not answer on its health endpoint")
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


def test_investigation_flow_in_a_real_browser(server: str, browser_page: object) -> None:
    page = browser_page
    # Overview
    _open(page, server, "", "Overview")
    page.get_by_text("Transactions by risk").wait_for()
    _shot(page, "01-overview")

    # Search the reseller of DEMO-DIVERSION
    _open(page, server, "search", "Search & profile")
    page.get_by_label("Entity name (fuzzy, aliases count)").fill("Northgate Distribution")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Northgate Distribution").wait_for(timeout=60000)
    _wait_idle(page)
    _shot(page, "02-search-profile")

    # Its network
    page.get_by_role("button", name="Open in network explorer").click()
    page.get_by_role("heading", name="Network explorer").wait_for(timeout=60000)
    page.get_by_text("Centre: Northgate Distribution").wait_for(timeout=60000)
    _wait_idle(page)
    page.frame_locator("iframe").first.locator("canvas").first.wait_for(timeout=60000)
    page.wait_for_timeout(2500)  # the layout animation settles
    _shot(page, "03-network")
    assert page.get_by_text(HOSTILE_IMG).count() > 0  # in the relations table, as text

    # The diversion path
    _open(page, server, "paths", "Diversion paths")
    _choose(page, "Transaction", "DEMO-DIVERSION")
    page.get_by_text("path(s) found").wait_for(timeout=60000)
    page.get_by_text("Why this path is risky").wait_for(timeout=60000)
    page.wait_for_timeout(2000)
    _shot(page, "04-diversion-paths")

    # Flags, resolve a finding with a reason, download the report
    _open(page, server, "transactions", "Transactions")
    _choose(page, "Transaction", "DEMO-DIVERSION")
    page.get_by_role("button", name="Run screening and flags").click()
    page.get_by_text("Checklist by consideration").wait_for(timeout=120000)
    _wait_idle(page)
    page.get_by_label("Reason (kept with your name and the time)").fill("Reseller's registry extract checked.")
    page.get_by_role("button", name="Resolve finding").click()
    page.get_by_text("Recorded: confirmed by browser-analyst").wait_for(timeout=60000)
    _shot(page, "05-transactions")
    page.get_by_role("button", name="Prepare the report").click()
    button = page.get_by_role("button", name="Download HTML report")
    button.wait_for(timeout=60000)
    with page.expect_download() as info:
        button.click()
    report = Path(info.value.path()).read_text(encoding="utf-8")
    assert "DEMO-DIVERSION" in report

    # The remaining pages
    for slug, title, name in (("review", "Review queue", "06-review"), ("sources", "Sources", "07-sources"),
                              ("reports", "Reports", "08-reports")):  # fmt: skip
        _open(page, server, slug, title)
        _shot(page, name)

    # A hostile name is displayed literally and runs nothing
    _open(page, server, "search", "Search & profile")
    page.get_by_label("Entity name (fuzzy, aliases count)").fill("img src onerror")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=HOSTILE_IMG).wait_for(timeout=60000)
    page.get_by_role("button", name="Open in network explorer").click()
    page.get_by_role("heading", name="Network explorer").wait_for(timeout=60000)
    _wait_idle(page)
    page.wait_for_timeout(2500)
    _shot(page, "09-hostile-name")
    assert page.get_by_text(f"Centre: {HOSTILE_IMG}").count() == 1
    assert page.locator("img[src='x']").count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert HOSTILE_SCRIPT  # the alias travels through the same text paths

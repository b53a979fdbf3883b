"""In a real browser (Debian's chromium + Playwright): an outsider reports misuse by the DEMO-DIVERSION end-user
through the public submission page and checks the status with the receipt code; staff then acknowledge the
grievance on the grievance page, and the reporter sees the new status. Hostile markup stays text."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.readiness import wait_until_answers

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
HOSTILE = "<script>alert('grievance')</script><img src=x onerror=alert(2)>"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(demo_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    env.update({"REDFLAG_USER": "officer-browser", "REDFLAG_DATA_DIR": str(demo_dir)})
    return env


@pytest.fixture(scope="module")
def servers(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The public portal (`redflag grievance-portal`) and the grievance page of the staff UI."""
    pport, uport = _free_port(), _free_port()
    logs = tmp_path_factory.mktemp("stewardship-servers")
    with open(logs / "portal.log", "wb") as out:
        portal = subprocess.Popen(
            [sys.executable, "-m", "redflag", "--data-dir", str(demo_dir), "grievance-portal", "--port", str(pport)],
            env=_env(demo_dir), stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    with open(logs / "ui.log", "wb") as out:
        ui = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "ui" / "pages" / "grievances.py"),
             "--server.address", "127.0.0.1", "--server.port", str(uport), "--server.headless", "true",
             "--browser.gatherUsageStats", "false"],
            env=_env(demo_dir), stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT,
        )  # fmt: skip
    try:
        wait_until_answers(f"http://127.0.0.1:{pport}/", portal, logs / "portal.log")
        wait_until_answers(f"http://127.0.0.1:{uport}/_stcore/health", ui, logs / "ui.log")
        yield f"http://127.0.0.1:{pport}", f"http://127.0.0.1:{uport}"
    finally:
        for proc in (portal, ui):
            os.killpg(proc.pid, 15)
            proc.wait(timeout=30)


def test_public_report_receipt_status_and_staff_workflow(servers: tuple[str, str], demo_dir: Path) -> None:
    from playwright.sync_api import sync_playwright

    portal, ui = servers
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        # an outsider reports misuse by the end-user of DEMO-DIVERSION
        page.goto(portal + "/")
        page.get_by_label("Subject").fill("Face recognition used against protesters in Kessel")
        page.get_by_label("What happened").fill("People questioned were shown FaceTrace printouts. " + HOSTILE)
        page.get_by_label("Product concerned").fill("FaceTrace")
        page.get_by_label("Organisations involved (one per line)").fill("Calder municipal security")
        page.get_by_label("Country or place").fill("Calder")
        page.screenshot(path=str(SHOTS / "stewardship-01-portal-form.png"), full_page=True)
        page.get_by_role("button", name="Send report").click()
        page.get_by_text("Your report has been received").wait_for()
        code = page.locator("#receipt").inner_text().strip()
        assert len(code.replace("-", "")) == 24
        assert page.get_by_text("stored as plain text").count() == 1
        page.screenshot(path=str(SHOTS / "stewardship-02-portal-receipt.png"), full_page=True)

        # the receipt shows the status, and nothing else
        page.goto(portal + "/status")
        page.get_by_label("Receipt code").fill(code)
        page.get_by_role("button", name="Check").click()
        page.locator("#status").get_by_text("Received: your report is waiting").wait_for()
        assert "Calder municipal security" not in page.content() and "DEMO-" not in page.content()

        # staff acknowledge it on the grievance page
        page.goto(ui)
        page.get_by_role("heading", name="Grievances").first.wait_for(timeout=60000)
        page.get_by_text("Face recognition used against protesters in Kessel").first.wait_for(timeout=60000)
        # (the description renders after the title on a loaded machine: wait for it, it must come)
        page.get_by_text("People questioned were shown FaceTrace printouts.", exact=False).first.wait_for(timeout=60000)
        page.get_by_label("Reason").fill("Read by the grievance officer; investigation opened")
        page.get_by_label("Message the reporter sees with the receipt code (optional)").fill("We are looking into it.")
        page.get_by_role("button", name="Save status").click()
        page.get_by_role("heading", name="acknowledged").first.wait_for(timeout=60000)
        page.screenshot(path=str(SHOTS / "stewardship-03-grievance-workflow.png"), full_page=True)

        # the reporter sees the new status and the officer's message
        page.goto(portal + "/status")
        page.get_by_label("Receipt code").fill(code)
        page.get_by_role("button", name="Check").click()
        page.locator("#status").get_by_text("Acknowledged").first.wait_for()
        page.get_by_text("We are looking into it.").wait_for()
        browser.close()
    assert dialogs == []  # no script from the report ever ran

    # the grievance is unverified evidence on DEMO-DIVERSION's end-user
    done = subprocess.run(
        [sys.executable, "-m", "redflag", "--data-dir", str(demo_dir), "flags", "--transaction", "DEMO-DIVERSION",
         "--json"], env=_env(demo_dir), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    cited = [e for f in json.loads(done.stdout)["findings"] for e in f["evidence"] if e["source"] == "grievance"]
    assert cited and all(e["tier"] == 4 and e["status"] == "unverified" for e in cited)

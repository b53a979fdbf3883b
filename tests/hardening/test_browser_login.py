"""The login in a real browser: Debian's chromium driven by Playwright against `redflag ui` with a password hash."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from redflag.passwords import hash_password
from redflag.services.findings import resolutions, stored_findings
from redflag.services.store import open_store
from redflag.settings import load_settings
from tests.readiness import wait_until_answers

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
USERS = {"dana": "dana's long passphrase", "eli": "eli's other passphrase"}
REASON = "Checked by the signed-in analyst in the browser."

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    users = tmp_path_factory.mktemp("auth") / "users"
    users.write_text("".join(f"{u}:{hash_password(p)}\n" for u, p in USERS.items()), encoding="utf-8")
    users.chmod(0o600)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    env["REDFLAG_UI_USERS"] = str(users)
    env["REDFLAG_USER"] = "free-text-name"
    log = tmp_path_factory.mktemp("ui-server") / "output.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "redflag", "--data-dir", str(demo_dir), "ui", "--port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(f"{url}/_stcore/health", proc, log)
        yield url
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _idle(page: Any) -> None:
    page.wait_for_timeout(600)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=60000)


def _sign_in(page: Any, user: str, password: str) -> None:
    page.get_by_role("textbox", name="User name").fill(user)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    _idle(page)


def test_every_address_shows_only_the_sign_in(server: str, browser: Any) -> None:
    for slug in ("transactions", "search", "network", ""):  # a deep link first: no page runs before the login
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(f"{server}/{slug}")
        page.get_by_role("heading", name="Sign in").wait_for(timeout=60000)
        _idle(page)
        assert page.get_by_role("heading", name="Transactions").count() == 0
        assert page.get_by_text("DEMO-DIVERSION").count() == 0
        assert page.get_by_text("Data folder:").count() == 0
        page.close()


def test_a_wrong_password_is_refused_and_the_right_one_lets_in(
    server: str, browser: Any, demo_dir: Path
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    page.goto(f"{server}/transactions")
    page.get_by_role("heading", name="Sign in").wait_for(timeout=60000)
    _sign_in(page, "dana", "guess")
    page.get_by_text("Wrong user name or password.").wait_for(timeout=30000)
    assert page.get_by_role("heading", name="Transactions").count() == 0
    page.screenshot(path=str(SHOTS / "10-login-refused.png"), full_page=True)

    _sign_in(page, "dana", USERS["dana"])
    page.get_by_text("Signed in as dana").wait_for(timeout=60000)
    page.get_by_role("heading", name="Transactions").wait_for(timeout=60000)
    assert page.get_by_label("Analyst", exact=True).count() == 0, "no free-text name once signed in"

    # a resolution records the signed-in user
    box = page.get_by_label("Transaction", exact=True).first
    box.click()
    page.keyboard.type("DEMO-DIVERSION")
    page.keyboard.press("Enter")
    _idle(page)
    page.get_by_role("button", name="Run screening and flags").click()
    page.get_by_text("Checklist by consideration").wait_for(timeout=120000)
    _idle(page)
    for label, text in (("Finding", "BIS-K18"), ("Outcome", "confirmed")):  # nothing is preselected
        page.get_by_label(label, exact=True).first.click()
        page.keyboard.type(text)
        page.keyboard.press("Enter")
        _idle(page)
    page.get_by_label("Reason (kept with your name and the time)").fill(REASON)
    page.get_by_role("button", name="Resolve finding").click()
    page.get_by_text("Recorded: confirmed by dana").wait_for(timeout=60000)
    page.screenshot(path=str(SHOTS / "11-login-resolution.png"), full_page=True)
    with open_store(load_settings(demo_dir)) as store:
        ids = list(stored_findings(store, "DEMO-DIVERSION"))
        mine = [r for rs in resolutions(store, ids).values() for r in rs if r["reason"] == REASON]
    assert [r["by"] for r in mine] == ["dana"]

    # signing out returns to the sign-in
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="Sign in").wait_for(timeout=60000)
    page.close()

"""Access control: password hashes, the refusal to serve beyond loopback without a login, and the login itself."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from graph import falkordb_server
from redflag.cli.app import CliError
from redflag.cli.ui_cmd import check_access
from redflag.passwords import (
    PasswordHashError,
    accounts,
    auth_mode,
    check_login,
    hash_password,
    verify_password,
)
from redflag.services.findings import resolutions
from redflag.services.store import open_store
from redflag.settings import SettingsError, load_settings

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"
PASSWORD = "correct horse battery staple"


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("REDFLAG_", "NEO4J_"))}


def _redflag(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "redflag", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


# --------------------------------------------------------------------------- hashes
def test_a_hash_verifies_its_password_and_no_other() -> None:
    encoded = hash_password(PASSWORD)
    assert encoded.startswith("scrypt$16384$8$1$") and PASSWORD not in encoded
    assert verify_password(PASSWORD, encoded)
    assert not verify_password(PASSWORD + " ", encoded)
    assert not verify_password("", encoded)


def test_two_hashes_of_one_password_differ_by_their_salt() -> None:
    assert hash_password(PASSWORD) != hash_password(PASSWORD)


@pytest.mark.parametrize(
    "bad,says",
    [
        ("plaintext", "scrypt$N$r$p$SALT$KEY"),
        ("scrypt$x$8$1$AAAAAAAAAAA$BBBB", "integers"),
        ("scrypt$1000$8$1$AAAAAAAAAAA$BBBB", "power of two"),
        ("scrypt$16384$8$1$AA$" + "A" * 43, "salt"),
        ("bcrypt$16384$8$1$AAAAAAAAAAA$BBBB", "scrypt$N$r$p$SALT$KEY"),
    ],
)
def test_a_malformed_hash_is_refused_with_the_reason(bad: str, says: str) -> None:
    with pytest.raises(PasswordHashError, match=says.replace("$", r"\$")):
        verify_password(PASSWORD, bad)


def test_the_cli_prints_a_hash_that_verifies(tmp_path: Path) -> None:
    done = _redflag(
        "--data-dir", str(tmp_path), "ui-hash-password", "--stdin", env=_clean_env(), stdin=PASSWORD + "\n"
    )
    assert done.returncode == 0, done.stderr
    encoded = done.stdout.strip()
    assert verify_password(PASSWORD, encoded)
    assert PASSWORD not in done.stdout + done.stderr


def test_the_cli_refuses_an_empty_password(tmp_path: Path) -> None:
    done = _redflag("--data-dir", str(tmp_path), "ui-hash-password", "--stdin", env=_clean_env(), stdin="\n")
    assert done.returncode == 1 and "empty" in done.stderr + done.stdout


# --------------------------------------------------------------------------- accounts
def test_a_users_file_maps_several_accounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    users = tmp_path / "users"
    users.write_text(
        f"# team\nalice:{hash_password('a-pass')}\n\nbob:{hash_password('b-pass')}\n", encoding="utf-8"
    )
    users.chmod(0o600)
    monkeypatch.setenv("REDFLAG_UI_USERS", str(users))
    cfg = load_settings(tmp_path)
    assert sorted(accounts(cfg)) == ["alice", "bob"] and auth_mode(cfg) == "password"
    assert check_login(cfg, "alice", "a-pass") and check_login(cfg, "bob", "b-pass")
    assert not check_login(cfg, "alice", "b-pass")
    assert not check_login(cfg, "mallory", "a-pass")


def test_a_users_file_readable_by_others_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    users = tmp_path / "users"
    users.write_text(f"alice:{hash_password('a-pass')}\n", encoding="utf-8")
    users.chmod(0o644)
    monkeypatch.setenv("REDFLAG_UI_USERS", str(users))
    with pytest.raises(SettingsError, match="chmod 600"):
        accounts(load_settings(tmp_path))


def test_a_users_file_line_without_a_hash_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    users = tmp_path / "users"
    users.write_text(f"alice:{hash_password('a-pass')}\nbob:secret\n", encoding="utf-8")
    users.chmod(0o600)
    monkeypatch.setenv("REDFLAG_UI_USERS", str(users))
    with pytest.raises(SettingsError, match=r"line 2 \(bob\)"):
        accounts(load_settings(tmp_path))


def test_the_single_hash_belongs_to_redflag_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDFLAG_USER", "carol")
    monkeypatch.setenv("REDFLAG_UI_PASSWORD_HASH", hash_password(PASSWORD))
    cfg = load_settings(tmp_path)
    assert check_login(cfg, "carol", PASSWORD) and not check_login(cfg, "dave", PASSWORD)
    assert "scrypt" not in repr(cfg), "the hash is kept out of the settings' repr"


# --------------------------------------------------------------------------- refusal to serve
@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10"])
def test_the_cli_refuses_a_non_loopback_address_without_a_login(tmp_path: Path, host: str) -> None:
    done = _redflag("--data-dir", str(tmp_path), "ui", "--host", host, "--port", "8599", env=_clean_env())
    assert done.returncode == 1
    assert f"refusing to serve on {host}" in done.stderr and "REDFLAG_UI_PASSWORD_HASH" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_misconfigured_hash_stops_the_cli_with_the_reason(tmp_path: Path) -> None:
    env = {**_clean_env(), "REDFLAG_UI_PASSWORD_HASH": "hunter2"}
    done = _redflag("--data-dir", str(tmp_path), "ui", "--host", "0.0.0.0", env=env)
    assert done.returncode == 1 and "REDFLAG_UI_PASSWORD_HASH" in done.stderr and "hunter2" not in done.stderr


def test_oidc_without_its_configuration_is_refused(tmp_path: Path) -> None:
    env = {**_clean_env(), "REDFLAG_UI_AUTH": "oidc", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "redflag", "--data-dir", str(tmp_path), "ui", "--host", "0.0.0.0"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1 and "REDFLAG_UI_AUTH=oidc, but" in done.stderr


def test_with_a_login_configured_any_address_is_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDFLAG_UI_PASSWORD_HASH", hash_password(PASSWORD))
    assert check_access(load_settings(tmp_path), "0.0.0.0") == "password"
    monkeypatch.delenv("REDFLAG_UI_PASSWORD_HASH")
    assert check_access(load_settings(tmp_path), "127.0.0.1") == "none"
    with pytest.raises(CliError, match="refusing"):
        check_access(load_settings(tmp_path), "0.0.0.0")


# --------------------------------------------------------------------------- the login (AppTest)
@pytest.fixture
def login_env(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("REDFLAG_DATA_DIR", str(demo_dir))
    monkeypatch.setenv("REDFLAG_USER", "alice")
    monkeypatch.setenv("REDFLAG_UI_PASSWORD_HASH", hash_password(PASSWORD))
    st.cache_resource.clear()  # the app caches its settings per process
    yield demo_dir
    st.cache_resource.clear()


def _open() -> AppTest:
    """The app as a browser first sees it: the entry script, then the default page's address."""
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    return at.switch_page("pages/overview.py").run()


def _sign_in(at: AppTest, user: str, password: str) -> AppTest:
    at.text_input(key="login_user").input(user)
    at.text_input(key="login_password").input(password)
    return at.button[0].click().run()


def test_every_page_is_behind_the_sign_in(login_env: Path) -> None:
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert not at.metric and not at.dataframe, "nothing from the graph before signing in"
    for page in ("pages/transactions.py", "pages/search.py"):
        at.switch_page(page).run()
        assert [t.value for t in at.title] == ["Sign in"]


def test_a_wrong_password_is_refused_and_the_right_one_lets_in(login_env: Path) -> None:
    at = _open()
    _sign_in(at, "alice", "not the password")
    assert [t.value for t in at.title] == ["Sign in"]
    assert any("Wrong user name or password" in e.value for e in at.error)
    _sign_in(at, "mallory", PASSWORD)
    assert [t.value for t in at.title] == ["Sign in"]
    _sign_in(at, "alice", PASSWORD)
    assert [t.value for t in at.title] == ["Overview"], [e.value for e in at.error]
    assert at.session_state["authenticated_user"] == "alice"  # the sidebar is checked in the browser test


def test_a_resolution_and_a_decision_record_the_signed_in_user(login_env: Path) -> None:
    at = _open()
    _sign_in(at, "alice", PASSWORD)
    at.session_state["analyst"] = "someone-else"  # a stale free-text name must not be what is recorded
    at.switch_page("pages/transactions.py").run()
    at.selectbox(key="tx_pick").select("DEMO-DIVERSION").run()
    at.button(key="run_flags").click().run()
    at.selectbox(key="resolve_finding").select_index(0)  # the form starts empty: nothing is preselected
    at.selectbox(key="resolve_status").select("mitigated")
    at.text_area(key="resolve_reason").input("Registry extract checked by the signed-in analyst.")
    at.button(key="resolve_submit").click().run()
    assert any("Recorded: mitigated by alice" in s.value for s in at.success), [e.value for e in at.error]
    finding = str(at.selectbox(key="resolve_finding").value)
    at.selectbox(key="decision_value").select("hold")
    at.text_area(key="decision_reason").input("Waiting for the end-user certificate.")
    at.button(key="decision_submit").click().run()
    assert any("Decision recorded: hold by alice" in s.value for s in at.success), [e.value for e in at.error]
    with open_store(load_settings(login_env)) as store:
        mine = [
            r for r in resolutions(store, [finding])[finding] if r["reason"].startswith("Registry extract")
        ]
    assert mine and {r["by"] for r in mine} == {"alice"}


def test_without_a_login_configured_the_app_opens_directly(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDFLAG_DATA_DIR", str(demo_dir))
    monkeypatch.delenv("REDFLAG_UI_PASSWORD_HASH", raising=False)
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(str(APP), default_timeout=120).run()
        assert [t.value for t in at.title] == ["Overview"]
    finally:
        st.cache_resource.clear()
    assert falkordb_server  # the demo folder's server is stopped by the demo_dir fixture


def test_every_page_file_starts_with_the_sign_in_guard() -> None:
    """Streamlit may run a file in ui/pages/ on its own (classic pages folder), so each page guards itself."""
    pages = sorted((APP.parent / "pages").glob("*.py"))
    assert pages
    guard = re.compile(r"^(\w+\s*=\s*)?require_login\(\)", re.MULTILINE)  # module level
    unguarded = [p.name for p in pages if not guard.search(p.read_text(encoding="utf-8"))]
    assert unguarded == []

"""The UI login: every page is behind it when a password hash, a users file or OIDC is configured.

``require_login()`` runs in ui/app.py before any page, and again at the top of every page: Streamlit runs a
page file directly (without ui/app.py) when it treats ui/pages/ as a classic pages folder, which it does for
a session's runs until ``st.navigation`` has been called once in the process. With a password login it shows a sign-in form until
the session holds an authenticated user; with ``REDFLAG_UI_AUTH=oidc`` it uses Streamlit's built-in
``st.login`` (configured in .streamlit/secrets.toml). ``current_user()`` is the name recorded on resolutions,
decisions and judgements: the authenticated user when a login is configured, else the sidebar's analyst name.
"""

from __future__ import annotations

import streamlit as st

from redflag.passwords import PasswordHashError, auth_mode, check_login
from redflag.settings import SettingsError
from ui.common import settings, user

AUTH_KEY = "authenticated_user"


def _mode() -> str:
    try:
        return auth_mode(settings())
    except SettingsError as exc:
        st.error(f"The UI login is misconfigured: {exc}. Fix it and restart `redflag ui`.")
        st.stop()
        raise


def _oidc_user() -> str:
    if not st.user.is_logged_in:
        st.title("Sign in")
        st.write("This redflag workspace needs a login.")
        st.button("Sign in with your identity provider", on_click=st.login, type="primary")
        st.stop()
    for key in ("email", "preferred_username", "name", "sub"):
        value = st.user.get(key)
        if value:
            return str(value)
    st.error("The identity provider returned no user name or e-mail; ask the administrator to release one.")
    st.stop()
    raise AssertionError("unreachable")


def _password_user() -> str:
    who = st.session_state.get(AUTH_KEY)
    if who:
        return str(who)
    st.title("Sign in")
    with st.form("login"):
        name = st.text_input("User name", key="login_user")
        password = st.text_input("Password", type="password", key="login_password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        try:
            ok = check_login(settings(), name.strip(), password)
        except (SettingsError, PasswordHashError) as exc:
            st.error(f"The UI login is misconfigured: {exc}")
            st.stop()
        if ok:
            st.session_state[AUTH_KEY] = name.strip()
            st.session_state.pop("login_password", None)
            st.rerun()
        st.error("Wrong user name or password.")
    st.stop()
    raise AssertionError("unreachable")


def require_login() -> str | None:
    """The authenticated user, or None when no login is configured; otherwise shows the sign-in and stops."""
    mode = _mode()
    if mode == "none":
        return None
    who = _oidc_user() if mode == "oidc" else _password_user()
    st.session_state[AUTH_KEY] = who
    st.session_state["analyst"] = who  # what ui.common.user() returns on every page
    return who


def signed_in() -> bool:
    """True when no login is configured or this session has signed in (OIDC: Streamlit's user is logged in)."""
    mode = _mode()
    if mode == "none":
        return True
    if mode == "oidc":
        return bool(st.user.is_logged_in)
    return bool(st.session_state.get(AUTH_KEY))


def sign_out() -> None:
    if _mode() == "oidc":
        st.logout()
    for key in (AUTH_KEY, "analyst"):
        st.session_state.pop(key, None)


def sidebar_account(who: str) -> None:
    """Who is signed in, and a sign-out button (replaces the free-text analyst field)."""
    st.sidebar.text(f"Signed in as {who}")
    st.sidebar.button("Sign out", on_click=sign_out, key="sign_out")


def current_user() -> str:
    """The name to record: the authenticated user when a login is configured, else the analyst name."""
    if _mode() == "none":
        return user()
    who = st.session_state.get(AUTH_KEY)
    if not who:
        st.error("You are not signed in; reload the page and sign in.")
        st.stop()
    return str(who)

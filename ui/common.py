"""Helpers every page shares: the store, the analyst's name, optional services, safe display of data.

Pages call services (redflag.services.*, redflag.rules, redflag.paths...) through these helpers only; no
query logic lives in the UI. Every string that came from data is shown with ``st.text``, ``st.dataframe``
or ``st.markdown`` of escaped text, never as HTML.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Collection
from typing import Any
from urllib.parse import quote, urlsplit

import streamlit as st

from graph.store import GraphStore
from redflag.services.store import open_store
from redflag.settings import Settings, SettingsError, load_settings

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")


def md_escape(value: object) -> str:
    """Escape text for ``st.markdown`` so data is never read as Markdown or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", "" if value is None else str(value))


def md_link(label: object, url: object) -> str:
    """A Markdown link that opens ``url`` (http/https only) with ``label`` shown as escaped text.

    The address is not backslash-escaped (that breaks it, e.g. ``sample\\.redflag.test``); characters that
    would end the Markdown link target (spaces, parentheses, angle brackets, backslashes) are percent-encoded.
    Any other address (``javascript:``, ``file:``, relative) is shown as plain text, never as a link.
    """
    text = str(url or "")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return md_escape(label if label else text)
    safe = quote(text, safe=":/?#@!$&'*+,;=%~[]-._")
    return f"[{md_escape(label or text)}]({safe})"


def subject_from_url(param: str, key: str, valid: Collection[str]) -> str | None:
    """Take a page's subject from the URL query (``?param=ID``) into the widget ``key`` before it is drawn.

    A value the URL names that is not in ``valid`` is reported once and ignored (nothing else is opened in
    its place). Returns the id the URL asked for, or None.
    """
    wanted = st.query_params.get(param)
    seen_key = f"_url_{param}_{key}"
    if wanted is None:
        st.session_state.pop(seen_key, None)
        return None
    if st.session_state.get(seen_key) != wanted:  # a new link: it wins over what the widget held
        st.session_state[seen_key] = wanted
        if wanted in valid:
            st.session_state[key] = wanted
    if wanted not in valid:
        st.warning(f"The link names {md_escape(param)} {md_escape(wanted[:80])}, which is not in the graph.")
        return None
    return wanted


def subject_to_url(param: str, value: str | None, drop: Collection[str] = ()) -> None:
    """Write the page's current subject back to the URL query (so the address can be shared)."""
    for other in drop:
        if other in st.query_params:
            del st.query_params[other]
    if value:
        if st.query_params.get(param) != value:
            st.query_params[param] = value
    elif param in st.query_params:
        del st.query_params[param]


@st.cache_resource(show_spinner=False)
def _settings() -> Settings:
    return load_settings()


@st.cache_resource(show_spinner="Opening the graph store...")
def _store(data_dir: str) -> GraphStore:
    return open_store(_settings())


def settings() -> Settings:
    try:
        return _settings()
    except SettingsError as exc:
        st.error(f"The settings cannot be used: {exc}. Fix the environment variable and restart `redflag ui`.")
        st.stop()
        raise


def store() -> GraphStore:
    """The graph store for the configured data folder (opened once per server process)."""
    cfg = settings()
    try:
        return _store(str(cfg.data_dir))
    except Exception as exc:  # the message is shown; the app keeps running
        st.error(
            f"The graph store in {cfg.data_dir} cannot be opened ({type(exc).__name__}: {exc}). "
            "Run `redflag status` to see what is wrong, or `redflag demo --no-ui` to create demo data."
        )
        st.stop()
        raise


def user() -> str:
    """Who is working: the name typed in the sidebar, else REDFLAG_USER."""
    name = str(st.session_state.get("analyst") or "").strip()
    return name or settings().user


def sidebar_user() -> None:
    st.sidebar.text_input("Analyst", value=settings().user, key="analyst", help="Recorded with every resolution.")


def optional(module: str, attr: str) -> Callable[..., Any] | None:
    """A service function that another part of the tool provides, or None when it is not installed yet."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    fn = getattr(mod, attr, None)
    return fn if callable(fn) else None


def missing(what: str, how: str) -> None:
    """An honest empty state: what is missing and the command that provides it."""
    st.info(f"{what} is not available yet. {how}")


def run_safely(label: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a service; on failure show one readable message (no traceback) and return None."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # every service error becomes a message that says what to do
        st.error(f"{label} failed: {exc}. Check the input and try again; `redflag status` shows the store's state.")
        return None


def kv_table(rows: dict[str, Any]) -> None:
    """A two-column table of properties, every value shown as text."""
    st.dataframe(
        [{"field": str(k), "value": ", ".join(map(str, v)) if isinstance(v, list) else str(v)} for k, v in rows.items()],
        hide_index=True,
    )


def pick_entity(key: str, label: str = "Entity") -> str | None:
    """A search box plus a result picker; returns the chosen entity id (remembered in the session)."""
    from redflag.services.explore import search_entities

    text = st.text_input(f"{label} name (fuzzy, aliases count)", key=f"{key}_q")
    if not text:
        return st.session_state.get(f"{key}_id")
    hits = search_entities(store(), text)
    if not hits:
        st.warning("No entity matches that name. Try fewer words or another spelling.")
        return None
    labels = {h["id"]: f"{h['name']} ({h['schema']}, {', '.join(h['countries'])}) score {h['score']}" for h in hits}
    chosen = st.selectbox("Matches", list(labels), format_func=lambda i: labels[i], key=f"{key}_pick")
    st.session_state[f"{key}_id"] = chosen
    return chosen


def as_plain(obj: Any) -> Any:
    """Dataclasses, objects and containers as plain dicts/lists (for display of service results)."""
    import dataclasses

    if hasattr(obj, "to_dict") and callable(obj.to_dict) and not isinstance(obj, type):
        return as_plain(obj.to_dict())
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: as_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): as_plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set):
        return [as_plain(v) for v in obj]
    return obj

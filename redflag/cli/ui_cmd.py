"""``redflag ui``: serve the Streamlit investigation app on a local address."""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from pathlib import Path

import typer

from redflag.cli.app import CliError, app, settings
from redflag.cli.children import run_child
from redflag.passwords import auth_mode, hash_password, oidc_problem
from redflag.settings import Settings, SettingsError

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"


def is_loopback(host: str) -> bool:
    """True when HOST only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None))
        except OSError:
            return False


def streamlit_command(host: str, port: int) -> list[str]:
    return [
        sys.executable, "-m", "ui.launch", "run", str(APP),  # streamlit run, with the app's navigation from the start
        "--server.address", host,
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "minimal",  # no "Deploy" button, no developer menu
    ]  # fmt: skip


@app.command()
def ui(
    host: str | None = typer.Option(None, "--host", help="Address to bind (default $REDFLAG_UI_HOST, else 127.0.0.1)."),
    port: int | None = typer.Option(None, "--port", help="Port (default $REDFLAG_UI_PORT, else 8501)."),
) -> None:
    """Serve the investigation UI (Streamlit) for the data folder."""
    serve(settings(), host, port)


@app.command("ui-hash-password")
def ui_hash_password(
    from_stdin: bool = typer.Option(False, "--stdin", help="Read the password from the first line of stdin."),
) -> None:
    """Print a salted scrypt hash of a password for REDFLAG_UI_PASSWORD_HASH or a REDFLAG_UI_USERS file."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise CliError("the password is empty")
    print(hash_password(password))


def check_access(cfg: Settings, bind: str) -> str:
    """The login mode (none, password, oidc) for serving on BIND; CliError when it is not safe or not usable."""
    try:
        mode = auth_mode(cfg)
    except SettingsError as exc:
        raise CliError(f"the UI login is misconfigured: {exc}") from None
    if mode == "oidc":
        problem = oidc_problem()
        if problem:
            raise CliError(f"REDFLAG_UI_AUTH=oidc, but {problem}")
    if not is_loopback(bind) and mode == "none":
        raise CliError(
            f"refusing to serve on {bind}: a non-loopback address needs a login; set REDFLAG_UI_PASSWORD_HASH "
            "(from `redflag ui-hash-password`), REDFLAG_UI_USERS or REDFLAG_UI_AUTH=oidc, "
            "or bind to 127.0.0.1 (the default)"
        )
    return mode


def serve(cfg: Settings, host: str | None = None, port: int | None = None) -> None:
    """Serve the UI for CFG's data folder until Ctrl-C (used by `redflag ui` and the end of `redflag demo`)."""
    bind = host or cfg.ui_host
    chosen_port = port or cfg.ui_port
    check_access(cfg, bind)
    if not APP.exists():
        raise CliError(f"the UI is missing: {APP} does not exist (reinstall the project)")
    env = {**os.environ, "REDFLAG_DATA_DIR": str(cfg.data_dir)}
    print(f"redflag UI on http://{bind}:{chosen_port} (data {cfg.data_dir}); Ctrl-C stops it", flush=True)
    done = run_child(streamlit_command(bind, chosen_port), env=env)  # stopped with us on SIGTERM/SIGINT/SIGHUP
    if done.stopped_by is not None:
        print("redflag UI stopped", flush=True)
        return
    code = done.code
    if code not in (0, -2, 130):
        raise CliError(f"streamlit stopped with status {code}; is port {chosen_port} already in use? try --port")

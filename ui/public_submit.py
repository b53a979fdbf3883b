"""The public grievance submission page: a small stand-alone HTTP server, separate from the investigation UI.

It can be exposed to outsiders because it does only two things: accept a report (and answer with a receipt
code) and show the status of the report a receipt code belongs to. It serves no other page, reads nothing
else of the graph, sets no cookies, sends a strict Content-Security-Policy, limits the request size and every
field, and rate-limits submissions and status checks per client address. Everything it shows is escaped.

Run with ``redflag grievance-portal [--host H] [--port P]`` (127.0.0.1:8502 by default).
"""

from __future__ import annotations

import html
import threading
import urllib.parse
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from redflag.stewardship.intake import FORM_FIELDS, MAX_BODY_BYTES, IntakeError, RateLimiter, Submission

Submit = Callable[[Submission], str]  # returns the receipt code
Lookup = Callable[[str], "dict[str, Any] | None"]

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "label{display:block;margin-top:1rem;font-weight:600}input,textarea{width:100%;box-sizing:border-box;"
    "padding:.4rem;font:inherit}textarea{min-height:8rem}button{margin-top:1rem;padding:.5rem 1.2rem;font:inherit}"
    ".error{background:#fde8e8;border:1px solid #c00;padding:.6rem}.ok{background:#e8f5e9;border:1px solid #2e7d32;"
    "padding:.6rem}.receipt{font-family:monospace;font-size:1.3rem;letter-spacing:.1rem}small{color:#555}"
)
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
e = html.escape


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>'
        f"<body><h1>{e(title)}</h1>{body}"
        '<p><small><a href="/">Report a concern</a> &middot; <a href="/status">Check a report\'s status</a>'
        "</small></p></body></html>"
    )


def _form(values: dict[str, str], error: str = "") -> str:
    parts = [f'<p class="error" role="alert">{e(error)}</p>'] if error else []
    parts.append(
        "<p>Use this form to tell us about possible misuse of our products, for example against journalists, "
        "activists or minorities. You may stay anonymous. You will receive a receipt code to check the status "
        "of your report; keep it safe, we cannot recover it.</p>"
        '<form method="post" action="/submit" accept-charset="utf-8">'
    )
    for key, (label, limit, required) in FORM_FIELDS.items():
        req = " required" if required else ""
        val = e(values.get(key, ""))
        parts.append(f'<label for="{key}">{e(label)}{" *" if required else ""}</label>')
        if limit > 300:
            parts.append(f'<textarea id="{key}" name="{key}" maxlength="{limit}"{req}>{val}</textarea>')
        else:
            parts.append(f'<input id="{key}" name="{key}" maxlength="{limit}" value="{val}"{req}>')
    parts.append(
        "<p><small>Your name and contact are optional, kept apart from the report and seen only by our "
        "grievance officer.</small></p><button type=\"submit\">Send report</button></form>"
    )
    return _page("Report a concern", "".join(parts))


def _status_form(error: str = "") -> str:
    err = f'<p class="error" role="alert">{e(error)}</p>' if error else ""
    return _page(
        "Check a report's status",
        f'{err}<form method="post" action="/status"><label for="receipt">Receipt code</label>'
        '<input id="receipt" name="receipt" maxlength="64" autocomplete="off" required>'
        '<button type="submit">Check</button></form>',
    )


def _status_page(status: dict[str, Any]) -> str:
    rows = [("Status", status["status_text"]), ("Received", status["received"]),
            ("Acknowledged", status.get("acknowledged") or "not yet"), ("Closed", status.get("closed") or "not yet"),
            ("Last update", status["last_update"])]  # fmt: skip
    if status.get("note"):
        rows.append(("Message from the grievance officer", status["note"]))
    table = "".join(f"<tr><th scope=\"row\">{e(k)}</th><td>{e(str(v))}</td></tr>" for k, v in rows)
    return _page("Status of your report", f'<table id="status">{table}</table>')


class PortalHandler(BaseHTTPRequestHandler):
    server: PortalServer
    server_version = "grievance-portal"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # no client addresses in logs
        return None

    def _client(self) -> str:
        if self.server.trust_proxy:
            fwd = self.headers.get("X-Forwarded-For", "")
            if fwd:
                return fwd.split(",")[-1].strip()
        return str(self.client_address[0])

    def _send(self, status: int, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in _HEADERS.items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = urllib.parse.urlsplit(self.path).path
        if path == "/":
            self._send(HTTPStatus.OK, _form({}))
        elif path == "/status":
            self._send(HTTPStatus.OK, _status_form())
        else:
            self._send(HTTPStatus.NOT_FOUND, _page("Not found", "<p>This page does not exist.</p>"))

    do_HEAD = do_GET

    def _read_form(self) -> dict[str, str] | None:
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, _page("Not accepted", "<p>Send the form from this page.</p>"))
            return None
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._send(HTTPStatus.LENGTH_REQUIRED, _page("Not accepted", "<p>The request has no length.</p>"))
            return None
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            self._send(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                _form({}, f"The report is too large ({length} bytes; the limit is {MAX_BODY_BYTES}). Shorten it."),
            )
            return None
        raw = self.rfile.read(length).decode("utf-8", errors="replace")
        try:
            pairs = urllib.parse.parse_qsl(raw, keep_blank_values=True, strict_parsing=False, max_num_fields=20)
        except ValueError:
            self._send(HTTPStatus.BAD_REQUEST, _form({}, "The form could not be read: too many fields."))
            return None
        form: dict[str, str] = {}
        for k, v in pairs:
            if k in form:
                self._send(HTTPStatus.BAD_REQUEST, _form({}, f"The field {k[:40]!r} was sent twice."))
                return None
            form[k] = v
        return form

    def do_POST(self) -> None:  # noqa: N802
        path = urllib.parse.urlsplit(self.path).path
        if path not in ("/submit", "/status"):
            self._send(HTTPStatus.NOT_FOUND, _page("Not found", "<p>This page does not exist.</p>"))
            return
        limiter = self.server.submit_limiter if path == "/submit" else self.server.status_limiter
        if not limiter.allow(self._client()):
            self._send(
                HTTPStatus.TOO_MANY_REQUESTS,
                _page("Please wait", "<p class=\"error\" role=\"alert\">Too many requests from your address. "
                      "Please try again later.</p>"),
            )  # fmt: skip
            return
        form = self._read_form()
        if form is None:
            return
        if path == "/status":
            code = form.get("receipt", "").strip()
            status = self.server.lookup(code) if code and set(form) == {"receipt"} else None
            if status is None:
                self._send(HTTPStatus.NOT_FOUND, _status_form("No report has this receipt code."))
            else:
                self._send(HTTPStatus.OK, _status_page(status))
            return
        from redflag.stewardship.intake import validate_form

        try:
            submission = validate_form(form)
        except IntakeError as exc:
            shown = {k: v for k, v in form.items() if k in FORM_FIELDS and len(v) <= FORM_FIELDS[k][1]}
            self._send(HTTPStatus.BAD_REQUEST, _form(shown, str(exc)))
            return
        try:
            code = self.server.submit(submission)
        except Exception:  # never show internals to outsiders
            self._send(
                HTTPStatus.SERVICE_UNAVAILABLE,
                _page("Not received", "<p class=\"error\" role=\"alert\">Your report could not be stored just now. "
                      "Please try again later.</p>"),
            )  # fmt: skip
            return
        note = (
            "<p><small>Your text contained markup (HTML or script); it was stored as plain text.</small></p>"
            if submission.contains_markup
            else ""
        )
        self._send(
            HTTPStatus.OK,
            _page(
                "Report received",
                '<p class="ok" role="status">Thank you. Your report has been received.</p>'
                f'<p>Your receipt code:</p><p class="receipt" id="receipt">{e(code)}</p>'
                "<p>Write it down: it is the only way to check the status of your report, and we cannot recover "
                f'it. Check the status at <a href="/status">/status</a>.</p>{note}',
            ),
        )


class PortalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        submit: Submit,
        lookup: Lookup,
        *,
        submissions_per_hour: int = 5,
        status_checks_per_hour: int = 30,
        trust_proxy: bool = False,
    ) -> None:
        super().__init__(address, PortalHandler)
        self.submit = submit
        self.lookup = lookup
        self.submit_limiter = RateLimiter(submissions_per_hour)
        self.status_limiter = RateLimiter(status_checks_per_hour)
        self.trust_proxy = trust_proxy
        self.on_close: Callable[[], None] | None = None  # e.g. close the graph store

    def server_close(self) -> None:
        super().server_close()
        if self.on_close is not None:
            on_close, self.on_close = self.on_close, None
            on_close()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}" if isinstance(host, str) else f"http://{host.decode()}:{port}"


def build_portal(
    data_dir: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8502,
    *,
    trust_proxy: bool = False,
) -> PortalServer:
    """The portal over the configured graph store (one store connection, serialised by a lock)."""
    from redflag.services.store import open_store
    from redflag.settings import load_settings
    from redflag.stewardship.config import load_grievance_settings
    from redflag.stewardship.grievances import record_public_submission, status_by_receipt

    settings = load_settings(data_dir)
    gcfg = load_grievance_settings()
    store = open_store(settings)
    lock = threading.Lock()

    def submit(sub: Submission) -> str:
        with lock:
            return record_public_submission(store, settings.data_dir, sub).receipt_code

    def lookup(code: str) -> dict[str, Any] | None:
        with lock:
            return status_by_receipt(store, code)

    try:
        server = PortalServer(
            (host, port),
            submit,
            lookup,
            submissions_per_hour=gcfg.portal_submissions_per_hour,
            status_checks_per_hour=gcfg.portal_status_checks_per_hour,
            trust_proxy=trust_proxy,
        )
    except BaseException:
        store.close()
        raise
    server.on_close = store.close
    return server

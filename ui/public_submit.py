"""The public grievance submission page: a small stand-alone HTTP server, separate from the investigation UI.

It can be exposed to outsiders because it does only two things: accept a report (and answer with a receipt
code) and show the status of the report a receipt code belongs to. It serves no other page, reads nothing
else of the graph, sets no cookies, sends a strict Content-Security-Policy, limits the request size and every
field, and rate-limits submissions and status checks per client address and network
(``redflag.stewardship.ratelimit``). Everything it shows is escaped.

Against a hostile world (issue 15 item 1; docs/MONITORING.md, "Limits of the public portal"):

- A Content-Length that is missing (411), negative, not a decimal number, given twice with different values,
  combined with Transfer-Encoding (400) or over 32 KB (413) is refused before any byte of the body is read.
- No more than 48 KB of a request are read (16 KB for request line and headers, plus the 32 KB body limit);
  beyond that the answer is 431.
- Each connection carries one request (HTTP/1.0) with a total deadline for request line, headers and body
  (``REDFLAG_PORTAL_REQUEST_TIMEOUT``, 10 s): a client that trickles gets 408 and is closed.
- A fixed pool of worker threads (``REDFLAG_PORTAL_WORKERS``) serves connections from a bounded queue
  (``REDFLAG_PORTAL_QUEUE``); a connection beyond that gets 503 with Retry-After at once.
- Logs carry no client address and no traceback: a client that goes away is not logged; anything else is one
  ``grievance-portal: error: ...`` line.
- A graph connection lost (server restarted) is re-opened before the request is served; if the graph really
  cannot be reached the answer is 503 with Retry-After.

Run with ``redflag grievance-portal [--host H] [--port P]`` (127.0.0.1:8502 by default).
"""

from __future__ import annotations

import contextlib
import html
import io
import logging
import queue
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

from redflag.stewardship.intake import FORM_FIELDS, MAX_BODY_BYTES, IntakeError, Submission
from redflag.stewardship.ratelimit import ClientLimiter, Decision

log = logging.getLogger("redflag.portal")

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


def _form_body(values: dict[str, str], error: str = "") -> str:
    """The form's HTML, each field filled with what was sent (escaped), under the error when there is one."""
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
    return "".join(parts)


def _form(values: dict[str, str], error: str = "") -> str:
    return _page("Report a concern", _form_body(values, error))


def _kept(form: dict[str, str]) -> dict[str, str]:
    """What the reporter typed, to fill the form again after any error (only the form's own fields)."""
    return {k: v for k, v in form.items() if k in FORM_FIELDS}


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


STORE_RETRY_AFTER = 30  # seconds a reporter is asked to wait when the graph cannot be reached
BUSY_RETRY_AFTER = 5  # seconds, when every worker is busy and the queue is full
_DIGITS = re.compile(r"[0-9]{1,18}")
_BUSY = (
    "HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    f"Retry-After: {BUSY_RETRY_AFTER}\r\nConnection: close\r\nContent-Length: 43\r\n\r\n"
    "The service is busy. Please try again soon."
).encode()


MAX_HEADER_BYTES = 16 * 1024  # request line and headers together (a browser's form post needs about 1 KB)


class RequestTooLarge(ConnectionAbortedError):
    """The request line and headers (or the whole request) are longer than the portal reads."""


class _DeadlineReader(io.RawIOBase):
    """The socket's input with one total deadline and a byte budget: each read waits at most until ``deadline``
    (monotonic), a read after it raises TimeoutError, and reading more than ``budget`` bytes raises
    RequestTooLarge. Socket timeouts alone bound each read, not the sum of many slow ones."""

    def __init__(self, sock: socket.socket, deadline: float, budget: int) -> None:
        super().__init__()
        self._sock = sock
        self.deadline = deadline
        self.left = budget
        self.expired = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError("request deadline passed")
        if self.left <= 0:
            raise RequestTooLarge("request larger than the portal reads")
        self._sock.settimeout(left)
        try:
            n = self._sock.recv_into(memoryview(buffer)[: self.left])
        except TimeoutError:
            self.expired = True
            raise
        self.left -= n
        return n


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class PortalHandler(BaseHTTPRequestHandler):
    server: PortalServer
    server_version = "grievance-portal"
    sys_version = ""
    protocol_version = "HTTP/1.0"  # one request per connection: the deadline covers all of it

    def log_message(self, format: str, *args: Any) -> None:  # no client addresses in logs
        return None

    def setup(self) -> None:
        super().setup()
        self.rfile.close()  # replaced below by the reader with a deadline and a budget
        # set by parse_request once a request line is read; until then an answer (431, 408) is plain HTTP/1.0
        self.command, self.path, self.requestline, self.request_version = "", "", "", "HTTP/1.0"
        self.connection.settimeout(self.server.request_timeout)  # bounds writes too (a client that never reads)
        self._reader = _DeadlineReader(
            self.connection, time.monotonic() + self.server.request_timeout, MAX_HEADER_BYTES + MAX_BODY_BYTES
        )
        self.rfile = io.BufferedReader(self._reader)
        self._answered = False

    def handle(self) -> None:
        try:
            self.handle_one_request()  # catches TimeoutError itself (and closes)
        except RequestTooLarge:
            if not self._answered:
                with contextlib.suppress(OSError):
                    self._send(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, _page("Not accepted", "<p>The request "
                               "is too large.</p>"))  # fmt: skip
            return
        except (ConnectionError, TimeoutError):
            return  # the client went away or stalled: nothing to answer, nothing to log
        except Exception as exc:  # noqa: BLE001 - one line, no traceback, no address; the client gets a 500
            log.warning("grievance-portal: error: %s %s failed: %s", self.command or "request",
                        urllib.parse.urlsplit(self.path).path[:40], _one_line(exc))  # fmt: skip
            if not self._answered:
                with contextlib.suppress(OSError):
                    self._send(HTTPStatus.INTERNAL_SERVER_ERROR, _page("Error", "<p>Something went wrong. "
                               "Please try again later.</p>"))  # fmt: skip
            return
        if self._reader.expired and not self._answered:
            with contextlib.suppress(OSError):
                self.connection.settimeout(1.0)
                self._send(HTTPStatus.REQUEST_TIMEOUT, _page("Too slow", "<p>The request took too long to arrive."
                           " Please send it again.</p>"))  # fmt: skip

    def send_response(self, code: int, message: str | None = None) -> None:
        self._answered = True
        super().send_response(code, message)

    def _client(self) -> str:
        if self.server.trust_proxy:
            fwd = self.headers.get("X-Forwarded-For", "")
            if fwd:
                return fwd.split(",")[-1].strip()
        return str(self.client_address[0])

    def _send(self, status: int, body: str, extra: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        for k, v in {**_HEADERS, **(extra or {})}.items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _refuse(self, status: int, text: str) -> None:
        self._send(status, _page("Not accepted", f'<p class="error" role="alert">{e(text)}</p>'))

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = urllib.parse.urlsplit(self.path).path
        if path == "/":
            self._send(HTTPStatus.OK, _form({}))
        elif path == "/status":
            self._send(HTTPStatus.OK, _status_form())
        else:
            self._send(HTTPStatus.NOT_FOUND, _page("Not found", "<p>This page does not exist.</p>"))

    do_HEAD = do_GET

    def _body_length(self) -> int | None:
        """The declared body length, or None after refusing the request (nothing of the body is read)."""
        lengths = {v.strip() for v in self.headers.get_all("Content-Length") or []}
        if self.headers.get("Transfer-Encoding") is not None:
            if lengths:
                self._refuse(HTTPStatus.BAD_REQUEST, "The request has both Transfer-Encoding and Content-Length.")
            else:
                self._refuse(HTTPStatus.LENGTH_REQUIRED, "Send the form with a Content-Length.")
            return None
        if not lengths:
            self._refuse(HTTPStatus.LENGTH_REQUIRED, "The request has no length.")
            return None
        if len(lengths) > 1:
            self._refuse(HTTPStatus.BAD_REQUEST, "The request has more than one Content-Length.")
            return None
        [raw] = lengths
        if not _DIGITS.fullmatch(raw):
            self._refuse(HTTPStatus.BAD_REQUEST, "The request's Content-Length is not a length.")
            return None
        length = int(raw)
        if length > MAX_BODY_BYTES:
            self._send(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                _form({}, f"The report is too large ({length} bytes; the limit is {MAX_BODY_BYTES}). Shorten it."),
            )
            return None
        return length

    def _read_form(self) -> dict[str, str] | None:
        length = self._body_length()
        if length is None:
            return None
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, _page("Not accepted", "<p>Send the form from this page.</p>"))
            return None
        data = self.rfile.read(length)
        if len(data) != length:
            return None  # the client closed before sending its body: no one to answer
        raw = data.decode("utf-8", errors="replace")
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

    def _too_many(self, decision: Decision, typed: dict[str, str] | None = None) -> None:
        wait = max(1, int(decision.retry_after + 0.999))
        whom = "your address" if decision.by == "address" else "your network"
        minutes = max(1, (wait + 59) // 60)
        text = (f"Too many requests from {whom}. Please try again in {minutes} minute{'s' if minutes > 1 else ''}. "
                "Nothing you sent was stored" + ("; your report is kept in the form below." if typed else "."))  # fmt: skip
        body = _form_body(typed, text) if typed else f'<p class="error" role="alert">{e(text)}</p>'
        self._send(HTTPStatus.TOO_MANY_REQUESTS, _page("Please wait", body), {"Retry-After": str(wait)})

    def _unavailable(self, what: str, exc: BaseException, typed: dict[str, str] | None = None) -> None:
        log.warning("grievance-portal: error: the graph could not be reached for a %s: %s", what, _one_line(exc))
        text = (f"Your {what} could not be handled just now; nothing was stored. Please try again in a minute"
                + ("; your report is kept in the form below." if typed else "."))  # fmt: skip
        body = _form_body(typed, text) if typed else f'<p class="error" role="alert">{e(text)}</p>'
        self._send(HTTPStatus.SERVICE_UNAVAILABLE, _page("Not available", body), {"Retry-After": str(STORE_RETRY_AFTER)})

    def do_POST(self) -> None:  # noqa: N802
        path = urllib.parse.urlsplit(self.path).path
        if path not in ("/submit", "/status"):
            self._send(HTTPStatus.NOT_FOUND, _page("Not found", "<p>This page does not exist.</p>"))
            return
        form = self._read_form()
        if form is None:
            return
        client = self._client()
        if path == "/status":
            code = form.get("receipt", "").strip()
            if not code or len(code) > 64 or set(form) != {"receipt"}:  # cannot match: not counted
                self._send(HTTPStatus.NOT_FOUND, _status_form("No report has this receipt code."))
                return
            decision = self.server.status_limiter.take(client)
            if not decision.allowed:
                self._too_many(decision)
                return
            try:
                status = self.server.lookup(code)
            except Exception as exc:  # noqa: BLE001 - never show internals to outsiders
                self.server.status_limiter.give_back(client, decision)
                self._unavailable("status check", exc)
                return
            if status is None:
                self._send(HTTPStatus.NOT_FOUND, _status_form("No report has this receipt code."))
            else:
                self._send(HTTPStatus.OK, _status_page(status))
            return
        from redflag.stewardship.intake import validate_form

        try:
            submission = validate_form(form)
        except IntakeError as exc:  # the whole text comes back, an over-long field too, so nothing typed is lost
            self._send(HTTPStatus.BAD_REQUEST, _form(_kept(form), str(exc)))
            return
        decision = self.server.submit_limiter.take(client)
        if not decision.allowed:
            self._too_many(decision, _kept(form))
            return
        try:
            code = self.server.submit(submission)
        except Exception as exc:  # noqa: BLE001 - never show internals to outsiders
            self.server.submit_limiter.give_back(client, decision)
            self._unavailable("report", exc, _kept(form))
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


class PortalServer(HTTPServer):
    """The portal's HTTP server: ``workers`` threads serve accepted connections from a queue of ``queue_size``;
    a connection that finds the queue full gets 503 (Retry-After) at once and is closed."""

    def __init__(
        self,
        address: tuple[str, int],
        submit: Submit,
        lookup: Lookup,
        *,
        submissions_per_hour: int = 5,
        status_checks_per_hour: int = 30,
        network_submissions_per_hour: int | None = None,
        network_status_checks_per_hour: int | None = None,
        rate_window: float = 3600.0,
        request_timeout: float = 10.0,
        workers: int = 16,
        queue_size: int = 32,
        trust_proxy: bool = False,
    ) -> None:
        self.request_queue_size = max(queue_size, 5)  # the listen backlog
        if ":" in address[0]:  # an IPv6 host such as ::1 or ::
            self.address_family = socket.AF_INET6
        super().__init__(address, PortalHandler)
        self.submit = submit
        self.lookup = lookup
        self.submit_limiter = ClientLimiter(
            submissions_per_hour, network_submissions_per_hour or 4 * submissions_per_hour, rate_window
        )
        self.status_limiter = ClientLimiter(
            status_checks_per_hour, network_status_checks_per_hour or 4 * status_checks_per_hour, rate_window
        )
        self.request_timeout = request_timeout
        self.trust_proxy = trust_proxy
        self.on_close: Callable[[], None] | None = None  # e.g. close the graph store
        self._pending: queue.Queue[tuple[socket.socket, Any] | None] = queue.Queue(maxsize=queue_size)
        self._workers = [
            threading.Thread(target=self._work, name=f"grievance-portal-{i}", daemon=True) for i in range(workers)
        ]
        for t in self._workers:
            t.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        try:
            self._pending.put_nowait((request, client_address))
        except queue.Full:
            self._reject(request)

    def _reject(self, sock: socket.socket) -> None:
        """503 without waiting for anything: the accept loop never blocks on a client."""
        try:
            sock.setblocking(False)
            sock.send(_BUSY)
            sock.shutdown(socket.SHUT_WR)
            with contextlib.suppress(OSError):  # what already arrived (bounded), so that closing sends FIN, not RST
                for _ in range(4):
                    if not sock.recv(65536):
                        break
        except OSError:
            pass
        finally:
            sock.close()

    def _work(self) -> None:
        while True:
            item = self._pending.get()
            if item is None:
                return
            request, client_address = item
            try:
                self.finish_request(request, client_address)
            except Exception as exc:  # noqa: BLE001 - the handler logs its own errors; this is the last guard
                self.handle_error(request, client_address, exc)
            finally:
                self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any, exc: BaseException | None = None) -> None:
        """One line, without the client's address or a traceback; a client going away is not an error."""
        if exc is not None and not isinstance(exc, (ConnectionError, TimeoutError)):
            log.warning("grievance-portal: error: a connection failed: %s", _one_line(exc))

    def shutdown_request(self, request: Any) -> None:
        with contextlib.suppress(OSError):  # drain what already arrived (bounded, never waits): FIN, not RST
            request.setblocking(False)
            for _ in range(4):
                if not request.recv(65536):
                    break
        super().shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        while True:  # connections still waiting are closed unanswered
            try:
                item = self._pending.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                self._reject(item[0])
        for _ in self._workers:
            with contextlib.suppress(queue.Full):
                self._pending.put(None, timeout=1)
        for t in self._workers:
            t.join(timeout=2 * self.request_timeout)
        if self.on_close is not None:
            on_close, self.on_close = self.on_close, None
            on_close()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = host if isinstance(host, str) else host.decode()
        return f"http://[{name}]:{port}" if ":" in name else f"http://{name}:{port}"


def build_portal(
    data_dir: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8502,
    *,
    trust_proxy: bool = False,
) -> PortalServer:
    """The portal over the configured graph store (one store connection, serialised by a lock).

    Before each submission or status check the connection is checked with a one-row read; a connection lost
    since the last request (the graph server was restarted or killed) fails that check and is re-opened by the
    store on the next call, so the request is served. A status check (read-only) is also retried once; a
    submission is not (a write whose outcome is unknown is never repeated). Errors reach the handler, which
    answers 503 with Retry-After.
    """
    from graph.errors import StoreUnavailable
    from graph.queries import q
    from redflag.services.store import open_store
    from redflag.settings import load_settings
    from redflag.stewardship.config import load_grievance_settings
    from redflag.stewardship.grievances import record_public_submission, status_by_receipt

    settings = load_settings(data_dir)
    gcfg = load_grievance_settings()
    store = open_store(settings)
    lock = threading.Lock()
    ping = q("portal.ping", "RETURN 1 AS ok")

    def live() -> None:
        try:
            store.run(ping)
        except StoreUnavailable:
            store.run(ping)  # the store re-opens a lost connection (restarting an embedded server) on this call

    def submit(sub: Submission) -> str:
        with lock:
            live()
            return record_public_submission(store, settings.data_dir, sub).receipt_code

    def lookup(code: str) -> dict[str, Any] | None:
        with lock:
            live()
            try:
                return status_by_receipt(store, code)
            except StoreUnavailable:
                return status_by_receipt(store, code)

    try:
        server = PortalServer(
            (host, port),
            submit,
            lookup,
            submissions_per_hour=gcfg.portal_submissions_per_hour,
            status_checks_per_hour=gcfg.portal_status_checks_per_hour,
            network_submissions_per_hour=gcfg.portal_network_submissions_per_hour,
            network_status_checks_per_hour=gcfg.portal_network_status_checks_per_hour,
            rate_window=gcfg.portal_rate_window,
            request_timeout=gcfg.portal_request_timeout,
            workers=gcfg.portal_workers,
            queue_size=gcfg.portal_queue,
            trust_proxy=trust_proxy,
        )
    except BaseException:
        store.close()
        raise
    server.on_close = store.close
    return server

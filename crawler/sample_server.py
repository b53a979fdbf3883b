"""Serve a folder over real HTTP on 127.0.0.1, with ETag/Last-Modified and 304 answers.

Used by ``redflag crawl --sample``, by the tests and by the benchmark. Every request is logged
(method, path, status), so tests can count requests and 304s and prove that a path was never asked
for. ``overlay`` is a second folder whose files replace or add to the first (the monitoring
scenario: ``sample_site/updates`` over ``sample_site/site``). ``routes`` maps a path to a handler
function for behaviours a folder cannot express (errors, slow answers, redirect loops).

Files are answered with ``ETag`` (a digest of the bytes), ``Last-Modified`` (the file's modification time: set
it with ``os.utime`` to date a page), ``Date`` and ``cache_control`` (default ``no-cache``: the sample
scenarios replace pages in place between two crawls seconds apart, which only a server asking for revalidation
can do without a client trusting its earlier copy; None sends no ``Cache-Control``, so a client's heuristic
freshness applies). ``headers`` adds header fields to the answers for one path (200 and 304), e.g. another
``Cache-Control`` or an ``Expires``.
"""

from __future__ import annotations

import email.utils
import hashlib
import html
import mimetypes
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

SITE = Path(__file__).parent / "sample_site" / "site"
UPDATES = Path(__file__).parent / "sample_site" / "updates"

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    status: int
    conditional: bool


class SampleServer:
    def __init__(
        self,
        root: Path = SITE,
        overlay: Path | None = None,
        routes: dict[str, Route] | None = None,
        cache_control: str | None = "no-cache",
        headers: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.root = Path(root)
        self.overlay = Path(overlay) if overlay else None
        self.routes = dict(routes or {})
        self.cache_control = cache_control
        self.headers = {path: dict(h) for path, h in (headers or {}).items()}
        self.log: list[LoggedRequest] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -------------------------------------------------------------- lifecycle
    def start(self) -> SampleServer:
        server = self

        class Handler(_Handler):
            owner = server

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="sample-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> SampleServer:
        return self.start()

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("server not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    # -------------------------------------------------------------- counters for tests
    def _record(self, entry: LoggedRequest) -> None:
        with self._lock:
            self.log.append(entry)

    def requests(self, path_prefix: str = "") -> list[LoggedRequest]:
        with self._lock:
            return [r for r in self.log if r.path.startswith(path_prefix)]

    @property
    def request_count(self) -> int:
        return len(self.requests())

    @property
    def not_modified_count(self) -> int:
        return sum(1 for r in self.requests() if r.status == 304)

    def reset_log(self) -> None:
        with self._lock:
            self.log.clear()

    # -------------------------------------------------------------- files
    def resolve(self, path: str) -> Path | None:
        rel = unquote(path).lstrip("/")
        for base in [b for b in (self.overlay, self.root) if b is not None]:
            candidate = (base / rel).resolve()
            if not str(candidate).startswith(str(base.resolve())):
                return None  # path traversal
            if candidate.is_dir():
                index = candidate / "index.html"
                if index.is_file():
                    return index
                if base is self.root:
                    return candidate
                continue
            if candidate.is_file():
                return candidate
        return None


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        return  # clients that hang up (timeouts, size limits) are expected here


class _Handler(BaseHTTPRequestHandler):
    owner: SampleServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence stderr logging
        return

    def _send(self, status: int, body: bytes, headers: dict[str, str], conditional: bool) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.owner._record(LoggedRequest(self.command, urlsplit(self.path).path, status, conditional))

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        path = urlsplit(self.path).path
        conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
        route = self.owner.routes.get(path)
        if route is not None:
            self.owner._record(LoggedRequest(self.command, path, 0, conditional))
            route(self)
            return
        target = self.owner.resolve(path)
        if target is None:
            self._send(
                404,
                b"<html><body><h1>Not Found</h1></body></html>",
                {"Content-Type": "text/html"},
                conditional,
            )
            return
        if target.is_dir():
            if not path.endswith("/"):
                self._send(301, b"", {"Location": path + "/"}, conditional)
                return
            names = sorted(p.name + ("/" if p.is_dir() else "") for p in target.iterdir())
            links = "".join(f'<li><a href="{html.escape(n)}">{html.escape(n)}</a></li>' for n in names)
            body = f"<html><body><h1>Index of {html.escape(path)}</h1><ul>{links}</ul></body></html>".encode()
            self._send(200, body, {"Content-Type": "text/html; charset=utf-8"}, conditional)
            return
        body = target.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        mtime = int(target.stat().st_mtime)
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        caching = {"ETag": etag, "Last-Modified": last_modified}
        if self.owner.cache_control is not None:
            caching["Cache-Control"] = self.owner.cache_control
        caching.update(self.owner.headers.get(path, {}))
        headers = {"Content-Type": _content_type(target), **caching}
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = False
        if inm is not None:
            fresh = etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        elif ims is not None:
            try:
                fresh = email.utils.parsedate_to_datetime(ims).timestamp() >= mtime
            except (TypeError, ValueError):
                fresh = False
        if fresh:
            self._send(304, b"", caching, conditional)
            return
        self._send(200, body, headers, conditional)


def _content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return "text/html; charset=utf-8"
    if suffix == ".xml":
        return "application/xml; charset=utf-8"
    if suffix == ".csv":
        return "text/csv; charset=utf-8"
    if suffix == ".json":
        return "application/json"
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def main() -> None:
    import argparse
    import time

    p = argparse.ArgumentParser(description="Serve the sample site on 127.0.0.1 until Ctrl-C.")
    p.add_argument("--updates", action="store_true", help="overlay sample_site/updates on the site")
    args = p.parse_args()
    with SampleServer(SITE, UPDATES if args.updates else None) as server:
        print(server.base_url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()

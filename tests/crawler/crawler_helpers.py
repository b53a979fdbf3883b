"""Shared test helpers: the fixture country lookup and routes for misbehaving servers."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from crawler.sample_server import Route

FIXTURES = Path(__file__).parents[1] / "fixtures" / "crawler"
SITE = FIXTURES / "site"
SOURCES = FIXTURES / "sources.toml"
ENCODINGS = FIXTURES / "encodings"

COUNTRIES = {"examplestan": "XE", "westmark": "XW"}


def country_code(name: str) -> str | None:
    """The country lookup the tests pass to the parsers (a dict; unknown names -> None)."""
    return COUNTRIES.get(name.strip().lower())


def status_500(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(500)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def slow(handler: BaseHTTPRequestHandler) -> None:
    """Answers long after any download timeout a test sets (the server does not wait for its handler threads)."""
    time.sleep(30)
    try:
        handler.send_response(200)
        handler.send_header("Content-Length", "2")
        handler.end_headers()
        handler.wfile.write(b"ok")
    except OSError:
        pass


def redirect_loop(handler: BaseHTTPRequestHandler) -> None:
    """Redirects forever (each hop to a new query string, so no duplicate filter can stop it)."""
    hop = int(handler.path.partition("hop=")[2] or 0)
    handler.send_response(302)
    handler.send_header("Location", f"/loop?hop={hop + 1}")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def oversize(handler: BaseHTTPRequestHandler) -> None:
    body = b"<html><body>" + b"x" * 300_000 + b"</body></html>"
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    try:
        handler.wfile.write(body)
    except OSError:
        pass


def serve_file(path: Path, content_type: str) -> Route:
    """A route that answers 200 with the file's bytes and exactly this Content-Type header."""

    def handler(h: BaseHTTPRequestHandler) -> None:
        body = path.read_bytes()
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(body)

    return handler

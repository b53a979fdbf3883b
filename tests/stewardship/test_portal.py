"""The public submission page over real HTTP on 127.0.0.1: it accepts a report and gives a receipt code, shows
that report's status for the code, refuses oversize input, floods and anything but its form, stores markup as
plain text, and reveals nothing else of the graph."""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.store import GraphStore
from redflag.stewardship import grievances as G
from redflag.stewardship.intake import MAX_BODY_BYTES, Submission
from ui.public_submit import PortalServer

FORM = {
    "subject": "Cameras used against protesters",
    "text": "People questioned were shown FaceTrace printouts.",
    "item": "FaceTrace",
    "organisations": "Calder municipal security",
    "country": "Calder",
    "links": "",
    "reporter_name": "",
    "reporter_contact": "",
}


@pytest.fixture
def portal(world: GraphStore, data_dir: Path) -> Iterator[PortalServer]:
    lock = threading.Lock()

    def submit(sub: Submission) -> str:
        with lock:
            return G.record_public_submission(world, data_dir, sub).receipt_code

    def lookup(code: str) -> dict[str, Any] | None:
        with lock:
            return G.status_by_receipt(world, code)

    server = PortalServer(("127.0.0.1", 0), submit, lookup, submissions_per_hour=4, status_checks_per_hour=5)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _request(url: str, data: bytes | None = None, ctype: str = "application/x-www-form-urlencoded",
             method: str | None = None) -> tuple[int, str, dict[str, str]]:  # fmt: skip
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": ctype} if data else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read().decode(), dict(resp.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(), dict(err.headers)


def _post(portal: PortalServer, path: str, form: dict[str, str]) -> tuple[int, str, dict[str, str]]:
    return _request(portal.url + path, urllib.parse.urlencode(form).encode())


def _receipt(body: str) -> str:
    return body.split('id="receipt">')[1].split("<")[0]


def test_a_report_gets_a_receipt_and_the_receipt_shows_its_status(portal: PortalServer, world: GraphStore) -> None:
    status, body, headers = _post(portal, "/submit", FORM)
    assert status == 200 and "Your report has been received" in body
    code = _receipt(body)
    assert len(code.replace("-", "")) == 24
    assert "default-src 'none'" in headers["Content-Security-Policy"] and "Set-Cookie" not in headers
    [g] = G.list_grievances(world)
    assert g["channel"] == "web_form" and g["grievance_status"] == "received"
    named = {n["id"] for n in G.get_grievance(world, g["id"])["named"]}
    assert {"calder-municipal-security", "facetrace", "XC"} <= named
    status, body, _ = _post(portal, "/status", {"receipt": code})
    assert status == 200 and "Received: your report is waiting" in body
    G.transition(world, g["id"], "acknowledged", by="ana", reason="read", public_note="Thank you, we are looking.")
    assert "Thank you, we are looking." in _post(portal, "/status", {"receipt": code})[1]


def test_the_pages_reveal_nothing_of_the_graph(portal: PortalServer) -> None:
    submitted = _post(portal, "/submit", FORM)[1]
    code = _receipt(submitted)
    pages = [_request(portal.url + "/")[1], _request(portal.url + "/status")[1], submitted,
             _post(portal, "/status", {"receipt": code})[1]]  # fmt: skip
    # The receipt code is random letters and may spell "XC" by chance; it is the reporter's own, not a graph fact.
    for page in (page.replace(code, "") for page in pages):
        for graph_fact in ("calder-municipal-security", "DEMO-", "Northgate", "Helix", "GRV-", "XC", "risk"):
            assert graph_fact not in page
    for path in ("/graph", "/api/grievances", "/../data", "/status?id=GRV-2026", "/admin"):
        status, body, _ = _request(portal.url + path)
        assert (status, "GRV-" in body) in ((404, False), (200, False))


def test_a_wrong_receipt_code_gives_no_information(portal: PortalServer) -> None:
    _post(portal, "/submit", FORM)
    for code in ("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "' OR 1=1 --", "x" * 64):
        status, body, _ = _post(portal, "/status", {"receipt": code})
        assert status == 404 and "No report has this receipt code" in body and "Received" not in body


def test_oversize_fields_and_bodies_are_refused_with_a_message(portal: PortalServer) -> None:
    status, body, _ = _post(portal, "/submit", {**FORM, "subject": "x" * 201})
    assert status == 400 and "Subject: 201 characters, the limit is 200" in body
    status, body, _ = _post(portal, "/submit", {**FORM, "text": "y" * (MAX_BODY_BYTES + 10)})
    assert status == 413 and "too large" in body


def test_only_the_form_is_accepted(portal: PortalServer) -> None:
    status, body, _ = _post(portal, "/submit", {**FORM, "grievance_status": "remedied"})
    assert status == 400 and "unexpected field &#x27;grievance_status&#x27;" in body
    status, _, _ = _request(portal.url + "/submit", b'{"subject": "x"}', ctype="application/json")
    assert status == 415
    assert _post(portal, "/submit", {**FORM, "subject": ""})[0] == 400
    assert _post(portal, "/submit", {**FORM, "links": "javascript:alert(1)"})[0] == 400
    assert _request(portal.url + "/submit", b"", method="DELETE")[0] == 501


def test_markup_is_stored_as_plain_text_and_shown_escaped(portal: PortalServer, world: GraphStore) -> None:
    script = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    status, body, _ = _post(portal, "/submit", {**FORM, "text": script})
    assert status == 200 and "stored as plain text" in body
    [g] = G.list_grievances(world)
    assert G.get_grievance(world, g["id"])["text"] == script
    status, body, _ = _post(portal, "/submit", {**FORM, "subject": "", "text": script})
    assert status == 400 and "<script>" not in body and "&lt;script&gt;" in body


def test_floods_are_refused(portal: PortalServer, world: GraphStore) -> None:
    codes = [_post(portal, "/submit", FORM)[0] for _ in range(6)]
    assert codes == [200, 200, 200, 200, 429, 429]
    assert len(G.list_grievances(world)) == 4
    checks = [_post(portal, "/status", {"receipt": "AAAA"})[0] for _ in range(7)]
    assert checks[:5] == [404] * 5 and checks[5:] == [429, 429]

"""The public grievance form (ui/public_submit.py, real HTTP on 127.0.0.1) gives back everything the reporter
typed on any error: a field that is too long, a flood limit, a store that cannot be reached."""

from __future__ import annotations

import html
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from redflag.stewardship.intake import Submission
from ui.public_submit import PortalServer

LONG = "The cameras at the station were used to follow a group of students on 3 May. " * 90  # > 6,000 characters
FORM = {"subject": "Students followed at the station", "text": LONG, "organisations": "Lumen Metro Transit Authority",
        "country": "Lumen", "item": "FaceTrace", "links": "", "reporter_name": "", "reporter_contact": ""}  # fmt: skip


@contextmanager
def _portal(submit: Callable[[Submission], str], per_hour: int = 10) -> Iterator[PortalServer]:
    server = PortalServer(("127.0.0.1", 0), submit, lambda code: None, submissions_per_hour=per_hour,
                          status_checks_per_hour=5)  # fmt: skip
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _post(server: PortalServer, form: dict[str, str]) -> tuple[int, str]:
    req = urllib.request.Request(server.url + "/submit", data=urllib.parse.urlencode(form).encode(),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def _kept(body: str) -> bool:
    return html.escape(LONG.strip(), quote=True) in body and 'value="Students followed at the station"' in body


def test_a_field_over_its_limit_brings_the_whole_form_back() -> None:
    stored: list[Submission] = []
    with _portal(lambda sub: stored.append(sub) or "code") as server:
        status, body = _post(server, {**FORM, "subject": "S" * 250})
    assert status == 400 and "Subject" in body and html.escape(LONG.strip(), quote=True) in body
    assert 'value="' + "S" * 250 + '"' in body and not stored  # even the over-long field is given back


def test_a_store_that_cannot_be_reached_keeps_the_report_in_the_form() -> None:
    def broken(sub: Submission) -> str:
        raise ConnectionError("graph down")

    with _portal(broken) as server:
        status, body = _post(server, FORM)
    assert status == 503 and "nothing was stored" in body and _kept(body)


def test_the_flood_limit_keeps_the_report_in_the_form() -> None:
    with _portal(lambda sub: "code-1", per_hour=1) as server:
        assert _post(server, FORM)[0] == 200
        status, body = _post(server, FORM)
    assert status == 429 and "Nothing you sent was stored" in body and _kept(body)

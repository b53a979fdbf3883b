"""The public grievance portal against a hostile world (issue 15 item 1), over real sockets on 127.0.0.1.

Each test starts the real portal (``build_portal``: the embedded graph server on the test's data folder) on a
free port with small limits set through the environment, as an operator would. Malformed and slow requests are
written on raw sockets; many client addresses are simulated by binding the client socket to other loopback
addresses (on Linux all of 127.0.0.0/8 reaches loopback: 127.0.0.x share one /24, 127.1.0.x is another).
"""

from __future__ import annotations

import functools
import http.client
import logging
import queue
import shutil
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import falkordb_server
from ui.public_submit import PortalServer, build_portal

pytestmark = pytest.mark.slow  # each test starts (and stops) an embedded graph server: about 5-9 s each

FORM = {"subject": "Cameras used against protesters", "text": "People questioned were shown printouts."}
SMALL = {
    "REDFLAG_PORTAL_REQUEST_TIMEOUT": "2",
    "REDFLAG_PORTAL_WORKERS": "4",
    "REDFLAG_PORTAL_QUEUE": "4",
    "REDFLAG_PORTAL_SUBMISSIONS_PER_HOUR": "2",
    "REDFLAG_PORTAL_NETWORK_SUBMISSIONS_PER_HOUR": "3",
    "REDFLAG_PORTAL_STATUS_CHECKS_PER_HOUR": "3",
    "REDFLAG_PORTAL_NETWORK_STATUS_CHECKS_PER_HOUR": "5",
    "REDFLAG_PORTAL_RATE_WINDOW": "600",
}

Start = Callable[..., PortalServer]


@pytest.fixture
def start_portal(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Start]:
    """Start the portal with SMALL (and the given overrides) on 127.0.0.1; stop it and the graph server after."""
    servers: list[PortalServer] = []

    def start(**env: str) -> PortalServer:
        monkeypatch.delenv("REDFLAG_BACKEND", raising=False)
        for k, v in {**SMALL, **env}.items():
            monkeypatch.setenv(k, v)
        server = build_portal(data_dir, "127.0.0.1", 0)
        servers.append(server)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        return server

    try:
        yield start
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
        falkordb_server.stop(data_dir / "graph")


def port_of(server: PortalServer) -> int:
    return int(server.server_address[1])


def connect(server: PortalServer, source: str = "127.0.0.1") -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port_of(server)), timeout=10, source_address=(source, 0))
    return sock


def read_all(sock: socket.socket) -> bytes:
    out = b""
    try:
        while chunk := sock.recv(65536):
            out += chunk
    except (ConnectionResetError, TimeoutError):
        pass
    return out


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Wait until ``condition()`` holds (a generous bound for a loaded machine), else fail."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not reached within {timeout:.0f} s"
        time.sleep(0.05)


def _accepted_and_queued(pending: queue.Queue[Any], accepted: int, queued: int) -> bool:
    """The portal has put ``accepted`` connections in its queue so far and ``queued`` of them wait there."""
    return pending.unfinished_tasks == accepted and pending.qsize() == queued


def status_line(raw: bytes) -> int:
    assert raw.startswith(b"HTTP/1."), raw[:200]
    return int(raw.split(b" ", 2)[1])


def post(server: PortalServer, path: str, form: dict[str, str], source: str = "127.0.0.1",
         ctype: str = "application/x-www-form-urlencoded") -> tuple[int, str, dict[str, str]]:  # fmt: skip
    conn = http.client.HTTPConnection("127.0.0.1", port_of(server), timeout=30, source_address=(source, 0))
    try:
        conn.request("POST", path, urllib.parse.urlencode(form).encode(), {"Content-Type": ctype})
        resp = conn.getresponse()
        return resp.status, resp.read().decode(), dict(resp.getheaders())
    finally:
        conn.close()


def receipt_of(body: str) -> str:
    return body.split('id="receipt">')[1].split("<")[0]


BAD_LENGTHS = [  # (length headers, expected status)
    ("Content-Length: -1\r\n", 400),
    ("Content-Length: -1073741824\r\n", 400),
    ("Content-Length: abc\r\n", 400),
    ("Content-Length: +20\r\n", 400),
    ("Content-Length: 20\r\nContent-Length: 30\r\n", 400),
    ("Content-Length: 20\r\nTransfer-Encoding: chunked\r\n", 400),
    ("Transfer-Encoding: chunked\r\n", 411),
    ("", 411),
    ("Content-Length: 1073741824\r\n", 413),
]


def test_a_bad_content_length_is_refused_without_waiting_for_the_body(start_portal: Start) -> None:
    # the deadline is long: a server that waited for the body would answer nothing (or 408) for 30 s
    server = start_portal(REDFLAG_PORTAL_REQUEST_TIMEOUT="30")
    answered = []
    for length_headers, _ in BAD_LENGTHS:
        with connect(server) as sock:
            sock.sendall(("POST /status HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                          f"\r\n{length_headers}\r\n").encode())  # fmt: skip
            sock.settimeout(20)  # answered at once; one waiting for the body is still silent at 20 s
            raw = read_all(sock)  # the server answers and closes although no byte of the body was sent
        answered.append(status_line(raw) if raw else None)
    assert answered == [expected for _, expected in BAD_LENGTHS]
    # headers are not read without end either: 99 headers of 1 KB are refused with 431
    with connect(server) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\n" + b"".join(b"X-Pad-%d: %s\r\n" % (i, b"p" * 1000) for i in range(99)))
        sock.settimeout(20)
        assert status_line(read_all(sock)) == 431
    with connect(server) as sock:
        sock.sendall(b"GET /" + b"a" * 60000)  # a request line that never ends
        sock.settimeout(20)
        assert status_line(read_all(sock)) == 431


def test_a_negative_length_with_a_body_streaming_in_is_cut_off(start_portal: Start) -> None:
    server = start_portal(REDFLAG_PORTAL_REQUEST_TIMEOUT="30")
    with connect(server) as sock:
        sock.sendall(b"POST /status HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     b"Content-Length: -1\r\n\r\n")  # fmt: skip
        sent = 0
        try:
            for _ in range(4096):  # up to 256 MB; the server must close long before
                sock.sendall(b"r=" + b"x" * 65534)
                sent += 65536
        except (BrokenPipeError, ConnectionResetError):
            pass
    assert sent < 64 * 1024 * 1024, f"the server kept reading ({sent} bytes sent)"


@pytest.mark.parametrize("trickled", ["headers", "body"])
def test_a_trickling_client_gets_408_at_the_deadline_and_is_closed(start_portal: Start, trickled: str) -> None:
    server = start_portal(REDFLAG_PORTAL_REQUEST_TIMEOUT="1.5")
    with connect(server) as sock:
        if trickled == "headers":
            sock.sendall(b"POST /status HTTP/1.1\r\n")
            drip = b"X-Slow: a\r\n"
        else:
            sock.sendall(b"POST /status HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                         b"Content-Length: 1000\r\n\r\nreceipt=")  # fmt: skip
            drip = b"A"
        sock.settimeout(0.3)
        raw = b""
        deadline = time.monotonic() + 60  # a bound on trickling far beyond the 1.5 s deadline, even on a loaded machine
        while time.monotonic() < deadline:  # every read in between arrives within the per-read timeout
            try:
                sock.sendall(drip)
                raw += sock.recv(65536)
            except TimeoutError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                break
            if raw:
                break
        assert raw, "the server kept the trickling connection open"
        sock.settimeout(60)  # the rest of the answer, then the server closes
        raw += read_all(sock)
    assert status_line(raw) == 408


def test_connections_beyond_the_pool_and_queue_get_503_at_once_and_others_are_served_after(
    start_portal: Start,
) -> None:
    # the request deadline is far beyond the waits below: the slow clients are held until they close
    server = start_portal(REDFLAG_PORTAL_WORKERS="2", REDFLAG_PORTAL_QUEUE="1", REDFLAG_PORTAL_REQUEST_TIMEOUT="120")
    pending = server._pending  # accepted connections not yet taken by a worker
    slow = []
    for i in range(3):  # two held by the workers, one waiting in the queue
        sock = connect(server)
        sock.sendall(b"GET / HTTP/1.1\r\n")
        slow.append(sock)
        # wait until the server has accepted it (and, for the first two, a worker has taken it off the queue)
        # rather than assume a pause is long enough: on a loaded machine the accept loop or a worker may lag,
        # and a slow client finding the queue full would get the 503 meant for the extra ones
        wait_for(functools.partial(_accepted_and_queued, pending, i + 1, max(0, i - 1)))
    try:
        for _ in range(3):
            with connect(server) as extra:
                extra.sendall(b"GET / HTTP/1.0\r\n\r\n")
                extra.settimeout(60)  # answered and closed at once; the bound only stops a hung test
                raw = read_all(extra)
            assert status_line(raw) == 503 and b"Retry-After: 5" in raw
    finally:
        for sock in slow:
            sock.close()
    # the workers free up once they read the slow clients' end of stream (not at the 120 s request deadline)
    statuses = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and 200 not in statuses:
        conn = http.client.HTTPConnection("127.0.0.1", port_of(server), timeout=10)
        conn.request("GET", "/")
        statuses.append(conn.getresponse().status)
        conn.close()
        time.sleep(0.2)
    assert statuses[-1] == 200 and set(statuses) <= {200, 503}, statuses


def test_junk_from_many_addresses_does_not_lock_out_a_reporter_and_floods_stay_in_their_network(
    start_portal: Start,
) -> None:
    server = start_portal()
    # 100 junk requests from 20 addresses of 127.0.0.0/24: none can store or reveal anything, none is counted
    for i in range(2, 22):
        src = f"127.0.0.{i}"
        assert post(server, "/submit", FORM, src, ctype="text/plain")[0] == 415
        assert post(server, "/submit", {**FORM, "subject": ""}, src)[0] == 400
        assert post(server, "/submit", {**FORM, "admin": "1"}, src)[0] == 400
        assert post(server, "/status", {"receipt": ""}, src)[0] == 404
        assert post(server, "/status", {"receipt": "x", "extra": "1"}, src)[0] == 404
    # a reporter in that same network is served: the report is stored and its status can be checked
    status, body, _ = post(server, "/submit", FORM, "127.0.0.99")
    assert status == 200
    code = receipt_of(body)
    assert post(server, "/status", {"receipt": code}, "127.0.0.99")[0] == 200

    # wrong receipt checks (counted) from 10 addresses of 127.1.0.0/24: 5 served for the network, then 429
    answers = [post(server, "/status", {"receipt": f"WRONG-{i}-{j}"}, f"127.1.0.{i}")
               for i in range(2, 12) for j in range(3)]  # fmt: skip
    codes = [a[0] for a in answers]
    assert codes.count(404) == 5 and codes.count(429) == 25
    refused = next(a for a in answers if a[0] == 429)
    assert int(refused[2]["Retry-After"]) > 0 and "Too many requests from your network" in refused[1]
    # one address alone is stopped at its own limit (3), before its network's
    assert [post(server, "/status", {"receipt": f"W{j}"}, "127.2.0.5")[0] for j in range(4)] == [404] * 3 + [429]
    # a reporter in another network still checks the status, and submits up to the address limit (2)
    assert post(server, "/status", {"receipt": code}, "127.3.0.9")[0] == 200
    assert [post(server, "/submit", FORM, "127.3.0.9")[0] for _ in range(3)] == [200, 200, 429]
    # submissions from one network are contained at 3 whatever the number of addresses
    assert [post(server, "/submit", FORM, f"127.4.0.{i}")[0] for i in range(2, 7)] == [200] * 3 + [429] * 2


def test_a_client_reset_leaves_no_traceback_and_no_address_in_the_logs(
    start_portal: Start, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    server = start_portal()
    caplog.set_level(logging.DEBUG)
    for source in ("127.0.0.7", "127.0.0.8"):
        sock = connect(server, source)
        sock.sendall(b"POST /submit HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     b"Content-Length: 500\r\n\r\nsubject=half")  # fmt: skip
        time.sleep(0.2)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST on close
        sock.close()
    time.sleep(0.3)
    assert post(server, "/submit", FORM, "127.0.0.9")[0] == 200  # the server goes on serving
    out, err = capfd.readouterr()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for text in (out, err, logged):
        assert "Traceback" not in text and "127.0.0." not in text


def test_the_next_request_after_a_graph_server_restart_is_answered(start_portal: Start, data_dir: Path) -> None:
    server = start_portal()
    status, body, _ = post(server, "/submit", FORM, "127.0.0.2")
    code = receipt_of(body)
    graph_dir = data_dir / "graph"
    falkordb_server.stop(graph_dir)
    falkordb_server.ensure_running(graph_dir)  # restarted (e.g. by an operator or another command)
    status, body, _ = post(server, "/status", {"receipt": code}, "127.0.0.2")
    assert status == 200 and "Received" in body
    falkordb_server.stop(graph_dir)  # stopped and not restarted: the portal's own reconnect starts it
    assert post(server, "/submit", FORM, "127.0.0.3")[0] == 200


def test_a_graph_that_cannot_be_reached_gives_503_with_retry_after_and_one_log_line(
    start_portal: Start, data_dir: Path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    server = start_portal()
    code = receipt_of(post(server, "/submit", FORM, "127.0.0.2")[1])
    graph_dir = data_dir / "graph"
    falkordb_server.stop(graph_dir)
    shutil.move(graph_dir, data_dir / "graph.away")
    graph_dir.write_text("not a folder")  # the graph cannot be started again
    try:
        caplog.set_level(logging.WARNING, logger="redflag.portal")
        for _ in range(4):  # more than the address limit (3): a failed check is given back, not counted
            status, body, headers = post(server, "/status", {"receipt": code}, "127.0.0.2")
            assert status == 503 and headers["Retry-After"] == "30" and "nothing was stored" in body
        status, _, headers = post(server, "/submit", FORM, "127.0.0.2")
        assert status == 503 and headers["Retry-After"] == "30"
    finally:
        graph_dir.unlink()
        shutil.move(data_dir / "graph.away", graph_dir)
    lines = [r.getMessage() for r in caplog.records if r.name == "redflag.portal"]
    assert len(lines) == 5 and all(line.startswith("grievance-portal: error: the graph could not be reached")
                                   and "\n" not in line and "127.0.0." not in line for line in lines)  # fmt: skip
    assert "Traceback" not in capfd.readouterr().err
    status, body, _ = post(server, "/status", {"receipt": code}, "127.0.0.2")  # the graph is back
    assert status == 200 and "Received" in body

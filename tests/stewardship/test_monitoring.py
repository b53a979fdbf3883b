"""Post-shipment monitoring: alerts for new or changed findings of shipped, supported deals, delivered to a
local SMTP server and a local HTTP receiver; a second run with nothing new records and sends nothing."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from graph.store import GraphStore
from redflag.services.findings import mark_reviewed
from redflag.settings import load_settings
from redflag.stewardship.alerts import deliver_pending, list_alerts
from redflag.stewardship.config import AlertSettings, load_alert_settings
from redflag.stewardship.monitoring import evaluate_monitored, monitored_transactions, run_monitor
from tests.stewardship.conftest import add_abuse_report

SHIPPED_AND_SUPPORTED = ["DEMO-CLEAN", "DEMO-MONITOR"]


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd hook
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[int, _Inbox]]:
    inbox = _Inbox()
    with socket.socket() as probe:  # a free port (aiosmtpd's readiness check cannot use port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # aiosmtpd waits 5 s by default for its server thread to greet: too little on a loaded machine
    controller = Controller(inbox, hostname="127.0.0.1", port=port, ready_timeout=60)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    received: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return None

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(json.loads(body))
            self.send_response(204)
            self.end_headers()

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def cfg(smtp: tuple[int, _Inbox], receiver: tuple[str, list[dict[str, Any]]]) -> AlertSettings:
    return replace(
        load_alert_settings(), smtp_host="127.0.0.1", smtp_port=smtp[0], mail_to=("compliance@exporter.test",),
        mail_from="redflag@exporter.test", webhook_url=receiver[0], smtp_user="", smtp_starttls=False,
    )  # fmt: skip


@pytest.fixture
def reviewed(world: GraphStore) -> GraphStore:
    """The shipped deals were reviewed: the baseline monitoring compares against."""
    for tx in SHIPPED_AND_SUPPORTED:
        mark_reviewed(world, tx, "analyst")
    return world


def test_only_shipped_deals_with_ongoing_support_are_monitored(world: GraphStore) -> None:
    assert monitored_transactions(world) == SHIPPED_AND_SUPPORTED


def test_new_misuse_after_shipment_raises_one_alert_sent_by_mail_and_webhook(
    reviewed: GraphStore, cfg: AlertSettings, smtp: tuple[int, _Inbox], receiver: tuple[str, list[dict[str, Any]]]
) -> None:
    assert evaluate_monitored(reviewed, cfg)[1] == []
    add_abuse_report(reviewed, "helix-integrators", "2026-10-02", "Helix Integrators helped identify protesters.")
    txs, alerts = evaluate_monitored(reviewed, cfg)
    assert txs == SHIPPED_AND_SUPPORTED
    assert ("DEMO-MONITOR", "DOS-P1", "new") in {(a["transaction_id"], a["rule"], a["change"]) for a in alerts}
    assert all(a["transaction_id"] == "DEMO-MONITOR" for a in alerts)
    outcome = deliver_pending(reviewed, cfg)
    assert outcome["email"].startswith(f"{len(alerts)} alert(s): sent")
    [mail] = smtp[1].messages
    assert mail["To"] == "compliance@exporter.test" and "DOS-P1" in mail.get_payload()
    [hook] = receiver[1]
    assert {a["rule"] for a in hook["alerts"]} == {a["rule"] for a in alerts}
    assert all(a["email_status"].startswith("sent") for a in list_alerts(reviewed, "DEMO-MONITOR"))
    # nothing new: no alert recorded, nothing sent
    assert evaluate_monitored(reviewed, cfg)[1] == []
    assert deliver_pending(reviewed, cfg) == {}
    assert len(smtp[1].messages) == 1 and len(receiver[1]) == 1


def test_a_failed_delivery_is_retried_on_the_next_run(reviewed: GraphStore, cfg: AlertSettings, smtp: tuple[int, _Inbox]) -> None:
    add_abuse_report(reviewed, "helix-integrators", "2026-10-02", "Helix Integrators helped identify protesters.")
    evaluate_monitored(reviewed, cfg)
    broken = replace(cfg, smtp_port=1, webhook_url="")
    assert "failed" in deliver_pending(reviewed, broken)["email"]
    assert all(a["email_status"].startswith("failed") for a in list_alerts(reviewed))
    assert deliver_pending(reviewed, cfg)["email"].split(":")[0].endswith("alert(s)")
    assert len(smtp[1].messages) == 1


def test_run_monitor_twice_with_nothing_new_gives_no_alert(
    reviewed: GraphStore, data_dir: Path, cfg: AlertSettings, smtp: tuple[int, _Inbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("REDFLAG_GRAPH", "test")
    settings = load_settings(data_dir)
    add_abuse_report(reviewed, "helix-integrators", "2026-10-02", "Helix Integrators helped identify protesters.")
    first = run_monitor(settings, crawl=False, alert_settings=cfg)
    assert "DOS-P1" in {a["rule"] for a in first.alerts} and "email" in first.delivery
    second = run_monitor(settings, crawl=False, alert_settings=cfg)
    assert second.alerts == [] and second.delivery == {}
    assert len(smtp[1].messages) == 1
    assert "new alerts: 0" in second.render()

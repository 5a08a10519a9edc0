"""The counters' health: what a counter reports each round, how the hub keeps it, and the page that shows it."""

from __future__ import annotations

import json
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from counter_app import __version__
from counter_app.model import Person
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.storage.database import Database
from sync import keys
from sync.health import health_report, send_health
from sync.transport import HubClient
from tests.conftest import OFFICE
from tests.loopback import serving
from tests.sync.workload import PROCEDURE
from tests.web.conftest import Browser, Province


def test_the_page_shows_the_synced_counter_with_its_report(browser: Browser, province: Province) -> None:
    province.sync()
    browser.login("xem")
    page = browser.get("/counters").text
    row = re.search(r"<tr>\s*<td data-label=\"Xã\">000.00.12.H12</td>.*?</tr>", page, re.S)
    assert row, page[-1500:]
    assert "chưa báo" not in row.group(0) and "Mất liên lạc" not in row.group(0)
    assert "0 sự kiện, 0 bản số hóa" in row.group(0) and "không còn" in row.group(0)
    assert __version__ in row.group(0)
    assert "Cần sao lưu" in row.group(0)  # this counter never made a backup


def test_the_report_needs_a_device_token(province: Province) -> None:
    answer = httpx.post(f"{province.hub.url}/v1/health-report", json={"app_version": "9"})
    assert answer.status_code == 401


def test_a_counter_reports_its_oldest_unsent_item(tmp_path: Path) -> None:
    database = Database.open(tmp_path)
    try:
        initialise(database, OFFICE)
        assert health_report(database).oldest_unsent_at is None
        intake(database, IntakeRequest(PROCEDURE, Person("Lê Văn Tâm", "001085000111")), "anh")
        report = health_report(database)
        assert report.oldest_unsent_at is not None and report.pending_events == 2
        assert report.last_backup_at is None and report.app_version
    finally:
        database.dispose()


class _OldHub(BaseHTTPRequestHandler):
    """A hub from before the health report: it knows no such route."""

    def do_POST(self) -> None:
        body = json.dumps({"detail": "Not Found"}).encode()
        self.send_response(404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


def test_a_hub_without_the_health_report_does_not_stop_the_round(tmp_path: Path) -> None:
    database = Database.open(tmp_path)
    try:
        initialise(database, OFFICE)
        with serving(ThreadingHTTPServer(("127.0.0.1", 0), _OldHub)) as url:
            hub = HubClient(url, database.device_id, keys.device_key(tmp_path), patience=5)
            try:
                send_health(database, hub)  # no exception: the round goes on
            finally:
                hub.close()
    finally:
        database.dispose()

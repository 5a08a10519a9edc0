"""What the counter does with a hub that is not quite a hub: a captive portal's 200 page, a hostile reply
claiming more than was sent, credentials refused. Nothing leaves the outbox unless truly acknowledged."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from counter_app.services import outbox
from counter_app.storage.database import Database
from sync.client import run_round
from sync.transport import Halted, Transient
from tests.loopback import serving
from tests.sync.workload import fill

Answer = Callable[[str], tuple[int, str, bytes]]


@contextmanager
def fake_hub(answer: Answer) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            status, kind, body = answer(self.path)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_HEAD = do_PATCH = _reply

        def log_message(self, *_args: object) -> None:
            return

    with serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as url:
        yield url


@pytest.fixture
def counter(tmp_path: Path) -> Iterator[Database]:
    fill(tmp_path / "counter", dossiers=3, scans=1, pages=1)
    database = Database.open(tmp_path / "counter")
    yield database
    database.dispose()


def _protocol(body: dict[str, object]) -> tuple[int, str, bytes]:
    return 200, "application/json", json.dumps({"protocol": "counter-sync/1", **body}).encode()


def test_a_captive_portal_page_is_a_failure_not_a_success(counter: Database) -> None:
    with fake_hub(lambda _path: (200, "text/html", b"<html><form>Dang nhap Wi-Fi</form></html>")) as url:
        outbox.update_state(counter, hub_url=url, office_code="000.00.12.H12")
        with pytest.raises(Transient) as caught:
            run_round(counter, patience=1.5, wait_max=0.2)
    assert caught.value.key == "sync.unexpected_reply"
    left = outbox.summary(counter)
    assert (left.events, left.blobs) == (7, 1) and left.state.acked_seq == 0
    assert "trang đăng nhập" in left.state.last_error and not left.state.last_success


def test_a_hub_claiming_more_than_was_sent_is_not_believed(counter: Database) -> None:
    def answer(path: str) -> tuple[int, str, bytes]:
        if path.startswith("/v1/health"):
            return _protocol({"ok": True})
        return _protocol({"device_id": str(counter.device_id), "office_code": "000.00.12.H12",
                          "acknowledged_seq": 10**9})

    with fake_hub(answer) as url:
        outbox.update_state(counter, hub_url=url, office_code="000.00.12.H12")
        with pytest.raises(Halted) as caught:
            run_round(counter, patience=1.5, wait_max=0.2)
    assert caught.value.key == "sync.hub_ahead"
    state = outbox.state(counter)
    assert state.acked_seq == 0 and "quản trị viên" in state.halted


def test_refused_credentials_stop_the_round_and_tell_the_admin(counter: Database) -> None:
    def answer(path: str) -> tuple[int, str, bytes]:
        if path.startswith("/v1/health"):
            return _protocol({"ok": True})
        return 401, "application/json", b'{"detail": "unknown device"}'

    with fake_hub(answer) as url:
        outbox.update_state(counter, hub_url=url, office_code="000.00.12.H12")
        with pytest.raises(Halted):
            run_round(counter, patience=30, wait_max=0.2)  # no waiting out a refusal
    state = outbox.state(counter)
    assert "HTTP 401" in state.halted and state.acked_seq == 0


@pytest.mark.parametrize(("events_answer", "key"), [
    ((409, "application/json", b'{"detail": "sequence 1 already used by another event"}'), "sync.batch_refused"),
    (_protocol({"acknowledged_seq": 0, "accepted": 0, "refused": []}), "sync.no_progress"),
])
def test_a_round_that_cannot_progress_halts_instead_of_retrying(
        counter: Database, events_answer: tuple[int, str, bytes], key: str) -> None:
    calls: list[str] = []

    def answer(path: str) -> tuple[int, str, bytes]:
        calls.append(path)
        if path.startswith("/v1/health"):
            return _protocol({"ok": True})
        if path.startswith("/v1/state"):
            return _protocol({"device_id": str(counter.device_id), "office_code": "000.00.12.H12",
                              "acknowledged_seq": 0})
        return events_answer

    with fake_hub(answer) as url:
        outbox.update_state(counter, hub_url=url, office_code="000.00.12.H12")
        with pytest.raises(Halted) as caught:
            run_round(counter, patience=30, wait_max=0.2)
    assert caught.value.key == key and calls.count("/v1/events") == 1  # once, not an endless retry
    state = outbox.state(counter)
    assert "dừng đồng bộ" in state.halted and "quản trị viên" in state.halted
    assert outbox.summary(counter).events == 7  # nothing is dropped

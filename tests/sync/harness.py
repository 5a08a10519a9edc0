"""A real hub process on loopback for the sync tests, counters as data folders, and their enrolment."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import create_engine, event, text

from sync import keys
from sync.hub.store import HubStore
from tests.conftest import _free_port
from tests.e2e.test_cli import run

OFFICE_A, OFFICE_B = "000.00.12.H12", "000.00.13.H12"


class DeviceAuth(httpx.Auth):
    """A fresh signed token on every request, as the counter sends (the hub takes each token once)."""

    def __init__(self, key: Ed25519PrivateKey, device_id: uuid.UUID) -> None:
        self.key, self.device_id = key, device_id

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {keys.token(self.key, self.device_id)}"}

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers.update(self.headers())
        yield request


@dataclass
class Hub:
    folder: Path
    port: int
    database_url: str | None = None
    workers: int = 1
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [sys.executable, "-m", "counter_app.cli", "hub", "serve", "--data-dir", str(self.folder),
                   "--port", str(self.port), "--workers", str(self.workers)] + (
                       ["--db", self.database_url] if self.database_url else [])
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
            if self.process.poll() is not None:
                raise AssertionError(self.process.stderr.read().decode() if self.process.stderr else "hub died")
        raise AssertionError("the hub did not start within 60 s")

    def stop(self, kill: bool = False) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            self.process.wait(timeout=30)
        self.process = None

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        extra = ["--hub-db", self.database_url] if self.database_url else []
        return run(self.folder, "hub", *args, *extra, check=check)

    def enrolment_code(self, office: str) -> str:
        return self.cli("enroll", "--office", office).stdout.strip()


@contextmanager
def running_hub(folder: Path, database_url: str | None = None) -> Iterator[Hub]:
    hub = Hub(folder, _free_port(), database_url)
    hub.start()
    try:
        yield hub
    finally:
        hub.stop()


def make_counter(folder: Path, office: str) -> Path:
    run(folder, "init", "--office-code", office, "--office-name", f"UBND {office}", "--place-name", "Tân Hòa")
    return folder


def enrol(counter: Path, hub: Hub, office: str, via: str | None = None) -> None:
    run(counter, "sync", "enroll", "--hub", via or hub.url, "--code", hub.enrolment_code(office))



class HeldCommit:
    """Holds a store's first COMMIT until released: a writer whose work is done (its feed entry or audit entry
    numbered) but whose commit comes late, as after a slow disk or a busy server."""

    def __init__(self, store: HubStore) -> None:
        self.reached, self.release, self._first = threading.Event(), threading.Event(), True
        event.listen(store.engine, "commit", self._hold)

    def _hold(self, _connection: object) -> None:
        if self._first:
            self._first = False
            self.reached.set()
            self.release.wait(120)


class Run(threading.Thread):
    """`work` in a thread of its own, its exception kept for the test to see."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.work()
        except Exception as error:  # handed to the test's assertion
            self.error = error


def waiting_or_done(writers: list[Run], database_url: str | None) -> None:
    """Until each of `writers` has committed or waits for a lock (PostgreSQL shows it; SQLite's later writers
    wait in its busy handler, unseen, so they are given a moment)."""
    if database_url is None:
        deadline = time.monotonic() + 1.5
        for writer in writers:
            writer.join(max(0.0, deadline - time.monotonic()))
        return
    engine = create_engine(database_url)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                waiting = connection.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE datname ="
                                                 " current_database() AND wait_event_type = 'Lock'"))
            if waiting >= sum(writer.is_alive() for writer in writers):
                return
            time.sleep(0.05)
    finally:
        engine.dispose()
    raise AssertionError("a writer neither committed nor waited for a lock")

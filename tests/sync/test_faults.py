"""Nothing lost, nothing duplicated, whatever the network does: 2,000 events and 100 multi-page scans
through a proxy that delays, throttles, stalls, resets mid-request and swallows answers after the hub has
committed; then the same with the client killed (kill -9) and the hub restarted mid-upload."""

from __future__ import annotations

import hashlib
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter_app.errors import CounterError
from counter_app.services import outbox
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierEventRow
from sync.client import enrol, run_round
from sync.hub.store import Blob, Event, HubStore
from tests.sync.faultproxy import FaultProxy, Faults
from tests.sync.harness import OFFICE_A, Hub, running_hub
from tests.sync.workload import fill

pytestmark = pytest.mark.slow


def _sync_until_done(database: Database, rounds: int = 60) -> int:
    """Rounds as the app runs them (a failed one is simply tried again); how many it took."""
    for attempt in range(1, rounds + 1):
        try:
            if run_round(database, patience=20, wait_max=0.5, read_timeout=4).complete:
                return attempt
        except (CounterError, OSError):
            continue
    raise AssertionError(f"not done after {rounds} rounds")


def _assert_hub_holds_exactly(hub: Hub, counter: Path) -> None:
    """The hub's events for this device are the counter's, one each; every blob is byte-identical."""
    database = Database.open(counter)
    try:
        with database.read() as session:
            mine = {row.id: row.seq for row in session.scalars(
                select(DossierEventRow).where(DossierEventRow.device_id == database.device_id))}
        named = {sha for sha, _ in outbox.summary_blobs(database)} | _all_blobs(database)
        left = outbox.summary(database)
        assert (left.events, left.blobs) == (0, 0)  # nothing pending at the counter
        store = HubStore(hub.folder, hub.database_url)
        try:
            with store.session() as session:
                held = {row.id: row.seq for row in session.scalars(
                    select(Event).where(Event.device_id == database.device_id))}
                complete = set(session.scalars(select(Blob.sha256).where(Blob.complete)).all())
            assert held == mine
            assert named <= complete
            for sha in named:
                assert hashlib.sha256(store.blobs.read(sha)).hexdigest() == sha
                assert store.blobs.read(sha) == database.blobs.read(sha)
        finally:
            store.dispose()
    finally:
        database.dispose()


def _all_blobs(database: Database) -> set[str]:
    with database.read() as session:
        return {str(row.payload["sha256"]) for row in session.scalars(
            select(DossierEventRow).where(DossierEventRow.type == "document_filed"))}


def test_two_thousand_events_and_a_hundred_scans_through_a_hostile_link(tmp_path: Path) -> None:
    counter = tmp_path / "counter"
    fill(counter, dossiers=950, scans=100, pages=3)  # 1,900 + 100 events, 100 three-page PDFs (~12 MB)
    faults = Faults(latency_s=0.02, reset_after_bytes=(40_000, 900_000), drop_response_p=0.15, stall_p=0.002,
                    stall_s=6.0, seed=11)
    with running_hub(tmp_path / "hub") as hub, FaultProxy(hub.port, faults) as proxy:
        database = Database.open(counter)
        try:
            assert outbox.summary(database).events == 2000
            enrol(database, proxy.url, hub.enrolment_code(OFFICE_A))
            rounds = _sync_until_done(database)
        finally:
            database.dispose()
        _assert_hub_holds_exactly(hub, counter)
    print(f"\nrounds={rounds} resets={proxy.counters.resets} dropped={proxy.counters.dropped_responses} "
          f"stalls={proxy.counters.stalls} up={proxy.counters.bytes_up} down={proxy.counters.bytes_down}")
    assert proxy.counters.resets > 5 and proxy.counters.dropped_responses > 5  # the faults really happened


def test_hub_restarted_mid_upload_and_client_killed_at_random(tmp_path: Path) -> None:
    counter = tmp_path / "counter"
    fill(counter, dossiers=300, scans=30, pages=4, page_kb=60)  # 630 events, 30 PDFs (~7 MB)
    rng = random.Random(5)
    link = Faults(latency_s=0.01, bandwidth_bps=500_000)
    with running_hub(tmp_path / "hub") as hub, FaultProxy(hub.port, link) as proxy:
        database = Database.open(counter)
        try:
            enrol(database, proxy.url, hub.enrolment_code(OFFICE_A))
        finally:
            database.dispose()
        process = _sync_process(counter)
        _wait_until_uploading(hub, total=30)
        hub.stop(kill=True)  # the hub dies mid-upload and comes back on the same port
        time.sleep(1.0)
        hub.start()
        kills = 0
        while process.poll() is None and kills < 8:  # now kill -9 the counter's sync at random moments
            time.sleep(rng.uniform(0.3, 2.5))
            if process.poll() is not None:
                break
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1
            process = _sync_process(counter)
        assert kills >= 3
        assert process.wait(timeout=300) == 0, process.stderr.read() if process.stderr else ""
        _assert_hub_holds_exactly(hub, counter)
        with Database.open(counter).engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def _wait_until_uploading(hub: Hub, total: int) -> None:
    """Until the hub has started on the blobs and not finished them all."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        store = HubStore(hub.folder)
        try:
            with store.session() as session:
                started = session.scalar(select(func.count()).select_from(Blob)) or 0
                complete = session.scalar(select(func.count()).select_from(Blob).where(Blob.complete)) or 0
        finally:
            store.dispose()
        if started and complete < total:
            return
        time.sleep(0.1)
    raise AssertionError("the upload never started")


def _sync_process(counter: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "counter_app.cli", "sync", "run", "--patience", "120",
                             "--data-dir", str(counter)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)

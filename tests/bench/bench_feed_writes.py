"""Benchmark (not a test): what numbering the feed in commit order costs the province's writes on PostgreSQL.

Eight writers at once (each its own connection), as eight province officers deciding or publishing at the
same moment, far above a province's real rate (a few feed entries a minute): province decisions on distinct
dossiers (`change_status`, the web screen's path) and calendar publications (`publish`). Each scenario runs
with the feed lock (`sync.hub.store.hold_feed`, the present code) and without it (as before), interleaved,
with the load average beside every figure. Without the lock two decisions at once collide on the hub's own
event number: those failures are counted.

    python -m tests.bench.bench_feed_writes [--writers N] [--each K] [--repeat R]"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from unittest import mock

from sqlalchemy.exc import IntegrityError

from counter_app.clock import now
from sync.hub import decisions
from sync.hub import store as hub_store
from sync.hub.admin import change_status, publish
from sync.hub.ingest import ingest
from sync.hub.store import Device, HubStore
from tests.conftest import create_database, postgres_server
from tests.sync.workload import wire_dossier

OFFICE = "000.00.12.H12"


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


@contextmanager
def _lock(on: bool) -> Iterator[None]:
    if on:
        yield
        return
    with mock.patch.object(hub_store, "hold_feed", lambda _session: None), \
            mock.patch.object(decisions, "hold_feed", lambda _session: None):
        yield


def _dossiers(store: HubStore, count: int) -> list[str]:
    """`count` accepted dossiers of one counter, taken in by the hub's own ingest."""
    device = uuid.uuid4()
    with store.session() as session:
        session.add(Device(id=device, office_code=OFFICE, public_key="", enrolled_at=now()))
    at = dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)
    numbers = range(1, count + 1)
    events = [event for number in numbers for event in wire_dossier(device, 2 * number - 1, OFFICE, number, at)]
    for start in range(0, len(events), 50):
        assert not ingest(store, device, events[start:start + 50]).refused
    return [f"{OFFICE}-{at:%y%m%d}-{number:04d}" for number in numbers]


def _writers(jobs: list[list[Callable[[], object]]]) -> tuple[float, list[float], int]:
    """Each list of jobs in a thread of its own, all started together: seconds, each job's latency, failures."""
    latencies: list[float] = []
    failures = [0]

    def work(mine: list[Callable[[], object]]) -> None:
        for job in mine:
            start = time.perf_counter()
            try:
                job()
            except IntegrityError:
                failures[0] += 1
            latencies.append(time.perf_counter() - start)

    threads = [threading.Thread(target=work, args=(mine,)) for mine in jobs]
    begin = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - begin, latencies, failures[0]


def _line(name: str, load: str, result: tuple[float, list[float], int]) -> str:
    seconds, latencies, failures = result
    p95 = statistics.quantiles(latencies, n=20)[-1]
    return (f"{name:<34} {load:<14} {len(latencies) / seconds:6.0f}/s; each median "
            f"{statistics.median(latencies) * 1000:4.0f} ms, p95 {p95 * 1000:4.0f} ms; failed {failures}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--each", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="counter-feed-writes-") as folder, postgres_server() as pg:
        create_database(pg, "hub_feed_writes")
        store = HubStore(Path(folder), f"{pg}/hub_feed_writes")
        calendar = Path(folder) / "calendar.json"
        calendar.write_text(json.dumps({"days": [{"day": "2027-02-08", "kind": "off", "note": "Tết"}]}), "utf-8")
        codes = iter(_dossiers(store, 2 * 2 * args.repeat * args.writers * args.each))
        try:
            for _ in range(args.repeat):
                for on in (False, True):
                    name = "with the feed lock" if on else "without (as before)"
                    with _lock(on):
                        load = _load()
                        decided = _writers([[partial(change_status, store, next(codes), "transfer", "tinh")
                                             for _ in range(args.each)] for _ in range(args.writers)])
                        sys.stdout.write(_line(f"decisions, {name}", load, decided))
                        load = _load()
                        published = _writers([[partial(publish, store, "calendar", calendar)
                                               for _ in range(args.each)] for _ in range(args.writers)])
                        sys.stdout.write(_line(f"publications, {name}", load, published))
                    sys.stdout.flush()
        finally:
            store.dispose()


if __name__ == "__main__":
    main()

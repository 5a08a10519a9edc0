"""Benchmark (not a test): a day's work at a commune (40 dossiers, 200 scanned pages, as forty 5-page PDFs
or eight 25-page ones) over an emulated 2G-class link (256 kbit/s each way, 600 ms round trip, the line
reset every 30–60 s), through the real hub.

Prints payload goodput as a fraction of the link's capacity, bytes on the wire against payload bytes, bytes
re-sent after interruptions, and the time until everything is acknowledged: for the client (each file streamed
in one PATCH, two files in flight), for the client before issue 22 (checksummed chunks sized to the link, one
file at a time), and for a naive baseline that re-uploads a whole file after any failure (same hub, same link,
same seed; the link's capacity is shared by all connections)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from counter_app.errors import CounterError
from counter_app.services import outbox
from counter_app.storage.database import Database
from sync import tus
from sync.client import enrol, run_round
from tests.sync.faultproxy import FaultProxy, Faults
from tests.sync.harness import OFFICE_A, running_hub
from tests.sync.workload import fill

LINK_BPS = 256_000 / 8
LINK = Faults(latency_s=0.3, bandwidth_bps=LINK_BPS, reset_every_s=(30.0, 60.0), seed=3)


class WholeFile(tus.ChunkSizer):
    """The naive baseline: the whole file in one request; after a failure, all of it again."""

    def __init__(self) -> None:
        super().__init__(1 << 30)

    def after(self, seconds: float | None) -> None:
        return


def measure(name: str, sizer: tus.ChunkSizer | None, folder: Path, scans: int, pages: int) -> None:
    counter = folder / name
    fill(counter, dossiers=40, scans=scans, pages=pages, page_kb=35)  # scans × pages = 200 pages
    database = Database.open(counter)
    payload_blobs = sum(size for _, size in outbox.summary_blobs(database))
    with running_hub(folder / f"hub-{name}") as hub, FaultProxy(hub.port, LINK) as proxy:
        enrol(database, proxy.url, hub.enrolment_code(OFFICE_A))
        proxy.counters.bytes_up = proxy.counters.bytes_down = 0
        started, sent, rounds = time.monotonic(), 0, 0
        while True:
            rounds += 1
            try:
                report = run_round(database, patience=120, wait_max=5, sizer=sizer, read_timeout=60)
                sent += report.payload_bytes
                if report.complete:
                    break
            except (CounterError, OSError) as error:
                sys.stdout.write(f"  round {rounds} ended: {error}\n")
        elapsed = time.monotonic() - started
    database.dispose()
    wire = proxy.counters.bytes_up + proxy.counters.bytes_down
    capacity = elapsed * LINK_BPS
    sys.stdout.write(
        f"{name:<30}{elapsed:>9.0f} s{payload_blobs / 1e6:>10.2f} MB{wire / 1e6:>10.2f} MB"
        f"{wire / payload_blobs:>8.2f}x{max(0, sent - payload_blobs) / 1e6:>11.2f} MB"
        f"{payload_blobs / capacity:>10.0%}{proxy.counters.resets:>8}   load {_load()}\n")
    sys.stdout.flush()


def _load() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    sys.stdout.write(f"{'client':<30}{'until acked':>11}{'blob payload':>13}{'on the wire':>13}{'ratio':>9}"
                     f"{'re-sent':>14}{'goodput':>10}{'resets':>8}\n")
    scenarios = {"small": (40, 5), "large": (8, 25)}  # one 5-page PDF per dossier, or eight 25-page ones
    chosen = sys.argv[1:] or list(scenarios)
    with tempfile.TemporaryDirectory(prefix="counter-bench-sync-") as folder:
        for scenario in chosen:
            scans, pages = scenarios[scenario]
            sys.stdout.write(f"-- {scans} PDFs of {pages} pages\n")
            measure(f"{scenario}: streamed, 2 in flight", None, Path(folder), scans, pages)
            measure(f"{scenario}: before: tus chunks", tus.ChunkSizer(), Path(folder), scans, pages)
            measure(f"{scenario}: naive whole-file", WholeFile(), Path(folder), scans, pages)


if __name__ == "__main__":
    main()

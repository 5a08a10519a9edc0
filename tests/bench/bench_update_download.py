"""Benchmark (not a test): an update package fetched over an emulated weak link (256 kbit/s each way, 600 ms
round trip, the line reset every 30–60 s, as bench_sync), through the real hub, by the counter's ranged,
resumable download. Prints the time, goodput against the link's capacity, and bytes on the wire against the
package's size, beside the load average.

    python -m tests.bench.bench_update_download [MEGABYTES]   (default 4)"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from counter_app.errors import CounterError
from counter_app.storage.database import Database
from counter_app.updates import state
from counter_app.updates.signing import sign
from sync.client import enrol, run_round
from sync.hub.auth import issue_enrolment
from sync.hub.releases import publish
from sync.hub.store import HubStore
from sync.updates import UpdateSetup
from tests.sync.faultproxy import FaultProxy, Faults
from tests.sync.harness import OFFICE_A, running_hub
from tests.sync.workload import fill
from tests.updates.releases import installed, package, throwaway_key

LINK_BPS = 256_000 / 8
LINK = Faults(latency_s=0.3, bandwidth_bps=LINK_BPS, reset_every_s=(30.0, 60.0), seed=3)


def run(megabytes: float) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-update-") as folder:
        base = Path(folder)
        _, key = throwaway_key(base)
        tarball = package(base, "1.1.0", padding=int(megabytes * 1e6))
        signature = tarball.with_name(f"{tarball.name}.sig")
        signature.write_bytes(sign(tarball, "1.1.0", key))
        layout = installed(base / "install", "1.0.0")
        with running_hub(base / "hub") as hub, FaultProxy(hub.port, LINK) as proxy:
            store = HubStore(hub.folder)
            publish(store, tarball, "1.1.0", signature)
            code = issue_enrolment(store, OFFICE_A)
            store.dispose()
            fill(base / "counter", dossiers=0, scans=0)
            database = Database.open(base / "counter")
            enrol(database, proxy.url, code, patience=300)
            setup = UpdateSetup(layout, (key.public_key(),), "1.0.0")
            started, rounds = time.monotonic(), 0
            while state.current(database).status != "ready":
                rounds += 1
                try:
                    run_round(database, patience=120, wait_max=5, updates=setup)
                except (CounterError, OSError):
                    continue
            seconds = time.monotonic() - started
            database.dispose()
        size = tarball.stat().st_size
        print(f"package {size / 1e6:.1f} MB over {LINK_BPS * 8 / 1000:.0f} kbit/s with resets every 30-60 s: "
              f"{seconds:.0f} s in {rounds} round(s), {proxy.counters.resets} resets; goodput "
              f"{size / seconds / LINK_BPS:.0%} of the link; {proxy.counters.bytes_down / size:.2f} bytes down "
              f"per package byte; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    run(float(sys.argv[1]) if len(sys.argv) > 1 else 4.0)

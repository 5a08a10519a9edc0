"""Load test (not a test): 200 simulated counters syncing at once against one hub on PostgreSQL, each
enrolling, asking its state, sending its events in compressed batches and reading its office's feed.
Prints events per second and the latency of event batches (median, p95, max)."""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync import keys
from sync.hub.auth import issue_enrolment
from sync.hub.store import HubStore
from sync.protocol import gzip_json
from tests.conftest import _free_port, create_database, postgres_server
from tests.sync.harness import DeviceAuth, Hub
from tests.sync.workload import wire_dossier

DEVICES, DOSSIERS_PER_DEVICE, BATCH = 200, 25, 25
OFFICES = 20  # ten counters per office
WORKERS = int(sys.argv[1]) if len(sys.argv) > 1 else 2  # hub processes over the one PostgreSQL


def _events(device_id: uuid.UUID, office: str) -> list[dict[str, Any]]:
    """A device's morning: receptions and acceptances, as the counter's outbox sends them."""
    base = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
    return [event for number in range(DOSSIERS_PER_DEVICE)
            for event in wire_dossier(device_id, 2 * number + 1, office, number + 1,
                                      base + dt.timedelta(minutes=number))]


async def _device(client: httpx.AsyncClient, code: str, office: str, latencies: list[float]) -> int:
    key, device_id = Ed25519PrivateKey.generate(), uuid.uuid4()
    answer = await client.post("/v1/enrol", json={"code": code, "device_id": str(device_id),
                                                  "public_key": keys.public_pem(key)})
    answer.raise_for_status()
    auth = DeviceAuth(key, device_id)  # a fresh token each request: the hub takes each one once
    (await client.get("/v1/state", auth=auth)).raise_for_status()
    events = _events(device_id, office)
    for start in range(0, len(events), BATCH):
        body = gzip_json({"events": events[start:start + BATCH]})
        started = time.perf_counter()
        answer = await client.post("/v1/events", content=body, auth=auth, headers={
            "Content-Encoding": "gzip", "Content-Type": "application/json"})
        latencies.append(time.perf_counter() - started)
        answer.raise_for_status()
        assert answer.json()["acknowledged_seq"] == min(start + BATCH, len(events))
    (await client.get("/v1/feed", auth=auth)).raise_for_status()
    return len(events)


async def _storm(url: str, codes: list[tuple[str, str]]) -> tuple[int, float, list[float]]:
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=DEVICES, max_keepalive_connections=DEVICES)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        started = time.perf_counter()
        counts = await asyncio.gather(*(_device(client, code, office, latencies) for code, office in codes))
        return sum(counts), time.perf_counter() - started, latencies


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="counter-load-") as folder, postgres_server(max_connections=120) as pg:
        create_database(pg, "hub")
        store = HubStore(Path(folder), f"{pg}/hub")
        offices = [f"000.00.{n:02d}.H12" for n in range(OFFICES)]
        codes = [(issue_enrolment(store, offices[n % OFFICES]), offices[n % OFFICES]) for n in range(DEVICES)]
        store.dispose()
        hub = Hub(Path(folder), _free_port(), f"{pg}/hub", workers=WORKERS)
        hub.start()
        try:
            events, seconds, latencies = asyncio.run(_storm(hub.url, codes))
        finally:
            hub.stop()
    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    sys.stdout.write(f"{WORKERS} hub worker(s), {DEVICES} devices, {events} events in {len(latencies)} batches "
                     f"of {BATCH}, {seconds:.1f} s: {events / seconds:.0f} events/s; batch latency median "
                     f"{statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
                     f"max {ordered[-1] * 1000:.0f} ms\n")


if __name__ == "__main__":
    main()

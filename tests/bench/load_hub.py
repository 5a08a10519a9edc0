"""Load test (not a test): 200 simulated counters against one hub on PostgreSQL, the present code beside an
earlier revision (default: the hub before issue 22), interleaved in one run so the shared machine's load
falls on both. Each counter is its own HTTP client (its own connection), as real counters are.

Three figures per hub, each printed with the machine's load average:
- storm: every counter at once enrols, asks its state, sends its 50 events in gzipped batches of 25 and reads
  its feed (closed loop: a counter sends its next batch when the last is answered); events/s over the whole.
- paced: the same work offered at a steady 1,000 events/s (each counter starts at a random moment in the
  first 5 s, its second batch 5 s after the first); batch latency median / p95 / max.
- feed: a province-wide calendar publication, then all 200 counters pull their feed at once.

    python -m tests.bench.load_hub [--workers N] [--baseline REV] [--repeat K] [--rate EVENTS_PER_S]"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import resource
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync import keys
from sync.hub.admin import publish
from sync.hub.auth import issue_enrolment
from sync.hub.store import HubStore
from sync.protocol import gzip_json
from tests.conftest import _free_port, create_database, postgres_server
from tests.sync.harness import DeviceAuth
from tests.sync.workload import wire_dossier

DEVICES, DOSSIERS_PER_DEVICE, BATCH = 200, 25, 25
OFFICES = 20  # ten counters per office
BASELINE = "b177392"  # main when issue 22 began
ROOT = Path(__file__).resolve().parents[2]
# The present deployment had neither uvloop nor httptools installed: the baseline runs without them.
_HIDE = "raise ImportError('not installed in the baseline deployment')\n"


@dataclass
class Counter:
    device_id: uuid.UUID
    office: str
    auth: DeviceAuth
    events: list[dict[str, Any]]


def _events(device_id: uuid.UUID, office: str) -> list[dict[str, Any]]:
    """A device's morning: receptions and acceptances, as the counter's outbox sends them."""
    base = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
    return [event for number in range(DOSSIERS_PER_DEVICE)
            for event in wire_dossier(device_id, 2 * number + 1, office, number + 1,
                                      base + dt.timedelta(minutes=number))]


_TLS = ssl.create_default_context()  # made once: a context per client would cost the generator ~15 ms each


def _client(url: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=url, timeout=120, limits=httpx.Limits(max_connections=1), verify=_TLS)


async def _enrol(client: httpx.AsyncClient, code: str, office: str) -> Counter:
    key, device_id = Ed25519PrivateKey.generate(), uuid.uuid4()
    answer = await client.post("/v1/enrol", json={"code": code, "device_id": str(device_id),
                                                  "public_key": keys.public_pem(key)})
    answer.raise_for_status()
    return Counter(device_id, office, DeviceAuth(key, device_id), _events(device_id, office))


async def _send(client: httpx.AsyncClient, counter: Counter, start: int, latencies: list[float]) -> None:
    body = gzip_json({"events": counter.events[start:start + BATCH]})
    started = time.perf_counter()
    answer = await client.post("/v1/events", content=body, auth=counter.auth, headers={
        "Content-Encoding": "gzip", "Content-Type": "application/json"})
    latencies.append(time.perf_counter() - started)
    answer.raise_for_status()
    assert answer.json()["acknowledged_seq"] == min(start + BATCH, len(counter.events))


async def _storm_one(url: str, code: str, office: str, latencies: list[float]) -> int:
    async with _client(url) as client:
        counter = await _enrol(client, code, office)
        (await client.get("/v1/state", auth=counter.auth)).raise_for_status()
        for start in range(0, len(counter.events), BATCH):
            await _send(client, counter, start, latencies)
        (await client.get("/v1/feed", auth=counter.auth)).raise_for_status()
        return len(counter.events)


async def _storm(url: str, codes: list[tuple[str, str]]) -> tuple[int, float, list[float]]:
    latencies: list[float] = []
    started = time.perf_counter()
    counts = await asyncio.gather(*(_storm_one(url, code, office, latencies) for code, office in codes))
    return sum(counts), time.perf_counter() - started, latencies


async def _paced_one(url: str, code: str, office: str, begin: float, gap: float, latencies: list[float]) -> int:
    async with _client(url) as client:
        counter = await _enrol(client, code, office)
        await asyncio.sleep(max(0.0, begin - time.perf_counter()))
        for number, start in enumerate(range(0, len(counter.events), BATCH)):
            await asyncio.sleep(max(0.0, begin + number * gap - time.perf_counter()))
            await _send(client, counter, start, latencies)
        return len(counter.events)


async def _paced(url: str, codes: list[tuple[str, str]], rate: float, seed: int) -> tuple[int, float, list[float]]:
    """The same events offered at `rate` events/s: starts spread over half the span, batches `gap` apart."""
    latencies: list[float] = []
    total = len(codes) * DOSSIERS_PER_DEVICE * 2
    span = total / rate
    gap = span / 2
    rng = random.Random(seed)
    zero = time.perf_counter() + 3.0  # room for every counter to enrol first
    begins = [zero + rng.uniform(0, span - gap) for _ in codes]
    counts = await asyncio.gather(*(_paced_one(url, code, office, begin, gap, latencies)
                                    for (code, office), begin in zip(codes, begins, strict=True)))
    return sum(counts), time.perf_counter() - zero, latencies


async def _feed_storm(url: str, counters: list[tuple[Counter, int]]) -> tuple[float, list[float], int]:
    """Every counter asks for its feed after `cursor` at the same moment."""
    latencies: list[float] = []

    async def pull(counter: Counter, cursor: int) -> int:
        async with _client(url) as client:
            started = time.perf_counter()
            answer = await client.get("/v1/feed", params={"after": cursor}, auth=counter.auth)
            latencies.append(time.perf_counter() - started)
            answer.raise_for_status()
            return len(answer.json()["items"])

    started = time.perf_counter()
    items = await asyncio.gather(*(pull(counter, cursor) for counter, cursor in counters))
    return time.perf_counter() - started, latencies, sum(items)


async def _enrol_all(url: str, codes: list[tuple[str, str]]) -> list[Counter]:
    async def one(code: str, office: str) -> Counter:
        async with _client(url) as client:
            return await _enrol(client, code, office)
    return list(await asyncio.gather(*(one(code, office) for code, office in codes)))


def _codes(store: HubStore) -> list[tuple[str, str]]:
    offices = [f"000.00.{n:02d}.H12" for n in range(OFFICES)]
    return [(issue_enrolment(store, offices[n % OFFICES]), offices[n % OFFICES]) for n in range(DEVICES)]


def _calendar(folder: Path) -> Path:
    """A year's province-wide calendar corrections (Tết and the make-up Saturdays)."""
    days = [{"day": f"2027-02-{day:02d}", "kind": "off", "note": "Nghỉ Tết Nguyên đán"} for day in range(5, 14)]
    days += [{"day": f"2027-0{month}-06", "kind": "working", "note": "Làm bù"} for month in (3, 4, 5)]
    path = folder / "calendar.json"
    path.write_text(json.dumps({"days": days}, ensure_ascii=False), "utf-8")
    return path


def _ticks(pid: int, children: bool = False) -> float:
    """CPU seconds (user + system) a process has used (and its children that ended, when `children`)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    used = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if children else 0)
    return used / os.sysconf("SC_CLK_TCK")


def _processes(match: Callable[[int, str], bool]) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except (OSError, IndexError, ValueError):
                continue
            if match(parent, command):
                found.append(int(entry.name))
    return found


def _tree(pid: int) -> float:
    """CPU seconds of a process and all its children, living or ended."""
    return _ticks(pid, children=True) + sum(_ticks(child) for child in _processes(lambda parent, _c: parent == pid))


class CpuMeter:
    """CPU seconds used by the hub's processes, the database server and this load generator."""

    def __init__(self, hub_pid: int, pg_url: str) -> None:
        port = pg_url.rsplit(":", 1)[1].split("/", maxsplit=1)[0]
        self.hub_pid = hub_pid
        self.server = _processes(lambda _p, command: f"-p {port} " in command and "postgres" in command)[:1]
        self.start = self._read()

    def _read(self) -> tuple[float, float, float]:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return _tree(self.hub_pid), sum(map(_tree, self.server)), usage.ru_utime + usage.ru_stime

    def since(self, requests: int) -> str:
        now = self._read()
        hub, server, generator = (b - a for a, b in zip(self.start, now, strict=True))
        self.start = now
        return (f"CPU hub {hub:.1f} s + PostgreSQL {server:.1f} s = {(hub + server) / requests * 1000:.1f} ms a "
                f"request (load generator {generator:.1f} s)")


@contextmanager
def _hub(tree: Path, folder: Path, database: str, workers: int, hide: Path | None) -> Iterator[tuple[str, int]]:
    """A hub process run from `tree` (a checkout of some revision) over `folder` and `database`."""
    port = _free_port()
    path = [str(p) for p in (hide, tree) if p is not None]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    command = [sys.executable, "-m", "counter_app.cli", "hub", "serve", "--data-dir", str(folder),
               "--port", str(port), "--workers", str(workers), "--db", database]
    process = subprocess.Popen(command, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(process.stderr.read().decode() if process.stderr else "hub died")
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(30)


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


def _p(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(share * (len(ordered) - 1) + 0.5))] * 1000


def _latency(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    return (f"median {statistics.median(ordered) * 1000:.0f} ms, p95 {_p(ordered, 0.95):.0f} ms, "
            f"max {ordered[-1] * 1000:.0f} ms")


def run_one(name: str, tree: Path, pg: str, workers: int, rate: float, seed: int, hide: Path | None) -> None:
    out = sys.stdout
    with tempfile.TemporaryDirectory(prefix="counter-load-") as folder:
        database = f"hub_{name.split(maxsplit=1)[0]}_{seed}"
        create_database(pg, database)
        store = HubStore(Path(folder), f"{pg}/{database}")  # tables made before the hub starts (either revision)
        storm_codes, paced_codes = _codes(store), _codes(store)
        with _hub(tree, Path(folder), f"{pg}/{database}", workers, hide) as (url, pid):
            load, cpu = _load(), CpuMeter(pid, pg)
            events, seconds, latencies = asyncio.run(_storm(url, storm_codes))
            out.write(f"{name:<9} storm  {load:<15} {events} events in {seconds:5.1f} s: {events / seconds:5.0f} "
                      f"events/s; batch latency {_latency(latencies)}\n{'':<16}{cpu.since(len(storm_codes) * 5)}\n")
            load = _load()
            events, seconds, latencies = asyncio.run(_paced(url, paced_codes, rate, seed))
            out.write(f"{name:<9} paced  {load:<15} {events} events offered at {rate:.0f}/s, done at "
                      f"{events / seconds:5.0f}/s; batch latency {_latency(latencies)}\n"
                      f"{'':<16}{cpu.since(len(paced_codes) * 3)}\n")
            feed = _feed(url, store, Path(folder), cpu)
            out.write(f"{name:<9} feed   {feed}\n")
            out.flush()
        store.dispose()


def _feed(url: str, store: HubStore, folder: Path, cpu: CpuMeter) -> str:
    counters = asyncio.run(_enrol_all(url, _codes(store)))
    cursor = publish(store, "calendar", _calendar(folder))["cursor"] - 1
    load = _load()
    cpu.since(1)
    seconds, latencies, items = asyncio.run(_feed_storm(url, [(counter, cursor) for counter in counters]))
    return (f"{load:<15} {len(counters)} counters pull at once after a province-wide calendar: {items} items "
            f"in {seconds:.2f} s; each {_latency(latencies)}\n{'':<16}{cpu.since(len(counters))}")


def _checkout(revision: str, into: Path) -> Path:
    tree = into / "baseline"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    hide = into / "hide"
    hide.mkdir()
    for module in ("uvloop", "httptools"):
        (hide / f"{module}.py").write_text(_HIDE)
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--baseline", default=BASELINE, help="revision to compare with ('' for none)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--rate", type=float, default=1000.0)
    args = parser.parse_args()
    sys.stdout.write(f"{args.workers} hub worker(s) on {os.cpu_count()} cores, {DEVICES} counters, "
                     f"{DEVICES * DOSSIERS_PER_DEVICE * 2} events each in batches of {BATCH}\n")
    with tempfile.TemporaryDirectory(prefix="counter-load-trees-") as trees, \
            postgres_server(max_connections=200) as pg:
        baseline = _checkout(args.baseline, Path(trees)) if args.baseline else None
        for repeat in range(args.repeat):
            if baseline is not None:
                hide = Path(trees) / "hide" if args.baseline == BASELINE else None  # later ones had them
                run_one(f"before {args.baseline}", baseline, pg, args.workers, args.rate, repeat, hide)
            run_one("now", ROOT, pg, args.workers, args.rate, repeat, None)


if __name__ == "__main__":
    main()

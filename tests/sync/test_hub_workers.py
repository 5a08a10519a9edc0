"""`hub serve --workers N` leaves no process behind when its parent is killed, gently or with SIGKILL."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import _free_port
from tests.sync.harness import Hub


def _children(pid: int) -> set[int]:
    """The live (not zombie) processes whose parent is `pid`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _workers(hub: Hub, count: int) -> set[int]:
    assert hub.process is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = _children(hub.process.pid)
        if len(workers) >= count:
            return workers
        time.sleep(0.1)
    raise AssertionError(f"expected {count} worker processes, saw {_children(hub.process.pid)}")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_no_worker_outlives_the_parent(tmp_path: Path, how: signal.Signals) -> None:
    hub = Hub(tmp_path / "hub", _free_port(), workers=2)
    hub.start()
    assert hub.process is not None
    workers = _workers(hub, 2)
    assert httpx.get(f"{hub.url}/v1/health", timeout=5).status_code == 200
    hub.process.send_signal(how)
    hub.process.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # do not leave them to the next test if the assertion fails
        os.kill(pid, signal.SIGKILL)
    assert not left, f"worker processes {left} outlived their parent ({how.name})"
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{hub.url}/v1/health", timeout=2)

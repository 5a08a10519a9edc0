"""Large scans through bundles and backups, each side in its own process that reports its peak resident
memory: shared by the CI test (one scan larger than the memory allowed) and the 2 GB benchmark.

`python -m tests.backup.streaming export|import|backup|restore ARGS…` runs one side and prints JSON with
`peak_rss_mb` (the process's own peak resident memory)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from counter_app.backup.commands import run_and_record
from counter_app.backup.keys import for_installation
from counter_app.backup.restore import restore
from counter_app.services import outbox
from counter_app.services.documents import file_copy
from counter_app.storage.database import Database
from sync import bundle, keys
from sync.hub.admin import import_bundle
from sync.hub.auth import enrol, issue_enrolment
from sync.hub.keys import hub_keys
from sync.hub.store import HubStore
from sync.protocol import EnrolRequest
from tests.sync.workload import fill

ROOT = Path(__file__).resolve().parents[2]


def scans(folder: Path, total_mb: int, scan_mb: int, dossiers: int = 0) -> None:
    """A counter in `folder` whose dossiers carry `total_mb` of scans of `scan_mb` each (incompressible)."""
    count = max(1, total_mb // scan_mb)
    codes = fill(folder, dossiers=max(dossiers, count), scans=0)
    database = Database.open(folder)
    try:
        for code in codes[:count]:
            file_copy(database, code, "1", b"%PDF-1.4\n" + os.urandom(scan_mb * 1024 * 1024), 1, "anh")
    finally:
        database.dispose()


def enrol_in_process(counter: Path, hub_folder: Path) -> None:
    """The counter enrolled at a hub store on disk (the HTTP enrolment is tested elsewhere)."""
    store = HubStore(hub_folder)
    database = Database.open(counter)
    try:
        hub = hub_keys(hub_folder)
        request = EnrolRequest(code=issue_enrolment(store, "000.00.12.H12"), device_id=database.device_id,
                               public_key=keys.public_pem(keys.device_key(counter)), name="bench")
        enrolled = enrol(store, request)
        outbox.update_state(database, hub_url="http://127.0.0.1:9", office_code=enrolled.office_code,
                            hub_signing_key=hub.public_signing, hub_sealing_key=hub.public_sealing)
    finally:
        database.dispose()
        store.dispose()


def side(name: str, *args: str) -> dict[str, Any]:
    """Run one side in a fresh process; its JSON report (with `peak_rss_mb` and `seconds`)."""
    done = subprocess.run([sys.executable, "-m", "tests.backup.streaming", name, *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=1800, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout))


def _export(counter: str, usb: str) -> dict[str, Any]:
    database = Database.open(Path(counter))
    try:
        path = bundle.export(database, keys.device_key(database.data_dir), Path(usb))
    finally:
        database.dispose()
    return {"bundle": str(path), "bytes": path.stat().st_size}


def _import(hub_folder: str, path: str) -> dict[str, Any]:
    store = HubStore(Path(hub_folder))
    try:
        ack = import_bundle(store, Path(path))
    finally:
        store.dispose()
    return {"acknowledged_seq": ack["acknowledged_seq"], "blobs": len(ack["blobs_complete"])}


def _backup(counter: str, usb: str) -> dict[str, Any]:
    database = Database.open(Path(counter))
    try:
        result = run_and_record(database, Path(usb), 2)
    finally:
        database.dispose()
    return {"generation": result.generation, "bytes": result.bytes_written}


def _restore(counter: str, usb: str, target: str) -> dict[str, Any]:
    result = restore(Path(usb), Path(target), for_installation(Path(counter)).key)
    return {"generation": result.generation, "blobs": result.blobs}


def peak_rss_mb() -> float:
    """This process's own peak resident memory (VmHWM: ru_maxrss would carry the parent's over fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


SIDES = {"export": _export, "import": _import, "backup": _backup, "restore": _restore}


def main(argv: list[str]) -> None:
    started = time.perf_counter()
    report = SIDES[argv[0]](*argv[1:])
    report["seconds"] = round(time.perf_counter() - started, 2)
    report["peak_rss_mb"] = peak_rss_mb()
    sys.stdout.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])

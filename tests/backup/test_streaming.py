"""Bundles and backups stream: one scan larger than the memory each side may use goes through export,
import at the hub, backup and restore, each in its own process whose peak resident memory is measured."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from nacl.public import SealedBox

from counter_app.services import outbox
from counter_app.storage.database import Database
from sync import keys
from sync.hub.admin import import_bundle
from sync.hub.keys import hub_keys
from sync.hub.store import HubStore
from sync.protocol import PROTOCOL
from tests.backup.streaming import enrol_in_process, scans, side
from tests.sync.workload import fill

SCAN_MB = 200
ALLOWED_MB = 180  # the old whole-in-memory bundle needed at least twice the scan


def test_a_scan_larger_than_memory_allowed_goes_through(tmp_path: Path) -> None:
    counter, hub, usb = tmp_path / "counter", tmp_path / "hub", tmp_path / "usb"
    scans(counter, SCAN_MB, SCAN_MB)
    enrol_in_process(counter, hub)
    usb.mkdir()
    exported = side("export", str(counter), str(usb))
    imported = side("import", str(hub), exported["bundle"])
    assert imported["blobs"] == 1 and imported["acknowledged_seq"] > 0
    backed_up = side("backup", str(counter), str(usb))
    restored = side("restore", str(counter), str(usb), str(tmp_path / "restored"))
    assert restored["blobs"] == 1
    original = next((counter / "blobs").glob("??/*"))
    for copy in (hub / "blobs" / original.parent.name / original.name,
                 tmp_path / "restored" / "blobs" / original.parent.name / original.name):
        assert _sha(copy) == original.name
    peaks = {name: report["peak_rss_mb"] for name, report in
             (("export", exported), ("import", imported), ("backup", backed_up), ("restore", restored))}
    print("peak RSS MB", peaks)
    assert max(peaks.values()) < ALLOWED_MB, peaks


def _sha(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def test_a_bundle_of_the_first_format_is_still_imported(tmp_path: Path) -> None:
    """A stick written before the streaming format (one sealed box around the zip) still reaches the hub."""
    counter, hub = tmp_path / "counter", tmp_path / "hub"
    fill(counter, dossiers=2, scans=1, pages=1)
    enrol_in_process(counter, hub)
    database = Database.open(counter)
    try:
        events = outbox.pending_events(database, 100)
        shas = [sha for sha, _ in outbox.summary_blobs(database)]
        manifest = json.dumps({"protocol": PROTOCOL, "device_id": str(database.device_id),
                               "office_code": "000.00.12.H12", "events": events, "blobs": shas}).encode()
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as archive:
            archive.writestr("manifest.json", manifest)
            archive.writestr("manifest.sig", keys.device_key(counter).sign(manifest))
            for sha in shas:
                archive.writestr(f"blobs/{sha}", database.blobs.read(sha))
    finally:
        database.dispose()
    old = tmp_path / "old.bundle"
    old.write_bytes(SealedBox(hub_keys(hub).sealing.public_key).encrypt(output.getvalue()))
    store = HubStore(hub)
    try:
        ack = import_bundle(store, old)
    finally:
        store.dispose()
    assert ack["acknowledged_seq"] == len(events) and ack["blobs_complete"] == shas

"""Sneakernet: the outbox as one signed bundle on a USB stick, imported at the hub through the same
idempotent path; the acknowledgement comes back as a file; a tampered bundle is refused whole."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from counter_app.storage.database import Database
from sync.client import enrol
from tests.sync.harness import OFFICE_A, run, running_hub
from tests.sync.workload import fill


def test_usb_bundle_round_trip(tmp_path: Path) -> None:
    counter = tmp_path / "counter"
    codes = fill(counter, dossiers=5, scans=2, pages=2)
    with running_hub(tmp_path / "hub") as hub:
        database = Database.open(counter)
        try:
            enrol(database, hub.url, hub.enrolment_code(OFFICE_A))  # once, whenever a link exists
        finally:
            database.dispose()
        hub.stop()  # from here on the commune is offline
        usb = tmp_path / "usb"
        bundle = Path(run(counter, "sync", "export", "--to", str(usb)).stdout.strip())
        assert bundle.parent == usb and bundle.suffix == ".bundle"

        tampered = tmp_path / "tampered.bundle"
        with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(tampered, "w") as target:
            for item in source.infolist():
                data = source.read(item)
                if item.filename == "manifest.json":
                    assert "Công dân 1".encode() in data
                    data = data.replace("Công dân 1".encode(), "Công dân 9".encode())
                target.writestr(item, data)
        refused = hub.cli("import", str(tampered), check=False)
        assert refused.returncode == 2 and "không hợp lệ" in refused.stderr
        assert hub.cli("show", codes[0], check=False).returncode == 2  # nothing written

        ack = json.loads(hub.cli("import", str(bundle), "--json").stdout)
        again = json.loads(hub.cli("import", str(bundle), "--json").stdout)  # the same stick, plugged in twice
        assert ack == again and ack["acknowledged_seq"] == 12 and len(ack["blobs_complete"]) == 2
        held = json.loads(hub.cli("show", codes[0], "--json").stdout)
        local = json.loads(run(counter, "dossier", "show", codes[0], "--json").stdout)
        assert [e["id"] for e in held["events"]] == [e["id"] for e in local["events"]]
        assert all(blob["arrived"] for blob in held["blobs"])

        ack_file = usb / f"ack-{ack['device_id']}.json"
        assert ack_file.exists()
        run(counter, "sync", "import-ack", str(ack_file))
        status = json.loads(run(counter, "sync", "status", "--json").stdout)
        assert (status["pending_events"], status["pending_blobs"]) == (0, 0)
        hub.start()  # back online: nothing left to send, nothing sent twice
        assert run(counter, "sync", "run").returncode == 0
        assert len(json.loads(hub.cli("show", codes[0], "--json").stdout)["events"]) == len(local["events"])

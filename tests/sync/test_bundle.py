"""Sneakernet: the outbox as one signed bundle on a USB stick, sealed so only the hub can read it, imported
at the hub through the same idempotent path; the hub's signed acknowledgement comes back as a file; a
tampered or forged bundle, or a forged acknowledgement, is refused whole."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from nacl.public import SealedBox
from sqlalchemy import select

from counter_app.protect.stream import decrypt_stream, encrypt_stream, new_key
from counter_app.services import outbox, queries, refusals
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierEventRow
from sync.bundle import MAGIC, SEALED_KEY_BYTES
from sync.client import enrol
from sync.hub.keys import hub_keys
from tests.sync.harness import OFFICE_A, make_counter, run, running_hub
from tests.sync.workload import fill


def _reseal(bundle: Path, target: Path, hub_folder: Path, seal_for: Path, name: str, new_name: str) -> None:
    """Open `bundle` with the hub's key, rename a citizen in the manifest, seal it again for `seal_for`'s hub
    (its public key is no secret); what a forger holding the stick could do."""
    raw = io.BytesIO(bundle.read_bytes())
    assert raw.read(len(MAGIC)) == MAGIC
    plain = io.BytesIO()
    decrypt_stream(raw, plain, SealedBox(hub_keys(hub_folder).sealing).decrypt(raw.read(SEALED_KEY_BYTES)))
    opened = plain.getvalue()
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(opened)) as source, zipfile.ZipFile(output, "w") as forged:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "manifest.json":
                assert name.encode() in data
                data = data.replace(name.encode(), new_name.encode())
            forged.writestr(item, data)
    stream_key = new_key()
    sealed = io.BytesIO()
    sealed.write(MAGIC + SealedBox(hub_keys(seal_for).sealing.public_key).encrypt(stream_key))
    output.seek(0)
    encrypt_stream(output, sealed, stream_key)
    target.write_bytes(sealed.getvalue())


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

        sealed = bundle.read_bytes()
        assert "Công dân 1".encode() not in sealed and codes[0].encode() not in sealed and b"PK" not in sealed[:4]

        refusals = {"corrupt.bundle": "không mở được", "forged.bundle": "chữ ký không đúng",
                    "elsewhere.bundle": "không mở được"}
        (tmp_path / "corrupt.bundle").write_bytes(sealed[:100] + bytes([sealed[100] ^ 1]) + sealed[101:])
        _reseal(bundle, tmp_path / "forged.bundle", hub.folder, hub.folder, "Công dân 1", "Công dân 9")
        _reseal(bundle, tmp_path / "elsewhere.bundle", hub.folder, tmp_path / "other-hub", "Công dân 1", "Công dân 1")
        for name, reason in refusals.items():
            refused = hub.cli("import", str(tmp_path / name), check=False)
            assert refused.returncode == 2 and "không hợp lệ" in refused.stderr and reason in refused.stderr, name
        assert hub.cli("show", codes[0], check=False).returncode == 2  # nothing written

        ack = json.loads(hub.cli("import", str(bundle), "--json").stdout)
        again = json.loads(hub.cli("import", str(bundle), "--json").stdout)  # the same stick, plugged in twice
        assert ack == again and ack["acknowledged_seq"] == 12 and len(ack["blobs_complete"]) == 2
        held = json.loads(hub.cli("show", codes[0], "--json").stdout)
        local = json.loads(run(counter, "dossier", "show", codes[0], "--json").stdout)
        assert [e["id"] for e in held["events"]] == [e["id"] for e in local["events"]]
        assert all(blob["arrived"] for blob in held["blobs"])

        ack_file = usb / f"ack-{ack['device_id']}.json"
        envelope = json.loads(ack_file.read_text())
        forged_ack = dict(json.loads(envelope["ack"]), acknowledged_seq=99, blobs_complete=[])
        forged = tmp_path / "forged-ack.json"
        forged.write_text(json.dumps(dict(envelope, ack=json.dumps(forged_ack, sort_keys=True))))
        refused = run(counter, "sync", "import-ack", str(forged), check=False)
        assert refused.returncode == 2 and "chữ ký của máy chủ tỉnh không đúng" in refused.stderr
        status = json.loads(run(counter, "sync", "status", "--json").stdout)
        assert (status["pending_events"], status["pending_blobs"]) == (12, 2)  # nothing forgotten

        run(counter, "sync", "import-ack", str(ack_file))
        status = json.loads(run(counter, "sync", "status", "--json").stdout)
        assert (status["pending_events"], status["pending_blobs"]) == (0, 0)
        hub.start()  # back online: nothing left to send, nothing sent twice
        assert run(counter, "sync", "run").returncode == 0
        assert len(json.loads(hub.cli("show", codes[0], "--json").stdout)["events"]) == len(local["events"])


def test_export_needs_the_hubs_key(tmp_path: Path) -> None:
    counter = make_counter(tmp_path / "counter", OFFICE_A)
    refused = run(counter, "sync", "export", "--to", str(tmp_path / "usb"), check=False)
    assert refused.returncode == 2 and "chưa có khóa của máy chủ tỉnh" in refused.stderr
    assert not (tmp_path / "usb").exists()


def test_a_bundle_with_a_hostile_event_goes_in_but_that_event(tmp_path: Path) -> None:
    """A signed bundle whose events the hub refuses: the rest is imported, the refusal travels back in the
    acknowledgement file and the counter shows it; no traceback anywhere."""
    counter = tmp_path / "counter"
    codes = fill(counter, dossiers=3, scans=0)
    database = Database.open(counter)
    try:
        with database.write() as session:  # an outbox from before the limits: a 3,000-character phone
            reception = session.scalars(select(DossierEventRow).where(DossierEventRow.seq == 3)).one()
            reception.payload = {**reception.payload, "applicant_phone": "0" * 3000}
        with running_hub(tmp_path / "hub") as hub:
            enrol(database, hub.url, hub.enrolment_code(OFFICE_A))
            bundle = Path(run(counter, "sync", "export", "--to", str(tmp_path / "usb")).stdout.strip())
            imported = hub.cli("import", str(bundle), "--json")
            ack = json.loads(imported.stdout)
            assert ack["acknowledged_seq"] == 6 and "Traceback" not in imported.stderr
            assert [(item["seq"], item["key"]) for item in ack["refused"]] == [
                (3, "event.invalid"), (4, "hub.refused.unknown_dossier")]
            assert json.loads(hub.cli("show", codes[2], "--json").stdout)["status"] == "accepted"
        run(counter, "sync", "import-ack", str(bundle.with_name(f"ack-{database.device_id}.json")))
        refused = queries.get_dossier(database, codes[1])
        assert refusals.by_dossier(database, [refused.id])[refused.id] == (
            "Tỉnh từ chối: Sự kiện có trường «applicant_phone» không hợp lệ: dài quá 20 ký tự.")
        assert outbox.summary(database).events == 0
    finally:
        database.dispose()

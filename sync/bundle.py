"""Sneakernet: the outbox written as one signed bundle file for a USB stick, and read back at the hub.

A bundle is a zip: `manifest.json` (device, office, events, blob hashes), `manifest.sig` (the device key's
Ed25519 signature over the manifest) and `blobs/<sha256>`; every blob is checked against its name."""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from counter_app.clock import now
from counter_app.errors import ValidationError
from counter_app.services import outbox
from counter_app.storage.blobs import write_atomically
from counter_app.storage.database import Database
from sync.protocol import PROTOCOL

MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
MAX_MANIFEST_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Bundle:
    device_id: uuid.UUID
    office_code: str
    events: list[dict[str, Any]]
    blobs: dict[str, bytes]


def export(db: Database, key: Ed25519PrivateKey, folder: Path) -> Path:
    """Write everything the hub has not acknowledged (all events above its mark, all unsent blobs)."""
    state = outbox.state(db)
    events = outbox.pending_events(db, limit=1_000_000)
    shas = [sha for sha, _ in outbox.summary_blobs(db)]
    manifest = json.dumps({"protocol": PROTOCOL, "device_id": str(db.device_id), "office_code": state.office_code,
                           "created": now().isoformat(), "events": events, "blobs": shas},
                          ensure_ascii=False).encode()
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest)
        archive.writestr(SIGNATURE, key.sign(manifest))
        for sha in shas:
            archive.writestr(f"blobs/{sha}", db.blobs.read(sha), compress_type=zipfile.ZIP_STORED)
    last = events[-1]["seq"] if events else state.acked_seq
    target = folder / f"counter-{db.device_id}-{last:08d}.bundle"
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(target, output.getvalue())
    return target


def read(path: Path, public_key_of: Any) -> Bundle:
    """The bundle at `path`, its signature checked with `public_key_of(device_id)` and each blob's hash."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest_bytes = _member(archive, MANIFEST)
            manifest = json.loads(manifest_bytes)
            device_id = uuid.UUID(str(manifest["device_id"]))
            key: Ed25519PublicKey = public_key_of(device_id)
            key.verify(_member(archive, SIGNATURE), manifest_bytes)
            blobs = {str(sha): _member(archive, f"blobs/{sha}") for sha in manifest["blobs"]}
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as error:
        raise ValidationError("bundle.invalid", reason=f"{type(error).__name__}: {error}"[:200]) from error
    except InvalidSignature as error:
        raise ValidationError("bundle.invalid", reason="chữ ký không đúng") from error
    for sha, data in blobs.items():
        if hashlib.sha256(data).hexdigest() != sha:
            raise ValidationError("bundle.invalid", reason=f"blob {sha[:12]}… hỏng")
    if manifest.get("protocol") != PROTOCOL:
        raise ValidationError("bundle.invalid", reason="giao thức khác")
    return Bundle(device_id, str(manifest.get("office_code", "")), list(manifest["events"]), blobs)


def apply_ack(db: Database, path: Path) -> outbox.SyncState:
    """Take the hub's acknowledgement file: events up to its mark, and the blobs it holds whole."""
    try:
        ack = json.loads(path.read_bytes())
        if ack.get("protocol") != PROTOCOL or uuid.UUID(str(ack["device_id"])) != db.device_id:
            raise ValueError("not this counter's acknowledgement")
        seq, blobs = int(ack["acknowledged_seq"]), [str(sha) for sha in ack["blobs_complete"]]
    except (OSError, KeyError, ValueError, TypeError) as error:
        raise ValidationError("bundle.invalid", reason=f"{type(error).__name__}: {error}"[:200]) from error
    for sha in blobs:
        outbox.acknowledge_blob(db, sha)
    return outbox.acknowledge_events(db, seq)


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_MANIFEST_BYTES:
        raise ValueError(f"{name} too large")
    return archive.read(info)

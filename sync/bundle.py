"""Sneakernet: the outbox written as one signed, sealed bundle file for a USB stick, read back at the hub,
and the hub's signed acknowledgement file carried back.

A bundle is a zip: `manifest.json` (device, office, events, blob hashes), `manifest.sig` (the device key's
Ed25519 signature over the manifest) and `blobs/<sha256>`; every blob is checked against its name. The zip
is sealed (libsodium sealed box) to the hub's public key learnt at enrolment, so a lost stick reveals no
citizen's data; only the hub can open it."""

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
from nacl.encoding import Base64Encoder
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from counter_app.clock import now
from counter_app.errors import ValidationError
from counter_app.services import outbox, refusals
from counter_app.storage.blobs import write_atomically
from counter_app.storage.database import Database
from sync.protocol import PROTOCOL, RefusedEvent

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
    if not state.hub_sealing_key:
        raise ValidationError("bundle.no_hub_key")
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
    sealed = SealedBox(PublicKey(state.hub_sealing_key.encode(), Base64Encoder)).encrypt(output.getvalue())
    write_atomically(target, sealed)
    return target


def read(path: Path, hub_key: PrivateKey, public_key_of: Any) -> Bundle:
    """The bundle at `path`, opened with the hub's key, its signature checked with `public_key_of(device_id)`
    and each blob's hash."""
    try:
        opened = SealedBox(hub_key).decrypt(path.read_bytes())
        with zipfile.ZipFile(io.BytesIO(opened)) as archive:
            manifest_bytes = _member(archive, MANIFEST)
            manifest = json.loads(manifest_bytes)
            device_id = uuid.UUID(str(manifest["device_id"]))
            key: Ed25519PublicKey = public_key_of(device_id)
            key.verify(_member(archive, SIGNATURE), manifest_bytes)
            blobs = {str(sha): _member(archive, f"blobs/{sha}") for sha in manifest["blobs"]}
    except CryptoError as error:
        raise ValidationError("bundle.invalid", reason="không mở được: gói không dành cho máy chủ này hoặc "
                                                       "đã bị sửa") from error
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


def signed_ack(ack: dict[str, Any], hub_key: SigningKey) -> bytes:
    """The acknowledgement file's bytes: the acknowledgement as JSON text and the hub's signature over it."""
    payload = json.dumps(ack, sort_keys=True)
    signature = hub_key.sign(payload.encode()).signature
    return json.dumps({"protocol": PROTOCOL, "ack": payload,
                       "signature": Base64Encoder.encode(signature).decode()}).encode()


def apply_ack(db: Database, path: Path) -> outbox.SyncState:
    """Take the hub's acknowledgement file, once its signature proves the hub wrote it (a forged one would
    make the counter forget data the hub never received): events up to its mark, and the blobs it holds."""
    hub_key = outbox.state(db).hub_signing_key
    if not hub_key:
        raise ValidationError("bundle.no_hub_key")
    try:
        envelope = json.loads(path.read_bytes())
        payload = str(envelope["ack"]).encode()
        VerifyKey(hub_key.encode(), Base64Encoder).verify(payload, Base64Encoder.decode(envelope["signature"]))
        ack = json.loads(payload)
        if ack.get("protocol") != PROTOCOL or uuid.UUID(str(ack["device_id"])) != db.device_id:
            raise ValueError("not this counter's acknowledgement")
        seq, blobs = int(ack["acknowledged_seq"]), [str(sha) for sha in ack["blobs_complete"]]
        refused = [RefusedEvent.model_validate(item).model_dump(mode="json") for item in ack.get("refused", [])]
    except BadSignatureError as error:
        raise ValidationError("bundle.invalid", reason="chữ ký của máy chủ tỉnh không đúng") from error
    except (OSError, KeyError, ValueError, TypeError, CryptoError) as error:
        raise ValidationError("bundle.invalid", reason=f"{type(error).__name__}: {error}"[:200]) from error
    if refused:
        refusals.record(db, refused)
    for sha in blobs:
        outbox.acknowledge_blob(db, sha)
    return outbox.acknowledge_events(db, seq)


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_MANIFEST_BYTES:
        raise ValueError(f"{name} too large")
    return archive.read(info)

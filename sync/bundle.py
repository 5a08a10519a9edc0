"""Sneakernet: the outbox written as one signed, sealed bundle file for a USB stick, read back at the hub,
and the hub's signed acknowledgement file carried back.

A bundle is a zip: `manifest.json` (device, office, events, blob hashes), `manifest.sig` (the device key's
Ed25519 signature over the manifest) and `blobs/<sha256>`; every blob is checked against its name. The file is
`CTRBNDL2`, a random stream key sealed (libsodium sealed box) to the hub's public key learnt at enrolment, then
the zip sealed with that key as a secretstream (`counter_app/protect/stream.py`), so a lost stick reveals no
citizen's data and only the hub can open it. Both sides stream: the zip is written blob by blob through the
cipher, and the hub opens it into a temporary file, checked whole before anything is taken, so memory stays
bounded whatever the scans weigh. A bundle of the first format (one sealed box) is still read."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from nacl.bindings import crypto_box_SEALBYTES
from nacl.encoding import Base64Encoder
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from counter_app.clock import now
from counter_app.errors import StorageError, ValidationError
from counter_app.protect.stream import KEY_BYTES, SealedWriter, decrypt_stream, new_key
from counter_app.services import outbox, refusals
from counter_app.storage.database import Database
from sync.protocol import PROTOCOL, RefusedEvent

MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
MAGIC = b"CTRBNDL2"
SEALED_KEY_BYTES = KEY_BYTES + crypto_box_SEALBYTES  # the stream key in a sealed box
MAX_LEGACY_BYTES = 512 * 1024 * 1024
COPY_CHUNK = 1 << 20


@dataclass(frozen=True)
class Bundle:
    """An opened, checked bundle: its events, and its blobs to stream from the archive one by one."""

    device_id: uuid.UUID
    office_code: str
    events: list[dict[str, Any]]
    blobs: tuple[str, ...]
    archive: zipfile.ZipFile

    def blob_size(self, sha: str) -> int:
        return self.archive.getinfo(f"blobs/{sha}").file_size

    def open_blob(self, sha: str) -> IO[bytes]:
        return self.archive.open(f"blobs/{sha}")


def export(db: Database, key: Ed25519PrivateKey, folder: Path) -> Path:
    """Write everything the hub has not acknowledged (all events above its mark, all unsent blobs), streamed
    blob by blob to the file (a temporary name until complete)."""
    state = outbox.state(db)
    if not state.hub_sealing_key:
        raise ValidationError("bundle.no_hub_key")
    events = outbox.pending_events(db, limit=1_000_000)
    shas = [sha for sha, _ in outbox.summary_blobs(db)]
    manifest = json.dumps({"protocol": PROTOCOL, "device_id": str(db.device_id), "office_code": state.office_code,
                           "created": now().isoformat(), "events": events, "blobs": shas},
                          ensure_ascii=False).encode()
    last = events[-1]["seq"] if events else state.acked_seq
    target = folder / f"counter-{db.device_id}-{last:08d}.bundle"
    folder.mkdir(parents=True, exist_ok=True)
    if target.exists() and not target.is_file():  # a device, pipe or folder is never written over
        raise StorageError("file.not_regular", path=str(target))
    stream_key = new_key()
    sealed_key = SealedBox(PublicKey(state.hub_sealing_key.encode(), Base64Encoder)).encrypt(stream_key)
    temporary = folder / f".{target.name}.part"
    try:
        with temporary.open("wb") as raw:
            raw.write(MAGIC + sealed_key)
            with SealedWriter(raw, stream_key) as sealed, zipfile.ZipFile(sealed, "w", zipfile.ZIP_DEFLATED) as out:
                out.writestr(MANIFEST, manifest)
                out.writestr(SIGNATURE, key.sign(manifest))
                for sha in shas:
                    _write_blob(db, sha, out)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _write_blob(db: Database, sha: str, archive: zipfile.ZipFile) -> None:
    """One blob into the archive (stored, scans do not deflate), checked against its name on the way."""
    digest = hashlib.sha256()
    member = zipfile.ZipInfo(f"blobs/{sha}", date_time=(1980, 1, 1, 0, 0, 0))
    with db.blobs.open(sha) as source, archive.open(member, "w", force_zip64=True) as target:  # opened if sealed
        while chunk := source.read(COPY_CHUNK):
            digest.update(chunk)
            target.write(chunk)
    if digest.hexdigest() != sha:
        raise StorageError("blob.corrupt", digest=sha)


@contextmanager
def opened(path: Path, hub_key: PrivateKey, public_key_of: Any, work_dir: Path) -> Iterator[Bundle]:
    """The bundle at `path`, opened with the hub's key into a temporary file in `work_dir`, its signature checked
    with `public_key_of(device_id)` and every blob's hash, before it is handed over."""
    with tempfile.TemporaryFile(dir=work_dir) as plain:
        try:
            _decrypt_into(path, hub_key, plain)
            with zipfile.ZipFile(plain) as archive:
                yield _checked(archive, public_key_of)
        except (CryptoError, StorageError) as error:
            raise ValidationError("bundle.invalid", reason="không mở được: gói không dành cho máy chủ này hoặc "
                                                           "đã bị sửa") from error
        except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as error:
            raise ValidationError("bundle.invalid", reason=f"{type(error).__name__}: {error}"[:200]) from error
        except InvalidSignature as error:
            raise ValidationError("bundle.invalid", reason="chữ ký không đúng") from error


def _decrypt_into(path: Path, hub_key: PrivateKey, plain: IO[bytes]) -> None:
    with path.open("rb") as source:
        head = source.read(len(MAGIC))
        if head != MAGIC:  # the first format: one sealed box, small enough to open in memory
            if path.stat().st_size > MAX_LEGACY_BYTES:
                raise ValueError("bundle of the first format too large")
            plain.write(SealedBox(hub_key).decrypt(head + source.read()))
        else:
            stream_key = SealedBox(hub_key).decrypt(source.read(SEALED_KEY_BYTES))
            decrypt_stream(source, plain, stream_key, path.name)  # type: ignore[arg-type]
    plain.seek(0)


def _checked(archive: zipfile.ZipFile, public_key_of: Any) -> Bundle:
    manifest_bytes = _member(archive, MANIFEST)
    manifest = json.loads(manifest_bytes)
    device_id = uuid.UUID(str(manifest["device_id"]))
    key: Ed25519PublicKey = public_key_of(device_id)
    key.verify(_member(archive, SIGNATURE), manifest_bytes)
    if manifest.get("protocol") != PROTOCOL:
        raise ValidationError("bundle.invalid", reason="giao thức khác")
    shas = tuple(str(sha) for sha in manifest["blobs"])
    for sha in shas:
        digest = hashlib.sha256()
        with archive.open(f"blobs/{sha}") as member:
            while chunk := member.read(COPY_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != sha:
            raise ValidationError("bundle.invalid", reason=f"blob {sha[:12]}… hỏng")
    return Bundle(device_id, str(manifest.get("office_code", "")), list(manifest["events"]), shas, archive)


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

"""Blob uploads over tus 1.0 (core, creation, checksum): addressed by the file's SHA-256, resumable from the
hub's offset, each chunk checked, and the whole file checked before the blob counts as arrived."""

from __future__ import annotations

import base64
import binascii
import hashlib

from fastapi import HTTPException

from counter_app.clock import now
from sync.hub.store import Blob, Device, HubStore
from sync.protocol import MAX_BLOB_BYTES

CHECKSUM_MISMATCH = 460  # tus checksum extension


def parse_metadata(header: str) -> dict[str, str]:
    """`Upload-Metadata: key base64,key base64` → {key: value}."""
    values = {}
    for pair in filter(None, (part.strip() for part in header.split(","))):
        key, _, encoded = pair.partition(" ")
        try:
            values[key] = base64.b64decode(encoded, validate=True).decode() if encoded else ""
        except (binascii.Error, UnicodeDecodeError) as error:
            raise HTTPException(400, f"Upload-Metadata value for {key!r} is not base64") from error
    return values


def create(store: HubStore, device: Device, length: int, sha256: str) -> Blob:
    """The office's upload of `sha256` (the same one again if it exists: creation is idempotent). Another
    office's upload of the same bytes is not looked at: what an office holds is not revealed."""
    if not 0 < length <= MAX_BLOB_BYTES:
        raise HTTPException(413, "Upload-Length out of range")
    with store.session() as session:
        blob = session.get(Blob, (device.office_code, sha256), with_for_update=True)
        if blob is None:
            blob = Blob(sha256=sha256, length=length, offset=0, complete=False, office_code=device.office_code,
                        created_at=now(), completed_at=None)
            session.add(blob)
        elif blob.length != length:
            raise HTTPException(409, "Upload-Length differs from the upload already under way")
        return blob


def status(store: HubStore, device: Device, sha256: str) -> Blob:
    with store.session() as session:
        blob = session.get(Blob, (device.office_code, sha256))
    if blob is None:
        raise HTTPException(404, "no such upload")
    return blob


def append(store: HubStore, device: Device, sha256: str, offset: int, chunk: bytes,
           checksum: str | None) -> tuple[Blob, bool]:
    """Write `chunk` at `offset` if it is where the hub is, after checking its checksum; False when the file
    was complete but did not hash to its name (the upload then restarts from zero)."""
    _check_chunk(chunk, checksum)
    with store.session() as session:
        blob = session.get(Blob, (device.office_code, sha256), with_for_update=True)
        if blob is None:
            raise HTTPException(404, "no such upload")
        if blob.complete:
            if offset == blob.length and not chunk:
                return blob, True
            raise HTTPException(409, "upload already complete")
        if offset != blob.offset:
            raise HTTPException(409, f"Upload-Offset {offset} is not the hub's {blob.offset}")
        if offset + len(chunk) > blob.length:
            raise HTTPException(413, "chunk goes past Upload-Length")
        if store.blobs.staged(blob.office_code, sha256) < offset:  # the partial file was lost: start again
            blob.offset = 0
            return blob, True
        store.blobs.stage(blob.office_code, sha256, offset, chunk)  # drops bytes past `offset` a crash left
        blob.offset = offset + len(chunk)
        return blob, blob.offset < blob.length or _finish(store, blob)


def _finish(store: HubStore, blob: Blob) -> bool:
    """The whole file must hash to its name; otherwise start again from zero."""
    if not store.blobs.promote(blob.office_code, blob.sha256):
        blob.offset = 0
        return False
    blob.complete, blob.completed_at = True, now()
    return True


def _check_chunk(chunk: bytes, checksum: str | None) -> None:
    if checksum is None:
        return
    algorithm, _, encoded = checksum.partition(" ")
    if algorithm.lower() != "sha256":
        raise HTTPException(400, "Upload-Checksum algorithm not supported (sha256 only)")
    try:
        expected = base64.b64decode(encoded, validate=True)
    except binascii.Error as error:
        raise HTTPException(400, "Upload-Checksum is not base64") from error
    if hashlib.sha256(chunk).digest() != expected:
        raise HTTPException(CHECKSUM_MISMATCH, "chunk checksum mismatch")

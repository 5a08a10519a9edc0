"""Sending one blob over tus 1.0 (core, creation, checksum): ask the hub where it is, then either stream the
rest in one PATCH (the hub keeps what arrives) or send checksummed chunks sized to the link; resume from the
hub's offset after any interruption."""

from __future__ import annotations

import base64
import hashlib
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx

from counter_app.errors import CounterError
from counter_app.storage.blobs import BlobStore
from sync.transport import Cancelled, HubClient, Refused, Transient

TUS = {"Tus-Resumable": "1.0.0"}
MIN_CHUNK, START_CHUNK, MAX_CHUNK = 16 * 1024, 64 * 1024, 4 * 1024 * 1024
STREAM_BLOCK = 64 * 1024
CHECKSUM_MISMATCH, MAX_RESTARTS = 460, 3
FAST_S, SLOW_S = 4.0, 15.0  # a chunk sent faster than this grows the next one; slower shrinks it


@dataclass
class UploadStats:
    sent: int = 0  # payload bytes put on the wire, re-sends included
    resumed_at: int = 0  # where the hub said to start, the first time we asked


class ChunkSizer:
    """Chunk size adapted to the link: doubled after quick chunks, halved after slow or failed ones."""

    def __init__(self, size: int = START_CHUNK) -> None:
        self.size = size

    def after(self, seconds: float | None) -> None:
        if seconds is None or seconds > SLOW_S:
            self.size = max(MIN_CHUNK, self.size // 2)
        elif seconds < FAST_S:
            self.size = min(MAX_CHUNK, self.size * 2)


def upload(hub: HubClient, blobs: BlobStore, sha256: str, sizer: ChunkSizer,
           on_progress: Callable[[int, int], None] | None = None) -> UploadStats:
    """Make the hub hold blob `sha256` whole (it checks the SHA-256 at the end); returns what it cost. The hub
    gets the plaintext (over TLS): it is the province's archive and must read the scans; a sealed blob is opened
    on the fly as it is sent."""
    if _digest(blobs, sha256) != sha256:
        raise CounterError("sync.blob_corrupt", sha256=sha256)
    length, stats, failures, restarts = blobs.size(sha256), UploadStats(), 0, 0
    offset = _create(hub, sha256, length)
    stats.resumed_at = offset
    with blobs.open(sha256) as file:
        while offset < length:
            file.seek(offset)
            chunk = file.read(sizer.size)
            started = time.monotonic()
            try:
                offset = _patch(hub, sha256, offset, chunk)
                sizer.after(time.monotonic() - started)
                failures = 0
            except (Transient, httpx.TransportError, Refused) as error:
                sizer.after(None)
                restarts += isinstance(error, Refused) and error.status == CHECKSUM_MISMATCH
                if restarts > MAX_RESTARTS:
                    raise
                failures += 1
                time.sleep(min(hub.wait_max, 0.1 * 2 ** failures) * random.uniform(0.5, 1.5))
                offset = _where(hub, sha256, length)  # the hub's offset is the truth
            stats.sent += len(chunk)
            if on_progress:
                on_progress(offset, length)
    return stats


def upload_streamed(hub: HubClient, blobs: BlobStore, sha256: str, abort: threading.Event | None = None,
                    on_progress: Callable[[int, int], None] | None = None) -> UploadStats:
    """Make the hub hold blob `sha256` whole in one PATCH that streams the rest of the file (no round trip between
    chunks); the hub keeps what arrives as it arrives, so after a cut line this asks where the hub got to and
    streams on from there. The whole file's SHA-256 is still checked at the end."""
    if _digest(blobs, sha256) != sha256:
        raise CounterError("sync.blob_corrupt", sha256=sha256)
    length, stats, failures, restarts = blobs.size(sha256), UploadStats(), 0, 0
    offset = stats.resumed_at = _create(hub, sha256, length)
    while offset < length:
        try:
            offset = _patch_stream(hub, blobs, sha256, offset, length, stats, abort or threading.Event())
            failures = 0
        except (Transient, httpx.TransportError, Refused) as error:
            restarts += isinstance(error, Refused) and error.status == CHECKSUM_MISMATCH
            if restarts > MAX_RESTARTS:
                raise
            failures += 1
            time.sleep(min(hub.wait_max, 0.1 * 2 ** failures) * random.uniform(0.5, 1.5))
            offset = _where(hub, sha256, length)
        if on_progress:
            on_progress(offset, length)
    return stats


def _patch_stream(hub: HubClient, blobs: BlobStore, sha256: str, offset: int, length: int, stats: UploadStats,
                  abort: threading.Event) -> int:
    def body() -> Iterator[bytes]:
        with blobs.open(sha256) as file:
            file.seek(offset)
            while block := file.read(STREAM_BLOCK):
                if abort.is_set() or hub.stop.is_set():
                    raise Cancelled("sync.cancelled")
                stats.sent += len(block)
                yield block

    response, _ = hub.call("PATCH", f"/v1/files/{sha256}", expect=(204,), content=body(), retry=False,
                           headers={**TUS, "Upload-Offset": str(offset), "Content-Length": str(length - offset),
                                    "Content-Type": "application/offset+octet-stream"})
    return _offset(response)


def _digest(blobs: BlobStore, sha256: str) -> str:
    digest = hashlib.sha256()
    with blobs.open(sha256) as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _where(hub: HubClient, sha256: str, length: int) -> int:
    """The hub's offset for this blob (after an interruption), creating the upload if it has none."""
    response, _ = hub.call("HEAD", f"/v1/files/{sha256}", expect=(200, 404), headers=TUS)
    return _offset(response) if response.status_code == 200 else _create(hub, sha256, length)


def _create(hub: HubClient, sha256: str, length: int) -> int:
    """Creation is idempotent at the hub (uploads are named by their SHA-256): one round trip says where
    an earlier attempt got to."""
    metadata = f"sha256 {_b64(sha256.encode())},filetype {_b64(b'application/pdf')}"
    response, _ = hub.call("POST", "/v1/files", expect=(201,),
                           headers={**TUS, "Upload-Length": str(length), "Upload-Metadata": metadata})
    return _offset(response)


def _patch(hub: HubClient, sha256: str, offset: int, chunk: bytes) -> int:
    checksum = f"sha256 {_b64(hashlib.sha256(chunk).digest())}"
    response, _ = hub.call("PATCH", f"/v1/files/{sha256}", expect=(204,), content=chunk, retry=False,
                           headers={**TUS, "Upload-Offset": str(offset), "Upload-Checksum": checksum,
                                    "Content-Type": "application/offset+octet-stream"})
    return _offset(response)


def _offset(response: httpx.Response) -> int:
    try:
        return int(response.headers["Upload-Offset"])
    except (KeyError, ValueError) as error:
        raise Transient("sync.unexpected_reply", status=response.status_code, detail="no Upload-Offset") from error


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()

"""Where the hub keeps files: one interface (`HubBlobs`) over uploads under way and finished blobs, with the
filesystem implementation (the hub's data folder); `sync.hub.s3blobs` speaks the S3 protocol."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from counter_app.errors import NotFound, StorageError
from counter_app.storage.blobs import copy_atomically, fsync_folder

READ_BLOCK = 1 << 20
BLOBS_ENV = "COUNTER_HUB_BLOBS"  # "s3://bucket/prefix" keeps them in object storage; unset: the data folder


class HubBlobs(Protocol):
    """Uploads under way are kept per office and hash (offices never share one); a finished blob is kept once
    per hash. The database (`hub_upload`) says which office holds which blob and how far an upload got."""

    def staged(self, office_code: str, sha256: str) -> int:
        """How many bytes of this office's upload of `sha256` are held (0 when none)."""
        ...

    def stage(self, office_code: str, sha256: str, offset: int, chunk: bytes) -> None:
        """Write `chunk` at `offset`, dropping whatever lay past it; durable when this returns."""
        ...

    def discard(self, office_code: str, sha256: str) -> None:
        """Forget the upload under way (missing is fine)."""
        ...

    def promote(self, office_code: str, sha256: str) -> bool:
        """Make the staged upload the blob `sha256` if its bytes hash to that; otherwise drop it and say False."""
        ...

    def put_file(self, sha256: str, source: Path) -> None:
        """Keep the file at `source` (already checked to hash to `sha256`) as that blob, read in blocks."""
        ...

    def exists(self, sha256: str) -> bool:
        ...

    def read_range(self, sha256: str, start: int, length: int) -> bytes:
        """`length` bytes of the blob from `start` (fewer at its end)."""
        ...

    def chunks(self, sha256: str) -> Iterator[bytes]:
        """The blob's bytes, a block at a time (NotFound when it is not there)."""
        ...

    def read(self, sha256: str) -> bytes:
        """The whole blob, checked against its hash (NotFound / StorageError "blob.corrupt")."""
        ...


def blobs_for(data_dir: Path, url: str | None = None) -> HubBlobs:
    """The store named by `url` (default: the environment's COUNTER_HUB_BLOBS), else the data folder's."""
    url = os.environ.get(BLOBS_ENV, "") if url is None else url
    if url.startswith("s3://"):
        from sync.hub.s3blobs import S3Blobs  # noqa: PLC0415 (boto3 only where it is used)

        return S3Blobs.from_url(url)
    if url:
        raise ValueError(f"{BLOBS_ENV} must be an s3://bucket/prefix URL, not {url!r}")
    return FileBlobs(data_dir)


def checked(sha256: str, blocks: Iterator[bytes]) -> bytes:
    """The blocks joined, or StorageError when they do not hash to `sha256`."""
    data = b"".join(blocks)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise StorageError("blob.corrupt", digest=sha256)
    return data


class FileBlobs:
    """Blobs under `root/blobs/ab/abcdef…`, uploads under way as `root/uploads/<office>-<sha>.part`."""

    def __init__(self, root: Path) -> None:
        self.blob_dir, self.upload_dir = root / "blobs", root / "uploads"
        for folder in (self.blob_dir, self.upload_dir):
            folder.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.blob_dir / sha256[:2] / sha256

    def _part(self, office_code: str, sha256: str) -> Path:
        return self.upload_dir / f"{office_code}-{sha256}.part"

    def staged(self, office_code: str, sha256: str) -> int:
        part = self._part(office_code, sha256)
        return part.stat().st_size if part.exists() else 0

    def stage(self, office_code: str, sha256: str, offset: int, chunk: bytes) -> None:
        with open(self._part(office_code, sha256), "ab+") as file:
            file.truncate(offset)
            file.seek(offset)
            file.write(chunk)
            file.flush()
            os.fsync(file.fileno())

    def discard(self, office_code: str, sha256: str) -> None:
        self._part(office_code, sha256).unlink(missing_ok=True)

    def promote(self, office_code: str, sha256: str) -> bool:
        part = self._part(office_code, sha256)
        digest = hashlib.sha256()
        with part.open("rb") as file:
            for block in iter(lambda: file.read(READ_BLOCK), b""):
                digest.update(block)
        if digest.hexdigest() != sha256:
            part.unlink(missing_ok=True)
            return False
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, target)  # fsynced as written; moved, not read into memory (a scan may be large)
        fsync_folder(target.parent)
        return True

    def put_file(self, sha256: str, source: Path) -> None:
        target = self.path(sha256)
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        with source.open("rb") as file:
            copy_atomically(target, file)

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def read_range(self, sha256: str, start: int, length: int) -> bytes:
        if not self.exists(sha256):
            raise NotFound("blob.missing", digest=sha256)
        with self.path(sha256).open("rb") as file:
            file.seek(start)
            return file.read(length)

    def chunks(self, sha256: str) -> Iterator[bytes]:
        if not self.exists(sha256):
            raise NotFound("blob.missing", digest=sha256)
        return self._blocks(self.path(sha256))

    @staticmethod
    def _blocks(path: Path) -> Iterator[bytes]:
        with path.open("rb") as file:
            yield from iter(lambda: file.read(READ_BLOCK), b"")

    def read(self, sha256: str) -> bytes:
        return checked(sha256, self.chunks(sha256))

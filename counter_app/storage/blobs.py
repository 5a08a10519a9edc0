"""Content-addressed file store: a file's name is the SHA-256 of its bytes; writes are atomic."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path

from counter_app.errors import NotFound, StorageError

_CHUNK = 1 << 20


class BlobStore:
    """Scans and signed PDFs under `root/ab/abcdef…`; rows hold the hash, never the path."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, digest: str) -> Path:
        return self.root / digest[:2] / digest

    def exists(self, digest: str) -> bool:
        return self.path(digest).is_file()

    def put(self, data: bytes) -> str:
        """Store `data` (once) and return its hash; a crash mid-write leaves no partial file behind."""
        digest = hashlib.sha256(data).hexdigest()
        if self.exists(digest) and _digest_of(self.path(digest)) == digest:
            return digest
        target = self.path(digest)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            write_atomically(target, data)
        except OSError as error:
            raise StorageError("storage.disk_full") from error
        return digest

    def read(self, digest: str) -> bytes:
        """The stored bytes, checked against their hash."""
        path = self.path(digest)
        if not path.is_file():
            raise NotFound("blob.missing", digest=digest)
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            raise StorageError("blob.corrupt", digest=digest)
        return data


def _digest_of(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def write_atomically(target: Path, data: bytes) -> None:
    """Replace `target` with `data` in one step (temp file, fsync, rename): never a half-written file.
    The file is private (0600). An existing device, pipe or folder at `target` is refused, never replaced."""
    _refuse_non_regular(target)
    fd, temp_name = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_folder(target.parent)


def _refuse_non_regular(target: Path) -> None:
    try:
        mode = target.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):  # a new file (or a folder that is a file: said when written)
        return
    except OSError as error:
        raise StorageError("file.not_regular", path=str(target)) from error
    if not stat.S_ISREG(mode):
        raise StorageError("file.not_regular", path=str(target))


def read_input(path: Path) -> bytes:
    """The bytes of a file given to read (a PDF to verify or import, a picture): a device, pipe or folder is
    refused before it is opened, since reading one would block or fill the memory."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise StorageError("file.not_regular_input", path=str(path))
        return path.read_bytes()
    except OSError as error:
        raise StorageError("file.unreadable", path=str(path), reason=error.strerror or "") from error


def fsync_folder(folder: Path) -> None:
    """Make a rename or removal in `folder` durable (POSIX; Windows commits it with the file)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

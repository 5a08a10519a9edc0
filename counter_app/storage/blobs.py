"""Content-addressed file store: a file's name is the SHA-256 of its bytes; writes are atomic; with a data key
every file is sealed (libsodium secretstream) and opened again on read."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from counter_app.errors import NotFound, StorageError

_CHUNK = 1 << 20


class BlobStore:
    """Scans and signed PDFs under `root/ab/abcdef…`; rows hold the hash (of the plaintext), never the path.
    With `key`, each file is sealed; without it (development, PostgreSQL offices without protection) plain."""

    def __init__(self, root: Path, key: bytes | None = None) -> None:
        self.root = root
        self.key = key

    def path(self, digest: str) -> Path:
        return self.root / digest[:2] / digest

    def exists(self, digest: str) -> bool:
        return self.path(digest).is_file()

    def put(self, data: bytes) -> str:
        """Store `data` (once) and return its hash; a crash mid-write leaves no partial file behind."""
        digest = hashlib.sha256(data).hexdigest()
        if self.exists(digest) and self._intact(digest):
            return digest
        target = self.path(digest)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            if self.key is None:
                write_atomically(target, data)
            else:
                seal_atomically(target, io.BytesIO(data), self.key)
        except OSError as error:
            raise StorageError("storage.disk_full") from error
        return digest

    def read(self, digest: str) -> bytes:
        """The stored bytes, checked against their hash."""
        with self.open(digest) as handle:
            data = handle.read()
        if hashlib.sha256(data).hexdigest() != digest:
            raise StorageError("blob.corrupt", digest=digest)
        return data

    @contextmanager
    def open(self, digest: str) -> Iterator[BinaryIO]:
        """The stored bytes as a file to stream from (opened on the fly when sealed; seekable either way).
        The caller checks the hash when it needs to (`read` does)."""
        path = self.path(digest)
        try:
            handle = path.open("rb")
        except (FileNotFoundError, NotADirectoryError):
            raise NotFound("blob.missing", digest=digest) from None
        with handle:
            if self.key is None:
                yield handle
                return
            from counter_app.protect.stream import SealedReader  # noqa: PLC0415 (libsodium: only when sealed)

            with io.BufferedReader(SealedReader(handle, self.key, name=digest)) as plain:
                yield plain

    def size(self, digest: str) -> int:
        """The plaintext's size, without reading it."""
        try:
            stored = self.path(digest).stat().st_size
        except (FileNotFoundError, NotADirectoryError):
            raise NotFound("blob.missing", digest=digest) from None
        if self.key is None:
            return stored
        from counter_app.protect.stream import plain_size  # noqa: PLC0415

        return plain_size(stored)

    def _intact(self, digest: str) -> bool:
        try:
            sha = hashlib.sha256()
            with self.open(digest) as handle:
                while chunk := handle.read(_CHUNK):
                    sha.update(chunk)
            return sha.hexdigest() == digest
        except StorageError:
            return False


def seal_atomically(target: Path, source: BinaryIO, key: bytes) -> None:
    """Replace `target` with `source` sealed with `key`, streamed, in one step (like `write_atomically`)."""
    from counter_app.protect.stream import encrypt_stream  # noqa: PLC0415

    _replace_atomically(target, lambda handle: encrypt_stream(source, handle, key))


def is_sealed_file(path: Path) -> bool:
    """Whether the file at `path` is sealed (starts as a sealed stream does)."""
    from counter_app.protect.stream import is_sealed  # noqa: PLC0415

    with path.open("rb") as handle:
        return is_sealed(handle.read(8))


def write_atomically(target: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace `target` with `data` in one step (temp file, fsync, rename): never a half-written file.
    The file is private (0600) unless `mode` says otherwise (an install folder's pointers, which every user of
    the PC reads). An existing device, pipe or folder at `target` is refused, never replaced."""
    _replace_atomically(target, lambda handle: handle.write(data), mode)


def copy_atomically(target: Path, source: BinaryIO) -> None:
    """Replace `target` with what `source` holds, streamed, in one step (like `write_atomically`)."""
    _replace_atomically(target, lambda handle: shutil.copyfileobj(source, handle, 1 << 20))


def _replace_atomically(target: Path, fill: Callable[[BinaryIO], object], mode: int = 0o600) -> None:
    _refuse_non_regular(target)
    fd, temp_name = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        if mode != 0o600:
            os.chmod(temp_name, mode)  # before the rename: no reader ever meets the private file
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
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

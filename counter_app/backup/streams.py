"""Files moved through the cipher in bounded memory, hashed on the way: a plain file sealed into the backup
(temporary name, fsync, rename) and a sealed file opened back into a plain one."""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from counter_app.protect import stream

READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class Sealed:
    """What the manifest records of one stored file: the plain bytes' size and hash, and the stored (sealed)
    bytes' size and hash, which verify checks without decrypting."""

    size: int
    sha256: str
    stored_size: int
    stored_sha256: str


class _Hashing:
    """A file object that hashes and counts what passes through it (reading or writing)."""

    def __init__(self, inner: BinaryIO) -> None:
        self.inner, self.hash, self.size = inner, hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        self.hash.update(data)
        self.size += len(data)
        return data

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        self.size += len(data)
        return self.inner.write(data)

    def flush(self) -> None:
        self.inner.flush()


def seal(source: Path, target: Path, key: bytes) -> Sealed:
    """Encrypt `source` into `target`; a crash or a pulled stick leaves at most a temporary file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.part")
    try:
        with source.open("rb") as raw_in, temporary.open("wb") as raw_out:
            plain, stored = _Hashing(raw_in), _Hashing(raw_out)
            stream.encrypt_stream(cast(BinaryIO, plain), cast(BinaryIO, stored), key)
            raw_out.flush()
            os.fsync(raw_out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return Sealed(plain.size, plain.hash.hexdigest(), stored.size, stored.hash.hexdigest())


def unseal(source: Path, target: Path, key: bytes) -> Sealed:
    """Decrypt `source` into `target` (created private); StorageError `sealed.*` on a wrong key or damage."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with source.open("rb") as raw_in, os.fdopen(descriptor, "wb") as raw_out:
        stored, plain = _Hashing(raw_in), _Hashing(raw_out)
        stream.decrypt_stream(cast(BinaryIO, stored), cast(BinaryIO, plain), key, source.name)
        raw_out.flush()
        os.fsync(raw_out.fileno())
    return Sealed(plain.size, plain.hash.hexdigest(), stored.size, stored.hash.hexdigest())


def digest(path: Path) -> tuple[int, str]:
    """(size, sha256) of a file, read in chunks."""
    sha, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            sha.update(chunk)
            size += len(chunk)
    return size, sha.hexdigest()

"""Sealed streams: any file encrypted with the data key (libsodium secretstream), chunk by chunk, in bounded memory.

A sealed file is `CTRSEAL1`, the chunk size (4 bytes, big-endian), an 8-byte key id, the 24-byte secretstream
header, then one authenticated message per chunk of plaintext; the last one carries the FINAL tag, so a file
cut short (a stick pulled mid-way) is refused, and so is a reordered, dropped or altered chunk. The preamble is
bound to every chunk as additional data. The key id (a keyed BLAKE2b of nothing) tells "another key" apart from
"damaged" without revealing the key.
"""

from __future__ import annotations

import hashlib
import io
import struct
from collections.abc import Iterator
from typing import BinaryIO, Final

from nacl import bindings as sodium
from nacl.exceptions import RuntimeError as SodiumError

from counter_app.errors import StorageError

MAGIC: Final = b"CTRSEAL1"
KEY_BYTES: Final = sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES
CHUNK: Final = 64 * 1024
_MAX_CHUNK: Final = 16 * 1024 * 1024
_ABYTES: Final = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_HEADER_BYTES: Final = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_PREAMBLE: Final = struct.Struct(">8sI8s")
_TAG_MESSAGE: Final = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL: Final = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL


def new_key() -> bytes:
    """A fresh random data key."""
    return sodium.crypto_secretstream_xchacha20poly1305_keygen()


def key_id(key: bytes) -> bytes:
    """8 bytes that name `key` (for "made with another key") and reveal nothing of it."""
    return hashlib.blake2b(b"counter sealed stream", key=key, digest_size=8).digest()


def is_sealed(head: bytes) -> bool:
    """Whether bytes read from the start of a file are a sealed stream's."""
    return head.startswith(MAGIC)


def overhead(size: int, chunk: int = CHUNK) -> int:
    """How many bytes sealing adds to `size` bytes of plaintext."""
    return _PREAMBLE.size + _HEADER_BYTES + max(1, -(-size // chunk)) * _ABYTES


def plain_size(sealed_size: int, chunk: int = CHUNK) -> int:
    """The plaintext's size of a sealed stream of `sealed_size` bytes made with `chunk`."""
    payload = sealed_size - _PREAMBLE.size - _HEADER_BYTES
    chunks = max(1, -(-payload // (chunk + _ABYTES)))
    return max(0, payload - chunks * _ABYTES)


class SealedWriter(io.RawIOBase):
    """A writable file object: what is written goes to `sink` sealed; `close()` writes the final chunk.
    Closing does not close `sink`. Leaving it without `close()` (an error) leaves a stream that reads as cut."""

    def __init__(self, sink: BinaryIO, key: bytes, chunk: int = CHUNK) -> None:
        super().__init__()
        _check_key(key)
        if not 0 < chunk <= _MAX_CHUNK:
            raise ValueError(f"chunk size {chunk} out of range")
        self._sink = sink
        self._chunk = chunk
        self._preamble = _PREAMBLE.pack(MAGIC, chunk, key_id(key))
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        header = sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, key)
        sink.write(self._preamble + header)
        self._pending = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.closed:
            raise ValueError("write to a closed SealedWriter")
        self._pending += data
        # keep at least one byte back: the last chunk must go out with the FINAL tag at close()
        while len(self._pending) > self._chunk:
            self._push(bytes(self._pending[: self._chunk]), _TAG_MESSAGE)
            del self._pending[: self._chunk]
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._push(bytes(self._pending), _TAG_FINAL)
            self._pending.clear()
            self._sink.flush()
        super().close()

    def _push(self, plain: bytes, tag: int) -> None:
        self._sink.write(
            sodium.crypto_secretstream_xchacha20poly1305_push(self._state, plain, self._preamble, tag)
        )


class SealedReader(io.RawIOBase):
    """A readable file object over a sealed `source`: plaintext, checked chunk by chunk. Raises StorageError
    `sealed.wrong_key` (another installation's key), `sealed.corrupt` (altered) or `sealed.truncated` (cut)."""

    def __init__(self, source: BinaryIO, key: bytes, name: str = "") -> None:
        super().__init__()
        _check_key(key)
        self._source, self._key, self._name = source, key, name
        self._start = source.tell() if source.seekable() else 0
        self._buffer, self._done, self._position = b"", False, 0
        self._rewind()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._source.seekable()

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Forward by opening and dropping what lies between; back by starting again from the beginning."""
        if whence == io.SEEK_CUR:
            offset += self._position
        elif whence == io.SEEK_END:
            here = self._source.tell()
            end = self._source.seek(0, io.SEEK_END)
            self._source.seek(here)
            offset += plain_size(end - self._start, self._chunk)
        if offset < self._position:
            self._source.seek(self._start)
            self._rewind()
        while self._position < offset and self.read(min(offset - self._position, 1 << 20)):
            pass
        return self._position

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buffer and not self._done:
            try:
                self._buffer = next(self._chunks)
            except StopIteration:
                self._done = True
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        self._position += size
        return size

    def _rewind(self) -> None:
        self._chunks, self._chunk = _open_chunks(self._source, self._key, self._name)
        self._buffer, self._done, self._position = b"", False, 0


def encrypt_stream(source: BinaryIO, sink: BinaryIO, key: bytes, chunk: int = CHUNK) -> int:
    """Seal everything `source` holds into `sink`; returns the plaintext's size. Memory: about two chunks."""
    total = 0
    with SealedWriter(sink, key, chunk) as writer:
        while block := source.read(chunk):
            writer.write(block)
            total += len(block)
    return total


def decrypt_stream(source: BinaryIO, sink: BinaryIO, key: bytes, name: str = "") -> int:
    """Write the plaintext of the sealed `source` into `sink`; returns its size. Raises StorageError when the
    stream was sealed with another key, altered or cut short; what went to `sink` before then is not to be used."""
    total = 0
    for plain in iter_plain(source, key, name):
        sink.write(plain)
        total += len(plain)
    return total


def iter_plain(source: BinaryIO, key: bytes, name: str = "") -> Iterator[bytes]:
    """The plaintext of the sealed `source`, one checked chunk at a time."""
    _check_key(key)
    return _open_chunks(source, key, name)[0]


def _open_chunks(source: BinaryIO, key: bytes, name: str) -> tuple[Iterator[bytes], int]:
    preamble = source.read(_PREAMBLE.size)
    if len(preamble) < _PREAMBLE.size or not is_sealed(preamble):
        raise StorageError("sealed.not_sealed", name=name)
    _magic, chunk, stored_id = _PREAMBLE.unpack(preamble)
    if stored_id != key_id(key):
        raise StorageError("sealed.wrong_key", name=name)
    if not 0 < chunk <= _MAX_CHUNK:
        raise StorageError("sealed.corrupt", name=name)
    header = source.read(_HEADER_BYTES)
    if len(header) < _HEADER_BYTES:
        raise StorageError("sealed.truncated", name=name)
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
    return _pull_chunks(source, state, preamble, chunk + _ABYTES, name), chunk


def _pull_chunks(
    source: BinaryIO, state: sodium.crypto_secretstream_xchacha20poly1305_state, preamble: bytes, size: int, name: str
) -> Iterator[bytes]:
    while True:
        sealed = _read_exactly(source, size)
        if len(sealed) < _ABYTES:
            raise StorageError("sealed.truncated", name=name)
        try:
            plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, sealed, preamble)
        except (SodiumError, ValueError) as error:
            raise StorageError("sealed.truncated" if len(sealed) < size else "sealed.corrupt", name=name) from error
        if tag == _TAG_FINAL:
            if source.read(1):
                raise StorageError("sealed.corrupt", name=name)
            if plain:
                yield plain
            return
        if len(sealed) < size:  # a short chunk that is not the final one: the stream was cut
            raise StorageError("sealed.truncated", name=name)
        yield plain


def _read_exactly(source: BinaryIO, size: int) -> bytes:
    parts: list[bytes] = []
    wanted = size
    while wanted:
        part = source.read(wanted)
        if not part:
            break
        parts.append(part)
        wanted -= len(part)
    return b"".join(parts)


def _check_key(key: bytes) -> None:
    if len(key) != KEY_BYTES:
        raise ValueError(f"a data key is {KEY_BYTES} bytes, got {len(key)}")

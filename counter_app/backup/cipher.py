"""The one stream cipher backups use: a file's bytes encrypted chunk by chunk (bounded memory), so that a
cut, reordered or altered chunk fails to decrypt. Interim adapter until the shared primitives land."""

from __future__ import annotations

from typing import Protocol

from nacl import bindings as sodium

CHUNK = 64 * 1024
_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


class DecryptError(Exception):
    """Wrong key, or a cut or altered stream."""


def encrypt(source: Readable, target: Writable, key: bytes) -> None:
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    target.write(sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key))
    chunk = source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        tag = _MESSAGE if following else _FINAL
        target.write(sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, None, tag))
        if not following:
            return
        chunk = following


def decrypt(source: Readable, target: Writable, key: bytes) -> None:
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    header = source.read(_HEADER)
    try:
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
        while block := source.read(CHUNK + _ABYTES):
            plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, block, None)
            target.write(plain)
            if tag == _FINAL:
                if source.read(1):
                    raise DecryptError("data after the final chunk")
                return
    except Exception as error:  # libsodium's own errors, bad lengths
        if isinstance(error, DecryptError):
            raise
        raise DecryptError(type(error).__name__) from error
    raise DecryptError("stream cut before its final chunk")

"""Sealed streams: what goes in comes out, in bounded memory; another key, an altered or a cut stream is refused."""

from __future__ import annotations

import io
import os
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.errors import StorageError
from counter_app.protect.stream import (
    CHUNK,
    SealedReader,
    SealedWriter,
    decrypt_stream,
    encrypt_stream,
    is_sealed,
    new_key,
    overhead,
    plain_size,
)

KEY = new_key()


def _seal(plain: bytes, chunk: int = CHUNK, key: bytes = KEY) -> bytes:
    sink = io.BytesIO()
    encrypt_stream(io.BytesIO(plain), sink, key, chunk)
    return sink.getvalue()


def _open(sealed: bytes, key: bytes = KEY) -> bytes:
    sink = io.BytesIO()
    decrypt_stream(io.BytesIO(sealed), sink, key, name="x")
    return sink.getvalue()


@settings(max_examples=60, deadline=None)
@given(plain=st.binary(max_size=5000), chunk=st.sampled_from([1, 7, 64, 1000, 4096]))
def test_round_trip_at_any_size_and_chunk(plain: bytes, chunk: int) -> None:
    sealed = _seal(plain, chunk)
    assert is_sealed(sealed)
    assert len(sealed) == len(plain) + overhead(len(plain), chunk)
    assert _open(sealed) == plain
    assert SealedReader(io.BytesIO(sealed), KEY).read() == plain


def test_sealed_bytes_hold_no_plaintext_and_differ_each_time() -> None:
    plain = b"%PDF-1.7 NGUY\xe1\xbb\x84N V\xc4\x82N \xc4\x90\xe1\xbb\xa8C " * 500
    first, second = _seal(plain), _seal(plain)
    assert b"NGUY" not in first and b"%PDF" not in first
    assert first != second  # a fresh header (nonce) per stream


def test_another_key_is_named_as_such() -> None:
    with pytest.raises(StorageError) as caught:
        _open(_seal(b"abc"), key=new_key())
    assert caught.value.key == "sealed.wrong_key"
    assert "khóa" in caught.value.message("vi")


@pytest.mark.parametrize("cut", [1, 20, 40, 60, CHUNK + 57, 2 * (CHUNK + 17) + 56])
def test_a_stream_cut_anywhere_is_refused(cut: int) -> None:
    sealed = _seal(os.urandom(3 * CHUNK))
    with pytest.raises(StorageError) as caught:
        _open(sealed[: len(sealed) - cut])
    assert caught.value.key in ("sealed.truncated", "sealed.not_sealed")


def test_a_stream_cut_at_a_chunk_boundary_is_refused() -> None:
    sealed = _seal(os.urandom(3 * CHUNK))
    first_two = 8 + 4 + 8 + 24 + 2 * (CHUNK + 17)
    with pytest.raises(StorageError) as caught:
        _open(sealed[:first_two])
    assert caught.value.key == "sealed.truncated"


@pytest.mark.parametrize("where", [30, 50, 100, CHUNK + 80])
def test_an_altered_byte_is_refused(where: int) -> None:
    sealed = bytearray(_seal(os.urandom(2 * CHUNK + 5)))
    sealed[where] ^= 0x01
    with pytest.raises(StorageError) as caught:
        _open(bytes(sealed))
    assert caught.value.key in ("sealed.corrupt", "sealed.wrong_key")


def test_bytes_after_the_final_chunk_are_refused() -> None:
    with pytest.raises(StorageError) as caught:
        _open(_seal(b"abc") + b"more")
    assert caught.value.key in ("sealed.corrupt", "sealed.truncated")
    with pytest.raises(StorageError) as caught:
        _open(_seal(b"x" * CHUNK * 2) + b"more")
    assert caught.value.key in ("sealed.corrupt", "sealed.truncated")


def test_a_plain_file_is_not_taken_for_a_sealed_one() -> None:
    with pytest.raises(StorageError) as caught:
        _open(b"%PDF-1.7 plain")
    assert caught.value.key == "sealed.not_sealed"


def test_a_writer_left_open_reads_as_cut() -> None:
    sink = io.BytesIO()
    writer = SealedWriter(sink, KEY, chunk=16)
    writer.write(b"x" * 100)
    with pytest.raises(StorageError) as caught:
        _open(sink.getvalue())
    assert caught.value.key == "sealed.truncated"


class _Zeros(io.RawIOBase):
    """`size` bytes of a repeating pattern, made as they are read."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        size = min(len(target), self.left)
        target[:size] = b"\x5a" * size
        self.left -= size
        return size


class _Discard(io.RawIOBase):
    def __init__(self) -> None:
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self.size += len(data)
        return len(data)


def test_large_streams_use_bounded_memory(tmp_path) -> None:
    size = 64 * 1024 * 1024
    sealed_path = tmp_path / "big.sealed"
    tracemalloc.start()
    with sealed_path.open("wb") as sink:
        assert encrypt_stream(io.BufferedReader(_Zeros(size)), sink, KEY) == size
    discard = _Discard()
    with sealed_path.open("rb") as source:
        assert decrypt_stream(source, discard, KEY) == size
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert discard.size == size
    assert peak < 2 * 1024 * 1024, f"peak {peak} bytes for a {size}-byte stream"


def test_a_reader_seeks_forward_and_back_and_knows_its_size() -> None:
    plain = os.urandom(3 * 1000 + 123)
    sealed = _seal(plain, chunk=1000)
    assert plain_size(len(sealed), 1000) == len(plain)
    reader = io.BufferedReader(SealedReader(io.BytesIO(sealed), KEY))
    reader.seek(2500)
    assert reader.read(600) == plain[2500:3100]
    reader.seek(10)
    assert reader.read(5) == plain[10:15]
    assert reader.seek(0, io.SEEK_END) == len(plain)
    assert plain_size(len(_seal(b"")), CHUNK) == 0

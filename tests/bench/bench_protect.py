"""Benchmark (not a test): what encryption at rest costs. Sealing and opening a 256 MiB stream (MB/s and peak
Python allocations), reading 200 scan-sized blobs plain and sealed, opening the database plain and under
SQLCipher, and a search over 500 dossiers in each; the machine's load is printed beside the figures."""

from __future__ import annotations

import io
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

from counter_app.protect.stream import decrypt_stream, encrypt_stream, new_key
from counter_app.services import queries
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.storage.database import Database
from tests.conftest import OFFICE
from tests.samples import DUC, TTHN


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def _streams(size: int = 256 * 1024 * 1024) -> None:
    key, plain = new_key(), os.urandom(4 * 1024 * 1024)
    with tempfile.TemporaryDirectory() as folder:
        sealed = Path(folder) / "sealed"
        tracemalloc.start()
        started = time.perf_counter()
        with sealed.open("wb") as sink:
            encrypt_stream(io.BufferedReader(_Repeat(plain, size)), sink, key)  # type: ignore[arg-type]
        sealing = time.perf_counter() - started
        started = time.perf_counter()
        with sealed.open("rb") as source:
            decrypt_stream(source, _Null(), key)  # type: ignore[arg-type]
        opening = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    mb = size / 1e6
    print(f"seal {mb / sealing:.0f} MB/s, open {mb / opening:.0f} MB/s over {mb:.0f} MB; "
          f"peak Python allocations {peak / 1e6:.1f} MB ({_load()})")


class _Repeat(io.RawIOBase):
    def __init__(self, block: bytes, size: int) -> None:
        self.block, self.left = block, size

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        size = min(len(target), self.left, len(self.block))
        target[:size] = self.block[:size]
        self.left -= size
        return size


class _Null(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        return len(data)


def _database(key: bytes | None, dossiers: int = 500) -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        database = Database.open(Path(folder), key=key)
        initialise(database, OFFICE)
        opened = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(dossiers):
            intake(database, IntakeRequest(TTHN, DUC), "clerk")
        writing = time.perf_counter() - started
        blobs = [database.blobs.put(b"%PDF-1.7\n" + os.urandom(300_000)) for _ in range(200)]
        started = time.perf_counter()
        for digest in blobs:
            database.blobs.read(digest)
        reading = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(20):
            queries.search(database, "nguyen van duc", limit=50)
        searching = (time.perf_counter() - started) / 20
        database.dispose()
    kind = "SQLCipher + sealed" if key else "plain"
    print(f"{kind:>18}: create+migrate {opened:.2f} s, {dossiers} intakes {writing:.1f} s, "
          f"200 × 300 KB blobs read {reading:.2f} s, search {searching * 1000:.1f} ms ({_load()})")


if __name__ == "__main__":
    _streams()
    for _ in range(2):  # alternated: the machine's load moves between runs
        _database(None)
        _database(new_key())

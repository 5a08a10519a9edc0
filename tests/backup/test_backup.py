"""Backup, verify and restore through the command line, on a real data folder and real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter_app.backup.check import verify
from counter_app.backup.commands import run_and_record
from counter_app.backup.make import BackupResult
from counter_app.backup.restore import restore
from counter_app.errors import ValidationError
from counter_app.services.documents import file_copy
from counter_app.services.queries import search
from counter_app.storage.database import Database
from tests.e2e.test_cli import run
from tests.sync.workload import scanned_pdf


def backup(counter: Path, stick: Path, *extra: str) -> dict[str, object]:
    return dict(json.loads(run(counter, "backup", "--to", str(stick), "--json", *extra).stdout))


def blob_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (folder / "blobs").glob("??/*") if p.is_file()}


def codes(folder: Path) -> list[str]:
    database = Database.open(folder)
    try:
        return sorted(str(d.code) for d in search(database, "cong dan"))
    finally:
        database.dispose()


def backup_here(counter: Path, stick: Path, keep: int = 7) -> BackupResult:
    """The same backup in this process (the command line's own test is above)."""
    database = Database.open(counter)
    try:
        return run_and_record(database, stick, keep)
    finally:
        database.dispose()


def test_backup_verify_restore_round_trip(counter: Path, stick: Path, tmp_path: Path) -> None:
    made = backup(counter, stick)
    assert made["blobs"] == made["blobs_new"] == 3
    verified = run(counter, "backup", "verify", str(stick))
    assert "nguyên vẹn (6 hồ sơ" in verified.stdout
    everything = b"".join(p.read_bytes() for p in stick.rglob("*") if p.is_file())
    assert "Công dân".encode() not in everything  # the snapshot is sealed
    for data in blob_files(counter).values():
        assert data[4000:4100] not in everything  # and so is every scan

    restored = tmp_path / "restored"
    result = json.loads(run(restored, "restore", str(stick), "--key-file", str(counter / "backup.key"),
                            "--json").stdout)
    assert result["dossiers"] == 6 and result["blobs"] == 3
    assert blob_files(restored) == blob_files(counter)
    assert codes(restored) == codes(counter)
    database = Database.open(restored)
    try:
        assert database.device_id == Database.open(counter).device_id  # the installation's identity came back
    finally:
        database.dispose()


def test_restore_refuses_a_folder_that_holds_data(counter: Path, stick: Path) -> None:
    backup_here(counter, stick)
    before = sorted(p.relative_to(counter) for p in counter.rglob("*"))
    with pytest.raises(ValidationError) as refused:
        restore(stick, counter, (counter / "backup.key").read_bytes())
    assert "đã có dữ liệu" in refused.value.message("vi")
    assert sorted(p.relative_to(counter) for p in counter.rglob("*")) == before


def test_incremental_generations_and_pruning(counter: Path, stick: Path) -> None:
    first = backup_here(counter, stick, keep=2)
    database = Database.open(counter)
    try:
        file_copy(database, codes(counter)[-1], "1", scanned_pdf(1, 99), 1, "anh")
    finally:
        database.dispose()
    second = backup_here(counter, stick, keep=2)
    assert (second.blobs, second.blobs_new) == (4, 1)  # only the new scan was copied
    third = backup_here(counter, stick, keep=2)
    assert third.blobs_new == 0
    assert third.pruned == (first.generation,)
    root = Path(third.root)
    assert sorted(p.name for p in root.iterdir() if p.name != "blobs") == [second.generation, third.generation]
    assert len(list((root / "blobs").glob("*/*.bin"))) == 4  # the pool still holds what they name
    report = verify(stick, (counter / "backup.key").read_bytes())
    assert [g.ok for g in report.generations] == [True, True]


def test_another_key_opens_nothing(counter: Path, stick: Path, tmp_path: Path) -> None:
    backup_here(counter, stick)
    report = verify(stick, bytes(32))
    assert report.failed
    assert report.generations[0].problems[0].text("vi").startswith("bảng kê không khớp khóa")
    with pytest.raises(ValidationError) as refused:
        restore(stick, tmp_path / "new", bytes(32))
    assert refused.value.key == "backup.no_good_generation"
    assert not (tmp_path / "new").exists()

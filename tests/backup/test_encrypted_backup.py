"""An encrypted installation (SQLCipher database, sealed scans): its backup is taken online from the SQLCipher
file, holds nothing in clear, and restores on a new PC with the office password or the recovery code alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from counter_app.backup.commands import run_and_record
from counter_app.model import Person
from counter_app.protect import access, keyfile
from counter_app.protect.recovery import encode
from counter_app.services.documents import file_copy
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.services.queries import search
from counter_app.storage.database import Database
from tests.conftest import OFFICE
from tests.e2e.test_cli import run
from tests.sync.workload import PROCEDURE, scanned_pdf

PASSWORD = "mật-khẩu-văn-phòng"


@pytest.fixture
def encrypted(tmp_path: Path) -> tuple[Path, bytes]:
    folder = tmp_path / "counter"
    key = access.set_up(folder, PASSWORD, keyfile.CHEAP_TEST_KDF, use_keyring=False)
    database = Database.open(folder, key=key)
    try:
        initialise(database, OFFICE)
        code = str(intake(database, IntakeRequest(PROCEDURE, Person("Nguyễn Văn Đức", "001090123456")), "anh").code)
        file_copy(database, code, "1", scanned_pdf(1, 7), 1, "anh")
    finally:
        database.dispose()
    return folder, key


def test_an_encrypted_folder_backs_up_and_restores_with_the_office_password(encrypted: tuple[Path, bytes],
                                                                             tmp_path: Path) -> None:
    folder, key = encrypted
    stick = tmp_path / "usb"
    stick.mkdir()
    database = Database.open(folder, key=key)
    try:
        made = run_and_record(database, stick, 3)
    finally:
        database.dispose()
    everything = b"".join(p.read_bytes() for p in stick.rglob("*") if p.is_file())
    assert "Nguyễn Văn Đức".encode() not in everything and b"SQLite format 3" not in everything
    assert (Path(made.root) / made.generation / "protect.json").is_file()  # wrapped: only the password opens it

    password_file = tmp_path / "password.txt"
    password_file.write_text("sai-mật-khẩu-rồi\n")
    wrong = run(tmp_path / "new-pc", "restore", str(stick), "--password-file", str(password_file), check=False)
    assert wrong.returncode == 2 and not (tmp_path / "new-pc" / "counter.sqlite3").exists()
    password_file.write_text(PASSWORD + "\n")
    run(tmp_path / "new-pc", "restore", str(stick), "--password-file", str(password_file))
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "new-pc" / "counter.sqlite3").execute("SELECT * FROM dossier").fetchall()
    restored = Database.open(tmp_path / "new-pc", key=keyfile.unwrap(keyfile.load(tmp_path / "new-pc"), PASSWORD))
    try:
        assert [d.applicant_name for d in search(restored, "nguyen van duc")] == ["Nguyễn Văn Đức"]
        assert len(list((tmp_path / "new-pc" / "blobs").glob("??/*"))) == 1
    finally:
        restored.dispose()

    run(tmp_path / "other-pc", "restore", str(stick), "--recovery-code", encode(key))
    assert (tmp_path / "other-pc" / "counter.sqlite3").exists()

"""A backup of an encrypted folder (the backup package's own run and restore): the snapshot is taken through
SQLCipher, and the restored folder opens with the same data key, scans intact."""

from __future__ import annotations

from pathlib import Path

from counter_app.backup import keys, make
from counter_app.backup.restore import restore
from counter_app.protect import keyfile
from counter_app.services import queries
from counter_app.storage.database import Database
from tests.protect.helpers import dossier_with_scan, encrypted_folder


def test_an_encrypted_folder_backs_up_and_restores_under_its_key(tmp_path: Path) -> None:
    database, key = encrypted_folder(tmp_path / "data")
    code, pdf, sha = dossier_with_scan(database)
    backup_key = keys.for_installation(database.data_dir)
    make.run(database, tmp_path / "usb", backup_key, keep=3)
    database.dispose()
    restore(tmp_path / "usb", tmp_path / "restored", backup_key.key)
    assert keyfile.load(tmp_path / "restored") == keyfile.load(tmp_path / "data")  # the wrapped key came along
    reopened = Database.open(tmp_path / "restored", key=key)
    try:
        assert [found.code for found in queries.search(reopened, "nguyen van duc")] == [code]
        assert reopened.blobs.read(sha) == pdf
    finally:
        reopened.dispose()

"""An encrypted data folder: the database is SQLCipher's (plain sqlite3 cannot open it, no citizen name inside),
blobs are sealed, search works, and nothing opens without the key or with a wrong password."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from counter_app.errors import AuthError
from counter_app.protect import access, keyfile
from counter_app.protect.keyfile import CHEAP_TEST_KDF
from counter_app.protect.stream import new_key
from counter_app.services import queries
from counter_app.services.documents import copies, read_copy
from counter_app.storage.database import SQLITE_FILE, Database
from tests.protect.helpers import PASSWORD, dossier_with_scan, encrypted_folder


def _all_bytes(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def test_database_is_unreadable_without_the_key_and_holds_no_name_in_clear(tmp_path: Path) -> None:
    database, _key = encrypted_folder(tmp_path)
    code, _pdf, _sha = dossier_with_scan(database)
    assert [found.code for found in queries.search(database, "nguyen van duc")] == [code]  # FTS5 inside SQLCipher
    assert [found.code for found in queries.search(database, "001090123456")] == [code]
    database.dispose()
    stored = _all_bytes(tmp_path)  # the database, its -wal, the blobs, the key file
    for clear in ("Nguyễn Văn Đức", "NGUYỄN", "nguyen van duc", "001090123456", "0912345678", "Đông Hòa"):
        assert clear.encode("utf-8") not in stored, clear
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(tmp_path / SQLITE_FILE).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_a_blob_file_holds_none_of_its_pdf_and_reads_back_whole(tmp_path: Path) -> None:
    database, _key = encrypted_folder(tmp_path)
    code, pdf, sha = dossier_with_scan(database)
    stored = database.blobs.path(sha).read_bytes()
    assert b"%PDF" not in stored and b"NGUYEN VAN DUC" not in stored
    assert not any(pdf[i: i + 32] in stored for i in range(0, len(pdf) - 32, 16))
    assert read_copy(database, copies(database, code)[0]) == pdf
    assert database.blobs.size(sha) == len(pdf)
    database.dispose()


def test_without_the_key_or_with_another_nothing_opens(tmp_path: Path) -> None:
    database, _key = encrypted_folder(tmp_path)
    database.dispose()
    with pytest.raises(AuthError) as locked:
        Database.open(tmp_path)
    assert locked.value.key == "protect.locked"
    assert "mật khẩu văn phòng" in locked.value.message("vi")
    with pytest.raises(AuthError) as other:
        Database.open(tmp_path, key=new_key())
    assert other.value.key == "protect.wrong_key"


def test_a_wrong_password_opens_nothing_and_says_so(tmp_path: Path) -> None:
    database, _key = encrypted_folder(tmp_path)
    database.dispose()
    before = _all_bytes(tmp_path)
    with pytest.raises(AuthError) as wrong:
        access.unlock(tmp_path, "mật khẩu sai 2026", use_keyring=False)
    assert wrong.value.message("vi").startswith("Sai mật khẩu văn phòng; dữ liệu chưa được mở")
    assert _all_bytes(tmp_path) == before


def test_changing_the_password_rewraps_the_key_and_leaves_the_data_alone(tmp_path: Path) -> None:
    database, key = encrypted_folder(tmp_path)
    code, pdf, sha = dossier_with_scan(database)
    database.dispose()
    data_before = (tmp_path / SQLITE_FILE).read_bytes(), database.blobs.path(sha).read_bytes()
    access.change_password(tmp_path, key, "mật khẩu mới 2027", CHEAP_TEST_KDF)
    assert ((tmp_path / SQLITE_FILE).read_bytes(), database.blobs.path(sha).read_bytes()) == data_before
    with pytest.raises(AuthError):
        access.unlock(tmp_path, PASSWORD, use_keyring=False)
    reopened = Database.open(tmp_path, key=access.unlock(tmp_path, "mật khẩu mới 2027", use_keyring=False))
    assert queries.get_dossier(reopened, code).applicant.full_name == "Nguyễn Văn Đức"
    assert reopened.blobs.read(sha) == pdf
    reopened.dispose()


def test_the_recovery_code_sets_a_new_password_when_the_old_one_is_lost(tmp_path: Path) -> None:
    from counter_app.protect.recovery import encode  # noqa: PLC0415

    database, key = encrypted_folder(tmp_path)
    database.dispose()
    code = encode(key)
    typed = code.lower().replace("-", " ").replace("0", "o")  # as a clerk might type it
    assert access.recover(tmp_path, typed, "mật khẩu sau khôi phục", CHEAP_TEST_KDF, use_keyring=False) == key
    assert access.unlock(tmp_path, "mật khẩu sau khôi phục", use_keyring=False) == key
    with pytest.raises(AuthError) as other:
        access.recover(tmp_path, encode(new_key()), "mật khẩu khác 2026", CHEAP_TEST_KDF, use_keyring=False)
    assert other.value.key == "protect.recovery_other_key"


def test_a_mistyped_recovery_code_is_caught_by_its_checksum() -> None:
    from counter_app.errors import ValidationError  # noqa: PLC0415
    from counter_app.protect.recovery import decode, encode  # noqa: PLC0415

    code = encode(new_key())
    wrong = code[:3] + ("A" if code[3] != "A" else "B") + code[4:]
    with pytest.raises(ValidationError) as caught:
        decode(wrong)
    assert caught.value.key == "protect.recovery_checksum"
    with pytest.raises(ValidationError):
        decode(code[:-6])


def test_a_short_password_is_refused_at_set_up(tmp_path: Path) -> None:
    from counter_app.errors import ValidationError  # noqa: PLC0415

    with pytest.raises(ValidationError) as short:
        access.set_up(tmp_path, "ngắn", CHEAP_TEST_KDF, use_keyring=False)
    assert short.value.key == "protect.password_short"
    assert keyfile.load(tmp_path) is None


def test_the_production_kdf_costs_what_its_comment_says() -> None:
    import time  # noqa: PLC0415

    started = time.monotonic()
    sealed = keyfile.wrap(new_key(), PASSWORD)
    elapsed = time.monotonic() - started
    assert sealed.kdf == keyfile.PRODUCTION_KDF and sealed.kdf.mem == 256 * 1024 * 1024
    print(f"argon2id {sealed.kdf.ops} passes × 256 MiB: {elapsed:.2f} s")

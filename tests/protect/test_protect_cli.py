"""`counter-app` on an encrypted folder: a new folder is encrypted by default, the password comes from a file or
the environment, a wrong or missing one opens nothing and says so in Vietnamese, `protect …` commands."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from counter_app.cli import main
from counter_app.protect import keyfile
from counter_app.storage.database import SQLITE_FILE
from tests.protect.helpers import PASSWORD

INIT = ["init", "--office-code", "000.00.12.H12", "--office-name", "Trung tâm Phục vụ hành chính công xã Tân Hòa",
        "--place-name", "Tân Hòa"]
INTAKE = ["intake", "--procedure", "1.004873", "--name", "Trần Thị Hồng", "--id-number", "079195000123"]


@pytest.fixture
def encrypted_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The app as installed: no development switch; the password in a file (wrapped at the cheap test cost)."""
    monkeypatch.setattr(keyfile, "kdf_for_new_wraps", lambda: keyfile.CHEAP_TEST_KDF)
    monkeypatch.delenv("COUNTER_DEV_UNENCRYPTED", raising=False)
    monkeypatch.delenv("COUNTER_PASSWORD", raising=False)
    password_file = tmp_path / "password.txt"
    password_file.write_text(PASSWORD + "\n", "utf-8")
    monkeypatch.setenv("COUNTER_PASSWORD_FILE", str(password_file))
    return tmp_path / "data"


def _run(folder: Path, *arguments: str) -> int:
    return main(["--data-dir", str(folder), *arguments])


def test_a_new_folder_is_encrypted_and_needs_the_password(encrypted_by_default: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = encrypted_by_default
    assert _run(folder, *INIT) == 0
    assert "Mã khôi phục" in capsys.readouterr().err
    assert keyfile.load(folder) is not None and keyfile.load(folder).encrypted  # type: ignore[union-attr]
    assert _run(folder, "--json", *INTAKE) == 0
    code = json.loads(capsys.readouterr().out)["code"]
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(folder / SQLITE_FILE).execute("SELECT 1 FROM sqlite_master").fetchone()
    assert "Trần Thị Hồng".encode() not in (folder / SQLITE_FILE).read_bytes()

    monkeypatch.setenv("COUNTER_PASSWORD", "mật khẩu sai hoàn toàn")
    monkeypatch.delenv("COUNTER_PASSWORD_FILE")
    assert _run(folder, "dossier", "show", code) == 2
    assert "Sai mật khẩu văn phòng; dữ liệu chưa được mở" in capsys.readouterr().err
    monkeypatch.delenv("COUNTER_PASSWORD")
    assert _run(folder, "dossier", "show", code) == 2
    assert "Cần mật khẩu văn phòng" in capsys.readouterr().err
    wrong = folder.parent / "wrong.txt"
    wrong.write_text("không phải mật khẩu\n", "utf-8")
    assert _run(folder, "--password-file", str(wrong), "dossier", "show", code) == 2
    assert "Sai mật khẩu" in capsys.readouterr().err


def test_protect_commands_change_password_and_recover(encrypted_by_default: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = encrypted_by_default
    assert _run(folder, *INIT) == 0
    recovery = capsys.readouterr().err.rsplit(": ", 1)[1].strip()
    assert _run(folder, "--json", "protect", "status") == 0
    assert json.loads(capsys.readouterr().out)["mode"] == "encrypted"
    new = folder.parent / "new.txt"
    new.write_text("mật khẩu mới của văn phòng\n", "utf-8")
    wrapped_before = (folder / "protect.json").read_text()
    assert _run(folder, "protect", "change-password", "--new-password-file", str(new)) == 0
    assert "Đã đổi mật khẩu" in capsys.readouterr().out
    assert (folder / "protect.json").read_text() != wrapped_before
    assert _run(folder, "catalogue", "list") == 2  # the old password no longer opens it
    assert "Sai mật khẩu" in capsys.readouterr().err
    assert _run(folder, "--password-file", str(new), "catalogue", "list") == 0
    capsys.readouterr()

    again = folder.parent / "again.txt"
    again.write_text("mật khẩu thứ ba 2026\n", "utf-8")
    assert _run(folder, "protect", "recover", "--code", recovery, "--new-password-file", str(again)) == 0
    assert "mã khôi phục" in capsys.readouterr().out
    assert _run(folder, "--password-file", str(again), "catalogue", "list") == 0
    sheet = folder.parent / "sheet.pdf"
    assert _run(folder, "--password-file", str(again), "protect", "recovery-sheet", str(sheet)) == 0
    assert sheet.read_bytes().startswith(b"%PDF")


def test_the_development_switch_keeps_a_new_folder_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COUNTER_DEV_UNENCRYPTED", "1")
    assert _run(tmp_path, *INIT) == 0
    assert keyfile.load(tmp_path) == keyfile.KeyFile(keyfile.PLAIN_DEVELOPMENT)
    assert sqlite3.connect(tmp_path / SQLITE_FILE).execute("SELECT count(*) FROM office").fetchone()[0] == 1
    monkeypatch.delenv("COUNTER_DEV_UNENCRYPTED")
    assert _run(tmp_path, "catalogue", "list") == 0  # a plain folder stays plain, without asking
    assert capsys.readouterr().err == ""

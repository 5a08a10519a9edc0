"""The GUI on encrypted data: the first launch chooses the office password and saves the recovery sheet; a later
start without the key in a keyring asks for the password, and a wrong one opens nothing and says so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from counter_app.protect import keyfile
from counter_app.storage.database import SQLITE_FILE
from ui import i18n
from ui.main_window import MainWindow
from ui.office_password import LOCKED, NEW

PASSWORD = "mật khẩu văn phòng 2026"


@pytest.fixture(autouse=True)
def installed_app(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    """No development switch (as installed), the cheap test KDF, Vietnamese screens, message boxes answered."""
    monkeypatch.delenv("COUNTER_DEV_UNENCRYPTED", raising=False)
    monkeypatch.setattr(keyfile, "kdf_for_new_wraps", lambda: keyfile.CHEAP_TEST_KDF)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: QMessageBox.StandardButton.Ok)
    translators = i18n.install(qapp, "vi")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _window(qtbot: QtBot, tmp_path: Path, opened: list[Path]) -> MainWindow:
    settings = QSettings(str(tmp_path / "counter.ini"), QSettings.Format.IniFormat)
    main = MainWindow(tmp_path / "data", settings=settings, opener=opened.append)
    main.sheet_folder = tmp_path / "documents"
    qtbot.add_widget(main)
    main.show()
    main.start()
    return main


def _wait_for_dialog(qtbot: QtBot, main: MainWindow) -> None:
    qtbot.waitUntil(lambda: main.password_dialog is not None and main.password_dialog.isVisible(), timeout=20000)


def test_first_launch_encrypts_and_a_later_start_needs_the_password(qtbot: QtBot, tmp_path: Path) -> None:
    opened: list[Path] = []
    first = _window(qtbot, tmp_path, opened)
    _wait_for_dialog(qtbot, first)
    dialog = first.password_dialog
    assert dialog is not None and dialog.mode == NEW
    assert first.login_dialog is not None and first.login_dialog.database is None
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD + "x")
    dialog.submit()
    assert dialog.message.text() == "Hai lần gõ mật khẩu không giống nhau."
    assert dialog.password.text() == dialog.again.text() == ""  # typed again, both
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: first.database is not None or dialog.button.isEnabled(), timeout=20000)
    assert first.database is not None, dialog.message.text()
    assert opened and opened[0].parent == tmp_path / "documents" and opened[0].read_bytes().startswith(b"%PDF")
    assert keyfile.load(tmp_path / "data").encrypted  # type: ignore[union-attr]
    first.close()
    assert b"SQLite format 3" not in (tmp_path / "data" / SQLITE_FILE).read_bytes()[:16]

    viewed = tmp_path / "data" / "opened" / "000.00.12.H12-261201-0001-01.pdf"  # left for the viewer last time
    viewed.parent.mkdir()
    viewed.write_bytes(b"%PDF-1.7 plaintext")
    second = _window(qtbot, tmp_path, [])
    _wait_for_dialog(qtbot, second)
    dialog = second.password_dialog
    assert dialog is not None and dialog.mode == LOCKED  # the tests' keyring holds nothing
    dialog.password.setText("mật khẩu không đúng")
    dialog.submit()
    qtbot.waitUntil(lambda: "Sai mật khẩu" in dialog.message.text(), timeout=20000)
    assert dialog.message.text().startswith("Sai mật khẩu văn phòng; dữ liệu chưa được mở")
    assert second.database is None and dialog.isVisible()
    second.grab().save(str(tmp_path / "wrong-password.png"))
    dialog.password.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: second.database is not None, timeout=20000)
    assert second.password_dialog is None
    assert not viewed.exists()  # no plaintext copy outlives the session that viewed it
    second.close()

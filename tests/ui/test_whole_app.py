"""The whole window as a clerk meets it: sidebar sections, no English Qt text anywhere in the Vietnamese UI, and
every list refreshing by itself after an intake elsewhere or a sync round."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from counter_app.lifecycle import Action
from counter_app.model import Person
from counter_app.paths import resources_dir
from counter_app.services.intake import IntakeRequest, intake
from sync.client import RoundReport
from tests.ui.conftest import PASSWORD
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(tmp_path / "data", settings=QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    qtbot.add_widget(main)
    main.resize(1366, 768)
    main.show()
    main.start()
    qtbot.waitUntil(lambda: main.login_dialog is not None and main.login_dialog.database is not None, timeout=20000)
    dialog = main.login_dialog
    assert dialog is not None
    dialog.username.setText("admin")
    dialog.full_name.setText("Quản trị viên")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=20000):
        dialog.submit()
    yield main
    main.close()


def _qt_english() -> set[str]:
    """Every source text of Qt's own widgets that we translate (buttons, menus, dialogs)."""
    root = ET.parse(resources_dir() / "translations" / "qtbase_vi.ts").getroot()
    sources = {(m.findtext("source") or "").replace("&", "") for m in root.iter("message")}
    return {text for text in sources if len(text) > 2 and text.upper() != text}  # not "OK"-like codes, not "mm"


def _texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QAbstractButton | QLabel):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QTabWidget):
        yield from (widget.tabText(n) for n in range(widget.count()))
    yield widget.windowTitle()
    yield from (action.text() for action in widget.actions())


def _english_on_screen() -> set[str]:
    english = _qt_english() | {"OK", "Cancel"}
    shown = {text.replace("&", "") for widget in QApplication.allWidgets() if widget.isVisible()
             for text in _texts(widget)}
    return shown & english


def test_every_section_and_dialog_speaks_vietnamese(qtbot: QtBot, window: MainWindow) -> None:
    assert window.sidebar.isVisible() and window.sidebar.current() == "home"
    shown = [key for key, button in window.sidebar.buttons.items() if button.isVisible()]
    assert shown == ["home", "intake", "dossiers", "postal", "reports", "sync", "admin"]
    assert window.user_label.text() == "Quản trị viên (Quản trị viên)"
    for key in shown:
        window.show_section(key)
        assert window.sidebar.current() == key
        assert not _english_on_screen(), key
    line = window.intake.name
    menu = line.createStandardContextMenu()
    assert menu is not None
    texts = [action.text().replace("&", "").split("\t")[0] for action in menu.actions() if action.text()]
    assert "Dán" in texts and "Chọn tất cả" in texts and not set(texts) & _qt_english()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save)
    assert {b.text() for b in box.buttons()} == {"Đồng ý", "Hủy", "Lưu"}
    window.open_help()
    window.open_account()
    assert not _english_on_screen()
    window.help_dialog.close()
    window.account_dialog.close()


def test_lists_and_tiles_refresh_after_an_intake_elsewhere_and_a_sync_round(
    qtbot: QtBot, window: MainWindow,
) -> None:
    assert window.database is not None
    qtbot.waitUntil(lambda: window.home.tiles["received"].text().startswith("0"), timeout=10000)
    window.show_list("all")
    dossier = intake(window.database, IntakeRequest("1.004873", Person("Lê Thị Thu Hà", "079195000123")), "admin")
    window.sync.round_done.emit(RoundReport(0, 0, 0, feed_applied=1, pending_events=0, pending_blobs=0))
    qtbot.waitUntil(lambda: window.dossiers.model.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: window.home.tiles["received"].text().startswith("1"), timeout=10000)
    window.open_dossier(str(dossier.code))
    qtbot.waitUntil(lambda: window.dossier.dossier is not None, timeout=10000)
    window.dossier.open_action(Action.TRANSFER)
    assert window.dossier.dialog is not None
    with qtbot.waitSignal(window.signals.changed, timeout=20000):
        window.dossier.dialog.accept()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.dossier.header.back.setFocus()
    qtbot.keyClick(window.dossier.header.back, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.dossiers  # Esc: back to the list it came from
    qtbot.waitUntil(lambda: window.dossiers.model.rowCount() == 1 and
                    window.dossiers.model.summary(0).status.value == "transferred", timeout=10000)

"""In the main window: handing a result over asks the citizen for a rating on the customer window, the
keypad's answer becomes an event on the dossier, and Ctrl+7 opens the reports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.lifecycle import Action, Status
from counter_app.services.queries import DossierFilter, get_dossier, list_dossiers
from tests.ui.keys import FakeClock
from tests.ui.test_dossier_view import _act
from tests.ui.test_main_window import _log_in, _prepare, clock, window  # noqa: F401 (fixtures)
from ui.main_window import MainWindow


def test_a_returned_result_is_rated_by_keypad_and_reports_open_with_ctrl_7(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, clock: FakeClock) -> None:  # noqa: F811
    _prepare(tmp_path)
    _log_in(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.user is not None, timeout=20000)
    assert window.database is not None
    ready = list_dossiers(window.database, DossierFilter(statuses=frozenset({Status.RESULT_READY})))
    code = str(ready[0].code)
    window.open_dossier(code)
    qtbot.waitUntil(lambda: window.dossier.dossier is not None and window.dossier.dossier.code == code,
                    timeout=10000)
    _act(qtbot, window.dossier, Action.RETURN_RESULT, recipient_name="Nguyễn Văn Đức", recipient_id="001090123456")
    assert window.rating_window.asking() and window.rating_window.code == code
    QApplication.sendEvent(window.dossier, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_2,
                                                     Qt.KeyboardModifier.KeypadModifier, "2"))
    assert not window.rating_window.asking()
    database = window.database
    assert database is not None
    qtbot.waitUntil(lambda: get_dossier(database, code).events[-1].type is Action.RATE, timeout=10000)
    assert get_dossier(database, code).events[-1].payload["score"] == 2
    shortcut = next(a for a in window.session_actions if a.shortcut().toString() == "Ctrl+7")
    shortcut.trigger()
    assert window.pages.currentWidget() is window.reports
    qtbot.waitUntil(lambda: window.reports.loaded is not None, timeout=20000)
    assert window.reports.loaded.report.totals.rating_count == 1
    window.rating_window.close()

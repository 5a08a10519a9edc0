"""GUI entry point: the error boundary and the log, the chosen language's translation and the theme, then the
main window (which shows the log-in window at once and opens the database behind it)."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui import crash, i18n, theme
from ui.main_window import MainWindow


def run(data_dir: Path, database_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    windows: list[QWidget] = []
    bridge = crash.install(data_dir, lambda: windows[0] if windows else None)  # before anything can fail
    window = prepare(app, data_dir, database_url)
    windows.append(window)
    code = int(app.exec())
    window.deleteLater()
    del bridge
    return code


def prepare(app: QApplication, data_dir: Path, database_url: str | None = None) -> MainWindow:
    """Everything up to the log-in window on screen (the start-up benchmark times exactly this)."""
    app.setOrganizationName("Counter")
    app.setApplicationName("Counter")
    settings = QSettings()
    i18n.install(app, str(settings.value("ui/language", i18n.DEFAULT_LANGUAGE)))  # translators live with the app
    theme.apply(app)
    window = MainWindow(data_dir, database_url, settings)  # reads the same language setting
    window.statusBar().messageChanged.connect(_log_status)
    window.resize(1366, 768)
    window.show()
    window.start()
    QTimer.singleShot(0, _collect_again)
    return window


def _collect_again() -> None:
    """Garbage collection back on once the window is up, if the start (counter_app.entry) turned it off; what
    start-up made stays for the whole run, so it is set aside (gc.freeze) rather than combed at every pass."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _log_status(text: str) -> None:
    """Every message the status bar shows is in the log too (masked by the log's formatter)."""
    if text:
        logging.getLogger("counter.ui").info("status bar: %s", text)

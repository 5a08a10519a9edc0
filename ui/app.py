"""GUI entry point: the chosen language's translation, then the main window (which opens the database)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ui import i18n
from ui.main_window import MainWindow


def run(data_dir: Path, database_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("Counter")
    app.setApplicationName("Counter")
    settings = QSettings()
    translators = i18n.install(app, str(settings.value("ui/language", i18n.DEFAULT_LANGUAGE)))
    window = MainWindow(data_dir, database_url, settings)  # reads the same language setting
    window.resize(1366, 768)
    window.show()
    window.start()
    code = int(app.exec())
    del translators
    return code

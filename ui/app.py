"""GUI entry point: opens the database off the GUI thread and shows the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow


def run(data_dir: Path, database_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Counter")
    window = MainWindow(data_dir, database_url)
    window.resize(1366, 768)
    window.show()
    window.start()
    return int(app.exec())

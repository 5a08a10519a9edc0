"""A minimal main window: office, today's counts, printing of forms, status bar (the real screens are issue 3)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from counter_app.model import Office
from counter_app.services.office import ensure_initialised
from counter_app.services.queries import TodayCounts, today_counts
from counter_app.storage.database import Database
from ui import tasks
from ui.print_dialog import PrintFormDialog
from ui.print_service import PrintService


@dataclass(frozen=True)
class _Opened:
    database: Database
    office: Office
    counts: TodayCounts


def _open(data_dir: Path, database_url: str | None) -> _Opened:
    """Open (and on first launch create) the database; runs on a worker thread."""
    database = Database.open(data_dir, database_url)
    return _Opened(database, ensure_initialised(database), today_counts(database))


class MainWindow(QMainWindow):
    """Holds the one Database of the application and closes it on exit."""

    def __init__(self, data_dir: Path, database_url: str | None = None, settings: QSettings | None = None) -> None:
        super().__init__()
        self.data_dir, self.database_url = data_dir, database_url
        self.database: Database | None = None
        self.print_service = PrintService(settings or QSettings(), self)
        self.setWindowTitle(self.tr("Counter — Bộ phận Một cửa"))
        self.office_label = QLabel(self.tr("Đang mở cơ sở dữ liệu…"))
        self.counts_label = QLabel()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.office_label)
        layout.addWidget(self.counts_label)
        layout.addStretch()
        self.setCentralWidget(body)
        self.print_action = QAction(self.tr("In biểu mẫu…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setEnabled(False)
        self.print_action.triggered.connect(self.open_print_dialog)
        self.menuBar().addMenu(self.tr("Hồ sơ")).addAction(self.print_action)
        self._task: tasks.Task | None = None

    def start(self) -> None:
        self._task = tasks.start(lambda: _open(self.data_dir, self.database_url), self._on_loaded, self._on_failed)

    @Slot()
    def open_print_dialog(self) -> PrintFormDialog | None:
        if self.database is None:
            return None
        self.print_dialog = PrintFormDialog(self.database, self.print_service, self)
        self.print_dialog.show()
        return self.print_dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.database is not None:
            self.database.dispose()
            self.database = None
        super().closeEvent(event)

    def _on_loaded(self, opened: _Opened) -> None:
        self.database = opened.database
        self.print_action.setEnabled(True)
        self.office_label.setText(opened.office.name)
        counts = opened.counts
        self.counts_label.setText(
            self.tr("Hôm nay: {0} hồ sơ tiếp nhận · {1} đến hạn · {2} quá hạn · {3} chờ trả kết quả").format(
                counts.received, counts.due_today, counts.overdue, counts.ready_to_return,
            )
        )
        self.statusBar().showMessage(str(self.data_dir))

    def _on_failed(self, message: str) -> None:
        self.office_label.setText(message)

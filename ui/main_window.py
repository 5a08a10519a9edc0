"""A minimal main window: office, today's counts and status bar (the real screens are issue 3)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from counter_app.errors import CounterError
from counter_app.services.office import ensure_initialised
from counter_app.services.queries import TodayCounts, today_counts
from counter_app.storage.database import Database

log = logging.getLogger("counter.ui")


class _Signals(QObject):
    loaded = Signal(object, object)
    failed = Signal(str)


class _OpenDatabase(QRunnable):
    """Opens (and on first launch creates) the database on a worker thread."""

    def __init__(self, data_dir: Path, database_url: str | None, signals: _Signals) -> None:
        super().__init__()
        self.data_dir, self.database_url, self.signals = data_dir, database_url, signals

    def run(self) -> None:
        try:
            database = Database.open(self.data_dir, self.database_url)
            office = ensure_initialised(database)
            self.signals.loaded.emit(office, today_counts(database))
        except CounterError as error:
            self.signals.failed.emit(error.message())
        except Exception as error:  # a bug: shown and logged, never lost in a worker thread
            log.exception("opening the database failed")
            self.signals.failed.emit(f"{type(error).__name__}: {error}")


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, database_url: str | None = None) -> None:
        super().__init__()
        self.data_dir, self.database_url = data_dir, database_url
        self.setWindowTitle(self.tr("Counter — Bộ phận Một cửa"))
        self.office_label = QLabel(self.tr("Đang mở cơ sở dữ liệu…"))
        self.counts_label = QLabel()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.office_label)
        layout.addWidget(self.counts_label)
        layout.addStretch()
        self.setCentralWidget(body)
        self._signals = _Signals()
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)

    def start(self) -> None:
        QThreadPool.globalInstance().start(_OpenDatabase(self.data_dir, self.database_url, self._signals))

    @Slot(object, object)
    def _on_loaded(self, office: object, counts: TodayCounts) -> None:
        self.office_label.setText(getattr(office, "name", ""))
        self.counts_label.setText(
            self.tr("Hôm nay: {0} hồ sơ tiếp nhận · {1} đến hạn · {2} quá hạn · {3} chờ trả kết quả").format(
                counts.received, counts.due_today, counts.overdue, counts.ready_to_return,
            )
        )
        self.statusBar().showMessage(str(self.data_dir))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.office_label.setText(message)

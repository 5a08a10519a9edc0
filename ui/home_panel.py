"""Overdue at a glance: today's counts, each a button opening its filtered list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from counter_app.services.queries import TodayCounts, today_counts
from counter_app.storage.database import Database
from ui import tasks

TILES = ("received", "due_today", "overdue", "ready", "waiting", "returned_by_post")


class HomePanel(QWidget):
    """`refresh()` counts on a worker; `open_list(key)` asks the window for the filtered list."""

    open_list = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._task: tasks.Task | None = None
        self.captions = {
            "received": self.tr("Received today"),
            "due_today": self.tr("Due today"),
            "overdue": self.tr("Overdue"),
            "ready": self.tr("Ready to return"),
            "waiting": self.tr("Waiting for a supplement"),
            "returned_by_post": self.tr("Returned by the post"),
        }
        self.tiles: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        self.heading = QLabel(self.tr("Today"))
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold")
        grid.addWidget(self.heading, 0, 0, 1, len(TILES))
        for column, key in enumerate(TILES):
            tile = QPushButton()
            tile.setMinimumSize(200, 110)
            tile.setStyleSheet("font-size: 16px")
            tile.clicked.connect(lambda _=False, chosen=key: self.open_list.emit(chosen))
            self.tiles[key] = tile
            grid.addWidget(tile, 1, column)
        grid.setRowStretch(2, 1)
        self.show_counts(TodayCounts(0, 0, 0, 0, 0))

    def refresh(self) -> None:
        database = self.database
        self._task = tasks.start(lambda: today_counts(database), self.show_counts, self.heading.setText, owner=self)

    def show_counts(self, counts: TodayCounts) -> None:
        values = {
            "received": counts.received,
            "due_today": counts.due_today,
            "overdue": counts.overdue,
            "ready": counts.ready_to_return,
            "waiting": counts.waiting_supplement,
            "returned_by_post": counts.returned_by_post,
        }
        for key, tile in self.tiles.items():
            tile.setText(f"{values[key]}\n{self.captions[key]}")
        for key, alarm in (("overdue", counts.overdue), ("returned_by_post", counts.returned_by_post)):
            self.tiles[key].setStyleSheet("font-size: 16px; color: #b00000" if alarm else "font-size: 16px")

"""What the post did with each item: one outcome typed or scanned, the post's status file, the dispatch list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.clock import local, now
from counter_app.postal import Direction, ItemState, Outcome, PostalBatch, PostalItem
from counter_app.postal_files import read_status_file, write_dispatch_list
from counter_app.services import postal_batches, postal_outcomes
from counter_app.services.postal_dispatch import DEFAULT_WEIGHT_CLASS
from counter_app.services.postal_outcomes import StatusLine
from counter_app.storage.blobs import write_atomically
from counter_app.storage.database import Database
from ui.postal_panel import PostalPanel
from ui.shortcuts import shortcut
from ui.table_models import RowsModel


class OutcomePanel(PostalPanel):
    """`recorded()` after outcomes were saved (the home panel and the dispatch list refresh)."""

    recorded = Signal()

    def __init__(self, database: Database, actor: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("Scan or type the phiếu gửi number"))
        self.outcome = QComboBox()
        self.outcome.addItems([self.tr("Delivered"), self.tr("Returned to sender (chuyển hoàn)")])
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason given by the post (required for a return)"))
        self.record_button = QPushButton(self.tr("Record the outcome (Ctrl+Enter)"))
        self.import_button = QPushButton(self.tr("Import the post's status file…"))
        self.batches = QComboBox()
        self.export_button = QPushButton(self.tr("Export the dispatch list for the post…"))
        self.items = RowsModel([self.tr("No."), self.tr("Phiếu gửi"), self.tr("Dossier code"), self.tr("Recipient"),
                                self.tr("Outcome"), self.tr("Date"), self.tr("Reason")], self)
        self.table = QTableView()
        self.table.setModel(self.items)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.states = {ItemState.DISPATCHED: self.tr("With the post"), ItemState.DELIVERED: self.tr("Delivered"),
                       ItemState.RETURNED: self.tr("Returned to sender (chuyển hoàn)")}
        self._arrange()

    def _arrange(self) -> None:
        one = QGroupBox(self.tr("One item"))
        form = QFormLayout(one)
        for caption, widget in ((self.tr("Phiếu gửi"), self.item), (self.tr("Outcome"), self.outcome),
                                (self.tr("Date"), self.day), (self.tr("Reason"), self.reason)):
            form.addRow(caption, widget)
        form.addRow("", self.record_button)
        files = QGroupBox(self.tr("Files exchanged with the post"))
        row = QHBoxLayout(files)
        for part, stretch in ((self.import_button, 0), (QLabel(self.tr("Dispatch batch:")), 0), (self.batches, 1),
                              (self.export_button, 0)):
            row.addWidget(part, stretch)
        page = QVBoxLayout(self)
        page.addWidget(one)
        page.addWidget(files)
        page.addWidget(self.table, 1)
        page.addWidget(self.message)
        self.batches.currentTextChanged.connect(self.show_batch)
        self.item.returnPressed.connect(self.outcome.setFocus)
        self.record_button.clicked.connect(self.record)
        self.import_button.clicked.connect(self._choose_status_file)
        self.export_button.clicked.connect(self._choose_export_file)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(keys, self, self.record)

    def load(self) -> None:
        database = self.database
        self._run(lambda: postal_batches.list_batches(database, direction=Direction.DISPATCH), self._batches_loaded)

    def _batches_loaded(self, batches: list[PostalBatch]) -> None:
        chosen = self.batches.currentText()
        self.batches.clear()
        self.batches.addItems([batch.ref for batch in batches])
        if chosen and self.batches.findText(chosen) >= 0:
            self.batches.setCurrentText(chosen)

    def show_batch(self, ref: str) -> None:
        """The items of a dispatch batch with what the post did with each."""
        if not ref:
            self.items.set_rows([])
            return
        database = self.database
        self._run(lambda: postal_batches.get_batch(database, ref), self._show_items)

    def _show_items(self, batch: PostalBatch) -> None:
        rows = [(str(i.position), i.item_number, i.dossier_code or "", i.applicant_name, self.states[i.state],
                 f"{i.outcome_on:%d/%m/%Y}" if i.outcome_on else "", i.outcome_reason) for i in batch.items]
        self.items.set_rows(rows, list(batch.items))

    def on_scanned(self, payload: str) -> None:
        """A new item: its outcome starts as delivered (the scanner's letters may have moved the list)."""
        self.item.setText(payload.strip().upper())
        self.outcome.setCurrentIndex(0)
        self.reason.clear()
        self.outcome.setFocus()

    def record(self) -> None:
        day = self.day.date()
        outcome = Outcome.DELIVERED if self.outcome.currentIndex() == 0 else Outcome.RETURNED
        line = StatusLine(self.item.text(), outcome, dt.date(day.year(), day.month(), day.day()), self.reason.text())
        database, actor = self.database, self.actor()
        self._run(lambda: postal_outcomes.record_outcome(database, line, actor), self._recorded_one)

    def _recorded_one(self, item: PostalItem) -> None:
        self.show_info(self.tr("{0}: {1} recorded for dossier {2}.").format(
            item.item_number, self.outcome.currentText(), item.dossier_code or ""))
        for field in (self.item, self.reason):
            field.clear()
        self.item.setFocus()
        self.show_batch(self.batches.currentText())
        self.recorded.emit()

    def import_status(self, path: Path) -> None:
        """Record every line of the post's file, or none of them (the bad row is named)."""
        database, actor = self.database, self.actor()

        def work() -> tuple[int, int]:
            lines = read_status_file(path)
            return len(lines), postal_outcomes.record_outcomes(database, lines, actor)

        self._run(work, self._imported)

    def _imported(self, counts: tuple[int, int]) -> None:
        rows, recorded = counts
        self.show_info(self.tr("{0} row(s) read, {1} new outcome(s) recorded.").format(rows, recorded))
        self.show_batch(self.batches.currentText())
        self.recorded.emit()

    def export_list(self, ref: str, path: Path) -> None:
        database = self.database

        def work() -> Path:
            write_atomically(path, write_dispatch_list(postal_batches.get_batch(database, ref), path,
                                                       DEFAULT_WEIGHT_CLASS))
            return path

        self._run(work, lambda written: self.show_info(self.tr("Saved: {0}").format(str(written))))

    def _choose_status_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("The post's status file"), "",
                                              self.tr("Spreadsheets (*.csv *.xlsx)"))
        if name:
            self.import_status(Path(name))

    def _choose_export_file(self) -> None:
        ref = self.batches.currentText()
        if not ref:
            return
        suggested = f"danh-sach-{ref}-{local(now()):%Y%m%d}.xlsx"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Dispatch list"), suggested,
                                              self.tr("Spreadsheets (*.xlsx *.csv)"))
        if name:
            self.export_list(ref, Path(name))

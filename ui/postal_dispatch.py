"""Handing results to the post: the results waiting, a label scanned for each, one record for the batch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.codes import looks_like_code
from counter_app.fees import format_amount
from counter_app.postal import PostalBatch, ReadyForPost
from counter_app.services import postal_dispatch
from counter_app.services.postal_dispatch import DispatchLine
from counter_app.storage.database import Database
from ui import tasks
from ui.postal_jobs import batch_jobs
from ui.postal_panel import PostalPanel
from ui.shortcuts import shortcut
from ui.table_models import RowsModel

LABEL_COLUMN = 4


class DispatchPanel(PostalPanel):
    """The current row is the next envelope to label; a scanned dossier code moves to that dossier."""

    print_jobs = Signal(object)
    dispatched = Signal(object)
    paired = Signal(str, str)  # dossier code, label

    def __init__(self, database: Database, actor: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.ready: list[ReadyForPost] = []
        self.labels: dict[str, str] = {}
        self.fees: dict[str, int] = {}
        self._pending: list[str] = []
        self._check: tasks.Task | None = None
        self._build()

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold")
        self.rows = RowsModel([self.tr("No."), self.tr("Dossier code"), self.tr("Recipient"), self.tr("Address"),
                               self.tr("Label (phiếu gửi)"), self.tr("Postage"), self.tr("Note")], self)
        self.table = QTableView()
        self.table.setModel(self.rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 6):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(self.tr("Scan the label stuck on the selected envelope, or type it"))
        self.fee_edit = QLineEdit()
        self.fee_edit.setValidator(QIntValidator(0, 100_000_000, self))
        self.fee_edit.setPlaceholderText(self.tr("Postage paid by the citizen (đồng)"))
        self.worker = QLineEdit()
        self.worker.setPlaceholderText(self.tr("Postal worker's name"))
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.dispatch_button = QPushButton(self.tr("Record and print the record (Ctrl+K)"))
        entry = QHBoxLayout()
        for widget, stretch in ((self.label_edit, 3), (self.fee_edit, 1), (self.worker, 2),
                                (self.refresh_button, 0), (self.dispatch_button, 0)):
            entry.addWidget(widget, stretch)
        page = QVBoxLayout(self)
        page.addWidget(self.heading)
        page.addWidget(self.table, 1)
        page.addLayout(entry)
        page.addWidget(self.message)
        self.label_edit.returnPressed.connect(lambda: self.on_scanned(self.label_edit.text()))
        self.refresh_button.clicked.connect(self.load)
        self.dispatch_button.clicked.connect(self.dispatch)
        for keys, slot in (("Ctrl+K", self.dispatch), ("F5", self.load)):
            shortcut(keys, self, slot)

    def load(self) -> None:
        """The results waiting to go by post, on a worker; labels already scanned stay paired."""
        database = self.database
        self._task = tasks.start(lambda: postal_dispatch.ready_for_post(database), self._loaded, self.show_error,
                                 owner=self)

    def _loaded(self, ready: list[ReadyForPost]) -> None:
        self.ready = ready
        codes = {r.code for r in ready}
        self.labels = {code: label for code, label in self.labels.items() if code in codes}
        self._show()
        self._select_next()

    def _show(self) -> None:
        rows = [(str(n), r.code, r.applicant_name, r.address, self.labels.get(r.code, ""),
                 format_amount(self.fees[r.code]) if self.fees.get(r.code) else "",
                 self.tr("Returned by the post: {0}").format(r.returned_note) if r.returned_note else "")
                for n, r in enumerate(self.ready, start=1)]
        current = self.table.currentIndex().row()
        self.rows.set_rows(rows, list(self.ready))
        self.table.resizeRowsToContents()
        if current >= 0:
            self.table.selectRow(min(current, len(rows) - 1))
        self.heading.setText(self.tr("{0} result(s) to send by post, {1} labelled").format(
            len(self.ready), len(self.labels)))

    def _select_next(self) -> None:
        for row, result in enumerate(self.ready):
            if result.code not in self.labels:
                self.table.selectRow(row)
                return

    # ---- scanning
    def on_scanned(self, payload: str) -> None:
        """A dossier code selects its row; anything else is a label for the selected row."""
        text = payload.strip()
        if looks_like_code(text):
            rows = [n for n, r in enumerate(self.ready) if r.code == text.upper()]
            if rows:
                self.table.selectRow(rows[0])
            else:
                self.show_error(self.tr("Dossier {0} is not waiting to go by post.").format(text.upper()))
            return
        self._pending.append(text)
        if self._check is None:
            self._next_label()

    def _next_label(self) -> None:
        if not self._pending:
            return
        text = self._pending.pop(0)
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.ready):
            self.show_error(self.tr("Select the dossier whose envelope carries this label."))
            return
        code = self.ready[row].code
        taken = [label for other, label in self.labels.items() if other != code]
        database = self.database

        def done(number: str) -> None:
            self._check = None
            self._paired(code, number)
            self._next_label()

        def failed(message: str) -> None:
            self._check = None
            self.show_error(message)
            self._next_label()

        self._check = tasks.start(lambda: postal_dispatch.check_label(database, code, text, taken), done, failed,
                                  owner=self)

    def _paired(self, code: str, number: str) -> None:
        self.labels[code] = number
        if self.fee_edit.text().strip():
            self.fees[code] = int(self.fee_edit.text())
            self.fee_edit.clear()
        self.label_edit.clear()
        self._show()
        self._select_next()
        self.show_info(self.tr("Label {0} on dossier {1}.").format(number, code))
        self.paired.emit(code, number)

    # ---- the batch
    def dispatch(self) -> None:
        lines = [DispatchLine(r.code, self.labels[r.code], self.fees.get(r.code, 0)) for r in self.ready
                 if r.code in self.labels]
        if not lines:
            self.show_error(self.tr("No envelope has a label yet."))
            return
        database, actor, worker = self.database, self.actor(), self.worker.text()

        def work() -> tuple[PostalBatch, list[Any]]:
            batch = postal_dispatch.dispatch(database, lines, actor, worker)
            return batch, batch_jobs(database, batch.ref)

        self._task = tasks.start(work, self._dispatched, self.show_error, owner=self)

    def _dispatched(self, result: tuple[PostalBatch, list[Any]]) -> None:
        batch, jobs = result
        for item in batch.items:
            self.labels.pop(item.dossier_code or "", None)
            self.fees.pop(item.dossier_code or "", None)
        self.show_info(self.tr("Batch {0}: {1} result(s) handed to the post. The record prints in two copies.")
                       .format(batch.ref, len(batch.items)))
        self.print_jobs.emit(jobs)
        self.dispatched.emit(batch)
        self.load()

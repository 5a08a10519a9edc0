"""Receiving envelopes from the post: scan the phiếu gửi, the CCCD QR, pick the procedure, tick, add; close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.cccd import parse_qr
from counter_app.clock import local, now
from counter_app.errors import CounterError
from counter_app.model import Person, Procedure
from counter_app.postal import Direction, Envelope, PostalBatch, item_number
from counter_app.services import catalogue, postal_batches, postal_receipt
from counter_app.storage.database import Database
from ui import i18n
from ui.checklist_model import ChecklistModel
from ui.postal_jobs import batch_jobs
from ui.postal_panel import PostalPanel
from ui.procedure_picker import ProcedurePicker
from ui.shortcuts import shortcut
from ui.table_models import RowsModel


class ReceiptPanel(PostalPanel):
    """`batch_changed(batch)` after every change that was saved; `print_jobs(jobs)` after a close."""

    batch_changed = Signal(object)
    print_jobs = Signal(object)

    def __init__(self, database: Database, actor: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.batch: PostalBatch | None = None
        self.person: Person | None = None
        self._build()
        self._connect()

    # ---- layout
    def _build(self) -> None:
        self.batch_label = QLabel(self.tr("No batch open: scan the first phiếu gửi, or Ctrl+N"))
        self.batch_label.setStyleSheet("font-size: 15px; font-weight: bold")
        self.open_batches = QComboBox()
        self.open_batches.setMinimumContentsLength(12)
        self.open_batches.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.resume_button = QPushButton(self.tr("Resume"))
        self.new_button = QPushButton(self.tr("New batch (Ctrl+N)"))
        self.worker = QLineEdit()
        self.worker.setPlaceholderText(self.tr("Postal worker's name (printed on the record)"))
        self.worker.setMinimumWidth(240)
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("Scan or type the phiếu gửi number, e.g. EB123456785VN"))
        self.picker = ProcedurePicker()
        self.case_picker = QComboBox()  # shown only for a procedure with several cases (trường hợp)
        self.case_picker.setMinimumContentsLength(30)
        self.case_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.case_picker.hide()
        self.name, self.id_number = QLineEdit(), QLineEdit()
        self.id_number.setMaxLength(12)
        self.return_address = QLineEdit()
        self.return_address.setPlaceholderText(self.tr("Where the result goes back by post"))
        self.checklist = ChecklistModel(self)
        self.documents = QTableView()
        self.documents.setModel(self.checklist)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the document's name gets the room
        for column, width in enumerate((64, 0, 120, 64, 64)):
            if width:
                header.resizeSection(column, width)
        self.documents.setWordWrap(True)
        self.documents.setMinimumHeight(150)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #8a5a00")
        self.add_button = QPushButton(self.tr("Add the envelope to the batch (Ctrl+Enter)"))
        self.envelopes = RowsModel([self.tr("No."), self.tr("Phiếu gửi"), self.tr("Applicant"), self.tr("Procedure"),
                                    self.tr("Check")], self)
        self.table = QTableView()
        self.table.setModel(self.envelopes)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 4):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("Take the selected envelope out (Del)"))
        self.close_button = QPushButton(self.tr("Close the batch and print the record (Ctrl+K)"))
        self._arrange()

    def _arrange(self) -> None:
        top = QVBoxLayout()  # the batch's state above its controls: both fit 1366 px beside the sidebar
        self.batch_label.setWordWrap(True)
        top.addWidget(self.batch_label)
        controls = QHBoxLayout()
        for widget in (QLabel(self.tr("Open batches:")), self.open_batches, self.resume_button, self.worker,
                       self.new_button):
            controls.addWidget(widget)
        controls.addStretch()
        top.addLayout(controls)
        envelope = QGroupBox(self.tr("Envelope"))
        form = QFormLayout()
        self.name.setPlaceholderText(self.tr("Applicant (scan the CCCD QR)"))
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Phiếu gửi"), self.item), (self.tr("Procedure"), self.picker), ("", self.case_picker),
            (self.tr("Applicant"), self.name), (self.tr("CCCD number"), self.id_number),
            (self.tr("Return address"), self.return_address)]
        for caption, field in rows:
            form.addRow(caption, field)
        column = QVBoxLayout(envelope)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("Documents (Space ticks)")))
        column.addWidget(self.documents, 1)
        column.addWidget(self.missing)
        column.addWidget(self.add_button)
        batch = QGroupBox(self.tr("Envelopes in this batch"))
        column = QVBoxLayout(batch)
        column.addWidget(self.table, 1)
        column.addWidget(self.remove_button)  # one above the other: the envelope's side keeps the width
        column.addWidget(self.close_button)
        middle = QSplitter()
        middle.addWidget(envelope)
        middle.addWidget(batch)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        self.table.setMinimumWidth(470)
        page = QVBoxLayout(self)
        page.addLayout(top)
        page.addWidget(middle, 1)
        page.addWidget(self.message)

    def _connect(self) -> None:
        self.item.returnPressed.connect(lambda: self.take_item(self.item.text()))
        self.picker.chosen.connect(self._procedure_chosen)
        self.case_picker.currentIndexChanged.connect(self._case_chosen)
        self.checklist.changed.connect(self._show_missing)
        self.checklist.modelReset.connect(self.documents.resizeRowsToContents)  # long names wrap
        self.add_button.clicked.connect(self.add_envelope)
        self.remove_button.clicked.connect(self.remove_selected)
        self.close_button.clicked.connect(self.close_batch)
        self.new_button.clicked.connect(self.new_batch)
        self.resume_button.clicked.connect(lambda: self.resume(self.open_batches.currentText()))
        for keys, slot in (("Ctrl+Return", self.add_envelope), ("Ctrl+Enter", self.add_envelope),
                           ("Ctrl+N", self.new_batch), ("Ctrl+K", self.close_batch)):
            shortcut(keys, self, slot)
        shortcut(Qt.Key.Key_Delete, self.table, self.remove_selected, Qt.ShortcutContext.WidgetShortcut)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # arrows choose the case, Enter goes on
            shortcut(key, self.case_picker, self._next_after_procedure, Qt.ShortcutContext.WidgetShortcut)

    # ---- loading and batches
    def load(self) -> None:
        """The catalogue in force and the open batches, on a worker; the newest open batch is resumed."""
        database = self.database

        def work() -> tuple[list[Procedure], list[PostalBatch]]:
            return (catalogue.list_procedures(database, local(now()).date()),
                    postal_batches.list_batches(database, open_only=True, direction=Direction.RECEIPT))

        self._run(work, self._loaded)

    def _loaded(self, loaded: tuple[list[Procedure], list[PostalBatch]]) -> None:
        procedures, batches = loaded
        self.picker.set_procedures(procedures)
        self._list_open(batches)
        if self.batch is None and batches:
            self.show_batch(batches[0])

    def _list_open(self, batches: list[PostalBatch]) -> None:
        self.open_batches.clear()
        self.open_batches.addItems([batch.ref for batch in batches])

    def new_batch(self) -> None:
        database, actor, worker = self.database, self.actor(), self.worker.text()
        self._run(lambda: postal_batches.open_batch(database, Direction.RECEIPT, actor, worker), self._opened)

    def _opened(self, batch: PostalBatch) -> None:
        self.show_batch(batch)
        self.open_batches.insertItem(0, batch.ref)
        self.item.setFocus()
        if self.item.text().strip():
            self.picker.search.setFocus()

    def resume(self, ref: str) -> None:
        if ref:
            database = self.database
            self._run(lambda: postal_batches.get_batch(database, ref), self.show_batch)

    def show_batch(self, batch: PostalBatch) -> None:
        self.batch = batch
        state = self.tr("open") if batch.status.value == "open" else self.tr("closed")
        self.batch_label.setText(self.tr("Batch {0} ({1}): {2} envelope(s), {3} incomplete").format(
            batch.ref, state, len(batch.items), batch.incomplete))
        rows = [(str(item.position), item.item_number, item.applicant_name, item.procedure_code,
                 self.tr("Missing: {0}").format("; ".join(item.missing)) if item.missing else self.tr("Complete"))
                for item in batch.items]
        self.envelopes.set_rows(rows, list(batch.items))
        self.table.resizeRowsToContents()
        self.table.scrollToBottom()
        self.batch_changed.emit(batch)

    # ---- one envelope
    def on_scanned(self, payload: str) -> None:
        """A CCCD QR fills the applicant; anything else is the next envelope's phiếu gửi."""
        if "|" in payload:
            self.fill_from_qr(payload)
        else:
            self.take_item(payload)

    def take_item(self, text: str) -> None:
        try:
            number = item_number(text)
        except CounterError as error:
            self.show_error(error.message(i18n.language()))
            self.item.selectAll()
            return
        self._clear_envelope()
        self.item.setText(number)
        if self.batch is None or self.batch.status.value != "open":
            self.new_batch()
        else:
            self.picker.search.setFocus()
        self.show_info(self.tr("Phiếu gửi {0}: scan the CCCD QR and choose the procedure.").format(number))

    def fill_from_qr(self, payload: str) -> None:
        try:
            card = parse_qr(payload)
        except CounterError as error:
            self.show_error(error.message(i18n.language()))
            return
        self.person = Person(card.full_name, card.id_number, card.date_of_birth, card.sex, card.address)
        self.name.setText(card.full_name)
        self.id_number.setText(card.id_number)
        if not self.return_address.text().strip():
            self.return_address.setText(card.address)
        self.show_info(self.tr("Filled from the CCCD QR code: {0}").format(card.full_name))
        if self.picker.procedure is not None:
            self._tick_documents()

    def _procedure_chosen(self, procedure: Procedure) -> None:
        """A new procedure shows its cases (the first chosen); Enter on the same one keeps the case."""
        numbers = [case.number for case in procedure.cases]
        if [self.case_picker.itemData(n) for n in range(self.case_picker.count())] != numbers \
                or self.checklist.case is None:
            self.case_picker.blockSignals(True)
            self.case_picker.clear()
            for case in procedure.cases:
                self.case_picker.addItem(f"{case.number}. {case.name or procedure.name}", case.number)
            self.case_picker.blockSignals(False)
            self.case_picker.setVisible(len(numbers) > 1)
            self._case_chosen(0)
        if len(numbers) > 1:
            self.case_picker.setFocus()
        else:
            self._next_after_procedure()

    def _case_chosen(self, index: int) -> None:
        procedure = self.picker.procedure
        if procedure is not None and 0 <= index < len(procedure.cases):
            self.checklist.set_case(procedure.cases[index])

    def _next_after_procedure(self) -> None:
        if self.name.text().strip():
            self._tick_documents()
        else:  # a scanner types spaces: the CCCD QR must not arrive in the checklist, where Space ticks
            self.name.setFocus()

    def _tick_documents(self) -> None:
        self.documents.setFocus()
        self.documents.setCurrentIndex(self.checklist.index(0, 0))

    def _show_missing(self) -> None:
        missing = self.checklist.missing()
        self.missing.setText(self.tr("Incomplete, will be sent back with form 02: {0}").format("; ".join(missing))
                             if missing else "")

    def envelope(self) -> Envelope:
        """What was entered for the current envelope (the applicant from the QR, or as typed)."""
        procedure = self.picker.procedure
        person = self.person or Person("", "")
        person = Person(self.name.text().strip(), self.id_number.text().strip(), person.date_of_birth, person.sex,
                        person.address or self.return_address.text().strip())
        case = self.checklist.case.number if self.checklist.case else 1
        return Envelope(self.item.text(), procedure.code if procedure else "", person, self.checklist.entries(),
                        self.return_address.text().strip(), case)

    def add_envelope(self) -> None:
        if self.batch is None:
            self.show_error(self.tr("Scan the phiếu gửi first."))
            return
        if self.picker.procedure is None:
            self.show_error(self.tr("Choose the procedure first."))
            self.picker.search.setFocus()
            return
        database, actor, ref, envelope = self.database, self.actor(), self.batch.ref, self.envelope()
        self._run(lambda: postal_receipt.add_envelope(database, ref, envelope, actor), self._added)

    def _added(self, batch: PostalBatch) -> None:
        added = batch.items[-1]
        self.show_batch(batch)
        self._clear_envelope()
        self.show_info(self.tr("Envelope {0} added ({1}). Scan the next phiếu gửi.").format(
            added.item_number, self.tr("incomplete") if added.missing else self.tr("complete")))
        self.item.setFocus()

    def _clear_envelope(self) -> None:
        for field in (self.item, self.name, self.id_number, self.return_address, self.picker.search):
            field.clear()
        self.person = None
        self.checklist.set_case(self.checklist.case)  # same procedure and case, nothing ticked

    def remove_selected(self) -> None:
        row = self.table.currentIndex().row()
        if self.batch is None or row < 0:
            return
        database, actor, ref = self.database, self.actor(), self.batch.ref
        number = self.batch.items[row].item_number
        self._run(lambda: postal_receipt.remove_envelope(database, ref, number, actor), self.show_batch)

    # ---- closing
    def close_batch(self) -> None:
        """Sign the hand-over: accept the complete envelopes, send back the rest, print record and slips."""
        if self.batch is None:
            return
        database, actor, ref = self.database, self.actor(), self.batch.ref

        def work() -> tuple[PostalBatch, list[object]]:
            closed = postal_receipt.close_receipt(database, ref, actor)
            return closed, list(batch_jobs(database, ref))

        self._run(work, self._closed)

    def _closed(self, result: tuple[PostalBatch, list[object]]) -> None:
        batch, jobs = result
        self.show_batch(batch)
        index = self.open_batches.findText(batch.ref)
        if index >= 0:
            self.open_batches.removeItem(index)
        self.batch = None
        self.show_info(self.tr("Batch {0} closed: {1} accepted, {2} sent back. The record prints in two copies.")
                       .format(batch.ref, batch.complete, batch.incomplete))
        self.print_jobs.emit(jobs)
        self.item.setFocus()


"""The 'print a form' dialog: a dossier code, a form, then preview, print, print now, or save as PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.clock import now
from counter_app.forms import FORM_NAMES, Form
from counter_app.services import printouts
from counter_app.storage.blobs import write_atomically
from counter_app.storage.database import Database
from printing import render
from printing.paper import paper_for
from printing.report_xlsx import register_workbook
from printing.spool import PrintJob
from ui import tasks
from ui.print_service import PrintService

REGISTER = "register"


class PrintFormDialog(QDialog):
    """Renders off the GUI thread; the buttons stay disabled while a form is being drawn."""

    def __init__(self, database: Database, service: PrintService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.service = database, service
        self.setWindowTitle(self.tr("Print a form"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Dossier code, e.g. 000.00.12.H12-261120-0001"))
        self.form_combo = QComboBox()
        for form in Form:
            self.form_combo.addItem(f"{form.value} — {FORM_NAMES[form].vi}", form.value)
        self.form_combo.addItem(self.tr("Register of dossiers"), REGISTER)
        today = QDate.currentDate()
        self.from_edit, self.to_edit = QDateEdit(today), QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.field_edit = QLineEdit()
        self.field_edit.setPlaceholderText(self.tr("all fields"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = {
            name: QPushButton(label)
            for name, label in (
                ("preview", self.tr("Preview")),
                ("print", self.tr("Print…")),
                ("now", self.tr("Print now")),
                ("save", self.tr("Save PDF…")),
                ("xlsx", self.tr("Save XLSX…")),
            )
        }
        self._layout()
        self.form_combo.currentIndexChanged.connect(self._form_changed)
        self.buttons["preview"].clicked.connect(lambda: self._render(self._preview))
        self.buttons["print"].clicked.connect(lambda: self._render(self._print))
        self.buttons["now"].clicked.connect(lambda: self._render(self.service.print_directly))
        self.buttons["save"].clicked.connect(self._ask_where_to_save)
        self.buttons["xlsx"].clicked.connect(self._ask_where_to_save_workbook)
        self.service.printed.connect(self._printed)
        self.service.failed.connect(self._show_error)
        self._form_changed()
        self._task: tasks.Task | None = None

    def _layout(self) -> None:
        fields = QFormLayout()
        fields.addRow(self.tr("Dossier code:"), self.code_edit)
        fields.addRow(self.tr("Form:"), self.form_combo)
        fields.addRow(self.tr("From:"), self.from_edit)
        fields.addRow(self.tr("To:"), self.to_edit)
        fields.addRow(self.tr("Field (register):"), self.field_edit)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        column = QVBoxLayout(self)
        column.addLayout(fields)
        column.addWidget(self.status)
        column.addLayout(row)

    def select(self, code: str, form: Form) -> None:
        self.code_edit.setText(code)
        self.form_combo.setCurrentIndex(self.form_combo.findData(form.value))

    @Slot()
    def _form_changed(self) -> None:
        register = self.form_combo.currentData() == REGISTER
        self.code_edit.setEnabled(not register)
        self.from_edit.setEnabled(register)
        self.to_edit.setEnabled(register)
        self.field_edit.setEnabled(register)
        self.buttons["xlsx"].setVisible(register)

    def _renderer(self) -> Callable[[], PrintJob]:
        """What to render, read on the GUI thread so that the worker never touches a widget."""
        database, chosen = self.database, str(self.form_combo.currentData())
        if chosen == REGISTER:
            start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            title, field = self.tr("Register of dossiers"), self.field_edit.text().strip()
            return lambda: register_job(database, start, end, title, field)  # type: ignore[arg-type]
        code = self.code_edit.text().strip()
        return lambda: form_job(database, code, Form(chosen))

    def _render(self, then: Callable[[PrintJob], None]) -> None:
        self._busy(True, self.tr("Drawing the form…"))
        self._task = tasks.start(self._renderer(), lambda job: self._rendered(job, then), self._show_error, owner=self)

    def _rendered(self, job: PrintJob, then: Callable[[PrintJob], None]) -> None:
        self._busy(False, "")
        then(job)

    def _preview(self, job: PrintJob) -> None:
        self.preview_dialog = self.service.preview(self, job)

    def _print(self, job: PrintJob) -> None:
        if self.service.print_with_dialog(self, job):
            self.status.setText(self.tr("Sending to the printer…"))

    @Slot()
    def _ask_where_to_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), str(Path.home() / "bieu-mau.pdf"), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        def write(job: PrintJob) -> None:
            self.status.setText(self.tr("Saving…"))
            self._task = tasks.start(
                lambda: path.write_bytes(job.pdf), lambda _: self._saved(path), self._show_error, owner=self
            )

        self._render(write)

    @Slot()
    def _ask_where_to_save_workbook(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save XLSX"), str(Path.home() / "so-theo-doi.xlsx"), self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.save_workbook_to(Path(path))

    def save_workbook_to(self, path: Path) -> None:
        """The register as an XLSX workbook (the printed register's columns), written on a worker."""
        database, field = self.database, self.field_edit.text().strip()
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()

        def write() -> None:
            context = printouts.register(database, start, end, field=field)  # type: ignore[arg-type]
            write_atomically(path, register_workbook(context))

        self._busy(True, self.tr("Saving…"))
        self._task = tasks.start(write, lambda _: self._saved(path), self._show_error, owner=self)

    def _saved(self, path: Path) -> None:
        self._busy(False, "")
        self.status.setText(self.tr("Saved {0}").format(str(path)))

    @Slot(str, int)
    def _printed(self, printer: str, pages: int) -> None:
        self.status.setText(self.tr("Printed {0} page(s) on {1}.").format(pages, printer))

    @Slot(str)
    def _show_error(self, message: str) -> None:
        self._busy(False, message)

    def _busy(self, busy: bool, message: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(not busy)
        self.status.setText(message)


def form_job(database: Database, code: str, form: Form) -> PrintJob:
    """The PDF of one dossier's form (the postal record of that dossier for Form.POSTAL)."""
    title = f"{FORM_NAMES[form].vi} {code}"
    if form is Form.POSTAL:
        return PrintJob(
            render.render_postal(printouts.postal_record(database, [code], None, "")), title, paper_for(form)
        )
    return PrintJob(render.render(printouts.form_context(database, code, form, at=now())), title, paper_for(form))


def register_job(database: Database, start: dt.date, end: dt.date, title: str, field: str = "") -> PrintJob:
    """The register of `start`–`end`, of one procedure field when `field` is given."""
    context = printouts.register(database, start, end, field=field)
    return PrintJob(render.render_register(context), title, paper_for(None))

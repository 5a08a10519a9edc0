"""The sync screen's "replace a dead counter" rows: the device replaced, and the rebuild's progress while the
office's dossiers and scans come back from the hub on a worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from ui import i18n


class ReplaceForm(QObject):
    """A tick box that asks for the dead device's id (rows of the set-up form); `device()` is "" for an
    ordinary enrolment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.replace = QCheckBox(self.tr("This PC replaces a dead counter (rebuild from the hub)"))
        self.device_id = QLineEdit()
        self.device_id.setPlaceholderText(self.tr("the dead counter's device id, from the province"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form: QFormLayout | None = None

    def add_to(self, form: QFormLayout) -> None:
        self.form = form
        form.addRow(self.replace)
        form.addRow(self.tr("Device replaced"), self.device_id)
        form.addRow(self.note)
        form.addRow(self.progress)
        self.replace.toggled.connect(self._show)
        self._show(False)

    def device(self) -> str:
        return self.device_id.text().strip() if self.replace.isChecked() else ""

    def _show(self, on: bool) -> None:
        self.note.setText(self.tr("The one-time code must be a replacement code from the province's "
                                  "administrator. The dead counter will be refused by the hub."))
        assert self.form is not None
        for widget in (self.device_id, self.note):
            self.form.setRowVisible(widget, on)
        self.form.setRowVisible(self.progress, False)

    def started(self) -> None:
        assert self.form is not None
        self.progress.setRange(0, 0)
        self.note.setText(self.tr("Enrolling…"))
        self.form.setRowVisible(self.progress, True)

    def step(self, value: Any) -> None:
        """One report of the worker: (phase, done, total)."""
        phase, done, total = value
        if phase == "dossiers":
            self.progress.setRange(0, 0)
            self.note.setText(self.tr("Rebuilding dossiers: {0}").format(i18n.number(done)))
        else:
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(done)
            self.note.setText(self.tr("Fetching scans: {0} / {1}").format(i18n.number(done), i18n.number(total)))

    def finished(self, done: bool) -> None:
        """The worker answered: the rows close after a success, stay (with the code to correct) after a failure."""
        if done:
            self.replace.setChecked(False)
            self.device_id.clear()
        self._show(self.replace.isChecked())

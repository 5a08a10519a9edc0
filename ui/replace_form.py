"""The sync screen's "replace a dead counter" part: the device replaced, and the rebuild's progress while the
office's dossiers and scans come back from the hub on a worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from ui import i18n


class ReplaceForm(QWidget):
    """A tick box that asks for the dead device's id; `device()` is "" for an ordinary enrolment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.replace = QCheckBox(self.tr("This PC replaces a dead counter (rebuild from the hub)"))
        self.device_id = QLineEdit()
        self.device_id.setPlaceholderText(self.tr("the dead counter's device id, from the province"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.note = QLabel(self.tr("The one-time code must be a replacement code from the province's "
                                   "administrator. The dead counter will be refused by the hub."))
        self.note.setWordWrap(True)
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.replace)
        form.addRow(self.tr("Device replaced"), self.device_id)
        form.addRow(self.note)
        form.addRow(self.progress)
        self.replace.toggled.connect(self._show)
        self._show(False)
        self.progress.hide()

    def device(self) -> str:
        return self.device_id.text().strip() if self.replace.isChecked() else ""

    def _show(self, on: bool) -> None:
        for widget in (self.device_id, self.note):
            widget.setVisible(on)
        label = self.form.labelForField(self.device_id)
        if label is not None:
            label.setVisible(on)

    def started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Enrolling…"))
        self.progress.show()

    def step(self, value: Any) -> None:
        """One report of the worker: (phase, done, total)."""
        phase, done, total = value
        if phase == "dossiers":
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Rebuilding dossiers: {0}").format(i18n.number(done)))
        else:
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(done)
            self.progress.setFormat(self.tr("Fetching scans: {0} / {1}").format(i18n.number(done),
                                                                               i18n.number(total)))

    def finished(self) -> None:
        self.progress.hide()
        self.replace.setChecked(False)
        self.device_id.clear()

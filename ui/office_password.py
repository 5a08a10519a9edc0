"""The office password at start: typed to open encrypted data when the keyring does not hold its key, or chosen
on the first launch (and for data made before encryption), after which the recovery sheet is saved to print."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import theme
from ui.login import StartDialog

LOCKED, NEW, LEGACY = "locked", "new", "plain-legacy"  # counter_app.protect.access modes, plus "locked"
MIN_PASSWORD = 8  # counter_app.protect.keyfile.MIN_PASSWORD (not imported: the dialog shows before the core loads)


class OfficePasswordDialog(StartDialog):
    """Emits `submitted(password)`; the caller opens the data on a worker and calls `failed(message)` if it could
    not (a wrong password: nothing is opened). Closing it closes the application."""

    submitted = Signal(str)

    def __init__(self, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        choosing = mode != LOCKED
        self.setWindowTitle(self.tr("Counter — office password"))
        self.setMinimumWidth(460)
        self.password, self.again = QLineEdit(), QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        title = theme.set_role(QLabel(self.tr("Choose the office password") if choosing
                                      else self.tr("Open the data")), "title")
        intro = theme.set_role(QLabel(self._intro()), "muted")
        intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.button = theme.set_kind(QPushButton(self.tr("Encrypt and continue") if choosing
                                                 else self.tr("Open")), "primary")
        self.button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("Office password"), self.password)
        if choosing:
            form.addRow(self.tr("Type it again"), self.again)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.addWidget(title)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(self.button)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.again.setFocus if choosing else self.submit)
        self.again.returnPressed.connect(self.submit)

    def _intro(self) -> str:
        if self.mode == LOCKED:
            return self.tr("The data on this PC is encrypted. Type the office password to open it (this PC's "
                           "keyring does not hold the key).")
        lead = (self.tr("The data on this PC is not encrypted yet.") if self.mode == LEGACY
                else self.tr("First launch: the data will be encrypted."))
        return lead + " " + self.tr(
            "Choose the office password (at least 8 characters): it opens the data when this PC's keyring "
            "cannot. A recovery sheet is then saved for you to print and lock away.")

    def submit(self) -> None:
        password = self.password.text()
        if self.mode != LOCKED:
            if len(password) < MIN_PASSWORD:
                self.failed(self.tr("The office password needs at least 8 characters."))
                return
            if password != self.again.text():
                self.failed(self.tr("The two passwords typed differ."))
                return
        self.button.setEnabled(False)
        self.message.setText(self.tr("Opening the data…") if self.mode == LOCKED
                             else self.tr("Encrypting the data…"))
        theme.set_tone(self.message, "")
        self.submitted.emit(password)

    def failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        self.again.clear()
        self.password.setFocus()
        self.message.setText(message)
        theme.set_tone(self.message, "danger")

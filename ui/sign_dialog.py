"""Choosing the signing key (a .p12 file, or a USB token's PKCS#11 library and label) and typing its PIN.

Where the key is, is remembered; the PIN never is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from scanning.signing import KeySource, Pkcs11Token, Pkcs12File


class SignDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Sign the digitised documents"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Certificate file (.p12, .pfx)"), "pkcs12")
        self.kind.addItem(self.tr("USB token (PKCS#11)"), "pkcs11")
        self.path = QLineEdit(str(settings.value("signing/path", "")))
        self.path.setPlaceholderText(self.tr("Path of the .p12 file, or of the token's PKCS#11 library"))
        self.token = QLineEdit(str(settings.value("signing/token", "")))
        self.token.setPlaceholderText(self.tr("Token label (USB token only)"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.kind.setCurrentIndex(max(0, self.kind.findData(str(settings.value("signing/kind", "pkcs12")))))
        form = QFormLayout(self)
        form.addRow(self.tr("Key"), self.kind)
        form.addRow(self.tr("Where"), self.path)
        form.addRow(self.tr("Token"), self.token)
        form.addRow(self.tr("PIN or passphrase"), self.pin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def source(self) -> KeySource:
        path = Path(self.path.text().strip())
        if self.kind.currentData() == "pkcs11":
            return Pkcs11Token(path, self.token.text().strip())
        return Pkcs12File(path)

    def accept(self) -> None:
        for key, value in (("kind", self.kind.currentData()), ("path", self.path.text().strip()),
                           ("token", self.token.text().strip())):
            self.settings.setValue(f"signing/{key}", value)
        self.settings.sync()
        super().accept()

    def take_pin(self) -> str:
        """The PIN, once: the field is cleared so it does not stay in the dialog."""
        pin = self.pin.text()
        self.pin.clear()
        return pin

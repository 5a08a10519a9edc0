"""Administration of data protection: is the data encrypted, is the key in this PC's keyring; change the office
password (the key is re-wrapped, the data stays as it is); save the recovery sheet again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import tasks, theme

if TYPE_CHECKING:
    from counter_app.storage.database import Database


def documents_folder() -> Path:
    """Where a recovery sheet is saved to be printed: the user's Documents folder."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


class ProtectPanel(QWidget):
    """`load()` shows the state; `change_password()` and `save_sheet()` run on workers and report by `message`."""

    message = Signal(str)

    def __init__(self, database: Database, sheet_folder: Callable[[], Path] = documents_folder,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.sheet_folder = database, sheet_folder
        self._task: tasks.Task | None = None
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.current, self.new, self.again = QLineEdit(), QLineEdit(), QLineEdit()
        for field in (self.current, self.new, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.change = theme.set_kind(QPushButton(theme.icon("key"), self.tr("Change the office password")), "primary")
        self.sheet = QPushButton(theme.icon("printer"), self.tr("Save the recovery sheet again"))
        box = QGroupBox(self.tr("Office password"))
        form = QFormLayout(box)
        form.addRow(self.tr("Current office password"), self.current)
        form.addRow(self.tr("New office password"), self.new)
        form.addRow(self.tr("Type it again"), self.again)
        note = theme.set_role(QLabel(self.tr("Only the key that opens the data is wrapped again: the data itself is "
                                             "not touched, and the recovery sheet stays valid.")), "muted")
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.change)
        column = QVBoxLayout(self)
        column.addWidget(self.state)
        column.addWidget(box)
        column.addWidget(self.sheet)
        column.addStretch()
        self.change.clicked.connect(self.change_password)
        self.sheet.clicked.connect(self.save_sheet)

    def load(self) -> None:
        folder = self.database.data_dir

        def work() -> tuple[str, bool]:
            from counter_app.protect import access  # noqa: PLC0415

            found = access.status(folder, look_in_keyring=True)
            return found.mode, found.in_keyring

        self._task = tasks.start(work, self._show, self.message.emit, owner=self)

    def _show(self, state: tuple[str, bool]) -> None:
        mode, in_keyring = state
        encrypted = mode == "encrypted"
        if not encrypted:
            self.state.setText(self.tr("The data on this PC is NOT encrypted (development set-up, or made before "
                                       "encryption: run «counter-app protect encrypt»)."))
        elif in_keyring:
            self.state.setText(self.tr("The data is encrypted. This PC's keyring holds the key: the app opens "
                                       "without the office password."))
        else:
            self.state.setText(self.tr("The data is encrypted. The office password is asked for at each start "
                                       "(no keyring on this PC)."))
        theme.set_tone(self.state, "success" if encrypted else "danger")
        for widget in (self.current, self.new, self.again, self.change, self.sheet):
            widget.setEnabled(encrypted)

    def change_password(self) -> None:
        current, new = self.current.text(), self.new.text()
        if new != self.again.text():
            self.message.emit(self.tr("The two passwords typed differ."))
            return
        folder = self.database.data_dir

        def work() -> None:
            from counter_app.protect import access  # noqa: PLC0415

            access.change_password(folder, access.unlock(folder, current, use_keyring=False), new)  # AuthError

        for field in (self.current, self.new, self.again):
            field.clear()
        self._task = tasks.start(work, lambda _none: self.message.emit(
            self.tr("The office password was changed (the data is as it was).")), self.message.emit, owner=self)

    def save_sheet(self) -> None:
        key, folder, target = self.database.key, self.database.data_dir, self.sheet_folder()

        def work() -> Path:
            from counter_app.protect.stream import key_id  # noqa: PLC0415
            from printing.recovery_sheet import write_recovery_sheet  # noqa: PLC0415

            assert key is not None
            target.mkdir(parents=True, exist_ok=True)
            sheet = target / f"Counter - to khoi phuc {key_id(key).hex()}.pdf"
            write_recovery_sheet(sheet, key, str(folder))
            return sheet

        self._task = tasks.start(work, lambda sheet: self.message.emit(
            self.tr("Recovery sheet saved as «{0}»: print it, lock it away, then delete the file.").format(sheet)),
            self.message.emit, owner=self)

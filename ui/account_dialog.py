"""'My account', for everyone: change my password, or my screen-lock PIN (both ask the current password)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.services import users
from counter_app.storage.database import Database
from ui import tasks, theme


class AccountDialog(QDialog):
    """Changes run on a worker; a wrong current password is said and nothing changes."""

    def __init__(self, database: Database, username: str, full_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.username = database, username
        self._task: tasks.Task | None = None
        self.setWindowTitle(self.tr("My account — {0}").format(full_name))
        self.setMinimumWidth(460)
        self.current, self.new, self.repeat = self._secret(), self._secret(), self._secret()
        self.pin_password, self.pin = self._secret(), self._secret()
        self.tabs = QTabWidget()
        password_tab, pin_tab = QWidget(), QWidget()
        form = QFormLayout(password_tab)
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password (at least 8 characters)"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        form = QFormLayout(pin_tab)
        form.addRow(self.tr("Password"), self.pin_password)
        form.addRow(self.tr("New PIN (4–8 digits)"), self.pin)
        self.tabs.addTab(password_tab, theme.icon("key"), self.tr("Password"))
        self.tabs.addTab(pin_tab, theme.icon("lock"), self.tr("Screen-lock PIN"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        theme.set_kind(buttons.button(QDialogButtonBox.StandardButton.Save), "primary")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.tabs)
        column.addWidget(self.message)
        column.addWidget(buttons)

    @staticmethod
    def _secret() -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def save(self) -> None:
        database, username = self.database, self.username
        if self.tabs.currentIndex() == 0:
            old, new = self.current.text(), self.new.text()
            if new != self.repeat.text():
                self._said(self.tr("The two new passwords differ."), "danger")
                return
            self._run(lambda: users.change_password(database, username, old, new), self.tr("Password changed."))
        else:
            password, pin = self.pin_password.text(), self.pin.text().strip()
            self._run(lambda: users.change_pin(database, username, password, pin), self.tr("PIN changed."))

    def _run(self, work: Callable[[], object], done: str) -> None:
        for field in (self.current, self.new, self.repeat, self.pin_password, self.pin):
            field.clear()
        self._task = tasks.start(work, lambda _: self._said(done, "success"),
                                 lambda text: self._said(text, "danger"), owner=self)

    def _said(self, text: str, tone: str) -> None:
        self.message.setText(text)
        theme.set_tone(self.message, tone)

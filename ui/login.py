"""Logging in (argon2 passwords), creating the first administrator, and unlocking a locked screen by PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter_app.errors import AuthError
from counter_app.model import Role
from counter_app.services import users
from counter_app.storage.database import Database
from ui import tasks


class LoginDialog(QDialog):
    """Emits `logged_in(user)`; on a database with no users it creates the first administrator instead."""

    logged_in = Signal(object)

    def __init__(self, database: Database, first_run: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.first_run = database, first_run
        self.user: users.User | None = None
        self._task: tasks.Task | None = None
        self.setWindowTitle(self.tr("Counter — log in"))
        self.username, self.full_name, self.password = QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("Create the administrator") if first_run else self.tr("Log in"))
        self.button.setDefault(True)
        form = QFormLayout(self)
        if first_run:
            form.addRow(QLabel(self.tr("First launch: create the administrator account.")))
        form.addRow(self.tr("Username"), self.username)
        if first_run:
            form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.message)
        form.addRow(self.button)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)

    def submit(self) -> None:
        database, name, password = self.database, self.username.text().strip(), self.password.text()
        full_name = self.full_name.text().strip()
        self.button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        if self.first_run:
            def work() -> users.User:
                users.create_user(database, name, full_name or name, Role.ADMIN.value, password, "setup")
                return users.authenticate(database, name, password)
        else:
            def work() -> users.User:
                return users.authenticate(database, name, password)
        self._task = tasks.start(work, self._done, self._failed, owner=self)

    def _done(self, user: users.User) -> None:
        self.user = user
        self.logged_in.emit(user)
        self.accept()

    def _failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(message)


class LockScreen(QDialog):
    """Covers the window until the same user types their PIN (or password); nothing underneath is lost."""

    unlocked = Signal()

    def __init__(self, database: Database, user: users.User, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.FramelessWindowHint)
        self.database, self.user = database, user
        self._task: tasks.Task | None = None
        self.setModal(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        title = QLabel(self.tr("Screen locked — {0}").format(user.full_name))
        title.setStyleSheet("font-size: 18px; font-weight: bold")
        box = QWidget()
        box.setFixedWidth(460)
        form = QFormLayout(box)
        form.addRow(title)
        form.addRow(self.tr("PIN or password"), self.secret)
        form.addRow(self.message)
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch()
        self.secret.returnPressed.connect(self.submit)

    def submit(self) -> None:
        database, username, secret = self.database, self.user.username, self.secret.text()

        def work() -> bool:
            if users.check_pin(database, username, secret):
                return True
            try:
                users.authenticate(database, username, secret)
            except AuthError:
                return False
            return True

        self.secret.clear()
        self._task = tasks.start(work, self._checked, self.message.setText, owner=self)

    def _checked(self, ok: bool) -> None:
        if ok:
            self.unlocked.emit()
            self.accept()
        else:
            self.message.setText(self.tr("Wrong PIN or password."))

    def reject(self) -> None:
        """Escape does not unlock."""



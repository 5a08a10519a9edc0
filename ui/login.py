"""Logging in (argon2 passwords), creating the first administrator, and unlocking a locked screen by PIN.

The log-in window shows at once; the database opens behind it and the button waits for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import tasks, theme

if TYPE_CHECKING:
    from counter_app.services.users import User
    from counter_app.storage.database import Database


class StartDialog(QDialog):
    """A window shown before anything else can be used: Escape does not close it, and closing it closes the
    application (there is nothing behind it)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)

    def reject(self) -> None:
        super().reject()
        parent = self.parentWidget()
        if parent is not None:
            parent.close()


class LoginDialog(StartDialog):
    """Emits `logged_in(user)`; on a database with no users it creates the first administrator instead."""

    logged_in = Signal(object)

    def __init__(self, database: Database | None, first_run: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.first_run = database, first_run
        self.user: User | None = None
        self._pending = False  # Enter pressed before the database opened: log in as soon as it has
        self._task: tasks.Task | None = None
        self.setWindowTitle(self.tr("Counter — log in"))
        self.setMinimumWidth(420)
        self.username, self.full_name, self.password = QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.title = theme.set_role(QLabel(self.tr("Log in")), "title")
        self.intro = theme.set_role(QLabel(), "muted")
        self.intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("Log in"))
        theme.set_kind(self.button, "primary")
        self.button.setDefault(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Username"), self.username)
        self.form.addRow(self.tr("Full name"), self.full_name)
        self.form.addRow(self.tr("Password"), self.password)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addLayout(self.form)
        column.addWidget(self.message)
        column.addWidget(self.button)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.set_database(database, first_run)

    def set_database(self, database: Database | None, first_run: bool) -> None:
        """The database has opened (or not yet, with None): first launch asks for the administrator."""
        self.database, self.first_run = database, first_run
        self.form.setRowVisible(self.full_name, first_run)
        self.title.setText(self.tr("Create the administrator") if first_run else self.tr("Log in"))
        self.intro.setText(self.tr("First launch: create the administrator account.") if first_run else "")
        self.intro.setVisible(first_run)
        self.button.setText(self.tr("Create the administrator") if first_run else self.tr("Log in"))
        self.button.setEnabled(database is not None)
        self.message.setText("" if database is not None else self.tr("Opening the data…"))
        if database is not None and self._pending:
            self.submit()

    def submit(self) -> None:
        self._pending = self.database is None
        if self.database is None:
            return
        database, name, password = self.database, self.username.text().strip(), self.password.text()
        full_name, first_run = self.full_name.text().strip(), self.first_run
        self.button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))

        def work() -> User:
            from counter_app.model import Role  # noqa: PLC0415 (the log-in window shows before these load)
            from counter_app.services import users  # noqa: PLC0415

            if first_run:
                users.create_user(database, name, full_name or name, Role.ADMIN.value, password, "setup")
            return users.authenticate(database, name, password)

        self._task = tasks.start(work, self._done, self._failed, owner=self)

    def _done(self, user: User) -> None:
        self.user = user
        self.logged_in.emit(user)
        self.accept()

    def _failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(message)
        theme.set_tone(self.message, "danger")



class LockScreen(QDialog):
    """Covers the window until the same user types their PIN (or password), or someone else logs in."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, database: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.FramelessWindowHint)
        self.database, self.user = database, user
        self._task: tasks.Task | None = None
        self.setModal(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        title = theme.set_role(QLabel(self.tr("Screen locked — {0}").format(user.full_name)), "title")
        self.unlock_button = theme.set_kind(QPushButton(theme.icon("lock", "on_primary"), self.tr("Unlock")),
                                            "primary")
        self.switch_button = QPushButton(theme.icon("switch-horizontal"), self.tr("Switch user"))
        box = QWidget()
        box.setFixedWidth(480)
        form = QFormLayout(box)
        form.addRow(title)
        form.addRow(self.tr("PIN or password"), self.secret)
        form.addRow(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch()
        buttons.addWidget(self.unlock_button)
        form.addRow(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch()
        self.secret.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button.clicked.connect(self._switch)

    def submit(self) -> None:
        database, username, secret = self.database, self.user.username, self.secret.text()

        def work() -> bool:
            from counter_app.errors import AuthError  # noqa: PLC0415
            from counter_app.services import users  # noqa: PLC0415

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
            theme.set_tone(self.message, "danger")

    def _switch(self) -> None:
        self.switch_user.emit()
        self.accept()

    def reject(self) -> None:
        """Escape does not unlock."""

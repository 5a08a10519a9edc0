"""Administration of users: the list with roles in Vietnamese, deactivate or reactivate, reset a password."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.services import users
from counter_app.storage.database import Database
from ui import tasks, theme
from ui.row_table import row_table
from ui.status_items import role_name
from ui.table_models import RowsModel


class UsersPanel(QWidget):
    """`load()` lists everybody; actions run on a worker and report through `message`."""

    message = Signal(str)

    def __init__(self, database: Database, actor: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self._task: tasks.Task | None = None
        self.model = RowsModel([self.tr("Username"), self.tr("Full name"), self.tr("Role"), self.tr("State")], self)
        self.table = row_table(self.model)
        self.toggle_button = theme.set_kind(QPushButton(self.tr("Deactivate…")), "destructive")
        self.reset_button = QPushButton(theme.icon("key"), self.tr("Reset password…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch()
        buttons.addWidget(self.toggle_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.reset_button.clicked.connect(self.ask_reset)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())

    def load(self) -> None:
        database = self.database
        self._task = tasks.start(lambda: users.list_users(database), self._show, self.message.emit, owner=self)

    def _show(self, found: list[users.User]) -> None:
        self.model.set_rows([(u.username, u.full_name, role_name(u.role),
                              self.tr("active") if u.active else self.tr("deactivated")) for u in found], found)
        self._selection_changed()

    def selected(self) -> users.User | None:
        row = self.table.currentIndex().row()
        user = self.model.payload(row) if 0 <= row < self.model.rowCount() else None
        return user if isinstance(user, users.User) else None

    def select(self, username: str) -> None:
        for row in range(self.model.rowCount()):
            user = self.model.payload(row)
            if isinstance(user, users.User) and user.username == username:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        user = self.selected()
        self.toggle_button.setEnabled(user is not None)
        self.reset_button.setEnabled(user is not None and user.active)
        active = user is None or user.active
        self.toggle_button.setText(self.tr("Deactivate…") if active else self.tr("Reactivate"))
        theme.set_kind(self.toggle_button, "destructive" if active else "")

    def toggle_selected(self, confirmed: bool = False) -> None:
        """Deactivating asks first, naming the person; reactivating does not."""
        user = self.selected()
        if user is None:
            return
        if user.active and not confirmed and not self._confirm_deactivation(user):
            return
        database, actor, active = self.database, self.actor(), not user.active
        self._task = tasks.start(lambda: users.set_active(database, user.username, active, actor),
                                 lambda changed: self._changed(self.tr("{0} is now {1}.").format(
                                     changed.full_name, self.tr("active") if changed.active
                                     else self.tr("deactivated"))), self.message.emit, owner=self)

    def _confirm_deactivation(self, user: users.User) -> bool:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Deactivate a user"),
                          self.tr("Deactivate {0} ({1})? They will no longer be able to log in; their work is kept.")
                          .format(user.full_name, user.username), QMessageBox.StandardButton.Cancel, self)
        confirm = box.addButton(self.tr("Deactivate {0}").format(user.username), QMessageBox.ButtonRole.AcceptRole)
        theme.set_kind(confirm, "destructive")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is confirm

    def ask_reset(self) -> None:
        user = self.selected()
        if user is None:
            return
        password, ok = QInputDialog.getText(
            self, self.tr("Reset password"),
            self.tr("New password for {0} (at least 8 characters; they change it afterwards):").format(user.full_name),
            QLineEdit.EchoMode.Password)
        if ok:
            self.reset(user.username, password)

    def reset(self, username: str, password: str) -> None:
        database, actor = self.database, self.actor()
        self._task = tasks.start(lambda: users.reset_password(database, username, password, actor),
                                 lambda _: self._changed(self.tr("Password of {0} reset.").format(username)),
                                 self.message.emit, owner=self)

    def _changed(self, text: str) -> None:
        self.message.emit(text)
        self.load()

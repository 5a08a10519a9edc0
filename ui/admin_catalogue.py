"""Administration of the catalogue: the procedures in force whose published time limit is missing or not
stated (not offered at intake), and the time limit an administrator states for one of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.clock import local, now
from counter_app.model import Procedure
from counter_app.services import catalogue
from counter_app.storage.database import Database
from ui import tasks, theme
from ui.row_table import row_table
from ui.table_models import RowsModel


class CataloguePanel(QWidget):
    """`load()` lists the incomplete procedures; setting a time runs on a worker and reports through `message`."""

    message = Signal(str)

    def __init__(self, database: Database, actor: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self._task: tasks.Task | None = None
        self.model = RowsModel([self.tr("Code"), self.tr("Procedure"), self.tr("Published time limit")], self)
        self.table = row_table(self.model)
        self.time_limit = QLineEdit()
        self.time_limit.setPlaceholderText(self.tr("e.g. 05 ngày làm việc, Trong ngày, 8 giờ, 15 ngày"))
        self.set_button = theme.set_kind(QPushButton(self.tr("Set the time limit")), "primary")
        hint = theme.set_role(QLabel(self.tr(
            "These procedures were imported without a time limit and are not offered at intake until one is set. "
            "Catalogue files are imported with «counter-app catalogue import FILE».")), "muted")
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.time_limit, 1)
        row.addWidget(self.set_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(hint)
        column.addWidget(self.table, 1)
        column.addLayout(row)
        self.set_button.clicked.connect(self.set_selected)
        self.time_limit.returnPressed.connect(self.set_selected)

    def load(self) -> None:
        database = self.database
        self._task = tasks.start(lambda: _incomplete(database, _today()), self._show, self.message.emit, owner=self)

    def _show(self, procedures: list[Procedure]) -> None:
        self.model.set_rows([(p.code, p.name, p.time_limit.text or "—") for p in procedures],
                            [p.code for p in procedures])
        if procedures:
            self.table.selectRow(0)

    def set_selected(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            self.message.emit(self.tr("Choose a procedure in the list first."))
            return
        code, text, database, actor = str(self.model.payload(row)), self.time_limit.text(), self.database, self.actor()
        self._task = tasks.start(lambda: catalogue.set_time_limit(database, code, text, actor, _today()),
                                 self._done, self.message.emit, owner=self)

    def _done(self, procedure: Procedure) -> None:
        self.time_limit.clear()
        self.message.emit(self.tr("{0}: time limit set to «{1}»; the procedure is offered at intake.").format(
            procedure.code, procedure.time_limit.text))
        self.load()


def _incomplete(database: Database, on: dt.date) -> list[Procedure]:
    return [p for p in catalogue.list_procedures(database, on) if p.incomplete]


def _today() -> dt.date:
    return local(now()).date()

"""The dossiers behind one count of the report (a drill-down), each opened with Enter or a double-click."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from counter_app.clock import local
from counter_app.lifecycle import label
from counter_app.model import DossierSummary
from counter_app.reports.periods import Period
from counter_app.services.reports import dossiers_behind
from counter_app.storage.database import Database
from ui import tasks
from ui.table_models import RowsModel


class DrillDialog(QDialog):
    """Loads the dossiers on a worker; `open_requested(code)` asks the window to show one."""

    open_requested = Signal(str)

    def __init__(self, database: Database, period: Period, figure: str, grouping: str, key: str, caption: str,
                 language: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setWindowTitle(caption)
        self.resize(820, 420)
        self.caption = QLabel(self.tr("Loading…"))
        self.model = RowsModel([self.tr("Code"), self.tr("Applicant"), self.tr("Procedure"), self.tr("Status"),
                                self.tr("Due")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self._open(index.row()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        self._task = tasks.start(lambda: dossiers_behind(database, period, figure, grouping, key), self.show_rows,
                                 self.caption.setText, owner=self)

    def show_rows(self, found: list[DossierSummary]) -> None:
        self.caption.setText(self.tr("%n dossier(s)", "", len(found)))
        self.model.set_rows([(d.code or str(d.id), d.applicant_name, d.procedure_name, label(d.status, self.language),
                              f"{local(d.due_at):%H:%M %d/%m/%Y}" if d.due_at else "") for d in found], found)
        if found:
            self.table.selectRow(0)
            self.table.setFocus()

    def _open(self, row: int) -> None:
        dossier = self.model.payload(row)
        assert isinstance(dossier, DossierSummary)
        self.open_requested.emit(dossier.code or str(dossier.id))
        self.accept()

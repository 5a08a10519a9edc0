"""The dossier list as a lazy table model: pages load on a worker as the view scrolls, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from counter_app.clock import local
from counter_app.lifecycle import label
from counter_app.model import DossierSummary
from counter_app.services.queries import DossierFilter, list_page
from counter_app.storage.database import Database
from ui import tasks
from ui.table_models import FlatTableModel

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor(180, 0, 0)


class DossierTableModel(FlatTableModel):
    """Rows are `DossierSummary`; `fetchMore` asks a worker for the next page (keyset paging)."""

    loading = Signal(bool)
    failed = Signal(str)

    def __init__(
        self, database: Database, page_size: int = 200, language: str = "vi", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.database, self.page_size, self.language = database, page_size, language
        self.criteria = DossierFilter()
        self.rows: list[DossierSummary] = []
        self._exhausted = False
        self._generation = 0
        self._task: tasks.Task | None = None
        self.headers = [
            self.tr("Dossier code"),
            self.tr("Applicant"),
            self.tr("ID number"),
            self.tr("Procedure"),
            self.tr("Status"),
            self.tr("Accepted"),
            self.tr("Due"),
        ]

    def set_filter(self, criteria: DossierFilter) -> None:
        """Show the dossiers matching `criteria` from the top."""
        self.beginResetModel()
        self.criteria, self.rows, self._exhausted = criteria, [], False
        self._generation += 1
        self._task = None
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted or self._task is not None:
            return
        generation, after = self._generation, self.rows[-1] if self.rows else None
        database, criteria, size = self.database, self.criteria, self.page_size
        self.loading.emit(True)
        self._task = tasks.start(
            lambda: list_page(database, criteria, after, size),
            lambda page: self._arrived(generation, page),
            self._failed,
            owner=self,
        )

    def summary(self, row: int) -> DossierSummary:
        return self.rows[row]

    def _arrived(self, generation: int, page: list[DossierSummary]) -> None:
        if generation != self._generation:
            return  # a page for a filter that has since changed
        self._exhausted = len(page) < self.page_size
        if page:  # still "in flight" while inserting: a view may ask for more from inside these signals
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()
        self._task = None
        self.loading.emit(False)

    def _failed(self, message: str) -> None:
        self._task = None
        self._exhausted = True
        self.loading.emit(False)
        self.failed.emit(message)

    def _cell(self, row: DossierSummary, column: int) -> str:
        values = (
            row.code or self.tr("(no code)"),
            row.applicant_name,
            row.applicant_id_number,
            row.procedure_name,
            label(row.status, self.language),
            f"{local(row.accepted_at):%d/%m/%Y %H:%M}" if row.accepted_at else "",
            f"{local(row.due_at):%d/%m/%Y %H:%M}" if row.due_at else "",
        )
        return values[column]

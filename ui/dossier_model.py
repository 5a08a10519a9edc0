"""The dossier list as a lazy table model: pages load on a worker as the view scrolls, newest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from counter_app.clock import local, now
from counter_app.deadlines import days_overdue
from counter_app.lifecycle import label
from counter_app.model import DossierSummary
from counter_app.services.queries import DossierFilter, list_dossiers, list_page
from counter_app.storage.database import Database
from counter_app.textfold import fold
from ui import tasks
from ui.table_models import FlatTableModel

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor(180, 35, 24)
DAYS_OVERDUE = 7
SORT_LIMIT = 20_000


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
            self.tr("Days overdue"),
        ]
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_filter(self, criteria: DossierFilter) -> None:
        """Show the dossiers matching `criteria` from the top (in list order; a sort is applied again)."""
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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column(), role)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == DAYS_OVERDUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _text(self, row: DossierSummary, column: int, role: int) -> str | None:
        """The cell; as a tooltip, the whole procedure name, or the name with the CCCD number (hidden column)."""
        if role == Qt.ItemDataRole.DisplayRole or column == 3:
            return self._cell(row, column)
        return f"{row.applicant_name} — CCCD {row.applicant_id_number}" if column == 1 else None

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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column: the whole list is read first (up to SORT_LIMIT dossiers), then sorted here."""
        if column < 0:
            self.sorted_by = None
            return
        self.sorted_by = (column, order)
        if self._exhausted:
            self._sort_rows()
            return
        generation, database, criteria = self._generation, self.database, self.criteria
        self.loading.emit(True)
        self._task = tasks.start(lambda: list_dossiers(database, criteria, limit=SORT_LIMIT),
                                 lambda rows: self._all_arrived(generation, rows), self._failed, owner=self)

    def _all_arrived(self, generation: int, rows: list[DossierSummary]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self.rows, self._exhausted, self._task = rows, True, None
        self.endResetModel()
        self._sort_rows()
        self.loading.emit(False)

    def _sort_rows(self) -> None:
        if self.sorted_by is None:
            return
        column, order = self.sorted_by
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=lambda row: _sort_key(row, column, self.now),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def summary(self, row: int) -> DossierSummary:
        return self.rows[row]

    def _arrived(self, generation: int, page: list[DossierSummary]) -> None:
        if generation != self._generation:
            return  # a page for a filter that has since changed
        self._exhausted = len(page) < self.page_size
        if page and self.sorted_by is not None and not self._exhausted:
            self._task = None
            self.sort(*self.sorted_by)  # a sorted list is read whole
            return
        if page:  # still "in flight" while inserting: a view may ask for more from inside these signals
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()
        self._task = None
        self._sort_rows()
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
            f"{local(row.accepted_at):%d/%m/%Y}" if row.accepted_at else "",
            f"{local(row.due_at):%d/%m/%Y %H:%M}" if row.due_at else "",
            str(days_overdue(row.due_at, self.now) or "") if row.overdue else "",  # only while still open
        )
        return values[column]

    @property
    def now(self) -> dt.datetime:
        return now()


def _sort_key(row: DossierSummary, column: int, at: dt.datetime) -> tuple[object, ...]:
    """What a column sorts by: text without diacritics, dates as dates, days overdue as numbers."""
    missing = dt.datetime.min.replace(tzinfo=dt.UTC)
    keys: tuple[object, ...] = (
        row.code or "", fold(row.applicant_name), row.applicant_id_number, fold(row.procedure_name),
        row.status.value, row.accepted_at or missing, row.due_at or missing,
        days_overdue(row.due_at, at) if row.overdue else 0,
    )
    return (keys[column], row.code or "")

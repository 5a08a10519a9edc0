"""The breakdown table of the report screen: the office's total, then one row per field, clerk or procedure."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from counter_app.reports.figures import COUNTED
from counter_app.reports.labels import TABLE_COLUMNS, figure_label
from counter_app.reports.report import Report
from counter_app.reports.tables import Value, shown
from ui.table_models import FlatTableModel, Index

GROUPINGS = ("field", "clerk", "procedure")


class GroupsModel(FlatTableModel):
    """Read-only; `target(index)` names what a count cell is made of, for the drill-down."""

    def __init__(self, first_header: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.first_header = first_header
        self.headers = [first_header]
        self.rows: list[tuple[str, str, str, list[Value]]] = []  # (grouping, key, label, values)

    def show(self, report: Report, grouping: str, language: str = "vi") -> None:
        groups = {"field": report.by_field, "clerk": report.by_clerk, "procedure": report.by_procedure}[grouping]
        self.beginResetModel()
        self.headers = [self.first_header, *(figure_label(name, language) for name in TABLE_COLUMNS)]
        total = ("office", "", "Tổng cộng" if language != "en" else "Total",
                 [getattr(report.totals, name) for name in TABLE_COLUMNS])
        self.rows = [total, *((grouping, g.key, g.label, [getattr(g.figures, n) for n in TABLE_COLUMNS])
                              for g in groups)]
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        _grouping, _key, label, values = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return label if column == 0 else shown(values[column - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def target(self, index: Index) -> tuple[str, str, str, str] | None:
        """(grouping, figure, group key, caption) of a count cell; None for labels and averages."""
        if not index.isValid() or index.column() == 0 or not 0 <= index.row() < len(self.rows):
            return None
        figure = TABLE_COLUMNS[index.column() - 1]
        if figure not in COUNTED:
            return None
        grouping, key, label, _values = self.rows[index.row()]
        return grouping, figure, key, f"{label} — {self.headers[index.column()]}"

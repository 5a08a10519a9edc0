"""The intake's document checklist as a table: Space ticks the current document and moves to the next one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.checklist_model import HANDED_IN, NAME, ChecklistModel


class ChecklistTable(QTableView):
    """One key per document handed in: Space ticks (or unticks) and goes down a row, skipping group headings."""

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.checklist = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # long names wrap
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)  # the document's name gets the room
        model.modelReset.connect(self._fit_headers)
        self._fit_headers()
        header.setToolTip(self.tr("Handed in · document · original or copy · copies · copies to certify"))

    def _fit_headers(self) -> None:
        """Each small column as wide as its heading; the document's name takes the rest."""
        header = self.horizontalHeader()
        font = header.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        for column in range(self.checklist.columnCount()):
            if column != NAME:
                caption = str(self.checklist.headerData(column, Qt.Orientation.Horizontal) or "")
                header.resizeSection(column, metrics.horizontalAdvance(caption) + 24)

    def start(self) -> None:
        """Focus on the first document, ready for Space."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        first = self._next_document(-1)
        if first is not None:
            self.setCurrentIndex(self.checklist.index(first, HANDED_IN))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() != Qt.Key.Key_Space or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        row = self.currentIndex().row()
        if self.checklist.document_at(row) is not None:
            self.checklist.toggle(row)
        following = self._next_document(row)
        if following is not None:
            self.setCurrentIndex(self.checklist.index(following, HANDED_IN))

    def _next_document(self, row: int) -> int | None:
        return next((r for r in range(row + 1, self.checklist.rowCount()) if self.checklist.document_at(r) is not None),
                    None)

"""The intake's document checklist: tick what was handed in, its kind and how many; editable by keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from counter_app.model import DocumentEntry, DocumentKind, Procedure, RequiredDocument
from ui.table_models import FlatTableModel

Index = QModelIndex | QPersistentModelIndex
HANDED_IN, NAME, KIND, COPIES = range(4)
KINDS = list(DocumentKind)


class ChecklistModel(FlatTableModel):
    """Space on the first column ticks a document; F2 on kind or copies edits them."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.documents: list[RequiredDocument] = []
        self.handed_in: list[bool] = []
        self.kinds: list[DocumentKind] = []
        self.copies: list[int] = []
        self.headers = [self.tr("Handed in"), self.tr("Document"), self.tr("Original / copy"), self.tr("Copies")]
        self.kind_names = {DocumentKind.ORIGINAL: self.tr("Original"),
                           DocumentKind.CERTIFIED_COPY: self.tr("Certified copy"), DocumentKind.COPY: self.tr("Copy")}

    def set_procedure(self, procedure: Procedure | None) -> None:
        self.beginResetModel()
        self.documents = list(procedure.documents) if procedure else []
        self.handed_in = [False] * len(self.documents)
        self.kinds = [doc.kind for doc in self.documents]
        self.copies = [doc.quantity for doc in self.documents]
        self.endResetModel()
        self.changed.emit()

    def entries(self) -> tuple[DocumentEntry, ...]:
        """What the clerk ticked, as the intake service takes it."""
        return tuple(DocumentEntry(doc.name, self.kinds[n], self.copies[n])
                     for n, doc in enumerate(self.documents) if self.handed_in[n])

    def missing(self) -> list[str]:
        return [doc.name for n, doc in enumerate(self.documents) if doc.mandatory and not self.handed_in[n]]

    def pages(self) -> int:
        return sum(self.copies[n] for n in range(len(self.documents)) if self.handed_in[n])

    def row_count(self) -> int:
        return len(self.documents)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() == HANDED_IN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (KIND, COPIES):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.documents):
            return None
        row, column = index.row(), index.column()
        if column == HANDED_IN and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.handed_in[row] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return {KIND: KINDS.index(self.kinds[row]), COPIES: self.copies[row]}.get(column)
        return None

    def _display(self, row: int, column: int) -> str | int | None:
        document = self.documents[row]
        values: dict[int, str | int] = {
            NAME: document.name if document.mandatory or "(" in document.name else document.name + self.tr(" (if any)"),
            KIND: self.kind_names[self.kinds[row]], COPIES: self.copies[row],
        }
        return values.get(column)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        if column == HANDED_IN and role == Qt.ItemDataRole.CheckStateRole:
            self.handed_in[row] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif column == KIND and role == Qt.ItemDataRole.EditRole:
            self.kinds[row] = KINDS[int(value) % len(KINDS)]
        elif column == COPIES and role == Qt.ItemDataRole.EditRole and int(value) >= 1:
            self.copies[row] = int(value)
        else:
            return False
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True

    def toggle(self, row: int) -> None:
        state = Qt.CheckState.Unchecked if self.handed_in[row] else Qt.CheckState.Checked
        self.setData(self.index(row, HANDED_IN), state.value, Qt.ItemDataRole.CheckStateRole)

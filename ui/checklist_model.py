"""The intake's document checklist for one case: tick what was handed in (or shown), its kind, copies handed in
and copies to certify; alternatives groups under a heading row, conditions written out; editable by keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.checklist import missing_documents
from counter_app.model import DocumentEntry, DocumentKind, Procedure, ProcedureCase, RequiredDocument
from ui.table_models import FlatTableModel

Index = QModelIndex | QPersistentModelIndex
HANDED_IN, NAME, KIND, COPIES, CERTIFY = range(5)
KINDS = list(DocumentKind)
GREY = QColor("#5f5f5f")
GROUP_BACKGROUND = QColor("#eef3fb")


class ChecklistModel(FlatTableModel):
    """Space on the first column ticks a document; F2 on kind, copies or copies to certify edits them.

    Rows are documents, and a heading row above each alternatives group ("one of the following")."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case: ProcedureCase | None = None
        self.documents: list[RequiredDocument] = []
        self.rows: list[int | str] = []  # a document's index, or a group's label (its heading row)
        self.handed_in: list[bool] = []
        self.kinds: list[DocumentKind] = []
        self.copies: list[int] = []
        self.certify: list[int] = []
        self.headers = [self.tr("Handed in"), self.tr("Document"), self.tr("Original / copy"), self.tr("Copies"),
                        self.tr("To certify")]
        self.kind_names = {DocumentKind.ORIGINAL: self.tr("Original"),
                           DocumentKind.CERTIFIED_COPY: self.tr("Certified copy"), DocumentKind.COPY: self.tr("Copy")}

    def set_procedure(self, procedure: Procedure | None, case: int = 1) -> None:
        self.set_case(procedure.case(case) if procedure and procedure.cases else None)

    def set_case(self, case: ProcedureCase | None) -> None:
        self.beginResetModel()
        self.case = case
        self.documents = list(case.documents) if case else []
        self.rows = _rows(self.documents)
        self.handed_in = [False] * len(self.documents)
        self.kinds = [doc.kind for doc in self.documents]
        self.copies = [max(1, doc.quantity) for doc in self.documents]
        self.certify = [0] * len(self.documents)
        self.endResetModel()
        self.changed.emit()

    def document_at(self, row: int) -> int | None:
        """The document index shown on `row`; None on a group's heading row."""
        item = self.rows[row] if 0 <= row < len(self.rows) else None
        return item if isinstance(item, int) else None

    def entries(self) -> tuple[DocumentEntry, ...]:
        """What the clerk ticked, as the intake service takes it."""
        return tuple(DocumentEntry(doc.name, self.kinds[n], self.copies[n], 1, self.certify[n])
                     for n, doc in enumerate(self.documents) if self.handed_in[n])

    def missing(self) -> list[str]:
        if self.case is None:
            return []
        return missing_documents(self.case, [d.name for n, d in enumerate(self.documents) if self.handed_in[n]])

    def row_count(self) -> int:
        return len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        number = self.document_at(index.row()) if index.isValid() else None
        if number is None:
            return base
        if index.column() == HANDED_IN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        document = self.documents[number]
        if index.column() in (KIND, COPIES, CERTIFY) and not (document.show_only or document.note_only):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        number = self.document_at(index.row())
        if number is None:
            return self._heading(str(self.rows[index.row()]), index.column(), role)
        return self._document(number, index.column(), role)

    def _heading(self, label: str, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == NAME:
            return self.tr("{0} (tick at least one):").format(label.rstrip(" :"))
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return label
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(GROUP_BACKGROUND)
        return None

    def _document(self, number: int, column: int, role: int) -> Any:
        document = self.documents[number]
        if column == HANDED_IN and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.handed_in[number] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(number, column)
        if role == Qt.ItemDataRole.EditRole:
            return {KIND: KINDS.index(self.kinds[number]), COPIES: self.copies[number],
                    CERTIFY: self.certify[number]}.get(column)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            condition = self.tr("If: {0}").format(document.condition) if document.condition else ""
            template = self.tr("Form template: {0}").format(document.template) if document.template else ""
            counts = self.tr("Published: {0} original(s), {1} certified copy(ies), {2} copy(ies)").format(
                document.originals, document.certified_copies, document.copies)
            return "\n".join(part for part in (document.name, condition, template, counts) if part)
        return _style(document, role)

    def _display(self, number: int, column: int) -> str | int | None:
        document = self.documents[number]
        if column == NAME:
            return self._name(document)
        if document.show_only:
            return self.tr("shown only") if column == KIND else None
        if document.note_only:
            return None
        values: dict[int, str | int] = {KIND: self.kind_names[self.kinds[number]], COPIES: self.copies[number],
                                        CERTIFY: self.certify[number] or ""}
        return values.get(column)

    def _name(self, document: RequiredDocument) -> str:
        name = ("    ◦ " if document.group else "") + document.name
        if document.condition and document.condition != "nếu có" and not document.name.startswith(
                document.condition):
            name = self.tr("If {0}: {1}").format(document.condition, name)
        elif not document.mandatory and "(" not in document.name:
            name += self.tr(" (if any)")
        if document.show_only:
            name += self.tr(" — show only, not handed in")
        if document.note_only:
            name += self.tr(" — note")
        return name

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        number = self.document_at(index.row()) if index.isValid() else None
        if number is None:
            return False
        column = index.column()
        if column == HANDED_IN and role == Qt.ItemDataRole.CheckStateRole:
            self.handed_in[number] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif column == KIND and role == Qt.ItemDataRole.EditRole:
            self.kinds[number] = KINDS[int(value) % len(KINDS)]
        elif column == COPIES and role == Qt.ItemDataRole.EditRole and int(value) >= 1:
            self.copies[number] = int(value)
        elif column == CERTIFY and role == Qt.ItemDataRole.EditRole and int(value) >= 0:
            self.certify[number] = int(value)
        else:
            return False
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True

    def toggle(self, row: int) -> None:
        number = self.document_at(row)
        if number is None:
            return
        state = Qt.CheckState.Unchecked if self.handed_in[number] else Qt.CheckState.Checked
        self.setData(self.index(row, HANDED_IN), state.value, Qt.ItemDataRole.CheckStateRole)

    def row_of(self, name: str) -> int:
        """The row showing the document `name`."""
        return next(row for row, item in enumerate(self.rows)
                    if isinstance(item, int) and self.documents[item].name == name)


def _style(document: RequiredDocument, role: int) -> Any:
    """Grey for rows that never block, italic for conditional rows, a tint for a group's members."""
    if role == Qt.ItemDataRole.ForegroundRole and not document.blocking and not document.group:
        return QBrush(GREY)
    if role == Qt.ItemDataRole.FontRole and document.condition:
        font = QFont()
        font.setItalic(True)
        return font
    if role == Qt.ItemDataRole.BackgroundRole and document.group:
        return QBrush(GROUP_BACKGROUND)
    return None


def _rows(documents: list[RequiredDocument]) -> list[int | str]:
    rows: list[int | str] = []
    for number, document in enumerate(documents):
        if document.group and document.group not in rows:
            rows.append(document.group)
        rows.append(number)
    return rows

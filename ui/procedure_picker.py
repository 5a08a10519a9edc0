"""Finding a procedure by part of its name or code, diacritics optional, from the keyboard: type, then Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from counter_app.model import Procedure
from counter_app.textfold import fold


class ProcedurePicker(QWidget):
    """Emits `chosen(procedure)` on Enter (the highlighted match) or on activating a row."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.procedures: list[Procedure] = []
        self.procedure: Procedure | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Procedure: type part of its name or code, then Enter"))
        self.matches = QListWidget()
        self.matches.setMaximumHeight(76)
        self.label = QLabel(self.tr("No procedure chosen"))
        self.label.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.matches, self.label):
            column.addWidget(widget)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._choose_current)
        self.matches.itemActivated.connect(self._activated)

    def set_procedures(self, procedures: list[Procedure]) -> None:
        self.procedures = [p for p in procedures if p.postal_eligible and not p.presence_required and not p.incomplete]
        self._filter(self.search.text())

    def choose(self, procedure: Procedure | None) -> None:
        self.procedure = procedure
        self.label.setText(f"<b>{procedure.code}</b> {procedure.name}" if procedure else self.tr("No procedure chosen"))
        if procedure is not None:
            self.chosen.emit(procedure)

    @Slot(str)
    def _filter(self, text: str) -> None:
        wanted = fold(text).split()
        self.matches.clear()
        for procedure in self.procedures:
            if all(word in fold(f"{procedure.code} {procedure.name}") for word in wanted):
                item = QListWidgetItem(f"{procedure.code} — {procedure.name}")
                item.setData(Qt.ItemDataRole.UserRole, procedure)
                self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    @Slot()
    def _choose_current(self) -> None:
        item = self.matches.currentItem()
        if item is not None and self.search.text().strip():
            self.choose(item.data(Qt.ItemDataRole.UserRole))
        elif self.procedure is not None:
            self.chosen.emit(self.procedure)  # Enter on an empty search keeps the procedure of the last envelope

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        self.choose(item.data(Qt.ItemDataRole.UserRole))

"""Finding dossiers: a search box (code, name without diacritics, ID number, phone) and filters over a lazy list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.lifecycle import Status, label
from counter_app.services.queries import DossierFilter
from counter_app.storage.database import Database
from ui.dossier_model import DossierTableModel

QUICK = ("all", "due_today", "overdue", "ready", "waiting")


class DossierListView(QWidget):
    """Emits `open_requested(ref)` on Enter or double-click."""

    open_requested = Signal(str)

    def __init__(self, database: Database, language: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DossierTableModel(database, language=language, parent=self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: code, name (diacritics optional), CCCD number or phone"))
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), "")
        for status in Status:
            self.status.addItem(label(status, language), status.value)
        self.quick = QComboBox()
        for key, caption in zip(QUICK, (self.tr("All"), self.tr("Due today"), self.tr("Overdue"),
                                        self.tr("Ready to return"), self.tr("Waiting for a supplement")), strict=True):
            self.quick.addItem(caption, key)
        self.procedure = QLineEdit()
        self.procedure.setPlaceholderText(self.tr("Procedure code"))
        self.use_dates = QCheckBox(self.tr("Accepted from"))
        self.date_from, self.date_to = QDateEdit(QDate.currentDate()), QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._size_columns()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.count_label = QLabel()
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._arrange()
        self._connect()

    def _size_columns(self) -> None:
        """Widths from samples, not from the rows: measuring 200,000 lazy rows would stall scrolling."""
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        samples = ("000.00.00.H99-261231-0000", "Tôn Nữ Hoàng Khánh Uyển", "079195000123", "",
                   "Hướng dẫn bổ sung tại quầy", "00:00 00/00/0000", "00:00 00/00/0000")
        for column, sample in enumerate(samples):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def _arrange(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.search, self.status, self.quick, self.procedure, self.use_dates, self.date_from,
                       QLabel(self.tr("to")), self.date_to):
            filters.addWidget(widget)
        filters.setStretch(0, 3)
        column = QVBoxLayout(self)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.count_label)

    def _connect(self) -> None:
        self._debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.procedure.textChanged.connect(lambda _: self._debounce.start())
        for combo in (self.status, self.quick):
            combo.currentIndexChanged.connect(lambda _: self.apply())
        self.use_dates.toggled.connect(lambda _: self.apply())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _: self.use_dates.isChecked() and self.apply())
        self.search.returnPressed.connect(self._open_first)
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.model.rowsInserted.connect(self._count)
        self.model.modelReset.connect(self._count)
        self.model.failed.connect(self.count_label.setText)

    def criteria(self) -> DossierFilter:
        statuses = {Status(self.status.currentData())} if self.status.currentData() else set()
        quick = self.quick.currentData()
        if quick == "ready":
            statuses = {Status.RESULT_READY}
        elif quick == "waiting":
            statuses = {Status.SUPPLEMENT_REQUESTED}
        dates: tuple[dt.date | None, dt.date | None] = (None, None)
        if self.use_dates.isChecked():
            dates = (self.date_from.date().toPython(), self.date_to.date().toPython())  # type: ignore[assignment]
        return DossierFilter(statuses=frozenset(statuses), procedure_code=self.procedure.text().strip(),
                             accepted_from=dates[0], accepted_to=dates[1], due_today=quick == "due_today",
                             overdue=quick == "overdue", text=self.search.text().strip())

    @Slot()
    def apply(self) -> None:
        self.model.set_filter(self.criteria())

    def show_quick(self, key: str) -> None:
        """Open the list on one of the home panel's filters ('due_today', 'overdue', 'ready', 'waiting'...)."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.status.setCurrentIndex(0)
        self.use_dates.setChecked(key == "received")
        if key == "received":
            self.date_from.setDate(QDate.currentDate())
            self.date_to.setDate(QDate.currentDate())
        self.quick.setCurrentIndex(QUICK.index(key) if key in QUICK else 0)
        self.apply()

    def _count(self) -> None:
        more = self.tr(" (scroll for more)") if self.model.canFetchMore(self.model.index(-1, -1)) else ""
        self.count_label.setText(self.tr("{0} dossiers shown").format(self.model.rowCount()) + more)

    def _open_first(self) -> None:
        if self.model.rowCount():
            self._open_row(0)

    def _open_row(self, row: int) -> None:
        summary = self.model.summary(row)
        self.open_requested.emit(str(summary.code or summary.id))



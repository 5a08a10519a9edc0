"""Finding dossiers: a search box (code, name without diacritics, ID number, phone) and filters over a lazy list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.lifecycle import Status, label
from counter_app.services.queries import DossierFilter
from counter_app.storage.database import Database
from ui import tasks, theme
from ui.dossier_model import DossierTableModel

QUICK = ("all", "due_today", "overdue", "ready", "waiting")


class DossierListView(QWidget):
    """Emits `open_requested(ref)` on Enter or double-click."""

    open_requested = Signal(str)
    exported = Signal(object, int)  # path, rows

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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # click a header: the list is read whole, then sorted
        self._size_columns()
        self.table.verticalHeader().hide()
        self.title = theme.set_role(QLabel(self.tr("All dossiers")), "title")
        self.export_button = QPushButton(theme.icon("file-spreadsheet"), self.tr("Export to Excel (XLSX)…"))
        self.export_button.clicked.connect(self.choose_export)
        self._export_task: tasks.Task | None = None
        self.language = language
        self.database = database
        self.count_label = theme.set_role(QLabel(), "muted")
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._arrange()
        self._connect()

    def _size_columns(self) -> None:
        """Widths from samples, not from the rows: measuring 200,000 lazy rows would stall scrolling."""
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        samples = ("000.00.00.H99-261231-0000", "Tôn Nữ Hoàng Khánh Uyển", "079195000123", "",
                   "Có kết quả, chờ trả", "00/00/0000", "00/00/0000 00:00", "Quá hạn")
        for column, sample in enumerate(samples):  # long names end in "…", whole in the tooltip
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the procedure takes what is left
        self.table.setColumnHidden(2, True)  # the CCCD number: in the name's tooltip, and searchable

    def _arrange(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.search, self.status, self.quick, self.procedure, self.use_dates, self.date_from,
                       QLabel(self.tr("to")), self.date_to):
            filters.addWidget(widget)
        filters.setStretch(0, 3)
        for combo in (self.status, self.quick):
            combo.setMaximumWidth(220)
        self.procedure.setMaximumWidth(130)
        column = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.export_button)
        column.addLayout(heading)
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
        self._show_title()
        self.model.set_filter(self.criteria())

    def refresh(self) -> None:
        """Read the same list again (after a change elsewhere)."""
        self.model.set_filter(self.model.criteria)

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

    def _show_title(self) -> None:
        titles = {"all": self.tr("All dossiers"), "due_today": self.tr("Dossiers due today"),
                  "overdue": self.tr("Overdue dossiers"), "ready": self.tr("Results ready to return"),
                  "waiting": self.tr("Dossiers waiting for a supplement")}
        title = titles.get(str(self.quick.currentData()), titles["all"])
        if self.use_dates.isChecked():
            title += self.tr(", accepted {0}–{1}").format(self.date_from.date().toString("dd/MM/yyyy"),
                                                           self.date_to.date().toString("dd/MM/yyyy"))
        if self.search.text().strip():
            title += self.tr(", matching “{0}”").format(self.search.text().strip())
        self.title.setText(title)

    def choose_export(self) -> None:
        default = str(Path.home() / (self.title.text().split(",")[0] + ".xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the list"), default, self.tr("Excel (*.xlsx)"))
        if path:
            self.export_to(Path(path if path.endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> None:
        """The whole current list (not only the rows scrolled to) into an XLSX file, on a worker."""
        from counter_app.services.list_export import export_list  # noqa: PLC0415 (openpyxl: only to export)

        database, criteria, title, language = self.database, self.model.criteria, self.title.text(), self.language
        self.count_label.setText(self.tr("Exporting…"))
        self._export_task = tasks.start(lambda: export_list(database, criteria, path, title, language),
                                        lambda count: self._exported(path, count), self.count_label.setText,
                                        owner=self)

    def _exported(self, path: Path, count: int) -> None:
        self.count_label.setText(self.tr("{0} dossiers exported to {1}").format(count, path.name))
        self.exported.emit(path, count)

    def _count(self) -> None:
        more = self.tr(" (scroll for more)") if self.model.canFetchMore(self.model.index(-1, -1)) else ""
        self.count_label.setText(self.tr("{0} dossiers shown").format(self.model.rowCount()) + more)

    def _open_first(self) -> None:
        if self.model.rowCount():
            self._open_row(0)

    def _open_row(self, row: int) -> None:
        summary = self.model.summary(row)
        self.open_requested.emit(str(summary.code or summary.id))



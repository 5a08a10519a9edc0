"""The "Báo cáo" screen: a period picker, headline tiles with their change, three charts, and the breakdown
tables whose cells drill down to the dossiers counted."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.clock import local, now
from counter_app.errors import CounterError
from counter_app.paths import resource
from counter_app.reports.periods import Period, PeriodKind, period_of
from counter_app.reports.report import Report
from counter_app.reports.tables import Headline, headlines, is_share, shown
from counter_app.services.reports import build_report
from counter_app.storage.blobs import write_atomically
from counter_app.storage.database import Database
from printing.report_charts import on_time_per_month, overdue_by_procedure, received_per_day, svg
from printing.report_pdf import render
from printing.report_xlsx import report_workbook
from ui import i18n, tasks
from ui.report_drill import DrillDialog
from ui.report_model import GROUPINGS, GroupsModel

SCREEN_CHART = (320, 150)  # points: about the size shown at 1366×768, so the labels are not scaled down


@dataclass(frozen=True)
class Loaded:
    """A report and its charts as SVG, made on a worker thread."""

    report: Report
    charts: tuple[bytes, bytes, bytes]


def load(database: Database, period: Period) -> Loaded:
    """Build the report and draw its charts (runs on a worker)."""
    report = build_report(database, period)
    width, height = SCREEN_CHART
    return Loaded(report, (svg(received_per_day(report, width, height)), svg(on_time_per_month(report, width, height)),
                           svg(overdue_by_procedure(report, width, height))))


class ReportView(QWidget):
    """`refresh()` builds the chosen period's report in the background; `open_requested(code)` opens a
    dossier from the drill-down."""

    open_requested = Signal(str)
    KINDS = (PeriodKind.DAY, PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR,
             PeriodKind.CUSTOM)

    def __init__(self, database: Database, language: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.language = database, language
        self.loaded: Loaded | None = None
        self._task: tasks.Task | None = None
        self._asked: Period | None = None  # the period of the newest refresh: an older answer is dropped
        self.kind = QComboBox()
        for kind, caption in zip(self.KINDS, (self.tr("Day"), self.tr("Week"), self.tr("Month"), self.tr("Quarter"),
                                              self.tr("Year"), self.tr("Custom")), strict=True):
            self.kind.addItem(caption, kind.value)
        self.kind.setCurrentIndex(2)
        today = local(now()).date()  # Vietnamese time, whatever the PC's zone
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.until = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.day, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.show_button = QPushButton(self.tr("Show"))
        self.xlsx_button, self.pdf_button = QPushButton(self.tr("Export XLSX…")), QPushButton(self.tr("Export PDF…"))
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold")
        self.tiles = [QLabel() for _ in range(8)]
        chart_fonts()
        self.charts = [QSvgWidget() for _ in range(3)]
        self.grouping = QComboBox()
        for key, caption in zip(GROUPINGS, (self.tr("By field"), self.tr("By clerk"), self.tr("By procedure")),
                                strict=True):
            self.grouping.addItem(caption, key)
        self.model = GroupsModel(self.tr("Group"), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("Double-click or Enter on a count: the dossiers behind it"))
        self._arrange()
        self._connect()
        self._follow_kind()

    def _arrange(self) -> None:
        picker = QHBoxLayout()
        for widget in (QLabel(self.tr("Period")), self.kind, self.day, QLabel(self.tr("to")), self.until,
                       self.show_button):
            picker.addWidget(widget)
        picker.addStretch(1)
        picker.addWidget(self.xlsx_button)
        picker.addWidget(self.pdf_button)
        tiles = QGridLayout()
        for index, tile in enumerate(self.tiles):
            tile.setMinimumSize(170, 74)
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tile.setStyleSheet("border: 1px solid #b8c4d0; border-radius: 4px; padding: 4px")
            tiles.addWidget(tile, index // 4, index % 4)
        charts = QHBoxLayout()
        for chart in self.charts:
            chart.setMinimumSize(300, 150)
            chart.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            charts.addWidget(chart)
        table_bar = QHBoxLayout()
        table_bar.addWidget(self.grouping)
        table_bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.heading)
        layout.addLayout(tiles)
        layout.addLayout(charts, 2)
        layout.addLayout(table_bar)
        layout.addWidget(self.table, 3)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._follow_kind)
        self.show_button.clicked.connect(self.refresh)
        self.grouping.currentIndexChanged.connect(self._show_groups)
        self.table.activated.connect(self.drill)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))

    def _follow_kind(self) -> None:
        custom = self.current_kind() is PeriodKind.CUSTOM
        self.until.setVisible(custom)
        self.day.setToolTip("" if custom else self.tr("Any day of the period"))

    def current_kind(self) -> PeriodKind:
        return PeriodKind(self.kind.currentData())

    def period(self) -> Period:
        first: dt.date = self.day.date().toPython()  # type: ignore[assignment]
        if self.current_kind() is PeriodKind.CUSTOM:
            last: dt.date = self.until.date().toPython()  # type: ignore[assignment]
            return Period(min(first, last), max(first, last))
        return period_of(self.current_kind(), first)

    def refresh(self) -> None:
        try:
            period = self.period()
        except CounterError as error:  # a custom range too long, or outside 2000–2099
            self.heading.setText(error.message(i18n.language()))
            return
        database, self._asked = self.database, period
        self.heading.setText(self.tr("Working…"))
        self._task = tasks.start(lambda: load(database, period), self.show_report, self.heading.setText, owner=self)

    def show_report(self, loaded: Loaded) -> None:
        if self._asked is not None and loaded.report.period != self._asked:
            return  # a slower answer to an earlier question must not replace the newer one
        self.loaded = loaded
        report = loaded.report
        self.heading.setText(self.tr("{0}: {1} (previous period {2}); as of {3}").format(
            report.office, report.period.label(), report.previous.label(), f"{local(report.generated_at):%H:%M}"))
        for tile, headline in zip(self.tiles, headlines(report, self.language), strict=True):
            tile.setText(self._tile_text(headline))
        for widget, data in zip(self.charts, loaded.charts, strict=True):
            widget.load(QByteArray(data))
        self._show_groups()

    def _tile_text(self, headline: Headline) -> str:
        percent = is_share(headline.key)
        colour = {True: "#2a7a36", False: "#b00000", None: "#555555"}[headline.good]
        sign = "+" if headline.change and headline.change > 0 else ""
        change = self.tr("no change") if not headline.change else sign + shown(headline.change)
        return (f"<div style='font-size:22px; font-weight:bold'>{shown(headline.value, percent)}</div>"
                f"<div>{headline.label}</div><div style='color:{colour}'>{change}</div>")

    def _show_groups(self) -> None:
        if self.loaded is not None:
            self.model.show(self.loaded.report, str(self.grouping.currentData()), self.language)

    def drill(self, index: QModelIndex) -> DrillDialog | None:
        """The dossiers counted in the cell `index` (a count column), in a dialog that can open each one."""
        target = self.model.target(index)
        if target is None or self.loaded is None:
            return None
        grouping, figure, key, caption = target
        dialog = DrillDialog(self.database, self.loaded.report.period, figure, grouping, key, caption, self.language,
                             self)
        dialog.open_requested.connect(self.open_requested)
        dialog.show()
        return dialog

    def export(self, kind: str, path: Path | None = None) -> None:
        """Write the report shown to a file the clerk picks (XLSX or PDF), on a worker."""
        if self.loaded is None:
            return
        report = self.loaded.report
        if path is None:
            suggested = f"bao-cao-{report.period.first:%Y%m%d}-{report.period.last:%Y%m%d}.{kind}"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), suggested, f"*.{kind}")
            if not chosen:
                return
            path = Path(chosen)
        target = path

        def write() -> Path:
            write_atomically(target, report_workbook(report) if kind == "xlsx" else render(report))
            return target

        self._task = tasks.start(write, lambda done: self.heading.setText(self.tr("Saved: {0}").format(str(done))),
                                 self.heading.setText, owner=self)


@functools.cache
def chart_fonts() -> list[str]:
    """Loads the bundled Liberation Serif faces the charts are laid out with (once); the families Qt found."""
    families: list[str] = []
    for face in ("Regular", "Bold"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", f"LiberationSerif-{face}.ttf")))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families

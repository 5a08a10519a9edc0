"""Home, a working dashboard: today's counts, the dossiers due today and overdue (Enter opens), new intake, sync."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.backup.status import BackupStatus
from counter_app.clock import local, now
from counter_app.deadlines import days_overdue
from counter_app.model import DossierSummary
from counter_app.storage.database import Database
from ui import i18n, tasks, theme
from ui.row_table import row_table
from ui.table_models import RowsModel

TILES = ("received", "due_today", "overdue", "ready", "waiting", "returned_by_post")
_TONES = {"due_today": "warning", "overdue": "danger", "ready": "success", "returned_by_post": "danger"}
LIST_SIZE = 50


@dataclass(frozen=True)
class HomeData:
    """Everything the dashboard shows, read in one worker call."""

    counts: dict[str, int]
    due_today: list[DossierSummary]
    overdue: list[DossierSummary]


def load_home(database: Database) -> HomeData:
    """Today's counts and the two short lists; runs on a worker."""
    from counter_app.services.queries import DossierFilter, list_page, today_counts  # noqa: PLC0415 (worker only)

    counts = today_counts(database)
    return HomeData(
        {"received": counts.received, "due_today": counts.due_today, "overdue": counts.overdue,
         "ready": counts.ready_to_return, "waiting": counts.waiting_supplement,
         "returned_by_post": counts.returned_by_post},
        list_page(database, DossierFilter(due_today=True), None, LIST_SIZE),
        list_page(database, DossierFilter(overdue=True), None, LIST_SIZE),
    )


class Tile(QPushButton):
    """A count in large type over its caption; a click opens the list behind it."""

    def __init__(self, caption: str, tone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.set_kind(self, "tile")
        theme.set_tone(self, tone)
        self.setAccessibleName(caption)
        self.count = theme.set_role(QLabel("0"), "display")
        self.caption = QLabel(caption)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 8, 12, 10)
        column.setSpacing(0)
        for label in (self.count, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            column.addWidget(label)

    def sizeHint(self) -> QSize:
        return self.layout().sizeHint()  # type: ignore[union-attr]

    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize()  # type: ignore[union-attr]

    def set_count(self, value: int) -> None:
        self.count.setText(i18n.number(value))

    def text(self) -> str:
        """The count then the caption, as read aloud (and by the tests)."""
        return f"{self.count.text()}\n{self.caption.text()}"


class HomePanel(QWidget):
    """`refresh()` reads on a worker; asks the window for a list (`open_list`), a dossier or a new intake."""

    open_list = Signal(str)
    open_dossier = Signal(str)
    new_intake = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._task: tasks.Task | None = None
        self.captions = {
            "received": self.tr("Received today"),
            "due_today": self.tr("Due today"),
            "overdue": self.tr("Overdue"),
            "ready": self.tr("Ready to return"),
            "waiting": self.tr("Waiting for a supplement"),
            "returned_by_post": self.tr("Returned by the post"),
        }
        self.tiles: dict[str, Tile] = {}
        self.heading = theme.set_role(QLabel(self.tr("Today")), "title")
        self.date_label = theme.set_role(QLabel(), "muted")
        self.intake_button = QPushButton(theme.icon("file-plus", "on_primary"), self.tr("New intake (Ctrl+2)"))
        theme.set_kind(self.intake_button, "primary")
        self.intake_button.setMinimumHeight(44)
        self.intake_button.clicked.connect(self.new_intake.emit)
        self.sync_label = QLabel(self.tr("Sync: not set up"))
        self.sync_label.setWordWrap(True)
        self.backup_label = QLabel(self.tr("Backup: not checked yet"))
        self.backup_label.setWordWrap(True)
        self.space_label = QLabel()
        self.space_label.setWordWrap(True)
        self.space_label.setVisible(False)
        self.due_model = RowsModel([self.tr("Dossier code"), self.tr("Applicant"), self.tr("Due")], self)
        self.overdue_model = RowsModel([self.tr("Dossier code"), self.tr("Applicant"), self.tr("Overdue by")], self)
        self.due_table, self.overdue_table = self._table(self.due_model), self._table(self.overdue_model)
        self._arrange()
        self.show_data(HomeData(dict.fromkeys(TILES, 0), [], []))

    def _table(self, model: RowsModel) -> QTableView:
        table = row_table(model)  # the name column takes what is left
        table.setAlternatingRowColors(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.activated.connect(lambda index: self._open(model, index.row()))
        return table

    def _arrange(self) -> None:
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 18, 24, 18)
        page.setSpacing(14)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.date_label)
        top.addLayout(titles, 1)
        top.addWidget(self.intake_button)
        page.addLayout(top)
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for key in TILES:
            tile = Tile(self.captions[key], _TONES.get(key, ""))
            tile.clicked.connect(lambda _=False, chosen=key: self.open_list.emit(chosen))
            self.tiles[key] = tile
            tiles.addWidget(tile, 1)
        page.addLayout(tiles)
        lists = QGridLayout()
        lists.setHorizontalSpacing(14)
        for column, (title, tone, table, key) in enumerate((
            (self.tr("Due today"), "warning", self.due_table, "due_today"),
            (self.tr("Overdue"), "danger", self.overdue_table, "overdue"),
        )):
            lists.addWidget(self._card(title, tone, table, key), 0, column)
        page.addLayout(lists, 1)
        sync = QFrame()
        theme.set_role(sync, "card")
        row = QHBoxLayout(sync)
        glyph = QLabel()
        glyph.setPixmap(theme.icon("refresh", "muted").pixmap(20, 20))
        row.addWidget(glyph)
        row.addWidget(self.sync_label, 1)
        page.addWidget(sync)
        page.addWidget(self._backup_card())

    def _backup_card(self) -> QFrame:
        card = QFrame()
        theme.set_role(card, "card")
        row = QHBoxLayout(card)
        glyph = QLabel()
        glyph.setPixmap(theme.icon("folders", "muted").pixmap(20, 20))
        row.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.addWidget(self.backup_label)
        column.addWidget(self.space_label)
        row.addLayout(column, 1)
        return card

    def set_backup_status(self, found: BackupStatus) -> None:
        """The last good backup, red after the set number of days (or failing); disk-space warnings in red."""
        lang = i18n.language()
        text = found.last_backup_text(lang)
        if found.state.last_error:
            text += " " + self.tr("The last attempt failed: {0}").format(found.state.last_error)
        elif not found.state.target:
            text += " " + self.tr("No backup folder is set (Administration → Backup).")
        self.backup_label.setText(text)
        theme.set_tone(self.backup_label, "danger" if found.stale or found.state.last_error else "")
        warnings = found.warning_texts(lang)
        self.space_label.setText("\n".join(warnings))
        self.space_label.setVisible(bool(warnings))
        theme.set_tone(self.space_label, "danger" if warnings else "")

    def _card(self, title: str, tone: str, table: QTableView, key: str) -> QFrame:
        card = QFrame()
        theme.set_role(card, "card")
        theme.set_tone(card, tone)
        column = QVBoxLayout(card)
        head = QHBoxLayout()
        caption = theme.set_role(QLabel(title), "heading")
        theme.set_tone(caption, "danger" if tone == "danger" else "warning")
        head.addWidget(caption, 1)
        more = QPushButton(self.tr("Whole list"))
        theme.set_kind(more, "quiet")
        more.clicked.connect(lambda: self.open_list.emit(key))
        head.addWidget(more)
        column.addLayout(head)
        column.addWidget(table, 1)
        return card

    def refresh(self) -> None:
        database = self.database
        self._task = tasks.start(lambda: load_home(database), self.show_data, self.heading.setText, owner=self)

    def show_data(self, data: HomeData) -> None:
        locale = QLocale()
        self.date_label.setText(locale.toString(QDate(local(now()).date()), QLocale.FormatType.LongFormat))
        for key, tile in self.tiles.items():
            tile.set_count(data.counts[key])
        at = now()
        self.due_model.set_rows(
            [(row.code or "", row.applicant_name, f"{local(row.due_at):%H:%M}" if row.due_at else "")
             for row in data.due_today], data.due_today)
        self.overdue_model.set_rows(
            [(row.code or "", row.applicant_name, self.tr("%n day(s)", "", days_overdue(row.due_at, at)))
             for row in data.overdue], data.overdue)

    def set_sync_text(self, text: str, alarm: bool) -> None:
        """The sync state in words (from the window's sync controller); red when nothing synced for too long."""
        self.sync_label.setText(text)
        theme.set_tone(self.sync_label, "danger" if alarm else "")

    def focus_first_list(self) -> None:
        table = self.overdue_table if self.overdue_model.rowCount() else self.due_table
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        if table.model().rowCount():
            table.selectRow(0)

    def _open(self, model: RowsModel, row: int) -> None:
        summary = model.payload(row)
        if isinstance(summary, DossierSummary):
            self.open_dossier.emit(str(summary.code or summary.id))

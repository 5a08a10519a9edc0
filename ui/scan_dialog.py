"""Scanning one document: capture from a scanner, files or a watched folder, check each page as it arrives,
reorder, rotate or delete pages."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.errors import CounterError
from counter_app.messages import render
from counter_app.ports import ColourMode, PaperSource, ScannedPage, ScanSettings
from scanning.cleanup import clean
from scanning.escl import EsclScanner
from scanning.file_import import file_pages
from scanning.quality import problems
from scanning.sane import SaneScanner
from scanning.watched_folder import WatchedFolder
from ui import i18n, tasks

Checked = tuple[ScannedPage, list[str], QImage]
WATCH_POLL_MS = 1000


def capture(source: str, settings: ScanSettings) -> Iterable[ScannedPage]:
    """Pages from an eSCL URL, a SANE device name, or image/PDF files separated by ';', as they arrive."""
    files = [Path(part) for part in source.split(";") if part.strip()]
    if files and all(path.exists() for path in files):
        return file_pages(files, settings.dpi)
    scanner = EsclScanner(source) if source.startswith(("http://", "https://")) else SaneScanner(source)
    return scanner.scan(settings)


def check_page(page: ScannedPage) -> Checked:
    """One page with its quality problems and a thumbnail (run on a worker)."""
    with Image.open(io.BytesIO(page.image)) as image:
        image.load()
        cleaned = clean(image, page.dpi)
        thumbnail = cleaned.image.convert("RGB")
    thumbnail.thumbnail((160, 220))
    data = thumbnail.tobytes()
    preview = QImage(data, thumbnail.width, thumbnail.height, 3 * thumbnail.width, QImage.Format.Format_RGB888)
    return page, problems(cleaned) if not cleaned.blank else ["scan.blank"], preview.copy()


def check_each(pages: Iterable[ScannedPage], report: Callable[[Checked], None]) -> int:
    """Check pages one by one as the scanner delivers them, reporting each; the number checked."""
    count = 0
    for page in pages:
        report(check_page(page))
        count += 1
    return count


class ScanDialog(QDialog):
    """`pages()` after acceptance: the kept pages in the clerk's order, each already checked."""

    watch_silently = True  # reuse the remembered folder without asking again
    watch_settle = 2.0  # seconds a file must stop growing before it is taken

    def __init__(self, document: str, settings: ScanSettings, store: QSettings,
                 capture_pages: Callable[[str, ScanSettings], Iterable[ScannedPage]] = capture,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.capture_pages = store, capture_pages
        self._task: tasks.Task | None = None
        self._poll_task: tasks.Task | None = None
        self.watched: WatchedFolder | None = None
        self.poll_timer = QTimer(self, interval=WATCH_POLL_MS)
        self.poll_timer.timeout.connect(self._poll)
        self._arrived = 0
        self.setWindowTitle(self.tr("Scan: {0}").format(document))
        self.source = QLineEdit(str(store.value("scanning/source", "")))
        self.source.setPlaceholderText(self.tr("Scanner (SANE name or eSCL address) or image files"))
        self.dpi = QSpinBox(minimum=75, maximum=1200, value=settings.dpi, singleStep=50)
        self.mode = QComboBox()
        for mode, caption in ((ColourMode.COLOUR, self.tr("Colour")), (ColourMode.GREY, self.tr("Grey")),
                              (ColourMode.BLACK_WHITE, self.tr("Black and white"))):
            self.mode.addItem(caption, mode.value)
        self.mode.setCurrentIndex(self.mode.findData(settings.mode.value))
        self.feeder = QComboBox()
        self.feeder.addItem(self.tr("Flatbed"), PaperSource.FLATBED.value)
        self.feeder.addItem(self.tr("Document feeder"), PaperSource.FEEDER.value)
        self.pages_view = QListWidget()
        self.pages_view.setViewMode(QListWidget.ViewMode.IconMode)
        self.pages_view.setIconSize(QSize(160, 220))
        self.pages_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.pages_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.scan_button = QPushButton(self.tr("Scan (F5)"))
        self.files_button = QPushButton(self.tr("Add files…"))
        self.watch_button = QPushButton(self.tr("Watch scan folder…"))
        self.watch_button.setCheckable(True)
        self.rotate_button = QPushButton(self.tr("Rotate (R)"))
        self.delete_button = QPushButton(self.tr("Delete (Del)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._arrange()
        self.scan_button.clicked.connect(self.scan)
        self.files_button.clicked.connect(self._choose_files)
        self.watch_button.toggled.connect(self._toggle_watch)
        self.rotate_button.clicked.connect(self.rotate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys, slot in (("F5", self.scan), ("R", self.rotate_selected), ("Delete", self.delete_selected)):
            QShortcut(QKeySequence(keys), self, slot)

    def _arrange(self) -> None:
        options = QHBoxLayout()
        for widget in (self.source, self.dpi, self.mode, self.feeder, self.scan_button, self.files_button,
                       self.watch_button):
            options.addWidget(widget)
        options.setStretch(0, 1)
        edits = QHBoxLayout()
        for widget in (self.rotate_button, self.delete_button):
            edits.addWidget(widget)
        edits.addStretch()
        column = QVBoxLayout(self)
        column.addLayout(options)
        column.addWidget(self.pages_view, 1)
        column.addLayout(edits)
        column.addWidget(self.status)
        column.addWidget(self.buttons)
        self.resize(1000, 640)

    def settings(self) -> ScanSettings:
        return ScanSettings(dpi=self.dpi.value(), mode=ColourMode(self.mode.currentData()),
                            source=PaperSource(self.feeder.currentData()))

    def scan(self) -> None:
        source, settings, capture_pages = self.source.text().strip(), self.settings(), self.capture_pages
        self.store.setValue("scanning/source", source)
        self.status.setText(self.tr("Scanning…"))
        self.scan_button.setEnabled(False)
        self._arrived = 0
        self._task = tasks.start_reporting(lambda report: check_each(capture_pages(source, settings), report),
                                           self._add_page, self._scanned, self._failed, owner=self)

    def _choose_files(self) -> None:
        wanted = self.tr("Images or scanned PDFs (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)")
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"), "", wanted)
        if files:
            self.source.setText(";".join(files))
            self.scan()

    def _add_page(self, checked: Checked) -> None:
        """A page has arrived and been checked: its thumbnail appears at once."""
        page, found, preview = checked
        item = QListWidgetItem(QIcon(QPixmap.fromImage(preview)), self._caption(found))
        item.setData(Qt.ItemDataRole.UserRole, (page, found))
        if found:
            item.setForeground(Qt.GlobalColor.red)
        self.pages_view.addItem(item)
        self._arrived += 1
        self.status.setText(self.tr("Scanning… page {0} received").format(self._arrived))

    def _scanned(self, count: int) -> None:
        self.scan_button.setEnabled(True)
        bad = sum(1 for row in range(self.pages_view.count())
                  if self.pages_view.item(row).data(Qt.ItemDataRole.UserRole)[1])
        self.status.setText(self.tr("{0} page(s) scanned; {1} to rescan or delete.").format(count, bad))

    def _toggle_watch(self, on: bool) -> None:
        """Pick up what a network scanner saves into a shared folder, for as long as the button is down."""
        if not on:
            self.poll_timer.stop()
            self.watched = None
            return
        folder = str(self.store.value("scanning/watched_folder", "") or "")
        if not folder or not self.watch_silently:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder the scanner saves into"), folder)
        if not folder:
            self.watch_button.setChecked(False)
            return
        self.store.setValue("scanning/watched_folder", folder)
        self.watched = WatchedFolder(Path(folder), settle=self.watch_settle)
        self.status.setText(self.tr("Waiting for files in {0}…").format(folder))
        self.poll_timer.start()

    def _poll(self) -> None:
        """Look at the folder on a worker; files that stopped growing are checked page by page."""
        watched, dpi = self.watched, self.dpi.value()
        if watched is None or self._poll_task is not None:
            return

        def work(report: Callable[[Checked], None]) -> tuple[int, list[str]]:
            count, refused = 0, []
            for path in watched.poll():  # one bad file is reported and skipped; the others still arrive
                try:
                    count += check_each(file_pages([path], dpi), report)
                except CounterError as error:
                    refused.append(error.message(i18n.language()))
            return count, refused

        def finished(outcome: tuple[int, list[str]]) -> None:
            self._poll_task = None
            count, refused = outcome
            if count:
                self._scanned(self.pages_view.count())
            if refused:
                self.status.setText("\n".join(refused))

        def failed(message: str) -> None:
            self._poll_task = None
            self._failed(message)

        self._poll_task = tasks.start_reporting(work, self._add_page, finished, failed, owner=self)

    def _caption(self, found: list[str]) -> str:
        if not found:
            return self.tr("OK")
        if found == ["scan.blank"]:
            return self.tr("Blank: left out")
        return "\n".join(render(key, i18n.language()) for key in found)

    def _failed(self, message: str) -> None:
        self.scan_button.setEnabled(True)
        self.status.setText(message)

    def rotate_selected(self) -> None:
        for item in self.pages_view.selectedItems():
            page, found = item.data(Qt.ItemDataRole.UserRole)
            with Image.open(io.BytesIO(page.image)) as image:
                turned = image.rotate(-90, expand=True)
                output = io.BytesIO()
                turned.save(output, "PNG", dpi=(page.dpi, page.dpi))
            rotated = ScannedPage(output.getvalue(), "image/png", page.dpi)
            item.setData(Qt.ItemDataRole.UserRole, (rotated, found))
            item.setIcon(QIcon(item.icon().pixmap(QSize(160, 220)).transformed(QTransform().rotate(90))))

    def delete_selected(self) -> None:
        for item in self.pages_view.selectedItems():
            self.pages_view.takeItem(self.pages_view.row(item))

    def pages(self) -> list[ScannedPage]:
        """The pages to keep, in order: blank pages are left out; failing pages block acceptance."""
        kept = []
        for row in range(self.pages_view.count()):
            page, found = self.pages_view.item(row).data(Qt.ItemDataRole.UserRole)
            if found != ["scan.blank"]:
                kept.append(page)
        return kept

    def done(self, result: int) -> None:
        self.poll_timer.stop()
        super().done(result)

    def accept(self) -> None:
        failing = [row + 1 for row in range(self.pages_view.count())
                   if self.pages_view.item(row).data(Qt.ItemDataRole.UserRole)[1] not in ([], ["scan.blank"])]
        if failing:
            self.status.setText(self.tr("Pages {0} must be rescanned or deleted first.").format(
                ", ".join(map(str, failing))))
            return
        super().accept()

"""Scanning one document: capture from a scanner picked by name (SANE and eSCL found in the background), files or
a watched folder; each page is written to the staging area as it arrives and digitised on the background pool,
its numbered thumbnail and verdict shown when done, the selected page large beside them; reorder, rotate or
delete pages; pages of a scan interrupted by a crash come back."""

from __future__ import annotations

import dataclasses
import functools
import io
import tempfile
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from PIL import Image
from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QObject,
    QSettings,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QImage, QImageReader, QKeySequence, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
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
from counter_app.storage.staging import StagedBatch, StagedPage, Staging
from scanning import discovery, page_pool
from scanning.digitise import ProcessedPage
from scanning.escl import EsclScanner
from scanning.file_import import file_pages
from scanning.sane import SaneScanner
from scanning.watched_folder import WatchedFolder
from ui import i18n, tasks, theme

WATCH_POLL_MS = 1000
CAPTION = Qt.ItemDataRole.UserRole + 1  # the page's verdict in words, shown under its number
PREVIEW_SIZE = QSize(520, 720)


def capture(source: str, settings: ScanSettings) -> Iterable[ScannedPage]:
    """Pages from an eSCL URL, a SANE device name, or image/PDF files separated by ';', as they arrive."""
    files = [Path(part) for part in source.split(";") if part.strip()]
    if files and all(path.exists() for path in files):
        return file_pages(files, settings.dpi)
    scanner = EsclScanner(source) if source.startswith(("http://", "https://")) else SaneScanner(source)
    return scanner.scan(settings)


@functools.cache
def _discovery_pool() -> QThreadPool:
    """Searching for scanners mostly waits (mDNS answers, `scanimage -L`): on its own threads, so that it never
    holds up scanning and previews on the shared pool of a two-core PC."""
    pool = QThreadPool(QCoreApplication.instance())  # waited for when the app closes, like the shared one
    pool.setMaxThreadCount(2)
    return pool


class Relay(QObject):
    """Carries verdicts from the pool's threads to the GUI thread: (page number, ProcessedPage or message)."""

    judged = Signal(object)


def stage_and_judge(pages: Iterable[ScannedPage], batch: StagedBatch, arrived: Callable[[int], None],
                    relay: Relay) -> int:
    """Each page on disk the moment it arrives, then digitised on the pool; returns once every page is judged."""
    finished = threading.Semaphore(0)
    count = 0
    for page in pages:
        staged = batch.add(page.image, page.media_type, page.dpi)
        arrived(staged.number)
        judge(staged, relay, finished.release)
        count += 1
    for _ in range(count):
        finished.acquire()
    return count


def judge(staged: StagedPage, relay: Relay, then: Callable[[], None] = lambda: None, retry: bool = True) -> None:
    """Digitise one staged page on the pool; its verdict (or why it failed) reaches `relay`. If the worker
    died under it, the page is read again from disk by a fresh worker, once."""
    def deliver(future: Future[ProcessedPage]) -> None:
        try:
            relay.judged.emit((staged.number, future.result()))
        except BrokenProcessPool as error:
            if retry:
                judge(staged, relay, then, retry=False)
                return
            relay.judged.emit((staged.number, f"{type(error).__name__}: {error}"))
        except CounterError as error:
            relay.judged.emit((staged.number, error.message(i18n.language())))
        except Exception as error:  # a bug: the page stays on disk, the clerk sees why
            relay.judged.emit((staged.number, f"{type(error).__name__}: {error}"))
        then()

    page_pool.submit(staged.number, staged.path, staged.media_type, staged.dpi).add_done_callback(deliver)


class ScanDialog(QDialog):
    """`processed()` after acceptance: the kept pages in the clerk's order, each digitised once; the pages stay
    in `batch` (the staging area) until the document is filed."""

    watch_silently = True  # reuse the remembered folder without asking again
    watch_settle = 2.0  # seconds a file must stop growing before it is taken
    discover: Callable[[Callable[[discovery.FoundScanner], None]], None] = staticmethod(discovery.discover)

    def __init__(self, document: str, settings: ScanSettings, store: QSettings,
                 capture_pages: Callable[[str, ScanSettings], Iterable[ScannedPage]] = capture,
                 parent: QWidget | None = None, staging: Staging | None = None) -> None:
        super().__init__(parent)
        self.store, self.capture_pages, self.document = store, capture_pages, document
        self.staging = staging or Staging(Path(tempfile.mkdtemp(prefix="counter-scan-")))
        self._batch: StagedBatch | None = None
        self.relay = Relay(self)
        self.relay.judged.connect(self._judged)
        page_pool.warm()
        self._task: tasks.Task | None = None
        self._poll_task: tasks.Task | None = None
        self.watched: WatchedFolder | None = None
        self.poll_timer = QTimer(self, interval=WATCH_POLL_MS)
        self.poll_timer.timeout.connect(self._poll)
        self._arrived = 0
        self.setWindowTitle(self.tr("Scan: {0}").format(document))
        self._make_settings(settings)
        self._make_pages()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.scan_button = theme.set_kind(QPushButton(self.tr("Scan (F5)")), "primary")
        self.files_button = QPushButton(self.tr("Add files…"))
        self.watch_button = QPushButton(self.tr("Watch scan folder…"))
        self.watch_button.setCheckable(True)
        self.rotate_button = QPushButton(self.tr("Rotate (R)"))
        self.delete_button = QPushButton(self.tr("Delete (Del)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._arrange()
        self.scan_button.clicked.connect(self.scan)
        self.scanner.activated.connect(self._picked)
        self.source.textChanged.connect(self._typed)
        self.find_button.clicked.connect(self.find_scanners)
        self.pages_view.currentItemChanged.connect(lambda *_: self._show_preview())
        self.pages_view.model().rowsMoved.connect(lambda *_: self._renumber())
        self.files_button.clicked.connect(self._choose_files)
        self.watch_button.toggled.connect(self._toggle_watch)
        self.rotate_button.clicked.connect(self.rotate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys, slot in (("F5", self.scan), ("R", self.rotate_selected), ("Delete", self.delete_selected)):
            QShortcut(QKeySequence(keys), self, slot)
        self._recover()
        self._find_task: tasks.Task | None = None
        self.find_scanners()

    def _make_settings(self, settings: ScanSettings) -> None:
        """The scanner picker, the address typed by hand, and the labelled scan settings."""
        self.scanner = QComboBox()
        self.scanner.setMinimumContentsLength(28)
        self.scanner.addItem(self.tr("Typed address or files (below)"), "")
        self.find_button = QPushButton(self.tr("Search again"))
        self.source = QLineEdit(str(self.store.value("scanning/source", "")))
        self.source.setPlaceholderText(self.tr("Scanner (SANE name or eSCL address) or image files"))
        self.dpi = QSpinBox(minimum=75, maximum=1200, value=settings.dpi, singleStep=50)
        self.dpi.setSuffix(" dpi")
        self.mode = QComboBox()
        for mode, caption in ((ColourMode.COLOUR, self.tr("Colour")), (ColourMode.GREY, self.tr("Grey")),
                              (ColourMode.BLACK_WHITE, self.tr("Black and white"))):
            self.mode.addItem(caption, mode.value)
        self.mode.setCurrentIndex(self.mode.findData(settings.mode.value))
        self.feeder = QComboBox()
        self.feeder.addItem(self.tr("Flatbed"), PaperSource.FLATBED.value)
        self.feeder.addItem(self.tr("Document feeder"), PaperSource.FEEDER.value)

    def _make_pages(self) -> None:
        """Numbered thumbnails in the clerk's order, the selected page large beside them."""
        self.pages_view = QListWidget()
        self.pages_view.setViewMode(QListWidget.ViewMode.IconMode)
        self.pages_view.setIconSize(QSize(160, 220))
        self.pages_view.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.pages_view.setGridSize(QSize(184, 284))  # room for the number and a verdict of up to three lines
        self.pages_view.setWordWrap(True)
        self.pages_view.setMinimumWidth(2 * 184 + 24)
        self.preview = QLabel(self.tr("Select a page to see it large here."))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(QSize(360, 420))
        self.preview.setObjectName("scanPreview")
        self.preview_caption = QLabel()
        self.preview_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.pages_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def find_scanners(self) -> None:
        """SANE devices and eSCL scanners on the LAN, listed by name as they are found (on a worker)."""
        if self._find_task is not None:
            return
        self.find_button.setEnabled(False)
        self.find_button.setText(self.tr("Searching…"))
        discover = self.discover

        def work(report: Callable[[discovery.FoundScanner], None]) -> None:
            discover(report)

        def finished(_: object = None) -> None:
            self._find_task = None
            self.find_button.setEnabled(True)
            self.find_button.setText(self.tr("Search again"))

        self._find_task = tasks.start_reporting(work, self._found, finished, lambda _message: finished(),
                                                owner=self, pool=_discovery_pool())

    def _found(self, scanner: discovery.FoundScanner) -> None:
        if self.scanner.findData(scanner.address) >= 0:
            return
        name = (self.tr("{0} (network)").format(scanner.name) if scanner.kind == "escl"
                else f"{scanner.name} ({scanner.address})")
        self.scanner.insertItem(self.scanner.count() - 1, name, scanner.address)
        if not self.source.text().strip():  # nothing typed or remembered: the first scanner found is the one
            self.source.setText(scanner.address)
        self._typed(self.source.text())

    def _picked(self, row: int) -> None:
        address = str(self.scanner.itemData(row) or "")
        if address:
            self.source.setText(address)
        else:
            self.source.setFocus()

    def _typed(self, text: str) -> None:
        """The picker follows what the address field holds: a found scanner by name, else «typed»."""
        row = self.scanner.findData(text.strip()) if text.strip() else -1
        self.scanner.setCurrentIndex(row if row >= 0 else self.scanner.count() - 1)

    @property
    def batch(self) -> StagedBatch:
        if self._batch is None:
            self._batch = self.staging.open(self.document)
        return self._batch

    def _recover(self) -> None:
        """Pages of this document left on disk by a scan that a crash or a power cut interrupted come back."""
        left = self.staging.orphans(self.document)
        if not left:
            return
        self._batch = left[0]
        self._batch.adopt()
        for other in left[1:]:
            for page in other.pages():
                self._batch.add(page.read(), page.media_type, page.dpi)
            other.discard()
        pages = self._batch.pages()
        for page in pages:
            self._placeholder(page.number)
            judge(page, self.relay)
        self.status.setText(self.tr("{0} page(s) recovered from an interrupted scan.").format(len(pages)))

    def _arrange(self) -> None:
        options = QGridLayout()
        placed = ((self.tr("&Scanner:"), self.scanner, 0, 0), (self.tr("&Address:"), self.source, 1, 0),
                  (self.tr("&Resolution:"), self.dpi, 0, 3), (self.tr("Colour &mode:"), self.mode, 1, 3),
                  (self.tr("&Paper source:"), self.feeder, 2, 3))
        for text, field, row, at in placed:
            label = QLabel(text)
            label.setBuddy(field)
            options.addWidget(label, row, at)
            options.addWidget(field, row, at + 1)
        options.addWidget(self.find_button, 0, 2)
        actions = QHBoxLayout()
        for widget in (self.scan_button, self.files_button, self.watch_button):
            actions.addWidget(widget)
        actions.addStretch()
        options.addLayout(actions, 2, 1, 1, 2)
        options.setColumnStretch(1, 1)
        edits = QHBoxLayout()
        for widget in (self.rotate_button, self.delete_button):
            edits.addWidget(widget)
        edits.addStretch()
        large = QVBoxLayout()
        large.addWidget(self.preview, 1)
        large.addWidget(self.preview_caption)
        pages = QHBoxLayout()
        pages.addWidget(self.pages_view, 2)
        pages.addLayout(large, 3)
        column = QVBoxLayout(self)
        column.addLayout(options)
        column.addLayout(pages, 1)
        column.addLayout(edits)
        column.addWidget(self.status)
        column.addWidget(self.buttons)
        self.resize(1100, 720)

    def settings(self) -> ScanSettings:
        return ScanSettings(dpi=self.dpi.value(), mode=ColourMode(self.mode.currentData()),
                            source=PaperSource(self.feeder.currentData()))

    def scan(self) -> None:
        source, settings, capture_pages = self.source.text().strip(), self.settings(), self.capture_pages
        self.store.setValue("scanning/source", source)
        self.status.setText(self.tr("Scanning…"))
        self.scan_button.setEnabled(False)
        self._arrived = 0
        batch, relay = self.batch, self.relay
        self._task = tasks.start_reporting(
            lambda report: stage_and_judge(capture_pages(source, settings), batch, report, relay),
            self._add_page, self._scanned, self._failed, owner=self)

    def _choose_files(self) -> None:
        wanted = self.tr("Images or scanned PDFs (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)")
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"), "", wanted)
        if files:
            self.source.setText(";".join(files))
            self.scan()

    def _add_page(self, number: int) -> None:
        """A page has arrived and is on disk: it shows at once, its thumbnail and verdict follow."""
        self._placeholder(number)
        self._arrived += 1
        self.status.setText(self.tr("Scanning… page {0} received").format(self._arrived))

    def _placeholder(self, number: int) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, (number, None))
        self.pages_view.addItem(item)
        self._describe(item, self.tr("Processing…"))
        if self.pages_view.currentItem() is None:  # the first page shows large, without selecting it for delete
            self.pages_view.setCurrentItem(item, QItemSelectionModel.SelectionFlag.NoUpdate)
        self._number_preview()

    def _describe(self, item: QListWidgetItem, verdict: str) -> None:
        """The caption under a thumbnail: its page number in the clerk's order, then the verdict."""
        item.setData(CAPTION, verdict)
        item.setText(self.tr("Page {0} — {1}").format(self.pages_view.row(item) + 1, verdict))

    def _renumber(self) -> None:
        """After a page is moved or deleted, the numbers under the thumbnails follow the new order."""
        for row in range(self.pages_view.count()):
            item = self.pages_view.item(row)
            self._describe(item, str(item.data(CAPTION) or ""))
        self._show_preview()

    def _number_preview(self) -> None:
        """«Page 2 of 5» under the large page, kept right as pages arrive, move or go."""
        item = self.pages_view.currentItem()
        if item is not None:
            self.preview_caption.setText(self.tr("Page {0} of {1}").format(self.pages_view.row(item) + 1,
                                                                           self.pages_view.count()))

    def _show_preview(self) -> None:
        """The selected page large, read from the staging area at the preview's size on a worker."""
        item = self.pages_view.currentItem()
        if item is None:
            self.preview.clear()
            self.preview.setText(self.tr("Select a page to see it large here."))
            self.preview_caption.clear()
            return
        number = item.data(Qt.ItemDataRole.UserRole)[0]
        staged = next((page for page in self.batch.pages() if page.number == number), None)
        self._number_preview()
        if staged is None:
            return
        path, area = str(staged.path), self.preview.size().boundedTo(PREVIEW_SIZE * 2)

        def read() -> QImage:
            reader = QImageReader(path)
            reader.setScaledSize(reader.size().scaled(area, Qt.AspectRatioMode.KeepAspectRatio))
            return reader.read()

        def show(image: QImage) -> None:
            current = self.pages_view.currentItem()
            if current is not None and current.data(Qt.ItemDataRole.UserRole)[0] == number and not image.isNull():
                self.preview.setPixmap(QPixmap.fromImage(image))

        tasks.start(read, show, lambda _message: None, owner=self)

    def _judged(self, verdict: tuple[int, ProcessedPage | str]) -> None:
        number, outcome = verdict
        item = self._item(number)
        if item is None:
            return  # deleted meanwhile
        if isinstance(outcome, str):
            self._describe(item, outcome)
            item.setForeground(Qt.GlobalColor.red)
            item.setData(Qt.ItemDataRole.UserRole, (number, None))
            return
        found = ["scan.blank"] if outcome.blank else list(outcome.problems)
        item.setIcon(QIcon(QPixmap.fromImage(QImage.fromData(outcome.thumbnail))))
        self._describe(item, self._caption(found))
        item.setForeground(Qt.GlobalColor.red if outcome.problems else self.palette().text().color())
        item.setData(Qt.ItemDataRole.UserRole, (number, outcome))

    def _item(self, number: int) -> QListWidgetItem | None:
        for row in range(self.pages_view.count()):
            item = self.pages_view.item(row)
            if item.data(Qt.ItemDataRole.UserRole)[0] == number:
                return item
        return None

    def _verdicts(self) -> list[ProcessedPage | None]:
        return [self.pages_view.item(row).data(Qt.ItemDataRole.UserRole)[1] for row in range(self.pages_view.count())]

    def _scanned(self, count: int) -> None:
        self.scan_button.setEnabled(True)
        bad = sum(1 for verdict in self._verdicts() if verdict is None or verdict.problems)
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
        watched, dpi, batch, relay = self.watched, self.dpi.value(), self.batch, self.relay
        if watched is None or self._poll_task is not None:
            return

        def work(report: Callable[[int], None]) -> tuple[int, list[str]]:
            count, refused = 0, []
            for path in watched.poll():  # one bad file is reported and skipped; the others still arrive
                try:
                    count += stage_and_judge(list(file_pages([path], dpi)), batch, report, relay)
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
        """A quarter turn clockwise: the staged page is replaced on disk and digitised again."""
        for item in self.pages_view.selectedItems():
            number, _verdict = item.data(Qt.ItemDataRole.UserRole)
            staged = next((page for page in self.batch.pages() if page.number == number), None)
            if staged is None:
                continue
            with Image.open(staged.path) as image:
                turned = image.rotate(-90, expand=True)
                output = io.BytesIO()
                turned.save(output, "PNG", dpi=(staged.dpi, staged.dpi))
            self.batch.remove(number)
            rotated = self.batch.put(number, output.getvalue(), "image/png", staged.dpi)
            item.setData(Qt.ItemDataRole.UserRole, (number, None))
            self._describe(item, self.tr("Processing…"))
            item.setIcon(QIcon(item.icon().pixmap(QSize(160, 220)).transformed(QTransform().rotate(90))))
            judge(rotated, self.relay)
        self._show_preview()

    def delete_selected(self) -> None:
        for item in self.pages_view.selectedItems():
            number, _verdict = item.data(Qt.ItemDataRole.UserRole)
            self.pages_view.takeItem(self.pages_view.row(item))
            self.batch.remove(number)
        self._renumber()

    def processed(self) -> list[ProcessedPage]:
        """The pages to keep, digitised, numbered in the clerk's order: blank pages are left out."""
        kept = [verdict for verdict in self._verdicts() if verdict is not None and not verdict.blank]
        return [dataclasses.replace(page, number=number, thumbnail=b"") for number, page in enumerate(kept, 1)]

    def pages(self) -> list[ScannedPage]:
        """The kept pages as scanned (from the staging area), in the clerk's order."""
        staged = {page.number: page for page in self.batch.pages()}
        numbers = [self.pages_view.item(row).data(Qt.ItemDataRole.UserRole)[0]
                   for row in range(self.pages_view.count())]
        return [ScannedPage(staged[number].read(), staged[number].media_type, staged[number].dpi)
                for number, verdict in zip(numbers, self._verdicts(), strict=True)
                if number in staged and not (verdict is not None and verdict.blank)]

    def done(self, result: int) -> None:
        self.poll_timer.stop()
        super().done(result)

    def reject(self) -> None:
        """Cancel: the clerk drops this scan, so its pages leave the staging area too."""
        if self._batch is not None:
            self._batch.discard()
        super().reject()

    def accept(self) -> None:
        verdicts = self._verdicts()
        if any(verdict is None for verdict in verdicts):
            self.status.setText(self.tr("Some pages are still being processed or could not be read."))
            return
        failing = [row + 1 for row, verdict in enumerate(verdicts) if verdict is not None and verdict.problems]
        if failing:
            self.status.setText(self.tr("Pages {0} must be rescanned or deleted first.").format(
                ", ".join(map(str, failing))))
            return
        super().accept()

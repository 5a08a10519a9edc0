"""Scanning one document: capture from a scanner, files or a watched folder; each page is written to the staging
area as it arrives and digitised on the background pool, its thumbnail and verdict shown when done; reorder,
rotate or delete pages; pages of a scan interrupted by a crash come back."""

from __future__ import annotations

import dataclasses
import io
import tempfile
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject, QSettings, QSize, Qt, QTimer, Signal
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
from counter_app.storage.staging import StagedBatch, StagedPage, Staging
from scanning import page_pool
from scanning.digitise import ProcessedPage
from scanning.escl import EsclScanner
from scanning.file_import import file_pages
from scanning.sane import SaneScanner
from scanning.watched_folder import WatchedFolder
from ui import i18n, tasks

WATCH_POLL_MS = 1000


def capture(source: str, settings: ScanSettings) -> Iterable[ScannedPage]:
    """Pages from an eSCL URL, a SANE device name, or image/PDF files separated by ';', as they arrive."""
    files = [Path(part) for part in source.split(";") if part.strip()]
    if files and all(path.exists() for path in files):
        return file_pages(files, settings.dpi)
    scanner = EsclScanner(source) if source.startswith(("http://", "https://")) else SaneScanner(source)
    return scanner.scan(settings)


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
        self._recover()

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
        item = QListWidgetItem(self.tr("Processing…"))
        item.setData(Qt.ItemDataRole.UserRole, (number, None))
        self.pages_view.addItem(item)

    def _judged(self, verdict: tuple[int, ProcessedPage | str]) -> None:
        number, outcome = verdict
        item = self._item(number)
        if item is None:
            return  # deleted meanwhile
        if isinstance(outcome, str):
            item.setText(outcome)
            item.setForeground(Qt.GlobalColor.red)
            item.setData(Qt.ItemDataRole.UserRole, (number, None))
            return
        found = ["scan.blank"] if outcome.blank else list(outcome.problems)
        item.setIcon(QIcon(QPixmap.fromImage(QImage.fromData(outcome.thumbnail))))
        item.setText(self._caption(found))
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
            item.setText(self.tr("Processing…"))
            item.setIcon(QIcon(item.icon().pixmap(QSize(160, 220)).transformed(QTransform().rotate(90))))
            judge(rotated, self.relay)

    def delete_selected(self) -> None:
        for item in self.pages_view.selectedItems():
            number, _verdict = item.data(Qt.ItemDataRole.UserRole)
            self.pages_view.takeItem(self.pages_view.row(item))
            self.batch.remove(number)

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

"""The «Bưu chính» screen (Ctrl+6): receive envelopes from the post, send results by post, record outcomes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from counter_app.storage.database import Database
from ui.postal_dispatch import DispatchPanel
from ui.postal_outcomes import OutcomePanel
from ui.postal_receipt import ReceiptPanel

RECEIPT, DISPATCH, OUTCOMES = range(3)


class PostalView(QWidget):
    """Scans go to the tab in front; `print_jobs(jobs)` and `changed()` go up to the main window."""

    print_jobs = Signal(object)
    changed = Signal()

    def __init__(self, database: Database, actor: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipt = ReceiptPanel(database, actor)
        self.dispatch = DispatchPanel(database, actor)
        self.outcomes = OutcomePanel(database, actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolled(self.receipt), self.tr("Receive dossiers from the post"))
        self.tabs.addTab(_scrolled(self.dispatch), self.tr("Send results by post"))
        self.tabs.addTab(_scrolled(self.outcomes), self.tr("Delivery outcomes"))
        QVBoxLayout(self).addWidget(self.tabs)
        for panel in (self.receipt, self.dispatch):
            panel.print_jobs.connect(self.print_jobs)
        self.receipt.batch_changed.connect(lambda _batch: self.changed.emit())
        self.dispatch.dispatched.connect(lambda _batch: self._after_dispatch())
        self.outcomes.recorded.connect(self._after_outcome)
        self.tabs.currentChanged.connect(self._focus_tab)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self._focus_tab(index)

    def load(self) -> None:
        self.receipt.load()
        self.dispatch.load()
        self.outcomes.load()

    def on_scanned(self, payload: str) -> None:
        (self.receipt, self.dispatch, self.outcomes)[self.tabs.currentIndex()].on_scanned(payload)

    def _focus_tab(self, index: int) -> None:
        fields = {RECEIPT: self.receipt.item, DISPATCH: self.dispatch.label_edit, OUTCOMES: self.outcomes.item}
        fields[index].setFocus()

    def _after_dispatch(self) -> None:
        self.outcomes.load()
        self.changed.emit()

    def _after_outcome(self) -> None:
        self.dispatch.load()
        self.changed.emit()


def _scrolled(panel: QWidget) -> QScrollArea:
    """A tab that scrolls on a short screen (720 px at 150 %) instead of pushing the window past its edge."""
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(panel.minimumSizeHint().width())
    return area

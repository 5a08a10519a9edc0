"""Administration of printers: one printer per paper (A5 slips, A4 records, the register, the receipt roll),
each with a test page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import tasks, theme

KEY = "printing/printer/{paper}"  # the same key the print service remembers a choice under


def papers() -> list[tuple[str, str]]:
    """(paper value, caption) for each paper the forms use (printing.paper.Paper values)."""
    return [("a5", QCoreApplication.translate("PrintersPanel", "A5 — slips and forms 01–06")),
            ("a4", QCoreApplication.translate("PrintersPanel", "A4 — postal hand-over records")),
            ("a4_landscape", QCoreApplication.translate("PrintersPanel", "A4 landscape — the register")),
            ("roll80", QCoreApplication.translate("PrintersPanel", "80 mm roll — receipt printer"))]


class PrintersPanel(QWidget):
    """`load()` lists the installed printers; a choice is kept at once; `test(paper)` prints a test page."""

    message = Signal(str)

    def __init__(self, settings: QSettings, office_name: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.office_name = settings, office_name
        self._tasks: set[tasks.Task] = set()
        self.choices: dict[str, QComboBox] = {}
        self.test_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, (paper, caption) in enumerate(papers()):
            combo = QComboBox()
            combo.currentIndexChanged.connect(lambda _=0, chosen=paper: self._remember(chosen))
            test = QPushButton(theme.icon("printer"), self.tr("Print a test page"))
            test.clicked.connect(lambda _=False, chosen=paper: self.test(chosen))
            grid.addWidget(QLabel(caption), row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(test, row, 2)
            self.choices[paper], self.test_buttons[paper] = combo, test
        note = theme.set_role(QLabel(self.tr("Forms print on the printer chosen for their paper without asking. "
                                             "The test page has a 10 cm ruler to check the scale.")), "muted")
        note.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addLayout(grid)
        column.addWidget(note)
        column.addStretch()

    def load(self) -> None:
        from printing.spool import printer_names  # noqa: PLC0415 (printing loads when this tab is used)

        names = printer_names()
        for paper, combo in self.choices.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(the system's default printer)"), "")
            for name in names:
                combo.addItem(name, name)
            chosen = str(self.settings.value(KEY.format(paper=paper), "") or "")
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def _remember(self, paper: str) -> None:
        self.settings.setValue(KEY.format(paper=paper), self.choices[paper].currentData() or "")
        self.settings.sync()

    def test(self, paper: str) -> None:
        """A test page on the printer chosen for `paper`, printed on a worker."""
        from counter_app.clock import now  # noqa: PLC0415
        from printing.check_page import check_page  # noqa: PLC0415
        from printing.paper import Paper  # noqa: PLC0415
        from printing.spool import default_printer_name, print_job  # noqa: PLC0415

        printer = str(self.choices[paper].currentData() or "") or default_printer_name()
        if not printer:
            self.message.emit(self.tr("No printer is installed on this computer."))
            return
        job = check_page(Paper(paper), self.office_name(), printer, now())
        task = tasks.start(lambda: print_job(job),
                           lambda _pages: self._done(task, self.tr("Test page sent to {0}.").format(printer)),
                           lambda text: self._done(task, text), owner=self)
        self._tasks.add(task)

    def _done(self, task: tasks.Task, text: str) -> None:
        self._tasks.discard(task)
        self.message.emit(text)

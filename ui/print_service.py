"""Printing from the app: the print dialog, preview, one remembered printer per paper size, work off the GUI."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from printing.spool import PrintJob, configure, default_printer_name, print_job, printer_names
from ui import tasks

_KEY = "printing/printer/{paper}"


class PrintService(QObject):
    """Sends jobs to printers on the thread pool and tells how it went."""

    printed = Signal(str, int)  # printer name, pages
    failed = Signal(str)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._running: set[tasks.Task] = set()
        self._preview_printers: dict[QPrintPreviewDialog, QPrinter] = {}

    def remembered_printer(self, job: PrintJob) -> str:
        """The printer last used for this paper size, if still installed; else the system default."""
        name = str(self.settings.value(_KEY.format(paper=job.paper.value), "") or "")
        return name if name in printer_names() else default_printer_name()

    def remember(self, job: PrintJob, printer_name: str) -> None:
        self.settings.setValue(_KEY.format(paper=job.paper.value), printer_name)
        self.settings.sync()

    def print_directly(self, job: PrintJob) -> None:
        """Print on the remembered printer for the job's paper, without asking."""
        name = job.printer_name or self.remembered_printer(job)
        self._start(PrintJob(job.pdf, job.title, job.paper, name, job.copies))

    def print_with_dialog(self, parent: QWidget, job: PrintJob) -> bool:
        """Ask which printer and how many copies (the remembered printer preselected); False if cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure(printer, PrintJob(job.pdf, job.title, job.paper, self.remembered_printer(job), job.copies))
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(self.tr("Print {0}").format(job.title))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        chosen = printer.printerName()
        self.remember(job, chosen)
        self._start(PrintJob(job.pdf, job.title, job.paper, chosen, printer.copyCount()))
        return True

    def preview(self, parent: QWidget, job: PrintJob) -> QPrintPreviewDialog:
        """A non-modal preview of the pages as they will print (painted on request by Qt)."""
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        configure(printer, job)
        dialog = QPrintPreviewDialog(printer, parent)
        self._preview_printers[dialog] = printer  # Qt keeps only a pointer: the printer must outlive the dialog
        dialog.finished.connect(lambda _result: self._preview_printers.pop(dialog, None))
        dialog.setWindowTitle(self.tr("Preview: {0}").format(job.title))
        dialog.paintRequested.connect(lambda target: print_job(job, target, keep_printer=True))
        dialog.open()
        return dialog

    def _start(self, job: PrintJob) -> None:
        def finished(pages: object) -> None:
            self._running.discard(task)
            self.printed.emit(job.printer_name, int(pages))  # type: ignore[call-overload]

        def failed(message: str) -> None:
            self._running.discard(task)
            self.failed.emit(message)

        task = tasks.start(lambda: print_job(job), finished, failed, owner=self)
        self._running.add(task)

"""Sending a form's PDF to a printer through Qt's print system, on any OS, without a GUI thread."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from counter_app.errors import CounterError
from printing.paper import Paper

PAGE_DPI = 300  # enough for 0.3 mm bars; a 1200 dpi page image would be hundreds of MB
THERMAL_DPI = 203  # the usual head: bars were drawn on whole dots of it


@dataclass(frozen=True)
class PrintJob:
    pdf: bytes
    title: str
    paper: Paper
    printer_name: str = ""
    copies: int = 1


def printer_names() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def default_printer_name() -> str:
    return QPrinterInfo.defaultPrinterName()


def configure(printer: QPrinter, job: PrintJob) -> None:
    """Paper, orientation, copies and document name of `job` on `printer` (its name too, if given)."""
    if job.printer_name:
        printer.setPrinterName(job.printer_name)
    printer.setDocName(job.title)
    printer.setCopyCount(max(1, job.copies))
    if job.paper is Paper.ROLL_80:
        printer.setPageSize(QPageSize(QSizeF(80, 297), QPageSize.Unit.Millimeter, "Roll 80 mm"))
        printer.setPageMargins(QMarginsF(4, 0, 4, 0), QPageLayout.Unit.Millimeter)
    else:
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5 if job.paper is Paper.A5 else QPageSize.PageSizeId.A4))
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    landscape = job.paper is Paper.A4_LANDSCAPE
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    printer.setPageOrientation(orientation)


def print_job(job: PrintJob, printer: QPrinter | None = None, keep_printer: bool = False) -> int:
    """Render every page at the printer's resolution and send it; the number of pages printed.

    Safe off the GUI thread: QPainter on a QPrinter and QPdfDocument need no event loop. `keep_printer`
    leaves a given printer's settings alone (the print preview's printer, say)."""
    target = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    if not keep_printer:
        configure(target, job)
        target.setResolution(THERMAL_DPI if job.paper is Paper.ROLL_80 else PAGE_DPI)
    if not target.isValid():
        raise CounterError("print.printer_unavailable", printer=job.printer_name or target.printerName())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "form.pdf"
        path.write_bytes(job.pdf)
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise CounterError("print.bad_pdf")
        try:
            return _paint(document, target)
        finally:
            document.close()


def _paint(document: QPdfDocument, printer: QPrinter) -> int:
    painter = QPainter()
    if not painter.begin(printer):
        raise CounterError("print.printer_unavailable", printer=printer.printerName())
    dpi = printer.resolution()
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            scale = min(area.width() / points.width(), area.height() / points.height())
            image = document.render(index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            painter.drawImage(QRectF(0, 0, points.width() * scale, points.height() * scale), image)
    finally:
        painter.end()
    return document.pageCount()

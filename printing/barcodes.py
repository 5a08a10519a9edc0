"""The dossier code as Code 128 (python-barcode encodes, we draw vector bars) and as a QR code."""

from __future__ import annotations

from typing import Any

import barcode
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from printing.fonts import REGULAR

QUIET_MODULES = 10
QR_QUIET_MODULES = 4


def code128_modules(text: str) -> str:
    """The Code 128 symbol of `text` as '1' (bar) and '0' (space) modules, start to stop."""
    encoder: Any = barcode.get("code128", text)
    return "".join(encoder.build())


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """(first module, length) of every bar."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, bit in enumerate(modules + "0"):
        if bit == "1" and start is None:
            start = index
        elif bit == "0" and start is not None:
            runs.append((start, index - start))
            start = None
    return runs


class Code128(Flowable):
    """Vector Code 128 with quiet zones and the code in clear below; `vertical` runs it down the page."""

    def __init__(self, text: str, module: float = 0.33 * mm, height: float = 12 * mm,
                 vertical: bool = False, caption_size: float = 8) -> None:
        super().__init__()
        self.text, self.module, self.bar_height, self.vertical = text, module, height, vertical
        self.caption_size = caption_size
        self.modules = code128_modules(text)
        self.length = (len(self.modules) + 2 * QUIET_MODULES) * module
        self.thickness = height + caption_size * 1.4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (self.thickness, self.length) if self.vertical else (self.length, self.thickness)

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        if self.vertical:
            canvas.translate(self.thickness, 0)
            canvas.rotate(90)
        canvas.setFillColorRGB(0, 0, 0)
        origin = QUIET_MODULES * self.module
        base = self.caption_size * 1.4
        for first, count in bar_runs(self.modules):
            canvas.rect(origin + first * self.module, base, count * self.module, self.bar_height, stroke=0, fill=1)
        canvas.setFont(REGULAR, self.caption_size)
        canvas.drawCentredString(self.length / 2, self.caption_size * 0.3, self.text)
        canvas.restoreState()


def qr_modules(text: str) -> list[list[bool]]:
    """The QR symbol of `text` at error-correction level M, as rows of dark (True) modules."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    size = code.getModuleCount()  # type: ignore[no-untyped-call]
    return [[bool(code.isDark(row, column)) for column in range(size)]  # type: ignore[no-untyped-call]
            for row in range(size)]


class QrCode(Flowable):
    """A square QR code of `text` (error correction M), `size` wide including its quiet zone."""

    def __init__(self, text: str, size: float = 24 * mm) -> None:
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        matrix = qr_modules(self.text)
        count = len(matrix)
        box = self.size / (count + 2 * QR_QUIET_MODULES)
        canvas = self.canv
        canvas.setFillColorRGB(0, 0, 0)
        path = canvas.beginPath()
        for row, cells in enumerate(matrix):
            top = self.size - (QR_QUIET_MODULES + row) * box
            for first, count in bar_runs("".join("1" if dark else "0" for dark in cells)):
                path.rect((QR_QUIET_MODULES + first) * box, top - box, count * box, box)
        canvas.drawPath(path, stroke=0, fill=1)

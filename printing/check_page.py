"""A printer test page for one paper size: the office, the paper, the time, a 10 cm ruler and the corners."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Final

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import cm, mm
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import BOLD, REGULAR, register_fonts
from printing.paper import Paper
from printing.spool import PrintJob

SIZES: Final = {Paper.A5: A5, Paper.A4: A4, Paper.A4_LANDSCAPE: landscape(A4), Paper.ROLL_80: (80 * mm, 120 * mm)}


def check_page(paper: Paper, office_name: str, printer_name: str, at: dt.datetime) -> PrintJob:
    """The job to send to `printer_name`: if the ruler measures 10 cm, the scale is right."""
    register_fonts()
    width, height = SIZES[paper]
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    canvas.setTitle("Trang in thử")
    margin = 6 * mm
    canvas.rect(margin, margin, width - 2 * margin, height - 2 * margin)
    size = 9 if paper is Paper.ROLL_80 else 14
    canvas.setFont(BOLD, size + 4)
    canvas.drawString(margin * 2, height - margin * 2 - size, "Trang in thử")
    lines = (office_name, f"Máy in: {printer_name}", f"Khổ giấy: {paper.value.upper()}", f"Lúc: {at:%H:%M %d/%m/%Y}",
             "Thước dưới đây phải dài đúng 10 cm.")
    canvas.setFont(REGULAR, size)
    for n, line in enumerate(lines, start=2):
        canvas.drawString(margin * 2, height - margin * 2 - size * 1.6 * n, line)
    ruler = min(10 * cm, width - 4 * margin)
    y = margin * 3
    canvas.line(margin * 2, y, margin * 2 + ruler, y)
    for tick in range(int(ruler / cm) + 1):
        x = margin * 2 + tick * cm
        canvas.line(x, y, x, y + (3 * mm if tick % 5 else 5 * mm))
    canvas.showPage()
    canvas.save()
    return PrintJob(buffer.getvalue(), f"Trang in thử {paper.value}", paper, printer_name)

"""Building blocks shared by the forms: styles, the national header, tables, signatures, the PDF itself."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from counter_app.model import Office
from counter_app.textfold import nfc
from printing.fonts import BOLD, ITALIC, REGULAR, register_fonts
from printing.wording import Wording
from printing.words import date_line

FRAME_PADDING = 6  # points, SimpleDocTemplate's default


@dataclass(frozen=True)
class Page:
    size: tuple[float, float]
    margins: tuple[float, float, float, float]  # left, right, top, bottom
    body: float  # body font size in points

    @property
    def width(self) -> float:
        """What a flowable may use: the page less its margins and the frame's 6 pt padding on each side."""
        return self.size[0] - self.margins[0] - self.margins[1] - 2 * FRAME_PADDING


A5_PORTRAIT = Page(A5, (13 * mm, 10 * mm, 7 * mm, 9 * mm), 9.5)
A4_PORTRAIT = Page(A4, (25 * mm, 15 * mm, 15 * mm, 15 * mm), 11)
A4_LANDSCAPE = Page((A4[1], A4[0]), (12 * mm, 12 * mm, 12 * mm, 12 * mm), 9)


class Styles:
    """Paragraph styles for one page format."""

    def __init__(self, page: Page) -> None:
        register_fonts()
        size = page.body
        lead = size * 1.22
        self.body = ParagraphStyle("body", fontName=REGULAR, fontSize=size, leading=lead, alignment=TA_JUSTIFY,
                                   spaceAfter=size * 0.12)
        self.left = ParagraphStyle("left", parent=self.body, alignment=TA_LEFT)
        self.centre = ParagraphStyle("centre", parent=self.body, alignment=TA_CENTER)
        self.bold_centre = ParagraphStyle("bold_centre", parent=self.centre, fontName=BOLD)
        self.italic_centre = ParagraphStyle("italic_centre", parent=self.centre, fontName=ITALIC)
        self.title = ParagraphStyle("title", parent=self.bold_centre, fontSize=size + 2.5, leading=(size + 2.5) * 1.25,
                                    spaceBefore=size * 0.6, spaceAfter=size * 0.3)
        self.cell = ParagraphStyle("cell", parent=self.left, fontSize=size - 0.5, leading=(size - 0.5) * 1.2,
                                   spaceAfter=0)
        self.cell_centre = ParagraphStyle("cell_centre", parent=self.cell, alignment=TA_CENTER)
        self.head = ParagraphStyle("head", parent=self.cell_centre, fontName=BOLD)
        self.small = ParagraphStyle("small", parent=self.body, fontName=ITALIC, fontSize=size - 2,
                                    leading=(size - 2) * 1.2)
        self.label = ParagraphStyle("label", parent=self.small, alignment=2)
        self.header = ParagraphStyle("header", parent=self.centre, fontSize=size - 1, leading=(size - 1) * 1.2,
                                     spaceAfter=0)
        self.bold_header = ParagraphStyle("bold_header", parent=self.header, fontName=BOLD)


def text(value: object) -> str:
    """User text made safe for Paragraph markup (NFC, XML-escaped, line breaks kept)."""
    return escape(nfc(str(value))).replace("\n", "<br/>")


def para(value: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    body = text(value)
    return Paragraph(f"<b>{body}</b>" if bold else body, style)


def national_header(styles: Styles, page: Page, office: Office, phrases: Wording, number: str,
                    day: dt.date) -> Table:
    """Parent body, issuing office and number on the left; the nation, the underlined motto and place-date on the
    right."""
    left = [para(line.upper(), styles.header) for line in (office.parent_body,) if line]
    left += [para(issuing_office(office).upper(), styles.bold_header), para("———", styles.header),
             para(number, styles.header)]
    right = [para(phrases.text("nation"), styles.bold_header),
             Paragraph(f"<b><u>{text(phrases.text('motto'))}</u></b>", styles.header),
             Spacer(1, 4), Paragraph(f"<i>{text(date_line(phrases, office.place_name, day))}</i>", styles.header)]
    return side_by_side([left, right], [page.width * 0.42, page.width * 0.58])


def issuing_office(office: Office) -> str:
    """The office named under the parent body: its own setting, else the office's name."""
    return office.issuing_office or office.name


def side_by_side(cells: Sequence[Any], widths: Sequence[float], valign: str = "TOP") -> Table:
    """Cells next to each other without rules or padding (headers, signatures, barcodes)."""
    table = Table([list(cells)], colWidths=list(widths))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # the default would add a non-embedded Helvetica
        ("VALIGN", (0, 0), (-1, -1), valign), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def grid(rows: Sequence[Sequence[Any]], widths: Sequence[float], header_rows: int = 1) -> Table:
    """A ruled table whose header rows repeat on every page it flows onto."""
    table = Table([list(row) for row in rows], colWidths=list(widths), repeatRows=header_rows)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def signatures(styles: Styles, page: Page, blocks: Sequence[tuple[str, str, str]]) -> KeepTogether:
    """Side-by-side signature blocks: (title, hint, name printed under the blank space)."""
    cells = [[para(title, styles.bold_centre), para(hint, styles.italic_centre), Spacer(1, 11 * mm),
              para(name, styles.bold_centre)] for title, hint, name in blocks]
    widths = [page.width / len(blocks)] * len(blocks)
    return KeepTogether([Spacer(1, 2 * mm), side_by_side(cells, widths)])


def build_pdf(page: Page, story: list[Flowable], title: str, subject: str, footer: Footer | None = None) -> bytes:
    """Lay `story` out on as many pages as it needs, each with `footer` (e.g. the code and 'Trang x/y')."""
    buffer = io.BytesIO()
    left, right, top, bottom = page.margins
    document = SimpleDocTemplate(buffer, pagesize=page.size, leftMargin=left, rightMargin=right, topMargin=top,
                                 bottomMargin=bottom, subject=nfc(subject), author="Counter",
                                 creator="Counter", lang="vi", initialFontName=REGULAR)
    document.title = " ".join(nfc(title).split())
    maker = _footed_canvas(footer or Footer())
    document.build(story, canvasmaker=maker)
    return buffer.getvalue()


@dataclass(frozen=True)
class Footer:
    """A line at the foot of every page: fixed text, then 'Trang x/y' when `phrases` is given."""

    label: str = ""
    phrases: Wording | None = None

    def line(self, page: int, pages: int) -> str:
        numbering = self.phrases.text("page", page=page, pages=pages) if self.phrases else ""
        return " — ".join(part for part in (nfc(self.label), numbering) if part)


def _footed_canvas(footer: Footer) -> type[Canvas]:
    class FootedCanvas(Canvas):
        """Holds every page until the end so that each can say how many there are."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self._stamp(len(self._pages))
                super().showPage()
            super().save()

        def _stamp(self, pages: int) -> None:
            if not (footer.label or footer.phrases):
                return
            width = self._pagesize[0]  # type: ignore[attr-defined]
            self.setFont(ITALIC, 8)
            self.drawRightString(width - 10 * mm, 5 * mm, footer.line(self.getPageNumber(), pages))

    return FootedCanvas



"""The periodic report, and the register, as XLSX workbooks (openpyxl): one sheet per table, Vietnamese
headers, simple formulas for the shares, A4 print set-up."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from counter_app.clock import local
from counter_app.reports.labels import TABLE_COLUMNS
from counter_app.reports.report import Group, Report
from counter_app.reports.tables import group_header, headlines, is_share, summary_rows
from counter_app.services.printouts import RegisterContext
from counter_app.sheet_cells import keep_as_text
from printing.forms import register
from printing.wording import wording

HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
TITLE = "Báo cáo tình hình tiếp nhận và giải quyết hồ sơ thủ tục hành chính"


def report_workbook(report: Report) -> bytes:
    book = Workbook()
    _summary(book.active, report)  # type: ignore[arg-type]
    for title, first, groups in (("Theo lĩnh vực", "Lĩnh vực", report.by_field),
                                 ("Theo cán bộ", "Cán bộ tiếp nhận", report.by_clerk),
                                 ("Theo thủ tục", "Thủ tục", report.by_procedure)):
        _groups(book.create_sheet(title), report, first, groups)
    _daily(book.create_sheet("Theo ngày"), report)
    _scorecard(book.create_sheet("Ước tính 766"), report)
    return _saved(book)


Rows = Sequence[Sequence[object]]


def table_workbook(title: str, header: Sequence[str], sheets: Sequence[tuple[str, Rows]]) -> bytes:
    """A workbook of tables with the same columns, one sheet each: a title line, the header row, the rows."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets:
        page = book.create_sheet(_sheet_name(name))
        page.append([f"{title} — {name}" if len(sheets) > 1 else title])
        page["A1"].font = Font(bold=True, size=13)
        _header(page, list(header), row=2)
        for row in rows:
            page.append(list(row))
            keep_as_text(page[page.max_row])
        _finish(page, header_row=2, widths=[min(45, max(8, len(str(h)) + 2)) for h in header])
    return _saved(book)


def _summary(page: Worksheet, report: Report) -> None:
    page.title = "Tổng hợp"
    page.append([report.office])
    page.append([TITLE])
    page.append([f"Kỳ báo cáo: {report.period.label()}; kỳ trước: {report.previous.label()}; "
                 f"lập lúc {local(report.generated_at):%H:%M %d/%m/%Y}"])
    page["A1"].font = page["A2"].font = Font(bold=True, size=13)
    page.append([])
    _header(page, ["Số liệu", "Kỳ này", "Kỳ trước", "Thay đổi"], row=5)
    for key, label, now, before in summary_rows(report):
        row = page.max_row + 1
        page.append([label, now, before, f"=IF(AND(ISNUMBER(B{row}),ISNUMBER(C{row})),B{row}-C{row},\"\")"])
        if is_share(key):
            for cell in page[row][1:4]:
                cell.number_format = '0.0" %"'
    page.append([])
    page.append(["Chỉ số chính (ô màu): " + "; ".join(tile.label for tile in headlines(report))])
    _finish(page, header_row=5, widths=[44, 14, 14, 14])


def _groups(page: Worksheet, report: Report, first: str, groups: tuple[Group, ...]) -> None:
    header = group_header(first)
    page.append([f"{TITLE} — {page.title.lower()}, {report.period.label()}"])
    page["A1"].font = Font(bold=True, size=12)
    header += ["Tỷ lệ trước và đúng hạn (%)"]
    _header(page, header, row=2)
    settled, early, on_time = (get_column_letter(2 + TABLE_COLUMNS.index(n)) for n in
                               ("settled", "settled_early", "settled_on_time"))
    for group in groups:
        row = page.max_row + 1
        values = [getattr(group.figures, name) for name in TABLE_COLUMNS]
        page.append([group.label, *values,
                     f"=IF({settled}{row}>0,ROUND(100*({early}{row}+{on_time}{row})/{settled}{row},1),\"\")"])
        keep_as_text([page.cell(row, 1)])  # a clerk's or procedure's name, as typed
    if groups:
        last, total = page.max_row, page.max_row + 1
        sums = [f"=SUM({get_column_letter(column)}3:{get_column_letter(column)}{last})"
                for column in range(2, 2 + TABLE_COLUMNS.index("days_average"))]
        page.append(["Tổng cộng", *sums])
        for cell in page[total]:
            cell.font = HEAD_FONT
    _finish(page, header_row=2, widths=[40] + [11] * (len(header) - 1))


def _daily(page: Worksheet, report: Report) -> None:
    _header(page, ["Ngày", "Trực tiếp", "Bưu chính", "Trực tuyến", "Cộng"], row=1)
    for day in report.daily:
        row = page.max_row + 1
        page.append([day.day, day.counter, day.postal, day.online, f"=SUM(B{row}:D{row})"])
        page.cell(row, 1).number_format = "DD/MM/YYYY"
    _finish(page, header_row=1, widths=[13, 11, 11, 11, 11])


def _scorecard(page: Worksheet, report: Report) -> None:
    card = report.scorecard
    page.append([card.title])
    page.append(["ƯỚC TÍNH từ số liệu của quầy, không phải điểm chính thức. Công thức: tệp scorecard-766.toml."])
    page["A1"].font = Font(bold=True, size=12)
    page["A2"].font = Font(italic=True, color="B00000")
    _header(page, ["Nhóm / chỉ tiêu", "Tỷ lệ (%)", "Điểm ước tính", "Điểm tối đa"], row=3)
    for group in card.groups:
        page.append([group.name, None, group.points if group.points is not None else "không ước tính",
                     group.max_points])
        page.cell(page.max_row, 1).font = HEAD_FONT
        for line in group.lines:
            page.append([f"   {line.name}", line.share, line.points, line.max_points])
    page.append(["Tổng (các chỉ tiêu ước tính được)", None, card.points, card.max_points])
    page.cell(page.max_row, 1).font = HEAD_FONT
    _finish(page, header_row=3, widths=[52, 12, 15, 13])


def _header(page: Worksheet, titles: list[str], row: int) -> None:
    for column, title in enumerate(titles, start=1):
        cell = page.cell(row, column, title)
        cell.font, cell.fill = HEAD_FONT, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _finish(page: Worksheet, header_row: int, widths: list[int]) -> None:
    """Column widths, frozen header, and A4 landscape printing one page wide with the header repeated."""
    for column, width in enumerate(widths, start=1):
        page.column_dimensions[get_column_letter(column)].width = width
    page.freeze_panes = f"B{header_row + 1}"
    page.page_setup.paperSize = page.PAPERSIZE_A4
    page.page_setup.orientation = page.ORIENTATION_LANDSCAPE
    page.page_setup.fitToWidth, page.page_setup.fitToHeight = 1, 0
    page.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    page.print_title_rows = f"{header_row}:{header_row}"


def _saved(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def register_workbook(context: RegisterContext) -> bytes:
    """The register (Sổ theo dõi hồ sơ) for a date range: the printed register's columns, one line per dossier,
    one sheet per book (per procedure field when the office keeps its registers so)."""
    phrases = wording("register", context.form_set)
    books = [(field or "Sổ theo dõi", [register.cells(n, dossier, phrases) for n, dossier in enumerate(dossiers, 1)])
             for field, dossiers in context.books()]
    title = f"Sổ theo dõi hồ sơ — {context.office.name} — {context.start:%d/%m/%Y} đến {context.end:%d/%m/%Y}"
    return table_workbook(title, register.headings(context), books)


def _sheet_name(name: str) -> str:
    """A sheet title Excel accepts: at most 31 characters, none of []:*?/\\."""
    return "".join("-" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Sheet"

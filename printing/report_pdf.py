"""The periodic report as an A4 PDF: headline figures beside the previous period, charts, tables, 766 estimate."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from counter_app.clock import local
from counter_app.reports.report import Group, Report
from counter_app.reports.tables import headlines, is_share, shown, summary_rows
from printing.layout import A4_PORTRAIT, Footer, Page, Styles, build_pdf, grid, para
from printing.report_charts import on_time_per_month, overdue_by_procedure, received_per_day

PAGE = Page(A4_PORTRAIT.size, (15 * mm, 15 * mm, 14 * mm, 14 * mm), 10)
TITLE = "BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH"
# The breakdowns on A4 portrait: the columns that fit, the full set is in the XLSX.
PDF_COLUMNS = ("received", "settled", "settled_early", "settled_on_time", "settled_late", "open_not_due",
               "open_overdue", "apology_before_deadline", "digitised_dossiers", "rating_count")
SHORT = {"received": "Tiếp nhận", "settled": "Đã giải quyết", "settled_early": "Trước hạn",
         "settled_on_time": "Đúng hạn", "settled_late": "Quá hạn", "open_not_due": "Đang giải quyết",
         "open_overdue": "Đang quá hạn", "apology_before_deadline": "Xin lỗi đúng hạn",
         "digitised_dossiers": "Số hóa", "rating_count": "Đánh giá"}


def render(report: Report) -> bytes:
    styles = Styles(PAGE)
    story: list[Flowable] = [
        para(report.office.upper(), styles.bold_centre), para(TITLE, styles.title),
        para(f"Kỳ báo cáo: {report.period.label()} (kỳ trước: {report.previous.label()})", styles.italic_centre),
        para(f"Lập lúc {local(report.generated_at):%H:%M %d/%m/%Y}", styles.italic_centre), Spacer(1, 4 * mm),
        para("1. Chỉ số chính", styles.left, bold=True), _headlines(report, styles), Spacer(1, 3 * mm),
        para("2. Biểu đồ", styles.left, bold=True),
    ]
    for drawing in (received_per_day(report, PAGE.width), on_time_per_month(report, PAGE.width),
                    overdue_by_procedure(report, PAGE.width)):
        story += [_chart(drawing), Spacer(1, 2 * mm)]
    story += [CondPageBreak(60 * mm), para("3. Số liệu chi tiết", styles.left, bold=True), _summary(report, styles)]
    for number, (title, groups) in enumerate((("Theo lĩnh vực", report.by_field), ("Theo cán bộ tiếp nhận",
                                              report.by_clerk), ("Theo thủ tục", report.by_procedure)), start=4):
        story += [Spacer(1, 3 * mm), CondPageBreak(40 * mm), para(f"{number}. {title}", styles.left, bold=True),
                  _groups(groups, styles)]
    story += [Spacer(1, 3 * mm), CondPageBreak(60 * mm), _scorecard(report, styles)]
    return build_pdf(PAGE, story, TITLE, report.period.label(), Footer(f"Báo cáo {report.period.label()}"))


def _chart(drawing: Drawing) -> Flowable:
    return KeepTogether([drawing])


def _headlines(report: Report, styles: Styles) -> Flowable:
    head = [para(title, styles.head) for title in ("Chỉ số", "Kỳ này", "Kỳ trước", "Thay đổi")]
    rows = [[para(tile.label, styles.cell), para(shown(tile.value, is_share(tile.key)), styles.cell_centre),
             para(shown(tile.previous, is_share(tile.key)), styles.cell_centre),
             para(_change(tile.change), styles.cell_centre)] for tile in headlines(report)]
    widths = [PAGE.width * share for share in (0.46, 0.18, 0.18, 0.18)]
    return grid([head, *rows], widths)


def _summary(report: Report, styles: Styles) -> Flowable:
    head = [para(title, styles.head) for title in ("Số liệu", "Kỳ này", "Kỳ trước")]
    rows = [[para(label, styles.cell), para(shown(now, is_share(key)), styles.cell_centre),
             para(shown(before, is_share(key)), styles.cell_centre)]
            for key, label, now, before in summary_rows(report)]
    return grid([head, *rows], [PAGE.width * share for share in (0.6, 0.2, 0.2)])


def _groups(groups: tuple[Group, ...], styles: Styles) -> Flowable:
    if not groups:
        return para("Không có hồ sơ trong kỳ.", styles.left)
    head = [para("", styles.head)] + [para(SHORT[name], styles.head) for name in PDF_COLUMNS]
    rows = [[para(g.label, styles.cell)] + [para(shown(getattr(g.figures, name)), styles.cell_centre)
                                            for name in PDF_COLUMNS] for g in groups]
    first = 0.25
    widths = [PAGE.width * first] + [PAGE.width * (1 - first) / len(PDF_COLUMNS)] * len(PDF_COLUMNS)
    return grid([head, *rows], widths)


def _scorecard(report: Report, styles: Styles) -> Flowable:
    card = report.scorecard
    parts: list[Flowable] = [
        para(f"7. {card.title}", styles.left, bold=True),
        para("ƯỚC TÍNH từ số liệu của quầy, không phải điểm chính thức; công thức trong tệp scorecard-766.toml "
             "mà tỉnh có thể sửa.", styles.small),
    ]
    head = [para(title, styles.head) for title in ("Nhóm / chỉ tiêu", "Tỷ lệ", "Điểm ước tính", "Điểm tối đa")]
    rows = []
    for group in card.groups:
        points = "không ước tính" if group.points is None else shown(group.points)
        rows.append([para(group.name, styles.cell, bold=True), para("", styles.cell), para(points, styles.cell_centre),
                     para(shown(group.max_points), styles.cell_centre)])
        rows += [[para("– " + line.name, styles.cell), para(shown(line.share, True), styles.cell_centre),
                  para(shown(line.points), styles.cell_centre), para(shown(line.max_points), styles.cell_centre)]
                 for line in group.lines]
    rows.append([para("Tổng (các chỉ tiêu ước tính được)", styles.cell, bold=True), para("", styles.cell),
                 para(shown(card.points), styles.cell_centre), para(shown(card.max_points), styles.cell_centre)])
    parts.append(grid([head, *rows], [PAGE.width * share for share in (0.55, 0.15, 0.15, 0.15)]))
    return KeepTogether(parts)


def _change(change: float | None) -> str:
    if change is None:
        return "—"
    return ("+" if change > 0 else "") + shown(change)

"""The report's three charts drawn once with reportlab graphics: placed in the PDF, and as SVG on the screen."""

from __future__ import annotations

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors

from counter_app.reports.report import Report
from counter_app.textfold import nfc
from printing.fonts import BOLD, REGULAR, register_fonts

CHANNEL_COLOURS = (colors.HexColor("#1f5fa8"), colors.HexColor("#e08a1e"), colors.HexColor("#3a9a4a"))
ON_TIME_COLOUR = colors.HexColor("#3a9a4a")
OVERDUE_COLOUR = colors.HexColor("#b00000")
MAX_PROCEDURES = 10
LABEL_CHAR_WIDTH = 3.6  # points per character of a 7 pt label, a little over the average
SVG_FAMILY = "Liberation Serif"  # the family name inside resources/fonts/LiberationSerif-*.ttf


def received_per_day(report: Report, width: float = 480, height: float = 200, lang: str = "vi") -> Drawing:
    """Dossiers received each day of the period, stacked by channel."""
    drawing = _drawing(width, height, _t(lang, "Hồ sơ tiếp nhận theo ngày", "Dossiers received per day"))
    chart = VerticalBarChart()
    _place(chart, width, height, left=34, bottom=40)
    chart.height -= 10  # room for the legend under the title
    days = report.daily
    chart.data = [[d.counter for d in days], [d.postal for d in days], [d.online for d in days]]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [f"{d.day:%d/%m}" if _labelled(n, len(days)) else "" for n, d in enumerate(days)]
    chart.categoryAxis.labels.angle = 45 if len(days) > 10 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(days) > 10 else "n"
    chart.categoryAxis.visibleTicks = len(days) <= 62  # a tick a day over a year draws one black band
    for index, colour in enumerate(CHANNEL_COLOURS):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    _value_axis(chart, max((d.counter + d.postal + d.online for d in days), default=0))
    drawing.add(chart)
    drawing.add(_legend(width, height, [(CHANNEL_COLOURS[0], _t(lang, "Trực tiếp", "Counter")),
                                        (CHANNEL_COLOURS[1], _t(lang, "Bưu chính", "Post")),
                                        (CHANNEL_COLOURS[2], _t(lang, "Trực tuyến", "Online"))]))
    return drawing


def on_time_per_month(report: Report, width: float = 480, height: float = 170, lang: str = "vi") -> Drawing:
    """The share of settled dossiers settled early or on time, per month (previous period included)."""
    drawing = _drawing(width, height, _t(lang, "Tỷ lệ giải quyết trước và đúng hạn theo tháng (%)",
                                         "Settled early or on time per month (%)"))
    chart = VerticalBarChart()
    _place(chart, width, height, left=34, bottom=30)
    chart.data = [[m.on_time_share for m in report.monthly]]  # None: nothing settled, no bar
    months = report.monthly
    chart.categoryAxis.categoryNames = [f"{m.month} ({m.settled})" if _labelled(n, len(months), all_up_to=12) else ""
                                        for n, m in enumerate(months)]
    chart.categoryAxis.labels.angle = 45 if len(months) > 8 else 0  # a year beside the year before: 24 months
    chart.categoryAxis.labels.boxAnchor = "ne" if len(months) > 8 else "n"
    chart.bars[0].fillColor = ON_TIME_COLOUR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda value: "" if value is None else f"{value:.0f}"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.nudge = 6
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = chart.categoryAxis.labels.fontName = REGULAR
    drawing.add(chart)
    return drawing


def overdue_by_procedure(report: Report, width: float = 480, height: float = 200, lang: str = "vi") -> Drawing:
    """Dossiers in progress and overdue at the end of the period, by procedure (the ten with most)."""
    worst = sorted((g for g in report.by_procedure if g.figures.open_overdue),
                   key=lambda g: (-g.figures.open_overdue, g.key))[:MAX_PROCEDURES]
    if not worst:
        return _drawing(width, 40, _t(lang, "Hồ sơ quá hạn đang giải quyết theo thủ tục: không có",
                                      "Overdue dossiers in progress by procedure: none"))
    drawing = _drawing(width, height, _t(lang, "Hồ sơ quá hạn đang giải quyết theo thủ tục",
                                         "Overdue dossiers in progress by procedure"))
    chart = HorizontalBarChart()
    left = min(230, width * 0.48)
    _place(chart, width, height, left=left, bottom=22)
    chart.data = [[g.figures.open_overdue for g in reversed(worst)]]
    chart.categoryAxis.categoryNames = [_short(g.label, int(left / LABEL_CHAR_WIDTH)) for g in reversed(worst)]
    chart.bars[0].fillColor = OVERDUE_COLOUR
    chart.bars[0].strokeColor = None
    _value_axis(chart, max(g.figures.open_overdue for g in worst))
    drawing.add(chart)
    return drawing


def svg(drawing: Drawing) -> bytes:
    """The drawing as SVG (what the report screen shows), naming the bundled face by its family: reportlab placed
    every label with that face's widths, so a wider stand-in would run labels into the bars."""
    text = renderSVG.drawToString(drawing)
    text = text.replace(f"font-family: {BOLD};", f"font-family: {SVG_FAMILY}; font-weight: bold;")
    return text.replace(f"font-family: {REGULAR};", f"font-family: {SVG_FAMILY};").encode("utf-8")


def _drawing(width: float, height: float, title: str) -> Drawing:
    register_fonts()
    drawing = Drawing(width, height)
    background = Rect(0, 0, width, height)  # white under the screen's SVG too
    background.fillColor, background.strokeColor = colors.white, None
    drawing.add(background)
    drawing.add(String(4, height - 13, nfc(title), fontName=BOLD, fontSize=10))
    return drawing


def _place(chart: VerticalBarChart | HorizontalBarChart, width: float, height: float, left: float,
           bottom: float) -> None:
    chart.x, chart.y = round(left), round(bottom)
    chart.width, chart.height = round(width - left - 12), round(height - bottom - 34)
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7


def _value_axis(chart: VerticalBarChart | HorizontalBarChart, top: int) -> None:
    step = max(1, -(-top // 5))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, max(step * 5, 1), step


def _legend(width: float, height: float, items: list[tuple[colors.Color, str]]) -> Legend:
    legend = Legend()
    legend.x, legend.y = 8, round(height - 20)  # one row under the title, which may run the width of the chart
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName, legend.fontSize = REGULAR, 8
    legend.dxTextSpace, legend.deltax = 4, 70
    legend.colorNamePairs = items
    return legend


def _labelled(index: int, count: int, all_up_to: int = 16) -> bool:
    """Whether category `index` of `count` carries its label: all of a few, else about a dozen spread out."""
    return count <= all_up_to or index % -(-count // 12) == 0


def _short(text: str, limit: int) -> str:
    text = nfc(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _t(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi

"""The look in one place: colours with meaning, type scale, spacing, the style sheet, icons and focus rings."""

from __future__ import annotations

import re
from functools import cache
from typing import TypeVar

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from counter_app.paths import resource

# Colours carry meaning; screens ask for the meaning, never for a hex value.
COLOURS = {
    "primary": "#1c5ba6",          # the expected next action, the current section
    "primary_hover": "#174c8b",
    "primary_soft": "#e3edf9",
    "on_primary": "#ffffff",
    "destructive": "#b42318",      # refuse, stop, withdraw: set apart, confirmed
    "destructive_soft": "#fdecea",
    "overdue": "#b42318",          # past the due date: red
    "due_today": "#a15c00",        # due today: amber
    "due_today_soft": "#fff3dc",
    "success": "#1e7b34",          # accepted, synced, saved
    "success_soft": "#e6f4ea",
    "warning": "#a15c00",
    "text": "#1d2733",
    "muted": "#5b6876",
    "border": "#c7d0da",
    "surface": "#ffffff",
    "window": "#f2f4f7",
    "sidebar": "#1f2d3d",
    "sidebar_text": "#d5dee8",
    "sidebar_hover": "#2b3d52",
    "focus": "#f2a900",            # the keyboard focus ring: amber, visible on white and on blue
}

# Type scale (points, so that high-DPI screens scale it) and spacing (device-independent pixels).
FONT_PT = {"small": 9.0, "body": 10.5, "large": 12.5, "title": 16.0, "display": 26.0}
SPACE = {"xs": 4, "s": 8, "m": 12, "l": 16, "xl": 24}
ICON_SIZE = QSize(20, 20)

W = TypeVar("W", bound=QWidget)
B = TypeVar("B", bound=QAbstractButton)
_TOKEN = re.compile(r"@([a-z_]+)")


def style_sheet() -> str:
    """The application's QSS with its colour, font and spacing tokens (`@primary`, `@pt_title`…) filled in."""
    text = resource("theme", "counter.qss").read_text("utf-8")
    values = {**COLOURS, **{f"pt_{k}": f"{v}pt" for k, v in FONT_PT.items()},
              **{f"space_{k}": f"{v}px" for k, v in SPACE.items()}}
    return _TOKEN.sub(lambda match: values[match.group(1)], text)


def apply(app: QApplication) -> None:
    """Fusion style with Counter's palette, body font and style sheet, for every window the app opens."""
    app.setStyle("Fusion")
    palette = app.palette()
    for role, colour in ((QPalette.ColorRole.Window, "window"), (QPalette.ColorRole.Base, "surface"),
                         (QPalette.ColorRole.Text, "text"), (QPalette.ColorRole.WindowText, "text"),
                         (QPalette.ColorRole.ButtonText, "text"), (QPalette.ColorRole.Highlight, "primary"),
                         (QPalette.ColorRole.HighlightedText, "on_primary"),
                         (QPalette.ColorRole.PlaceholderText, "muted")):
        palette.setColor(role, QColor(COLOURS[colour]))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(FONT_PT["body"])
    app.setFont(font)
    app.setStyleSheet(style_sheet())


def set_kind(button: B, kind: str) -> B:
    """A button's weight: 'primary' (the expected next action), 'destructive' (irreversible) or 'quiet'."""
    button.setProperty("kind", kind)
    _repolish(button)
    return button


def set_tone(widget: QWidget, tone: str) -> None:
    """A text's meaning: 'danger', 'warning', 'success', 'info' or '' (plain)."""
    widget.setProperty("tone", tone)
    _repolish(widget)


def set_role(widget: W, role: str) -> W:
    """A text's place in the type scale ('title', 'heading', 'muted', 'display') or a frame's ('card')."""
    widget.setProperty("role", role)
    _repolish(widget)
    return widget


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def icon(name: str, colour: str = "text") -> QIcon:
    """An icon of the bundled set (resources/icons, Tabler, MIT) drawn in one of the theme's colours."""
    return QIcon(_icon(name, COLOURS.get(colour, colour)))


@cache
def _icon(name: str, colour: str) -> QIcon:
    svg = resource("icons", f"{name}.svg").read_text("utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in (16, 20, 24, 32, 48):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result

"""The bundled Liberation Serif family (Times-compatible, full Vietnamese), registered once with reportlab."""

from __future__ import annotations

import functools
from typing import Final

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from counter_app.paths import resource

FAMILY: Final = "CounterSerif"
REGULAR: Final = FAMILY
BOLD: Final = f"{FAMILY}-Bold"
ITALIC: Final = f"{FAMILY}-Italic"
BOLD_ITALIC: Final = f"{FAMILY}-BoldItalic"

_FILES: Final = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


@functools.cache
def register_fonts() -> None:
    """Register the four faces and map <b>/<i> markup to them (idempotent)."""
    folder = resource("fonts")
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)

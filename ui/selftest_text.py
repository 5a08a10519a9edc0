"""The self-test's `vietnamese-text` line: Vietnamese sorted, upper-cased and formatted by Qt (its ICU data, trimmed
in the Linux package, resources/packaging/icu_trim.py) and drawn in a widget with every letter in the font."""

from __future__ import annotations

from typing import Any

NAMES = ("Đặng", "Đào", "Dương", "Ánh", "Anh")
# ă is a letter after a, đ one after d: the root (and English) collation puts Đặng before Đào, Đ among the D's.
VIETNAMESE_ORDER = ["Anh", "Ánh", "Dương", "Đào", "Đặng"]
SAMPLE = "Tiếp nhận hồ sơ: Đặng Thị Ánh, Dương Văn Đào — Ưu tiên"
EXPECTED = {"upper": "ĐẶNG THỊ ÁNH", "number": "1.234.567,5", "date": "Thứ Ba, 1 tháng 12, 2026"}
INK_LEVEL = 128  # a pixel darker than this on the label's light background is drawn text


def check_vietnamese_text(_scratch: Any, language: tuple[str, str] = ("Vietnamese", "Vietnam")) -> str:
    """Sort order (ICU collation), upper case (ICU case mapping), number and date formats, and a label drawn."""
    from PySide6.QtCore import QCollator, QDate, QLocale  # noqa: PLC0415

    from ui.selftest import _application  # noqa: PLC0415

    _application()
    locale = QLocale(QLocale.Language[language[0]], QLocale.Country[language[1]])
    order = sorted(NAMES, key=QCollator(locale).sortKey)
    if order != VIETNAMESE_ORDER:
        raise RuntimeError(f"Vietnamese sort order wrong (ICU collation data): {', '.join(order)}")
    made = {"upper": locale.toUpper("đặng thị ánh"), "number": locale.toString(1234567.5, "f", 1),
            "date": locale.toString(QDate(2026, 12, 1), QLocale.FormatType.LongFormat)}
    wrong = [f"{what} «{made[what]}», expected «{EXPECTED[what]}»" for what in EXPECTED if made[what] != EXPECTED[what]]
    if wrong:
        raise RuntimeError("; ".join(wrong))
    return f"{' < '.join(order)}; {made['upper']}; {made['number']}; {made['date']}; {_drawn_label()}"


def _drawn_label() -> str:
    """SAMPLE in a label: every letter in its font, and ink on the picture."""
    from PySide6.QtGui import QFontInfo, QFontMetrics, QImage  # noqa: PLC0415
    from PySide6.QtWidgets import QLabel  # noqa: PLC0415

    label = QLabel(SAMPLE)
    label.adjustSize()
    metrics = QFontMetrics(label.font())
    missing = sorted({letter for letter in SAMPLE if not letter.isspace() and not metrics.inFontUcs4(ord(letter))})
    family = QFontInfo(label.font()).family()
    if missing:
        raise RuntimeError(f"the font «{family}» has no {' '.join(missing)}")
    picture = label.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    ink = sum(1 for y in range(picture.height()) for x in range(picture.width())
              if picture.pixelColor(x, y).value() < INK_LEVEL)
    if ink < len(SAMPLE):
        raise RuntimeError(f"the label {picture.width()}×{picture.height()} shows no text ({ink} dark pixels)")
    return f"label {picture.width()}×{picture.height()} drawn in «{family}»"

"""Key events as a person or a keyboard-wedge scanner sends them (never keyClicks for Vietnamese text)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui.wedge import ScannerFilter


class FakeClock:
    """The scanner filter's clock, advanced by the test: 5 ms per key for a scanner, 150 ms for a person."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def press(widget: QWidget | None, key: Qt.Key, text: str = "",
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = widget or QApplication.focusWidget()
    assert target is not None, "no widget has focus"
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))


def type_text(text: str, clock: FakeClock | None = None, gap: float = 0.15) -> None:
    """Characters into whatever has focus, one key event each, `gap` seconds apart on `clock`."""
    for char in text:
        if clock is not None:
            clock.now += gap
        key = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        press(None, key, char)


def scan(text: str, clock: FakeClock) -> None:
    """What a wedge scanner sends after the clerk picks it up: the characters 5 ms apart, then Enter."""
    clock.now += 0.5
    type_text(text, clock, gap=0.005)
    clock.now += 0.005
    press(None, Qt.Key.Key_Return, "\r")


def install_scanner(clock: FakeClock) -> ScannerFilter:
    scanner = ScannerFilter(clock)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(scanner)
    return scanner

"""One line under a screen that says what just happened: green when it worked, red and bold when it did not."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class MessageLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def error(self, message: str) -> None:
        self.setText(message)
        self.setStyleSheet("color: #b00000; font-weight: bold")

    def info(self, message: str) -> None:
        self.setText(message)
        self.setStyleSheet("color: #005a00")

"""What the postal panels share: work on a worker thread, and one message line saying how it went."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from ui import tasks
from ui.message_line import MessageLine


class PostalPanel(QWidget):
    """A postal tab: `_run` starts its work on a worker; errors and news go to `message`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: tasks.Task | None = None
        self.message = MessageLine()

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._task = tasks.start(work, done, self.show_error, owner=self)

    def show_error(self, message: str) -> None:
        self.message.error(message)

    def show_info(self, message: str) -> None:
        self.message.info(message)

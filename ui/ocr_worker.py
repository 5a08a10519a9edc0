"""Running the OCR queue on a worker thread, one run at a time: at start-up and after each filing."""

from __future__ import annotations

import logging

from counter_app.storage.database import Database
from scanning import ocr_queue
from ui import tasks

log = logging.getLogger("counter.ui")
_running: list[tasks.Task] = []


def start(database: Database) -> None:
    """Add text layers to the scans waiting for them, in the background; a run already going picks up new ones
    next time."""
    if _running or not ocr_queue.pending(database):
        return

    def finished(count: object) -> None:
        _running.clear()
        log.info("text layer added to %s document(s)", count)
        if count and ocr_queue.pending(database):  # filed while this run went on
            start(database)

    def failed(message: str) -> None:
        _running.clear()
        log.warning("OCR queue: %s", message)

    _running.append(tasks.start(lambda: ocr_queue.run_pending(database), finished, failed))

"""`counter-app --startup-probe`: start as the app does, print `shown` once the log-in window is up, and quit.
`make dist` times it from the source checkout and from the frozen build, the same way, to compare start-up, and
asks it (`--modules FILE`) which modules the start imports, to store those where the frozen app loads them fastest."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from ui.app import prepare


def main(arguments: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="counter-app --startup-probe")
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--modules", type=Path, help="write the names of the modules the start imported (the window's "
                        "and the database opening's behind it) to this file")
    options = parser.parse_args([a for a in arguments if a != "--startup-probe"])
    with tempfile.TemporaryDirectory(prefix="counter-probe-") as settings:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
        app = QApplication([sys.argv[0]])
        window = prepare(app, options.data_dir)
        QTimer.singleShot(0, lambda: _answer(app))
        app.exec()
        QThreadPool.globalInstance().waitForDone()  # the database opening behind the window
        if options.modules is not None:
            options.modules.write_text("".join(f"{name}\n" for name in sorted(sys.modules)), encoding="utf-8")
        if window.database is not None:
            window.database.dispose()
    return 0


def _answer(app: QApplication) -> None:
    """`shown`, the CPU time this (main) thread has used since the process started (the part of the start that
    the machine's load does not stretch) and the CPU time of all its threads; then quit."""
    print(f"shown {time.thread_time():.4f} {time.process_time():.4f}", flush=True)  # noqa: T201 (the probe's answer)
    app.quit()

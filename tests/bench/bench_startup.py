"""Start-up time and memory: a bare PySide6 window beside Counter's log-in window, measured in one run.

Run: `python -m tests.bench.bench_startup [ROUNDS]` (under `xvfb-run` for a real X11 window; offscreen
otherwise). Prints both times (process start to the window on screen, median of ROUNDS, alternated), their
ratio (goal: at most 2), and the resident memory once logged in with the home screen filled (goal: 200 MB)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

USER, PASSWORD = "anh", "mật-khẩu-dài-12"
_BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
window = QLabel("Counter")
window.resize(420, 300)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def _child(data: str) -> None:
    """Counter as `counter-app` starts it; prints 'shown' when the log-in window is up, then logs in."""
    from PySide6.QtCore import QSettings, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from ui import crash  # noqa: PLC0415
    from ui.app import prepare  # noqa: PLC0415

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, data)
    app = QApplication(sys.argv)
    bridge = crash.install(Path(data), lambda: None)  # as ui.app.run does
    window = prepare(app, Path(data))
    QTimer.singleShot(0, lambda: print("shown", flush=True))
    dialog = window.login_dialog
    assert dialog is not None
    dialog.username.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.submit()  # goes through as soon as the database has opened

    def logged_in() -> None:
        if window.user is None or window.home.tiles["received"].text().startswith("0"):
            QTimer.singleShot(50, logged_in)
            return
        QTimer.singleShot(1500, lambda: (print("rss_kb", _rss_kb(), flush=True), window.close(), app.quit()))

    QTimer.singleShot(50, logged_in)
    app.exec()
    del bridge


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _prepare_data() -> str:
    from counter_app.model import Person  # noqa: PLC0415
    from counter_app.services.intake import IntakeRequest, intake  # noqa: PLC0415
    from counter_app.services.office import initialise  # noqa: PLC0415
    from counter_app.services.users import create_user  # noqa: PLC0415
    from counter_app.storage.database import Database  # noqa: PLC0415
    from tests.conftest import OFFICE  # noqa: PLC0415

    data = tempfile.mkdtemp(prefix="counter-bench-")
    database = Database.open(Path(data))
    initialise(database, OFFICE)
    create_user(database, USER, "Trần Thị Ngọc Ánh", "clerk", PASSWORD, "bench")
    intake(database, IntakeRequest("1.004873", Person("Lê Thị Thu Hà", "079195000123")), USER)
    database.dispose()
    return data


def _timed(command: list[str]) -> tuple[float, dict[str, str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM") or
           ("xcb" if os.environ.get("DISPLAY") else "offscreen")}
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert process.stdout is not None
    shown, found = 0.0, {}
    for line in process.stdout:
        key, _, value = line.strip().partition(" ")
        if key == "shown" and not shown:
            shown = time.perf_counter() - start
        found[key] = value
    process.wait(timeout=120)
    return shown, found


def main(rounds: int = 5) -> None:
    data = _prepare_data()
    bare, counter, memory = [], [], []
    for _ in range(rounds):
        bare.append(_timed([sys.executable, "-c", _BARE])[0])
        seconds, found = _timed([sys.executable, "-m", "tests.bench.bench_startup", "--child", data])
        counter.append(seconds)
        memory.append(int(found.get("rss_kb", "0")) / 1024)
    bare_s, counter_s = statistics.median(bare), statistics.median(counter)
    print(f"bare PySide6 window:      {bare_s:.3f} s (median of {rounds})")
    print(f"Counter log-in window:    {counter_s:.3f} s")
    print(f"start-up ratio:           {counter_s / bare_s:.2f} (goal <= 2)")
    print(f"memory after log-in:      {max(memory):.0f} MB resident (goal <= 200)")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _child(sys.argv[2])
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)

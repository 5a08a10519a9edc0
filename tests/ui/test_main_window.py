"""The minimal main window opens the database off the GUI thread and shows the office."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow


def test_first_launch_creates_the_sample_office(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path)
    qtbot.add_widget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: "Trung tâm" in window.office_label.text(), timeout=20000)
    assert "Hôm nay: 0 hồ sơ" in window.counts_label.text()
    assert (tmp_path / "counter.sqlite3").exists()

"""Administration → Sao lưu: back up now with progress, check the backup, restore into a new folder; the home
screen shows the date of the last good backup (red when too old) and disk warnings; the daily run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter_app.backup import policy, space
from counter_app.backup.status import status
from counter_app.clock import now
from counter_app.storage.database import Database
from tests.backup.test_backup import backup_here
from ui.admin_backup import BackupPanel
from ui.backup_scheduler import backup_if_due
from ui.home_panel import HomePanel


def test_back_up_check_and_restore_from_the_administration_screen(qtbot: QtBot, ui_db: Database,
                                                                  tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    panel = BackupPanel(ui_db)
    qtbot.add_widget(panel)
    panel.load()
    qtbot.waitUntil(lambda: panel.state_label.text() != "", timeout=10000)
    assert panel.state_label.text() == "Chưa có bản sao lưu nào."
    panel.folder.setText(str(stick))
    panel.keep.setValue(3)
    progress: list[int] = []
    panel.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(panel.backed_up, timeout=30000):
        panel.run.click()
    assert progress and progress[-1] == 1000
    assert panel.result.text().startswith("Đã ghi bản sao lưu")
    qtbot.waitUntil(lambda: panel.state_label.text().startswith("Sao lưu tốt gần nhất"), timeout=10000)
    assert policy.state(ui_db).target == str(stick.resolve()) and policy.state(ui_db).keep == 3

    panel.verify_backup()
    qtbot.waitUntil(lambda: "nguyên vẹn" in panel.result.text(), timeout=10000)

    panel.restore_into(stick, tmp_path / "data-folder-in-use")
    qtbot.waitUntil(lambda: "Đã khôi phục" in panel.result.text() or "✗" in panel.result.text(), timeout=20000)
    panel.restore_into(stick, ui_db.data_dir)  # the folder in use holds data: refused, untouched
    qtbot.waitUntil(lambda: "đã có dữ liệu" in panel.result.text(), timeout=20000)


def test_home_shows_the_last_backup_red_when_old_and_disk_warnings(qtbot: QtBot, ui_db: Database, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    home = HomePanel(ui_db)
    qtbot.add_widget(home)
    home.set_backup_status(status(ui_db))
    assert "Chưa có bản sao lưu nào" in home.backup_label.text() and home.backup_label.property("tone") == "danger"
    stick = tmp_path / "usb"
    stick.mkdir()
    policy.configure(ui_db, str(stick), stale_days=2)
    backup_here(ui_db.data_dir, stick)
    home.set_backup_status(status(ui_db))
    assert home.backup_label.text().startswith("Sao lưu tốt gần nhất")
    assert home.backup_label.property("tone") == "" and not home.space_label.isVisibleTo(home)
    home.set_backup_status(status(ui_db, now() + dt.timedelta(days=3)))
    assert home.backup_label.property("tone") == "danger"
    monkeypatch.setattr(space, "DATA_LOW_BYTES", 10**15)
    home.set_backup_status(status(ui_db))
    assert home.space_label.isVisibleTo(home) and "sắp đầy" in home.space_label.text()


def test_the_daily_backup_runs_once_a_day_when_the_folder_is_there(ui_db: Database, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    assert not backup_if_due(ui_db).state.last_good  # no folder set: nothing runs
    stick.mkdir()
    policy.configure(ui_db, str(stick))
    first = backup_if_due(ui_db).state
    assert first.last_good and first.last_generation
    assert backup_if_due(ui_db).state.last_generation == first.last_generation  # once a day

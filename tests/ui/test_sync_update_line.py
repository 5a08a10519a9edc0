"""The sync screen's line for the app's own update, in Vietnamese: none, on its way, ready, installed, or
refused (in red, with the reason)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from counter_app.storage.database import Database
from counter_app.updates import state
from counter_app.updates.state import UpdateState
from ui.sync_controller import SyncController
from ui.sync_view import SyncView, update_text

REFUSED = "Bản cập nhật 1.3.0 bị từ chối: nó không được ký bằng khóa phát hành của Counter (khóa AbCd…)."


def test_each_state_of_an_update_in_one_line() -> None:
    assert update_text(UpdateState()) == "chưa có"
    assert update_text(UpdateState("1.3.0", size=48_200_000, received=12_100_000, status="downloading")) == \
        "1.3.0: đang tải, 12,1/48,2 MB"
    assert update_text(UpdateState("1.3.0", status="ready")) == "1.3.0: đã tải xong, sẽ cài khi mở lại ứng dụng"
    assert update_text(UpdateState("1.3.0", status="installed")) == "1.3.0: đã cài đặt"
    assert update_text(UpdateState("1.3.0", status="refused", message=REFUSED)) == REFUSED


def test_the_sync_screen_shows_a_refused_update_in_red(qtbot: QtBot, tmp_path: Path) -> None:
    database = Database.open(tmp_path / "data")
    try:
        state.change(database, version="1.3.0", status="refused", message=REFUSED)
        settings = QSettings(str(tmp_path / "counter.ini"), QSettings.Format.IniFormat)
        controller = SyncController(database, settings)
        view = SyncView(database, controller, settings)
        qtbot.add_widget(view)
        view.resize(1100, 650)
        view.show()
        controller.refresh()
        qtbot.waitUntil(lambda: view.update_label.text() == REFUSED, timeout=20000)
        assert "#b00000" in view.update_label.styleSheet()
        qtbot.wait(200)  # the layout gives the wrapped line its height
        view.grab().save(str(tmp_path / "sync-update.png"))
        controller.stop()
    finally:
        database.dispose()

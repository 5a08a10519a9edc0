"""Sync in the app: the status bar's connection, outbox and warning; the sync screen's enrolment, per-dossier
state and "sync now"; a dead hub shown as such, with the work kept for later."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from counter_app.model import Person
from counter_app.services import outbox, queries, refusals
from counter_app.services.intake import IntakeRequest, intake
from counter_app.storage.database import Database
from tests.sync.harness import OFFICE_A, running_hub
from tests.ui.keys import FakeClock
from tests.ui.test_main_window import _log_in, _prepare
from ui.main_window import MainWindow
from ui.wedge import ScannerFilter


def test_enrol_from_the_sync_screen_then_watch_the_outbox_empty(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock()
    _prepare(tmp_path)  # two accepted dossiers, one with its result ready: 6 events waiting
    settings = QSettings(str(tmp_path / "counter.ini"), QSettings.Format.IniFormat)
    settings.setValue("sync/patience_s", 3)
    main = MainWindow(tmp_path / "data", settings=settings, scanner=ScannerFilter(clock))
    qtbot.add_widget(main)
    main.show()
    _log_in(qtbot, main, clock)
    qtbot.waitUntil(lambda: "6 sự kiện" in main.outbox_label.text(), timeout=20000)
    assert main.sync_label.text() == "Đồng bộ: chưa thiết lập"
    assert "chưa đồng bộ lần nào!" in main.outbox_label.text() and main.outbox_label.property("tone") == "danger"

    with running_hub(tmp_path / "hub") as hub:
        main.show_sync()
        view = main.sync_view
        view.hub_url.setText(hub.url)
        view.code.setText(hub.enrolment_code(OFFICE_A))
        view.enrol_button.click()
        qtbot.waitUntil(lambda: main.sync_label.text() == "Đồng bộ: đã kết nối"
                        and "0 sự kiện, 0 tệp" in main.outbox_label.text(), timeout=60000)
        assert "lần cuối" in main.outbox_label.text() and main.outbox_label.property("tone") == ""
        view.warn_days.setValue(7)
        assert settings.value("sync/warn_days") == 7
        qtbot.waitUntil(lambda: [row[2] for row in view.dossiers.rows] == ["rồi", "rồi"], timeout=20000)

    assert main.database is not None
    intake(main.database, IntakeRequest("1.004873", Person("Lê Văn Tám", "001090000888")), "anh")
    view.sync_button.click()  # the hub is gone now
    qtbot.waitUntil(lambda: main.sync_label.text() == "Đồng bộ: mất kết nối, sẽ thử lại", timeout=60000)
    assert "2 sự kiện" in main.outbox_label.text()
    qtbot.waitUntil(lambda: [row[2] for row in view.dossiers.rows] == ["chưa", "rồi", "rồi"], timeout=20000)
    assert outbox.summary(main.database).events == 2  # kept for the next round

    view.write_bundle(tmp_path / "usb")  # no link for days: the same outbox goes on a USB stick
    qtbot.waitUntil(lambda: ".bundle" in view.message.text(), timeout=20000)
    [stick] = (tmp_path / "usb").glob("*.bundle")
    assert "Lê Văn Tám".encode() not in stick.read_bytes()  # sealed for the hub
    ack = json.loads(hub.cli("import", str(stick), "--json").stdout)
    ack_file = tmp_path / "usb" / f"ack-{ack['device_id']}.json"
    forged = tmp_path / "forged-ack.json"
    envelope = json.loads(ack_file.read_text())
    envelope["ack"] = envelope["ack"].replace('"acknowledged_seq": ', '"acknowledged_seq": 5')
    forged.write_text(json.dumps(envelope))
    view.read_ack(forged)
    qtbot.waitUntil(lambda: "không hợp lệ" in view.message.text(), timeout=20000)
    assert "chữ ký của máy chủ tỉnh không đúng" in view.message.text()
    assert outbox.summary(main.database).events == 2
    view.read_ack(ack_file)
    qtbot.waitUntil(lambda: "0 sự kiện, 0 tệp" in main.outbox_label.text(), timeout=20000)
    main.close()


def test_the_warning_counts_days_since_the_last_complete_sync() -> None:
    from ui.sync_controller import SyncSnapshot  # noqa: PLC0415
    from ui.sync_view import outbox_text  # noqa: PLC0415

    waiting = outbox.OutboxSummary(events=5, blobs=1, blob_bytes=2_500_000, state=outbox.SyncState(hub_url="h"))
    empty = outbox.OutboxSummary(events=0, blobs=0, blob_bytes=0, state=outbox.SyncState(hub_url="h"))
    assert outbox_text(SyncSnapshot(waiting, False, 4, 3)) == "5 sự kiện, 1 tệp (2,5 MB) — đã 4 ngày chưa đồng bộ!"
    assert outbox_text(SyncSnapshot(waiting, False, 2, 3)) == "5 sự kiện, 1 tệp (2,5 MB)"
    assert not SyncSnapshot(empty, False, 30, 3).overdue  # nothing waiting: nothing to warn about


def test_a_dossier_the_province_refused_shows_why_in_vietnamese(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock()
    code = _prepare(tmp_path)
    database = Database.open(tmp_path / "data")
    try:
        refused = queries.get_dossier(database, code)
        refusals.record(database, [{"id": str(uuid.uuid4()), "seq": 1, "dossier_id": str(refused.id),
                                    "key": "hub.refused.too_large", "params": {"limit": 64}}])
    finally:
        database.dispose()
    main = MainWindow(tmp_path / "data", settings=QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat),
                      scanner=ScannerFilter(clock))
    qtbot.add_widget(main)
    main.show()
    _log_in(qtbot, main, clock)
    qtbot.waitUntil(lambda: hasattr(main, "sync_view"), timeout=20000)
    main.show_sync()
    view = main.sync_view
    view.controller.refresh()
    qtbot.waitUntil(lambda: len(view.dossiers.rows) == 2, timeout=20000)
    shown = {row[0]: row[2] for row in view.dossiers.rows}
    assert shown[code] == "Tỉnh từ chối: dữ liệu của sự kiện vượt quá 64 KB."
    assert [state for key, state in shown.items() if key != code] == ["chưa"]
    main.close()

"""Replacing a dead counter from the sync screen: the clerk ticks «replace», types the dead counter's id and
the province's replacement code; the rebuild runs on a worker with its progress shown, the dossiers and the
scan come back, and the screen says in Vietnamese what was rebuilt and where the numbering continues."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from counter_app.services import queries
from counter_app.services.documents import file_copy
from counter_app.services.office import initialise
from counter_app.services.queries import DossierFilter
from counter_app.services.users import create_user
from counter_app.storage.database import Database
from sync.client import enrol, run_round
from sync.hub.auth import issue_enrolment, issue_replacement
from sync.hub.store import HubStore
from tests.conftest import OFFICE
from tests.sync.harness import OFFICE_A, running_hub
from tests.sync.workload import scanned_pdf
from tests.ui.keys import FakeClock
from tests.ui.test_main_window import PASSWORD, _log_in, _prepare
from ui.main_window import MainWindow
from ui.wedge import ScannerFilter


def _dead_counter(tmp_path: Path, hub_url: str, admin: HubStore) -> str:
    """A counter with two dossiers (one scanned) synced to the hub; returns its device id."""
    code = _prepare(tmp_path / "old")
    database = Database.open(tmp_path / "old" / "data")
    try:
        file_copy(database, code, "1", scanned_pdf(1, 7, page_kb=4), 1, "anh")
        enrol(database, hub_url, issue_enrolment(admin, OFFICE_A))
        assert run_round(database, patience=30, wait_max=1).complete
        return str(database.device_id)
    finally:
        database.dispose()


def _fresh_counter(folder: Path) -> None:
    database = Database.open(folder)
    try:
        initialise(database, OFFICE)
        create_user(database, "anh", "Trần Thị Ngọc Ánh", "clerk", PASSWORD, "admin")
    finally:
        database.dispose()


def test_replace_a_dead_counter_from_the_sync_screen(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock()
    with running_hub(tmp_path / "hub") as hub:
        admin = HubStore(hub.folder)
        try:
            dead = _dead_counter(tmp_path, hub.url, admin)
            code = issue_replacement(admin, dead[:8])["code"]
        finally:
            admin.dispose()
        _fresh_counter(tmp_path / "new")
        settings = QSettings(str(tmp_path / "counter.ini"), QSettings.Format.IniFormat)
        main = MainWindow(tmp_path / "new", settings=settings, scanner=ScannerFilter(clock))
        qtbot.add_widget(main)
        main.show()
        _log_in(qtbot, main, clock)
        qtbot.waitUntil(lambda: hasattr(main, "sync_view") and main.sync_label.text() == "Đồng bộ: chưa thiết lập",
                        timeout=20000)
        main.show_sync()
        view = main.sync_view
        form = view.replace_form
        assert not form.device_id.isVisibleTo(view)
        form.replace.setChecked(True)
        assert form.device_id.isVisibleTo(view) and "mã thay máy" in form.note.text()
        assert not form.progress.isVisibleTo(view)
        view.hub_url.setText(hub.url)
        view.code.setText(code)
        form.device_id.setText(dead)
        view.enrol_button.click()
        assert form.progress.isVisibleTo(view) and not view.enrol_button.isEnabled()
        qtbot.waitUntil(lambda: "Máy này đã thay cho máy" in view.message.text(), timeout=60000)
        assert "2 hồ sơ và 1 tệp quét" in view.message.text() and not form.progress.isVisibleTo(view)
        qtbot.waitUntil(lambda: main.sync_label.text() == "Đồng bộ: đã kết nối", timeout=60000)
        assert main.database is not None
        assert len(queries.list_page(main.database, DossierFilter(), None, 10)) == 2
        main.close()

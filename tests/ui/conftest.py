"""A database on SQLite for screen tests, with the test office, the catalogue and two users."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.services.office import initialise
from counter_app.services.users import create_user, set_pin
from counter_app.storage.database import Database
from tests.conftest import OFFICE
from tests.ui.keys import FakeClock, install_scanner
from ui import i18n
from ui.intake_view import IntakeView
from ui.wedge import ScannerFilter

PASSWORD = "mật-khẩu-dài-12"


@pytest.fixture
def ui_db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path)
    initialise(database, OFFICE)
    create_user(database, "anh", "Trần Thị Ngọc Ánh", "clerk", PASSWORD, "admin")
    create_user(database, "admin", "Quản trị viên", "admin", PASSWORD, "system")
    set_pin(database, "anh", "2468")
    yield database
    database.dispose()


@pytest.fixture(scope="session", autouse=True)
def vietnamese(qapp: QApplication) -> Iterator[None]:
    """The screens as the clerk sees them: the Vietnamese translation the app loads at start-up."""
    translators = i18n.install(qapp, "vi")
    assert translators, "resources/translations/counter_vi.qm did not load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def clock() -> FakeClock:
    """The wedge scanner's clock, advanced by the keys the test sends."""
    return FakeClock()


@pytest.fixture
def scanner(clock: FakeClock) -> Iterator[ScannerFilter]:
    """A keyboard-wedge scanner filter installed on the application for the test."""
    installed = install_scanner(clock)
    yield installed
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(installed)


@pytest.fixture
def intake_screen(qtbot: QtBot, ui_db: Database, scanner: ScannerFilter) -> IntakeView:
    """The intake screen with the catalogue loaded, the scanner filling it, the focus on the procedure search."""
    intake_view = IntakeView(ui_db, lambda: "anh")
    qtbot.add_widget(intake_view)
    scanner.scanned.connect(intake_view.fill_from_qr)
    intake_view.show()
    intake_view.activateWindow()
    intake_view.load_procedures()
    qtbot.waitUntil(lambda: intake_view.procedure_list.count() > 0, timeout=10000)
    intake_view.procedure_search.setFocus()
    return intake_view

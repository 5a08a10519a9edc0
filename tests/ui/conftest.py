"""A database on SQLite for screen tests, with the test office, the catalogue and two users."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from counter_app.services.office import initialise
from counter_app.services.users import create_user, set_pin
from counter_app.storage.database import Database
from tests.conftest import OFFICE
from tests.ui.keys import FakeClock, install_scanner
from ui import i18n
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

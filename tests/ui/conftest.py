"""A database on SQLite for screen tests, with the test office, the catalogue and two users."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.services.office import initialise
from counter_app.services.users import create_user, set_pin
from counter_app.storage.database import Database
from tests.conftest import OFFICE

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

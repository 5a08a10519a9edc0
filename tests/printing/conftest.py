"""Dossiers in every printable state, made once per module through the real services on SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.services.office import initialise
from counter_app.storage.database import Database
from tests.conftest import OFFICE
from tests.samples import make_samples


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database.open(tmp_path_factory.mktemp("printing"))
    initialise(database, OFFICE)
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def refs(sample_db: Database) -> dict[str, str]:
    return make_samples(sample_db)


@pytest.fixture
def pdf_file(tmp_path: Path) -> Path:
    return tmp_path / "form.pdf"

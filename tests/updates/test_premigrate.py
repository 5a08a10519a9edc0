"""A new version migrates the counter's database only after a consistent copy of it exists."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from counter_app.errors import StorageError
from counter_app.storage import premigrate
from counter_app.storage.database import SQLITE_FILE, Database
from counter_app.storage.migrate import head_revision, upgrade


def _older_database(folder: Path) -> None:
    """A data folder as an earlier version left it: schema 0005, holding a row."""
    Database.open(folder).dispose()  # the config file (device id)
    (folder / SQLITE_FILE).unlink()
    engine = create_engine(f"sqlite:///{folder / SQLITE_FILE}")
    upgrade(engine, "0005")
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('probe', '{\"kept\": 1}')")
    engine.dispose()


def _revision_and_probe(path: Path) -> tuple[str, str]:
    with sqlite3.connect(path) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        probe = connection.execute("SELECT value FROM setting WHERE key = 'probe'").fetchone()[0]
    return revision, probe


def test_an_older_database_is_copied_before_it_is_migrated(tmp_path: Path) -> None:
    _older_database(tmp_path)
    Database.open(tmp_path).dispose()
    [copy] = (tmp_path / premigrate.FOLDER).glob("*.sqlite3")
    assert _revision_and_probe(copy) == ("0005", '{"kept": 1}')  # the database as it was
    assert _revision_and_probe(tmp_path / SQLITE_FILE)[0] == head_revision()
    assert copy.stat().st_mode & 0o077 == 0
    Database.open(tmp_path).dispose()  # up to date now: no second copy
    assert len(list((tmp_path / premigrate.FOLDER).glob("*.sqlite3"))) == 1


def test_a_new_database_needs_no_copy(tmp_path: Path) -> None:
    Database.open(tmp_path).dispose()
    assert not (tmp_path / premigrate.FOLDER).exists()


def test_no_copy_no_migration(tmp_path: Path) -> None:
    """The copy cannot be made (here: its folder is a file): nothing is migrated, and the clerk is told."""
    _older_database(tmp_path)
    (tmp_path / premigrate.FOLDER).write_bytes(b"in the way")
    with pytest.raises(StorageError) as refused:
        Database.open(tmp_path)
    assert _revision_and_probe(tmp_path / SQLITE_FILE) == ("0005", '{"kept": 1}')
    assert "không sao lưu được" in refused.value.message("vi")

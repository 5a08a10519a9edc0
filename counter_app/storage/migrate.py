"""Runs the Alembic migrations that ship inside the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` in one transaction (writers wait for each other).

    On SQLite, foreign keys are off while a migration rebuilds tables (SQLite's own procedure for schema
    changes: a rebuilt parent table must not cascade deletes into its children) and checked before commit."""
    config = alembic_config()
    with engine.execution_options(counter_write=True).connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _driver_pragma(connection, "foreign_keys=OFF")  # outside a transaction, where SQLite honours it
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("a migration left rows whose foreign keys point nowhere")
        finally:
            if sqlite:
                _driver_pragma(connection, "foreign_keys=ON")


def _driver_pragma(connection: Connection, pragma: str) -> None:
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(f"PRAGMA {pragma}")
    cursor.close()

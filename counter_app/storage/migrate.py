"""Runs the Alembic migrations that ship inside the package (Alembic loads only when the schema is behind)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from counter_app.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = migrations_dir()
_FIELD = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*['"]?([\w]+)['"]?""", re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest shipped revision: the one no other revision names as its parent."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        fields = dict(_FIELD.findall(path.read_text("utf-8")))
        revisions.add(fields["revision"])
        parents.add(fields.get("down_revision", "None"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else ""


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` in one transaction (writers wait for each other); an up-to-date
    schema (the usual start) is recognised without importing Alembic.

    On SQLite, foreign keys are off while a migration rebuilds tables (SQLite's own procedure for schema
    changes: a rebuilt parent table must not cascade deletes into its children) and checked before commit."""
    if revision == "head" and _current(engine) == head_revision():
        return
    from alembic import command  # noqa: PLC0415

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


def behind(engine: Engine) -> str:
    """The revision of an existing schema older than this version's head ("" when new or up to date)."""
    current = _current(engine)
    return current if current and current != head_revision() else ""


def _current(engine: Engine) -> str:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return ""
        return str(connection.execute(text("SELECT version_num FROM alembic_version")).scalar() or "")


def _driver_pragma(connection: Connection, pragma: str) -> None:
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(f"PRAGMA {pragma}")
    cursor.close()

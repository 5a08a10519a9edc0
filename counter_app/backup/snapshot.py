"""A consistent copy of the live SQLite database through SQLite's online backup API, taken while the
app keeps working (in WAL mode writers go on; the copy is the database as of one read transaction)."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.errors import ValidationError
from counter_app.protect.sqlcipher import key_pragma
from counter_app.storage.database import Database


def take(db: Database, target: Path) -> None:
    """Copy the database into `target` (a new file); the copy is encrypted the same way as the source."""
    if db.dialect != "sqlite":
        raise ValidationError("backup.not_sqlite")
    target.unlink(missing_ok=True)
    source = db.engine.raw_connection()
    try:
        destination = _open_copy(db, target)
        try:
            source.driver_connection.backup(destination)  # type: ignore[union-attr]
        finally:
            destination.close()
    finally:
        source.close()
        for suffix in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                target.with_name(target.name + suffix).unlink()


@dataclass(frozen=True)
class Facts:
    """What the manifest says of a snapshot, read from the snapshot itself (not the live database)."""

    schema: str
    last_seq: int
    acked_seq: int
    dossiers: int


def facts(db: Database, copy: Path) -> Facts:
    connection = _open_copy(db, copy)
    try:
        schema = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        device = connection.execute("SELECT last_seq FROM device WHERE id = ?", (db.device_id.hex,)).fetchone()
        dossiers = connection.execute("SELECT count(*) FROM dossier").fetchone()
        sync = connection.execute("SELECT value FROM setting WHERE key = 'sync'").fetchone()
    finally:
        connection.close()
    acked = int(json.loads(sync[0]).get("acked_seq", 0)) if sync else 0
    return Facts(str(schema[0]) if schema else "", int(device[0]) if device else 0, acked, int(dossiers[0]))


def _open_copy(db: Database, target: Path) -> Any:
    """A connection to `target` through the source's own driver module (sqlite3, or SQLCipher's)."""
    module = db.engine.dialect.dbapi
    assert module is not None
    connection = module.connect(str(target))
    if db.key is not None:  # SQLCipher copies only into a file keyed alike
        connection.execute(key_pragma(db.key))
    return connection

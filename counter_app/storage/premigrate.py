"""A consistent copy of the database before a new version migrates it: an update touches the data folder
only through migrations, and a migration only after this copy exists (SQLite; a PostgreSQL server is the
office's own to back up). The newest few copies are kept in `before-migration/` in the data folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.errors import StorageError
from counter_app.paths import make_private
from counter_app.storage.migrate import behind

if TYPE_CHECKING:
    from counter_app.storage.database import Database

FOLDER, KEEP = "before-migration", 3


def backup_if_migrating(db: Database) -> Path | None:
    """Copy the database when its schema is older than this version's (not when new, not when current);
    the copy's path, or None when no migration is due."""
    revision = behind(db.engine)
    if not revision or db.dialect != "sqlite":
        return None
    from counter_app.backup.snapshot import take  # noqa: PLC0415 (only when a migration is due)

    folder = db.data_dir / FOLDER
    target = folder / f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{revision}.sqlite3"
    driver_error = getattr(db.engine.dialect.dbapi, "Error", OSError)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        take(db, target)
    except (OSError, driver_error) as error:
        if folder.is_dir():
            target.unlink(missing_ok=True)
        raise StorageError("storage.premigrate_failed", reason=str(error)[:200]) from error
    make_private(folder)
    for old in sorted(folder.glob("*.sqlite3"))[:-KEEP]:
        old.unlink()
    return target

"""When backups run and how they are judged: the settings (folder, generations kept, days before the home
screen shows the last backup in red), the record of the last run, and the daily rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from counter_app.clock import local, now
from counter_app.errors import ValidationError
from counter_app.storage.database import Database
from counter_app.storage.orm import SettingRow

KEY = "backup"
DEFAULT_KEEP = 7
DEFAULT_STALE_DAYS = 3


@dataclass(frozen=True)
class BackupState:
    target: str = ""  # the folder chosen by the administrator ("" = not set)
    keep: int = DEFAULT_KEEP
    stale_days: int = DEFAULT_STALE_DAYS
    last_good: str = ""  # ISO date-time of the last complete backup
    last_generation: str = ""
    last_error: str = ""  # the message of the last failed run ("" after a success)

    @property
    def last_good_at(self) -> dt.datetime | None:
        return dt.datetime.fromisoformat(self.last_good) if self.last_good else None


def state(db: Database) -> BackupState:
    with db.read() as session:
        row = session.get(SettingRow, KEY)
        known = {f.name for f in dataclasses.fields(BackupState)}
        return BackupState(**{k: v for k, v in (row.value if row else {}).items() if k in known})


def update(db: Database, **changes: object) -> BackupState:
    with db.write() as session:
        row = session.get(SettingRow, KEY) or SettingRow(key=KEY, value={})
        current = BackupState(**{k: v for k, v in row.value.items() if k in {f.name for f in
                                                                               dataclasses.fields(BackupState)}})
        new = dataclasses.replace(current, **changes)  # type: ignore[arg-type]
        row.value = dataclasses.asdict(new)
        session.add(row)
        return new


def configure(db: Database, target: str | None = None, keep: int | None = None,
              stale_days: int | None = None) -> BackupState:
    """Change the settings given; the folder must exist (a stick plugged in) when it is set."""
    changes: dict[str, object] = {}
    if target is not None:
        folder = Path(target).expanduser()
        if target and not folder.is_dir():
            raise ValidationError("backup.target_missing", path=target)
        changes["target"] = str(folder.resolve()) if target else ""
    if keep is not None:
        changes["keep"] = _bounded(keep, 1, 365, "backup.keep_range")
    if stale_days is not None:
        changes["stale_days"] = _bounded(stale_days, 1, 365, "backup.stale_range")
    return update(db, **changes)


def _bounded(value: int, low: int, high: int, key: str) -> int:
    if not low <= value <= high:
        raise ValidationError(key, low=low, high=high)
    return value


def due(current: BackupState, at: dt.datetime | None = None) -> bool:
    """The daily rule: a folder is set and no backup has succeeded yet on this local calendar day."""
    if not current.target:
        return False
    last = current.last_good_at
    return last is None or local(last).date() < local(at or now()).date()


def stale(current: BackupState, at: dt.datetime | None = None) -> bool:
    """The home screen's red: no good backup, or the last one more than `stale_days` days old."""
    last = current.last_good_at
    return last is None or (at or now()) - last > dt.timedelta(days=current.stale_days)

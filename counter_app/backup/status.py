"""What the home screen, the status bar and `doctor` say about backups and disk space, read in one call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from counter_app.backup import layout, policy, space
from counter_app.backup.policy import BackupState
from counter_app.clock import local
from counter_app.messages import render
from counter_app.storage.database import SQLITE_FILE, Database


@dataclass(frozen=True)
class BackupStatus:
    state: BackupState
    stale: bool  # red on the home screen
    due: bool  # the daily rule says a backup should run now
    data: space.Space
    target: space.Space | None  # None: no folder set, or not reachable (a stick not plugged in)
    target_reachable: bool
    next_bytes: int = 0

    @property
    def last_good_at(self) -> dt.datetime | None:
        return self.state.last_good_at

    @property
    def warnings(self) -> tuple[str, ...]:
        """Message keys of what a person should act on, most urgent first."""
        found = []
        if self.data.low:
            found.append("backup.space.data_low")
        if self.target is not None and self.target.low:
            found.append("backup.space.target_low")
        if self.state.target and not self.target_reachable:
            found.append("backup.space.target_missing")
        return tuple(found)

    def warning_texts(self, lang: str) -> list[str]:
        values = {"free": space.mb(self.data.free), "path": self.state.target, "needed": space.mb(self.next_bytes)}
        if self.target is not None:
            values["free_target"] = space.mb(self.target.free)
        texts = []
        for key in self.warnings:
            shown = dict(values, free=values.get("free_target", "")) if key.endswith("target_low") else values
            texts.append(render(key, lang, **shown))
        return texts

    def last_backup_text(self, lang: str) -> str:
        """«Last good backup: 01/12/2026 10:45» (or none yet), for the home screen and `doctor`."""
        last = self.last_good_at
        if last is None:
            return render("backup.last_none", lang)
        return render("backup.last_good", lang, at=f"{local(last):%d/%m/%Y %H:%M}")


def status(db: Database, at: dt.datetime | None = None) -> BackupStatus:
    current = policy.state(db)
    target = Path(current.target) if current.target else None
    reachable = bool(target and target.is_dir())
    needed = next_backup_bytes(db, target) if target and reachable else 0
    found = space.target_space(target, needed) if target and reachable else None
    return BackupStatus(current, policy.stale(current, at), policy.due(current, at), space.data_space(db.data_dir),
                        found, reachable, needed)


def next_backup_bytes(db: Database, target: Path) -> int:
    """About what the next run writes: the database, and the scans the newest generation lacks (the pool's
    names are read, never the files)."""
    root = layout.root_for(target, db.device_id)
    pooled = {p.stem for p in (root / layout.POOL).glob("*/*.bin")} if (root / layout.POOL).is_dir() else set()
    blobs = db.data_dir / "blobs"
    size = sum(p.stat().st_size for p in blobs.glob("??/*") if p.is_file() and p.name not in pooled) \
        if blobs.is_dir() else 0
    database = db.data_dir / SQLITE_FILE
    return size + (database.stat().st_size if database.exists() else 0)


"""Free space, judged before anything fails: the data folder's disk (the clerk's work is written there)
and the backup folder's (the next backup must fit)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from counter_app.errors import StorageError

DATA_LOW_BYTES = 2 * 1024**3  # a day of scanning at a busy counter, with room for a database snapshot
DATA_LOW_SHARE = 0.05
TARGET_MARGIN_BYTES = 256 * 1024**2


@dataclass(frozen=True)
class Space:
    path: str
    free: int
    total: int
    low: bool


def data_space(data_dir: Path) -> Space:
    """The data folder's disk: low under 2 GB or under 5 % free, whichever is larger."""
    usage = shutil.disk_usage(data_dir)
    threshold = max(DATA_LOW_BYTES, int(usage.total * DATA_LOW_SHARE))
    return Space(str(data_dir), usage.free, usage.total, usage.free < threshold)


def target_space(target: Path, next_backup: int) -> Space | None:
    """The backup folder's disk, low when the next backup (`next_backup` bytes) and a margin would not fit;
    None when the folder cannot be reached (a stick not plugged in)."""
    try:
        usage = shutil.disk_usage(target)
    except OSError:
        return None
    return Space(str(target), usage.free, usage.total, usage.free < next_backup + TARGET_MARGIN_BYTES)


def require(target: Path, needed: int) -> None:
    """Refuse to start a backup that cannot fit (rather than fill the stick and fail half-way)."""
    found = target_space(target, needed)
    if found is not None and found.free < needed + TARGET_MARGIN_BYTES // 4:
        raise StorageError("backup.target_full", path=str(target), free=mb(found.free), needed=mb(needed))


def mb(size: int) -> str:
    return f"{size / 1024**2:,.0f} MB".replace(",", ".")

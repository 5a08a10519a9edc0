"""Where a backup lives on the chosen folder: one root per installation (`counter-backup-<device>`), a folder
per generation named by its UTC time, and one pool of blobs shared by the generations (incremental)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

from counter_app.backup.manifest import NAME
from counter_app.errors import ValidationError

PREFIX = "counter-backup-"
POOL = "blobs"
DATABASE = "database.bin"
FILES = "files"
_GENERATION = re.compile(r"^\d{8}T\d{6}Z(-\d+)?$")


def root_for(target: Path, device_id: uuid.UUID) -> Path:
    return target / f"{PREFIX}{device_id}"


def new_generation(root: Path, at: dt.datetime) -> Path:
    """A fresh generation folder named by `at` in UTC (a suffix when one of that second exists)."""
    stamp = at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    folder, number = root / stamp, 1
    while folder.exists():
        folder, number = root / f"{stamp}-{number}", number + 1
    folder.mkdir(parents=True)
    return folder


def generations(root: Path) -> list[Path]:
    """The generation folders of `root`, complete or not, oldest first."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and _GENERATION.match(p.name))


def pool_path(sha256: str) -> str:
    """Where a blob is stored, relative to the root."""
    return f"{POOL}/{sha256[:2]}/{sha256}.bin"


def find_root(given: Path) -> tuple[Path, Path | None]:
    """(root, generation or None) for a folder the user names: a generation, a root, or the folder holding
    exactly one root (a USB stick's top level)."""
    if (given / NAME).exists() or (_GENERATION.match(given.name) and given.is_dir()):
        return given.parent, given
    if generations(given):
        return given, None
    roots = sorted(p for p in given.glob(f"{PREFIX}*") if p.is_dir()) if given.is_dir() else []
    if len(roots) == 1:
        return roots[0], None
    if not roots:
        raise ValidationError("backup.none_found", path=str(given))
    raise ValidationError("backup.several", path=str(given), names=", ".join(p.name for p in roots))

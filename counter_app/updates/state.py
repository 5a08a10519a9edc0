"""What this counter knows of the newest update its hub announced, and how far it got with it (kept in the
settings table, so a download resumes and a refusal is not repeated after a restart)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from counter_app.storage.database import Database
from counter_app.storage.orm import SettingRow
from counter_app.updates.layout import is_version, this_platform, version_key

KEY = "update"


@dataclass(frozen=True)
class UpdateState:
    version: str = ""
    sha256: str = ""
    size: int = 0
    signature: str = ""  # the release manager's detached signature file, as the hub passed it on
    status: str = ""  # announced, downloading, ready (installs at the next start), installed, refused, failed
    received: int = 0  # bytes of the package downloaded so far
    message: str = ""  # what went wrong, in Vietnamese, as the sync status shows it


def remember(session: Session, data: dict[str, Any]) -> bool:
    """Take an announcement from the feed when it is built for this platform and names a newer version than
    the one known (or the same version republished as other bytes); False when it is ignored."""
    version, sha256 = str(data.get("version", "")), str(data.get("sha256", ""))
    known = _read(session)
    if data.get("platform") != this_platform() or not is_version(version) or not _newer(version, sha256, known):
        return False
    _write(session, UpdateState(version, sha256, int(data.get("size", 0)), str(data.get("signature", "")),
                                "announced"))
    return True


def _newer(version: str, sha256: str, known: UpdateState) -> bool:
    if not known.version:
        return True
    if version == known.version:
        return sha256 != known.sha256
    return version_key(version) > version_key(known.version)


def current(db: Database) -> UpdateState:
    with db.read() as session:
        return _read(session)


def change(db: Database, **changes: Any) -> UpdateState:
    with db.write() as session:
        new = dataclasses.replace(_read(session), **changes)
        _write(session, new)
        return new


def _read(session: Session) -> UpdateState:
    row = session.get(SettingRow, KEY)
    if row is None:
        return UpdateState()
    fields = UpdateState.__dataclass_fields__
    return UpdateState(**{key: value for key, value in dict(row.value).items() if key in fields})


def _write(session: Session, state: UpdateState) -> None:
    row = session.get(SettingRow, KEY) or SettingRow(key=KEY)
    row.value = dataclasses.asdict(state)
    session.add(row)

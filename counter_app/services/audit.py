"""The hash-chained audit log: append inside a unit of work, verify the whole chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.storage.counters import next_value
from counter_app.storage.database import Database
from counter_app.storage.orm import AuditEntryRow

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditCheck:
    entries: int
    first_broken: int | None

    @property
    def intact(self) -> bool:
        return self.first_broken is None


def append(
    session: Session, actor: str, action: str, subject: str, details: dict[str, Any], at: dt.datetime,
) -> None:
    """Add an entry chained to the previous one (the counter row serialises concurrent writers)."""
    seq = next_value(session, "audit")
    previous = session.get(AuditEntryRow, seq - 1)
    prev_hash = previous.hash if previous else GENESIS
    entry = AuditEntryRow(
        seq=seq, at=at, actor=actor, action=action, subject=subject, details=details, prev_hash=prev_hash,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)


def entry_hash(entry: AuditEntryRow) -> str:
    content = [
        entry.prev_hash, entry.seq, entry.at.astimezone(dt.UTC).isoformat(), entry.actor, entry.action,
        entry.subject, entry.details,
    ]
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def verify(db: Database) -> AuditCheck:
    """Walk the chain; report the first entry whose hash or link does not hold."""
    expected_prev, count = GENESIS, 0
    with db.read() as session:
        for entry in session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.seq)):
            count += 1
            if entry.seq != count or entry.prev_hash != expected_prev or entry.hash != entry_hash(entry):
                return AuditCheck(count, entry.seq)
            expected_prev = entry.hash
    return AuditCheck(count, None)

"""Atomic named counters and per-device event sequence numbers, allocated inside the transaction."""

from __future__ import annotations

import uuid

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from counter_app.storage.orm import CounterRow, DeviceRow


def next_value(session: Session, name: str) -> int:
    """Increment counter `name` (created at 1) and return its new value; the row stays locked until commit."""
    dialect = session.get_bind().dialect.name
    insert = sqlite_insert if dialect == "sqlite" else pg_insert
    statement = (
        insert(CounterRow)
        .values(name=name, value=1)
        .on_conflict_do_update(index_elements=[CounterRow.name], set_={"value": CounterRow.value + 1})
        .returning(CounterRow.value)
    )
    return int(session.execute(statement).scalar_one())


def next_event_seq(session: Session, device_id: uuid.UUID) -> int:
    statement = (
        update(DeviceRow)
        .where(DeviceRow.id == device_id)
        .values(last_seq=DeviceRow.last_seq + 1)
        .returning(DeviceRow.last_seq)
    )
    return int(session.execute(statement).scalar_one())

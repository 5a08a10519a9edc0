"""Recording a dossier event: project it onto the row, number it, and audit it, in one transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from counter_app import limits, projection
from counter_app.codes import looks_like_code
from counter_app.errors import NotFound
from counter_app.event_limits import check_event
from counter_app.lifecycle import Action
from counter_app.services import audit
from counter_app.storage.counters import next_event_seq
from counter_app.storage.orm import DossierEventRow, DossierRow


def record(
    session: Session,
    device_id: uuid.UUID,
    row: DossierRow,
    action: Action,
    actor: str,
    payload: dict[str, Any],
    at: dt.datetime,
) -> DossierEventRow:
    """Apply `action` to `row` (IllegalTransition leaves it untouched) and append its event."""
    encoded = {key: projection.encode(value) for key, value in payload.items()}
    check_event(action.value, actor, encoded)
    projection.apply(row, action, encoded, at)
    session.flush()
    event = DossierEventRow(
        id=uuid7(), dossier_id=row.id, device_id=device_id, seq=next_event_seq(session, device_id),
        type=action.value, device_time=at, actor=actor, payload=encoded,
    )
    session.add(event)
    audit.append(session, actor, f"dossier.{action.value}", row.code or str(row.id), {}, at)
    return event


def find_row(session: Session, ref: str, lock: bool = False) -> DossierRow:
    """The dossier with code `ref`, or with id `ref`; locked for update when `lock`."""
    text = limits.code(ref, limits.DOSSIER_REF)
    query = select(DossierRow)
    if looks_like_code(text):
        query = query.where(DossierRow.code == text)
    else:
        try:
            query = query.where(DossierRow.id == uuid.UUID(text))
        except ValueError:
            raise NotFound("dossier.not_found", ref=text) from None
    row = session.scalars(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFound("dossier.not_found", ref=text)
    return row

"""The forwarder's own outbox in the hub database: which dossier steps are to be told to the province's system,
which were, and which gave up (dead letters). Rows are made from the hub's events after ingest has committed
them, so ingest itself never waits for the portal."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from counter_app.clock import now
from counter_app.errors import ValidationError
from sync.hub.portal_settings import PortalSettings
from sync.hub.portal_shape import DOSSIER_SERVICE, FORWARDED, PROGRESS_SERVICE
from sync.hub.store import Dossier, Event, HubStore, PortalItem, PortalMark

SLACK = dt.timedelta(minutes=5)  # events committed late by a slow ingest transaction are still found
SCAN_LIMIT = 2000
PENDING, SENT, DEAD = "pending", "sent", "dead"
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Letter:
    """An outbox row as the screens and the command line show it."""

    id: int
    dossier_id: uuid.UUID
    code: str
    service: str
    event_type: str
    state: str
    attempts: int
    next_at: dt.datetime
    last_error: str
    created_at: dt.datetime

    def json(self) -> dict[str, Any]:
        return {"id": self.id, "dossier_id": str(self.dossier_id), "code": self.code, "service": self.service,
                "event_type": self.event_type,
                "state": self.state, "attempts": self.attempts, "next_at": self.next_at.isoformat(),
                "last_error": self.last_error, "created_at": self.created_at.isoformat()}


def enqueue_new(store: HubStore) -> int:
    """Add a dossier sync and a progress message for every forwarded event not yet in the outbox."""
    try:
        with store.session() as session:
            return _enqueue(session)
    except IntegrityError:  # another forwarder took the same events at the same moment: next pass
        return 0


def _enqueue(session: Session) -> int:
    mark = session.get(PortalMark, 1)
    since = (mark.scanned_until if mark else _EPOCH) - SLACK
    rows = session.execute(
        select(Event.id, Event.dossier_id, Event.type, Event.received_at, Dossier.code)
        .join(Dossier, Dossier.id == Event.dossier_id)
        .where(Event.received_at > since, Event.type.in_([a.value for a in FORWARDED]),
               Dossier.code.is_not(None), ~exists().where(PortalItem.step == Event.id))
        .order_by(Event.received_at, Event.device_time).limit(SCAN_LIMIT)).all()
    moment = now()
    for event_id, dossier_id, event_type, _received, code in rows:
        for service in (DOSSIER_SERVICE, PROGRESS_SERVICE):
            session.add(PortalItem(dossier_id=dossier_id, code=code, service=service, step=event_id,
                                   event_type=event_type, state=PENDING, attempts=0, next_at=moment,
                                   created_at=moment, sent_at=None, last_error=""))
    _advance(session, mark, max((row.received_at for row in rows), default=None))
    session.flush()
    return len(rows)


def _advance(session: Session, mark: PortalMark | None, until: dt.datetime | None) -> None:
    if until is None:
        return
    if mark is None:
        session.add(PortalMark(id=1, scanned_until=until))
    elif until > mark.scanned_until:
        mark.scanned_until = until


def claim(store: HubStore, limit: int, lease: dt.timedelta) -> list[int]:
    """The ids of up to `limit` items due now whose dossier has nothing earlier still unsent (steps reach the
    portal in order; a dead letter holds back its dossier's later steps), leased so a second forwarder skips
    them while they are being sent."""
    earlier = aliased(PortalItem)
    moment = now()
    with store.session() as session:
        ids = list(session.scalars(
            select(PortalItem.id)
            .where(PortalItem.state == PENDING, PortalItem.next_at <= moment,
                   ~exists().where(and_(earlier.code == PortalItem.code, earlier.id < PortalItem.id,
                                        earlier.state != SENT)))
            .order_by(PortalItem.id).limit(limit)))
        if ids:
            session.execute(update(PortalItem).where(PortalItem.id.in_(ids)).values(next_at=moment + lease))
    return ids


def release(store: HubStore, ids: list[int]) -> None:
    """Give back claimed items that were not tried (the pass stopped first): due again at once."""
    if ids:
        with store.session() as session:
            session.execute(update(PortalItem).where(PortalItem.id.in_(ids),
                                                     PortalItem.state == PENDING).values(next_at=now()))


def item(session: Session, item_id: int) -> PortalItem:
    row = session.get(PortalItem, item_id)
    if row is None:
        raise ValidationError("portal.no_item", ref=item_id)
    return row


def dossier_sent(session: Session, code: str) -> bool:
    """Whether the portal already holds this dossier (a `DongBoHoSoMC` of it went through)."""
    return bool(session.scalar(select(func.count()).select_from(PortalItem).where(
        PortalItem.code == code, PortalItem.service == DOSSIER_SERVICE, PortalItem.state == SENT)))


def mark_sent(store: HubStore, item_id: int, note: str = "") -> None:
    with store.session() as session:
        row = item(session, item_id)
        row.state, row.sent_at, row.last_error = SENT, now(), note[:500]
        row.attempts += 1


def mark_failed(store: HubStore, item_id: int, error: str, settings: PortalSettings, permanent: bool) -> str:
    """Count a failed attempt: try again after a growing, jittered wait, or give up (dead letter)."""
    with store.session() as session:
        row = item(session, item_id)
        row.attempts += 1
        row.last_error = error[:500]
        if permanent or row.attempts >= settings.max_attempts:
            row.state = DEAD
        else:
            row.next_at = now() + backoff(row.attempts, settings)
        return row.state


def backoff(attempts: int, settings: PortalSettings) -> dt.timedelta:
    """Exponential from `backoff_initial_seconds`, capped at `backoff_max_seconds`, with ±20 % jitter."""
    base = min(settings.backoff_initial_seconds * 2 ** (attempts - 1), settings.backoff_max_seconds)
    return dt.timedelta(seconds=base * random.uniform(0.8, 1.2))


def letters(store: HubStore, state: str | None = DEAD, code: str | None = None, limit: int = 500) -> list[Letter]:
    """Outbox rows, newest first: the dead letters by default."""
    query = select(PortalItem).order_by(PortalItem.id.desc()).limit(limit)
    if state:
        query = query.where(PortalItem.state == state)
    if code:
        query = query.where(PortalItem.code == code)
    with store.session() as session:
        return [Letter(r.id, r.dossier_id, r.code, r.service, r.event_type, r.state, r.attempts, r.next_at,
                       r.last_error, r.created_at) for r in session.scalars(query)]


def retry(store: HubStore, item_id: int | None = None) -> int:
    """Put a dead letter (or, with None, every one) back in line, its attempts counted afresh."""
    with store.session() as session:
        query = update(PortalItem).where(PortalItem.state == DEAD)
        if item_id is not None:
            item(session, item_id)
            query = query.where(PortalItem.id == item_id)
        result = session.execute(query.values(state=PENDING, attempts=0, next_at=now()))
        return int(result.rowcount)  # type: ignore[attr-defined]


def counts(store: HubStore) -> dict[str, int]:
    with store.session() as session:
        rows = session.execute(select(PortalItem.state, func.count()).group_by(PortalItem.state)).all()
    return {PENDING: 0, SENT: 0, DEAD: 0} | {state: int(count) for state, count in rows}


def step_ids_sent(session: Session, code: str) -> set[tuple[str, uuid.UUID]]:
    rows = session.execute(select(PortalItem.service, PortalItem.step).where(
        PortalItem.code == code, PortalItem.state == SENT)).all()
    return {(service, step) for service, step in rows}

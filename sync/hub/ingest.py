"""Taking events in, once each and all-or-nothing per batch; the hub's projection of each dossier; the
province's own changes, which go into the office's feed."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app import projection
from counter_app.clock import now
from counter_app.errors import CounterError
from counter_app.lifecycle import Action
from sync.hub.store import Device, Dossier, Event, FeedEntry, HubStore
from sync.protocol import WireEvent

HUB_DEVICE = uuid.UUID("00000000-0000-7000-8000-000000000001")  # the province's own events
_ATTEMPTS = 4


def ingest(store: HubStore, device_id: uuid.UUID, events: list[WireEvent]) -> tuple[int, int]:
    """Store the events not yet held (by id) and project them; returns (accepted, acknowledged_seq).

    A refused event refuses the whole batch, so nothing is half-written. Two requests racing for the same
    device serialise on its row; a lost race on a unique key is retried and then finds the events held."""
    for attempt in range(_ATTEMPTS):
        try:
            with store.session() as session:
                device = session.get(Device, device_id, with_for_update=True)
                if device is None:
                    raise HTTPException(401, "unknown device")
                known = _Known.load(session, device, events)
                accepted = sum(_take(session, device, event, known) for event in events)
                session.flush()
                device.acked_seq = _contiguous(session, device)
                return accepted, device.acked_seq
        except IntegrityError:
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def set_status(store: HubStore, code: str, action: Action, actor: str, payload: dict[str, Any]) -> Event:
    """A change decided at the province: applied to the hub's dossier and put into its office's feed."""
    with store.session() as session:
        dossier = session.scalars(select(Dossier).where(Dossier.code == code.strip().upper())
                                  .with_for_update()).first()
        if dossier is None:
            raise CounterError("dossier.not_found", ref=code)
        at = now()
        state = _load(dossier)
        projection.apply(state, action, {k: projection.encode(v) for k, v in payload.items()}, at)
        seq = (session.scalar(select(Event.seq).where(Event.device_id == HUB_DEVICE).order_by(Event.seq.desc())
                              .limit(1).with_for_update()) or 0) + 1
        event = Event(id=uuid.uuid4(), device_id=HUB_DEVICE, seq=seq, dossier_id=dossier.id,
                      office_code=dossier.office_code, type=action.value, device_time=at, received_at=at,
                      actor=actor, payload={k: projection.encode(v) for k, v in payload.items()})
        session.add(event)
        _store(dossier, state, at)
        session.flush()
        session.add(FeedEntry(office_code=dossier.office_code, kind="event", event_id=event.id, data=None))
        return event


@dataclass
class _Known:
    """What the hub already holds that a batch touches, read in three queries rather than per event."""

    events: dict[uuid.UUID, tuple[uuid.UUID, int]]
    seqs: set[int]
    dossiers: dict[uuid.UUID, Dossier]

    @classmethod
    def load(cls, session: Session, device: Device, events: list[WireEvent]) -> _Known:
        held = session.execute(select(Event.id, Event.device_id, Event.seq)
                               .where(Event.id.in_([e.id for e in events]))).all()
        seqs = session.scalars(select(Event.seq).where(Event.device_id == device.id,
                                                       Event.seq.in_([e.seq for e in events]))).all()
        dossiers = session.scalars(select(Dossier).where(Dossier.id.in_({e.dossier_id for e in events}))).all()
        return cls({row.id: (row.device_id, row.seq) for row in held}, set(seqs), {d.id: d for d in dossiers})


def _take(session: Session, device: Device, event: WireEvent, known: _Known) -> bool:
    if event.device_id != device.id:
        raise HTTPException(403, f"event {event.id} belongs to another device")
    if event.id in known.events:
        if known.events[event.id] != (device.id, event.seq):
            raise HTTPException(409, f"event {event.id} already held with another device or sequence")
        return False
    if event.seq in known.seqs:
        raise HTTPException(409, f"sequence {event.seq} already used by another event")
    dossier = _dossier_for(session, device, event, known.dossiers)
    try:
        state = _load(dossier)
        projection.apply(state, Action(event.type), dict(event.payload), event.device_time)
        _store(dossier, state, event.device_time)
    except (CounterError, ValueError) as error:  # e.g. the province already closed it: a person must look
        dossier.conflict = f"{event.type} từ {device.id}: {error}"[:500]
    except (KeyError, TypeError) as error:
        raise HTTPException(422, f"event {event.id}: payload lacks {error}") from error
    session.add(Event(id=event.id, device_id=device.id, seq=event.seq, dossier_id=event.dossier_id,
                      office_code=device.office_code, type=event.type, device_time=event.device_time,
                      received_at=now(), actor=event.actor, payload=dict(event.payload)))
    known.events[event.id] = (device.id, event.seq)
    known.seqs.add(event.seq)
    return True


def _dossier_for(session: Session, device: Device, event: WireEvent, dossiers: dict[uuid.UUID, Dossier]) -> Dossier:
    """The event's dossier, if the device's office owns it; a new one for a reception."""
    dossier = dossiers.get(event.dossier_id)
    if dossier is None:
        if event.type != Action.RECEIVE.value:
            raise HTTPException(422, f"event {event.id}: dossier {event.dossier_id} unknown at the hub")
        dossier = Dossier(id=event.dossier_id, office_code=device.office_code, code=None, status="", state={},
                          conflict="", updated_at=event.device_time)
        session.add(dossier)
        dossiers[dossier.id] = dossier
    elif dossier.office_code != device.office_code:
        raise HTTPException(403, f"dossier {event.dossier_id} belongs to another office")
    return dossier


def _contiguous(session: Session, device: Device) -> int:
    """The highest sequence up to which the hub holds every event of the device."""
    acked = device.acked_seq
    while True:
        following = session.scalars(select(Event.seq).where(Event.device_id == device.id, Event.seq > acked)
                                    .order_by(Event.seq).limit(1000)).all()
        moved = acked
        for seq in following:
            if seq != moved + 1:
                return moved
            moved = seq
        if moved == acked or len(following) < 1000:
            return moved
        acked = moved


def _load(dossier: Dossier) -> SimpleNamespace:
    values = {key: projection.decode(key, value) for key, value in dossier.state.items()}
    values.setdefault("status", dossier.status or "received")
    return SimpleNamespace(**values)


def _store(dossier: Dossier, state: SimpleNamespace, at: dt.datetime) -> None:
    dossier.state = {key: projection.encode(value) for key, value in vars(state).items()}
    dossier.status = str(state.status)
    dossier.code = state.code if getattr(state, "code", None) else dossier.code
    dossier.updated_at = at

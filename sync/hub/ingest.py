"""Taking events in, once each, every event judged on its own (a refused one is quarantined with its reason
and the rest go in); the hub's projection of each dossier; the province's own changes, which go into the
office's feed."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from fastapi import HTTPException
from sqlalchemy import and_, literal, or_, select, union_all
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app import projection
from counter_app.clock import now
from counter_app.errors import CounterError
from counter_app.lifecycle import Action
from sync.hub import auth, checks
from sync.hub.store import Device, Dossier, Event, HubStore, Quarantined
from sync.protocol import EventIdentity, RefusedEvent, WireEvent

HUB_DEVICE = uuid.UUID("00000000-0000-7000-8000-000000000001")  # the province's own events
_ATTEMPTS = 4


@dataclass(frozen=True)
class Outcome:
    accepted: int
    acknowledged_seq: int
    refused: list[RefusedEvent]


def ingest(store: HubStore, device_id: uuid.UUID, raw_events: list[dict[str, Any]]) -> Outcome:
    """Store the events not yet held (by id) and project them; quarantine those refused, with their reason.

    Each event is judged on its own: a refused one keeps its sequence number in quarantine, so the rest of
    the batch and the device's later events still go in. Only a batch that is not this device's, or that
    reuses an id or sequence number, is refused whole. Two requests racing for the same device serialise
    on its row; a lost race on a unique key is retried and then finds the events held."""
    return _ingest(store, raw_events, lambda session: session.get(Device, device_id, with_for_update=True))


def ingest_signed(store: HubStore, authorization: str | None, raw_events: list[dict[str, Any]]) -> Outcome:
    """`ingest` for the device that signed the request's token, checked and spent in the same transaction
    (one transaction per batch, the device row locked by the check)."""
    return _ingest(store, raw_events, lambda session: auth.authenticate_in(session, authorization, lock=True))


def _ingest(store: HubStore, raw_events: list[dict[str, Any]], locked: Callable[[Session], Device | None]) -> Outcome:
    arrivals = [checks.arrival(raw) for raw in raw_events]
    for attempt in range(_ATTEMPTS):
        try:
            with store.session() as session:
                device = locked(session)
                if device is None:
                    raise HTTPException(401, "unknown device")
                known = _Known.load(session, device, [item.identity for item in arrivals])
                refused: list[RefusedEvent] = []
                accepted = sum(_arrive(session, device, item, known, refused) for item in arrivals)
                session.flush()
                device.acked_seq = _contiguous(session, device)
                return Outcome(accepted, device.acked_seq, refused)
        except IntegrityError:
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


@dataclass
class _Known:
    """What the hub already holds that a batch touches, read in four queries rather than per event."""

    events: dict[uuid.UUID, tuple[uuid.UUID, int]]
    quarantined: dict[uuid.UUID, tuple[uuid.UUID, RefusedEvent]]
    seqs: set[int]
    dossiers: dict[uuid.UUID, Dossier]

    @classmethod
    def load(cls, session: Session, device: Device, events: list[EventIdentity]) -> _Known:
        """Two queries: every held or quarantined row with one of the batch's ids or (this device's)
        sequence numbers, and the dossiers; the quarantined rows themselves only when the batch repeats one."""
        ids, seqs = [e.id for e in events], [e.seq for e in events]
        rows = session.execute(union_all(*(
            select(table.id, table.device_id, table.seq, literal(kept).label("kept"))
            .where(or_(table.id.in_(ids), and_(table.device_id == device.id, table.seq.in_(seqs))))
            for table, kept in ((Event, False), (Quarantined, True))))).all()
        asked = set(ids)
        kept_ids = [row.id for row in rows if row.kept and row.id in asked]
        kept = session.scalars(select(Quarantined).where(Quarantined.id.in_(kept_ids))).all() if kept_ids else []
        dossiers = session.scalars(select(Dossier).where(Dossier.id.in_({e.dossier_id for e in events}))).all()
        return cls({row.id: (row.device_id, row.seq) for row in rows if not row.kept and row.id in asked},
                   {row.id: (row.device_id, _answer(row)) for row in kept},
                   {row.seq for row in rows if row.device_id == device.id and row.seq in set(seqs)},
                   {d.id: d for d in dossiers})


def _arrive(session: Session, device: Device, item: checks.Arrival, known: _Known,
            refused: list[RefusedEvent]) -> bool:
    """Take or quarantine one event; False when it was already here (its refusal is told again)."""
    identity = item.identity
    if identity.device_id != device.id:
        raise HTTPException(403, f"event {identity.id} belongs to another device")
    if identity.id in known.quarantined:
        owner, answer = known.quarantined[identity.id]
        if (owner, answer.seq) != (device.id, identity.seq):
            raise HTTPException(409, f"event {identity.id} already held with another device or sequence")
        refused.append(answer)
        return False
    if identity.id in known.events:
        if known.events[identity.id] != (device.id, identity.seq):
            raise HTTPException(409, f"event {identity.id} already held with another device or sequence")
        return False
    if identity.seq in known.seqs:
        raise HTTPException(409, f"sequence {identity.seq} already used by another event")
    known.seqs.add(identity.seq)
    try:
        if item.refusal is not None:
            raise item.refusal
        assert item.event is not None
        _take(session, device, item.event, known)
    except checks.Refusal as refusal:
        answer = refusal.answer(identity)
        session.add(Quarantined(id=identity.id, device_id=device.id, seq=identity.seq,
                                dossier_id=identity.dossier_id, office_code=device.office_code,
                                received_at=now(), reason_key=refusal.key, reason_params=refusal.params,
                                event=item.kept()))
        known.quarantined[identity.id] = (device.id, answer)
        refused.append(answer)
        return False
    return True


def _take(session: Session, device: Device, event: WireEvent, known: _Known) -> None:
    """Project the event onto its dossier and keep it; a Refusal (nothing written) when the rules say no."""
    payload = checks.check_payload(device.office_code, event)
    dossier = known.dossiers.get(event.dossier_id)
    if dossier is None and event.type != Action.RECEIVE.value:
        raise checks.Refusal("hub.refused.unknown_dossier")
    if dossier is not None and dossier.office_code != device.office_code:
        raise checks.Refusal("hub.refused.other_office")
    state = load_state(dossier) if dossier is not None else SimpleNamespace(status="received")
    conflict = ""
    try:
        projection.apply(state, Action(event.type), payload, event.device_time)
    except CounterError as error:  # e.g. the province already closed it: a person must look
        conflict = f"{event.type} từ {device.id}: {error}"[:500]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise checks.Refusal("hub.refused.field", field=str(error)[:80]) from error
    if dossier is None:
        dossier = Dossier(id=event.dossier_id, office_code=device.office_code, code=None, status="", state={},
                          conflict="", updated_at=event.device_time)
        session.add(dossier)
        known.dossiers[dossier.id] = dossier
    if conflict:
        dossier.conflict = conflict
    else:
        store_state(dossier, state, event.device_time)
    session.add(Event(id=event.id, device_id=device.id, seq=event.seq, dossier_id=event.dossier_id,
                      office_code=device.office_code, type=event.type, device_time=event.device_time,
                      received_at=now(), actor=event.actor, payload=payload))
    known.events[event.id] = (device.id, event.seq)


def _answer(row: Quarantined) -> RefusedEvent:
    return checks.Refusal(row.reason_key, **row.reason_params).answer(
        EventIdentity(id=row.id, device_id=row.device_id, seq=row.seq, dossier_id=row.dossier_id))


def _contiguous(session: Session, device: Device) -> int:
    """The highest sequence up to which the hub holds (or has quarantined) every event of the device."""
    acked = device.acked_seq
    while True:
        held = union_all(select(Event.seq.label("seq")).where(Event.device_id == device.id, Event.seq > acked),
                         select(Quarantined.seq.label("seq")).where(Quarantined.device_id == device.id,
                                                                    Quarantined.seq > acked)).subquery()
        following = session.scalars(select(held.c.seq).order_by(held.c.seq).limit(1000)).all()
        moved = acked
        for seq in following:
            if seq != moved + 1:
                return moved
            moved = seq
        if moved == acked or len(following) < 1000:
            return moved
        acked = moved


def load_state(dossier: Dossier) -> SimpleNamespace:
    values = {key: projection.decode(key, value) for key, value in dossier.state.items()}
    values.setdefault("status", dossier.status or "received")
    return SimpleNamespace(**values)


def store_state(dossier: Dossier, state: SimpleNamespace, at: dt.datetime) -> None:
    dossier.state = {key: projection.encode(value) for key, value in vars(state).items()}
    dossier.status = str(state.status)
    dossier.code = state.code if getattr(state, "code", None) else dossier.code
    dossier.updated_at = at

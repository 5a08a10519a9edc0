"""The sync outbox as the database holds it: this device's events above the hub's acknowledgement, the blobs
they reference, the sync bookkeeping, and applying what the province changed (one transaction per batch)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app import projection
from counter_app.catalogue_import import parse_json
from counter_app.clock import now
from counter_app.errors import CounterError, ValidationError
from counter_app.event_limits import check_event
from counter_app.lifecycle import Action
from counter_app.messages import render
from counter_app.services import audit
from counter_app.services.catalogue import store_procedures
from counter_app.storage.database import Database
from counter_app.storage.orm import (
    BlobRow,
    CalendarOverrideRow,
    DeviceRow,
    DossierEventRow,
    DossierRow,
    SettingRow,
    SyncBlobRow,
)
from counter_app.updates import state as announced_update
from counter_app.workcal import parse_calendar

STATE_KEY = "sync"
BLOB_EVENT = Action.FILE_DOCUMENT.value


@dataclass(frozen=True)
class SyncState:
    """What this counter knows of its hub; kept in the settings table, so it survives restarts."""

    hub_url: str = ""
    office_code: str = ""
    acked_seq: int = 0
    feed_cursor: int = 0
    last_success: str = ""  # ISO date-time of the last round that ended with nothing pending
    last_attempt: str = ""
    last_error: str = ""
    halted: str = ""  # set on an auth or configuration error: rounds stop until an admin acts
    conflicts: tuple[str, ...] = ()
    hub_signing_key: str = ""  # the hub's public keys (base64), learnt at enrolment: acknowledgement files
    hub_sealing_key: str = ""  # are checked with the first, USB bundles sealed with the second
    ca_bundle: str = ""  # file in the data folder with the CAs trusted for the hub's certificate; "": the system's
    allow_plain_http: bool = False  # an administrator allowed http:// to a hub that is not this machine
    revoked: str = ""  # ISO date-time another device replaced this one: it no longer syncs nor takes dossiers
    replaced: str = ""  # the id of the dead device this one replaced
    rebuilding: bool = False  # enrolled as a replacement, still rebuilding the office's dossiers and scans
    rebuild_after: str = ""  # the last dossier id of the rebuild taken in

    @property
    def enrolled(self) -> bool:
        return bool(self.hub_url)


@dataclass(frozen=True)
class OutboxSummary:
    events: int
    blobs: int
    blob_bytes: int
    state: SyncState


def state(db: Database) -> SyncState:
    with db.read() as session:
        return _state(session)


def state_in(session: Session) -> SyncState:
    """The sync state inside the caller's unit of work."""
    return _state(session)


def save_state_in(session: Session, new: SyncState) -> SyncState:
    return _save_state(session, new)


def refuse_if_replaced(session: Session) -> None:
    """A counter another device replaced takes no dossier: its codes would clash with the new one's."""
    revoked = _state(session).revoked
    if revoked:
        raise ValidationError("intake.replaced", at=revoked)


def update_state(db: Database, **changes: Any) -> SyncState:
    with db.write() as session:
        return _save_state(session, dataclasses.replace(_state(session), **changes))


def pending_events(db: Database, limit: int) -> list[dict[str, Any]]:
    """This device's next events the hub has not acknowledged, in sequence order, as wire dictionaries."""
    with db.read() as session:
        acked = _state(session).acked_seq
        rows = session.scalars(
            select(DossierEventRow)
            .where(DossierEventRow.device_id == db.device_id, DossierEventRow.seq > acked)
            .order_by(DossierEventRow.seq).limit(limit)
        ).all()
        return [wire_event(row) for row in rows]


def last_own_seq(db: Database) -> int:
    """The sequence number of the last event this device made."""
    with db.read() as session:
        device = session.get(DeviceRow, db.device_id)
        return device.last_seq if device else 0


def acknowledge_events(db: Database, seq: int) -> SyncState:
    """The hub holds every event up to `seq` (never moves backwards)."""
    with db.write() as session:
        current = _state(session)
        return _save_state(session, dataclasses.replace(current, acked_seq=max(current.acked_seq, seq)))


def pending_blobs(db: Database) -> list[tuple[str, int]]:
    """(sha256, size) of blobs referenced by acknowledged events and not yet acknowledged whole: metadata
    goes first, so a blob is sent only once the events that name it have arrived."""
    with db.read() as session:
        acked = _state(session).acked_seq
        return _unsent_blobs(session, db.device_id, acked)


def acknowledge_blob(db: Database, sha256: str) -> None:
    with db.write() as session:
        if session.get(SyncBlobRow, sha256) is None:
            session.add(SyncBlobRow(sha256=sha256, acknowledged_at=now()))


def summary(db: Database) -> OutboxSummary:
    """Outbox size for the status bar: events and blobs not yet acknowledged, and their bytes."""
    with db.read() as session:
        current = _state(session)
        events = session.scalar(select(func.count()).select_from(DossierEventRow).where(
            DossierEventRow.device_id == db.device_id, DossierEventRow.seq > current.acked_seq)) or 0
        blobs = _unsent_blobs(session, db.device_id, None)
        return OutboxSummary(int(events), len(blobs), sum(size for _, size in blobs), current)


def summary_blobs(db: Database) -> list[tuple[str, int]]:
    """Every blob of this device's events not yet acknowledged, acknowledged events or not (for bundles)."""
    with db.read() as session:
        return _unsent_blobs(session, db.device_id, None)


def dossier_synced(db: Database, dossier_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, bool]:
    """For each dossier: has the hub acknowledged every event and blob of it made on this device?"""
    wanted = list(dossier_ids)
    with db.read() as session:
        acked = _state(session).acked_seq
        rows = session.execute(
            select(DossierEventRow.dossier_id, DossierEventRow.seq, DossierEventRow.type, DossierEventRow.payload)
            .where(DossierEventRow.device_id == db.device_id, DossierEventRow.dossier_id.in_(wanted))
        ).all()
        done = set(session.scalars(select(SyncBlobRow.sha256)).all())
    synced = dict.fromkeys(wanted, True)
    for dossier_id, seq, kind, payload in rows:
        if seq > acked or (kind == BLOB_EVENT and payload.get("sha256") not in done):
            synced[dossier_id] = False
    return synced


def apply_remote(db: Database, items: Sequence[dict[str, Any]], cursor: int) -> int:
    """Apply a batch of the province's feed (dossier events, catalogue and calendar publications) and move
    the feed cursor, all in one transaction.

    An event already here is skipped; one the dossier's state does not allow is a conflict, listed for a
    person to resolve and not applied. Returns how many items were applied."""
    applied, conflicts = 0, []
    with db.write() as session:
        for item in items:
            done, conflict = _apply_item(session, item)
            applied += done
            if conflict:
                conflicts.append(conflict)
        current = _state(session)
        _save_state(session, dataclasses.replace(current, feed_cursor=max(current.feed_cursor, cursor),
                                                 conflicts=(*current.conflicts, *conflicts)[-50:]))
    return applied


def wire_event(row: DossierEventRow) -> dict[str, Any]:
    return {"id": str(row.id), "device_id": str(row.device_id), "seq": row.seq, "dossier_id": str(row.dossier_id),
            "type": row.type, "device_time": row.device_time.isoformat(), "actor": row.actor,
            "payload": row.payload}


def _apply_item(session: Session, item: dict[str, Any]) -> tuple[bool, str | None]:
    kind = item.get("kind", "event")
    if kind == "catalogue":
        return store_procedures(session, parse_json(item["data"])) > 0, None
    if kind == "calendar":
        for override in parse_calendar(item["data"]):
            row = session.get(CalendarOverrideRow, override.day) or CalendarOverrideRow(day=override.day)
            row.kind, row.note = override.kind.value, override.note
            session.add(row)
        return True, None
    if kind == "update":
        return announced_update.remember(session, dict(item["data"])), None
    return _apply_one(session, dict(item["event"]))


def _apply_one(session: Session, event: dict[str, Any]) -> tuple[bool, str | None]:
    """(applied, conflict): an event already here is neither; a refused one is described for a person."""
    event_id = uuid.UUID(str(event["id"]))
    if session.get(DossierEventRow, event_id) is not None:
        return False, None
    row = session.get(DossierRow, uuid.UUID(str(event["dossier_id"])))
    if row is None:
        return False, f"{event['type']} {event['dossier_id']}: hồ sơ không có ở quầy này"
    device_id = uuid.UUID(str(event["device_id"]))
    if session.get(DeviceRow, device_id) is None:
        session.add(DeviceRow(id=device_id, name="hub", last_seq=0, created_at=now()))
    at = dt.datetime.fromisoformat(str(event["device_time"]))
    try:
        check_event(str(event["type"]), str(event["actor"]), event["payload"])
        projection.apply(row, Action(str(event["type"])), dict(event["payload"]), at)
    except (CounterError, ValueError) as error:  # told in Vietnamese, as the sync screen lists it
        reason = error.message("vi") if isinstance(error, CounterError) else render("hub.refused.unknown", "vi")
        return False, f"{row.code or row.id} {event['type']}: {reason}"
    session.add(DossierEventRow(id=event_id, dossier_id=row.id, device_id=device_id, seq=int(event["seq"]),
                                type=str(event["type"]), device_time=at, actor=str(event["actor"]),
                                payload=dict(event["payload"])))
    audit.append(session, str(event["actor"]), f"dossier.{event['type']}", row.code or str(row.id),
                 {"from": "hub"}, at)
    return True, None


def _unsent_blobs(session: Session, device_id: uuid.UUID, acked: int | None) -> list[tuple[str, int]]:
    query = select(DossierEventRow.payload).where(DossierEventRow.device_id == device_id,
                                                  DossierEventRow.type == BLOB_EVENT)
    if acked is not None:
        query = query.where(DossierEventRow.seq <= acked)
    named = {str(payload["sha256"]) for payload in session.scalars(query) if payload.get("sha256")}
    done = set(session.scalars(select(SyncBlobRow.sha256).where(SyncBlobRow.sha256.in_(named))).all())
    sizes = dict(session.execute(select(BlobRow.sha256, BlobRow.size).where(BlobRow.sha256.in_(named - done))).all())
    return sorted((sha, int(size)) for sha, size in sizes.items())


def _state(session: Session) -> SyncState:
    row = session.get(SettingRow, STATE_KEY)
    return SyncState() if row is None else state_from(row.value)


def state_from(stored: dict[str, Any]) -> SyncState:
    """The sync state from its settings row's value (what `_save_state` wrote; keys it no longer has ignored)."""
    values = dict(stored)
    values["conflicts"] = tuple(values.get("conflicts", ()))
    return SyncState(**{key: value for key, value in values.items() if key in SyncState.__dataclass_fields__})


def _save_state(session: Session, new: SyncState) -> SyncState:
    row = session.get(SettingRow, STATE_KEY) or SettingRow(key=STATE_KEY)
    row.value = {**dataclasses.asdict(new), "conflicts": list(new.conflicts)}
    session.add(row)
    return new

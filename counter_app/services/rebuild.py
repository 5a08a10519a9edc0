"""A replacement counter rebuilt from the hub's copy: the numbers kept back for the dead counter, each
dossier's events replayed through the same projection (documents and scans' rows with them), one page per
transaction, and which scans are still to fetch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from counter_app import projection
from counter_app.clock import now
from counter_app.errors import CounterError, ValidationError
from counter_app.lifecycle import Action
from counter_app.messages import render
from counter_app.services import audit, outbox
from counter_app.services.documents import PDF_MEDIA_TYPE
from counter_app.services.office import sequence_block
from counter_app.storage.counters import next_value
from counter_app.storage.database import Database
from counter_app.storage.orm import (
    BlobRow,
    CounterRow,
    DeviceRow,
    DossierEventRow,
    DossierRow,
    ProcedureRow,
    ReceivedDocumentRow,
)
from counter_app.textfold import fold


@dataclass(frozen=True)
class PageResult:
    dossiers: int  # dossiers taken in from this page
    events: int
    conflicts: tuple[str, ...]


def refuse_unless_fresh(db: Database) -> None:
    """A replacement starts from an empty data folder: one holding dossiers or its own events is refused."""
    with db.read() as session:
        own = session.get(DeviceRow, db.device_id)
        if (own is not None and own.last_seq) or session.scalars(select(DossierRow.id).limit(1)).first():
            raise ValidationError("sync.replace_not_fresh")


def reserve(db: Database, reserved: Mapping[str, int], **state: Any) -> outbox.SyncState:
    """Move each sequence past the numbers the hub kept back for the dead counter (never backwards), and
    record the sync state, in one transaction: no dossier can take a kept-back number afterwards."""
    with db.write() as session:
        block = sequence_block(session, db.device_id)
        for name, number in reserved.items():
            value = number - block.start + 1 if name.startswith("code:") else number
            row = session.get(CounterRow, name)
            if row is None:
                session.add(CounterRow(name=name, value=max(0, value)))
            elif value > row.value:
                row.value = value
        audit.append(session, "system", "sync.replace", state.get("replaced", ""), dict(reserved), now())
    return outbox.update_state(db, **state)


def apply_page(db: Database, dossiers: Sequence[Mapping[str, Any]], blobs: Mapping[str, int]) -> PageResult:
    """Replay a page of the hub's dossiers (each with its events in the hub's order); `blobs` are the scans
    the hub holds whole (sha256 → length). An event already here is skipped, so a page may be taken again."""
    taken = events = 0
    conflicts: list[str] = []
    with db.write() as session:
        for dossier in dossiers:
            done = sum(_replay(session, dict(event), blobs, conflicts) for event in dossier["events"])
            taken += done > 0
            events += done
        if dossiers:
            audit.append(session, "system", "sync.rebuild", str(dossiers[-1]["id"]), {"dossiers": taken}, now())
        state = outbox.state_in(session)
        last = str(dossiers[-1]["id"]) if dossiers else state.rebuild_after
        outbox.save_state_in(session, dataclasses.replace(
            state, rebuild_after=last, conflicts=(*state.conflicts, *conflicts)[-50:]))
    return PageResult(taken, events, tuple(conflicts))


def missing_blobs(db: Database) -> list[tuple[str, int]]:
    """(sha256, size) of the scans recorded here whose file is not in the blob store yet."""
    with db.read() as session:
        rows = session.execute(select(BlobRow.sha256, BlobRow.size).order_by(BlobRow.sha256)).all()
    return [(sha, int(size)) for sha, size in rows if not db.blobs.exists(sha)]


def _replay(session: Session, event: dict[str, Any], blobs: Mapping[str, int], conflicts: list[str]) -> bool:
    event_id, dossier_id = uuid.UUID(str(event["id"])), uuid.UUID(str(event["dossier_id"]))
    if session.get(DossierEventRow, event_id) is not None:
        return False
    device_id = uuid.UUID(str(event["device_id"]))
    if session.get(DeviceRow, device_id) is None:
        session.add(DeviceRow(id=device_id, name="hub", last_seq=0, created_at=now()))
        session.flush()
    action, payload = Action(str(event["type"])), dict(event["payload"])
    at = dt.datetime.fromisoformat(str(event["device_time"]))
    row = session.get(DossierRow, dossier_id)
    try:
        row = _project(session, row, dossier_id, device_id, action, payload, at)
    except (CounterError, KeyError, TypeError, ValueError) as error:
        reason = error.message("vi") if isinstance(error, CounterError) else render("hub.refused.unknown", "vi")
        conflicts.append(f"{event['type']} {dossier_id}: {reason}")
        return False
    if action is Action.FILE_DOCUMENT:
        _file(session, row, payload, blobs, at)
    session.add(DossierEventRow(id=event_id, dossier_id=dossier_id, device_id=device_id, seq=int(event["seq"]),
                                type=action.value, device_time=at, actor=str(event["actor"]), payload=payload))
    return True


def _project(session: Session, row: DossierRow | None, dossier_id: uuid.UUID, device_id: uuid.UUID,
             action: Action, payload: dict[str, Any], at: dt.datetime) -> DossierRow:
    """The dossier after `action`: made by its reception, else the one here (refused if there is none)."""
    if action is not Action.RECEIVE:
        if row is None:
            raise ValidationError("sync.rebuild_no_dossier")
        projection.apply(row, action, payload, at)
        return row
    if row is not None:
        raise ValidationError("sync.rebuild_twice")
    row = DossierRow(id=dossier_id, seq_no=next_value(session, "dossier"), device_id=device_id, documents=[])
    projection.apply(row, action, {**payload, "procedure_id": _procedure_id(session, payload, at)}, at)
    row.documents = [ReceivedDocumentRow(id=uuid7(), **document) for document in payload.get("documents", [])]
    session.add(row)
    session.flush()  # before its event: no relationship orders the two inserts
    return row


def _procedure_id(session: Session, payload: dict[str, Any], at: dt.datetime) -> int:
    """This counter's version of the dossier's procedure (the one in force when it was submitted, else the
    nearest); a placeholder named by its code when the catalogue here lacks it (it is not offered at intake:
    it has no time limit)."""
    code = str(payload["procedure_code"])
    day = dt.datetime.fromisoformat(str(payload.get("submitted_at") or at.isoformat())).date()
    found = session.scalars(select(ProcedureRow.id).where(ProcedureRow.code == code).order_by(
        (ProcedureRow.effective_from <= day).desc(), ProcedureRow.effective_from.desc()).limit(1)).first()
    if found is not None:
        return int(found)
    stub = ProcedureRow(code=code, effective_from=day, name=code, field="", terms=[], details={},
                        cutoff_applies=False, source="hub", name_fold=fold(code), digest="")
    session.add(stub)
    session.flush()
    return stub.id


def _file(session: Session, row: DossierRow, payload: dict[str, Any], blobs: Mapping[str, int],
          at: dt.datetime) -> None:
    """A document's PDF as the event names it; left as it was when the hub never received the file whole."""
    sha = str(payload.get("sha256") or "")
    known = session.get(BlobRow, sha) is not None
    if not known and sha in blobs:
        session.add(BlobRow(sha256=sha, size=int(blobs[sha]), media_type=PDF_MEDIA_TYPE, created_at=at))
        session.flush()
        known = True
    for document in row.documents:
        if document.position == payload.get("position"):
            if known:
                document.blob_sha256 = sha
            document.signed = bool(payload.get("signed"))
            document.timestamp_pending = bool(payload.get("timestamp_pending"))
            document.pages = max(1, int(payload.get("pages") or 1))

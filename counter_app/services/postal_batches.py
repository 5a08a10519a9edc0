"""Postal batches in storage: opening, finding, listing, and their view as frozen dataclasses."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from counter_app import limits
from counter_app.clock import local, now
from counter_app.errors import NotFound, ValidationError
from counter_app.postal import BATCH_PREFIX, BatchStatus, Direction, ItemState, PostalBatch, PostalItem
from counter_app.services import audit
from counter_app.storage.counters import next_value
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierRow, PostalBatchRow, PostalItemRow


def open_batch(db: Database, direction: Direction, actor: str, postal_worker: str = "",
               at: dt.datetime | None = None) -> PostalBatch:
    """A new open batch, numbered per direction and year (e.g. BN-2026-0001)."""
    moment = local(at or now())
    with db.write() as session:
        row = new_batch(session, db, direction, actor, postal_worker, moment)
        return batch_view(session, row)


def new_batch(session: Session, db: Database, direction: Direction, actor: str, postal_worker: str,
              at: dt.datetime) -> PostalBatchRow:
    number = next_value(session, f"postal:{direction.value}:{at.year}")
    row = PostalBatchRow(
        id=uuid7(), ref=f"{BATCH_PREFIX[direction]}-{at.year}-{number:04d}", direction=direction.value,
        status=BatchStatus.OPEN.value, postal_worker=limits.text(postal_worker, limits.PERSON_NAME), opened_at=at,
        opened_by=actor, closed_at=None, closed_by="", device_id=db.device_id, items=[],
    )
    session.add(row)
    session.flush()
    audit.append(session, actor, f"postal.open_{direction.value}", row.ref, {}, at)
    return row


def get_batch(db: Database, ref: str) -> PostalBatch:
    with db.read() as session:
        return batch_view(session, find_batch(session, ref))


def list_batches(db: Database, open_only: bool = False, direction: Direction | None = None,
                 limit: int = 200) -> list[PostalBatch]:
    """Newest first; open ones only when asked (a worker resuming an interrupted batch)."""
    with db.read() as session:
        query = select(PostalBatchRow)
        if open_only:
            query = query.where(PostalBatchRow.status == BatchStatus.OPEN.value)
        if direction is not None:
            query = query.where(PostalBatchRow.direction == direction.value)
        rows = session.scalars(query.order_by(PostalBatchRow.opened_at.desc()).limit(limit)).all()
        return [batch_view(session, row) for row in rows]


def find_batch(session: Session, ref: str, lock: bool = False) -> PostalBatchRow:
    """The batch with reference `ref` (BN-2026-0001, any case) or with that id."""
    text = ref.strip().upper()
    query = select(PostalBatchRow)
    try:
        query = query.where(PostalBatchRow.id == uuid.UUID(text))
    except ValueError:
        query = query.where(PostalBatchRow.ref == text)
    row = session.scalars(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFound("postal.batch_not_found", ref=ref)
    return row


def open_row(session: Session, ref: str, direction: Direction) -> PostalBatchRow:
    """The batch, locked, if it is open and goes the given way; else a clear refusal."""
    row = find_batch(session, ref, lock=True)
    if row.direction != direction.value:
        raise ValidationError("postal.wrong_direction", ref=row.ref)
    if row.status != BatchStatus.OPEN.value:
        raise ValidationError("postal.batch_closed", ref=row.ref)
    return row


def batch_holding(session: Session, item_number: str, direction: Direction) -> str | None:
    """The reference of a batch of `direction` that already holds the item number, if any."""
    return session.scalars(
        select(PostalBatchRow.ref).join(PostalItemRow, PostalItemRow.batch_id == PostalBatchRow.id)
        .where(PostalItemRow.item_number == item_number, PostalBatchRow.direction == direction.value)
    ).first()


def batch_view(session: Session, row: PostalBatchRow) -> PostalBatch:
    dossiers = _dossiers(session, [item.dossier_id for item in row.items if item.dossier_id])
    return PostalBatch(
        id=row.id, ref=row.ref, direction=Direction(row.direction), status=BatchStatus(row.status),
        opened_at=row.opened_at, opened_by=row.opened_by, closed_at=row.closed_at,
        postal_worker=row.postal_worker, items=tuple(item_view(item, dossiers) for item in row.items),
    )


def item_view(item: PostalItemRow, dossiers: dict[uuid.UUID, DossierRow]) -> PostalItem:
    dossier = dossiers.get(item.dossier_id) if item.dossier_id else None
    envelope = item.envelope
    applicant = envelope.get("applicant", {})
    return PostalItem(
        position=item.position, item_number=item.item_number, state=ItemState(item.state),
        procedure_code=dossier.procedure_code if dossier else envelope.get("procedure_code", ""),
        applicant_name=dossier.applicant_name if dossier else applicant.get("full_name", ""),
        address=(dossier.delivery_address if dossier else "") or envelope.get("delivery_address", "")
        or applicant.get("address", ""),
        missing=tuple(envelope.get("missing", ())), dossier_id=item.dossier_id,
        dossier_code=dossier.code if dossier else None, outcome_on=item.outcome_on,
        outcome_reason=item.outcome_reason, fee_amount=item.fee_amount,
        phone=dossier.applicant_phone if dossier else applicant.get("phone", ""),
    )


def _dossiers(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, DossierRow]:
    if not ids:
        return {}
    return {row.id: row for row in session.scalars(select(DossierRow).where(DossierRow.id.in_(ids)))}

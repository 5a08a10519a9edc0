"""Handing results to the post in batches: what is ready, pairing labels with dossiers, one record."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from counter_app import limits
from counter_app.clock import local, now
from counter_app.errors import CounterError, ValidationError
from counter_app.lifecycle import Action, Status
from counter_app.messages import Bilingual
from counter_app.model import Delivery
from counter_app.postal import BatchStatus, Direction, ItemState, PostalBatch, ReadyForPost, item_number
from counter_app.services import audit
from counter_app.services.events import find_row, record
from counter_app.services.postal_batches import batch_holding, batch_view, new_batch
from counter_app.services.processing import postal_return_payload
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierRow, PostalBatchRow, PostalItemRow, ProcedureRow

DEFAULT_WEIGHT_CLASS = "Đến 250 g"  # a result in an A4 envelope: a few sheets
WEIGHT_CLASS = limits.Text(Bilingual("Khối lượng", "Weight class"), 40)


@dataclass(frozen=True)
class DispatchLine:
    """One result going to the post: the dossier, the label stuck on its envelope, the postage paid."""

    code: str
    item_number: str
    fee: int = 0


def ready_for_post(db: Database) -> list[ReadyForPost]:
    """Results ready whose delivery is by post, oldest result first; a note on those the post brought back."""
    with db.read() as session:
        rows = session.execute(
            select(DossierRow, ProcedureRow.name).join(ProcedureRow, ProcedureRow.id == DossierRow.procedure_id)
            .where(DossierRow.status == Status.RESULT_READY.value, DossierRow.delivery == Delivery.POSTAL.value)
            .order_by(DossierRow.result_ready_at, DossierRow.code)
        ).all()
        notes = _returned_notes(session, [row.id for row, _ in rows])
        return [ReadyForPost(str(row.code), row.applicant_name, row.delivery_address, row.applicant_phone, name,
                             notes.get(row.id, "")) for row, name in rows]


def check_label(db: Database, code: str, label: str, taken: Sequence[str] = ()) -> str:
    """The label's number, normalised, if it may go on dossier `code`'s envelope; else a clear refusal."""
    with db.read() as session:
        number = item_number(label)
        if number in {item_number(t) for t in taken}:
            raise ValidationError("postal.label_taken", value=number)
        _refuse_used_label(session, number)
        _ready_row(session, code)
        return number


def dispatch(db: Database, lines: Sequence[DispatchLine], actor: str, postal_worker: str = "",
             weight_class: str = DEFAULT_WEIGHT_CLASS, at: dt.datetime | None = None) -> PostalBatch:
    """Record every result as returned by post under its label, in one closed batch and one unit of work."""
    moment = local(at or now())
    if not lines:
        raise ValidationError("postal.batch_empty", ref="")
    with db.write() as session:
        batch = new_batch(session, db, Direction.DISPATCH, actor, postal_worker, moment)
        weight_class = limits.text(weight_class, WEIGHT_CLASS)
        seen: set[str] = set()
        for position, line in enumerate(lines, start=1):
            _dispatch_one(session, db, batch, position, line, seen, actor, weight_class, moment)
        batch.status, batch.closed_at, batch.closed_by = BatchStatus.CLOSED.value, moment, actor
        audit.append(session, actor, "postal.close_out", batch.ref, {"items": len(lines)}, moment)
        session.flush()
        return batch_view(session, batch)


def _dispatch_one(session: Session, db: Database, batch: PostalBatchRow, position: int, line: DispatchLine,
                  seen: set[str], actor: str, weight_class: str, at: dt.datetime) -> None:
    try:
        number = item_number(line.item_number)
        if number in seen:
            raise ValidationError("postal.duplicate_in_batch", value=number, ref=batch.ref)
        _refuse_used_label(session, number)
        row = _ready_row(session, line.code)
        payload = postal_return_payload(row, number, at) | {"postal_batch": batch.ref}
        record(session, db.device_id, row, Action.RETURN_RESULT, actor, payload, at)
        if line.fee:
            fee_payload = {"postal_item": number, "amount": checked_fee(line.fee), "postal_batch": batch.ref}
            record(session, db.device_id, row, Action.POSTAL_FEE, actor, fee_payload, at)
    except CounterError as error:
        detail = Bilingual(error.message("vi"), error.message("en"))
        raise ValidationError("postal.dispatch_refused", value=line.code, detail=detail) from error
    seen.add(number)
    batch.items.append(PostalItemRow(id=uuid7(), position=position, item_number=number, dossier_id=row.id,
                                     envelope={}, state=ItemState.DISPATCHED.value, outcome_reason="",
                                     fee_amount=max(0, line.fee), weight_class=weight_class, updated_at=at))


def checked_fee(amount: int) -> int:
    """Postage in đồng, within the limits of any fee."""
    return limits.count(amount, limits.FEE, Bilingual("Cước bưu chính", "Postage"))


def _ready_row(session: Session, code: str) -> DossierRow:
    row = find_row(session, code, lock=True)
    if row.status != Status.RESULT_READY.value or row.delivery != Delivery.POSTAL.value:
        raise ValidationError("postal.not_ready_for_post", code=row.code or code)
    return row


def _refuse_used_label(session: Session, number: str) -> None:
    used = batch_holding(session, number, Direction.DISPATCH)
    if used is not None:
        raise ValidationError("postal.label_used", value=number, ref=used)


def _returned_notes(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(PostalItemRow.dossier_id, PostalItemRow.outcome_reason)
        .where(PostalItemRow.dossier_id.in_(ids), PostalItemRow.state == ItemState.RETURNED.value)
        .order_by(PostalItemRow.updated_at)
    ).all()
    return {dossier_id: reason for dossier_id, reason in rows if dossier_id is not None}

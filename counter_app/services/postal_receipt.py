"""Receiving envelopes from the post in batches: add, remove, resume, and close against one record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session
from uuid6 import uuid7

from counter_app import limits, postal
from counter_app.clock import local, now
from counter_app.errors import CounterError, ValidationError
from counter_app.messages import Bilingual
from counter_app.model import Channel, Delivery
from counter_app.postal import (
    BatchStatus,
    Direction,
    Envelope,
    ItemState,
    PostalBatch,
    envelope_json,
    envelope_of,
    item_number,
)
from counter_app.services import audit, intake
from counter_app.services.postal_batches import batch_holding, batch_view, find_batch, open_row
from counter_app.storage.database import Database
from counter_app.storage.orm import PostalBatchRow, PostalItemRow


def add_envelope(db: Database, ref: str, envelope: Envelope, actor: str,
                 at: dt.datetime | None = None) -> PostalBatch:
    """Check the envelope as the intake would and keep it in the open batch (committed at once)."""
    moment = local(at or now())
    with db.write() as session:
        batch = open_row(session, ref, Direction.RECEIPT)
        number = item_number(envelope.item_number)
        _refuse_duplicate(session, batch, number)
        missing = intake.check_request(session, _request(envelope, number), moment)
        data = envelope_json(envelope) | {"missing": missing}
        position = max((item.position for item in batch.items), default=0) + 1
        batch.items.append(PostalItemRow(id=uuid7(), position=position, item_number=number, envelope=data,
                                         state=ItemState.PENDING.value, outcome_reason="", fee_amount=0,
                                         weight_class="", updated_at=moment))
        audit.append(session, actor, "postal.add_envelope", batch.ref, {"item": number}, moment)
        session.flush()
        return batch_view(session, batch)


def check_envelopes(db: Database, envelopes: Sequence[Envelope], ref: str | None = None,
                    at: dt.datetime | None = None) -> None:
    """Refuse now, writing nothing, any envelope that `add_envelope` would refuse in batch `ref` (or a new
    one): the command line checks a whole command's envelopes before it opens a batch or adds the first."""
    moment = local(at or now())
    seen: set[str] = set()
    with db.read() as session:
        batch = find_batch(session, ref) if ref else None
        for envelope in envelopes:
            number = item_number(envelope.item_number)
            if number in seen:
                raise ValidationError("postal.item_twice", value=number)
            seen.add(number)
            _refuse_duplicate(session, batch, number)
            intake.check_request(session, _request(envelope, number), moment)


def remove_envelope(db: Database, ref: str, item_number: str, actor: str,
                    at: dt.datetime | None = None) -> PostalBatch:
    """Take an envelope out of an open batch (scanned by mistake, or handed back to the post worker)."""
    moment = local(at or now())
    with db.write() as session:
        batch = open_row(session, ref, Direction.RECEIPT)
        number = postal.item_number(item_number)
        found = [item for item in batch.items if item.item_number == number]
        if not found:
            raise ValidationError("postal.item_not_in_batch", value=item_number, ref=batch.ref)
        batch.items.remove(found[0])
        audit.append(session, actor, "postal.remove_envelope", batch.ref, {"item": number}, moment)
        session.flush()
        return batch_view(session, batch)


def close_receipt(db: Database, ref: str, actor: str, at: dt.datetime | None = None) -> PostalBatch:
    """Sign the hand-over: complete envelopes are accepted (deadline from now), the rest sent back (form 02).

    One unit of work: either every envelope becomes a dossier or, on any error, none does."""
    moment = local(at or now())
    with db.write() as session:
        batch = open_row(session, ref, Direction.RECEIPT)
        if not batch.items:
            raise ValidationError("postal.batch_empty", ref=batch.ref)
        for item in batch.items:
            _close_item(session, db, item, actor, moment)
        batch.status, batch.closed_at, batch.closed_by = BatchStatus.CLOSED.value, moment, actor
        audit.append(session, actor, "postal.close_in", batch.ref, {"items": len(batch.items)}, moment)
        session.flush()
        return batch_view(session, batch)


def _close_item(session: Session, db: Database, item: PostalItemRow, actor: str, at: dt.datetime) -> None:
    envelope = envelope_of(item.item_number, item.envelope)
    request = _request(envelope, item.item_number)
    try:
        missing = intake.check_request(session, request, at)
        outcome = intake.Outcome.SUPPLEMENT if missing else intake.Outcome.ACCEPT
        reason = _sent_back_reason(missing) if missing else ""
        row = intake.receive_in(session, db, request, actor, outcome, reason, at)
    except CounterError as error:
        detail = Bilingual(error.message("vi"), error.message("en"))
        raise ValidationError("postal.envelope_refused", value=item.item_number, detail=detail) from error
    item.dossier_id = row.id
    item.state = (ItemState.SENT_BACK if missing else ItemState.ACCEPTED).value
    item.envelope = item.envelope | {"missing": missing}
    item.updated_at = at


def _request(envelope: Envelope, item_number: str) -> intake.IntakeRequest:
    """The one place an envelope becomes an intake request (channel postal, result back by post)."""
    address = limits.text(envelope.delivery_address, limits.ADDRESS) or envelope.applicant.address
    return intake.IntakeRequest(
        procedure_code=envelope.procedure_code, applicant=envelope.applicant, documents=envelope.documents,
        channel=Channel.POSTAL, postal_item_in=item_number,
        delivery=Delivery.POSTAL if address.strip() else Delivery.COUNTER, delivery_address=address,
        case=envelope.case,
    )


def _sent_back_reason(missing: list[str]) -> str:
    return "Hồ sơ gửi qua dịch vụ bưu chính công ích chưa đầy đủ, còn thiếu: " + "; ".join(missing)


def _refuse_duplicate(session: Session, batch: PostalBatchRow | None, number: str) -> None:
    if batch is not None and any(item.item_number == number for item in batch.items):
        raise ValidationError("postal.duplicate_in_batch", value=number, ref=batch.ref)
    earlier = batch_holding(session, number, Direction.RECEIPT)
    if earlier is not None:
        raise ValidationError("postal.already_received", value=number, ref=earlier)

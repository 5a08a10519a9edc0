"""What became of each item handed to the post: delivered, or returned to sender; and the postage paid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import limits, postal
from counter_app.clock import local, now
from counter_app.errors import CounterError, NotFound, ValidationError
from counter_app.lifecycle import Action
from counter_app.messages import Bilingual
from counter_app.postal import Direction, FeeLine, ItemState, Outcome, PostalItem
from counter_app.services.events import record
from counter_app.services.postal_batches import item_view
from counter_app.services.postal_dispatch import checked_fee
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierEventRow, DossierRow, PostalBatchRow, PostalItemRow

_STATE = {Outcome.DELIVERED: ItemState.DELIVERED, Outcome.RETURNED: ItemState.RETURNED}


@dataclass(frozen=True)
class StatusLine:
    """One line of the post's delivery-status file (or one outcome typed at the counter)."""

    item_number: str
    outcome: Outcome
    on: dt.date
    reason: str = ""
    row: int = 0  # the file's row, for messages


def record_outcome(db: Database, line: StatusLine, actor: str, at: dt.datetime | None = None) -> PostalItem:
    """Delivered (date) or returned to sender (date, reason): a returned result is ready to return again."""
    moment = local(at or now())
    with db.write() as session:
        item, _changed = _apply(session, db, line, actor, moment)
        return _view(session, item)


def record_outcomes(db: Database, lines: Sequence[StatusLine], actor: str,
                    at: dt.datetime | None = None) -> int:
    """A whole status file in one unit of work: any bad line refuses all of it, naming its row.
    Lines already recorded with the same outcome change nothing; the number of new outcomes is returned."""
    moment = local(at or now())
    with db.write() as session:
        changed = 0
        for line in lines:
            try:
                changed += _apply(session, db, line, actor, moment)[1]
            except CounterError as error:
                detail = Bilingual(error.message("vi"), error.message("en"))
                raise ValidationError("postal.file_row", where=line.row, detail=detail) from error
        return changed


def record_fee(db: Database, item_number: str, amount: int, actor: str, at: dt.datetime | None = None) -> PostalItem:
    """The postage a citizen paid at the counter for an item (replaces an earlier amount)."""
    moment = local(at or now())
    with db.write() as session:
        item = _dispatched(session, item_number)
        dossier = session.get_one(DossierRow, item.dossier_id)
        payload = {"postal_item": item.item_number, "amount": checked_fee(amount)}
        record(session, db.device_id, dossier, Action.POSTAL_FEE, actor, payload, moment)
        item.fee_amount, item.updated_at = amount, moment
        session.flush()
        return _view(session, item)


def postal_fees(db: Database, start: dt.date, end: dt.date) -> list[FeeLine]:
    """Postage recorded from `start` to `end` (local days, inclusive): the latest amount per item."""
    first = local(dt.datetime.combine(start, dt.time()))
    after = local(dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    with db.read() as session:
        rows = session.execute(
            select(DossierEventRow, DossierRow.code).join(DossierRow, DossierRow.id == DossierEventRow.dossier_id)
            .where(DossierEventRow.type == Action.POSTAL_FEE.value, DossierEventRow.device_time >= first,
                   DossierEventRow.device_time < after).order_by(DossierEventRow.device_time)
        ).all()
        latest = {str(e.payload["postal_item"]): FeeLine(e.device_time, str(code), str(e.payload["postal_item"]),
                                                         int(e.payload["amount"])) for e, code in rows}
        return sorted(latest.values(), key=lambda line: line.paid_at)


def _apply(session: Session, db: Database, line: StatusLine, actor: str,
           at: dt.datetime) -> tuple[PostalItemRow, bool]:
    item = _dispatched(session, line.item_number)
    target = _STATE[line.outcome]
    if item.state == target.value:
        return item, False  # already recorded: a status file imported twice changes nothing
    if item.state != ItemState.DISPATCHED.value:
        raise ValidationError("postal.outcome_conflict", value=item.item_number, status=item.state)
    reason = limits.text(line.reason, limits.REASON)
    limits.working_day(line.on, Bilingual("Ngày phát / chuyển hoàn", "Outcome date"))
    if line.outcome is Outcome.RETURNED and not reason:
        raise ValidationError("lifecycle.reason_required")
    dossier = session.get_one(DossierRow, item.dossier_id)
    if line.outcome is Outcome.DELIVERED:
        payload = {"postal_item": item.item_number, "delivered_on": line.on}
        record(session, db.device_id, dossier, Action.POSTAL_DELIVERED, actor, payload, at)
    else:
        payload = {"postal_item": item.item_number, "returned_on": line.on, "reason": reason, "returned_at": None}
        record(session, db.device_id, dossier, Action.POSTAL_RETURNED, actor, payload, at)
    item.state, item.outcome_on, item.outcome_reason, item.updated_at = target.value, line.on, reason, at
    session.flush()
    return item, True


def _dispatched(session: Session, item_number: str) -> PostalItemRow:
    number = postal.item_number(item_number)
    item = session.scalars(
        select(PostalItemRow).join(PostalBatchRow, PostalBatchRow.id == PostalItemRow.batch_id)
        .where(PostalItemRow.item_number == number, PostalBatchRow.direction == Direction.DISPATCH.value)
        .with_for_update()
    ).first()
    if item is None or item.dossier_id is None:
        raise NotFound("postal.item_not_found", value=item_number)
    return item


def _view(session: Session, item: PostalItemRow) -> PostalItem:
    dossier = session.get_one(DossierRow, item.dossier_id)
    return item_view(item, {dossier.id: dossier})

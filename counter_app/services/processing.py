"""Lifecycle actions after acceptance: transfer, supplements, refusal, extension, stop, result, return."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from counter_app import limits
from counter_app.cccd import validate_id_number
from counter_app.clock import local, now
from counter_app.deadlines import OfficeHours, due_at
from counter_app.errors import ValidationError
from counter_app.lifecycle import Action, Status, check_new, next_status
from counter_app.messages import Bilingual
from counter_app.model import Channel, Delivery, Dossier, StopRequester, procedure_channel
from counter_app.s10 import validate_postal_item
from counter_app.services.catalogue import procedure_row_in_force, to_procedure
from counter_app.services.events import find_row, record
from counter_app.services.office import calendar_of, office_hours
from counter_app.services.queries import dossier_view
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierRow

PayloadBuilder = Callable[[Session, DossierRow, dt.datetime], dict[str, Any]]


@dataclass(frozen=True)
class Recipient:
    """Who takes the result: checked against the applicant and the submitter."""

    full_name: str = ""
    id_number: str = ""
    authorisation: str = ""
    postal_item: str = ""


def transfer_payload(to: str = "", note: str = "") -> dict[str, Any]:
    """What a transfer records (a counter's and the hub's alike)."""
    return {"to": limits.text(to, limits.RECIPIENT_OFFICE), "note": limits.text(note, limits.NOTE)}


def reason_payload(reason: str) -> dict[str, Any]:
    """What a decision that must give its reason records: a supplement request, a refusal, a withdrawal."""
    return {"reason": _reason(reason)}


def stop_payload(reason: str, requested_by: StopRequester) -> dict[str, Any]:
    return {"reason": _reason(reason), "requested_by": StopRequester(requested_by).value}


def result_payload(note: str, moment: dt.datetime) -> dict[str, Any]:
    return {"note": limits.text(note, limits.NOTE), "result_ready_at": moment}


def transfer(db: Database, ref: str, actor: str, to: str = "", note: str = "",
             at: dt.datetime | None = None) -> Dossier:
    fields = transfer_payload(to, note)
    return _act(db, ref, Action.TRANSFER, actor, at, lambda *_: fields)


def request_supplement(db: Database, ref: str, actor: str, reason: str,
                       at: dt.datetime | None = None) -> Dossier:
    """Send the dossier back after appraisal; the deadline restarts when the supplement arrives."""
    return _act(db, ref, Action.REQUEST_SUPPLEMENT, actor, at, lambda *_: reason_payload(reason))


def supplement_received(db: Database, ref: str, actor: str, note: str = "",
                        at: dt.datetime | None = None) -> Dossier:
    def payload(session: Session, row: DossierRow, moment: dt.datetime) -> dict[str, Any]:
        procedure = to_procedure(procedure_row_in_force(session, row.procedure_code, moment.date()))
        terms = procedure.terms_for(row.case_number, procedure_channel(Channel(row.channel)))
        due = due_at(calendar_of(session), office_hours(session), moment, terms.time_limit,
                     procedure.cutoff_applies)
        return {"note": limits.text(note, limits.NOTE), "received_at": moment, "due_at": due}

    return _act(db, ref, Action.SUPPLEMENT_RECEIVED, actor, at, payload)


def refuse(db: Database, ref: str, actor: str, reason: str, at: dt.datetime | None = None) -> Dossier:
    return _act(db, ref, Action.REFUSE, actor, at, lambda *_: reason_payload(reason))


def extend(db: Database, ref: str, actor: str, new_due: dt.date | dt.datetime, reason: str,
           at: dt.datetime | None = None) -> Dossier:
    """Apologise and move the due date, once; the apology is flagged late if sent under a day ahead."""
    def payload(session: Session, row: DossierRow, moment: dt.datetime) -> dict[str, Any]:
        text = _reason(reason)
        next_status(Status(row.status), Action.EXTEND)
        if row.extension_count >= 1:
            raise ValidationError("lifecycle.extended_once")
        assert row.due_at is not None
        due = local(row.due_at)
        target = _new_due(new_due, due)
        _check_new_due(target, due, office_hours(session))
        if target <= due:
            raise ValidationError("lifecycle.new_due_not_later", new_due=target.date(), due=due.date())
        if not calendar_of(session).is_working_day(target.date()):
            raise ValidationError("lifecycle.new_due_not_working", new_due=target.date())
        late = due - moment < dt.timedelta(days=1)
        return {"reason": text, "previous_due_at": due, "due_at": target, "apology_late": late}

    return _act(db, ref, Action.EXTEND, actor, at, payload)


def suggested_new_due(db: Database, ref: str, working_days: int = 5, at: dt.datetime | None = None) -> dt.date:
    """The extension dialog's first proposal: `working_days` working days after the current due date (or
    after today, when that is already past), so never in the past and always a working day."""
    with db.read() as session:
        due_at = find_row(session, ref).due_at
        calendar = calendar_of(session)
    today = local(at or now()).date()
    due = local(due_at).date() if due_at else today
    return calendar.add_working_days(max(due, today), working_days)


def stop(db: Database, ref: str, actor: str, reason: str, requested_by: StopRequester,
         at: dt.datetime | None = None) -> Dossier:
    """Stop processing (Mẫu 05) at the applicant's request or the office's, from acceptance until a decision."""
    return _act(db, ref, Action.STOP, actor, at, lambda *_: stop_payload(reason, requested_by))


def record_result(db: Database, ref: str, actor: str, note: str = "",
                  at: dt.datetime | None = None) -> Dossier:
    limits.text(note, limits.NOTE)  # refused before the dossier is locked
    return _act(db, ref, Action.RECORD_RESULT, actor, at, lambda _s, _r, moment: result_payload(note, moment))


def return_result(db: Database, ref: str, actor: str, recipient: Recipient,
                  at: dt.datetime | None = None) -> Dossier:
    """Hand the result over at the counter (recipient checked) or to the post (item number checked)."""
    def payload(_session: Session, row: DossierRow, moment: dt.datetime) -> dict[str, Any]:
        next_status(Status(row.status), Action.RETURN_RESULT)
        if recipient.postal_item.strip():
            return postal_return_payload(row, recipient.postal_item, moment, recipient.full_name)
        return {"returned_at": moment, "delivery": Delivery.COUNTER.value} | _counter_recipient(row, recipient)

    return _act(db, ref, Action.RETURN_RESULT, actor, at, payload)


def postal_return_payload(row: DossierRow, postal_item: str, at: dt.datetime,
                          recipient_name: str = "") -> dict[str, Any]:
    """The result-returned event of a result handed to the post under item number `postal_item`."""
    if not row.delivery_address:
        raise ValidationError("lifecycle.postal_address_required")
    return {"returned_at": at, "delivery": Delivery.POSTAL.value, "postal_item": validate_postal_item(postal_item),
            "address": row.delivery_address,
            "recipient_name": limits.text(recipient_name, limits.PERSON_NAME) or row.applicant_name}


def withdraw(db: Database, ref: str, actor: str, reason: str, at: dt.datetime | None = None) -> Dossier:
    """The citizen takes back a dossier the counter has not accepted (after acceptance: `stop`, by the applicant)."""
    return _act(db, ref, Action.WITHDRAW, actor, at, lambda *_: reason_payload(reason))


def _act(db: Database, ref: str, action: Action, actor: str, at: dt.datetime | None,
         build: PayloadBuilder) -> Dossier:
    moment = local(at or now())
    with db.write() as session:
        row = find_row(session, ref, lock=True)
        check_new(Status(row.status), action)
        record(session, db.device_id, row, action, actor, build(session, row, moment), moment)
        return dossier_view(session, row, moment)


def _counter_recipient(row: DossierRow, recipient: Recipient) -> dict[str, Any]:
    name = limits.text(recipient.full_name, limits.PERSON_NAME)
    if not name:
        raise ValidationError("return.recipient_name")
    id_number = validate_id_number(recipient.id_number)
    known = {row.applicant_id_number, (row.submitter or {}).get("id_number")}
    authorisation = limits.text(recipient.authorisation, limits.AUTHORISATION)
    if id_number not in known and not authorisation:
        raise ValidationError("return.recipient_mismatch", id_number=id_number)
    return {"recipient_name": name, "recipient_id_number": id_number, "authorisation": authorisation}


def _new_due(new_due: dt.date | dt.datetime, current: dt.datetime) -> dt.datetime:
    if isinstance(new_due, dt.datetime):
        return local(new_due)
    return local(dt.datetime.combine(new_due, current.time().replace(tzinfo=None)))


def _check_new_due(target: dt.datetime, due: dt.datetime, hours: OfficeHours) -> None:
    """A new due date within a year of the current one, at a time the office is open."""
    limits.working_day(target.date(), Bilingual("Ngày hẹn mới", "New due date"))
    if target - due > limits.MAX_EXTENSION:
        raise ValidationError("lifecycle.new_due_too_far", new_due=target.date(), days=limits.MAX_EXTENSION.days)
    if not hours.opens <= target.time().replace(tzinfo=None) <= hours.closes:
        raise ValidationError("lifecycle.new_due_closed", time=f"{target:%H:%M}", opens=f"{hours.opens:%H:%M}",
                              closes=f"{hours.closes:%H:%M}")


def _reason(text: str) -> str:
    reason = limits.text(text, limits.REASON)
    if not reason:
        raise ValidationError("lifecycle.reason_required")
    return reason

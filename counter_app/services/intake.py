"""Receiving a dossier at the counter: accept it (code, due date), send it back, or refuse it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session
from uuid6 import uuid7

from counter_app import codes, limits
from counter_app.catalogue_export import fee_json, time_limit_json
from counter_app.cccd import validate_id_number
from counter_app.checklist import missing_documents
from counter_app.clock import local, now
from counter_app.deadlines import due_at
from counter_app.errors import ValidationError
from counter_app.fees import fee_due
from counter_app.lifecycle import Action
from counter_app.messages import Bilingual
from counter_app.model import (
    Channel,
    ChannelTerms,
    Delivery,
    DocumentEntry,
    Dossier,
    Person,
    Procedure,
    ProcedureCase,
    procedure_channel,
)
from counter_app.services import outbox
from counter_app.services.catalogue import procedure_of
from counter_app.services.events import find_row, record
from counter_app.services.office import (
    calendar_of,
    code_patterns,
    office_hours,
    office_of,
    register_by_field,
    sequence_block,
)
from counter_app.services.queries import dossier_view
from counter_app.storage.counters import next_value
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierRow, ReceivedDocumentRow
from counter_app.textfold import fold

CERTIFY_LABEL = Bilingual("Số bản chứng thực", "Copies to certify")


class Outcome(StrEnum):
    ACCEPT = "accept"
    SUPPLEMENT = "supplement"
    REFUSE = "refuse"


@dataclass(frozen=True)
class IntakeRequest:
    """What the clerk entered for one citizen; `documents` None means every required document."""

    procedure_code: str
    applicant: Person
    documents: tuple[DocumentEntry, ...] | None = None
    submitter: Person | None = None
    channel: Channel = Channel.COUNTER
    delivery: Delivery = Delivery.COUNTER
    delivery_address: str = ""
    postal_item_in: str = ""
    copies: int = 1
    case: int = 1


def intake(
    db: Database,
    request: IntakeRequest,
    actor: str,
    outcome: Outcome = Outcome.ACCEPT,
    reason: str = "",
    at: dt.datetime | None = None,
) -> Dossier:
    """Receive a dossier and end the counter check in one unit of work; nothing is written on error."""
    moment = local(at or now())
    limits.count(request.copies, limits.COPIES, limits.COPIES_LABEL)
    with db.write() as session:
        row = receive_in(session, db, request, actor, outcome, reason, moment)
        return dossier_view(session, row, moment)


def receive_in(
    session: Session, db: Database, request: IntakeRequest, actor: str, outcome: Outcome, reason: str,
    at: dt.datetime,
) -> DossierRow:
    """`intake` inside the caller's unit of work (a postal batch closes many envelopes in one)."""
    outbox.refuse_if_replaced(session)
    row = _receive(session, db, request, actor, at)
    if outcome is Outcome.ACCEPT:
        _accept(session, db, row, actor, at, request.copies)
    else:
        _send_back(session, db, row, outcome, actor, reason, at)
    session.flush()
    return row


def check_request(session: Session, request: IntakeRequest, at: dt.datetime) -> list[str]:
    """Everything `intake` would refuse in `request`, raised now; the mandatory documents still missing."""
    office_of(session)
    procedure = procedure_of(session, request.procedure_code, at.date())
    case = _offered_case(procedure, request)
    _checked_person(request.applicant)
    _check_channels(procedure, request)
    received, _ = _documents(case, request.documents)
    return missing_documents(case, [entry["name"] for entry in received])


def accept(
    db: Database,
    ref: str,
    actor: str,
    documents: tuple[DocumentEntry, ...] | None = None,
    at: dt.datetime | None = None,
) -> Dossier:
    """Accept a dossier sent back earlier, once the citizen has brought `documents` (the full list)."""
    moment = local(at or now())
    with db.write() as session:
        outbox.refuse_if_replaced(session)
        row = find_row(session, ref, lock=True)
        if documents is not None:
            procedure = procedure_of(session, row.procedure_code, moment.date())
            entries, _ = _documents(case_of(procedure, row.case_number), documents)
            row.documents = [ReceivedDocumentRow(id=uuid7(), **doc) for doc in entries]
        _accept(session, db, row, actor, moment, 1)
        return dossier_view(session, row, moment)


def _receive(
    session: Session, db: Database, request: IntakeRequest, actor: str, at: dt.datetime,
) -> DossierRow:
    office_of(session)  # a clear "run init" before anything else
    procedure = procedure_of(session, request.procedure_code, at.date())
    case = _offered_case(procedure, request)
    applicant = _checked_person(request.applicant)
    _check_channels(procedure, request)
    received, shown = _documents(case, request.documents)
    row = DossierRow(id=uuid7(), seq_no=next_value(session, "dossier"), device_id=db.device_id, documents=[])
    session.add(row)
    payload: dict[str, Any] = {
        "procedure_id": procedure.id, "procedure_code": procedure.code, "channel": request.channel.value,
        "applicant_name": applicant.full_name, "applicant_id_number": applicant.id_number,
        "applicant_birth_date": applicant.date_of_birth, "applicant_sex": applicant.sex,
        "applicant_address": applicant.address, "applicant_phone": applicant.phone,
        "applicant_email": applicant.email, "submitted_at": at,
        "submitter": _person_json(_checked_person(request.submitter)) if request.submitter else None,
        "delivery": request.delivery.value,
        "delivery_address": limits.text(request.delivery_address, limits.ADDRESS),
        "postal_item_in": limits.code(request.postal_item_in, limits.POSTAL_ITEM),
        "documents": received, "shown": shown, "case_number": case.number,
    }
    record(session, db.device_id, row, Action.RECEIVE, actor, payload, at)
    row.documents = [ReceivedDocumentRow(id=uuid7(), **doc) for doc in payload["documents"]]
    return row


def _accept(
    session: Session, db: Database, row: DossierRow, actor: str, at: dt.datetime, copies: int,
) -> None:
    procedure = procedure_of(session, row.procedure_code, at.date())
    case = case_of(procedure, row.case_number)
    missing = missing_documents(case, [d.name for d in row.documents])
    if missing:
        raise ValidationError("lifecycle.missing_documents", names=", ".join(missing))
    terms = procedure.terms_for(case.number, procedure_channel(Channel(row.channel)))
    pattern = codes.pattern_on(code_patterns(session), at.date())
    agency = office_of(session).code
    nth = next_value(session, codes.counter_key(agency, at.date()))
    block = sequence_block(session, db.device_id)
    number = block.number(nth)
    if number is None:
        raise ValidationError("codes.exhausted", day=at.date().isoformat(), start=block.start, end=block.end)
    fee = fee_due(terms.fee, row.documents, copies)
    book = procedure.field if register_by_field(session) else ""  # one register per field, when so chosen
    payload = {
        "code": codes.format_code(pattern, agency, at.date(), number), "accepted_at": at,
        "due_at": due_at(calendar_of(session), office_hours(session), at, terms.time_limit,
                         procedure.cutoff_applies),
        "register_year": at.year, "register_number": next_value(session, register_key(at.year, book)),
        "fee_amount": fee.amount or 0, "fee_known": fee.known, "fee_currency": fee.currency,
        "applied_terms": _applied(case, terms),
    }
    if book:
        payload["register_field"] = book
    record(session, db.device_id, row, Action.ACCEPT, actor, payload, at)


def register_key(year: int, field: str = "") -> str:
    """The counter numbering one register: the year's, or the year's for one field."""
    return f"register:{year}:{fold(field)}" if field else f"register:{year}"


def _applied(case: ProcedureCase, terms: ChannelTerms) -> dict[str, Any]:
    """Which case and channel's published terms the dossier was accepted under (texts cut to the event limit)."""
    cut = limits.NOTE.max_length
    limit = time_limit_json(terms.time_limit) | {"text": terms.time_limit.text[:cut]}
    fee = fee_json(terms.fee) | {"text": terms.fee.text[:cut], "note": terms.fee.note[:cut]}
    return {"case": case.number, "channel": terms.channel.value, "time_limit": limit, "fee": fee}


def _send_back(
    session: Session, db: Database, row: DossierRow, outcome: Outcome, actor: str, reason: str,
    at: dt.datetime,
) -> None:
    text = limits.text(reason, limits.REASON)
    if not text:
        raise ValidationError("lifecycle.reason_required")
    procedure = procedure_of(session, row.procedure_code, at.date())
    payload = {"reason": text,
               "missing": missing_documents(case_of(procedure, row.case_number), [d.name for d in row.documents])}
    action = Action.REQUEST_SUPPLEMENT_AT_COUNTER if outcome is Outcome.SUPPLEMENT else Action.REFUSE_AT_COUNTER
    record(session, db.device_id, row, action, actor, payload, at)


def _offered_case(procedure: Procedure, request: IntakeRequest) -> ProcedureCase:
    """The case asked for, once its time limit for the request's channel is known (else not offered)."""
    case = case_of(procedure, request.case)
    terms = procedure.terms_for(case.number, procedure_channel(request.channel))
    if not terms.time_limit.stated:
        raise ValidationError("procedure.time_not_stated", value=terms.time_limit.text or "—")
    return case


def case_of(procedure: Procedure, number: int) -> ProcedureCase:
    """Case `number` of `procedure`, or a clear error naming how many cases it has."""
    try:
        return procedure.case(number)
    except LookupError:
        raise ValidationError("procedure.case_unknown", value=number, count=len(procedure.cases)) from None


def _documents(
    case: ProcedureCase, given: tuple[DocumentEntry, ...] | None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """The documents received (as rows) and the names of those only shown (xuất trình, not stored)."""
    if given is None:
        entries = [DocumentEntry(d.name, d.kind, max(1, d.quantity)) for d in case.documents if d.blocking]
    else:
        entries = list(given)
    required = {fold(d.name): d for d in case.documents}
    extra_position = len(case.documents)
    received: list[dict[str, Any]] = []
    shown: list[str] = []
    limits.count(len(entries), limits.DOCUMENTS, Bilingual("Số giấy tờ", "Number of documents"))
    for entry in entries:
        name = limits.text(entry.name, limits.DOCUMENT_NAME, required=True)
        limits.count(entry.copies, limits.COPIES, limits.COPIES_LABEL)
        limits.count(entry.pages, limits.PAGES, limits.PAGES_LABEL)
        if entry.certify:
            limits.count(entry.certify, limits.COPIES, CERTIFY_LABEL)
        requirement = required.get(fold(name))
        if requirement is not None and requirement.show_only:
            shown.append(requirement.name)
            continue
        if requirement is None:
            extra_position += 1
        received.append({
            "position": requirement.position if requirement else extra_position,
            "name": requirement.name if requirement else name,
            "kind": entry.kind.value, "copies": entry.copies, "pages": entry.pages,
            "certify": max(0, entry.certify), "mandatory": bool(requirement and requirement.blocking),
        })
    limits.positions([entry["position"] for entry in received])
    return received, shown


def _checked_person(person: Person) -> Person:
    name = limits.text(person.full_name, limits.PERSON_NAME, required=True)
    if person.date_of_birth is not None:
        limits.birth_date(person.date_of_birth, now().date())
    birth_year = person.date_of_birth.year if person.date_of_birth else None
    return dataclasses.replace(
        person, full_name=name, id_number=validate_id_number(person.id_number, birth_year),
        sex=limits.sex(person.sex), address=limits.text(person.address, limits.ADDRESS),
        phone=limits.phone(person.phone), email=limits.email(person.email),
        relation=limits.text(person.relation, limits.RELATION),
        authorisation=limits.text(person.authorisation, limits.AUTHORISATION),
    )


def _check_channels(procedure: Procedure, request: IntakeRequest) -> None:
    by_post = request.channel is Channel.POSTAL
    if by_post and (not procedure.postal_eligible or procedure.presence_required):
        raise ValidationError("lifecycle.postal_not_allowed")
    if request.delivery is Delivery.POSTAL:
        if not procedure.postal_eligible:
            raise ValidationError("lifecycle.postal_not_allowed")
        if not request.delivery_address.strip():
            raise ValidationError("lifecycle.postal_address_required")


def _person_json(person: Person) -> dict[str, Any]:
    data = dataclasses.asdict(person)
    data["date_of_birth"] = person.date_of_birth.isoformat() if person.date_of_birth else None
    return data


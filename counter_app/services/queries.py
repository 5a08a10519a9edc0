"""Reading dossiers: the full view, search, filtered lists and today's counts."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from counter_app import limits
from counter_app.checklist import missing_documents
from counter_app.clock import local, now
from counter_app.deadlines import Timeliness, is_overdue, timeliness
from counter_app.lifecycle import Action, Status, allowed_actions, clock_running
from counter_app.model import (
    Channel,
    Delivery,
    DocumentKind,
    Dossier,
    DossierEvent,
    DossierSummary,
    Person,
    Procedure,
    ReceivedDocument,
)
from counter_app.services.catalogue import to_procedure
from counter_app.services.events import find_row
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierEventRow, DossierRow, PostalItemRow, ProcedureRow
from counter_app.storage.search import matching

_RUNNING = [s.value for s in Status if clock_running(s)]


@dataclass(frozen=True)
class DossierFilter:
    """What the dossier list shows; empty fields do not filter."""

    statuses: frozenset[Status] = field(default_factory=frozenset)
    procedure_code: str = ""
    accepted_from: dt.date | None = None
    accepted_to: dt.date | None = None
    due_today: bool = False
    overdue: bool = False
    text: str = ""


@dataclass(frozen=True)
class TodayCounts:
    received: int
    due_today: int
    overdue: int
    ready_to_return: int
    waiting_supplement: int
    returned_by_post: int = 0  # results the post brought back (chuyển hoàn), waiting to go out again


def get_dossier(db: Database, ref: str, at: dt.datetime | None = None) -> Dossier:
    with db.read() as session:
        return dossier_view(session, find_row(session, ref), local(at or now()))


def search(db: Database, text: str, limit: int = 50) -> list[DossierSummary]:
    """Dossiers whose code, applicant name, ID number or phone match `text`, diacritics optional."""
    return list_dossiers(db, DossierFilter(text=text), limit=limit)


def list_dossiers(
    db: Database, criteria: DossierFilter, offset: int = 0, limit: int = 100, at: dt.datetime | None = None,
) -> list[DossierSummary]:
    moment = local(at or now())
    with db.read() as session:
        query = _filtered(select(DossierRow), criteria, db.dialect, moment)
        query = query.order_by(DossierRow.submitted_at.desc(), DossierRow.id).offset(offset).limit(limit)
        rows = session.scalars(query).all()
        names = _procedure_names(session, {row.procedure_id for row in rows})
        return [_summary(row, names[row.procedure_id], moment) for row in rows]


def list_page(
    db: Database, criteria: DossierFilter, after: DossierSummary | None, limit: int = 200,
    at: dt.datetime | None = None,
) -> list[DossierSummary]:
    """The next `limit` dossiers after `after` in list order (newest first): keyset paging, fast at any depth."""
    moment = local(at or now())
    with db.read() as session:
        query = _filtered(select(DossierRow), criteria, db.dialect, moment)
        if after is not None and after.submitted_at is not None:
            query = query.where(or_(
                DossierRow.submitted_at < after.submitted_at,
                and_(DossierRow.submitted_at == after.submitted_at, DossierRow.id > after.id),
            ))
        rows = session.scalars(query.order_by(DossierRow.submitted_at.desc(), DossierRow.id).limit(limit)).all()
        names = _procedure_names(session, {row.procedure_id for row in rows})
        return [_summary(row, names[row.procedure_id], moment) for row in rows]


def summaries(db: Database, ids: list[uuid.UUID], at: dt.datetime | None = None) -> list[DossierSummary]:
    """The list rows of the dossiers `ids`, in that order."""
    moment = local(at or now())
    found: dict[uuid.UUID, DossierSummary] = {}
    with db.read() as session:
        for start in range(0, len(ids), 500):
            rows = session.scalars(select(DossierRow).where(DossierRow.id.in_(ids[start:start + 500]))).all()
            names = _procedure_names(session, {row.procedure_id for row in rows})
            found.update((row.id, _summary(row, names[row.procedure_id], moment)) for row in rows)
    return [found[i] for i in ids if i in found]


def count_dossiers(db: Database, criteria: DossierFilter, at: dt.datetime | None = None) -> int:
    moment = local(at or now())
    with db.read() as session:
        query = _filtered(select(DossierRow), criteria, db.dialect, moment)
        return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def today_counts(db: Database, at: dt.datetime | None = None) -> TodayCounts:
    moment = local(at or now())

    def count(criteria: DossierFilter) -> int:
        return count_dossiers(db, criteria, moment)

    return TodayCounts(
        received=count(DossierFilter(accepted_from=moment.date(), accepted_to=moment.date())),
        due_today=count(DossierFilter(due_today=True)),
        overdue=count(DossierFilter(overdue=True)),
        ready_to_return=count(DossierFilter(statuses=frozenset({Status.RESULT_READY}))),
        waiting_supplement=count(DossierFilter(statuses=frozenset({Status.SUPPLEMENT_REQUESTED}))),
        returned_by_post=returned_by_post(db),
    )


def returned_by_post(db: Database) -> int:
    """Results ready again because the post returned them to the office (chuyển hoàn)."""
    with db.read() as session:
        query = (select(func.count(func.distinct(DossierRow.id)))
                 .join(PostalItemRow, PostalItemRow.dossier_id == DossierRow.id)
                 .where(DossierRow.status == Status.RESULT_READY.value, PostalItemRow.state == "returned"))
        return int(session.scalar(query) or 0)


def _filtered(
    query: Select[DossierRow], criteria: DossierFilter, dialect: str, at: dt.datetime,
) -> Select[DossierRow]:
    if criteria.statuses:
        query = query.where(DossierRow.status.in_([s.value for s in criteria.statuses]))
    if criteria.procedure_code:
        query = query.where(DossierRow.procedure_code == criteria.procedure_code)
    if criteria.accepted_from:
        query = query.where(DossierRow.accepted_at >= _day_start(criteria.accepted_from))
    if criteria.accepted_to:
        query = query.where(DossierRow.accepted_at < _day_start(criteria.accepted_to + dt.timedelta(days=1)))
    if criteria.due_today:
        query = query.where(DossierRow.status.in_(_RUNNING), DossierRow.due_at >= _day_start(at.date()),
                            DossierRow.due_at < _day_start(at.date() + dt.timedelta(days=1)))
    if criteria.overdue:
        query = query.where(DossierRow.status.in_(_RUNNING), DossierRow.due_at < at)
    if criteria.text.strip():
        query = matching(query, limits.text(criteria.text, limits.SEARCH), dialect)
    return query


def dossier_view(session: Session, row: DossierRow, at: dt.datetime) -> Dossier:
    """The whole dossier as a frozen dataclass (the session may close afterwards)."""
    procedure = to_procedure(session.get_one(ProcedureRow, row.procedure_id))
    status = Status(row.status)
    events = session.scalars(
        select(DossierEventRow).where(DossierEventRow.dossier_id == row.id)
        .order_by(DossierEventRow.device_time, DossierEventRow.seq)
    ).all()
    finished = row.result_ready_at
    shown = next((e.payload.get("shown") or [] for e in events if e.type == Action.RECEIVE.value), [])
    return Dossier(
        id=row.id, code=row.code, procedure=procedure, status=status, channel=Channel(row.channel),
        applicant=Person(
            full_name=row.applicant_name, id_number=row.applicant_id_number,
            date_of_birth=row.applicant_birth_date, sex=row.applicant_sex, address=row.applicant_address,
            phone=row.applicant_phone, email=row.applicant_email,
        ),
        submitter=_submitter(row.submitter),
        submitted_at=row.submitted_at, accepted_at=row.accepted_at, due_at=row.due_at,
        result_ready_at=row.result_ready_at, returned_at=row.returned_at,
        delivery=Delivery(row.delivery), delivery_address=row.delivery_address,
        postal_item_in=row.postal_item_in, fee_amount=row.fee_amount, fee_known=row.fee_known,
        fee_currency=row.fee_currency, case_number=row.case_number, shown_documents=tuple(shown),
        register_year=row.register_year, register_number=row.register_number,
        extension_count=row.extension_count, supplement_count=row.supplement_count,
        documents=tuple(
            ReceivedDocument(d.position, d.name, DocumentKind(d.kind), d.copies, d.pages, d.mandatory,
                             d.blob_sha256, d.signed, d.timestamp_pending, d.certify)
            for d in row.documents
        ),
        events=tuple(
            DossierEvent(e.id, Action(e.type), e.device_id, e.seq, e.device_time, e.actor, dict(e.payload))
            for e in events
        ),
        allowed_actions=tuple(allowed_actions(status)),
        overdue=clock_running(status) and is_overdue(row.due_at, at),
        timeliness=_timeliness(row.due_at, finished),
        missing_documents=tuple(_missing(procedure, row)),
    )


def _missing(procedure: Procedure, row: DossierRow) -> list[str]:
    try:
        case = procedure.case(row.case_number)
    except LookupError:
        return []
    return missing_documents(case, [d.name for d in row.documents])


def _timeliness(due: dt.datetime | None, finished: dt.datetime | None) -> Timeliness | None:
    return timeliness(due, finished) if due and finished else None


def _submitter(data: dict[str, object] | None) -> Person | None:
    if not data:
        return None
    birth = data.get("date_of_birth")
    return Person(**{**data, "date_of_birth": dt.date.fromisoformat(str(birth)) if birth else None})  # type: ignore[arg-type]


def _summary(row: DossierRow, procedure_name: str, at: dt.datetime) -> DossierSummary:
    status = Status(row.status)
    return DossierSummary(
        id=row.id, code=row.code, procedure_code=row.procedure_code, procedure_name=procedure_name,
        applicant_name=row.applicant_name, applicant_id_number=row.applicant_id_number, status=status,
        accepted_at=row.accepted_at, due_at=row.due_at,
        overdue=clock_running(status) and is_overdue(row.due_at, at), submitted_at=row.submitted_at,
    )


def _procedure_names(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(select(ProcedureRow.id, ProcedureRow.name).where(ProcedureRow.id.in_(ids)))
    return {row.id: row.name for row in rows}


def _day_start(day: dt.date) -> dt.datetime:
    return local(dt.datetime.combine(day, dt.time()))


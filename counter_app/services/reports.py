"""Reading the event log for a period and building the periodic report, and the dossiers behind a figure."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from itertools import groupby
from typing import Any

from sqlalchemy import String, or_, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.clock import local, now
from counter_app.errors import ValidationError
from counter_app.lifecycle import Action
from counter_app.model import DossierSummary
from counter_app.reports import figures as fig
from counter_app.reports.history import DossierFacts, EventRecord, facts_of
from counter_app.reports.periods import Period, months_of
from counter_app.reports.report import Catalogue, Report, assemble, matching
from counter_app.services.office import calendar_of, office_of
from counter_app.services.queries import summaries
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierEventRow, DossierRow, ProcedureRow

GROUPINGS = ("office", "field", "clerk", "procedure")
_PAYLOAD_READ = frozenset({Action.RECEIVE, Action.ACCEPT, Action.SUPPLEMENT_RECEIVED, Action.EXTEND,
                           Action.RETURN_RESULT, Action.FILE_DOCUMENT, Action.RATE, Action.POSTAL_FEE})
_EMPTY: dict[str, Any] = {}


def build_report(db: Database, period: Period, at: dt.datetime | None = None) -> Report:
    """The report for `period` (with the previous period beside it), as of `at` (default now)."""
    moment = local(at or now())
    earliest = period.previous()
    with db.read() as session:
        facts = load_facts(session, earliest.first, period.last)
        catalogue, calendar, office = _catalogue(session), calendar_of(session), office_of(session)
    trend = months_of(earliest) + months_of(period)
    return assemble(office.name, facts, period, moment, calendar, catalogue, trend)


def dossiers_behind(db: Database, period: Period, figure: str, grouping: str = "office", key: str = "",
                    at: dt.datetime | None = None) -> list[DossierSummary]:
    """The dossiers counted in `figure` for the row `key` of a breakdown (`grouping`), for the drill-down."""
    if figure not in fig.COUNTED or grouping not in GROUPINGS:
        raise ValidationError("report.unknown_figure", name=f"{grouping}/{figure}")
    moment = local(at or now())
    with db.read() as session:
        facts = load_facts(session, period.first, period.last)
        member = _member(grouping, key, _catalogue(session))
    ids = matching(facts, period, moment, figure, member)
    return summaries(db, ids, moment)


def load_facts(session: Session, first: dt.date, last: dt.date) -> list[DossierFacts]:
    """The facts of every dossier that may count in the days `first` … `last`: submitted before their end,
    and changed since their start or still open. Read as raw values (payloads decoded only for the event
    types whose payload a fact needs): the month report over 200,000 dossiers stays within two seconds."""
    window = Period(first, last, checked=False)  # the period asked for and the one before it
    relevant = select(DossierRow.id).where(
        DossierRow.submitted_at < window.end,
        or_(DossierRow.updated_at >= window.start, DossierRow.status.in_(fig.OPEN_STATUSES)),
    )
    rows = session.execute(
        select(type_coerce(DossierEventRow.dossier_id, String), DossierEventRow.type,
               type_coerce(DossierEventRow.device_time, String), DossierEventRow.actor,
               type_coerce(DossierEventRow.payload, String))
        .where(DossierEventRow.dossier_id.in_(relevant))
        .order_by(DossierEventRow.dossier_id, DossierEventRow.device_time, DossierEventRow.seq)
    )
    return [facts_of(_uuid(key), (_event(row) for row in events)) for key, events in groupby(rows, key=_first)]


def _first(row: Any) -> Any:
    return row[0]


def _event(row: Any) -> EventRecord:
    """A raw row (the drivers differ: SQLite gives text, PostgreSQL typed values) as an event record."""
    _key, kind, moment, actor, payload = row
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment).replace(tzinfo=dt.UTC)
    if kind not in _PAYLOAD_READ:
        payload = _EMPTY
    elif isinstance(payload, str):
        payload = json.loads(payload)
    return EventRecord(None, kind, moment, actor, payload)


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _catalogue(session: Session) -> Catalogue:
    rows = session.execute(select(ProcedureRow.code, ProcedureRow.name, ProcedureRow.field)
                           .order_by(ProcedureRow.effective_from)).all()
    return Catalogue({row.code: row.name for row in rows}, {row.code: row.field for row in rows})


def _member(grouping: str, key: str, catalogue: Catalogue) -> Callable[[DossierFacts], bool]:
    if grouping == "field":
        return lambda f: catalogue.field_of(f.procedure_code) == key
    if grouping == "clerk":
        return lambda f: (f.clerk or "—") == key
    if grouping == "procedure":
        return lambda f: f.procedure_code == key
    return lambda _f: True

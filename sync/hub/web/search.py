"""Finding dossiers across communes: the folded words of code, name, CCCD and phone (as the counters fold them,
đ → d included), and filters by commune, procedure, status, overdue and conflict."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, literal, select

from counter_app.clock import now
from counter_app.codes import looks_like_code
from counter_app.lifecycle import Status, clock_running, label
from counter_app.projection import decode
from counter_app.textfold import tokens
from sync.hub.store import Dossier, HubStore

PAGE_SIZE = 50
MAX_QUERY = 200
CHOICES_FOR_S = 60.0
_choices: dict[int, tuple[float, tuple[list[str], list[str]]]] = {}
RUNNING = tuple(status.value for status in Status if clock_running(status))


@dataclass(frozen=True)
class Filters:
    q: str = ""
    office: str = ""
    procedure: str = ""
    status: str = ""
    overdue: bool = False
    conflict: bool = False
    page: int = 1


@dataclass(frozen=True)
class Row:
    id: uuid.UUID
    code: str
    office_code: str
    applicant: str
    id_number: str
    procedure_code: str
    status: str
    status_label: str
    due_at: dt.datetime | None
    overdue: bool
    conflict: str


@dataclass(frozen=True)
class Found:
    rows: list[Row]
    more: bool


def search(store: HubStore, filters: Filters, at: dt.datetime | None = None) -> Found:
    """One page of the dossiers that match, the most recently changed first."""
    moment = at or now()
    page = max(1, min(filters.page, 10_000))
    query = _matching(select(Dossier), filters, moment).order_by(Dossier.updated_at.desc(), Dossier.id)
    with store.session() as session:
        found = session.scalars(query.offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE + 1)).all()
        rows = [to_row(dossier, moment) for dossier in found[:PAGE_SIZE]]
    return Found(rows, len(found) > PAGE_SIZE)


def choices(store: HubStore) -> tuple[list[str], list[str]]:
    """The communes (office codes) and procedure codes the hub holds dossiers of, for the filters (read again
    at most once a minute: both scan every dossier)."""
    moment = time.monotonic()
    cached = _choices.get(id(store))
    if cached is not None and moment - cached[0] < CHOICES_FOR_S:
        return cached[1]
    procedure = _field("procedure_code")
    with store.session() as session:
        offices = session.scalars(select(Dossier.office_code).distinct().order_by(Dossier.office_code)).all()
        procedures = session.scalars(select(procedure).distinct().where(procedure.is_not(None))
                                     .order_by(procedure)).all()
    found = list(offices), [str(code) for code in procedures if code]
    _choices[id(store)] = (moment, found)
    return found


def to_row(dossier: Dossier, moment: dt.datetime) -> Row:
    state: dict[str, Any] = dossier.state
    due = decode("due_at", state.get("due_at"))
    status = Status(dossier.status) if dossier.status in Status.__members__.values() else None
    return Row(id=dossier.id, code=dossier.code or "", office_code=dossier.office_code,
               applicant=str(state.get("applicant_name") or ""), id_number=str(state.get("applicant_id_number") or ""),
               procedure_code=str(state.get("procedure_code") or ""), status=dossier.status,
               status_label=label(status) if status else dossier.status, due_at=due,
               overdue=bool(status and clock_running(status) and due is not None and moment > due),
               conflict=dossier.conflict)


def _matching(query: Select[Any], filters: Filters, moment: dt.datetime) -> Select[Any]:
    words = tokens(filters.q[:MAX_QUERY])[:10]
    if looks_like_code(filters.q.strip().upper()):
        query = query.where(Dossier.code == filters.q.strip().upper())
    elif words:
        text = literal(" ") + _field("search_text")
        query = query.where(and_(*[text.contains(f" {word}", autoescape=True) for word in words]))
    if filters.office:
        query = query.where(Dossier.office_code == filters.office)
    if filters.procedure:
        query = query.where(_field("procedure_code") == filters.procedure)
    if filters.status:
        query = query.where(Dossier.status == filters.status)
    if filters.overdue:
        query = query.where(Dossier.status.in_(RUNNING), _field("due_at") < moment.astimezone(dt.UTC).isoformat())
    if filters.conflict:
        query = query.where(Dossier.conflict != "")
    return query


def _field(name: str) -> Any:
    return Dossier.state[name].as_string()

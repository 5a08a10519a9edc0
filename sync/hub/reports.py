"""The report's figures per commune office from the events the hub holds, so the province can compare them
(the same pure functions as the counter's report; the working calendar as the province published it)."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from counter_app.clock import local, now
from counter_app.reports import figures as fig
from counter_app.reports.history import EventRecord, facts_of
from counter_app.reports.periods import Period
from counter_app.reports.report import working_day_counter
from counter_app.workcal import DayKind, WorkCalendar, parse_calendar
from sync.hub.store import EVERY_OFFICE, Dossier, Event, FeedEntry, HubStore


def office_figures(store: HubStore, period: Period, offices: frozenset[str] | None = None,
                   at: dt.datetime | None = None) -> dict[str, Any]:
    """{"from", "to", "offices": {office code: figures}} for every office (or those in `offices`)."""
    moment = local(at or now())
    relevant = select(Dossier.id).where(or_(Dossier.updated_at >= period.start, Dossier.status.in_(fig.OPEN_STATUSES)))
    if offices is not None:
        relevant = relevant.where(Dossier.office_code.in_(offices))
    query = (select(Event.office_code, Event.dossier_id, Event.type, Event.device_time, Event.actor, Event.payload)
             .where(Event.dossier_id.in_(relevant))
             .order_by(Event.office_code, Event.dossier_id, Event.device_time, Event.received_at))
    result: dict[str, Any] = {}
    with store.session() as session:
        days = working_day_counter(_calendar(session))
        for office, rows in groupby(session.execute(query), key=lambda row: row.office_code):
            facts = [facts_of(dossier_id, (EventRecord(*row[1:]) for row in events))
                     for dossier_id, events in groupby(rows, key=lambda row: row.dossier_id)]
            result[office] = fig.compute(facts, period, moment, days).as_dict()
    return {"from": period.first.isoformat(), "to": period.last.isoformat(), "offices": result}


def _calendar(session: Session) -> WorkCalendar:
    """The national calendar with the corrections the province published to every office, latest last."""
    overrides: dict[dt.date, DayKind] = {}
    published = session.scalars(select(FeedEntry.data).where(FeedEntry.kind == "calendar",
                                                             FeedEntry.office_code == EVERY_OFFICE)
                                .order_by(FeedEntry.cursor))
    for data in published:
        overrides.update((o.day, o.kind) for o in parse_calendar(data))
    return WorkCalendar(overrides)

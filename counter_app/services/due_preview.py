"""What the intake screen needs to show the due date before accepting: the office's calendar and hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter_app.deadlines import OfficeHours, due_at
from counter_app.model import Channel, Procedure, procedure_channel
from counter_app.services.office import calendar_of, office_hours
from counter_app.storage.database import Database
from counter_app.workcal import WorkCalendar


@dataclass(frozen=True)
class DueRules:
    """Read once; `due(...)` is then pure and instant, so the screen recomputes it at every change."""

    calendar: WorkCalendar
    hours: OfficeHours

    def due(self, procedure: Procedure, case: int, channel: Channel, received: dt.datetime) -> dt.datetime:
        """The due moment slip 01 will print if the dossier is accepted at `received`."""
        limit = procedure.terms_for(case, procedure_channel(channel)).time_limit
        return due_at(self.calendar, self.hours, received, limit, procedure.cutoff_applies)


def due_rules(db: Database) -> DueRules:
    with db.read() as session:
        return DueRules(calendar_of(session), office_hours(session))

"""Deadline arithmetic: when the clock starts, the due date-time, and timeliness (trước/đúng/quá hạn)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from counter_app.clock import local
from counter_app.workcal import WorkCalendar


@dataclass(frozen=True)
class OfficeHours:
    """Opening and closing time, and the 15:00 cut-off of NĐ 61/2018 Điều 18 (a setting).

    "Sau 15 giờ" moves a dossier to the next working day: one received at exactly 15:00:00 is still
    same-day unless `cutoff_same_day` is switched off (then 15:00:00 itself already moves)."""

    opens: dt.time = dt.time(7, 30)
    closes: dt.time = dt.time(17, 0)
    cutoff: dt.time = dt.time(15, 0)
    cutoff_same_day: bool = True

    def after_cutoff(self, moment: dt.datetime) -> bool:
        time = local(moment).time()
        return time > self.cutoff if self.cutoff_same_day else time >= self.cutoff


class Timeliness(StrEnum):
    """The labels of the Phiếu kiểm soát and of the reports."""

    EARLY = "Trước hạn"
    ON_TIME = "Đúng hạn"
    LATE = "Quá hạn"


def clock_start(calendar: WorkCalendar, hours: OfficeHours, received: dt.datetime) -> dt.datetime:
    """When the processing time starts: reception time, or the next opening if received outside hours."""
    moment = local(received)
    day, time = moment.date(), moment.timetz().replace(tzinfo=None)
    if calendar.is_working_day(day) and time < hours.closes:
        return moment if time >= hours.opens else _at(day, hours.opens)
    return _at(calendar.next_working_day(day), hours.opens)


def due_at(
    calendar: WorkCalendar,
    hours: OfficeHours,
    received: dt.datetime,
    processing_days: int,
    cutoff_applies: bool,
) -> dt.datetime:
    """The due date-time printed on the slip.

    Same-day procedures (0 days) are due at closing time that day, or the next working day when the
    cut-off applies and the dossier came after 15:00 (15:00:00 itself is same-day by default). Others are
    due on the n-th following working day at the clock time the dossier was accepted.
    """
    start = clock_start(calendar, hours, received)
    if processing_days == 0:
        day = start.date()
        if cutoff_applies and hours.after_cutoff(start):
            day = calendar.next_working_day(day)
        return _at(day, hours.closes)
    day = calendar.add_working_days(start.date(), processing_days)
    return _at(day, start.time().replace(second=0, microsecond=0))


def timeliness(due: dt.datetime, finished: dt.datetime) -> Timeliness:
    """Early when finished on an earlier day, on time when by the due moment, late after it."""
    if finished > due:
        return Timeliness.LATE
    if local(finished).date() < local(due).date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME


def is_overdue(due: dt.datetime | None, now: dt.datetime) -> bool:
    return due is not None and now > due


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return local(dt.datetime.combine(day, time))

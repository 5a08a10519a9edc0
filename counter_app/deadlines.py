"""Deadline arithmetic: when the clock starts, the due date-time, and timeliness (trước/đúng/quá hạn)."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass
from enum import StrEnum

from counter_app.clock import local
from counter_app.errors import ValidationError
from counter_app.terms import TimeLimit, TimeUnit
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
    limit: TimeLimit,
    cutoff_applies: bool,
) -> dt.datetime:
    """The due date-time printed on the slip.

    Same-day procedures are due at closing time that day, or the next working day when the cut-off
    applies and the dossier came after 15:00 (15:00:00 itself is same-day by default). Working days: the
    n-th following working day at the clock time of acceptance (a fraction of a day counts as that share of
    the office's working hours). Hours count inside office hours on working days. Calendar days and months
    end on a working day.
    Raises ValidationError for a time limit that is not stated.
    """
    start = clock_start(calendar, hours, received)
    whole = int(limit.amount)
    if limit.unit is TimeUnit.SAME_DAY or (limit.unit is TimeUnit.WORKING_DAYS and limit.amount == 0):
        day = start.date()
        if cutoff_applies and hours.after_cutoff(start):
            day = calendar.next_working_day(day)
        return _at(day, hours.closes)
    if limit.unit is TimeUnit.WORKING_DAYS:
        day = calendar.add_working_days(start.date(), whole)
        due = _at(day, start.time().replace(second=0, microsecond=0))
        return add_working_hours(calendar, hours, due, (limit.amount - whole) * _day_hours(hours))
    if limit.unit is TimeUnit.HOURS:
        return add_working_hours(calendar, hours, start, limit.amount)
    if limit.unit is TimeUnit.CALENDAR_DAYS:
        return _on_working_day(calendar, start + dt.timedelta(days=limit.amount))
    if limit.unit is TimeUnit.MONTHS:
        return _on_working_day(calendar, _add_months(start, whole))
    raise ValidationError("procedure.time_not_stated", value=limit.text or "—")


def add_working_hours(
    calendar: WorkCalendar, hours: OfficeHours, start: dt.datetime, amount: float,
) -> dt.datetime:
    """`start` plus `amount` hours counted only inside office hours on working days."""
    moment = local(start)
    left = dt.timedelta(hours=amount)
    while left > dt.timedelta(0):
        day = moment.date()
        if not calendar.is_working_day(day) or moment.time() >= hours.closes:
            moment = _at(calendar.next_working_day(day), hours.opens)
            continue
        if moment.time() < hours.opens:
            moment = _at(day, hours.opens)
        available = _at(day, hours.closes) - moment
        step = min(available, left)
        moment, left = moment + step, left - step
    return moment.replace(second=0, microsecond=0)


def _day_hours(hours: OfficeHours) -> float:
    opens = dt.datetime.combine(dt.date.min, hours.opens)
    return (dt.datetime.combine(dt.date.min, hours.closes) - opens).total_seconds() / 3600


def _on_working_day(calendar: WorkCalendar, moment: dt.datetime) -> dt.datetime:
    day = moment.date()
    if calendar.is_working_day(day):
        return moment.replace(second=0, microsecond=0)
    return _at(calendar.next_working_day(day), moment.timetz().replace(tzinfo=None, second=0, microsecond=0))


def _add_months(moment: dt.datetime, months: int) -> dt.datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, monthrange(year, month)[1]))


def timeliness(due: dt.datetime, finished: dt.datetime) -> Timeliness:
    """Early when finished on an earlier day, on time when by the due moment, late after it."""
    if finished > due:
        return Timeliness.LATE
    if local(finished).date() < local(due).date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME


def is_overdue(due: dt.datetime | None, now: dt.datetime) -> bool:
    return due is not None and now > due


def days_overdue(due: dt.datetime | None, now: dt.datetime) -> int:
    """Calendar days since the due day for an overdue dossier (1 the day after it is due), else 0."""
    if not is_overdue(due, now):
        return 0
    assert due is not None
    return max(1, (local(now).date() - local(due).date()).days)


def is_due_today(due: dt.datetime | None, now: dt.datetime) -> bool:
    """Due later today (not yet overdue)."""
    return due is not None and now <= due and local(due).date() == local(now).date()


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return local(dt.datetime.combine(day, time))

"""Report periods: a day, week, month, quarter, year or custom range of days, and the one before it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from counter_app.clock import local
from counter_app.errors import ValidationError

MAX_DAYS = 2 * 366  # two years at most: a year beside the year before it


class PeriodKind(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


@dataclass(frozen=True)
class Period:
    """The days `first` … `last` (both included), in Vietnamese local time. A period asked for is `checked`
    against the limits; the ones derived from it (the previous period, the window read) are not."""

    first: dt.date
    last: dt.date
    kind: PeriodKind = PeriodKind.CUSTOM
    checked: bool = field(default=True, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.checked:
            return
        if self.last < self.first:
            raise ValidationError("report.range", start=self.first.isoformat(), end=self.last.isoformat())
        if (self.last - self.first).days > MAX_DAYS or not 2000 <= self.first.year <= self.last.year <= 2099:
            raise ValidationError("report.range_long", start=self.first.isoformat(), end=self.last.isoformat())

    @cached_property
    def start(self) -> dt.datetime:
        """The first moment of the period."""
        return local(dt.datetime.combine(self.first, dt.time()))

    @cached_property
    def end(self) -> dt.datetime:
        """The first moment after the period."""
        return local(dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time()))

    def holds(self, moment: dt.datetime | None) -> bool:
        return moment is not None and self.start <= moment < self.end

    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def previous(self) -> Period:
        """The period of the same kind just before (a custom range: the same number of days before)."""
        if self.kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
            return period_of(self.kind, self.first - dt.timedelta(days=1), checked=False)
        length = self.last - self.first + dt.timedelta(days=1)
        return Period(self.first - length, self.first - dt.timedelta(days=1), self.kind, checked=False)

    def label(self) -> str:
        if self.first == self.last:
            return f"{self.first:%d/%m/%Y}"
        return f"{self.first:%d/%m/%Y} – {self.last:%d/%m/%Y}"


def period_of(kind: PeriodKind, day: dt.date, checked: bool = True) -> Period:
    """The period of `kind` that holds `day` (weeks start on Monday)."""
    if kind is PeriodKind.WEEK:
        first = day - dt.timedelta(days=day.weekday())
        return Period(first, first + dt.timedelta(days=6), kind, checked)
    if kind is PeriodKind.MONTH:
        return Period(day.replace(day=1), _month_end(day.year, day.month), kind, checked)
    if kind is PeriodKind.QUARTER:
        month = 3 * ((day.month - 1) // 3) + 1
        return Period(dt.date(day.year, month, 1), _month_end(day.year, month + 2), kind, checked)
    if kind is PeriodKind.YEAR:
        return Period(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), kind, checked)
    return Period(day, day, PeriodKind.DAY if kind is PeriodKind.DAY else kind, checked)


def months_of(period: Period) -> list[Period]:
    """The calendar months the period touches, each cut to the period."""
    found, day = [], period.first
    while day <= period.last:
        month = period_of(PeriodKind.MONTH, day, checked=False)
        found.append(Period(max(month.first, period.first), min(month.last, period.last), PeriodKind.MONTH,
                            checked=False))
        day = month.last + dt.timedelta(days=1)
    return found


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def spanning(first: dt.date, last: dt.date) -> Period:
    """The days `first` … `last`, recognised as a whole week, month, quarter or year when they are one (so
    that the previous period is the calendar one before). The days asked for are checked, not the week or
    month around them."""
    asked = Period(first, last, PeriodKind.DAY if first == last else PeriodKind.CUSTOM)
    for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR, PeriodKind.WEEK):
        candidate = period_of(kind, first, checked=False)
        if (candidate.first, candidate.last) == (first, last):
            return Period(first, last, kind)
    return asked

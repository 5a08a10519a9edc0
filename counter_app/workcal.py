"""Vietnamese working-day calendar: the `holidays` package plus the office's override table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import holidays


class DayKind(StrEnum):
    """An override: a day off the package does not know, or a working day it does not know."""

    OFF = "off"
    WORKING = "working"


@dataclass(frozen=True)
class CalendarOverride:
    """One admin-entered or hub-pushed correction to the national calendar."""

    day: dt.date
    kind: DayKind
    note: str = ""


def parse_calendar(data: Any) -> list[CalendarOverride]:
    """`{"days": [{"day": "2026-12-31", "kind": "off"|"working", "note": "…"}]}` as overrides; ValueError
    naming the first bad entry."""
    if not isinstance(data, dict) or not isinstance(data.get("days"), list):
        raise ValueError("expected an object with a 'days' list")
    found = []
    for number, entry in enumerate(data["days"], start=1):
        try:
            found.append(CalendarOverride(dt.date.fromisoformat(str(entry["day"])), DayKind(str(entry["kind"])),
                                          str(entry.get("note", ""))[:300]))
        except (KeyError, ValueError, TypeError) as error:
            raise ValueError(f"day {number}: {error}") from error
    return found


@dataclass
class WorkCalendar:
    """Answers whether a date is a working day, and counts and adds working days."""

    overrides: Mapping[dt.date, DayKind] = field(default_factory=dict)
    _national: Any = field(default=None, init=False, repr=False)

    @classmethod
    def with_overrides(cls, overrides: Iterable[CalendarOverride]) -> WorkCalendar:
        return cls({o.day: o.kind for o in overrides})

    def __post_init__(self) -> None:
        self._national = holidays.country_holidays("VN", language="vi")

    def is_working_day(self, day: dt.date) -> bool:
        """Mon–Fri except holidays and nghỉ bù, plus make-up Saturdays, corrected by the overrides."""
        override = self.overrides.get(day)
        if override is not None:
            return override is DayKind.WORKING
        return bool(self._national.is_working_day(day))

    def holiday_name(self, day: dt.date) -> str | None:
        name = self._national.get(day)
        return str(name) if name else None

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        candidate = day + dt.timedelta(days=1)
        while not self.is_working_day(candidate):
            candidate += dt.timedelta(days=1)
        return candidate

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `day` (`day` itself not counted); `day` when count is 0."""
        if count < 0:
            raise ValueError("count must not be negative")
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie in (start, end]."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working_day(day)
        return count

"""Time in Vietnam (UTC+7, no daylight saving) and parsing of the dates a clerk types."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from counter_app.errors import ValidationError

VN_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")
FIRST_YEAR, LAST_YEAR = 1900, 2099  # a typed date outside these years is a typing mistake
_Day = TypeVar("_Day", dt.date, dt.datetime)


def now() -> dt.datetime:
    """The current time, aware, in Vietnam."""
    return dt.datetime.now(VN_TZ)


def local(moment: dt.datetime) -> dt.datetime:
    """`moment` seen in Vietnam; a naive value is taken to be Vietnamese local time already."""
    return moment.replace(tzinfo=VN_TZ) if moment.tzinfo is None else moment.astimezone(VN_TZ)


def parse_local(text: str) -> dt.datetime:
    """'YYYY-MM-DD HH:MM' (or ISO with 'T') as Vietnamese local time."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("input.date", value=text[:40]) from None
    return local(_in_range(moment, text))


def parse_day(text: str) -> dt.date:
    """'YYYY-MM-DD' as a date."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("input.day", value=text[:40]) from None
    return _in_range(day, text)


def _in_range(value: _Day, text: str) -> _Day:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError("input.year", value=text[:40], low=FIRST_YEAR, high=LAST_YEAR)
    return value

"""Time in Vietnam (UTC+7, no daylight saving) and parsing of the dates a clerk types."""

from __future__ import annotations

import datetime as dt

from counter_app.errors import ValidationError

VN_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")


def now() -> dt.datetime:
    """The current time, aware, in Vietnam."""
    return dt.datetime.now(VN_TZ)


def local(moment: dt.datetime) -> dt.datetime:
    """`moment` seen in Vietnam; a naive value is taken to be Vietnamese local time already."""
    return moment.replace(tzinfo=VN_TZ) if moment.tzinfo is None else moment.astimezone(VN_TZ)


def parse_local(text: str) -> dt.datetime:
    """'YYYY-MM-DD HH:MM' (or ISO with 'T') as Vietnamese local time."""
    try:
        return local(dt.datetime.fromisoformat(text.strip()))
    except ValueError:
        raise ValidationError("input.date", value=text) from None


def parse_day(text: str) -> dt.date:
    """'YYYY-MM-DD' as a date."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("input.date", value=text) from None

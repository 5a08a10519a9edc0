"""How the web screen writes moments and days: the province's local time, Vietnamese order."""

from __future__ import annotations

import datetime as dt

from counter_app.clock import local


def when(value: dt.datetime | None) -> str:
    """dd/mm/yyyy HH:MM in local time ('' for none)."""
    return local(value).strftime("%d/%m/%Y %H:%M") if value is not None else ""


def day(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    return (local(value) if isinstance(value, dt.datetime) else value).strftime("%d/%m/%Y")

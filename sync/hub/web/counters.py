"""The counters' health page: each enrolled counter's last contact, oldest unsent item, version and last backup,
as it reported them, with what needs a look marked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response

from counter_app.backup.policy import DEFAULT_STALE_DAYS
from counter_app.clock import now
from sync.hub.device_health import CounterHealth, counters
from sync.hub.web.pages import MenuItem, Viewer, render, store_of

router = APIRouter()
MENU = (MenuItem("/counters", "Quầy"),)
SILENT_AFTER = dt.timedelta(days=1)
UNSENT_AFTER = dt.timedelta(days=1)
BACKUP_AFTER = dt.timedelta(days=DEFAULT_STALE_DAYS)


@dataclass(frozen=True)
class Line:
    counter: CounterHealth
    silent: bool
    stuck: bool
    unbacked: bool


def judged(counter: CounterHealth, moment: dt.datetime) -> Line:
    """The counter with what is late marked: no contact for a day, an item unsent for a day, an old backup."""
    def older(at: dt.datetime | None, limit: dt.timedelta) -> bool:
        return at is not None and moment - at > limit

    return Line(counter, counter.reported_at is None or older(counter.reported_at, SILENT_AFTER),
                older(counter.oldest_unsent_at, UNSENT_AFTER),
                counter.reported_at is not None and (counter.last_backup_at is None
                                                     or older(counter.last_backup_at, BACKUP_AFTER)))


@router.get("/counters")
def counter_list(request: Request, signed: Viewer) -> Response:
    moment = now()
    lines = [judged(counter, moment) for counter in counters(store_of(request))]
    return render(request, "counters.html", signed, lines=lines, backup_days=DEFAULT_STALE_DAYS)

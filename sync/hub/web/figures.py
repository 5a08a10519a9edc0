"""Per-commune figures for a period, from the events the hub holds (the report's own functions)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from counter_app.clock import local, now
from counter_app.errors import CounterError
from counter_app.reports.labels import FIGURE_LABELS
from counter_app.reports.periods import spanning
from sync.hub.reports import office_figures
from sync.hub.web.pages import MenuItem, Viewer, render, store_of

router = APIRouter()
MENU = (MenuItem("/figures", "Số liệu"),)
COLUMNS = ("received", "settled", "on_time_share", "settled_late", "open_overdue", "supplement_requested",
           "refused", "digitised_share", "returned", "satisfaction_share")


@router.get("/figures")
def figures_page(request: Request, signed: Viewer, start: str = "", end: str = "") -> Response:
    today = local(now()).date()
    error, table, total = "", [], None
    try:
        first = _day(start, today.replace(day=1))
        last = _day(end, today)
        period = spanning(first, last)
        result = office_figures(store_of(request), period)
        table = sorted(result["offices"].items())
        total = _total(table)
    except CounterError as problem:
        error, first, last = problem.message("vi"), today.replace(day=1), today
    except ValueError:
        error, first, last = "Ngày phải có dạng YYYY-MM-DD.", today.replace(day=1), today
    return render(request, "figures.html", signed, 422 if error else 200, error=error, start=first.isoformat(),
                  end=last.isoformat(), table=table, total=total,
                  columns=[(name, FIGURE_LABELS[name][0]) for name in COLUMNS])


def _day(text: str, default: dt.date) -> dt.date:
    return dt.date.fromisoformat(text.strip()[:10]) if text.strip() else default


def _total(table: list[tuple[str, dict[str, Any]]]) -> dict[str, Any] | None:
    """The counts summed over the communes (shares are not summed: left blank)."""
    if not table:
        return None
    return {name: sum(row[name] for _, row in table) if not name.endswith("_share") else None
            for name in COLUMNS}

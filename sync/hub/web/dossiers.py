"""The dossier pages: search across communes with filters."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from counter_app.lifecycle import STATUS_LABELS
from sync.hub.web.pages import MenuItem, Viewer, render, store_of
from sync.hub.web.search import Filters, choices, search

router = APIRouter()
MENU = (MenuItem("/dossiers", "Hồ sơ"),)


@router.get("/dossiers")
def dossier_list(request: Request, signed: Viewer, q: Annotated[str, Query(max_length=200)] = "",
                 office: Annotated[str, Query(max_length=35)] = "",
                 procedure: Annotated[str, Query(max_length=40)] = "",
                 status: Annotated[str, Query(max_length=30)] = "", overdue: bool = False, conflict: bool = False,
                 page: Annotated[int, Query(ge=1, le=10_000)] = 1, notice: str = "") -> Response:
    filters = Filters(q, office, procedure, status, overdue, conflict, page)
    store = store_of(request)
    offices, procedures = choices(store)
    found = search(store, filters)
    return render(request, "dossiers.html", signed, filters=filters, found=found, offices=offices,
                  procedures=procedures, statuses=[(s.value, vi) for s, (vi, _) in STATUS_LABELS.items()],
                  notice=notice[:200], pager=lambda number: _page_link(filters, number))


def _page_link(filters: Filters, number: int) -> str:
    values = {key: value for key, value in asdict(filters).items() if value} | {"page": number}
    return urlencode({key: str(value).lower() if isinstance(value, bool) else value for key, value in values.items()})

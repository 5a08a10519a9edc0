"""The dossier pages: search across communes with filters; one dossier with its history, scans and the
province's actions."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from counter_app.errors import CounterError, NotFound
from counter_app.lifecycle import STATUS_LABELS
from sync.hub.admin import decide
from sync.hub.web.audit import latest, record
from sync.hub.web.dossier_view import has_document, view
from sync.hub.web.pages import NOTICES, MenuItem, OfficerPost, Viewer, redirect, render, store_of
from sync.hub.web.search import Filters, choices, search
from sync.hub.web.sessions import Signed

router = APIRouter()
MENU = (MenuItem("/dossiers", "Hồ sơ"),)
NOTICES["action-done"] = "Đã ghi quyết định của tỉnh; các quầy của xã nhận được ở lần đồng bộ tới."


@router.get("/dossiers")
def dossier_list(request: Request, signed: Viewer, q: Annotated[str, Query(max_length=200)] = "",
                 office: Annotated[str, Query(max_length=35)] = "",
                 procedure: Annotated[str, Query(max_length=40)] = "",
                 status: Annotated[str, Query(max_length=30)] = "", overdue: bool = False, conflict: bool = False,
                 page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
    filters = Filters(q, office, procedure, status, overdue, conflict, page)
    store = store_of(request)
    offices, procedures = choices(store)
    found = search(store, filters)
    return render(request, "dossiers.html", signed, filters=filters, found=found, offices=offices,
                  procedures=procedures, statuses=[(s.value, vi) for s, (vi, _) in STATUS_LABELS.items()],
                  pager=lambda number: _page_link(filters, number))


def _page_link(filters: Filters, number: int) -> str:
    values = {key: value for key, value in asdict(filters).items() if value} | {"page": number}
    return urlencode({key: str(value).lower() if isinstance(value, bool) else value for key, value in values.items()})


@router.get("/dossiers/{dossier_id}")
def dossier_page(request: Request, signed: Viewer, dossier_id: uuid.UUID) -> Response:
    return _dossier(request, signed, dossier_id)


def _dossier(request: Request, signed: Signed, dossier_id: uuid.UUID, error: str = "") -> Response:
    store = store_of(request)
    try:
        shown = view(store, dossier_id)
    except NotFound as problem:
        return render(request, "error.html", signed, 404, message=problem.message("vi"))
    return render(request, "dossier.html", signed, 422 if error else 200, view=shown, error=error,
                  history=latest(store, subject=str(dossier_id), limit=50))


@router.get("/dossiers/{dossier_id}/documents/{sha256}")
def document(request: Request, _signed: Viewer, dossier_id: uuid.UUID,
             sha256: Annotated[str, Path(pattern="^[0-9a-f]{64}$")]) -> Response:
    """The scan itself, shown by the browser's PDF viewer (never a download of something else)."""
    store = store_of(request)
    if not has_document(store, dossier_id, sha256) or not store.blobs.exists(sha256):
        raise HTTPException(404, "Bản số hóa chưa về tới tỉnh.")
    return StreamingResponse(store.blobs.chunks(sha256), media_type="application/pdf",
                             headers={"Content-Disposition": f'inline; filename="{sha256[:12]}.pdf"',
                                      "X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=300"})


@router.post("/dossiers/{dossier_id}/actions/{command}")
def act(request: Request, signed: OfficerPost, dossier_id: uuid.UUID,
        command: Annotated[str, Path(max_length=40)], reason: Annotated[str, Form(max_length=2000)] = "",
        note: Annotated[str, Form(max_length=2000)] = "") -> Response:
    """A province action, through the same service as `hub set-status`; audited with the user's name."""
    store, who = store_of(request), signed.person.username
    try:
        done = decide(store, str(dossier_id), command, who, reason, note)
    except CounterError as problem:
        return _dossier(request, signed, dossier_id, problem.message("vi"))
    record(store, who, f"dossier.{command}", str(dossier_id),
           {"code": done["code"], "status": done["status"]} | ({"reason": reason} if reason else {})
           | ({"note": note} if note else {}))
    return redirect(f"/dossiers/{dossier_id}", "action-done")

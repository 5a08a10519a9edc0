"""Conflicts to resolve: dossiers where a counter's event met a province decision it could not follow. An
officer looks, acts on the dossier if needed, and marks the conflict resolved with a note (audited)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from counter_app.errors import CounterError, NotFound, ValidationError
from sync.hub.store import Dossier, HubStore
from sync.hub.web.audit import append
from sync.hub.web.pages import NOTICES, MenuItem, OfficerPost, Viewer, redirect, render, store_of
from sync.hub.web.search import Filters, search

router = APIRouter()
MENU = (MenuItem("/conflicts", "Xung đột"),)
NOTICES["conflict-resolved"] = "Đã ghi: xung đột được xử lý."


@router.get("/conflicts")
def conflict_list(request: Request, signed: Viewer, page: int = 1) -> Response:
    found = search(store_of(request), Filters(conflict=True, page=max(1, min(page, 10_000))))
    return render(request, "conflicts.html", signed, found=found, page=page)


@router.post("/conflicts/{dossier_id}/resolve")
def resolve(request: Request, signed: OfficerPost, dossier_id: uuid.UUID,
            note: Annotated[str, Form(max_length=2000)] = "") -> Response:
    try:
        resolve_conflict(store_of(request), dossier_id, signed.person.username, note)
    except CounterError as problem:
        found = search(store_of(request), Filters(conflict=True))
        return render(request, "conflicts.html", signed, 422, found=found, page=1, error=problem.message("vi"))
    return redirect("/conflicts", "conflict-resolved")


def resolve_conflict(store: HubStore, dossier_id: uuid.UUID, username: str, note: str) -> None:
    """Clear the dossier's conflict, keeping what it said and the officer's note in the audit log."""
    text = note.strip()
    if not text:
        raise ValidationError("lifecycle.reason_required")
    with store.session() as session:
        dossier = session.get(Dossier, dossier_id, with_for_update=True)
        if dossier is None or not dossier.conflict:
            raise NotFound("dossier.not_found", ref=str(dossier_id))
        append(session, username, "conflict.resolve", str(dossier_id),
               {"code": dossier.code, "conflict": dossier.conflict, "note": text[:500]})
        dossier.conflict = ""

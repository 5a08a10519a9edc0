"""The forwarding page: how many messages to the province's system are waiting, sent or given up, and the dead
letters with the portal's reason; an administrator sends them again (audited)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from counter_app.errors import CounterError
from counter_app.lifecycle import ACTION_LABELS, Action
from sync.hub import portal_outbox, portal_settings
from sync.hub.portal_shape import DOSSIER_SERVICE
from sync.hub.web.audit import LABELS, record
from sync.hub.web.pages import NOTICES, AdministratorPost, MenuItem, Viewer, redirect, render, store_of
from sync.hub.web.sessions import Signed

router = APIRouter()
MENU = (MenuItem("/portal", "Chuyển lên tỉnh"),)
NOTICES["portal-requeued"] = "Đã đưa thư lỗi trở lại hàng đợi; lần chuyển tới sẽ gửi lại."
LABELS["portal.retry"] = "gửi lại thư lỗi lên hệ thống của tỉnh"
SERVICES = {DOSSIER_SERVICE: "Hồ sơ (DongBoHoSoMC)", "CapNhatTienDoHoSoMC": "Tiến độ (CapNhatTienDoHoSoMC)"}


@router.get("/portal")
def portal_page(request: Request, signed: Viewer) -> Response:
    return _page(request, signed)


def _page(request: Request, signed: Signed, error: str = "") -> Response:
    store = store_of(request)
    try:
        settings = portal_settings.load(store.data_dir)
        endpoint = settings.url if settings else ""
    except CounterError as problem:
        endpoint, error = "", error or problem.message("vi")
    dead = portal_outbox.letters(store)
    return render(request, "portal.html", signed, 422 if error else 200,
                  counts=portal_outbox.counts(store), endpoint=endpoint, dead=dead, error=error,
                  services=SERVICES, step=_step)


def _step(event_type: str) -> str:
    try:
        return ACTION_LABELS[Action(event_type)][0]
    except (KeyError, ValueError):
        return event_type


@router.post("/portal/retry")
def retry(request: Request, signed: AdministratorPost, letter: Annotated[str, Form(max_length=20)] = "all") -> Response:
    """Put one dead letter (or all) back in line; audited with the administrator's name."""
    store, who = store_of(request), signed.person.username
    try:
        count = portal_outbox.retry(store, None if letter == "all" else _number(letter))
    except CounterError as problem:
        return _page(request, signed, problem.message("vi"))
    record(store, who, "portal.retry", letter, {"requeued": count})
    return redirect("/portal", "portal-requeued")


def _number(text: str) -> int:
    if not text.isdigit():
        raise CounterError("portal.no_item", ref=text)
    return int(text)

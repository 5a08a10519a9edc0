"""Enrolment codes for new counters: an administrator asks for one per office (shown once, only its hash is
kept) and sees which codes are still open, used or expired."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import select

from counter_app.clock import now
from counter_app.errors import CounterError
from sync.hub.auth import issue_enrolment
from sync.hub.store import Enrolment, HubStore
from sync.hub.web.audit import record
from sync.hub.web.pages import Administrator, AdministratorPost, MenuItem, render, store_of
from sync.hub.web.sessions import Signed
from sync.hub.web.users import Role

router = APIRouter()
MENU = (MenuItem("/enrolment", "Đăng ký quầy", Role.ADMINISTRATOR),)


@dataclass(frozen=True)
class Issued:
    office_code: str
    expires_at: dt.datetime
    used_by: uuid.UUID | None
    expired: bool


def issued(store: HubStore, limit: int = 100) -> list[Issued]:
    """The newest codes first (by expiry), with whether each was used or has expired."""
    moment = now()
    with store.session() as session:
        rows = session.scalars(select(Enrolment).order_by(Enrolment.expires_at.desc()).limit(limit)).all()
        return [Issued(row.office_code, row.expires_at, row.used_by, row.expires_at < moment) for row in rows]


@router.get("/enrolment")
def enrolment_page(request: Request, signed: Administrator) -> Response:
    return _page(request, signed)


@router.post("/enrolment")
def new_code(request: Request, signed: AdministratorPost,
             office: Annotated[str, Form(max_length=40)] = "") -> Response:
    store = store_of(request)
    try:
        code = issue_enrolment(store, office)
    except CounterError as problem:
        return _page(request, signed, 422, error=problem.message("vi"), office=office)
    record(store, signed.person.username, "enrolment.issue", office.strip().upper(), {})
    return _page(request, signed, code=code, office=office.strip().upper())


def _page(request: Request, signed: Signed, status: int = 200, **context: str) -> Response:
    return render(request, "enrolment.html", signed, status, codes=issued(store_of(request)), **context)

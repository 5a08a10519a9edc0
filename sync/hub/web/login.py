"""Logging in and out of the web screen: a CSRF-protected form, the rate limit, a session cookie that is
Secure, HttpOnly, SameSite=Lax and host-only."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from counter_app.errors import AuthError
from sync.hub.store import HubStore
from sync.hub.web import audit, sessions
from sync.hub.web.pages import COOKIE, ViewerPost, redirect, render, signed_in, store_of
from sync.hub.web.users import check_password, person

LOGIN_COOKIE = "__Host-hub_login"
router = APIRouter()
MENU = ()


@router.get("/")
def home() -> Response:
    return redirect("/dossiers")


@router.get("/login")
def login_form(request: Request, next: str = "/dossiers") -> Response:
    if signed_in(request) is not None:
        return redirect(next)
    return _form(request, next[:300])


@router.post("/login")
async def login(request: Request, username: Annotated[str, Form(max_length=200)] = "",
                password: Annotated[str, Form(max_length=1000)] = "",
                csrf_token: Annotated[str, Form(max_length=100)] = "",
                next: Annotated[str, Form(max_length=300)] = "/dossiers") -> Response:
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not hmac.compare_digest(csrf_token.encode(), expected.encode()):
        return _form(request, next, "Trang đăng nhập đã cũ (thiếu mã CSRF). Hãy nhập lại.", 403)
    store, address = store_of(request), request.client.host if request.client else "?"
    wait = await run_in_threadpool(sessions.wait_before_login, store, username, address)
    if wait:
        return _form(request, next, f"Đăng nhập sai quá nhiều lần. Hãy thử lại sau {wait} phút.", 429, username)
    try:
        person = await run_in_threadpool(check_password, store, username, password)
    except AuthError as error:
        await run_in_threadpool(sessions.failed, store, username, address)
        return _form(request, next, error.message("vi"), 401, username)
    token = await run_in_threadpool(_open, store, person.username, address)
    response = redirect(next)
    response.set_cookie(COOKIE, token, httponly=True, secure=True, samesite="lax", path="/")
    response.delete_cookie(LOGIN_COOKIE, path="/", secure=True, httponly=True, samesite="lax")
    return response


@router.post("/logout")
def logout(request: Request, signed: ViewerPost) -> Response:
    store = store_of(request)
    sessions.end(store, request.cookies.get(COOKIE))
    audit.record(store, signed.person.username, "logout", signed.person.username, {})
    response = redirect("/login", "logged-out")
    response.delete_cookie(COOKIE, path="/", secure=True, httponly=True, samesite="lax")
    return response


def _open(store: HubStore, username: str, address: str) -> str:
    sessions.succeeded(store, username)
    who = person(store, username)
    assert who is not None
    audit.record(store, username, "login", username, {"address": address})
    return sessions.start(store, who)


def _form(request: Request, target: str, error: str = "", status: int = 200, username: str = "") -> Response:
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(32)
    response = render(request, "login.html", None, status, login_csrf=token, next=target, error=error,
                      username=username[:100])
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, secure=True, samesite="strict", path="/",
                        max_age=3600)
    return response

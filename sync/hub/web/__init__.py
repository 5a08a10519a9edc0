"""The province's web screen, served by the hub: server-rendered pages (Jinja2, plain forms), province users
with roles, every action audited. Each page module has a `router` and a `MENU`; add one to PAGES to serve it."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from sync.hub.store import HubStore
from sync.hub.web import conflicts, counters, dossiers, enrolment, figures, login, portal, publish
from sync.hub.web.pages import MENU, Forbidden, LoginRequired, redirect, render, signed_in
from sync.hub.web.publish import MAX_UPLOAD_BYTES, UPLOAD_PATH
from sync.hub.web.tables import ensure_tables

__all__ = ["MAX_UPLOAD_BYTES", "UPLOAD_PATH", "install"]
PAGES = (login, dossiers, conflicts, counters, figures, publish, enrolment, portal)


def install(app: FastAPI, store: HubStore) -> None:
    """Serve the pages of every module in PAGES (and /static) on `app`."""
    ensure_tables(store)
    MENU.clear()
    for module in PAGES:
        app.include_router(module.router, include_in_schema=False)  # pages, not the API
        MENU.extend(module.MENU)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")

    @app.exception_handler(LoginRequired)
    async def _login(_request: Request, error: LoginRequired) -> Response:
        return redirect(f"/login?next={_quoted(error.target)}")

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, error: Forbidden) -> Response:
        return render(request, "error.html", signed_in(request), 403, message=error.reason)


def _quoted(target: str) -> str:
    from urllib.parse import quote  # noqa: PLC0415

    return quote(target, safe="/")

"""What every page of the web screen shares: the signed-in user (by role), CSRF-checked forms, the menu, and
rendering a template with the security headers every answer carries."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from sync.hub.store import HubStore
from sync.hub.web import sessions
from sync.hub.web.formats import day, when
from sync.hub.web.sessions import Signed
from sync.hub.web.users import Role

COOKIE = "__Host-hub_session"
CSRF_FIELD = "csrf_token"
HEADERS = {"Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'; "
                                      "form-action 'self'; base-uri 'none'",
           "X-Frame-Options": "SAMEORIGIN", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
           "Cache-Control": "no-store"}
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


@dataclass(frozen=True)
class MenuItem:
    """One entry of the menu: shown to users of at least `role`."""

    path: str
    label: str
    role: Role = Role.VIEWER


MENU: list[MenuItem] = []  # filled by sync.hub.web.install from each page module's MENU
NOTICES: dict[str, str] = {"logged-out": "Đã đăng xuất."}  # ?notice=KEY shows one of these (never free text)


class LoginRequired(Exception):
    """No valid session: the page answers with a redirect to /login."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


class Forbidden(Exception):
    """Signed in, but the role (or the form's CSRF token) does not allow this."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def store_of(request: Request) -> HubStore:
    store: HubStore = request.app.state.store
    return store


def signed_in(request: Request) -> Signed | None:
    return sessions.find(store_of(request), request.cookies.get(COOKIE))


def _role(needed: Role) -> Callable[[Request], Signed]:
    def dependency(request: Request) -> Signed:
        signed = signed_in(request)
        if signed is None:
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            raise LoginRequired(target if request.method == "GET" else "/")
        if not signed.person.may(needed):
            raise Forbidden("Vai trò của bạn không được làm việc này.")
        return signed
    return dependency


def _posted(needed: Role) -> Callable[..., Signed]:
    check = _role(needed)

    def dependency(request: Request, csrf_token: Annotated[str, Form(max_length=100)] = "") -> Signed:
        signed = check(request)
        if not hmac.compare_digest(csrf_token.encode(), signed.csrf.encode()):
            raise Forbidden("Biểu mẫu đã cũ hoặc không phải từ trang này (thiếu mã CSRF). Hãy tải lại trang.")
        return signed
    return dependency


Viewer = Annotated[Signed, Depends(_role(Role.VIEWER))]
Officer = Annotated[Signed, Depends(_role(Role.OFFICER))]
Administrator = Annotated[Signed, Depends(_role(Role.ADMINISTRATOR))]
ViewerPost = Annotated[Signed, Depends(_posted(Role.VIEWER))]
OfficerPost = Annotated[Signed, Depends(_posted(Role.OFFICER))]
AdministratorPost = Annotated[Signed, Depends(_posted(Role.ADMINISTRATOR))]


def render(request: Request, template: str, signed: Signed | None, status_code: int = 200,
           **context: Any) -> HTMLResponse:
    """The page `template` with the menu for `signed`'s role and its CSRF token for the forms."""
    menu = [item for item in MENU if signed is not None and signed.person.may(item.role)]
    notice = NOTICES.get(request.query_params.get("notice", ""), "")
    values = {"me": signed.person if signed else None, "csrf": signed.csrf if signed else "", "menu": menu,
              "here": request.url.path, "notice": notice, **context}
    return templates.TemplateResponse(request, template, values, status_code=status_code, headers=HEADERS)


def redirect(target: str, notice: str = "") -> RedirectResponse:
    """303 to `target` (a path of this site), with the key of a notice (NOTICES) for the next page."""
    place = target if target.startswith("/") and not target.startswith("//") else "/"
    if notice:
        place += ("&" if "?" in place else "?") + "notice=" + quote(notice)
    return RedirectResponse(place, status_code=303, headers=HEADERS)


templates.env.filters["when"] = when
templates.env.filters["day"] = day


def protect(response: Response) -> Response:
    response.headers.update(HEADERS)
    return response

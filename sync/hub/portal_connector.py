"""Talking to the province's one-stop system (or the LGSP adapter in front of the national portal): log in for a
session, post one message, and say what the answer means — delivered, try again later, or never (a dead
letter). The answer's conventions (`error_code` "0"/"00" for success, `session` from the log-in) are [W]."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from typing import Any

import httpx

from counter_app.errors import CounterError
from counter_app.messages import render
from sync.hub.portal_settings import PortalSettings

_RETRY_STATUSES = frozenset({408, 425, 429})


class PortalStop(CounterError):
    """The whole pass must stop (the portal cannot be reached, or refuses our log-in); no item is charged."""


@dataclass(frozen=True)
class Answer:
    delivered: bool
    permanent: bool = False
    note: str = ""  # for a failure, why (Vietnamese); for a duplicate, that it was one
    stop: bool = False  # the portal is struggling (it timed out): charge this item, send nothing more now


class PortalConnector:
    """One HTTP client for one pass of the forwarder."""

    def __init__(self, settings: PortalSettings, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.session = ""
        verify: Any = ssl.create_default_context(cafile=settings.ca_bundle) if settings.ca_bundle else True
        self.http = httpx.Client(timeout=settings.timeout_seconds, transport=transport, verify=verify,
                                 headers={"User-Agent": "Counter-hub-forwarder/1", "Accept": "application/json"})

    def close(self) -> None:
        self.http.close()

    def login(self) -> None:
        """Get a session when the settings name a log-in endpoint; PortalStop when that fails."""
        settings = self.settings
        if not settings.auth_url:
            return
        response = self._post(settings.auth_url, {"username": settings.username, "password": settings.password()})
        data = _json(response)
        code = str((data or {}).get("error_code", ""))
        if response.status_code != 200 or code not in settings.ok_codes or not (data or {}).get("session"):
            raise PortalStop("portal.login_failed", status=response.status_code, code=code or "-")
        self.session = str(data["session"]) if data else ""

    def send(self, body: dict[str, Any]) -> Answer:
        """Post one message (its `session` filled in here); log in again once if the session has expired. A
        timeout charges the message (it may be the cause) and stops the pass; a refused connection only stops
        it (PortalStop)."""
        try:
            response = self._post(self.settings.url, {**body, "session": self.session})
            if response.status_code in (401, 403) and self.settings.auth_url:
                self.login()
                response = self._post(self.settings.url, {**body, "session": self.session})
        except PortalStop as error:
            if error.key != "portal.timeout":
                raise
            return Answer(False, note=error.message("vi"), stop=True)
        return self._meaning(response)

    def _post(self, url: str, body: dict[str, Any]) -> httpx.Response:
        try:
            return self.http.post(url, json=body)
        except httpx.TimeoutException as error:
            raise PortalStop("portal.timeout", seconds=f"{self.settings.timeout_seconds:g}") from error
        except httpx.TransportError as error:
            raise PortalStop("portal.unreachable", reason=_reason(error)) from error

    def _meaning(self, response: httpx.Response) -> Answer:
        status = response.status_code
        if status in (401, 403):
            raise PortalStop("portal.login_failed", status=status, code="-")
        if status >= 500 or status in _RETRY_STATUSES:
            return Answer(False, note=render("portal.http", "vi", status=status, detail=_text(response)))
        if status >= 400:
            return Answer(False, permanent=True,
                          note=render("portal.http", "vi", status=status, detail=_text(response)))
        data = _json(response)
        if data is None:
            return Answer(False, note=render("portal.not_json", "vi", status=status))
        code = str(data.get("error_code", ""))
        if code in self.settings.ok_codes:
            return Answer(True)
        if code in self.settings.duplicate_codes:
            return Answer(True, note=render("portal.duplicate", "vi", code=code))
        return Answer(False, note=render("portal.code", "vi", code=code or "-", detail=_message(data)))


def _json(response: httpx.Response) -> dict[str, Any] | None:
    try:
        data = response.json()
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _message(data: dict[str, Any]) -> str:
    return str(data.get("message") or data.get("error_message") or data.get("msg") or "")[:300]


def _text(response: httpx.Response) -> str:
    data = _json(response)
    return _message(data) if data else response.text[:200]


def _reason(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:200]

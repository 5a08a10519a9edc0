"""Talking to the hub over HTTP: signed requests, backoff with jitter on timeouts, resets, 5xx and 429, and
success only on the expected status and a body in the protocol's shape (a captive portal's 200 is not)."""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import ssl
import threading
import time
import uuid
from collections.abc import Iterable
from typing import Any, TypeVar

import httpx
import stamina
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import BaseModel, ValidationError

from counter_app.clock import local
from counter_app.errors import CounterError
from sync import keys
from sync.protocol import REVOKED_HEADER
from sync.tls import certificate_problem

Model = TypeVar("Model", bound=BaseModel)


class Transient(CounterError):
    """Worth retrying: the link or the hub is having a bad moment."""


class Halted(CounterError):
    """Not worth retrying until a person acts: enrolment, credentials or configuration."""


class Revoked(Halted):
    """Another device replaced this one at the hub: this one must stop syncing for good."""


class Cancelled(CounterError):
    """The app is closing: stop where we are (every step already done is kept)."""


class Refused(CounterError):
    """The hub understood and said no (4xx); `status` and `detail` say why."""

    def __init__(self, key: str, status: int, detail: str) -> None:
        super().__init__(key, status=status, detail=detail)
        self.status, self.detail = status, detail


class HubClient:
    """One hub, one device; `call` retries what is transient within `patience` seconds."""

    def __init__(self, base_url: str, device_id: uuid.UUID, key: Ed25519PrivateKey | None,
                 patience: float = 600.0, wait_max: float = 30.0,
                 transport: httpx.BaseTransport | None = None, read_timeout: float = 30.0,
                 stop: threading.Event | None = None, verify: ssl.SSLContext | bool = True) -> None:
        self.device_id, self.key = device_id, key
        self.stop = stop or threading.Event()
        self.patience, self.wait_max = patience, wait_max
        self.clock_offset = 0.0
        timeout = httpx.Timeout(connect=10.0, read=read_timeout, write=read_timeout, pool=10.0)
        self.http = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout, transport=transport,
                                 headers={"User-Agent": "Counter-sync/1"}, verify=verify)
        self.bytes_sent = 0

    def close(self) -> None:
        self.http.close()

    def call(self, method: str, path: str, *, expect: Iterable[int] = (200,), model: type[Model] | None = None,
             auth: bool = True, retry: bool = True, **request: Any) -> tuple[httpx.Response, Model | None]:
        """The response (and its body as `model`), after as many retries as transient failures need (none
        when not `retry`: the caller then finds out where things stand itself)."""
        wanted, headers = frozenset(expect), dict(request.pop("headers", None) or {})
        if not retry:
            return self._once(method, path, wanted, model, {**headers, **self._auth(auth)}, request)
        for attempt in stamina.retry_context(on=_transient, attempts=None, timeout=self.patience,
                                             wait_initial=0.2, wait_max=self.wait_max):
            with attempt:
                return self._once(method, path, wanted, model, {**headers, **self._auth(auth)}, request)
        raise AssertionError("unreachable")

    def stream(self, path: str, headers: dict[str, str] | None = None) -> Any:
        """A signed GET whose body is read as it arrives (a context manager; no retry: the caller resumes
        from what it holds, and checks the status with `raise_for`)."""
        if self.stop.is_set():
            raise Cancelled("sync.cancelled")
        return self.http.stream("GET", path, headers={**(headers or {}), **self._auth(True)})

    def _auth(self, wanted: bool) -> dict[str, str]:
        if not wanted or self.key is None:
            return {}
        return {"Authorization": f"Bearer {keys.token(self.key, self.device_id, self.clock_offset)}"}

    def _once(self, method: str, path: str, wanted: frozenset[int], model: type[Model] | None,
              headers: dict[str, str], request: dict[str, Any]) -> tuple[httpx.Response, Model | None]:
        if self.stop.is_set():
            raise Cancelled("sync.cancelled")
        try:
            response = self.http.request(method, path, headers=headers, **request)
        except httpx.ConnectError as error:
            reason = certificate_problem(error)
            if reason is not None:  # retrying would not help: an administrator must look
                raise Halted("sync.bad_certificate", host=self.http.base_url.host, reason=reason) from error
            raise
        self._learn_clock(response)
        content = request.get("content")
        self.bytes_sent += len(content) if isinstance(content, bytes | bytearray) else 0
        if response.status_code in wanted:
            return response, _parsed(response, model)
        raise_for(response)
        raise AssertionError("unreachable")

    def _learn_clock(self, response: httpx.Response) -> None:
        """Keep tokens dated by the hub's clock, whatever the PC's clock says."""
        stamp = response.headers.get("date")
        if stamp:
            with contextlib.suppress(TypeError, ValueError):
                self.clock_offset = email.utils.parsedate_to_datetime(stamp).timestamp() - time.time()


def _parsed(response: httpx.Response, model: type[Model] | None) -> Model | None:
    if model is None:
        return None
    try:
        return model.model_validate_json(response.content)
    except ValidationError as error:  # a captive portal, a proxy's page, a hostile or broken hub
        raise Transient("sync.unexpected_reply", status=response.status_code,
                        detail=str(error.errors()[:1])[:200]) from error


def raise_for(response: httpx.Response) -> None:
    """The hub's refusal as the error it means (its body read first when streamed)."""
    status, detail = response.status_code, _detail(response)
    if status == 429 or status >= 500:
        raise Transient("sync.hub_busy", status=status, detail=detail)
    if status == 403 and response.headers.get(REVOKED_HEADER):
        raise Revoked("sync.revoked", at=_day(response.headers[REVOKED_HEADER]))
    if status in (401, 403):
        raise Halted("sync.not_allowed", status=status, detail=detail)
    if status in (404, 405) and not response.request.url.path.startswith("/v1/files/"):
        raise Halted("sync.not_a_hub", status=status, detail=detail)
    raise Refused("sync.refused", status, detail)


def _day(iso: str) -> str:
    """The revocation's date as the clerk reads it (dd/mm/yyyy HH:MM), or as sent when it is not a date."""
    try:
        return f"{local(dt.datetime.fromisoformat(iso)):%d/%m/%Y %H:%M}"
    except ValueError:
        return iso[:40]


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail", ""))[:300]
    except (ValueError, AttributeError):
        return response.text[:120]


def _transient(error: Exception) -> bool:
    return isinstance(error, httpx.TransportError | Transient)

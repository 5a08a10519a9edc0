"""Checking one event on its own at the hub: its shape, and its payload by the core's rules. A refusal
names a message key of counter_app/messages.py and its values, so the counter shows it in its language."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException
from pydantic import ValidationError as PydanticError

from counter_app.codes import DOSSIER_CODE
from counter_app.errors import ValidationError
from counter_app.event_limits import check_event
from counter_app.lifecycle import Action
from counter_app.messages import Bilingual
from sync.protocol import MAX_PAYLOAD_BYTES, EventIdentity, RefusedEvent, WireEvent

MAX_CODE = 60  # the hub's dossier code column
KEPT_EVENT_BYTES = MAX_PAYLOAD_BYTES  # a quarantined event is kept as sent up to this size


WireValue = str | int | list[str]


class Refusal(Exception):
    """One event refused for a reason a clerk can read (the batch goes on without it)."""

    def __init__(self, key: str, **params: WireValue) -> None:
        super().__init__(key)
        self.key, self.params = key, params

    def answer(self, identity: EventIdentity) -> RefusedEvent:
        return RefusedEvent(id=identity.id, seq=identity.seq, dossier_id=identity.dossier_id, key=self.key,
                            params=self.params)


@dataclass(frozen=True)
class Arrival:
    """An event as it arrived: who it is, and either its checked form or why it is refused."""

    identity: EventIdentity
    raw: dict[str, Any] = field(repr=False)
    event: WireEvent | None = None
    refusal: Refusal | None = None

    def kept(self) -> dict[str, Any] | None:
        """The event as sent, for a person to look at, when it is small enough to keep."""
        try:
            text = json.dumps(self.raw, ensure_ascii=False)
            return self.raw if len(text.encode()) <= KEPT_EVENT_BYTES else None
        except (TypeError, ValueError):
            return None


def arrival(raw: dict[str, Any]) -> Arrival:
    """The event checked for shape; one that cannot even be identified refuses its whole batch (422)."""
    try:
        identity = EventIdentity.model_validate(raw)
    except PydanticError as error:
        where = ".".join(str(part) for part in error.errors()[0].get("loc", ()))
        raise HTTPException(422, f"an event lacks a valid id, device_id, seq or dossier_id ({where})") from error
    try:
        return Arrival(identity, raw, event=WireEvent.model_validate(raw))
    except PydanticError as error:
        return Arrival(identity, raw, refusal=_shape_refusal(error))
    except RecursionError:  # a payload nested deeper than anything a counter writes
        return Arrival(identity, {}, refusal=Refusal("hub.refused.field", field="payload"))


def check_payload(office_code: str, event: WireEvent) -> dict[str, Any]:
    """The payload if the core's limits (the counter's own) allow it from this office; a Refusal otherwise."""
    payload = dict(event.payload)
    try:
        check_event(event.type, event.actor, payload)
    except ValidationError as error:
        raise Refusal(error.key, **{name: _wire(value) for name, value in error.params.items()}) from error
    if event.type == Action.ACCEPT.value:
        _check_code(office_code, payload.get("code"))
    return payload


def _wire(value: object) -> WireValue:
    """A message value as JSON: a phrase in both languages travels as [vi, en]."""
    if isinstance(value, Bilingual):
        return [value.vi, value.en]
    return value if isinstance(value, int) and not isinstance(value, bool) else str(value)[:200]


def _check_code(office_code: str, code: object) -> None:
    """A dossier code carries the agency code of the office that sends it."""
    if not isinstance(code, str):
        raise Refusal("hub.refused.field", field="code")
    match = DOSSIER_CODE.fullmatch(code)
    if len(code) > MAX_CODE or match is None:
        raise Refusal("hub.refused.field", field="code")
    if match["agency"] != office_code:
        raise Refusal("hub.refused.code_office", code=code[:MAX_CODE], office=office_code)


def _shape_refusal(error: PydanticError) -> Refusal:
    first = error.errors()[0]
    where = [str(part) for part in first.get("loc", ())]
    if where[:1] == ["payload"] and "too large" in str(first.get("msg", "")):
        return Refusal("hub.refused.too_large", limit=MAX_PAYLOAD_BYTES // 1024)
    return Refusal("hub.refused.field", field=".".join(where)[:80] or "event")

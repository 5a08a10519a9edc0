"""Replacing a dead counter from the hub: the one-time code that names the device replaced, its key revoked
when the new device enrols, and the dossier numbers kept back for what it made but never sent."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from typing import Any, Final

from fastapi import HTTPException
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.clock import VN_TZ, local, now
from counter_app.codes import counter_key, parse_code
from counter_app.errors import NotFound, ValidationError
from counter_app.lifecycle import Action
from counter_app.services.intake import register_key
from sync.hub.store import Device, Event, HubStore, Replacement, Revocation
from sync.protocol import REVOKED_HEADER, EnrolRequest

MIN_MARGIN: Final = 50  # dossiers a day kept back at least, however quiet the dead counter was
BUSIEST_FACTOR: Final = 2  # ... else twice its busiest day
HISTORY_DAYS: Final = 90  # the days its busiest day is taken from
MAX_SILENT_DAYS: Final = 366
MIN_DEVICE_REF: Final = 8


def find_device(session: Session, ref: str, office: str | None = None) -> Device:
    """The device whose id is `ref` or starts with it (at least 8 characters), of `office` when given."""
    text = ref.strip().lower()
    if len(text) < MIN_DEVICE_REF or any(c not in "0123456789abcdef-" for c in text):
        raise ValidationError("hub.device_ref", ref=ref[:40])
    query = select(Device.id) if not office else select(Device.id).where(Device.office_code == office)
    found = [device_id for device_id in session.scalars(query) if _matches(device_id, text)]
    if not found:
        raise NotFound("hub.device_unknown", ref=ref[:40])
    if len(found) > 1:
        raise ValidationError("hub.device_ambiguous", ref=ref[:40], ids=", ".join(map(str, found[:5])))
    return session.get_one(Device, found[0])


def _matches(device_id: uuid.UUID, ref: str) -> bool:
    """`ref` (lower case) is the device's id or its beginning, with or without dashes."""
    return len(ref) >= MIN_DEVICE_REF and (str(device_id).startswith(ref) or device_id.hex.startswith(ref))


def claim(session: Session, code_hash: str, request: EnrolRequest) -> Replacement:
    """The replacement code, checked: unknown, expired, used by another device, or naming another device
    than `request.replaces` is refused (403)."""
    row = session.get(Replacement, code_hash, with_for_update=True)
    if row is None or row.expires_at < now():
        raise HTTPException(403, "replacement code unknown or expired (a plain enrolment code cannot replace "
                                 "a device: the administrator issues one with `hub enroll --replace DEVICE`)")
    if row.used_by is not None and row.used_by != request.device_id:
        raise HTTPException(403, "replacement code already used")
    wanted = (request.replaces or "").strip().lower()
    if not _matches(row.old_device_id, wanted):
        raise HTTPException(403, f"this code replaces device {row.old_device_id}, not {wanted}")
    if request.device_id == row.old_device_id:
        raise HTTPException(409, "a device cannot replace itself")
    revoked = session.get(Revocation, row.old_device_id)
    if revoked is not None and revoked.replaced_by != request.device_id:
        raise HTTPException(409, f"device {row.old_device_id} was already replaced by {revoked.replaced_by}")
    return row


def complete(session: Session, row: Replacement, device: Device) -> dict[str, int]:
    """Revoke the old device's key and keep its numbers back (once: a repeated enrolment gets the same)."""
    if session.get(Revocation, row.old_device_id) is None:
        session.add(Revocation(device_id=row.old_device_id, replaced_by=device.id, revoked_at=now()))
    if row.reserved is None:
        old = session.get(Device, row.old_device_id)
        assert old is not None  # a code is issued only for an enrolled device
        row.reserved = reservation(session, old, local(now()).date())
    row.used_by = device.id
    return {key: int(value) for key, value in row.reserved.items()}


def refuse_if_revoked(session: Session, device_id: uuid.UUID) -> None:
    """403 with the reason, and the date in a header, for a device another one has replaced."""
    revoked = session.get(Revocation, device_id)
    if revoked is not None:
        raise HTTPException(403, f"device revoked: replaced by {revoked.replaced_by} on "
                                 f"{local(revoked.revoked_at):%Y-%m-%d %H:%M}",
                            headers={REVOKED_HEADER: local(revoked.revoked_at).isoformat()})


def refuse_if_revoked_plainly(session: Session, device_id: uuid.UUID) -> None:
    """The same refusal as a message for the hub's administrator (a device is replaced only once)."""
    revoked = session.get(Revocation, device_id)
    if revoked is not None:
        raise ValidationError("hub.device_replaced", device=str(device_id), by=str(revoked.replaced_by),
                              at=f"{local(revoked.revoked_at):%d/%m/%Y %H:%M}")


def reservation(session: Session, old: Device, today: dt.date) -> dict[str, int]:
    """The last number kept back for `old` in each sequence the new device continues: today's dossier codes
    and this year's registers. Kept back: what the hub saw plus a margin for what never reached it.

    Codes restart every day, so on the day of the replacement the dead counter can have made at most one
    day's dossiers: the margin is twice its busiest day of the last 90 days, at least 50. A register runs
    all year, and the dead counter may have worked offline since it was last heard from: that margin is
    multiplied by the days since then (today counting as one)."""
    since = min(dt.date(today.year, 1, 1), today - dt.timedelta(days=HISTORY_DAYS))
    rows = session.execute(select(Event.payload).where(
        Event.device_id == old.id, Event.type == Action.ACCEPT.value,
        Event.device_time >= dt.datetime.combine(since, dt.time(), VN_TZ))).scalars().all()
    per_day: Counter[dt.date] = Counter()
    highest: dict[str, int] = {counter_key(old.office_code, today): 0, register_key(today.year): 0}
    for payload in rows:
        _note(payload, today, per_day, highest)
    recent = [count for day, count in per_day.items() if day > today - dt.timedelta(days=HISTORY_DAYS)]
    margin = max(MIN_MARGIN, BUSIEST_FACTOR * max(recent, default=0))
    silent = min(MAX_SILENT_DAYS, (today - _last_heard(session, old)).days + 1)
    return {key: value + (margin if key.startswith("code:") else margin * max(1, silent))
            for key, value in highest.items()}


def _note(payload: dict[str, Any], today: dt.date, per_day: Counter[dt.date], highest: dict[str, int]) -> None:
    parsed = parse_code(str(payload.get("code") or ""))
    if parsed is not None:
        per_day[parsed.day] += 1
        if parsed.day == today:
            key = counter_key(parsed.agency, today)
            highest[key] = max(highest.get(key, 0), parsed.sequence)
    number = payload.get("register_number")
    if payload.get("register_year") == today.year and isinstance(number, int):
        key = register_key(today.year, str(payload.get("register_field") or ""))
        highest[key] = max(highest.get(key, 0), number)


def _last_heard(session: Session, device: Device) -> dt.date:
    last = session.scalar(select(func.max(Event.received_at)).where(Event.device_id == device.id))
    return local(last or device.enrolled_at).date()


def devices(store: HubStore, office: str | None = None) -> list[dict[str, Any]]:
    """The enrolled devices (of one office), with when each was last heard from and whether it is revoked."""
    with store.session() as session:
        query = select(Device).order_by(Device.office_code, Device.enrolled_at)
        if office:
            query = query.where(Device.office_code == office.strip().upper())
        found = session.scalars(query).all()
        revoked = {r.device_id: r for r in session.scalars(select(Revocation))}
        return [_device_row(session, device, revoked.get(device.id)) for device in found]


def _device_row(session: Session, device: Device, revoked: Revocation | None) -> dict[str, Any]:
    last = session.scalar(select(func.max(Event.received_at)).where(Event.device_id == device.id))
    return {"id": str(device.id), "office_code": device.office_code, "name": device.name,
            "enrolled_at": local(device.enrolled_at).isoformat(), "events": device.acked_seq,
            "last_event_at": local(last).isoformat() if last else None,
            "revoked_at": local(revoked.revoked_at).isoformat() if revoked else None,
            "replaced_by": str(revoked.replaced_by) if revoked else None}

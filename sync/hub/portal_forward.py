"""Forwarding to the province's system: one pass takes the new events into the outbox and sends what is due,
step by step per dossier; `dry_run` shows what would be sent for one dossier without sending or writing."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.errors import ValidationError
from sync.hub.decisions import find_dossier
from sync.hub.portal_connector import PortalConnector, PortalStop
from sync.hub.portal_outbox import (
    claim,
    dossier_sent,
    enqueue_new,
    item,
    mark_failed,
    mark_sent,
    release,
    step_ids_sent,
)
from sync.hub.portal_settings import PortalSettings
from sync.hub.portal_shape import (
    DOSSIER_SERVICE,
    FORWARDED,
    PROGRESS_SERVICE,
    Procedure,
    Step,
    dossier_record,
    envelope,
    progress_record,
)
from sync.hub.store import Dossier, Event, FeedEntry, HubStore

log = logging.getLogger("log.sync.portal")
REDACTED = "<session>"


@dataclass
class PassReport:
    queued: int = 0
    sent: int = 0
    failed: int = 0
    dead: int = 0
    stopped: str = ""  # why the pass stopped early (Vietnamese), if it did
    errors: list[str] = field(default_factory=list)

    def json(self) -> dict[str, Any]:
        return {"queued": self.queued, "sent": self.sent, "failed": self.failed, "dead": self.dead,
                "stopped": self.stopped or None}


def forward_once(store: HubStore, settings: PortalSettings, transport: httpx.BaseTransport | None = None,
                 stop: threading.Event | None = None) -> PassReport:
    """Queue what is new, then send what is due until nothing is, the portal struggles, or `stop` is set."""
    report = PassReport(queued=enqueue_new(store))
    connector = PortalConnector(settings, transport)
    lease = dt.timedelta(seconds=settings.timeout_seconds * 3 + 10)
    try:
        connector.login()
        while not (stop and stop.is_set()):
            ids = claim(store, settings.batch, lease)
            if not ids or _send_all(store, settings, connector, ids, report):
                break
    except PortalStop as error:
        report.stopped = error.message("vi")
        log.warning("forwarding stopped: %s", error.key)
    finally:
        connector.close()
    return report


def _send_all(store: HubStore, settings: PortalSettings, connector: PortalConnector, ids: list[int],
              report: PassReport) -> bool:
    """Send the claimed items; True when the pass must stop (a timeout). Items not reached are released."""
    left = list(ids)
    try:
        while left:
            if _send_one(store, settings, connector, left[0], report):
                left.pop(0)
                return True
            left.pop(0)
    finally:
        release(store, left)
    return False


def _send_one(store: HubStore, settings: PortalSettings, connector: PortalConnector, item_id: int,
              report: PassReport) -> bool:
    body = build(store, settings, item_id)
    if body is None:  # the dossier or event is gone from the hub: nothing to tell
        mark_sent(store, item_id, "—")
        return False
    answer = connector.send(body)
    if answer.delivered:
        mark_sent(store, item_id, answer.note)
        report.sent += 1
        return False
    state = mark_failed(store, item_id, answer.note, settings, answer.permanent)
    report.failed += 1
    report.dead += state == "dead"
    report.errors.append(answer.note)
    if answer.stop:
        report.stopped = answer.note
    return answer.stop


def build(store: HubStore, settings: PortalSettings, item_id: int) -> dict[str, Any] | None:
    """The body of outbox item `item_id` as it would go now (session not filled in)."""
    with store.session() as session:
        row = item(session, item_id)
        dossier = session.get(Dossier, row.dossier_id)
        event = session.get(Event, row.step)
        if dossier is None or event is None:
            return None
        return _body(session, settings, row.service, dossier, event)


def _body(session: Session, settings: PortalSettings, service: str, dossier: Dossier, event: Event,
          updating: bool | None = None) -> dict[str, Any]:
    code = dossier.code or ""
    if service == DOSSIER_SERVICE:
        record = dossier_record(settings, code, dossier.office_code, dossier.state,
                                _procedure(session, str(dossier.state.get("procedure_code") or "")))
        held = dossier_sent(session, code) if updating is None else updating
        return envelope(settings, service, [record], REDACTED, updating=held)
    step = Step(event.type, event.actor, event.device_time, event.payload)
    return envelope(settings, service, [progress_record(settings, code, dossier.state, step)], REDACTED)


def dry_run(store: HubStore, settings: PortalSettings, ref: str) -> list[dict[str, Any]]:
    """What would be sent for the dossier `ref` (code or id): each forwarded step not yet delivered, in order,
    or, when all were, the dossier's current sync. Nothing is sent and nothing is written."""
    with store.session() as session:
        dossier = find_dossier(session, ref)
        if not dossier.code:
            raise ValidationError("portal.no_code", ref=ref)
        events = session.scalars(select(Event).where(Event.dossier_id == dossier.id,
                                                     Event.type.in_([a.value for a in FORWARDED]))
                                 .order_by(Event.device_time, Event.received_at)).all()
        done = step_ids_sent(session, dossier.code)
        bodies: list[dict[str, Any]] = []
        held = dossier_sent(session, dossier.code)
        for event in events:
            for service in (DOSSIER_SERVICE, PROGRESS_SERVICE):
                if (service, event.id) not in done:
                    bodies.append(_body(session, settings, service, dossier, event, held))
                    held = held or service == DOSSIER_SERVICE
        if not bodies and events:
            bodies.append(_body(session, settings, DOSSIER_SERVICE, dossier, events[-1], True))
    return bodies


def _procedure(session: Session, code: str) -> Procedure:
    """The procedure's name and field from the latest catalogue the hub published that names it."""
    if not code:
        return Procedure()
    for data in session.scalars(select(FeedEntry.data).where(FeedEntry.kind == "catalogue")
                                .order_by(FeedEntry.cursor.desc()).limit(20)):
        found = _named(data, code)
        if found is not None:
            return found
    return Procedure()


def _named(data: Mapping[str, Any] | None, code: str) -> Procedure | None:
    for entry in (data or {}).get("procedures", []):
        if isinstance(entry, dict) and entry.get("code") == code:
            return Procedure(str(entry.get("name") or ""), str(entry.get("field") or ""))
    return None


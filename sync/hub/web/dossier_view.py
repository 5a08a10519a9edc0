"""One dossier as the province's page shows it: its fields, history, digitised documents (with whether each
scan has arrived and is signed), refused events, and the province actions its status allows now."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from counter_app.action_needs import NEED_LABELS, NEEDS, PROVINCE_ACTIONS, Need
from counter_app.clock import now
from counter_app.errors import NotFound
from counter_app.lifecycle import Action, Status, allowed_actions, label
from counter_app.projection import decode
from sync.hub.admin import show
from sync.hub.ingest import HUB_DEVICE
from sync.hub.store import Blob, Dossier, Event, HubStore
from sync.hub.web.formats import day, when
from sync.hub.web.search import Row, to_row


@dataclass(frozen=True)
class Step:
    at: dt.datetime
    what: str
    actor: str
    by_province: bool
    text: str


@dataclass(frozen=True)
class Document:
    position: int
    name: str
    pages: int
    sha256: str
    signed: bool
    timestamp_pending: bool
    arrived: bool


@dataclass(frozen=True)
class Choice:
    """A province action the dossier's status allows: its command and the field it asks for, if any."""

    command: str
    label: str
    field: str  # "reason", "note" or ""
    field_label: str
    required: bool


@dataclass(frozen=True)
class View:
    row: Row
    fields: list[tuple[str, str]]
    steps: list[Step]
    documents: list[Document]
    refused: list[str]
    choices: list[Choice]


def view(store: HubStore, dossier_id: uuid.UUID, at: dt.datetime | None = None) -> View:
    moment = at or now()
    with store.session() as session:
        dossier = session.get(Dossier, dossier_id)
        if dossier is None:
            raise NotFound("dossier.not_found", ref=str(dossier_id))
        events = session.scalars(select(Event).where(Event.dossier_id == dossier.id)
                                 .order_by(Event.device_time, Event.received_at)).all()
        row = to_row(dossier, moment)
        documents = _documents(session, dossier, events)
        steps = [_step(event) for event in events]
    refused = [item["reason"] for item in show(store, str(dossier_id))["refused"]]
    return View(row, _fields(dossier.state), steps, documents, refused, _choices(dossier.status))


def has_document(store: HubStore, dossier_id: uuid.UUID, sha256: str) -> bool:
    """Whether `sha256` is a scan filed on this dossier that has arrived whole (in `store.blobs`)."""
    with store.session() as session:
        dossier = session.get(Dossier, dossier_id)
        if dossier is None:
            return False
        filed = session.scalars(select(Event.payload).where(Event.dossier_id == dossier_id,
                                                            Event.type == Action.FILE_DOCUMENT.value)).all()
        blob = session.get(Blob, (dossier.office_code, sha256))
    return any(payload.get("sha256") == sha256 for payload in filed) and blob is not None and blob.complete


def _documents(session: Any, dossier: Dossier, events: Any) -> list[Document]:
    latest: dict[int, dict[str, Any]] = {}
    for event in events:
        if event.type == Action.FILE_DOCUMENT.value and event.payload.get("sha256"):
            latest[int(event.payload.get("position", 0))] = event.payload
    shas = [str(payload["sha256"]) for payload in latest.values()]
    arrived = set(session.scalars(select(Blob.sha256).where(Blob.office_code == dossier.office_code,
                                                            Blob.sha256.in_(shas), Blob.complete)))
    return [Document(position, str(p.get("name", "")), int(p.get("pages", 0) or 0), str(p["sha256"]),
                     bool(p.get("signed")), bool(p.get("timestamp_pending")), str(p["sha256"]) in arrived)
            for position, p in sorted(latest.items())]


def _step(event: Event) -> Step:
    try:
        what = label(Action(event.type))
    except ValueError:
        what = event.type
    payload = event.payload
    text = " · ".join(str(payload[key]) for key in ("reason", "note", "to", "name") if payload.get(key))
    return Step(event.device_time, what, event.actor, event.device_id == HUB_DEVICE, text)


CHANNELS = {"counter": "Trực tiếp tại quầy", "postal": "Bưu chính", "online": "Trực tuyến"}
_FIELDS = (("applicant_name", "Người nộp"), ("applicant_id_number", "Số CCCD"), ("applicant_birth_date", "Ngày sinh"),
           ("applicant_phone", "Điện thoại"), ("applicant_address", "Địa chỉ"), ("procedure_code", "Mã thủ tục"),
           ("channel", "Kênh nộp"), ("submitted_at", "Nộp lúc"), ("accepted_at", "Tiếp nhận lúc"),
           ("due_at", "Hẹn trả"), ("result_ready_at", "Có kết quả lúc"), ("returned_at", "Trả kết quả lúc"))


def _fields(state: dict[str, Any]) -> list[tuple[str, str]]:
    shown = []
    for key, title in _FIELDS:
        value = decode(key, state.get(key))
        if value in (None, ""):
            continue
        if key == "channel":
            value = CHANNELS.get(str(value), str(value))
        elif isinstance(value, dt.datetime):
            value = when(value)
        elif isinstance(value, dt.date):
            value = day(value)
        shown.append((title, str(value)))
    return shown


def _choices(status: str) -> list[Choice]:
    if status not in Status.__members__.values():
        return []
    allowed = set(allowed_actions(Status(status)))
    choices = []
    for action in PROVINCE_ACTIONS:
        if action not in allowed:
            continue
        needs = NEEDS[action]
        field = next((need for need in (Need.REASON, Need.NOTE) if needs.asks(need)), None)
        choices.append(Choice(needs.command, label(action).capitalize(), field.value if field else "",
                              NEED_LABELS[field].vi if field else "", bool(field and field in needs.required)))
    return choices

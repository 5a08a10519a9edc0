"""What the province's administrator does at the hub: enrolment codes, a dossier as the hub holds it, and
a status change decided at the province (the transition names of the counter's command line)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from fastapi import HTTPException
from sqlalchemy import select

from counter_app import action_needs, limits
from counter_app.action_needs import Need
from counter_app.catalogue_export import catalogue_json
from counter_app.catalogue_import import read_catalogue, refuse_if_invalid
from counter_app.clock import now
from counter_app.errors import ValidationError
from counter_app.lifecycle import Action
from counter_app.messages import Bilingual, render
from counter_app.model import StopRequester
from counter_app.services import processing
from counter_app.storage.blobs import write_atomically
from counter_app.workcal import parse_calendar
from sync.bundle import Bundle, opened, signed_ack
from sync.hub import uploads
from sync.hub.decisions import find_dossier, set_status
from sync.hub.ingest import ingest
from sync.hub.keys import hub_keys
from sync.hub.store import EVERY_OFFICE, Blob, Device, Event, FeedEntry, HubStore, Quarantined
from sync.protocol import MAX_BATCH, PROTOCOL

BLOB_CHUNK = 4 * 1024 * 1024
PayloadOf = Callable[[str, dt.datetime], dict[str, Any]]
TRANSITIONS: dict[str, tuple[Action, PayloadOf]] = {  # the payloads the counter's own services build
    "transfer": (Action.TRANSFER, lambda text, _at: processing.transfer_payload(note=text)),
    "request-supplement": (Action.REQUEST_SUPPLEMENT, lambda text, _at: processing.reason_payload(text)),
    "refuse": (Action.REFUSE, lambda text, _at: processing.reason_payload(text)),
    "stop": (Action.STOP, lambda text, _at: processing.stop_payload(text, StopRequester.OFFICE)),
    "result-ready": (Action.RECORD_RESULT, processing.result_payload),
}


def change_status(store: HubStore, ref: str, transition: str, actor: str, text: str = "") -> dict[str, Any]:
    """Apply `transition` to the dossier `ref` (code or id) at the hub; it reaches the office's counters by
    the feed. The event is built and checked by the same core functions as a counter's."""
    if transition not in TRANSITIONS:
        raise ValidationError("hub.unknown_transition", name=transition, choices=", ".join(TRANSITIONS))
    action, payload_of = TRANSITIONS[transition]
    event = set_status(store, ref, action, limits.text(actor, limits.ACTOR, required=True),
                       payload_of(text, now()))
    return show(store, str(event.dossier_id))


def decide(store: HubStore, ref: str, command: str, actor: str, reason: str = "", note: str = "") -> dict[str, Any]:
    """A province action (`hub set-status` and the web screen): checked against the action table (the deciding
    office stops a dossier itself), then applied as `change_status` does."""
    action = action_needs.action_named(command, action_needs.PROVINCE_ACTIONS)
    given = {Need.REASON: reason, Need.NOTE: note}
    needs = action_needs.NEEDS[action]
    if needs.asks(Need.REQUESTED_BY):
        given[Need.REQUESTED_BY] = "office"
    action_needs.check(action, given)
    return change_status(store, ref, needs.command, actor, reason if needs.asks(Need.REASON) else note)


def publish(store: HubStore, kind: str, path: Path, office: str = EVERY_OFFICE,
            effective_from: dt.date | None = None) -> dict[str, Any]:
    """Put a catalogue (any format the counters import: national records, the province's XLSX annex, the
    project's JSON) or calendar corrections into the feed, checked first with the counters' own rules, so a
    counter never receives what it would refuse. A catalogue travels as the project's JSON: cases,
    per-channel terms with their published text, document flags."""
    if kind == "catalogue":
        report = read_catalogue(path, effective_from)
        refuse_if_invalid(report)
        data: Any = catalogue_json(report.procedures, source=path.name)
        count = len(report.procedures)
    else:
        try:
            data = json.loads(path.read_text("utf-8"))
            count = len(parse_calendar(data))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ValidationError("import.format", name=path.name, detail=str(error)[:200]) from error
    with store.session() as session:
        entry = FeedEntry(office_code=office.strip().upper() if office != EVERY_OFFICE else office, kind=kind,
                          event_id=None, data=data)
        session.add(entry)
        session.flush()
        return {"cursor": entry.cursor, "kind": kind, "office": entry.office_code, "items": count}


def show(store: HubStore, ref: str) -> dict[str, Any]:
    """The dossier's fields, events, refused events and blobs (with whether each has fully arrived)."""
    with store.session() as session:
        dossier = find_dossier(session, ref)
        events = session.scalars(select(Event).where(Event.dossier_id == dossier.id)
                                 .order_by(Event.device_time, Event.received_at)).all()
        named = [str(e.payload["sha256"]) for e in events if e.type == Action.FILE_DOCUMENT.value
                 and e.payload.get("sha256")]
        blobs = {b.sha256: b for b in session.scalars(select(Blob).where(Blob.sha256.in_(named),
                                                                         Blob.office_code == dossier.office_code))}
        refused = session.scalars(select(Quarantined).where(Quarantined.dossier_id == dossier.id)
                                  .order_by(Quarantined.received_at)).all()
        return {
            "id": str(dossier.id), "code": dossier.code, "office_code": dossier.office_code,
            "status": dossier.status, "fields": dossier.state, "conflict": dossier.conflict,
            "events": [{"id": str(e.id), "type": e.type, "device_id": str(e.device_id), "seq": e.seq,
                        "device_time": e.device_time.isoformat(), "received_at": e.received_at.isoformat(),
                        "actor": e.actor} for e in events],
            "refused": [{"id": str(q.id), "device_id": str(q.device_id), "seq": q.seq,
                         "received_at": q.received_at.isoformat(),
                         "reason": _reason(q.reason_key, q.reason_params)} for q in refused],
            "blobs": [{"sha256": sha, "arrived": bool(sha in blobs and blobs[sha].complete),
                       "bytes": blobs[sha].offset if sha in blobs else 0} for sha in dict.fromkeys(named)],
        }


def import_bundle(store: HubStore, path: Path) -> dict[str, Any]:
    """A counter's USB bundle, taken through the same idempotent ingest and upload path as the network;
    returns the acknowledgement to carry back (also written beside the bundle). Blobs are streamed from the
    opened bundle in chunks, so memory stays bounded whatever the scans weigh."""
    keys = hub_keys(store.data_dir)
    store.scratch_dir.mkdir(parents=True, exist_ok=True)
    with opened(path, keys.sealing, lambda device_id: _public_key(store, device_id), store.scratch_dir) as bundle:
        with store.session() as session:
            device = session.get(Device, bundle.device_id)
        assert device is not None
        refused = _ingest_events(store, device, bundle)
        for sha in bundle.blobs:
            _take_blob(store, device, bundle, sha)
    with store.session() as session:
        acked = session.get(Device, device.id).acked_seq  # type: ignore[union-attr]
        complete = session.scalars(select(Blob.sha256).where(Blob.sha256.in_(list(bundle.blobs)), Blob.complete,
                                                             Blob.office_code == device.office_code)).all()
    ack = {"protocol": PROTOCOL, "device_id": str(device.id), "acknowledged_seq": acked,
           "blobs_complete": sorted(complete), "refused": refused}
    write_atomically(path.with_name(f"ack-{device.id}.json"), signed_ack(ack, keys.signing))
    return ack


def _ingest_events(store: HubStore, device: Device, bundle: Bundle) -> list[dict[str, Any]]:
    refused: list[dict[str, Any]] = []
    for start in range(0, len(bundle.events), MAX_BATCH):
        try:
            outcome = ingest(store, device.id, [dict(event) for event in bundle.events[start:start + MAX_BATCH]])
        except HTTPException as error:
            raise ValidationError("bundle.invalid", reason=str(error.detail)[:200]) from error
        refused += [item.model_dump(mode="json") for item in outcome.refused]
    return refused


def _take_blob(store: HubStore, device: Device, bundle: Bundle, sha: str) -> None:
    """One blob through the upload path, in chunks from where the hub is (a blob half-sent over the network
    before the stick came is finished, not restarted)."""
    blob = uploads.create(store, device, bundle.blob_size(sha), sha)
    if blob.complete:
        return
    offset = blob.offset
    with bundle.open_blob(sha) as member:
        member.seek(offset)
        while chunk := member.read(BLOB_CHUNK):
            blob, _ = uploads.append(store, device, sha, offset, chunk, None)
            offset += len(chunk)


def _reason(key: str, params: dict[str, Any]) -> str:
    try:
        return render(key, "vi", **{k: Bilingual(*v) if isinstance(v, list) else v for k, v in params.items()})
    except (KeyError, IndexError, TypeError, ValueError):
        return key


def _public_key(store: HubStore, device_id: uuid.UUID) -> Ed25519PublicKey:
    with store.session() as session:
        device = session.get(Device, device_id)
    if device is None:
        raise ValueError(f"device {device_id} is not enrolled at this hub")
    key = load_pem_public_key(device.public_key.encode())
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("device key is not Ed25519")
    return key

"""The hub's routes for a replacement counter: the office's dossiers page by page with their events, and
each scan streamed (resumable with a Range header)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Sequence
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException, Query
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.lifecycle import Action
from sync.hub.auth import Authenticated
from sync.hub.store import Blob, Device, Dossier, Event, HubStore
from sync.protocol import WireEvent, reply
from sync.rebuild_wire import MAX_REBUILD_PAGE, REBUILD_PAGE, RebuildPage, RebuiltBlob, RebuiltDossier

READ_BLOCK = 1 << 20
_RANGE = re.compile(r"bytes=(\d{1,12})-")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def rebuild_page(store: HubStore, device: Device, after: uuid.UUID | None, limit: int) -> dict[str, Any]:
    """The next `limit` dossiers of the device's office after `after`, each with its events in the order
    the hub applied them, and the scans they name that the hub holds whole."""
    with store.session() as session:
        query = select(Dossier.id).where(Dossier.office_code == device.office_code).order_by(Dossier.id)
        ids = session.scalars((query.where(Dossier.id > after) if after else query).limit(limit)).all()
        events = session.scalars(select(Event).where(Event.dossier_id.in_(ids), Event.office_code ==
                                                     device.office_code)
                                 .order_by(Event.received_at, Event.device_id, Event.seq)).all() if ids else []
        by_dossier: dict[uuid.UUID, list[Event]] = {dossier_id: [] for dossier_id in ids}
        for event in events:
            by_dossier[event.dossier_id].append(event)
        blobs = _blobs(session, device.office_code, events)
    dossiers = [RebuiltDossier(id=dossier_id, events=[wire_event(e) for e in held])
                for dossier_id, held in by_dossier.items()]
    return reply(RebuildPage, dossiers=dossiers, blobs=blobs)


def _blobs(session: Session, office: str, events: Sequence[Event]) -> list[RebuiltBlob]:
    named = {str(e.payload["sha256"]) for e in events if e.type == Action.FILE_DOCUMENT.value
             and e.payload.get("sha256")}
    if not named:
        return []
    rows = session.scalars(select(Blob).where(Blob.office_code == office, Blob.complete,
                                              Blob.sha256.in_(sorted(named)))).all()
    return [RebuiltBlob(sha256=row.sha256, length=row.length) for row in rows]


def wire_event(event: Event) -> WireEvent:
    """A stored event as the counters receive it (the feed and the rebuild)."""
    return WireEvent(id=event.id, device_id=event.device_id, seq=event.seq, dossier_id=event.dossier_id,
                     type=event.type, device_time=event.device_time, actor=event.actor, payload=event.payload)


def blob_response(store: HubStore, device: Device, sha256: str, range_header: str | None) -> StreamingResponse:
    """The office's scan `sha256`, from the offset a `Range: bytes=N-` header asks for (206), else whole."""
    if not _SHA256.fullmatch(sha256):
        raise HTTPException(422, "not a sha256")
    with store.session() as session:
        blob = session.get(Blob, (device.office_code, sha256))
    if blob is None or not blob.complete:
        raise HTTPException(404, "no such file at the hub")
    start = _start(range_header, blob.length)
    headers = {"Accept-Ranges": "bytes", "Content-Length": str(blob.length - start), "Cache-Control": "no-store"}
    if start:
        headers["Content-Range"] = f"bytes {start}-{blob.length - 1}/{blob.length}"
    return StreamingResponse(_chunks(store, sha256, start, blob.length), status_code=206 if start else 200,
                             media_type="application/octet-stream", headers=headers)


def _start(header: str | None, length: int) -> int:
    if not header:
        return 0
    match = _RANGE.fullmatch(header.strip())
    if not match:
        raise HTTPException(416, "only Range: bytes=N- is served", headers={"Content-Range": f"bytes */{length}"})
    start = int(match[1])
    if start >= length:
        raise HTTPException(416, "range starts past the file", headers={"Content-Range": f"bytes */{length}"})
    return start


def _chunks(store: HubStore, sha256: str, start: int, length: int) -> Iterator[bytes]:
    """The blob from `start`, a block at a time, through the hub's blob store (a folder or S3)."""
    for offset in range(start, length, READ_BLOCK):
        yield store.blobs.read_range(sha256, offset, min(READ_BLOCK, length - offset))


def rebuild_routes(app: FastAPI, store: HubStore) -> None:
    @app.get("/v1/rebuild")
    def rebuild(me: Authenticated, after: Annotated[uuid.UUID | None, Query()] = None,
                limit: Annotated[int, Query(ge=1, le=MAX_REBUILD_PAGE)] = REBUILD_PAGE) -> dict[str, Any]:
        return rebuild_page(store, me, after, limit)

    @app.get("/v1/blobs/{sha256}")
    def blob(sha256: str, me: Authenticated,
             range: Annotated[str | None, Header()] = None) -> StreamingResponse:
        return blob_response(store, me, sha256, range)

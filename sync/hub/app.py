"""The hub's HTTP API (FastAPI): enrolment, state, event batches, blob status, the office feed, tus uploads.

Every body is validated; a malformed or hostile request gets a 4xx with its reason and writes nothing."""

from __future__ import annotations

import datetime as dt
import hmac
import json
import os
import time
import zlib
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy import select
from starlette.requests import ClientDisconnect

from counter_app.errors import CounterError
from counter_app.reports.periods import spanning
from sync.hub import auth, device_health, ingest, releases, uploads, web
from sync.hub.auth import Authenticated, signed_in
from sync.hub.keys import hub_keys
from sync.hub.limits import BodyLimit
from sync.hub.rebuild import rebuild_routes, wire_event
from sync.hub.reports import office_figures
from sync.hub.store import EVERY_OFFICE, Blob, Device, Dossier, Event, FeedEntry, HubStore
from sync.protocol import (
    MAX_BATCH,
    MAX_BLOB_BYTES,
    MAX_BODY_BYTES,
    MAX_SEQ,
    MAX_SMALL_BODY_BYTES,
    PROTOCOL,
    TUS_VERSION,
    Ack,
    BlobAnswer,
    BlobQuery,
    EnrolReply,
    EnrolRequest,
    EventBatch,
    FeedItem,
    FeedPage,
    Health,
    HubState,
    RawBatch,
    reply,
)

TUS_HEADERS = {"Tus-Resumable": TUS_VERSION}
MAX_CHUNK_BYTES = 8 * 1024 * 1024
KEEP_EVERY_S = 1.0  # a streamed upload's bytes are written and committed at least this often
MAX_CURSOR = MAX_SEQ  # beyond any BIGINT the database could hold
REPORT_KEY_ENV = "COUNTER_HUB_REPORT_KEY"




def create_app(store: HubStore) -> FastAPI:
    app = FastAPI(title="Counter provincial hub", version="1", description=f"Protocol {PROTOCOL}")
    app.state.store = store
    app.add_middleware(BodyLimit, limit_of=_body_limit)
    keys = hub_keys(store.data_dir)

    @app.exception_handler(CounterError)
    async def _refused(_request: Request, error: CounterError) -> JSONResponse:
        return JSONResponse({"detail": error.message("en"), "key": error.key}, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _reasons(error.errors())}, status_code=422)

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        return reply(Health, ok=True)

    @app.post("/v1/enrol")
    def enrol(request: EnrolRequest) -> dict[str, Any]:
        enrolled = auth.enrolment(store, request)
        body = reply(EnrolReply, office_code=enrolled.device.office_code, device_id=enrolled.device.id,
                     hub_signing_key=keys.public_signing, hub_sealing_key=keys.public_sealing,
                     replaced=enrolled.replaced, reserved=enrolled.reserved)
        return body if enrolled.replaced else {k: v for k, v in body.items() if k not in ("replaced", "reserved")}

    @app.get("/v1/state")
    def state(me: Authenticated) -> dict[str, Any]:
        return reply(HubState, device_id=me.id, office_code=me.office_code, acknowledged_seq=me.acked_seq)

    @app.post("/v1/events", openapi_extra=_json_body(EventBatch))
    async def events(request: Request, authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        auth.claimed_device(authorization)  # no token, no reading of the body; checked in full with the batch
        batch = _parse(RawBatch, await _body(request))
        outcome = await run_in_threadpool(ingest.ingest_signed, store, authorization, list(batch.events))
        return reply(Ack, acknowledged_seq=outcome.acknowledged_seq, accepted=outcome.accepted,
                     refused=outcome.refused)

    @app.post("/v1/blobs/status")
    def blob_status(query: BlobQuery, me: Authenticated) -> dict[str, Any]:
        with store.session() as session:
            done = session.scalars(select(Blob.sha256).where(Blob.sha256.in_(query.sha256), Blob.complete,
                                                             Blob.office_code == me.office_code)).all()
        return reply(BlobAnswer, complete=sorted(done))

    @app.get("/v1/feed")
    def feed(after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
             limit: Annotated[int, Query(ge=1, le=MAX_BATCH)] = 200,
             authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        auth.claimed_device(authorization)
        with store.session() as session:  # the token's check and the page in one transaction
            me = auth.authenticate_in(session, authorization)
            rows = session.execute(
                select(FeedEntry, Event).outerjoin(Event, Event.id == FeedEntry.event_id)
                .where(FeedEntry.office_code.in_([me.office_code, EVERY_OFFICE]), FeedEntry.cursor > after)
                .order_by(FeedEntry.cursor).limit(limit)).all()
            codes = _codes(session, {event.dossier_id for _, event in rows if event is not None})
        items = [FeedItem(cursor=entry.cursor, kind=entry.kind, data=entry.data,  # type: ignore[arg-type]
                          code=codes.get(event.dossier_id) if event else None,
                          event=wire_event(event) if event else None)
                 for entry, event in rows]
        return reply(FeedPage, items=items)

    @app.get("/v1/reports")
    def report(request: Request, start: Annotated[dt.date, Query(alias="from")],
               end: Annotated[dt.date, Query(alias="to")], authorization: Annotated[str | None, Header()] = None,
               x_report_key: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        """The period's figures per office: every office with the province's report key, else the calling
        device's own office."""
        if x_report_key and authorization is None and not _province(x_report_key):
            raise HTTPException(401, "wrong report key")
        offices = None if _province(x_report_key) else frozenset({signed_in(request, authorization).office_code})
        try:
            period = spanning(start, end)
        except CounterError as error:
            raise HTTPException(422, error.message("en")) from error
        return office_figures(store, period, offices)

    _tus_routes(app, store)
    device_health.install(app, store)
    rebuild_routes(app, store)
    web.install(app, store)
    releases.add_routes(app, store)
    _describe_gzip_body(app)
    return app


def _province(key: str | None) -> bool:
    """Whether `key` is the province's report key (environment COUNTER_HUB_REPORT_KEY; none set: nobody)."""
    expected = os.environ.get(REPORT_KEY_ENV, "")
    return bool(expected and key and hmac.compare_digest(key.encode(), expected.encode()))


def _describe_gzip_body(app: FastAPI) -> None:
    """The event batch is read by hand (it may arrive gzipped); put its schema into the OpenAPI description."""
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            described = get_openapi(title=app.title, version=app.version, description=app.description,
                                    routes=app.routes)
            schema = EventBatch.model_json_schema(ref_template="#/components/schemas/{model}")
            described.setdefault("components", {}).setdefault("schemas", {}).update(schema.pop("$defs", {}))
            content = described["paths"]["/v1/events"]["post"]["requestBody"]["content"]
            content["application/json"]["schema"] = schema
            app.openapi_schema = described
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _tus_routes(app: FastAPI, store: HubStore) -> None:
    @app.options("/v1/files")
    def tus_options() -> Response:
        return Response(status_code=204, headers={**TUS_HEADERS, "Tus-Version": TUS_VERSION,
                                                  "Tus-Extension": "creation,checksum",
                                                  "Tus-Checksum-Algorithm": "sha256",
                                                  "Tus-Max-Size": str(MAX_BLOB_BYTES)})

    @app.post("/v1/files", status_code=201)
    def tus_create(me: Authenticated, upload_length: Annotated[int, Header(ge=1, le=MAX_BLOB_BYTES)],
                   upload_metadata: Annotated[str, Header()] = "",
                   tus_resumable: Annotated[str | None, Header()] = None) -> Response:
        _tus_version(tus_resumable)
        sha256 = uploads.parse_metadata(upload_metadata).get("sha256", "").lower()
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise HTTPException(400, "Upload-Metadata must carry the file's sha256 (hex)")
        blob = uploads.create(store, me, upload_length, sha256)
        return Response(status_code=201, headers={**TUS_HEADERS, "Location": f"/v1/files/{blob.sha256}",
                                                  "Upload-Offset": str(blob.offset)})

    @app.head("/v1/files/{sha256}")
    def tus_head(sha256: str, me: Authenticated) -> Response:
        blob = uploads.status(store, me, sha256)
        return Response(status_code=200, headers={**TUS_HEADERS, "Upload-Offset": str(blob.offset),
                                                  "Upload-Length": str(blob.length), "Cache-Control": "no-store"})

    @app.patch("/v1/files/{sha256}", status_code=204)
    async def tus_patch(sha256: str, request: Request, me: Authenticated,
                        upload_offset: Annotated[int, Header(ge=0, le=MAX_BLOB_BYTES)],
                        content_type: Annotated[str, Header()] = "",
                        upload_checksum: Annotated[str | None, Header()] = None,
                        tus_resumable: Annotated[str | None, Header()] = None) -> Response:
        _tus_version(tus_resumable)
        if content_type != "application/offset+octet-stream":
            raise HTTPException(415, "Content-Type must be application/offset+octet-stream")
        if upload_checksum is None:  # streamed: kept as it arrives, so a cut line loses at most a second
            blob, whole = await _stream_upload(store, me, sha256, upload_offset, request)
        else:  # checked as one piece before any of it is kept
            chunk = await _read_limited(request, MAX_CHUNK_BYTES)
            blob, whole = await run_in_threadpool(uploads.append, store, me, sha256, upload_offset, chunk,
                                                  upload_checksum)
        if not whole:
            raise HTTPException(uploads.CHECKSUM_MISMATCH, "whole-file SHA-256 does not match; upload restarted")
        return Response(status_code=204, headers={**TUS_HEADERS, "Upload-Offset": str(blob.offset)})


def _body_limit(path: str) -> int:
    """The most a request to `path` may send: a compressed event batch, the rest of a blob (streamed; a
    checksummed chunk is held to MAX_CHUNK_BYTES as it is read), else a small form."""
    if path == "/v1/events":
        return MAX_BODY_BYTES
    if path.startswith("/v1/files/"):
        return MAX_BLOB_BYTES
    if path == web.UPLOAD_PATH:
        return web.MAX_UPLOAD_BYTES + 64 * 1024
    return MAX_SMALL_BODY_BYTES


async def _stream_upload(store: HubStore, me: Device, sha256: str, offset: int,
                         request: Request) -> tuple[Blob, bool]:
    """A PATCH without a chunk checksum, kept as it arrives: every KEEP_EVERY_S (or MAX_CHUNK_BYTES) what
    came is written and the offset committed, and what came before a cut line is kept too; the whole file's
    SHA-256 is checked at the end as always. A write at a stale offset is refused (409) like any PATCH."""
    blob = await run_in_threadpool(uploads.status, store, me, sha256)
    held, kept_at, kept = bytearray(), time.monotonic(), False
    try:
        async for piece in request.stream():
            held += piece
            if offset + len(held) > blob.length:
                raise HTTPException(413, "body goes past Upload-Length")
            if len(held) >= MAX_CHUNK_BYTES or time.monotonic() - kept_at >= KEEP_EVERY_S:
                blob, whole = await _keep(store, me, sha256, offset, held)
                if not whole:
                    return blob, whole
                offset, kept_at, kept = blob.offset, time.monotonic(), True
    except ClientDisconnect as error:
        if held:
            await _keep(store, me, sha256, offset, held)
        raise HTTPException(400, "client went away mid-body; what arrived is kept") from error
    return await _keep(store, me, sha256, offset, held) if held or not kept else (blob, True)


async def _keep(store: HubStore, me: Device, sha256: str, offset: int, held: bytearray) -> tuple[Blob, bool]:
    chunk = bytes(held)
    held.clear()
    return await run_in_threadpool(uploads.append, store, me, sha256, offset, chunk, None)


def _tus_version(value: str | None) -> None:
    if value != TUS_VERSION:
        raise HTTPException(412, f"Tus-Resumable {TUS_VERSION} required", headers={"Tus-Version": TUS_VERSION})


async def _read_limited(request: Request, limit: int) -> bytes:
    body = bytearray()
    try:
        async for part in request.stream():
            body += part
            if len(body) > limit:
                raise HTTPException(413, "body too large")
    except ClientDisconnect as error:
        raise HTTPException(400, "client went away mid-body") from error
    return bytes(body)


async def _body(request: Request) -> Any:
    """The JSON body, gunzipped when sent compressed, never more than MAX_BODY_BYTES either way."""
    raw = await _read_limited(request, MAX_BODY_BYTES)
    if request.headers.get("content-encoding", "").lower() == "gzip":
        try:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            raw = inflater.decompress(raw, MAX_BODY_BYTES + 1)
        except zlib.error as error:
            raise HTTPException(400, "body is not valid gzip") from error
        if len(raw) > MAX_BODY_BYTES or inflater.unconsumed_tail:
            raise HTTPException(413, "decompressed body too large")
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HTTPException(400, f"body is not JSON: {error}") from error
    except RecursionError as error:
        raise HTTPException(400, "body is nested too deeply") from error


def _parse(model: type[RawBatch], data: Any) -> RawBatch:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise HTTPException(422, _reasons(error.errors())) from error


def _reasons(errors: Any) -> list[dict[str, Any]]:
    return [{"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", ""))}
            for error in errors][:20]


def _json_body(model: type[EventBatch]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}}


def _codes(session: Any, dossier_ids: set[Any]) -> dict[Any, str | None]:
    if not dossier_ids:
        return {}
    return dict(session.execute(select(Dossier.id, Dossier.code).where(Dossier.id.in_(dossier_ids))).all())

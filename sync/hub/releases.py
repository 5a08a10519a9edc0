"""Updates of the counters' app, hub side: publishing a signed package (its bytes a blob, its signature
passed on untouched), serving it in ranges a weak link can resume, and what each counter reports back."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException, Response
from sqlalchemy import select

from counter_app.clock import now
from counter_app.errors import ValidationError
from counter_app.updates.signing import check_version, file_digest, read_signed
from sync.hub.auth import Authenticated
from sync.hub.store import EVERY_OFFICE, Device, FeedEntry, HubStore, Release, ReleaseReport
from sync.protocol import UpdateReport

MAX_RANGE_BYTES = 8 * 1024 * 1024


def publish(store: HubStore, package: Path, version: str, signature: Path,
            office: str = EVERY_OFFICE) -> dict[str, Any]:
    """Announce `package` as `version` to the counters (of `office`, default every one). The signature
    file must be the one made for these bytes and this version; whether its key is trusted is for the
    counters to judge (they trust the release key built into them, never this hub)."""
    check_version(version)
    try:
        text = signature.read_text("utf-8")
        sha256, size = file_digest(package)
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError("update.unreadable", name=f"{package.name}, {signature.name}") from error
    manifest, _, _ = read_signed(text)
    if manifest.version != version or (manifest.sha256, manifest.size) != (sha256, size):
        raise ValidationError("update.signature_mismatch", version=version, signed=manifest.version)
    _keep(store, package, sha256)
    target = office.strip().upper() if office != EVERY_OFFICE else office
    data = {"version": version, "sha256": sha256, "size": size, "platform": manifest.platform, "signature": text}
    with store.session() as session:
        session.merge(Release(sha256=sha256, version=version, size=size, signature=text, office_code=target,
                              published_at=now()))
        entry = FeedEntry(office_code=target, kind="update", event_id=None, data=data)
        session.add(entry)
        session.flush()
        return {"cursor": entry.cursor, "version": version, "platform": manifest.platform, "sha256": sha256,
                "size": size, "office": target}


def _keep(store: HubStore, package: Path, sha256: str) -> None:
    """Keep the package in the hub's blob store (read in blocks; a copy that dies midway leaves nothing)."""
    store.blobs.put_file(sha256, package)


def overview(store: HubStore) -> dict[str, Any]:
    """The published releases and every counter's reports, newest first (`counter-app hub updates`)."""
    with store.session() as session:
        releases = session.scalars(select(Release).order_by(Release.published_at.desc())).all()
        reports = session.scalars(select(ReleaseReport).order_by(ReleaseReport.id.desc()).limit(500)).all()
        return {
            "releases": [{"version": r.version, "sha256": r.sha256, "size": r.size, "office": r.office_code,
                          "published_at": r.published_at.isoformat()} for r in releases],
            "reports": [{"device_id": str(r.device_id), "office": r.office_code, "version": r.version,
                         "outcome": r.outcome, "detail": r.detail, "device_time": r.device_time,
                         "received_at": r.received_at.isoformat()} for r in reports],
        }


def add_routes(app: FastAPI, store: HubStore) -> None:
    """GET /v1/updates/{sha256} (ranges, each with its digest) and POST /v1/updates/report."""

    @app.get("/v1/updates/{sha256}")
    def package(sha256: str, me: Authenticated, range_: Annotated[str | None, Header(alias="Range")] = None
                ) -> Response:
        release = _release_for(store, me, sha256)
        start, end = _range(range_, release.size)
        body = store.blobs.read_range(sha256, start, end - start + 1)
        digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
        headers = {"Content-Range": f"bytes {start}-{end}/{release.size}", "Accept-Ranges": "bytes",
                   "Content-Digest": f"sha-256=:{digest}:", "Cache-Control": "no-store"}
        return Response(body, status_code=206, headers=headers, media_type="application/octet-stream")

    @app.post("/v1/updates/report")
    def report(body: UpdateReport, me: Authenticated) -> dict[str, Any]:
        with store.session() as session:
            session.add(ReleaseReport(device_id=me.id, office_code=me.office_code, version=body.version,
                                      outcome=body.outcome, detail=body.detail, device_time=body.at,
                                      received_at=now()))
        return {"protocol": "counter-sync/1", "ok": True}


def _release_for(store: HubStore, device: Device, sha256: str) -> Release:
    with store.session() as session:
        release = session.get(Release, sha256.lower())
    if release is None or release.office_code not in (EVERY_OFFICE, device.office_code):
        raise HTTPException(404, "no such update")
    return release


def _range(header: str | None, size: int) -> tuple[int, int]:
    """The first and last byte asked for (`bytes=a-b` or `bytes=a-`), at most MAX_RANGE_BYTES of them."""
    unit, _, spec = (header or "bytes=0-").partition("=")
    first, _, last = spec.partition("-")
    try:
        start = int(first)
        end = min(int(last) if last else size - 1, size - 1, start + MAX_RANGE_BYTES - 1)
    except ValueError as error:
        raise HTTPException(416, "Range must be bytes=first-last") from error
    if unit.strip() != "bytes" or not 0 <= start <= end:
        raise HTTPException(416, "Range not satisfiable", headers={"Content-Range": f"bytes */{size}"})
    return start, end

"""A new counter enrolled as the replacement of a dead one: the administrator's replacement code, the
numbers kept back, then the office's dossiers and scans rebuilt from the hub (pages of events, then each
scan streamed to a part file, resumed where it stopped, and checked against its SHA-256)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import stamina

from counter_app.services import outbox, rebuild
from counter_app.storage.database import Database
from counter_app.updates.signing import file_digest
from sync import keys, tls
from sync.client import post_enrolment
from sync.protocol import EnrolRequest
from sync.rebuild_wire import RebuildPage
from sync.transport import HubClient, Transient, raise_for

DOWNLOAD_FOLDER = "rebuild"  # in the data folder: scans being fetched (<sha256>.part)
_BLOCK = 1 << 16

Progress = Callable[[str, int, int], None]  # phase ("dossiers" | "scans"), done, total (0: not known)


@dataclass(frozen=True)
class RebuildReport:
    replaced: str
    dossiers: int
    events: int
    scans: int
    scan_bytes: int
    conflicts: int
    reserved: dict[str, int]


def enrol_replacement(db: Database, hub_url: str, code: str, replaces: str,
                      transport: httpx.BaseTransport | None = None, patience: float = 60.0,
                      progress: Progress | None = None, stop: threading.Event | None = None,
                      ca_bundle: Path | None = None, allow_plain_http: bool | None = None) -> RebuildReport:
    """Enrol this (empty) counter in place of device `replaces`, keep back its numbers, then rebuild (the
    hub's certificate checked as for an ordinary enrolment: `ca_bundle`, `allow_plain_http`)."""
    rebuild.refuse_unless_fresh(db)
    plain = bool(allow_plain_http)
    tls.check_scheme(hub_url, plain)
    ca_name = tls.keep_ca_bundle(db.data_dir, ca_bundle) if ca_bundle else ""
    key = keys.device_key(db.data_dir)
    hub = HubClient(hub_url, db.device_id, key, patience=patience, transport=transport, stop=stop,
                    verify=tls.verify_for(db.data_dir, ca_name))
    request = EnrolRequest(code=code, device_id=db.device_id, public_key=keys.public_pem(key),
                           name=db.data_dir.name, replaces=replaces.strip())
    answer = post_enrolment(db, hub, request)
    rebuild.reserve(db, answer.reserved, hub_url=hub_url, office_code=answer.office_code, halted="",
                    last_error="", hub_signing_key=answer.hub_signing_key, hub_sealing_key=answer.hub_sealing_key,
                    replaced=str(answer.replaced or ""), rebuilding=True, rebuild_after="", ca_bundle=ca_name,
                    allow_plain_http=plain)
    report = continue_rebuild(db, transport, patience, progress, stop)
    return RebuildReport(report.replaced, report.dossiers, report.events, report.scans, report.scan_bytes,
                         report.conflicts, dict(answer.reserved))


def continue_rebuild(db: Database, transport: httpx.BaseTransport | None = None, patience: float = 600.0,
                     progress: Progress | None = None, stop: threading.Event | None = None) -> RebuildReport:
    """Take in the pages of dossiers after the last one held, then fetch every scan still missing; the
    rebuild is over (and ordinary rounds begin) only when both are done. The hub is reached as in a round:
    plain HTTP to another machine only while an administrator allows it (else ValidationError, nothing done)."""
    state = outbox.state(db)
    hub = HubClient(state.hub_url, db.device_id, keys.device_key(db.data_dir), patience=patience,
                    transport=transport, stop=stop, verify=tls.hub_verify(db.data_dir, state))
    tell = progress or (lambda _phase, _done, _total: None)
    try:
        dossiers, events, conflicts = _pages(db, hub, tell)
        scans, size = _scans(db, hub, tell)
    finally:
        hub.close()
    outbox.update_state(db, rebuilding=False)
    return RebuildReport(state.replaced, dossiers, events, scans, size, conflicts, {})


def _pages(db: Database, hub: HubClient, tell: Progress) -> tuple[int, int, int]:
    dossiers = events = conflicts = 0
    while True:
        after = outbox.state(db).rebuild_after
        _, page = hub.call("GET", "/v1/rebuild", model=RebuildPage, params={"after": after} if after else {})
        assert page is not None
        if not page.dossiers:
            return dossiers, events, conflicts
        result = rebuild.apply_page(db, [d.model_dump(mode="json") for d in page.dossiers],
                                    {blob.sha256: blob.length for blob in page.blobs})
        dossiers, events, conflicts = (dossiers + result.dossiers, events + result.events,
                                       conflicts + len(result.conflicts))
        tell("dossiers", dossiers, 0)


def _scans(db: Database, hub: HubClient, tell: Progress) -> tuple[int, int]:
    missing = rebuild.missing_blobs(db)
    folder = db.data_dir / DOWNLOAD_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    size = 0
    for done, (sha, length) in enumerate(missing, start=1):
        download(hub, db, sha, length, folder / f"{sha}.part")
        size += length
        tell("scans", done, len(missing))
    return len(missing), size


def download(hub: HubClient, db: Database, sha256: str, length: int, part: Path) -> None:
    """Fetch scan `sha256` into `part` from where an earlier try stopped; once whole and hashing to its
    name it goes into the blob store (a part that does not is dropped and fetched again)."""
    for attempt in stamina.retry_context(on=_transient, attempts=None, timeout=hub.patience, wait_initial=0.2,
                                         wait_max=hub.wait_max):
        with attempt:
            _fetch(hub, sha256, length, part)
            if file_digest(part)[0] != sha256:
                part.unlink()
                raise Transient("sync.download_corrupt", sha256=sha256)
    db.blobs.put(part.read_bytes())
    part.unlink()


def _fetch(hub: HubClient, sha256: str, length: int, part: Path) -> None:
    held = part.stat().st_size if part.exists() else 0
    if held >= length:
        return
    with hub.stream(f"/v1/blobs/{sha256}", {"Range": f"bytes={held}-"} if held else {}) as response:
        if response.status_code not in (200, 206):
            response.read()
            raise_for(response)
        start = held if response.status_code == 206 else 0
        with part.open("r+b" if part.exists() else "wb") as file:
            file.truncate(start)
            file.seek(start)
            for block in response.iter_bytes(_BLOCK):
                file.write(block)
    if part.stat().st_size < length:
        raise Transient("sync.download_short", sha256=sha256)


def _transient(error: Exception) -> bool:
    return isinstance(error, httpx.TransportError | Transient)

"""One sync round of a counter: learn what the hub holds, send events (compressed batches), then blobs
(tus), then apply the province's feed. Everything it needs to resume is in the database."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import httpx

from counter_app.backup import after_restore
from counter_app.clock import now
from counter_app.errors import CounterError, ValidationError
from counter_app.messages import os_reason, render
from counter_app.services import office, outbox, refusals
from counter_app.storage.database import Database
from counter_app.updates import state as update_state
from sync import keys, tls, tus, updates
from sync.health import send_health
from sync.protocol import Ack, BlobAnswer, EnrolReply, EnrolRequest, FeedPage, Health, HubState, gzip_json
from sync.transport import Halted, HubClient, Refused, Revoked
from sync.updates import UpdateSetup, production

log = logging.getLogger("counter.sync")
EVENT_BATCH = 200
UPLOADS_IN_FLIGHT = 2  # one file's round trips overlap the other's bytes on a slow link
FEED_BATCH = 200


@dataclass(frozen=True)
class RoundReport:
    events_sent: int
    blobs_sent: int
    payload_bytes: int  # blob bytes put on the wire, re-sends included
    feed_applied: int
    pending_events: int
    pending_blobs: int

    @property
    def complete(self) -> bool:
        return self.pending_events == 0 and self.pending_blobs == 0


def enrol(db: Database, hub_url: str, code: str, transport: httpx.BaseTransport | None = None,
          patience: float = 60.0, ca_bundle: Path | None = None,
          allow_plain_http: bool | None = None) -> outbox.SyncState:
    """Register this counter's key with the hub using an administrator's one-time code. `ca_bundle` (kept in
    the data folder) and `allow_plain_http` are the administrator's; None keeps what was set before."""
    before = outbox.state(db)
    plain = before.allow_plain_http if allow_plain_http is None else allow_plain_http
    tls.check_scheme(hub_url, plain)
    ca_name = tls.keep_ca_bundle(db.data_dir, ca_bundle) if ca_bundle else before.ca_bundle
    key = keys.device_key(db.data_dir)
    hub = HubClient(hub_url, db.device_id, None, patience=patience, transport=transport,
                    verify=tls.verify_for(db.data_dir, ca_name))
    request = EnrolRequest(code=code, device_id=db.device_id, public_key=keys.public_pem(key), name=db.data_dir.name)
    answer = post_enrolment(db, hub, request)
    return outbox.update_state(db, hub_url=hub_url, office_code=answer.office_code, halted="", last_error="",
                               hub_signing_key=answer.hub_signing_key, hub_sealing_key=answer.hub_sealing_key,
                               ca_bundle=ca_name, allow_plain_http=plain)


def post_enrolment(db: Database, hub: HubClient, request: EnrolRequest) -> EnrolReply:
    """The hub's answer to `request` (the client closed after it), refused when it is for another office."""
    try:
        _, answer = hub.call("POST", "/v1/enrol", model=EnrolReply, auth=False, json=request.model_dump(mode="json"))
    finally:
        hub.close()
    assert answer is not None
    mine = office.get_office(db).code
    if answer.office_code.upper() != mine.upper():
        raise ValidationError("sync.wrong_office", theirs=answer.office_code, mine=mine)
    return answer


def run_round(db: Database, transport: httpx.BaseTransport | None = None, patience: float = 600.0,
              wait_max: float = 30.0, sizer: tus.ChunkSizer | None = None, read_timeout: float = 30.0,
              stop: threading.Event | None = None, updates: UpdateSetup | None = None) -> RoundReport:
    """One full round; raises Halted (a person must act) or Transient/CounterError (try again later).
    `updates`: where and how to fetch the app's own updates (default: as installed; none from source)."""
    state = outbox.state(db)
    if not state.enrolled:
        raise CounterError("sync.not_enrolled")
    if state.revoked:
        raise Revoked("sync.revoked", at=state.revoked)  # never again: another device took its place
    try:
        verify = tls.hub_verify(db.data_dir, state)
    except CounterError as error:
        outbox.update_state(db, halted=error.message("vi"), last_error=error.message("vi"))
        raise Halted(error.key, **error.params) from error
    hub = HubClient(state.hub_url, db.device_id, keys.device_key(db.data_dir), patience, wait_max, transport,
                    read_timeout, stop, verify)
    outbox.update_state(db, last_attempt=now().isoformat())
    try:
        if state.rebuilding:
            _rebuild(db, transport, patience, stop)
        hub.call("GET", "/v1/health", model=Health, auth=False)  # also sets the clock the tokens are dated by
        _, held = hub.call("GET", "/v1/state", model=HubState)
        assert held is not None
        after_restore.reconcile(db, held.acknowledged_seq)  # a restored counter: numbered after the hub's last
        outbox.acknowledge_events(db, _believable(db, held.acknowledged_seq))  # a lost reply may have said more
        send_health(db, hub)
        events = _send_events(db, hub)
        blobs, payload = _send_blobs(db, hub, sizer)
        applied = _pull_feed(db, hub)
        _update(db, hub, updates or production())
    except Halted as error:
        revoked = str(error.params.get("at", "")) if isinstance(error, Revoked) else ""
        outbox.update_state(db, halted=error.message("vi"), last_error=error.message("vi"), revoked=revoked)
        raise
    except (CounterError, httpx.TransportError) as error:
        outbox.update_state(db, last_error=_text(error))
        raise
    finally:
        hub.close()
    left = outbox.summary(db)
    report = RoundReport(events, blobs, payload, applied, left.events, left.blobs)
    changes = {"last_error": "", "halted": ""}
    if report.complete:
        changes["last_success"] = now().isoformat()
    outbox.update_state(db, **changes)
    return report


def _rebuild(db: Database, transport: httpx.BaseTransport | None, patience: float,
             stop: threading.Event | None) -> None:
    """Finish a replacement's rebuild before the first ordinary round (it resumes where it stopped)."""
    from sync.replace import continue_rebuild  # noqa: PLC0415 (only a replacement needs it)

    continue_rebuild(db, transport, patience, stop=stop)


def _send_events(db: Database, hub: HubClient) -> int:
    """Send the outbox in batches; the events the hub quarantined are noted for the sync screen. A batch
    refused whole, or one that moves nothing, halts the round: resending it would change nothing."""
    sent = 0
    while events := outbox.pending_events(db, EVENT_BATCH):
        before = outbox.state(db).acked_seq
        try:
            _, ack = hub.call("POST", "/v1/events", model=Ack, content=gzip_json({"events": events}),
                              headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
        except Refused as error:
            raise Halted("sync.batch_refused", seq=before, status=error.status) from error
        assert ack is not None
        if ack.refused:
            refusals.record(db, [item.model_dump(mode="json") for item in ack.refused])
        outbox.acknowledge_events(db, _believable(db, ack.acknowledged_seq))
        if ack.acknowledged_seq <= before:
            raise Halted("sync.no_progress", seq=before)
        sent += len(events)
    return sent


def _believable(db: Database, seq: int) -> int:
    """An acknowledgement beyond the last event this device made is a hub gone wrong: believing it would
    drop events from the outbox unsent, so a person must look."""
    made = outbox.last_own_seq(db)
    if seq > made:
        raise Halted("sync.hub_ahead", seq=seq, made=made)
    return seq


def _send_blobs(db: Database, hub: HubClient, sizer: tus.ChunkSizer | None) -> tuple[int, int]:
    """The blobs the hub lacks: each streamed whole, UPLOADS_IN_FLIGHT at a time so one file's round trips
    (creation, the final answer, a reconnection) overlap another's bytes; or, given a `sizer`, one at a time
    in checksummed chunks (the earlier client, kept for comparison)."""
    pending = outbox.pending_blobs(db)
    if not pending:
        return 0, 0
    _, answer = hub.call("POST", "/v1/blobs/status", model=BlobAnswer,
                         json={"sha256": [sha for sha, _ in pending][:2000]})
    assert answer is not None
    for sha in answer.complete:  # arrived whole in an earlier round whose last reply was lost
        outbox.acknowledge_blob(db, sha)
    wanted = [sha for sha, _size in pending if sha not in answer.complete]
    if sizer is not None:
        return _one_by_one(db, hub, wanted, sizer)
    sent = payload = 0
    abort = threading.Event()
    with ThreadPoolExecutor(UPLOADS_IN_FLIGHT, thread_name_prefix="upload") as pool:
        running = {pool.submit(tus.upload_streamed, hub, db.blobs, sha, abort): sha for sha in wanted}
        try:
            for done in as_completed(running):
                payload += done.result().sent
                outbox.acknowledge_blob(db, running[done])  # the database only from this thread
                sent += 1
        finally:
            abort.set()  # a failure stops the other uploads at their next block; nothing sent is lost
            for future in running:
                future.cancel()
    return sent, payload


def _one_by_one(db: Database, hub: HubClient, wanted: list[str], sizer: tus.ChunkSizer) -> tuple[int, int]:
    sent = payload = 0
    for sha in wanted:
        payload += tus.upload(hub, db.blobs, sha, sizer).sent
        outbox.acknowledge_blob(db, sha)
        sent += 1
    return sent, payload


def _pull_feed(db: Database, hub: HubClient) -> int:
    applied = 0
    while True:
        cursor = outbox.state(db).feed_cursor
        _, page = hub.call("GET", "/v1/feed", model=FeedPage, params={"after": cursor, "limit": FEED_BATCH})
        assert page is not None
        if not page.items:
            return applied
        items = [item.model_dump(mode="json") for item in page.items]
        applied += outbox.apply_remote(db, items, max(item.cursor for item in page.items))


def _update(db: Database, hub: HubClient, setup: UpdateSetup | None) -> None:
    """The app's own update, last: its trouble is noted beside it and never fails the round."""
    if setup is None:
        return
    try:
        updates.step(db, hub, setup)
    except (CounterError, httpx.TransportError, OSError) as error:
        log.warning("update step: %s", type(error).__name__)
        text = render("update.disk", "vi", reason=os_reason(error)) if isinstance(error, OSError) else _text(error)
        update_state.change(db, message=text)


def _text(error: Exception) -> str:
    if isinstance(error, CounterError):
        return error.message("vi")
    return render("sync.network", "vi", reason=type(error).__name__)


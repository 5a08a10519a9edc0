"""The counter's side of the health report: what it tells the hub each round (its version, the oldest item
still unsent, the last good backup, what is pending), never holding the round up."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import func, select

from counter_app import __version__
from counter_app.backup import policy
from counter_app.services import outbox
from counter_app.storage.database import Database
from counter_app.storage.orm import BlobRow, DossierEventRow
from sync.protocol import Health, HealthReport
from sync.transport import Halted, HubClient, Refused

PATH = "/v1/health-report"
_log = logging.getLogger("sync")


def health_report(db: Database) -> HealthReport:
    left = outbox.summary(db)
    return HealthReport(app_version=__version__, oldest_unsent_at=_oldest_unsent(db, left.state.acked_seq),
                        last_backup_at=policy.state(db).last_good_at, pending_events=left.events,
                        pending_blobs=left.blobs)


def send_health(db: Database, hub: HubClient) -> None:
    """Tell the hub; a hub too old to know the report (or refusing it) is logged, and the round goes on."""
    try:
        hub.call("POST", PATH, model=Health, json=health_report(db).model_dump(mode="json"))
    except (Halted, Refused) as error:
        if isinstance(error, Halted) and error.params.get("status") not in (404, 405):
            raise
        _log.info("hub took no health report (%s)", error.params.get("status"))


def _oldest_unsent(db: Database, acked_seq: int) -> dt.datetime | None:
    """The device time of the first unacknowledged event, or the filing of the oldest unsent scan."""
    with db.read() as session:
        first_event = session.scalar(select(func.min(DossierEventRow.device_time)).where(
            DossierEventRow.device_id == db.device_id, DossierEventRow.seq > acked_seq))
    blobs = [sha for sha, _ in outbox.summary_blobs(db)]
    first_blob = None
    if blobs:
        with db.read() as session:
            first_blob = session.scalar(select(func.min(BlobRow.created_at)).where(BlobRow.sha256.in_(blobs)))
    moments = [moment for moment in (first_event, first_blob) if moment is not None]
    return min(moments) if moments else None

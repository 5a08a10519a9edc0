"""What a restored installation owes the numbers and the hub it shares with the lost one.

Right after the restore, every printed numbering the lost hours may have used (today's dossier codes from the
backup's day on, the year's registers and postal batches) moves forward by a margin: a gap in a register is
honest, a number given twice is not. At the first sync round that reaches the hub, the events made since the
restore are renumbered after the last one the hub holds of this device (the lost counter may have sent more
than the backup knew), and what the hub holds that this counter lost is said on the sync screen."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from counter_app.backup.restore import RESTORED_MARK
from counter_app.clock import local, now
from counter_app.codes import counter_key
from counter_app.messages import render
from counter_app.services import outbox
from counter_app.services.office import office_of
from counter_app.storage.database import Database
from counter_app.storage.orm import CounterRow, DeviceRow, DossierEventRow

MARGIN = 100  # numbers kept back per day, register and batch series
log = logging.getLogger("counter.backup")


@dataclass(frozen=True)
class RestoreMark:
    generation: str
    created: str
    last_seq: int
    numbers_kept_back: bool = False


@dataclass(frozen=True)
class Reconciled:
    renumbered: int  # events made since the restore, moved after the hub's last
    hub_only: int  # events the hub holds of this device that this counter lost


def read_mark(data_dir: Path) -> RestoreMark | None:
    path = data_dir / RESTORED_MARK
    if not path.exists():
        return None
    values = json.loads(path.read_text("utf-8"))
    known = {f.name for f in dataclasses.fields(RestoreMark)}
    return RestoreMark(**{k: v for k, v in values.items() if k in known})


def keep_numbers_back(db: Database, today: dt.date | None = None) -> list[str]:
    """Move the numberings forward once after a restore; the names of the counters moved."""
    mark = read_mark(db.data_dir)
    if mark is None or mark.numbers_kept_back:
        return []
    since = local(dt.datetime.fromisoformat(mark.created)).date()
    until = today or local(now()).date()
    with db.write() as session:
        names = [counter_key(office_of(session).code, since + dt.timedelta(days=n))
                 for n in range((until - since).days + 1)]
        names += [name for year in range(since.year, until.year + 1) for name in session.scalars(
            select(CounterRow.name).where(CounterRow.name.like(f"register:{year}%")
                                          | CounterRow.name.like(f"postal:%:{year}")))]
        names += [f"register:{year}" for year in range(since.year, until.year + 1)]
        moved = sorted(set(names))
        for name in moved:
            _move(session, name)
    _write_mark(db.data_dir, dataclasses.replace(mark, numbers_kept_back=True))
    log.info("after restore: %d numberings moved forward by %d", len(moved), MARGIN)
    return moved


def _move(session: Session, name: str) -> None:
    row = session.get(CounterRow, name)
    if row is None:
        session.add(CounterRow(name=name, value=MARGIN))
    else:
        row.value += MARGIN


def reconcile(db: Database, hub_acked: int) -> Reconciled | None:
    """At the first round after a restore, with `hub_acked` the hub's contiguous mark for this device: the
    events made since the restore renumbered after it, the outbox told, the mark removed. None when this
    installation was not restored (or is reconciled already)."""
    mark = read_mark(db.data_dir)
    if mark is None:
        return None
    shift = max(0, hub_acked - mark.last_seq)
    with db.write() as session:
        if shift:
            _renumber(session, db, mark.last_seq, shift)
        renumbered = len(session.scalars(select(DossierEventRow.id).where(
            DossierEventRow.device_id == db.device_id, DossierEventRow.seq > mark.last_seq + shift)).all())
    if hub_acked > outbox.state(db).acked_seq:
        outbox.acknowledge_events(db, hub_acked)
    found = Reconciled(renumbered if shift else 0, shift)
    if shift:
        note = render("backup.reconciled", "vi", generation=mark.generation, hub_only=shift)
        current = outbox.state(db)
        outbox.update_state(db, conflicts=(*current.conflicts, note))
    (db.data_dir / RESTORED_MARK).unlink(missing_ok=True)
    log.info("after restore: %d events renumbered, %d held only by the hub", found.renumbered, shift)
    return found


def _renumber(session: Session, db: Database, after: int, shift: int) -> None:
    """Every own event above `after` moved up by `shift`, order kept (through negatives: no clash midway)."""
    own = (DossierEventRow.device_id == db.device_id)
    session.execute(update(DossierEventRow).where(own, DossierEventRow.seq > after)
                    .values(seq=-(DossierEventRow.seq + shift)))
    session.execute(update(DossierEventRow).where(own, DossierEventRow.seq < 0).values(seq=-DossierEventRow.seq))
    session.execute(update(DeviceRow).where(DeviceRow.id == db.device_id)
                    .values(last_seq=DeviceRow.last_seq + shift))


def _write_mark(data_dir: Path, mark: RestoreMark) -> None:
    from counter_app.storage.blobs import write_atomically  # noqa: PLC0415

    write_atomically(data_dir / RESTORED_MARK, json.dumps(dataclasses.asdict(mark)).encode())

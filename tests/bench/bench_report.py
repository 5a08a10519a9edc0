"""Benchmark (not a test): the month report over 200,000 dossiers and their events on SQLite; prints timings.

The dossiers are spread three minutes apart from 1/1/2025 (as in bench_dossier_list: about 14,400 a month over
14 months), each with its events: received, accepted, transferred, then a result, a return (some by post),
ratings, or a refusal, withdrawal or stop; the newest are still open."""

import datetime as dt
import json
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from counter_app.clock import local
from counter_app.reports.periods import PeriodKind, period_of
from counter_app.services.office import initialise
from counter_app.services.reports import build_report, load_facts
from counter_app.storage.database import Database
from counter_app.storage.orm import DeviceRow, DossierEventRow, DossierRow, ProcedureRow
from tests.conftest import OFFICE

OPEN_TAIL = 3000
START = dt.datetime(2025, 1, 1, 1, 0, tzinfo=dt.UTC)


def _events(rng: random.Random, n: int, count: int, dossier: uuid.UUID, device: uuid.UUID, code: str,
            procedure: str, at: dt.datetime, seq: int) -> tuple[list[dict[str, Any]], str, dt.datetime]:
    """The dossier's events, its final status and the time of its last event."""
    due = at + dt.timedelta(days=rng.choice([1, 3, 5, 7]))
    steps: list[tuple[str, dt.datetime, dict[str, Any]]] = [
        ("received", at, {"procedure_code": procedure, "channel": rng.choice(["counter"] * 6 + ["postal", "online"]),
                          "documents": [{"position": 1}, {"position": 2}]}),
        ("accepted", at, {"code": code, "due_at": due.isoformat()}),
        ("transferred", at + dt.timedelta(minutes=30), {}),
    ]
    status = rng.choice(["accepted", "transferred", "in_progress", "result_ready"])
    if n < count - OPEN_TAIL:
        done = at + dt.timedelta(hours=rng.randrange(4, 24 * 9))
        ending = rng.random()
        if ending < 0.95:
            steps.append(("result_recorded", done, {}))
            steps.append(("result_returned", done + dt.timedelta(days=1),
                          {"delivery": "postal" if rng.random() < 0.1 else "counter"}))
            if rng.random() < 0.3:
                score = rng.choice([1, 1, 2, 2, 3, 4])
                steps.append(("rated", done + dt.timedelta(days=1, minutes=1), {"score": score}))
            status = "returned"
        else:
            status = rng.choice(["refused", "stopped"])
            steps.append((status, done, {"reason": "x"}))
    rows = [{"id": uuid.uuid4(), "dossier_id": dossier, "device_id": device, "seq": seq + i, "type": kind,
             "device_time": moment, "actor": f"clerk{n % 4}", "payload": payload}
            for i, (kind, moment, payload) in enumerate(steps)]
    return rows, status, steps[-1][1]


def populate(database: Database, count: int) -> int:
    """Dossier rows and their events in bulk; returns the number of events."""
    rng = random.Random(17)
    events_written, seq = 0, 1
    with database.write() as session:
        device = session.scalars(select(DeviceRow.id)).first()
        procedures = session.execute(select(ProcedureRow.id, ProcedureRow.code)).all()
        dossiers: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for n in range(count):
            procedure = procedures[n % len(procedures)]
            at = START + dt.timedelta(minutes=3 * n)
            code = f"{OFFICE.code}-{at:%y%m%d}-{n % 10000:04d}{n // 10000:02d}"
            dossier = uuid.uuid4()
            rows, status, last = _events(rng, n, count, dossier, device, code, procedure.code, at, seq)
            seq += len(rows)
            events += rows
            dossiers.append({
                "seq_no": n + 1, "id": dossier, "code": code, "device_id": device, "procedure_id": procedure.id,
                "procedure_code": procedure.code, "status": status, "channel": "counter",
                "applicant_name": "Nguyễn Văn An", "applicant_id_number": "001090123456", "submitted_at": at,
                "accepted_at": at, "due_at": at + dt.timedelta(days=3), "delivery": "counter", "updated_at": last,
                "closed_at": last if status in ("returned", "refused", "stopped") else None,
                "search_text": code.lower(),
            })
            if len(dossiers) == 10000:
                events_written += _insert(session, dossiers, events)
                dossiers, events = [], []
        events_written += _insert(session, dossiers, events)
    return events_written


def _insert(session: Any, dossiers: list[dict[str, Any]], events: list[dict[str, Any]]) -> int:
    """Plain executemany on the SQLite connection (the ORM's conversions would take minutes for a million)."""
    connection = session.connection()
    for table, rows in ((DossierRow.__table__, dossiers), (DossierEventRow.__table__, events)):
        if not rows:
            continue
        columns = [column for column in table.columns]
        defaults = {c.name: c.default.arg if c.default is not None and not callable(c.default.arg) else None
                    for c in columns}
        sql = (f"INSERT INTO {table.name} ({', '.join(c.name for c in columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        connection.exec_driver_sql(sql, [tuple(_raw(row.get(c.name, defaults[c.name])) for c in columns)
                                         for row in rows])
    return len(events)


def _raw(value: Any) -> Any:
    """A value as SQLAlchemy stores it on SQLite: UUIDs as 32 hex digits, UTC date-times as naive text, JSON."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def timed(label: str, work: Any) -> Any:
    """Run `work`, print its wall-clock and CPU seconds (on a shared machine they differ)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = work()
    sys.stdout.write(f"{label}: {time.perf_counter() - started:.2f} s ({time.process_time() - cpu:.2f} s CPU)\n")
    return result


def main(count: int = 200_000) -> None:
    database = Database.open(Path(tempfile.mkdtemp(prefix="counter-bench-report-")))
    initialise(database, OFFICE)
    started = time.perf_counter()
    events = populate(database, count)
    last = START + dt.timedelta(minutes=3 * count)
    sys.stdout.write(f"populate {count} dossiers, {events} events (to {local(last):%d/%m/%Y}): "
                     f"{time.perf_counter() - started:.1f} s\n")
    for label, day in (("a closed month", dt.date(2025, 10, 15)), ("the newest month", local(last).date())):
        month = period_of(PeriodKind.MONTH, day)
        with database.read() as session:
            facts = timed(f"{label} {month.label()}: load facts (month + previous)",
                          lambda m=month: load_facts(session, m.previous().first, m.last))
        report = timed(f"{label}: whole month report (load, figures, groups, series)",
                       lambda m=month: build_report(database, m, at=local(last)))
        totals = report.totals
        sys.stdout.write(f"  {len(facts)} dossiers read; received {totals.received}, settled {totals.settled} "
                         f"(on time {totals.on_time_share} %), open overdue {totals.open_overdue}, "
                         f"ratings {totals.rating_count}, clerks {len(report.by_clerk)}, "
                         f"procedures {len(report.by_procedure)}\n")
    database.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)

"""Benchmark (not a test): the province's dossier search (sync/hub/web/search.py) over many hub dossiers.

Fills a hub database (SQLite in a temporary folder, or the PostgreSQL URL given) with N dossiers of 20
communes in the shape the hub's projection stores, then times each kind of search a province user makes.
Usage: python -m tests.bench.bench_web_search [N] [postgresql+psycopg://…/db]"""

import datetime as dt
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert

from counter_app.textfold import search_document
from sync.hub.store import Dossier, HubStore
from sync.hub.web.search import Filters, choices, search
from sync.hub.web.tables import ensure_tables

NAMES = ("Nguyễn Văn Đức", "Trần Thị Hồng", "Lê Văn Tâm", "Phạm Thị Lan", "Đặng Hồng Sơn", "Vũ Minh Châu")
PROCEDURES = ("1.004873", "1.001193", "2.000986", "1.003583", "1.001022")
STATUSES = ("accepted", "transferred", "in_progress", "result_ready", "returned", "returned", "returned")


def fill(store: HubStore, count: int) -> str:
    """`count` dossiers; returns one code to look up."""
    rng, start = random.Random(7), dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    rows, code = [], ""
    for number in range(count):
        at = start + dt.timedelta(minutes=7 * number)
        office = f"000.00.{10 + number % 20:02d}.H12"
        code = f"{office}-{at:%y%m%d}-{number % 10000:04d}"
        name, id_number = f"{rng.choice(NAMES)} {number}", f"0{rng.randrange(10**10, 10**11)}"
        state = {"code": code, "applicant_name": name, "applicant_id_number": id_number,
                 "procedure_code": rng.choice(PROCEDURES), "due_at": (at + dt.timedelta(days=5)).isoformat(),
                 "search_text": search_document(code, name, id_number, "")}
        rows.append({"id": uuid.uuid4(), "office_code": office, "code": code, "status": rng.choice(STATUSES),
                     "state": state, "conflict": "x" if number % 997 == 0 else "", "updated_at": at})
        if len(rows) == 5000:
            _insert(store, rows)
    _insert(store, rows)
    return code


def _insert(store: HubStore, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    with store.session() as session:
        session.execute(insert(Dossier), rows)
    rows.clear()


def timed(label: str, work: object) -> None:
    times = []
    for _ in range(3):
        began = time.perf_counter()
        found = work()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    count = len(found.rows) if hasattr(found, "rows") else len(found[1])
    print(f"{label:<42} {min(times) * 1000:7.0f} – {max(times) * 1000:5.0f} ms  ({count} shown)")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    url = sys.argv[2] if len(sys.argv) > 2 else None
    with tempfile.TemporaryDirectory() as folder:
        store = HubStore(Path(folder), url)
        ensure_tables(store)  # as the web screen does at start: its tables and the list's index
        began = time.perf_counter()
        code = fill(store, count)
        print(f"{count} dossiers on {store.engine.dialect.name}, filled in {time.perf_counter() - began:.0f} s; "
              f"load {os.getloadavg()[0]:.1f}")
        timed("no filter (first page)", lambda: search(store, Filters()))
        timed("name without diacritics 'dang hong son'", lambda: search(store, Filters(q="dang hong son")))
        timed("name, rare 'duc 4242'", lambda: search(store, Filters(q="duc 4242")))
        timed("code", lambda: search(store, Filters(q=code)))
        timed("office + procedure + status", lambda: search(store, Filters(
            office="000.00.12.H12", procedure="1.004873", status="transferred")))
        timed("overdue", lambda: search(store, Filters(overdue=True)))
        timed("conflict", lambda: search(store, Filters(conflict=True)))
        timed("filter choices (communes, procedures)", lambda: choices(store))  # 2nd, 3rd: cached
        store.dispose()


if __name__ == "__main__":
    main()

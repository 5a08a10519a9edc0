"""Benchmark (not a test): the dossier list model over 200,000 dossiers on SQLite; prints timings."""

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select

from counter_app.lifecycle import Status
from counter_app.services.office import initialise
from counter_app.services.queries import DossierFilter, count_dossiers, list_page, today_counts
from counter_app.storage.database import Database
from counter_app.storage.orm import DeviceRow, DossierRow, ProcedureRow
from counter_app.textfold import search_document
from tests.conftest import OFFICE
from ui.dossier_model import DossierTableModel

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Ngọc", "Minh", "Thanh", "Đức", "Thu"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hồng", "Khánh", "Lan", "Long", "Mai", "Nam", "Phương"]
ACTIVE = [Status.ACCEPTED, Status.TRANSFERRED, Status.IN_PROGRESS, Status.RESULT_READY, Status.SUPPLEMENT_REQUESTED]
OPEN_TAIL = 3000  # the newest dossiers are still open; years of older ones are closed, as in a real office


def status_of(rng: random.Random, n: int, count: int) -> Status:
    if n >= count - OPEN_TAIL:
        return rng.choice(ACTIVE)
    return Status.RETURNED if rng.random() < 0.97 else rng.choice([Status.REFUSED, Status.WITHDRAWN, Status.STOPPED])


def populate(database: Database, count: int) -> None:
    """Bulk rows straight into the projection (the search triggers still index every one)."""
    rng = random.Random(7)
    start = dt.datetime(2025, 1, 1, 1, 0, tzinfo=dt.UTC)
    with database.write() as session:
        device = session.scalars(select(DeviceRow.id)).first()
        procedures = session.execute(select(ProcedureRow.id, ProcedureRow.code)).all()
        batch = []
        for n in range(count):
            procedure = procedures[n % len(procedures)]
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            submitted = start + dt.timedelta(minutes=3 * n)
            code = f"{OFFICE.code}-{submitted:%y%m%d}-{n % 10000:04d}{n // 10000:02d}"
            id_number = f"0010{rng.randrange(10**8):08d}"
            phone = f"09{rng.randrange(10**8):08d}"
            batch.append({
                "seq_no": n + 1, "id": uuid.uuid4(), "code": code, "device_id": device,
                "procedure_id": procedure.id, "procedure_code": procedure.code,
                "status": status_of(rng, n, count).value, "channel": "counter", "applicant_name": name,
                "applicant_id_number": id_number, "applicant_phone": phone, "submitted_at": submitted,
                "accepted_at": submitted, "due_at": submitted + dt.timedelta(days=3), "delivery": "counter",
                "search_text": search_document(code, name, id_number, phone), "updated_at": submitted,
            })
            if len(batch) == 5000:
                session.execute(insert(DossierRow), batch)
                batch = []
        if batch:
            session.execute(insert(DossierRow), batch)


def wait_for(app: QApplication, predicate: object, timeout: float = 60) -> float:
    started = time.perf_counter()
    while not predicate():  # type: ignore[operator]
        app.processEvents()
        if time.perf_counter() - started > timeout:
            raise TimeoutError
        time.sleep(0.0005)
    return 1000 * (time.perf_counter() - started)


def main(count: int = 200_000) -> None:
    app = QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])
    database = Database.open(Path(tempfile.mkdtemp(prefix="counter-bench-list-")))
    initialise(database, OFFICE)
    started = time.perf_counter()
    populate(database, count)
    sys.stdout.write(f"populate {count} dossiers: {time.perf_counter() - started:.1f} s\n")
    model = DossierTableModel(database, page_size=200)
    for label, criteria in (("all", DossierFilter()), ("status in_progress", DossierFilter(
            statuses=frozenset({Status.IN_PROGRESS}))), ("overdue", DossierFilter(overdue=True)),
            ("text 'nguyen van an'", DossierFilter(text="nguyen van an")),
            ("ready to return", DossierFilter(statuses=frozenset({Status.RESULT_READY}))),
            ("procedure 1.004873", DossierFilter(
                procedure_code="1.004873"))):
        model.set_filter(criteria)
        first = wait_for(app, lambda: model.rowCount() > 0 or not model.canFetchMore(QModelIndex()))
        pages = []
        for _ in range(20):  # what scrolling down twenty screens asks for
            if not model.canFetchMore(QModelIndex()):
                break
            before = model.rowCount()
            model.fetchMore(QModelIndex())
            pages.append(wait_for(app, lambda before=before: model.rowCount() > before
                                  or not model.canFetchMore(QModelIndex())))
        median = statistics.median(pages) if pages else 0.0
        sys.stdout.write(f"filter {label:<22} first page {first:7.1f} ms; next pages median {median:6.1f} ms, "
                         f"max {max(pages, default=0):6.1f} ms; rows loaded {model.rowCount()}\n")
    steps = min(499, count // 200 - 1)
    deep = [list_page(database, DossierFilter(), None, 200)[-1]]
    started = time.perf_counter()
    for _ in range(steps):  # walk deep into the list, page by page, off the GUI
        deep.append(list_page(database, DossierFilter(), deep[-1], 200)[-1])
    sys.stdout.write(f"keyset paging to row {200 * (steps + 1):,}: "
                     f"{1000 * (time.perf_counter() - started) / steps:.1f} ms per page of 200\n")
    for label, call in (("count all", lambda: count_dossiers(database, DossierFilter())),
                        ("today's counts (5 queries)", lambda: today_counts(database))):
        started = time.perf_counter()
        call()
        sys.stdout.write(f"{label}: {1000 * (time.perf_counter() - started):.1f} ms\n")
    database.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)

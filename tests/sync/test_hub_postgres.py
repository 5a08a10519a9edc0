"""The hub on PostgreSQL, as in production: two processes over one database take a counter's events and
scans, and a province decision comes back, exactly as on SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.services import outbox, queries
from counter_app.storage.database import Database
from sync.client import enrol, run_round
from sync.hub.admin import change_status, show
from sync.hub.store import HubStore
from tests.conftest import _free_port, create_database
from tests.sync.harness import OFFICE_A, Hub
from tests.sync.workload import fill

pytestmark = pytest.mark.postgres


def test_two_hub_workers_over_postgresql(pg_server: str, tmp_path: Path) -> None:
    create_database(pg_server, "hub_sync")
    url = f"{pg_server}/hub_sync"
    codes = fill(tmp_path / "counter", dossiers=20, scans=3, pages=2)
    hub = Hub(tmp_path / "hub", _free_port(), url, workers=2)
    hub.start()
    database = Database.open(tmp_path / "counter")
    try:
        enrol(database, hub.url, hub.enrolment_code(OFFICE_A))
        assert run_round(database, patience=30, wait_max=1).complete
        store = HubStore(tmp_path / "hub", url)
        try:
            held = show(store, codes[0])
            assert held["status"] == "accepted" and all(blob["arrived"] for blob in held["blobs"])
            change_status(store, codes[1], "transfer", "tinh")
        finally:
            store.dispose()
        report = run_round(database, patience=30, wait_max=1)
        assert report.feed_applied == 1 and outbox.summary(database).events == 0
        assert queries.get_dossier(database, codes[1]).status.value == "transferred"
    finally:
        database.dispose()
        hub.stop()

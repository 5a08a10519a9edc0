"""A poisoned outbox cannot stop sync: a hostile event in the middle of 1,000 is quarantined at the hub with
its reason, everything else goes in, and the counter shows the refused dossier in Vietnamese."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter_app.model import Person
from counter_app.services import outbox, queries, refusals
from counter_app.services.intake import IntakeRequest, intake
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierEventRow
from sync.client import enrol, run_round
from sync.hub.admin import show
from sync.hub.store import Event, HubStore, Quarantined
from tests.conftest import _free_port
from tests.sync.harness import OFFICE_A, Hub
from tests.sync.workload import PROCEDURE, fill

DOSSIERS = 500  # two events each: 1,000 events
POISONED = 250  # the dossier whose reception carries a 90 KB address


@pytest.fixture(scope="module")
def poisoned_counter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A counter whose outbox holds 1,000 events, one of them (from before the limits) with a 90 KB address."""
    folder = tmp_path_factory.mktemp("poisoned")
    codes = fill(folder, dossiers=DOSSIERS, scans=0)
    database = Database.open(folder)
    try:
        with database.write() as session:
            reception = session.scalars(select(DossierEventRow).where(DossierEventRow.seq == 2 * POISONED - 1)).one()
            reception.payload = {**reception.payload, "applicant_address": "Thôn Đông " * 9_000}
    finally:
        database.dispose()
    return folder, codes


def test_a_hostile_event_in_the_middle_of_1000_is_quarantined_and_the_rest_syncs(
        poisoned_counter: tuple[Path, list[str]], hub_database: str | None, tmp_path: Path) -> None:
    template, codes = poisoned_counter
    shutil.copytree(template, tmp_path / "counter")
    hub = Hub(tmp_path / "hub", _free_port(), hub_database)
    hub.start()
    database = Database.open(tmp_path / "counter")
    try:
        enrol(database, hub.url, hub.enrolment_code(OFFICE_A))
        report = run_round(database, patience=30, wait_max=1)
        assert report.complete and report.events_sent == 2 * DOSSIERS
        assert outbox.state(database).halted == "" and outbox.summary(database).events == 0
        poisoned = queries.get_dossier(database, codes[POISONED - 1])
        shown = refusals.by_dossier(database, [poisoned.id])[poisoned.id]
        assert shown == "Tỉnh từ chối: dữ liệu của sự kiện vượt quá 64 KB."
        assert [item.seq for item in refusals.refusals(database)] == [2 * POISONED - 1, 2 * POISONED]
        store = HubStore(tmp_path / "hub", hub_database)
        try:
            with store.session() as session:
                assert session.scalar(select(func.count()).select_from(Event)) == 2 * DOSSIERS - 2
                kept = session.scalars(select(Quarantined).order_by(Quarantined.seq)).all()
                assert [(q.seq, q.reason_key) for q in kept] == [
                    (2 * POISONED - 1, "hub.refused.too_large"), (2 * POISONED, "hub.refused.unknown_dossier")]
            assert show(store, codes[POISONED])["status"] == "accepted"  # the next dossier went in
        finally:
            store.dispose()
        intake(database, IntakeRequest(PROCEDURE, Person("Lê Văn Sau", "001090000777")), "anh")  # the day goes on
        assert run_round(database, patience=30, wait_max=1).events_sent == 2
        assert outbox.summary(database).events == 0
    finally:
        database.dispose()
        hub.stop()

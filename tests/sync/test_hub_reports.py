"""The hub's figures per commune from synced events (ratings included): `hub report` and GET /v1/reports,
which shows a device its own office only and every office to the province's report key."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from counter_app.clock import now
from counter_app.model import Person
from counter_app.services import processing
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.services.rating import rate
from counter_app.storage.database import Database
from sync import keys
from sync.client import enrol, run_round
from sync.hub.auth import issue_enrolment
from sync.hub.store import HubStore
from tests.conftest import OFFICE
from tests.sync.harness import OFFICE_A, OFFICE_B, running_hub

KEY = "province-report-key-for-tests"


@pytest.fixture
def counters(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Office A: one dossier settled and rated 1, one open; office B: one dossier rated 4 at intake."""
    a, b = (Database.open(tmp_path / name) for name in ("a", "b"))
    for database, office in ((a, OFFICE_A), (b, OFFICE_B)):
        initialise(database, dataclasses.replace(OFFICE, code=office))
    settled = str(intake(a, IntakeRequest("1.004873", Person("Lê Thị Thu Hà", "079195000123")), "anh").code)
    intake(a, IntakeRequest("1.004873", Person("Nguyễn Văn Đức", "001090123456")), "anh")
    processing.transfer(a, settled, "anh")
    processing.record_result(a, settled, "anh")
    processing.return_result(a, settled, "anh", processing.Recipient("Lê Thị Thu Hà", "079195000123"))
    rate(a, settled, 1, "anh")
    other = str(intake(b, IntakeRequest("1.004873", Person("Trần Thị Hồng", "001190000777")), "binh").code)
    rate(b, other, 4, "binh", reason="wait", stage="intake")
    yield a, b
    a.dispose()
    b.dispose()


def _auth(database: Database) -> dict[str, str]:
    return {"Authorization": f"Bearer {keys.token(keys.device_key(database.data_dir), database.device_id)}"}


def test_figures_per_commune_from_synced_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                counters: tuple[Database, Database]) -> None:
    a, b = counters
    monkeypatch.setenv("COUNTER_HUB_REPORT_KEY", KEY)
    with running_hub(tmp_path / "hub") as hub:
        store = HubStore(hub.folder)
        for counter, office in ((a, OFFICE_A), (b, OFFICE_B)):
            enrol(counter, hub.url, issue_enrolment(store, office))
            assert run_round(counter, patience=30).complete
        store.dispose()
        today = now().date().isoformat()
        offices = json.loads(hub.cli("report", "--from", today, "--to", today, "--json").stdout)["offices"]
        assert set(offices) == {OFFICE_A, OFFICE_B}
        first, second = offices[OFFICE_A], offices[OFFICE_B]
        assert (first["received"], first["settled"], first["settled_early"] + first["settled_on_time"]) == (2, 1, 1)
        assert (first["rating_count"], first["rating_satisfied"], first["open_not_due"]) == (1, 1, 1)
        assert (second["received"], second["rating_count"], second["satisfaction_share"]) == (1, 1, 0.0)
        only_b = json.loads(hub.cli("report", "--from", today, "--to", today, "--office", OFFICE_B,
                                    "--json").stdout)["offices"]
        assert list(only_b) == [OFFICE_B]

        url, query = f"{hub.url}/v1/reports", {"from": today, "to": today}
        own = httpx.get(url, params=query, headers=_auth(a)).json()
        assert list(own["offices"]) == [OFFICE_A] and own["offices"][OFFICE_A] == first
        province = httpx.get(url, params=query, headers={"X-Report-Key": KEY}).json()
        assert province["offices"] == offices
        assert httpx.get(url, params=query).status_code == 401
        guessed = httpx.get(url, params=query, headers={"X-Report-Key": "guess"})
        assert guessed.status_code == 401 and "report key" in guessed.json()["detail"]  # not "missing bearer token"
        backwards = httpx.get(url, params={"from": today, "to": "2000-01-01"}, headers={"X-Report-Key": KEY})
        assert backwards.status_code == 422 and "after" in backwards.json()["detail"]

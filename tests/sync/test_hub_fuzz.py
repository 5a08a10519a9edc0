"""Every hub route under generated requests (schemathesis over the OpenAPI the hub serves, valid and mangled
inputs, each with a fresh device token), on SQLite and PostgreSQL: never a 500, a 4xx always says why,
and a refused request changes nothing in the hub's database. `HUB_FUZZ_EXAMPLES` sizes the run
(tests/bench/fuzz_hub.py runs it long)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode
from sqlalchemy import select

from counter_app.storage.database import Database
from sync import keys
from sync.client import enrol
from sync.hub.store import HubBase, HubStore, TokenUse
from tests.conftest import _free_port
from tests.sync.harness import OFFICE_A, DeviceAuth, Hub
from tests.sync.workload import fill

EXAMPLES = int(os.environ.get("HUB_FUZZ_EXAMPLES", "12"))
Fuzzed = tuple[Hub, DeviceAuth, HubStore]


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory, hub_database_module: str | None) -> Iterator[Fuzzed]:
    """A running hub with one enrolled counter, and the hub's store to look into."""
    folder = tmp_path_factory.mktemp("fuzzed")
    hub = Hub(folder / "hub", _free_port(), hub_database_module)
    hub.start()
    fill(folder / "counter", dossiers=1, scans=0)
    database = Database.open(folder / "counter")
    store = HubStore(folder / "hub", hub_database_module)
    try:
        enrol(database, hub.url, hub.enrolment_code(OFFICE_A))
        yield hub, DeviceAuth(keys.device_key(database.data_dir), database.device_id), store
    finally:
        store.dispose()
        database.dispose()
        hub.stop()


def snapshot(store: HubStore) -> str:
    """A digest of every row the hub holds (but the used token ids, which every request adds to)."""
    digest = hashlib.sha256()
    with store.session() as session:
        for table in HubBase.metadata.sorted_tables:
            if table.name == TokenUse.__tablename__:
                continue
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
            digest.update(f"{table.name}:{[tuple(map(str, row)) for row in rows]}".encode())
    return digest.hexdigest()


def _detail(response: Any) -> str:
    try:
        return str(response.json().get("detail") or "")
    except ValueError:
        return ""


def test_every_route_refuses_with_a_reason_and_changes_nothing(fuzzed: Fuzzed) -> None:
    hub, auth, store = fuzzed
    served = schemathesis.openapi.from_url(f"{hub.url}/openapi.json")
    tried: set[tuple[str, str]] = set()
    for operation in (result.ok() for result in served.get_all_operations()):  # type: ignore[union-attr]
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))
            def check(case: Any) -> None:
                before = snapshot(store)
                response = case.call(base_url=hub.url, headers=auth.headers(), timeout=30)
                where = (case.method, case.path, response.status_code, response.text[:300])
                assert response.status_code < 500, where
                if response.status_code >= 400:
                    assert case.method == "HEAD" or _detail(response), where  # a HEAD answer has no body
                    assert snapshot(store) == before, where

            try:
                check()
            except Unsatisfiable:  # nothing to mangle (no body, any text is a valid path): positive runs cover it
                assert mode is GenerationMode.NEGATIVE
        tried.add((operation.method.upper(), operation.path))
    assert {("POST", "/v1/enrol"), ("POST", "/v1/events"), ("POST", "/v1/files"), ("PATCH", "/v1/files/{sha256}"),
            ("HEAD", "/v1/files/{sha256}"), ("GET", "/v1/feed"), ("POST", "/v1/blobs/status")} <= tried

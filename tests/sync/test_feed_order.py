"""The feed under concurrent province writes: two writers, each its own connection and transaction, the one
numbered first committing last, a counter pulling its feed in between over HTTP; once both have committed the
counter has received each entry exactly once (none skipped by its cursor, none twice), on SQLite and on
PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from counter_app.services import queries
from counter_app.storage.database import Database
from sync.client import enrol, run_round
from sync.hub.admin import change_status, publish
from sync.hub.auth import issue_enrolment
from sync.hub.store import HubStore
from tests.conftest import _free_port
from tests.sync.harness import OFFICE_A, HeldCommit, Hub, Run, waiting_or_done
from tests.sync.workload import fill

Writer = Callable[[HubStore], object]
TEST_DAY = "2027-02-08"


class FeedRecorder(httpx.HTTPTransport):
    """The counter's own transport to the hub on loopback, noting every feed item it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/v1/feed" and response.status_code == 200:
            response.read()
            self.items += response.json()["items"]
        return response


PAIRS = ["calendar-then-decision", "decision-then-decision", "decision-then-calendar"]


@pytest.fixture(scope="module")
def counter_and_hub(tmp_path_factory: pytest.TempPathFactory,
                    hub_database_module: str | None) -> Iterator[tuple[Database, Hub, list[str]]]:
    """A counter of office A with two accepted dossiers for each pair of writers, enrolled at a running hub
    that holds them."""
    folder = tmp_path_factory.mktemp("feed")
    codes = fill(folder / "counter", dossiers=2 * len(PAIRS), scans=0)
    hub = Hub(folder / "hub", _free_port(), hub_database_module)
    hub.start()
    database = Database.open(folder / "counter")
    store = HubStore(hub.folder, hub_database_module)
    try:
        enrol(database, hub.url, issue_enrolment(store, OFFICE_A))
        assert run_round(database, patience=30, wait_max=1).complete
        yield database, hub, codes
    finally:
        store.dispose()
        database.dispose()
        hub.stop()


def _calendar(folder: Path) -> Writer:
    path = folder / "calendar.json"
    path.write_text(json.dumps({"days": [{"day": TEST_DAY, "kind": "off", "note": "Nghỉ Tết"}]}), "utf-8")
    return lambda store: publish(store, "calendar", path)


def _writer(kind: str, code: str, folder: Path) -> tuple[Writer, tuple[str, str | None]]:
    """A province-wide calendar publication, or the province's transfer of dossier `code`; with the
    (kind, dossier code) of the feed item it makes."""
    if kind == "calendar":
        return _calendar(folder), ("calendar", None)
    return (lambda store: change_status(store, code, "transfer", "Trần Văn Tỉnh")), ("event", code)


def _round(database: Database, recorder: FeedRecorder) -> int:
    return run_round(database, transport=recorder, patience=60, wait_max=1).feed_applied


@pytest.mark.parametrize("pair", PAIRS)
def test_a_late_commit_numbered_first_still_reaches_the_counter_once(
        counter_and_hub: tuple[Database, Hub, list[str]], tmp_path: Path, pair: str) -> None:
    database, hub, codes = counter_and_hub
    first_kind, _, second_kind = pair.split("-")
    mine = codes[2 * PAIRS.index(pair):][:2]
    first, second = _writer(first_kind, mine[0], tmp_path), _writer(second_kind, mine[1], tmp_path)
    store_a, store_b = HubStore(hub.folder, hub.database_url), HubStore(hub.folder, hub.database_url)
    held, recorder = HeldCommit(store_a), FeedRecorder()
    try:
        writer_a = Run(lambda: first[0](store_a))
        writer_a.start()
        assert held.reached.wait(60), "the first writer never reached its commit"
        writer_b = Run(lambda: second[0](store_b))
        writer_b.start()
        waiting_or_done([writer_b], hub.database_url)
        applied: list[int] = []
        between = Run(lambda: applied.append(_round(database, recorder)))
        between.start()
        between.join(60 if hub.database_url else 1.0)  # PostgreSQL serves reads beside open writes
        assert hub.database_url is None or not between.is_alive(), "the feed was held up by a writer"
        held.release.set()
        for thread in (writer_a, writer_b, between):
            thread.join(120)
            assert not thread.is_alive() and thread.error is None, thread.error
        applied.append(_round(database, recorder))
    finally:
        held.release.set()
        store_a.dispose()
        store_b.dispose()

    received = sorted(recorder.items, key=lambda item: item["cursor"])
    assert [(item["kind"], item["code"]) for item in received] == [first[1], second[1]]
    assert len({item["cursor"] for item in received}) == 2 and sum(applied) == 2
    for writer_kind, code in (first[1], second[1]):
        if writer_kind == "event":
            assert queries.get_dossier(database, str(code)).status.value == "transferred"

"""The web screen's audit log under writers at the same moment: officers logging in to a hub of two worker
processes over HTTP while an administrator adds a user, the first of them still committing; and the first
entries of an empty log written at once. Every writer succeeds, the numbers run without a gap and the hash
chain holds, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.hub.store import HubStore
from sync.hub.web import audit
from sync.hub.web.tables import ensure_tables
from sync.hub.web.users import add_user
from tests.conftest import _free_port
from tests.sync.harness import HeldCommit, Hub, Run, waiting_or_done
from tests.web.conftest import PASSWORD, Browser

OFFICERS = 6
WRITERS = 4


@pytest.fixture
def hub(tmp_path: Path, hub_database: str | None) -> Iterator[Hub]:
    """A hub of two worker processes with one officer (the log's first entry, from adding them)."""
    hub = Hub(tmp_path / "hub", _free_port(), hub_database, workers=2)
    store = HubStore(hub.folder, hub_database)
    try:
        add_user(store, "canbo", PASSWORD, "officer")
    finally:
        store.dispose()
    hub.start()
    yield hub
    hub.stop()


def _numbers_and_chain(store: HubStore, count: int) -> tuple[list[int], bool]:
    return sorted(entry.seq for entry in audit.latest(store, limit=count + 10)), audit.intact(store)


def test_officers_logging_in_while_a_user_is_added_each_get_their_entry(hub: Hub) -> None:
    store = HubStore(hub.folder, hub.database_url)
    held, browsers, statuses = HeldCommit(store), [Browser(hub.url) for _ in range(OFFICERS)], []
    try:
        adding = Run(lambda: add_user(store, "moi", PASSWORD, "viewer"))
        adding.start()
        assert held.reached.wait(60), "adding the user never reached its commit"
        logins = [Run(lambda browser=browser: statuses.append(browser.login("canbo").status_code))
                  for browser in browsers]
        for login in logins:
            login.start()
        waiting_or_done(logins, hub.database_url)
        held.release.set()
        for writer in (adding, *logins):
            writer.join(120)
            assert not writer.is_alive() and writer.error is None, writer.error
        assert statuses == [303] * OFFICERS
        assert _numbers_and_chain(store, OFFICERS + 2) == (list(range(1, OFFICERS + 3)), True)
        assert [entry.action for entry in audit.latest(store)].count("login") == OFFICERS
    finally:
        held.release.set()
        store.dispose()
        for browser in browsers:
            browser.close()


def test_the_first_entries_written_at_once_follow_one_another(tmp_path: Path, hub_database: str | None) -> None:
    stores = [HubStore(tmp_path, hub_database) for _ in range(WRITERS)]  # as separate hub processes
    ensure_tables(stores[0])
    held = HeldCommit(stores[0])
    writers = [Run(lambda store=store, n=n: audit.record(store, f"canbo{n}", "enrolment.issue", "000.00.12.H12", {}))
               for n, store in enumerate(stores)]
    try:
        writers[0].start()
        assert held.reached.wait(60), "the first writer never reached its commit"
        for writer in writers[1:]:
            writer.start()
        waiting_or_done(writers[1:], hub_database)
        held.release.set()
        for writer in writers:
            writer.join(120)
            assert not writer.is_alive() and writer.error is None, writer.error
        assert _numbers_and_chain(stores[0], WRITERS) == (list(range(1, WRITERS + 1)), True)
        assert {entry.username for entry in audit.latest(stores[0])} == {f"canbo{n}" for n in range(WRITERS)}
    finally:
        held.release.set()
        for store in stores:
            store.dispose()

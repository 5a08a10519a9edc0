"""What a counter keeps of the updates its feed announces: the newest version built for its own platform."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.services.outbox import apply_remote
from counter_app.storage.database import Database
from counter_app.updates import state
from counter_app.updates.layout import this_platform


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = Database.open(tmp_path)
    yield opened
    opened.dispose()


def _announce(database: Database, cursor: int, version: str, sha: str, platform: str | None = None) -> None:
    data = {"version": version, "sha256": sha * 64, "size": 10, "platform": platform or this_platform(),
            "signature": "{}"}
    apply_remote(database, [{"cursor": cursor, "kind": "update", "data": data}], cursor)


def test_the_newest_version_for_this_platform_is_kept(database: Database) -> None:
    _announce(database, 1, "1.2.0", "a")
    _announce(database, 2, "1.10.0", "b")
    _announce(database, 3, "1.9.0", "c")  # older than 1.10: ignored
    _announce(database, 4, "2.0.0", "d", platform="windows-x86_64" if "linux" in this_platform() else "linux-x86_64")
    _announce(database, 5, "1.10.0.1.5", "e")  # not a version
    known = state.current(database)
    assert (known.version, known.sha256[0], known.status) == ("1.10.0", "b", "announced")


def test_the_same_version_republished_as_other_bytes_replaces_it(database: Database) -> None:
    _announce(database, 1, "1.2.0", "a")
    state.change(database, status="refused", message="…")
    _announce(database, 2, "1.2.0", "a")  # the same again: the refusal stands
    assert state.current(database).status == "refused"
    _announce(database, 3, "1.2.0", "f")
    assert (state.current(database).sha256[0], state.current(database).status) == ("f", "announced")

"""A counter's backup restored on a fresh data folder while the hub is unreachable, worked on, then synced
with the real hub on loopback: nothing the hub holds is duplicated or overwritten, the new work arrives,
no dossier code is given twice, and what was lost with the old PC is said."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from counter_app.backup.commands import finish_restore
from counter_app.backup.keys import for_installation
from counter_app.backup.restore import restore
from counter_app.errors import CounterError
from counter_app.model import Person
from counter_app.services import outbox
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.queries import search
from counter_app.storage.database import Database
from sync.client import enrol, run_round
from tests.backup.test_backup import backup_here
from tests.sync.harness import OFFICE_A, running_hub
from tests.sync.workload import PROCEDURE, fill


@contextmanager
def opened(folder: Path) -> Iterator[Database]:
    database = Database.open(folder)
    try:
        yield database
    finally:
        database.dispose()


def accept(folder: Path, *names: str) -> list[str]:
    with opened(folder) as database:
        return [str(intake(database, IntakeRequest(PROCEDURE, Person(name, f"0011900{90000 + i:05d}")), "anh").code)
                for i, name in enumerate(names)]


def test_restore_while_the_hub_is_away_then_sync(tmp_path: Path) -> None:
    old, new, stick = tmp_path / "old-pc", tmp_path / "new-pc", tmp_path / "usb"
    stick.mkdir()
    before_backup = fill(old, dossiers=3, scans=1, pages=1)
    with running_hub(tmp_path / "hub") as hub:
        with opened(old) as database:
            enrol(database, hub.url, hub.enrolment_code(OFFICE_A))
            assert run_round(database, patience=10).complete
        backup_here(old, stick)  # the last backup: 3 dossiers
        synced_after = accept(old, "Sau sao lưu Một", "Sau sao lưu Hai")
        with opened(old) as database:
            assert run_round(database, patience=10).complete  # the hub holds 4 events more than the backup
            hub_mark = outbox.state(database).acked_seq
        [lost] = accept(old, "Chưa kịp gửi")  # made, never sent: dies with the PC
        key = for_installation(old).key
        shutil.rmtree(old)  # the disk dies

        hub.stop()  # the commune is offline when the new PC arrives
        restore(stick, new, key)
        finish_restore(new)
        made_after_restore = accept(new, "Sau khôi phục Một", "Sau khôi phục Hai")
        with opened(new) as database, pytest.raises((CounterError, httpx.TransportError)):
            run_round(database, patience=0.5, wait_max=0.1)
        assert not set(made_after_restore) & set(synced_after)  # numbers of the lost hours are skipped

        hub.start()
        with opened(new) as database:
            report = run_round(database, patience=10)
            assert report.complete and report.events_sent == 4
            state = outbox.state(database)
            assert state.acked_seq == hub_mark + 4  # the 4 made since the restore, numbered after the hub's last
            assert any("4 sự kiện làm sau bản sao lưu" in note for note in state.conflicts)
            assert {d.code for d in search(database, "sau khoi phuc")} == set(made_after_restore)
        for code in [*before_backup, *synced_after, *made_after_restore]:
            held = json.loads(hub.cli("show", code, "--json").stdout)  # one dossier per code, no conflict
            assert held["conflict"] == "" and held["code"] == code
        assert hub.cli("show", lost, check=False).returncode == 2  # never left the old PC: honestly lost

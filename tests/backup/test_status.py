"""What the home screen and `doctor` say: the last good backup (red after the setting's days), the daily rule,
and the disk-space warnings for the data folder and the backup folder before anything fails."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counter_app import support
from counter_app.backup import policy, space
from counter_app.backup.status import status
from counter_app.errors import StorageError, ValidationError
from counter_app.storage.database import Database
from tests.backup.test_backup import backup_here


def test_last_backup_stale_after_the_days_set_and_daily_rule(counter: Path, stick: Path) -> None:
    database = Database.open(counter)
    try:
        assert status(database).stale and not status(database).due  # nothing yet; no folder: nothing runs
        policy.configure(database, str(stick), keep=3, stale_days=2)
        assert status(database).due
        backup_here(counter, stick)
        done = status(database)
        assert not done.stale and not done.due and done.last_backup_text("vi").startswith("Sao lưu tốt gần nhất")
        last = done.last_good_at
        assert last is not None
        assert policy.due(done.state, last + dt.timedelta(days=1))  # the next day
        assert not policy.stale(done.state, last + dt.timedelta(days=2))
        assert policy.stale(done.state, last + dt.timedelta(days=2, minutes=1))
        with pytest.raises(ValidationError, match=r"backup\.stale_range"):
            policy.configure(database, stale_days=0)
    finally:
        database.dispose()


def test_disk_nearly_full_is_said_before_anything_fails(counter: Path, stick: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    database = Database.open(counter)
    try:
        policy.configure(database, str(stick))
        assert status(database).warnings == ()
        monkeypatch.setattr(space, "DATA_LOW_BYTES", 10**15)  # as if the disk had less free than the rule wants
        monkeypatch.setattr(space, "TARGET_MARGIN_BYTES", 10**15)
        found = status(database)
        assert found.warnings == ("backup.space.data_low", "backup.space.target_low")
        assert "Ổ đĩa chứa dữ liệu sắp đầy" in found.warning_texts("vi")[0]
        checks = {check.name: check.ok for check in support.report(database).checks}
        assert checks["disk"] is False and checks["backup disk"] is False
        with pytest.raises(StorageError) as refused:  # a backup that cannot fit does not start
            backup_here(counter, stick)
        assert refused.value.key == "backup.target_full"
        assert not list(stick.rglob("manifest.json"))
    finally:
        database.dispose()


def test_a_stick_not_plugged_in_is_said(counter: Path, stick: Path) -> None:
    database = Database.open(counter)
    try:
        policy.configure(database, str(stick))
        stick.rmdir()
        assert status(database).warnings == ("backup.space.target_missing",)
    finally:
        database.dispose()

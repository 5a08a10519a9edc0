"""A backup cut off mid-way — the process killed, a file truncated or removed (a stick pulled) — is found out
by verify and never used by restore, which takes the newest intact generation instead."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from counter_app.backup.check import verify
from counter_app.backup.restore import restore
from counter_app.errors import ValidationError
from counter_app.storage.blobs import BlobStore
from tests.backup.test_backup import backup_here, blob_files
from tests.e2e.test_cli import run


def test_killed_backup_is_incomplete_and_restore_takes_the_previous_one(counter: Path, stick: Path,
                                                                       tmp_path: Path) -> None:
    good = backup_here(counter, stick)
    BlobStore(counter / "blobs").put(b"%PDF-" + os.urandom(150 * 1024 * 1024))  # long enough to be caught
    root = Path(good.root)
    process = subprocess.Popen([sys.executable, "-m", "counter_app.cli", "backup", "--to", str(stick),
                                "--data-dir", str(counter)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(root.glob("blobs/*/.*.part")) and time.monotonic() < deadline:
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)  # mid-write: the large scan is being sealed
    process.wait()
    key = (counter / "backup.key").read_bytes()
    report = verify(stick, key)
    newest, previous = report.generations
    assert not newest.ok and newest.problems[0].key == "backup.problem.incomplete"
    assert previous.ok and previous.generation == good.generation
    assert report.failed and report.latest_good == previous

    restored = restore(stick, tmp_path / "restored", key)
    assert restored.generation == good.generation
    assert len(blob_files(tmp_path / "restored")) == 3  # what the good generation held, not the cut one

    again = backup_here(counter, stick)  # the next run clears the cut one and its partial file
    assert newest.generation in again.pruned
    assert not list(root.glob("blobs/*/.*.part"))
    assert [g.ok for g in verify(stick, key).generations] == [True, True]


def test_truncated_or_removed_files_are_named_and_refused(counter: Path, stick: Path, tmp_path: Path) -> None:
    made = backup_here(counter, stick)
    root, key = Path(made.root), (counter / "backup.key").read_bytes()
    blob = sorted(root.glob("blobs/*/*.bin"))[0]
    with blob.open("r+b") as handle:
        handle.truncate(blob.stat().st_size // 2)
    (root / made.generation / "database.bin").unlink()
    report = verify(stick, key)
    assert {p.key for p in report.generations[0].problems} == {"backup.problem.cut", "backup.problem.missing"}
    checked = run(counter, "backup", "verify", str(stick), check=False)
    assert checked.returncode == 1
    assert "bị cắt ngắn" in checked.stdout and "thiếu tệp" in checked.stdout
    try:
        restore(stick, tmp_path / "restored", key)
    except ValidationError as error:
        assert error.key == "backup.no_good_generation"
    else:
        raise AssertionError("a damaged backup was restored")
    assert not (tmp_path / "restored").exists()

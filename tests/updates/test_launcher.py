"""The launcher: a pending update that passes its self-test becomes current, one that fails is set aside and
the old version starts; and whatever moment it is killed at (SIGKILL, a power cut), the next start opens a
version."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counter_app.launcher import choose
from counter_app.updates.layout import CLI, CURRENT, FAILED_MARK, PENDING, PREVIOUS, Layout
from tests.updates.releases import fake_app, installed, launch


def _with_pending(root: Path, exit_code: int = 0, self_test_s: float = 0.0) -> Layout:
    layout = installed(root, "1.0.0")
    fake_app(layout.folder("1.1.0"), "1.1.0", exit_code, self_test_s=self_test_s)
    layout.write(PENDING, "1.1.0")
    return layout


def _reports(layout: Layout) -> list[tuple[str, str]]:
    return [(report["outcome"], report["version"]) for _path, report in layout.pending_reports()]


def test_a_passing_update_becomes_current_and_starts_with_the_arguments(tmp_path: Path) -> None:
    layout = _with_pending(tmp_path)
    done = launch(tmp_path, "--cli", "status")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Counter 1.1.0 --cli status"
    assert (layout.read(CURRENT), layout.read(PREVIOUS), layout.read(PENDING)) == ("1.1.0", "1.0.0", None)
    assert _reports(layout) == [("installed", "1.1.0")]
    shared = [tmp_path / CURRENT, tmp_path / PREVIOUS, *layout.reports.iterdir()]
    assert {stat.S_IMODE(path.stat().st_mode) for path in shared} == {0o644}  # every user of the PC reads them


def test_a_failing_update_is_set_aside_and_the_old_version_starts(tmp_path: Path) -> None:
    layout = _with_pending(tmp_path, exit_code=3)
    done = launch(tmp_path)
    assert done.stdout.strip() == "Counter 1.0.0"
    assert (layout.read(CURRENT), layout.read(PENDING)) == ("1.0.0", None)
    assert _reports(layout) == [("self_test_failed", "1.1.0")]
    report = json.loads((layout.folder("1.1.0") / FAILED_MARK).read_text())
    assert report["detail"].startswith("exit 3: database: migrate failed")
    assert launch(tmp_path).stdout.strip() == "Counter 1.0.0"  # not tried again
    assert len(_reports(layout)) == 1


def test_an_update_that_hangs_in_its_self_test_is_rolled_back(tmp_path: Path) -> None:
    layout = _with_pending(tmp_path, self_test_s=30)
    assert choose(layout, timeout=0.5) == "1.0.0"
    assert _reports(layout) == [("self_test_failed", "1.1.0")]


def test_a_pending_version_older_than_the_current_one_is_dropped(tmp_path: Path) -> None:
    """An older setup tarball installed over a PC that has updated itself since: the newer version stays."""
    layout = installed(tmp_path, "1.1.0")
    fake_app(layout.folder("1.0.0"), "1.0.0")
    layout.write(PENDING, "1.0.0")
    assert launch(tmp_path).stdout.strip() == "Counter 1.1.0"
    assert (layout.read(CURRENT), layout.read(PENDING), _reports(layout)) == ("1.1.0", None, [])


@pytest.mark.parametrize("damage", ["empty", "garbled", "missing", "folder gone"])
def test_a_damaged_current_pointer_still_opens_a_version(tmp_path: Path, damage: str) -> None:
    layout = installed(tmp_path, "1.0.0")
    fake_app(layout.folder("1.1.0"), "1.1.0")
    layout.write(PREVIOUS, "1.0.0")
    layout.write(CURRENT, "1.1.0")
    pointer = tmp_path / CURRENT
    if damage == "empty":
        pointer.write_bytes(b"")
    elif damage == "garbled":
        pointer.write_bytes(b"\x00\x00\x00\x00")
    elif damage == "missing":
        pointer.unlink()
    else:
        shutil.rmtree(layout.folder("1.1.0"))
    done = launch(tmp_path)
    assert done.stdout.strip() == "Counter 1.0.0"  # the previous version (or the newest runnable one)
    assert layout.read(CURRENT) == "1.0.0"  # repaired


def test_no_runnable_version_is_said_in_vietnamese(tmp_path: Path) -> None:
    (tmp_path / "versions").mkdir()
    done = launch(tmp_path)
    assert done.returncode == 70
    assert "Không tìm thấy phiên bản Counter nào chạy được" in done.stderr


STEPS = ["before", "reported", "previous written", "current written", "half-written temp file"]


@pytest.mark.parametrize("step", STEPS)
def test_every_state_a_crash_mid_switch_leaves_opens_a_version(tmp_path: Path, step: str) -> None:
    """The switch is: report, write `previous`, write `current`, clear `pending`, each an atomic rename.
    A crash between any two leaves one of these states; the next start must open a version and finish."""
    layout = _with_pending(tmp_path)
    if step != "before":
        layout.add_report("installed", "1.1.0")
    if step in ("previous written", "current written"):
        layout.write(PREVIOUS, "1.0.0")
    if step == "current written":
        layout.write(CURRENT, "1.1.0")
    if step == "half-written temp file":  # killed inside write_atomically, before its rename
        (tmp_path / ".tmp-abc123").write_bytes(b"1.")
    done = launch(tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == "Counter 1.1.0"
    assert (layout.read(CURRENT), layout.read(PREVIOUS), layout.read(PENDING)) == ("1.1.0", "1.0.0", None)


@pytest.mark.parametrize("exit_code", [0, 1])
def test_sigkill_at_any_moment_of_the_switch_never_leaves_the_counter_unable_to_open(
        tmp_path: Path, exit_code: int) -> None:
    """Kill -9 the launcher (and its self-test) at moments spread over the self-test and the switch after
    it; each time the next start opens a version and finishes the job: a passing 1.1.0 becomes current, a
    failing one never does."""
    expected = "1.0.0" if exit_code else "1.1.0"
    killed_in = set()
    delays = [0.1, 0.3, 0.5] if exit_code else [0.0, 0.1, 0.25, 0.32, 0.36, 0.4, 0.45, 0.6, 1.0]
    for attempt, delay in enumerate(delays):
        root = tmp_path / f"try-{attempt}"
        layout = _with_pending(root, exit_code, self_test_s=0.3)
        launcher = subprocess.Popen([sys.executable, "-m", "counter_app.launcher"], start_new_session=True,
                                    env={**os.environ, "COUNTER_INSTALL_ROOT": str(root)},
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        os.killpg(launcher.pid, signal.SIGKILL)
        launcher.communicate(timeout=30)
        killed_in.add((layout.read(CURRENT), layout.read(PENDING)))
        done = launch(root, timeout=120)
        assert done.returncode == 0, (delay, done.stderr)
        assert done.stdout.strip() == f"Counter {expected}", delay
        assert (layout.read(CURRENT), layout.read(PENDING)) == (expected, None), delay
        assert layout.read(PREVIOUS) == (None if exit_code else "1.0.0"), delay
    if not exit_code:  # the kills fell both before and after the switch
        assert {("1.0.0", "1.1.0"), ("1.1.0", None)} <= killed_in, killed_in


def test_the_self_test_runs_on_the_console_executable_when_the_version_has_one(tmp_path: Path) -> None:
    """On Windows the GUI executable cannot print: `counter-cli` (the same program) is the one asked."""
    layout = _with_pending(tmp_path)
    console = layout.folder("1.1.0") / CLI
    fake_app(tmp_path / "console", "1.1.0", exit_code=6)
    shutil.copy(tmp_path / "console" / "Counter", console)
    assert launch(tmp_path).stdout.strip() == "Counter 1.0.0"
    assert _reports(layout)[0][0] == "self_test_failed"


def test_only_the_current_version_and_the_one_before_it_stay_on_disk(tmp_path: Path) -> None:
    """Each version is a whole app: after an update the one two steps back is removed, a removal a power cut
    interrupted is finished, and a version newer than the current one (set aside as failed) is kept."""
    layout = installed(tmp_path, "1.0.0")
    fake_app(layout.folder("0.9.0"), "0.9.0")
    fake_app(layout.folder("1.2.0"), "1.2.0", exit_code=3)
    half_removed = fake_app(layout.versions / ".removing-0.8.0", "0.8.0")
    layout.write(PREVIOUS, "0.9.0")
    fake_app(layout.folder("1.1.0"), "1.1.0")
    layout.write(PENDING, "1.2.0")
    assert launch(tmp_path).stdout.strip() == "Counter 1.0.0"  # 1.2.0 failed its self-test
    assert sorted(p.name for p in layout.versions.iterdir()) == ["0.9.0", "1.0.0", "1.1.0", "1.2.0"]
    assert not half_removed.exists()
    layout.write(PENDING, "1.1.0")
    assert launch(tmp_path).stdout.strip() == "Counter 1.1.0"
    assert sorted(p.name for p in layout.versions.iterdir()) == ["1.0.0", "1.1.0", "1.2.0"]


def test_nothing_is_removed_while_the_current_pointer_is_unreadable(tmp_path: Path) -> None:
    layout = installed(tmp_path, "1.1.0")
    fake_app(layout.folder("1.0.0"), "1.0.0")
    fake_app(layout.folder("0.9.0"), "0.9.0")
    (tmp_path / CURRENT).write_bytes(b"\x00\x00")  # a power cut kept the name, not the bytes
    assert launch(tmp_path).stdout.strip() == "Counter 1.1.0"
    assert sorted(p.name for p in layout.versions.iterdir()) == ["0.9.0", "1.0.0", "1.1.0"]
    (tmp_path / "previous").unlink(missing_ok=True)
    assert launch(tmp_path).stdout.strip() == "Counter 1.1.0"  # the pointer repaired; no `previous` pointer:
    assert sorted(p.name for p in layout.versions.iterdir()) == ["1.0.0", "1.1.0"]  # the newest older one stays

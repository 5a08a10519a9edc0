"""The frozen entry point tells the processes multiprocessing starts from the executable (the page pool's workers
and its resource tracker) from a clerk's start, which must not pay for multiprocessing's run-time hook."""

from __future__ import annotations

import multiprocessing.spawn
import subprocess
import sys

import pytest

from resources.packaging.counter_entry import started_by_multiprocessing

EXECUTABLE = "/opt/counter/current/Counter"


def test_a_page_pool_worker_and_the_resource_tracker_are_recognised() -> None:
    worker = [EXECUTABLE, "--multiprocessing-fork", "tracker_fd=19", "pipe_handle=23"]
    tracker = [EXECUTABLE, *subprocess._args_from_interpreter_flags(),  # as multiprocessing builds it
               "-c", "from multiprocessing.resource_tracker import main;main(19)"]
    assert started_by_multiprocessing(worker) and started_by_multiprocessing(tracker)


def test_the_command_multiprocessing_starts_a_frozen_worker_with_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", EXECUTABLE)
    command = multiprocessing.spawn.get_command_line(tracker_fd=19, pipe_handle=23)
    assert command[0] == EXECUTABLE and started_by_multiprocessing(command)


def test_a_clerks_starts_are_not_taken_for_workers() -> None:
    for arguments in ([], ["--self-test"], ["--data-dir", "/srv/counter", "print", "01", "000.00.12.H12-261201-0001"],
                      ["--startup-probe", "--data-dir", "/tmp/x"], ["intake", "--applicant", "-c"]):
        assert not started_by_multiprocessing([EXECUTABLE, *arguments])

"""A filled counter (dossiers and scans made through the real services) copied fresh for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.sync.workload import fill


@pytest.fixture(scope="session")
def counter_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("counter-template") / "data"
    fill(folder, dossiers=6, scans=3, pages=2)
    return folder


@pytest.fixture
def counter(counter_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "counter"
    shutil.copytree(counter_template, folder)
    return folder


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder

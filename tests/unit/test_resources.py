"""Shipped files are found through one helper (`counter_app.paths`), from source and in the frozen build alike."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from counter_app import paths

ROOT = Path(__file__).resolve().parents[2]
OWN_LOCATION = re.compile(r"__file__|importlib\.resources|pkgutil\.get_data")
PACKAGES = ("counter_app", "ui", "scanning", "printing", "sync")


def test_from_source_the_files_are_those_of_the_checkout() -> None:
    assert paths.resource("forms", "wording.toml") == ROOT / "resources" / "forms" / "wording.toml"
    assert paths.resource("forms", "wording.toml").is_file()
    assert (paths.migrations_dir() / "env.py").is_file()


def test_frozen_the_files_are_those_of_the_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource("fonts", "NotoSans-Regular.ttf") == tmp_path / "resources" / "fonts" / "NotoSans-Regular.ttf"
    assert paths.migrations_dir() == tmp_path / "counter_app" / "storage" / "migrations"


def test_no_module_finds_files_by_its_own_location() -> None:
    """`__file__` would point inside the frozen archive: only the helper may use it (the hub, `sync/hub`, is a
    server installed from source and never frozen)."""
    found = [str(path.relative_to(ROOT)) for package in PACKAGES for path in (ROOT / package).rglob("*.py")
             if not path.is_relative_to(ROOT / "sync" / "hub") and OWN_LOCATION.search(path.read_text("utf-8"))]
    assert found == ["counter_app/paths.py"]

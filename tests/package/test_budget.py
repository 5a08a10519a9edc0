"""The packaged folder within its stated budget (issue 19: ≤ 250 MB, as `make dist` prints it), and what the
commune package leaves out staying out: the hub and the tests' libraries, every language's ICU data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from resources.packaging.finish_linux import SIZE_BUDGET_MB, folder_bytes

DIST = Path(os.environ.get("COUNTER_DIST", "dist/Counter")).resolve()
pytestmark = pytest.mark.skipif(not (DIST / "Counter").exists() and "COUNTER_DIST" not in os.environ,
                                reason="no frozen build: `make dist` first (`make dist-check` requires one)")
ICU_DATA_MAX_MB = 8  # root, vi and en of ICU 73: 4.2 MB; every language: 31 MB


def _biggest(folder: Path, count: int = 8) -> str:
    sizes = {path.name: folder_bytes(path) if path.is_dir() else path.lstat().st_size for path in folder.iterdir()}
    biggest = sorted(sizes.items(), key=lambda item: -item[1])[:count]
    return ", ".join(f"{name} {size / 2**20:.0f} MB" for name, size in biggest)


def test_the_folder_is_within_the_size_budget() -> None:
    size = folder_bytes(DIST) / 2**20
    assert size <= SIZE_BUDGET_MB, f"{size:.0f} MB, over the {SIZE_BUDGET_MB} MB budget: {_biggest(DIST / '_internal')}"


def _archive() -> Any:
    from PyInstaller.archive.readers import CArchiveReader  # noqa: PLC0415 (installed by `make dist`)

    return CArchiveReader(str(DIST / "Counter"))


def _frozen_modules() -> set[str]:
    """The Python modules inside the frozen executable's archive."""
    return set(_archive().open_embedded_archive("PYZ.pyz").toc)


def test_every_start_runs_only_the_run_time_hooks_it_needs() -> None:
    """The start-up budget: a clerk's start runs PyInstaller's bootstrap, Qt's and cryptography's hooks and the
    app; multiprocessing's hook waits for the page pool's processes (counter_entry.py), inspect's and pkgutil's
    are left out (counter.spec)."""
    scripts = [name for name, entry in _archive().toc.items() if entry[-1] == "s"]
    assert scripts == ["pyiboot01_bootstrap", "pyi_rth_cryptography_openssl", "pyi_rth_pyside6", "counter_entry"]
    assert (DIST / "_internal" / "pyinstaller" / "pyi_rth_multiprocessing.py").is_file()


def test_what_a_commune_pc_does_not_use_is_left_out() -> None:
    modules = _frozen_modules()
    assert {"sync.client", "pydantic", "openpyxl", "holidays.countries.vietnam"} <= modules  # what it uses
    left_out = ("sync.hub", "fastapi", "starlette", "uvicorn", "jinja2", "boto3", "botocore", "pygments", "rich",
                "lxml.objectify", "numpy.random")
    assert not sorted(name for name in modules if any(name == x or name.startswith(f"{x}.") for x in left_out))
    internal = DIST / "_internal"
    assert not [path.name for path in (internal / "PIL").glob("_avif*")] + list(internal.glob("holidays/locale/de"))
    icu = next(internal.glob("PySide6/Qt/lib/libicudata.so.*"))
    assert icu.stat().st_size <= ICU_DATA_MAX_MB * 2**20

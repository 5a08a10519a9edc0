"""The app's version is written once, in `counter_app.__version__`: the installed package's metadata, the
Makefile's VERSION (which names the install folder's `versions/<X>/` and the update package), the Windows build,
the support report and the health report the hub shows all take it from there."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from counter_app import __version__, support
from counter_app.updates.layout import is_version

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "resources" / "packaging"


def test_the_version_is_a_release_version() -> None:
    assert is_version(__version__)


def test_pyproject_reads_the_version_from_the_code() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" not in config["project"] and "version" in config["project"]["dynamic"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "counter_app.__version__"}
    assert metadata.version("counter-app") == __version__, "the venv is older than the code: make .venv/.installed"


def test_the_makefile_names_the_packages_by_the_code_version() -> None:
    shown = subprocess.run(["make", "-s", "--no-print-directory", "--eval", "shown-version: ; @echo '$(VERSION)'",
                            "shown-version"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60)
    assert shown.stdout == f"{__version__}\n"


def test_the_windows_build_asks_the_code_for_the_version() -> None:
    script = (PACKAGING / "build-windows.ps1").read_text("utf-8")
    found = re.search(r'\$version = \(& \.venv\\Scripts\\python\.exe -c "([^"]+)"\)', script)
    assert found, "build-windows.ps1 no longer sets $version with one python -c"
    asked = subprocess.run([sys.executable, "-c", found.group(1)], cwd=ROOT, capture_output=True, text=True,
                           check=True, timeout=60)
    assert asked.stdout.strip() == __version__
    installer = (PACKAGING / "counter.iss").read_text("utf-8")
    assert not re.search(r'#define AppVersion "', installer), "the installer must take the version it is given"


def test_the_support_report_names_the_code_version() -> None:
    assert support.versions()["counter-app"] == __version__

"""The Python modules the app imports as it starts (its log-in window and the database opening behind it), as the
source checkout's start-up probe reports them: counter.spec stores these as plain .pyc files beside the executable,
where Python loads them as fast as from a source checkout, and the rest in PyInstaller's compressed archive, which is
smaller but slower to load (per module: PyInstaller's Python-level importer, then zlib)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from finish_linux import prepare_folder  # beside this file, which counter.spec puts first on sys.path

PROBE_SECONDS = 120
# Built into the interpreter or loaded before any importer of PyInstaller's: nothing to choose for these.
FIXED_PLACES = ("__main__", "builtins", "sys", "site", "_distutils_hack", "__editable__")
# The submodules of a package the start imports that it does not import itself (PyInstaller would otherwise give
# a whole package the mode of its top: all of SQLAlchemy's dialects for the two it uses).
UNUSED_CHILDREN = """
import importlib, pkgutil, sys
listed = set(sys.stdin.read().split())
for name in sorted(listed):
    try:
        module = importlib.import_module(name)
    except ImportError:  # an alias or a name a library registered itself (typing.io, Cython's shared module)
        continue
    for child in pkgutil.iter_modules(getattr(module, "__path__", None) or [], prefix=f"{name}."):
        if child.name not in listed:
            print(child.name)
"""


def collection_modes(root: Path) -> dict[str, str]:
    """PyInstaller's `module_collection_mode`: "pyc" for what the start imports, "pyz" for the rest of those
    packages."""
    started = startup_modules(root)
    unused = subprocess.run([sys.executable, "-c", UNUSED_CHILDREN], input="\n".join(started), cwd=root, check=True,
                            capture_output=True, text=True, timeout=PROBE_SECONDS, env=_environment()).stdout.split()
    return {**{name: "pyc" for name in started}, **{name: "pyz" for name in unused}}


def startup_modules(root: Path) -> list[str]:
    """Run `counter-app --startup-probe --modules FILE` from `root` on a fresh plain data folder, off screen."""
    app = [sys.executable, "-c", "import sys; from counter_app.entry import main; sys.exit(main())"]
    with tempfile.TemporaryDirectory(prefix="counter-startup-modules-") as folder:
        data, listing = str(Path(folder) / "data"), Path(folder) / "modules.txt"
        prepare_folder(app, data)
        done = subprocess.run([*app, "--startup-probe", "--data-dir", data, "--modules", str(listing)], cwd=root,
                              env=_environment(), capture_output=True, text=True, timeout=PROBE_SECONDS, check=False)
        if done.returncode != 0:
            raise SystemExit(f"the start-up probe failed: {done.stderr[-2000:]}")
        names = listing.read_text("utf-8").split()
    return [name for name in names if not name.startswith(FIXED_PLACES)]


def _environment() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTER_DEV_UNENCRYPTED": "1"}

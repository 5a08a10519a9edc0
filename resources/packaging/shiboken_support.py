"""PySide6's support modules (`shibokensupport`: signatures, enums, features) compiled for the frozen app.

Shiboken keeps their source inside its library and compiles it at every start (about a tenth of Counter's start
to the log-in window), unless a `files.dir` folder beside the `shiboken6` package holds them, which it then imports
like any other modules (shiboken6's `find_incarnated_files`). counter.spec puts them there as .pyc files."""

from __future__ import annotations

import compileall
import subprocess
import sys
from pathlib import Path

EXTRACT = """
import sys
import shiboken6  # noqa: F401 (its start-up loads shibokensupport through the embedded zip's importer)
import shibokensupport

shibokensupport.__loader__.zfile.extractall(sys.argv[1])
"""


def compiled_support(folder: Path) -> list[tuple[str, str]]:
    """PyInstaller data entries: each support module, compiled by this (the build's) Python, for
    `shiboken6/files.dir/`."""
    subprocess.run([sys.executable, "-c", EXTRACT, str(folder)], check=True, capture_output=True)
    package = folder / "shibokensupport"
    if not compileall.compile_dir(package, quiet=1, legacy=True):
        raise RuntimeError(f"shibokensupport did not compile in {package}")
    return [(str(path), str(Path("shiboken6/files.dir") / path.parent.relative_to(folder)))
            for path in sorted(package.rglob("*.pyc"))]

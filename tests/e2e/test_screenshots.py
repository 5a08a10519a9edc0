"""The real app on a virtual X display (Xvfb, the xcb platform): an intake and a screenshot of each screen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ["01-login", "02-home", "03a-intake-cases", "03b-intake-group",
           "03-intake-missing", "04-intake-ready", "04b-scan-dialog", "05-intake-accepted",
           "06-dossier-list", "07-overdue-list", "08-dossier", "09-action-extend", "10-admin", "13-sync",
           "14-postal-receipt", "15-postal-dispatch", "16-postal-outcomes", "17-reports", "18-rating",
           "19-rating-reason", "11-print", "12-locked"]


@pytest.mark.slow
def test_screenshots_of_every_main_screen_at_1366x768(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        pytest.fail("xvfb is missing: `make test` installs it")
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m", "tests.e2e.screenshots", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for name in SCREENS:
        image = Image.open(out / f"{name}.png")
        assert image.size == (1366, 768)
        colours = image.convert("L").getextrema()
        assert colours[0] < 60 and colours[1] > 200, f"{name} looks blank"

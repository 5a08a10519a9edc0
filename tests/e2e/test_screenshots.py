"""The real app on a virtual X display (Xvfb, the xcb platform): an intake and a screenshot of every screen and
dialog, in Vietnamese at 1366×768 and in English at 1920×1080 with 150 % scaling. The PNGs are kept under
test-artifacts/screenshots/ for people to look at."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
SCREENS = ["01-login", "01b-tour", "02-home", "03a-intake-cases", "03b-intake-group",
           "03-intake-missing", "04-intake-ready", "04b-scan-dialog",
           "05-intake-accepted", "06-dossier-list", "07-overdue-list", "08-dossier", "09-action-extend",
           "09b-action-refuse", "10-admin-users", "10b-admin-printers", "13-sync", "14-postal-receipt",
           "15-postal-dispatch", "16-postal-outcomes", "17-reports", "18-rating", "19-rating-reason", "11-print",
           "20-help", "21-account", "12-locked"]
RUNS = [("vi", "1366x768", "1"), ("en", "1920x1080", "1.5")]


@pytest.mark.slow
@pytest.mark.parametrize(("language", "size", "scale"), RUNS)
def test_screenshots_of_every_screen(language: str, size: str, scale: str, tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        pytest.fail("xvfb is missing: `make test` installs it")
    out = ARTIFACTS / f"{language}-{size}"
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path), "QT_SCALE_FACTOR": scale}
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24", sys.executable, "-m", "tests.e2e.screenshots", str(out),
         language],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    width, height = (int(n) for n in size.split("x"))
    for name in SCREENS:
        image = Image.open(out / f"{name}.png")
        assert image.size == (width, height)
        colours = image.convert("L").getextrema()
        assert colours[0] < 60 and colours[1] > 200, f"{name} looks blank"

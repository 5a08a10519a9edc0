"""The scans survive the clerk: `counter-app scan` is killed mid-batch (as by a power cut), and every page that
had arrived is on disk and filed at the next start with `--resume`; `--json` reports kind, KB and ms per page."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from counter_app.storage.staging import Staging
from tests.e2e.test_cli import run
from tests.scanning.escl_server import ScannerState, escl_scanner, page_image

FEEDER = 8
KILL_AFTER = 3


def test_killed_scan_keeps_every_arrived_page_and_resumes(tmp_path: Path) -> None:
    run(tmp_path, "init", "--office-code", "000.00.12.H12", "--office-name", "TTPVHCC xã Tân Hòa",
        "--place-name", "Tân Hòa")
    code = run(tmp_path, "intake", "--procedure", "1.004873", "--name", "Lê Thị Thu Hà", "--id-number",
               "079195000123").stdout.split()[0]
    staging = Staging(tmp_path / "blobs" / "staging")
    with escl_scanner(ScannerState(feeder_pages=FEEDER, busy_answers=0, page_delay=1.0)) as (url, _state):
        worker = subprocess.Popen(
            [sys.executable, "-m", "counter_app.cli", "scan", code, "--document", "1", "--source", url, "--dpi",
             "200", "--feeder", "--no-ocr", "--data-dir", str(tmp_path)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())
        try:
            deadline = time.monotonic() + 90
            while _arrived(staging) < KILL_AFTER and time.monotonic() < deadline and worker.poll() is None:
                time.sleep(0.05)
            worker.send_signal(signal.SIGKILL)  # mid-batch: more sheets are still in the feeder
        finally:
            worker.wait(timeout=30)
    arrived = _arrived(staging)
    assert KILL_AFTER <= arrived < FEEDER, arrived
    [batch] = staging.orphans()
    for page in batch.pages():  # exactly what the scanner sent, page by page
        assert page.read() == page_image(page.number, 200, colour=False)

    resumed = json.loads(run(tmp_path, "scan", code, "--document", "1", "--resume", "--no-ocr", "--json").stdout)
    assert [page["page"] for page in resumed["pages"]] == list(range(1, arrived + 1))
    assert {page["kind"] for page in resumed["pages"]} == {"text"}  # typed forms, scanned in grey
    assert all(0 < page["kb"] < 150 and page["ms"] > 0 for page in resumed["pages"])
    assert resumed["position"] == 1 and resumed["sha256"]
    assert staging.batches() == []  # filed: nothing left behind
    again = run(tmp_path, "scan", code, "--document", "1", "--resume", "--json", check=False)
    assert again.returncode == 2  # nothing left to resume


def _arrived(staging: Staging) -> int:
    return sum(len(batch.pages()) for batch in staging.batches())

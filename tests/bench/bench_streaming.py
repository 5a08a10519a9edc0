"""Benchmark (not a test): a USB bundle and a backup of 2 GB of scans (400 scans of 5 MB) built and read back,
each side in its own process, printing its peak resident memory (goal: under 300 MB on both sides) and time,
beside the machine's load.

    python -m tests.bench.bench_streaming [TOTAL_MB] [SCAN_MB]"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from tests.backup.streaming import enrol_in_process, scans, side

GOAL_MB = 300


def main(total_mb: int = 2048, scan_mb: int = 5) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-streaming-") as folder:
        base = Path(folder)
        counter, hub, usb = base / "counter", base / "hub", base / "usb"
        scans(counter, total_mb, scan_mb)
        enrol_in_process(counter, hub)
        usb.mkdir()
        print(f"{total_mb} MB of scans in {total_mb // scan_mb} files of {scan_mb} MB")
        exported = _line("bundle export (counter)", side("export", str(counter), str(usb)))
        _line("bundle import (hub)", side("import", str(hub), exported["bundle"]))
        Path(exported["bundle"]).unlink()
        _line("backup", side("backup", str(counter), str(usb)))
        _line("restore", side("restore", str(counter), str(usb), str(base / "restored")))


def _line(what: str, report: dict[str, object]) -> dict[str, object]:
    peak = float(str(report["peak_rss_mb"]))
    verdict = "ok" if peak < GOAL_MB else "OVER THE GOAL"
    print(f"{what:26} peak RSS {peak:7.1f} MB ({verdict}, goal < {GOAL_MB})  {report['seconds']:7.1f} s  "
          f"load {os.getloadavg()[0]:.1f}")
    return report


if __name__ == "__main__":
    main(*(int(value) for value in sys.argv[1:3]))

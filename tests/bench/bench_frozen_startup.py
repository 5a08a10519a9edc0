"""Frozen start-up against the source's, counted in instructions rather than seconds: a shared machine's load
moves wall and CPU times by more than the two starts differ, while valgrind's count of the instructions run until
the log-in window is up (all threads) hardly moves from one run to the next.

Run after `make dist`, under a display: `xvfb-run -a python -m tests.bench.bench_frozen_startup` (needs
valgrind: `apt-get install valgrind`; about a minute). Prints both counts and their ratio (budget: frozen at most
the source's)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from resources.packaging.finish_linux import APP, PLAIN_FOLDER, ROOT, prepare_folder

STARTS = {"source": [str(ROOT / ".venv" / "bin" / "counter-app")], "frozen": [str(APP / "Counter")]}
# The probe calls QCoreApplication::quit() right after printing `shown`: callgrind writes its counts there.
VALGRIND = ["valgrind", "--tool=callgrind", "--trace-children=yes", "--dump-before=QCoreApplication::quit*"]


def instructions(command: list[str], data: str, out: Path) -> int:
    """Instructions the process ran from its start to the window (the frozen bootloader's restart included)."""
    subprocess.run([*VALGRIND, f"--callgrind-out-file={out}/run.%p", *command, "--startup-probe", "--data-dir", data],
                   check=True, capture_output=True, env=PLAIN_FOLDER, timeout=600)
    (dump,) = out.glob("run.*.1")  # the dump taken at quit()
    return int(re.search(r"^summary: (\d+)", dump.read_text(), re.MULTILINE)[1])  # type: ignore[index]


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: apt-get install valgrind")
        return 2
    with tempfile.TemporaryDirectory(prefix="counter-bench-") as folder:
        data = str(Path(folder) / "data")
        prepare_folder(STARTS["source"], data)
        subprocess.run([*STARTS["source"], "--startup-probe", "--data-dir", data], check=True, env=PLAIN_FOLDER,
                       capture_output=True)  # caches the source's bytecode, as any start after the first has it
        counts = {}
        for name, command in STARTS.items():
            out = Path(folder) / name
            out.mkdir()
            counts[name] = instructions(command, data, out)
            print(f"{name}: {counts[name] / 1e6:,.0f} million instructions to the log-in window")
    ratio = counts["frozen"] / counts["source"]
    print(f"frozen / source: {ratio:.3f} — {'within' if ratio <= 1 else 'OVER'} budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())

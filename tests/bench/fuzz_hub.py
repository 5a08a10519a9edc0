"""A long fuzz of the hub (not a timed test): tests/sync/test_hub_fuzz.py with many more generated requests
per route and mode, on SQLite and PostgreSQL. Usage: python -m tests.bench.fuzz_hub [EXAMPLES] (default 500)."""

from __future__ import annotations

import os
import subprocess
import sys
import time


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "500"
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "tests/sync/test_hub_fuzz.py"],
                          env={**os.environ, "HUB_FUZZ_EXAMPLES": examples}, check=False)
    sys.stdout.write(f"hub fuzz: {examples} examples per route and mode, {time.perf_counter() - started:.0f} s, "
                     f"{'no 500, every refusal with a reason and no change' if done.returncode == 0 else 'FAILED'}\n")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())

"""The long Hypothesis run against every counter-app subcommand (the CI run does 5 examples per command):
`python -m tests.bench.fuzz_cli [EXAMPLES] [sqlite|postgresql]` prints the time, the examples run and the
exit codes seen per command. A failure prints Hypothesis' smallest failing arguments and the log's tail."""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "200"
    backend = sys.argv[2] if len(sys.argv) > 2 else "sqlite"
    with tempfile.TemporaryDirectory() as folder:
        tally = Path(folder) / "tally.tsv"
        env = {**os.environ, "COUNTER_CLI_EXAMPLES": examples, "COUNTER_CLI_TALLY": str(tally),
               "QT_QPA_PLATFORM": "offscreen"}
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--tb=short",
                               "tests/e2e/test_cli_properties.py", "-k", backend], env=env, check=False)
        seconds = time.monotonic() - started
        rows = [line.split("\t") for line in tally.read_text("utf-8").splitlines()] if tally.exists() else []
    codes = collections.Counter(code for _, code in rows)
    per_command = collections.Counter(command for command, _ in rows)
    print(f"{len(rows)} runs of {len(per_command)} commands in {seconds:.0f} s "
          f"({1000 * seconds / max(1, len(rows)):.0f} ms each); exit codes: {dict(sorted(codes.items()))}")
    accepted = collections.Counter(command for command, code in rows if code == "0")
    for command in sorted(per_command):
        print(f"  {command:22} {per_command[command]:5} runs, {accepted[command]:4} accepted")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())

"""After PyInstaller (`make dist`): strip what can be stripped and print the budgets: the folder's size (≤ 250 MB)
and its start-up beside the source checkout's. (The setup tarball, with the launcher, the menu entry and the icon,
is packed by install_layout.py.)

Run with the project's venv Python under a display (`xvfb-run` when there is none):
    python resources/packaging/finish_linux.py [--skip-timing | --timing-only] [--runs N]"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
APP = DIST / "Counter"
SIZE_BUDGET_MB = 250
PROBE_SECONDS = 120


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-timing", action="store_true", help="no start-up comparison (CI runs it elsewhere)")
    parser.add_argument("--runs", type=int, default=15, help="timed starts of each, in alternating pairs (default 15)")
    parser.add_argument("--timing-only", action="store_true", help="only the start-up comparison (e.g. again, when "
                        "the machine is quieter), on the folder as it is")
    options = parser.parse_args()
    if options.timing_only:
        print_start_up(options.runs)
        return 0
    saved = strip_binaries(APP)
    remove_dangling_links(APP)
    size = folder_bytes(APP)
    print(f"stripped debug symbols: {saved / 2**20:.1f} MB saved")
    print_sizes(APP, size)
    if not options.skip_timing:
        print_start_up(options.runs)
    return 0  # the budgets are printed for people; a size over budget is a finding, not a broken build


def strip_binaries(folder: Path) -> int:
    """Debug symbols out of the ELF files that carry them. Left alone: the libraries auditwheel vendored and
    patched (`*.libs/`, and modules whose RPATH points there), which `strip` breaks."""
    if not shutil.which("strip"):
        return 0
    saved = 0
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink() or not _elf(path) or _patched(path):
            continue
        before = path.stat().st_size
        done = subprocess.run(["strip", "--strip-unneeded", str(path)], capture_output=True, check=False)
        if done.returncode == 0:
            saved += before - path.stat().st_size
    return saved


def remove_dangling_links(folder: Path) -> None:
    """PyInstaller links each library it keeps in a sub-folder from the top; a left-out one leaves its link."""
    for path in folder.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()


def _elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def _patched(path: Path) -> bool:
    if any(part.endswith(".libs") for part in path.parts):
        return True
    dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=False).stdout
    return ".libs" in dynamic and ("RPATH" in dynamic or "RUNPATH" in dynamic)


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def print_sizes(folder: Path, size: int) -> None:
    verdict = "within" if size <= SIZE_BUDGET_MB * 2**20 else "OVER"
    print(f"folder {folder.relative_to(ROOT)}: {size / 2**20:.0f} MB ({verdict} the {SIZE_BUDGET_MB} MB budget)")
    parts: dict[str, int] = {}
    internal = folder / "_internal"
    for path in internal.rglob("*"):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(internal).parts
            key = "/".join(relative[:3]) if relative[0] == "PySide6" else relative[0]
            parts[key] = parts.get(key, 0) + path.lstat().st_size
    biggest = sorted(parts.items(), key=lambda item: -item[1])[:12]
    print("biggest parts: " + ", ".join(f"{name} {value / 2**20:.0f} MB" for name, value in biggest))


# The timing folder is a plain development one: an encrypted folder would stop both starts at the office-password
# window, and the same code opens either, so the comparison of the two starts is unchanged. The source start runs
# as an installed Python program does, from bytecode cached at its first start: PYTHONDONTWRITEBYTECODE (set on
# some build machines) would make it compile every module of the checkout at every start, a handicap no user has.
PLAIN_FOLDER = {**{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
                "COUNTER_DEV_UNENCRYPTED": "1"}


WARM_UPS = 2  # starts of each before the timed ones: the first reads every file from disk, the second settles


@dataclass(frozen=True)
class Start:
    seconds: float  # process start to the log-in window, on the wall clock (the budget)
    cpu: float  # the CPU time the app's main thread used until then (hardly stretched by the machine's load)
    process_cpu: float  # the same for all its threads (the database opens behind the window)


def print_start_up(runs: int) -> None:
    """Process start to the log-in window on screen, source (`counter-app`) and frozen (`Counter`), each run
    through `--startup-probe` on the same prepared data folder. The runs are paired and each pair's order
    alternates (source first, then frozen first), so a change of load on the shared machine falls on both; the
    verdict is the ratio of the medians, with the median of the pairs' own ratios, the best starts' and the main
    thread's CPU time beside it."""
    source = [str(ROOT / ".venv" / "bin" / "counter-app")]
    frozen = [str(APP / "Counter")]
    before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="counter-startup-") as data:
        prepare_folder(source, data)
        for _ in range(WARM_UPS):
            for command in (source, frozen):
                _probe(command, data)
        starts: dict[str, list[Start]] = {"source": [], "frozen": []}
        for run in range(runs):
            pair = (("source", source), ("frozen", frozen))
            for name, command in pair if run % 2 == 0 else reversed(pair):
                starts[name].append(_probe(command, data))
    print(start_up_report(starts, before, os.getloadavg()))


def prepare_folder(command: list[str], data: str) -> None:
    """`data` set up by `command`'s `init` as a new office's plain folder, for the start-up probes."""
    done = subprocess.run([*command, "--data-dir", data, "init", "--office-code", "000.00.12.H12", "--office-name",
                           "Trung tâm Phục vụ hành chính công xã Tân Hòa", "--place-name", "Tân Hòa"],
                          capture_output=True, text=True, env=PLAIN_FOLDER, check=False)
    if done.returncode != 0:
        raise SystemExit(f"`init` of the start-up probes' data folder failed: {done.stderr[-2000:]}")


def start_up_report(starts: dict[str, list[Start]], before: tuple[float, ...], after: tuple[float, ...]) -> str:
    wall = {name: [start.seconds for start in values] for name, values in starts.items()}
    cpu = {name: statistics.median(start.cpu for start in values) for name, values in starts.items()}
    all_cpu = {name: statistics.median(start.process_cpu for start in values) for name, values in starts.items()}
    lines = [f"start-up to the log-in window, {name}: median {statistics.median(values):.2f} s (range "
             f"{min(values):.2f}–{max(values):.2f} s, {len(values)} runs); CPU: main thread {cpu[name]:.3f} s, "
             f"all threads {all_cpu[name]:.3f} s"
             for name, values in wall.items()]
    ratio = statistics.median(wall["frozen"]) / statistics.median(wall["source"])
    pairs = [f / s for f, s in zip(wall["frozen"], wall["source"], strict=True)]
    low, middle, high = statistics.quantiles(pairs, n=4) if len(pairs) > 1 else pairs * 3
    best = min(wall["frozen"]) / min(wall["source"])
    load = " ".join(f"{value:.2f}" for value in before) + " → " + " ".join(f"{value:.2f}" for value in after)
    lines.append(f"frozen / source: {ratio:.2f} (medians; pairs {middle:.2f}, their middle half {low:.2f}–{high:.2f}; "
                 f"best starts {best:.2f}; CPU {cpu['frozen'] / cpu['source']:.2f} main thread, "
                 f"{all_cpu['frozen'] / all_cpu['source']:.2f} all threads) — "
                 f"{verdict(ratio, low, high)}; load average {load}")
    return "\n".join(lines)


def verdict(ratio: float, low: float, high: float) -> str:
    """The budget (frozen no slower than source) on the medians' ratio, said plainly when the pairs' middle half
    straddles 1: then the two starts are level within this machine's noise, and another run may say otherwise."""
    if ratio <= 1.0:
        return "within budget" + (" (level within the noise)" if high > 1.0 else "")
    return "OVER budget (frozen slower" + (", level within the noise)" if low <= 1.0 else ")")


def _probe(command: list[str], data: str) -> Start:
    started = time.perf_counter()
    with subprocess.Popen([*command, "--startup-probe", "--data-dir", data], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True, env=PLAIN_FOLDER) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("shown "):  # `shown MAIN-THREAD-CPU-SECONDS PROCESS-CPU-SECONDS`
                _, thread_cpu, process_cpu = line.split()
                start = Start(time.perf_counter() - started, float(thread_cpu), float(process_cpu))
                break
        else:
            raise SystemExit(f"{command[0]} --startup-probe never showed the log-in window")
        process.wait(timeout=PROBE_SECONDS)
    return start


if __name__ == "__main__":
    sys.exit(main())

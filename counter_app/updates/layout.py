"""The install folder of a packaged Counter: a small stable launcher beside `versions/<X>/` (each a whole
one-folder app), and pointer files (`current`, `previous`, `pending`) each replaced in one atomic step.

Standard library only (and the core's atomic write): the launcher imports this module and nothing heavier."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.storage.blobs import fsync_folder, write_atomically

ROOT_ENV, VERSION_ENV = "COUNTER_INSTALL_ROOT", "COUNTER_VERSION"  # set by the launcher for the app it starts
APP = "Counter.exe" if os.name == "nt" else "Counter"  # the GUI executable of a version's folder
CLI = "counter-cli.exe" if os.name == "nt" else "counter-cli"  # its console twin (Windows prints only there)
CURRENT, PREVIOUS, PENDING = "current", "previous", "pending"
FAILED_MARK = "self-test-failed.json"
SHARED = 0o644  # pointers and reports: every user of the PC reads them (README "Updates": who may write)
_REMOVED = ".removing-"  # a version folder on its way out
_VERSION = re.compile(r"^\d{1,4}(\.\d{1,6}){1,3}$")


def is_version(text: str) -> bool:
    """A version as releases are named (1.2 to 1.2.3.4, digits only): also a safe folder name."""
    return bool(_VERSION.match(text))


def this_platform() -> str:
    """What a package must be built for to run here: linux-x86_64, windows-x86_64, …"""
    machine = platform.machine().lower()
    system = "windows" if os.name == "nt" else sys.platform
    return f"{system}-{ {'amd64': 'x86_64', 'arm64': 'aarch64'}.get(machine, machine) }"


def version_key(text: str) -> tuple[int, ...]:
    """Sort key: 1.10 comes after 1.9."""
    return tuple(int(part) for part in text.split("."))


@dataclass(frozen=True)
class Layout:
    """`root/` holds the launcher, `versions/`, `downloads/` (packages on their way), `reports/` (outcomes
    waiting to be told to the hub) and the pointer files."""

    root: Path

    @property
    def versions(self) -> Path:
        return self.root / "versions"

    @property
    def downloads(self) -> Path:
        return self.root / "downloads"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def folder(self, version: str) -> Path:
        return self.versions / version

    def executable(self, version: str) -> Path:
        return self.folder(version) / APP

    def self_test_executable(self, version: str) -> Path:
        """The console executable when the version has one (its output can be read), else the app."""
        console = self.folder(version) / CLI
        return console if console.is_file() else self.executable(version)

    def runnable(self, version: str | None) -> bool:
        """A version whose folder holds the app and whose self-test never failed here."""
        return bool(version) and is_version(version or "") and self.executable(version or "").is_file() \
            and not (self.folder(version or "") / FAILED_MARK).exists()

    def read(self, pointer: str) -> str | None:
        """The version a pointer file names, or None when it is missing, empty or garbled (a power cut on a
        file system that kept the name but not the bytes)."""
        try:
            text = (self.root / pointer).read_text("ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return text if is_version(text) else None

    def write(self, pointer: str, version: str) -> None:
        """Point `pointer` at `version` in one step: readers see the old name or the new, never a mix."""
        write_atomically(self.root / pointer, f"{version}\n".encode(), SHARED)  # it syncs the folder too

    def clear(self, pointer: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            (self.root / pointer).unlink()
        fsync_folder(self.root)

    def installed(self) -> list[str]:
        """Runnable versions, newest first."""
        if not self.versions.is_dir():
            return []
        names = [entry.name for entry in self.versions.iterdir() if self.runnable(entry.name)]
        return sorted(names, key=version_key, reverse=True)

    def remove_older(self, than: str) -> list[str]:
        """Version folders older than `than` removed (each renamed aside first, so a folder is either whole or
        out of sight, then deleted); one in use that the system will not let go of (Windows) is left for a later
        start. Returns the versions removed."""
        if not self.versions.is_dir():
            return []
        removed = []
        for entry in sorted(self.versions.iterdir()):
            if entry.name.startswith(_REMOVED):
                shutil.rmtree(entry, ignore_errors=True)  # a removal a crash or a busy file interrupted
            elif is_version(entry.name) and version_key(entry.name) < version_key(than):
                aside = self.versions / f"{_REMOVED}{entry.name}"
                try:
                    entry.rename(aside)
                except OSError:
                    continue
                shutil.rmtree(aside, ignore_errors=True)
                removed.append(entry.name)
        fsync_folder(self.versions)
        return removed

    def mark_failed(self, version: str, detail: dict[str, Any]) -> None:
        """Never try this version again here (a later release gets a new version number)."""
        write_atomically(self.folder(version) / FAILED_MARK, json.dumps(detail, ensure_ascii=False).encode())

    def add_report(self, outcome: str, version: str, detail: str = "") -> Path:
        """An outcome for the hub (installed, self_test_failed, refused), kept until it has been told."""
        self.reports.mkdir(parents=True, exist_ok=True)
        stamp = time.time_ns()
        report = {"outcome": outcome, "version": version, "detail": detail[:2000],
                  "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp / 1e9))}
        path = self.reports / f"{stamp}-{outcome}.json"
        write_atomically(path, json.dumps(report, ensure_ascii=False).encode(), SHARED)
        return path

    def pending_reports(self) -> list[tuple[Path, dict[str, Any]]]:
        """Reports not yet told to the hub, oldest first (an unreadable one is dropped)."""
        found = []
        for path in sorted(self.reports.glob("*.json")) if self.reports.is_dir() else []:
            try:
                found.append((path, dict(json.loads(path.read_text("utf-8")))))
            except (OSError, ValueError):
                path.unlink(missing_ok=True)
        return found


def describe_running(code_version: str) -> str:
    """What `--version` prints: the code's version and, when a launcher started it, the install folder and the
    version folder it runs from (what an IT officer checks after an update)."""
    root, folder = os.environ.get(ROOT_ENV), os.environ.get(VERSION_ENV)
    if root and folder:
        return f"Counter {code_version} (versions/{folder} in {root})"
    return f"Counter {code_version} (not started by the launcher: no self-update)"


def from_environment() -> Layout | None:
    """The install folder the launcher started this app from; None when run from source (no self-update)."""
    root = os.environ.get(ROOT_ENV)
    return Layout(Path(root)) if root and Path(root, "versions").is_dir() else None

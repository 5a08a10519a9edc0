"""The stable launcher of an installed Counter: it starts `versions/<current>/Counter`, after making a pending
update pass its own `--self-test`; a failing one is set aside, the version before it starts, and the failure
waits in `reports/` for the next sync. Frozen on its own (standard library only), never replaced by updates."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from counter_app.updates.layout import (
    CLI,
    CURRENT,
    PENDING,
    PREVIOUS,
    ROOT_ENV,
    VERSION_ENV,
    Layout,
    version_key,
)

SELF_TEST_TIMEOUT_S = 300.0
LOCK = "launcher.lock"
NOTHING_TO_START = 70  # EX_SOFTWARE


def choose(layout: Layout, timeout: float = SELF_TEST_TIMEOUT_S) -> str | None:
    """The version to start: a pending update if its self-test passes (it becomes current), else the
    current one, else the previous one, else the newest runnable folder."""
    with _exclusive(layout) as mine:
        if mine:
            _try_pending(layout, timeout)
            _remove_old_versions(layout)
    for candidate in (layout.read(CURRENT), layout.read(PREVIOUS), *layout.installed()):
        if candidate and layout.runnable(candidate):
            if candidate != layout.read(CURRENT):
                with contextlib.suppress(OSError):  # an account that may not write here still starts it
                    layout.write(CURRENT, candidate)  # the pointer named a folder that is gone: repair it
            return candidate
    return None


def _try_pending(layout: Layout, timeout: float) -> None:
    """Each step is safe to repeat: a crash anywhere leaves the old pointers, or the new ones, and the
    next start finishes the job (at worst the self-test runs once more and its report is sent twice)."""
    pending, current = layout.read(PENDING), layout.read(CURRENT)
    if (layout.root / PENDING).exists() and (pending is None or not layout.runnable(pending)
                                             or (current is not None and not _newer(pending, current))):
        layout.clear(PENDING)  # garbled, gone, failed before, or not newer: an older installer run over a newer
        return  # version that updated itself leaves the newer one in use
    if pending is None:
        return
    passed, detail = self_test(layout.self_test_executable(pending), timeout)
    if passed:
        layout.add_report("installed", pending, detail)
        if current:
            layout.write(PREVIOUS, current)
        layout.write(CURRENT, pending)
    else:
        layout.add_report("self_test_failed", pending, detail)
        layout.mark_failed(pending, {"detail": detail})
    layout.clear(PENDING)


def _remove_old_versions(layout: Layout) -> None:
    """Each version is a whole app (~250 MB): only the current one and the one before it (what a rollback
    needs: the `previous` pointer, or when that is unreadable the newest older runnable one) stay. Nothing is
    removed while the current pointer is unreadable or names no runnable version."""
    current = layout.read(CURRENT)
    if not current or not layout.runnable(current):
        return
    older = [version for version in layout.installed() if version_key(version) < version_key(current)]
    previous = layout.read(PREVIOUS) or (older[0] if older else current)
    with contextlib.suppress(OSError):  # an account that may not write here leaves it to one that may
        layout.remove_older(min(current, previous, key=version_key))


def _newer(version: str, than: str) -> bool:
    return version_key(version) > version_key(than)


def self_test(executable: Path, timeout: float = SELF_TEST_TIMEOUT_S) -> tuple[bool, str]:
    """(passed, what it printed): the new version checks itself before it may replace the old one."""
    try:
        done = subprocess.run([str(executable), "--self-test"], capture_output=True, timeout=timeout,
                              check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return False, f"self-test still running after {timeout:.0f} s"
    except OSError as error:
        return False, f"cannot start: {error}"
    output = (done.stdout + done.stderr).decode("utf-8", "replace").strip()
    return done.returncode == 0, f"exit {done.returncode}: {output[-1500:]}"


@contextlib.contextmanager
def _exclusive(layout: Layout) -> Iterator[bool]:
    """True for the one launcher that may handle a pending update (a clerk double-clicking starts two). An
    operating-system lock: a killed launcher's lock goes with it. An account that may not write the install
    folder (Linux: not in the group `counter`) never handles it: it starts what is there."""
    if not os.access(layout.root, os.W_OK):
        yield False
        return
    try:
        file = (layout.root / LOCK).open("a+b")
    except OSError:
        yield False  # a read-only install folder: start what is there
        return
    with file:
        yield _lock(file)


def _lock(file: IO[bytes]) -> bool:
    """Lock the file without waiting (the Windows-specific part of the launcher: two lines)."""
    try:
        if sys.platform == "win32":
            import msvcrt  # noqa: PLC0415

            file.seek(0)
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl  # noqa: PLC0415

            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def install_root() -> Path:
    """The launcher's own folder when frozen; from source, COUNTER_INSTALL_ROOT (tests, development)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(os.environ[ROOT_ENV])


def main(argv: list[str] | None = None) -> int:
    """Start the chosen version with the same arguments, and return its exit code."""
    layout = Layout(install_root())
    version = choose(layout)
    if version is None:
        if sys.stderr is not None:  # None in the windowed Windows build
            sys.stderr.write(f"Không tìm thấy phiên bản Counter nào chạy được trong {layout.versions}.\n"
                             f"No runnable Counter version in {layout.versions}.\n")
        return NOTHING_TO_START
    environment = {**os.environ, ROOT_ENV: str(layout.root), VERSION_ENV: version}
    arguments = sys.argv[1:] if argv is None else argv
    return subprocess.call([str(_target(layout, version)), *arguments], env=environment)


def _target(layout: Layout, version: str) -> Path:
    """The version's console executable when this launcher was started as `counter-cli` (Windows: the
    console launcher beside the windowed one, so the command line prints), else its app."""
    if Path(sys.argv[0]).stem.lower() == Path(CLI).stem:
        return layout.self_test_executable(version)
    return layout.executable(version)


if __name__ == "__main__":
    sys.exit(main())

"""Scanners this machine can see, for the support report: the SANE devices `scanimage -L` lists."""

from __future__ import annotations

import re
import shutil
import subprocess

_DEVICE = re.compile(r"^device [`'‘](?P<name>[^'’`]+)['’`] is a (?P<what>.+)$", re.MULTILINE)


def sane_devices(timeout: float = 20.0) -> tuple[str, ...]:
    """'name (description)' for each SANE device; empty when SANE is missing, finds nothing or hangs."""
    if shutil.which("scanimage") is None:
        return ()
    try:
        listed = subprocess.run(["scanimage", "-L"], capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return tuple(f"{m['name']} ({m['what'].strip()})" for m in _DEVICE.finditer(listed.stdout))

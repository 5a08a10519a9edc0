"""The data key in a real OS keyring: the Secret Service of gnome-keyring, in a private D-Bus session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_app_opens_from_the_keyring_without_the_password(tmp_path: Path) -> None:
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        pytest.fail("gnome-keyring and dbus-daemon are missing: `make test` installs them")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DBUS_", "PYTHON_KEYRING"))}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "share"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_RUNTIME_DIR=str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)
    script = ("echo -n keyring-login-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
              f"exec {sys.executable} -m tests.protect.keyring_child {tmp_path / 'data'}")
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"backend": "keyring.backends.SecretService", "in_keyring": True, "same_key": True,
                      "after_forget": "protect.locked"}

"""Real update packages for the tests: a small executable "version" of the app that answers `--self-test`
with the exit code a test wants and otherwise prints its version, packed as a tarball, signed with a test
key made on the spot (never a release key: production trusts only counter_app/updates/release_keys.py)."""

from __future__ import annotations

import grp
import os
import subprocess
import sys
import tarfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from counter_app.updates.layout import APP, CURRENT, Layout

SCRIPT = """#!{python}
import sys, time
if "--self-test" in sys.argv:
    time.sleep({self_test_s})
    print("database: ok" if {exit_code} == 0 else "database: migrate failed (test version)")
    sys.exit({exit_code})
print("Counter {version}", *sys.argv[1:])
"""


def fake_app(folder: Path, version: str, exit_code: int = 0, padding: int = 0, self_test_s: float = 0.0) -> Path:
    """`folder/Counter`, an executable that is version `version`; `padding` random bytes beside it make the
    package as large as a test needs (random, so gzip cannot shrink them)."""
    folder.mkdir(parents=True, exist_ok=True)
    app = folder / APP
    app.write_text(SCRIPT.format(python=sys.executable, version=version, exit_code=exit_code,
                                 self_test_s=self_test_s))
    app.chmod(0o755)
    if padding:
        (folder / "_internal.bin").write_bytes(os.urandom(padding))
    return folder


def package(where: Path, version: str, exit_code: int = 0, padding: int = 0) -> Path:
    """Counter-<version>.tar.gz holding `Counter/` as `make dist` leaves it."""
    fake_app(where / f"build-{version}" / "Counter", version, exit_code, padding)
    tarball = where / f"Counter-{version}.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(where / f"build-{version}" / "Counter", arcname="Counter")
    return tarball


def throwaway_key(where: Path, name: str = "test-release-key.pem") -> tuple[Path, Ed25519PrivateKey]:
    """A throwaway key pair (PEM file and key) for signing test packages."""
    key = Ed25519PrivateKey.generate()
    path = where / name
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return path, key


def installed(root: Path, version: str = "1.0.0", exit_code: int = 0, self_test_s: float = 0.0) -> Layout:
    """An install folder with `version` as the current one (as the installer leaves it)."""
    layout = Layout(root)
    fake_app(layout.folder(version), version, exit_code, self_test_s=self_test_s)
    layout.write(CURRENT, version)
    return layout


def launch(root: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The launcher, as a clerk's double-click runs it (from source: the install folder by environment)."""
    return subprocess.run([sys.executable, "-m", "counter_app.launcher", *args], capture_output=True, text=True,
                          timeout=timeout, check=False, env={**os.environ, "COUNTER_INSTALL_ROOT": str(root)})


class Pc:
    """A PC's system folders under a temporary root, and install.sh and the installed commands run there."""

    def __init__(self, root: Path) -> None:
        self.prefix, self.home = root / "opt" / "counter", root / "home" / "clerk"
        self.applications, self.icons, self.bin = root / "applications", root / "icons", root / "bin"
        self.home.mkdir(parents=True)
        self.env = {"PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "HOME": str(self.home),
                    "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
                    "COUNTER_DEV_UNENCRYPTED": "1",  # a plain data folder: no office password in a test
                    "COUNTER_PREFIX": str(self.prefix), "COUNTER_APPLICATIONS_DIR": str(self.applications),
                    "COUNTER_ICONS_DIR": str(self.icons), "COUNTER_BIN_DIR": str(self.bin),
                    "COUNTER_GROUP": grp.getgrgid(os.getgid()).gr_name}  # an existing group: nothing made

    @property
    def layout(self) -> Layout:
        return Layout(self.prefix)

    @property
    def data(self) -> Path:
        return self.home / ".local" / "share" / "Counter"  # each Linux user's data folder

    def install_sh(self, unpacked: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return self._run(["sh", str(unpacked / "install.sh"), *args])

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`counter-cli` from the command-line folder, as a clerk or the IT officer types it."""
        return self._run([str(self.bin / "counter-cli"), *args])

    def _run(self, command: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, capture_output=True, text=True, env=self.env, cwd=self.home,
                              timeout=600, check=False)

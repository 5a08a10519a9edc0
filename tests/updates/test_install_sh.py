"""install.sh's rules on every run of the checks, without a frozen build: setup folders made by install_layout.py
from small executable versions and a launcher that runs counter_app.launcher from source, installed into a
temporary prefix. (The real tarball, frozen launcher and app: tests/package/test_install.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from counter_app.updates.layout import CURRENT, FAILED_MARK, PENDING, PREVIOUS
from counter_app.updates.signing import sign, verify
from counter_app.updates.stage import stage
from tests.updates.releases import Pc, fake_app, package, throwaway_key

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = """#!/bin/sh
COUNTER_INSTALL_ROOT=$(dirname "$(readlink -f "$0")") PYTHONPATH={root} exec {python} -m counter_app.launcher "$@"
"""


def _setup(where: Path, version: str, exit_code: int = 0) -> Path:
    """An unpacked setup tarball of `version` (install_layout.py's install folder) whose launcher is the source one."""
    launcher = where / "launcher"
    launcher.mkdir(parents=True)
    (launcher / "Counter").write_text(LAUNCHER.format(root=ROOT, python=sys.executable))
    (launcher / "Counter").chmod(0o755)
    (launcher / "counter-cli").symlink_to("Counter")
    (launcher / "_launcher").mkdir()
    app = fake_app(where / "app", version, exit_code)
    subprocess.run([sys.executable, str(ROOT / "resources" / "packaging" / "install_layout.py"), "install", "--app",
                    str(app), "--launcher", str(launcher), "--version", version, "--out", str(where / "out")],
                   check=True, capture_output=True, timeout=60)
    return where / "out" / "Counter"


def _said(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout + done.stderr


def test_install_over_install_keeps_two_versions_and_the_data_and_never_goes_back(tmp_path: Path) -> None:
    pc = Pc(tmp_path / "pc")
    done = pc.install_sh(_setup(tmp_path / "1.0.0", "1.0.0"))
    assert done.returncode == 0 and "Counter 1.0.0 installed in" in done.stdout, _said(done)
    assert pc.cli("status").stdout.strip() == "Counter 1.0.0 status"
    pc.data.mkdir(parents=True)
    (pc.data / "counter.sqlite3").write_bytes(b"the office's dossiers")
    _, key = throwaway_key(tmp_path)
    downloaded = package(tmp_path / "pkg", "1.0.5")  # an update the PC fetched, staged as the sync round does
    stage(pc.layout, downloaded, verify(sign(downloaded, "1.0.5", key), (key.public_key(),)).version)
    assert pc.cli().stdout.strip() == "Counter 1.0.5"

    done = pc.install_sh(_setup(tmp_path / "1.1.0", "1.1.0"))  # the IT officer's newer tarball
    assert done.returncode == 0, _said(done)
    assert (pc.layout.read(CURRENT), pc.layout.read(PREVIOUS), pc.layout.read(PENDING)) == ("1.1.0", "1.0.5", None)
    assert pc.cli("x").stdout.strip() == "Counter 1.1.0 x"
    assert sorted(p.name for p in pc.layout.versions.iterdir()) == ["1.0.5", "1.1.0"]  # 1.0.0: no rollback needs it

    done = pc.install_sh(_setup(tmp_path / "0.9.0", "0.9.0"))  # an old tarball found on a USB stick
    assert done.returncode == 0 and "Version 1.1.0 (newer) stays in use" in done.stdout, _said(done)
    assert pc.cli().stdout.strip() == "Counter 1.1.0"
    assert sorted(p.name for p in pc.layout.versions.iterdir()) == ["1.0.5", "1.1.0"]

    done = pc.install_sh(_setup(tmp_path / "0.9.0-again", "0.9.0"), "--remove")
    assert done.returncode == 0 and not pc.prefix.exists() and not (pc.bin / "counter-cli").is_symlink()
    assert (pc.data / "counter.sqlite3").read_bytes() == b"the office's dossiers"


def test_a_newer_tarball_whose_self_test_fails_leaves_the_old_version_and_says_so(tmp_path: Path) -> None:
    pc = Pc(tmp_path / "pc")
    assert pc.install_sh(_setup(tmp_path / "1.0.0", "1.0.0")).returncode == 0
    done = pc.install_sh(_setup(tmp_path / "1.1.0", "1.1.0", exit_code=5))
    assert done.returncode == 1 and "Version 1.1.0 failed its self-test" in done.stderr, _said(done)
    assert "exit 5: database: migrate failed" in done.stderr
    assert (pc.layout.read(CURRENT), pc.layout.read(PENDING)) == ("1.0.0", None)
    assert (pc.layout.folder("1.1.0") / FAILED_MARK).is_file()
    assert pc.cli().stdout.strip() == "Counter 1.0.0"


def test_a_folder_that_is_not_a_setup_tarball_is_refused(tmp_path: Path) -> None:
    setup = _setup(tmp_path / "1.0.0", "1.0.0")
    (setup / CURRENT).write_text("../../etc\n")
    pc = Pc(tmp_path / "pc")
    done = pc.install_sh(setup)
    assert done.returncode == 1 and "Not an unpacked Counter setup tarball" in done.stderr
    assert not pc.prefix.exists()

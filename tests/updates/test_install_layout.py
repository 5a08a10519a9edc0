"""The packaging step: `make dist`'s one-folder app becomes a first install folder that the launcher starts,
and an update package that a counter stages; both built from a real (small) executable version. The frozen
launcher and app, installed by install.sh, updated and rolled back: tests/package/test_install.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

from counter_app.updates.layout import CURRENT, PENDING, Layout, this_platform
from counter_app.updates.stage import stage
from tests.updates.releases import fake_app, launch

SCRIPT = Path(__file__).resolve().parents[2] / "resources" / "packaging" / "install_layout.py"


def _script(*args: str) -> str:
    done = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=True,
                          timeout=60)
    return done.stdout.strip()


def test_a_first_install_folder_starts_its_version(tmp_path: Path) -> None:
    app = fake_app(tmp_path / "dist" / "Counter", "0.1.0")
    launcher = tmp_path / "dist" / "launcher"
    launcher.mkdir()
    shutil.copy(app / "Counter", launcher / "Counter")  # stands in for the frozen launcher's files
    root = Path(_script("install", "--app", str(app), "--launcher", str(launcher), "--version", "0.1.0",
                        "--out", str(tmp_path / "install")))
    assert Layout(root).read(CURRENT) == "0.1.0" and (root / "versions" / "0.1.0" / "Counter").is_file()
    assert launch(root).stdout.strip() == "Counter 0.1.0"


def test_an_update_package_holds_the_app_folder_and_stages(tmp_path: Path) -> None:
    app = fake_app(tmp_path / "dist" / "Counter", "0.2.0", padding=1000)
    tarball = Path(_script("package", "--app", str(app), "--version", "0.2.0", "--out", str(tmp_path)))
    assert tarball.name == f"Counter-0.2.0-{this_platform()}.tar.gz"
    with tarfile.open(tarball) as tar:
        assert sorted(tar.getnames()) == ["Counter", "Counter/Counter", "Counter/_internal.bin"]
    layout = Layout(tmp_path / "install")
    fake_app(layout.folder("0.1.0"), "0.1.0")
    layout.write(CURRENT, "0.1.0")
    stage(layout, tarball, "0.2.0")
    assert layout.read(PENDING) == "0.2.0"
    assert launch(layout.root).stdout.strip() == "Counter 0.2.0"

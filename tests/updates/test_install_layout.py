"""The packaging step: `make dist`'s one-folder app becomes a first install folder that the launcher starts,
and an update package that a counter stages; both built from a real (small) executable version."""

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


def test_the_frozen_launcher_when_built(tmp_path: Path) -> None:
    """The PyInstaller launcher (resources/packaging/launcher.spec) finds its install folder by itself and
    rolls back a failing update. Built by the packaging step only; the tests above cover its logic from
    source on every run."""
    import os  # noqa: PLC0415

    import pytest  # noqa: PLC0415

    built = Path(os.environ.get("COUNTER_LAUNCHER_DIST", "dist/launcher"))
    if not (built / "Counter").is_file():
        pytest.skip("the frozen launcher is not built (pyinstaller resources/packaging/launcher.spec)")
    app = fake_app(tmp_path / "dist" / "Counter", "0.1.0")
    root = Path(_script("install", "--app", str(app), "--launcher", str(built), "--version", "0.1.0",
                        "--out", str(tmp_path / "install")))
    layout = Layout(root)
    fake_app(layout.folder("0.2.0"), "0.2.0", exit_code=2)
    layout.write(PENDING, "0.2.0")
    environment = {key: value for key, value in os.environ.items() if key != "COUNTER_INSTALL_ROOT"}
    done = subprocess.run([str(root / "Counter"), "x"], capture_output=True, text=True, env=environment,
                          timeout=120, check=False)
    assert done.stdout.strip() == "Counter 0.1.0 x"
    assert [report["outcome"] for _path, report in layout.pending_reports()] == ["self_test_failed"]


def test_the_real_frozen_app_updates_itself_when_built(tmp_path: Path) -> None:
    """`make dist`'s own install folder and update package: the frozen launcher self-tests the frozen app
    staged as a newer version (its real `counter-cli --self-test`), switches to it and starts it."""
    import os  # noqa: PLC0415

    import pytest  # noqa: PLC0415

    dist = Path(os.environ.get("COUNTER_LAUNCHER_DIST", "dist/launcher")).parent
    packages = sorted(dist.glob("Counter-*-linux-x86_64.tar.gz"))
    if not (dist / "install" / "Counter" / "Counter").is_file() or not packages:
        pytest.skip("make dist has not built the install folder and the update package")
    root = tmp_path / "Counter"
    shutil.copytree(dist / "install" / "Counter", root, symlinks=True)
    layout = Layout(root)
    stage(layout, packages[-1], "99.0.0")
    environment = {key: value for key, value in os.environ.items() if key != "COUNTER_INSTALL_ROOT"}
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run([str(root / "Counter"), "--help"], capture_output=True, text=True, env=environment,
                          timeout=600, check=False)
    assert done.returncode == 0 and "usage: counter-app" in done.stdout, done.stderr[-500:]
    assert layout.read(CURRENT) == "99.0.0"
    [(_path, report)] = layout.pending_reports()
    assert report["outcome"] == "installed" and "self-test: passed" in report["detail"]

"""The Linux setup tarball installed as the province's IT officer installs it (`make dist-check`, after `make dist`):
its install.sh run into a temporary prefix (COUNTER_PREFIX and the menu, icon and command-line folders beside it,
instead of /opt/counter and /usr), then the life of that PC: the installed launcher starts the version, a signed
update staged as the counter stages it starts at the next launch, one whose self-test fails is rolled back, a newer
tarball installed over it keeps every version and the data, and `--remove` keeps the data."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.logs import LOG_FOLDER
from counter_app.storage.database import SQLITE_FILE
from counter_app.updates.layout import CURRENT, FAILED_MARK, PENDING, PREVIOUS, Layout, this_platform
from counter_app.updates.signing import load_private, sign, verify
from counter_app.updates.stage import stage
from tests.updates.releases import Pc, package, throwaway_key

DIST = Path(os.environ.get("COUNTER_DIST", "dist/Counter")).resolve().parent
SETUPS = sorted(DIST.glob(f"counter-*-{this_platform()}-setup.tar.gz"))
UPDATES = sorted(DIST.glob(f"Counter-*-{this_platform()}.tar.gz"))
pytestmark = pytest.mark.skipif(not SETUPS and "COUNTER_DIST" not in os.environ,
                                reason="no setup tarball: `make dist` first (`make dist-check` requires one)")


def _unpack(tarball: Path, where: Path) -> Path:
    where.mkdir(parents=True)
    subprocess.run(["tar", "-xzf", str(tarball), "-C", str(where)], check=True, timeout=600)
    return where / "Counter"


def _signed_and_staged(layout: Layout, tarball: Path, version: str, key_file: Path) -> None:
    """What the counter does with a downloaded package: its signature checked against the trusted key (here
    the tests' throwaway release key; production trusts only the built-in one), then staged as pending."""
    signature = sign(tarball, version, load_private(key_file))
    manifest = verify(signature, (load_private(key_file).public_key(),))
    stage(layout, tarball, manifest.version)


def _outcomes(layout: Layout) -> list[tuple[str, str]]:
    return [(report["outcome"], report["version"]) for _path, report in layout.pending_reports()]


def _digest(folder: Path) -> dict[str, str]:
    """Every file of a data folder but its log (which each command appends to) and what SQLite makes on opening a
    database to read it (its shared-memory index, an empty write-ahead log)."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and LOG_FOLDER not in path.parts
            and not path.name.endswith("-shm") and not (path.name.endswith("-wal") and not path.stat().st_size)}


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A temporary folder every account may enter (pytest's own are their owner's only)."""
    folder = Path(tempfile.mkdtemp(prefix="counter-pc-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_an_installed_pc_starts_updates_rolls_back_reinstalls_and_uninstalls(tmp_path: Path, open_folder: Path) -> None:
    setup, update = SETUPS[-1], UPDATES[-1]
    unpacked = _unpack(setup, tmp_path / "unpacked")
    version = (unpacked / CURRENT).read_text().strip()
    pc = Pc(open_folder / "pc")

    done = pc.install_sh(unpacked)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "self-test: passed" in done.stdout and f"installed in {pc.prefix}" in done.stdout
    assert (pc.bin / "counter-cli").resolve() == (pc.prefix / "Counter").resolve()  # the launcher, not a version
    entry = (pc.applications / "counter.desktop").read_text()
    assert f"Exec={pc.prefix}/Counter\n" in entry
    assert (pc.icons / "256x256" / "apps" / "counter.png").is_file()
    assert pc.layout.read(CURRENT) == version and (pc.prefix / "versions" / version / "Counter").is_file()
    assert stat.S_IMODE(pc.prefix.stat().st_mode) == 0o2775  # the group's users stage updates here
    assert stat.S_IMODE((pc.prefix / "launcher.lock").stat().st_mode) == 0o666

    started = pc.cli("--version")
    assert started.stdout.strip() == f"Counter {version} (versions/{version} in {pc.prefix})", started.stderr
    made = pc.cli("init", "--office-code", "000.00.12.H12", "--office-name", "UBND xã Tân Hòa",
                  "--place-name", "Tân Hòa")
    assert made.returncode == 0, made.stderr[-2000:]
    data = _digest(pc.data)
    assert SQLITE_FILE in data
    key, _ = throwaway_key(tmp_path)

    # A signed update (the real frozen app, released as 99.0.0) starts at the next launch, after its self-test.
    _signed_and_staged(pc.layout, update, "99.0.0", key)
    assert pc.layout.read(PENDING) == "99.0.0"
    if os.getuid() == 0 and shutil.which("setpriv"):
        # An account outside the install folder's group starts the version in use; the update waits for one
        # that may switch it.
        other = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                str(pc.bin / "counter-cli"), "--version"], capture_output=True, text=True,
                               env={**pc.env, "HOME": str(open_folder)}, timeout=120, check=False)
        assert other.stdout.strip() == f"Counter {version} (versions/{version} in {pc.prefix})", other.stderr
        assert pc.layout.read(PENDING) == "99.0.0"
    started = pc.cli("--version")
    assert started.stdout.strip() == f"Counter {version} (versions/99.0.0 in {pc.prefix})", started.stderr
    assert (pc.layout.read(CURRENT), pc.layout.read(PREVIOUS), pc.layout.read(PENDING)) == ("99.0.0", version, None)
    assert _outcomes(pc.layout) == [("installed", "99.0.0")]  # told to the hub at the next sync

    # One whose self-test fails is set aside; the version before it starts, and the failure waits for the hub.
    broken = package(tmp_path / "broken", "99.1.0", exit_code=3)
    _signed_and_staged(pc.layout, broken, "99.1.0", key)
    started = pc.cli("--version")
    assert started.stdout.strip() == f"Counter {version} (versions/99.0.0 in {pc.prefix})", started.stderr
    assert (pc.layout.read(CURRENT), pc.layout.read(PENDING)) == ("99.0.0", None)
    assert (pc.layout.folder("99.1.0") / FAILED_MARK).is_file()
    assert _outcomes(pc.layout)[-1] == ("self_test_failed", "99.1.0")

    # A newer setup tarball (the same build named 99.2.0) installed over it: switched to after its self-test,
    # the version before it kept for a rollback (and the failed one, so it is never tried again), the older
    # one's folder removed, the data untouched.
    (unpacked / "versions" / version).rename(unpacked / "versions" / "99.2.0")
    (unpacked / CURRENT).write_text("99.2.0\n")
    done = pc.install_sh(unpacked)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert (pc.layout.read(CURRENT), pc.layout.read(PREVIOUS)) == ("99.2.0", "99.0.0")
    assert {p.name for p in (pc.prefix / "versions").iterdir()} == {"99.0.0", "99.1.0", "99.2.0"}
    assert _digest(pc.data) == data

    done = pc.install_sh(unpacked, "--remove")
    assert done.returncode == 0, done.stderr
    assert not pc.prefix.exists() and not (pc.bin / "counter-cli").is_symlink()
    assert not (pc.applications / "counter.desktop").exists()
    assert _digest(pc.data) == data
    shutil.rmtree(tmp_path / "unpacked")  # 400 MB: not left for pytest's kept temporary folders


def test_the_setup_tarball_holds_the_launcher_one_version_and_the_menu_entry(tmp_path: Path) -> None:
    with tarfile.open(SETUPS[-1]) as archive:
        names = set(archive.getnames())
        current = archive.extractfile("Counter/current")
        assert current is not None
        version = current.read().decode().strip()
        archive.extract("Counter/counter.desktop", tmp_path, filter="data")
    assert {"Counter/Counter", "Counter/counter-cli", "Counter/install.sh", "Counter/counter.desktop",
            "Counter/counter.png", f"Counter/versions/{version}/Counter",
            f"Counter/versions/{version}/_internal/resources/fonts/LiberationSerif-Regular.ttf"} <= names
    assert {name.split("/")[2] for name in names if name.startswith("Counter/versions/")} == {version}
    assert not any(name.startswith("Counter/_internal/") for name in names)  # the app lives in versions/ only
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(tmp_path / "Counter/counter.desktop")],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr

"""From `make dist`'s one-folder app to what a commune PC gets: the install folder (the launcher, `versions/<X>/`
and the `current` pointer; README "Updates") that both installers put on the PC — on Linux with the menu entry,
icon and install.sh beside it, packed as the setup tarball — and the update package the release manager signs
and the hub publishes (a tarball of the one-folder app).

    python resources/packaging/install_layout.py install --app dist/Counter --launcher dist/launcher \\
        --version 0.1.0 --out dist/install [--setup-tarball dist]
    python resources/packaging/install_layout.py package --app dist/Counter --version 0.1.0 --out dist
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from the checkout

from counter_app.updates.layout import APP, CURRENT, Layout, is_version, this_platform

HERE = Path(__file__).resolve().parent
LINUX_FILES = ("counter.desktop", "counter.png", "install.sh")  # beside the launcher in the Linux tarball


def install_folder(app: Path, launcher: Path, version: str, out: Path) -> Path:
    """`out/Counter/`: the launcher's files at the top, the app as `versions/<version>/`, `current` naming it."""
    if not is_version(version) or not (app / APP).is_file() or not (launcher / APP).is_file():
        raise SystemExit(f"need a version like 1.2.3 and {APP} in both {app} and {launcher}")
    target = out / "Counter"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(launcher, target, symlinks=True)
    shutil.copytree(app, target / "versions" / version, symlinks=True)
    Layout(target).write(CURRENT, version)
    if os.name != "nt":  # the Windows installer (counter.iss) makes its own Start-menu entry
        for name in LINUX_FILES:
            shutil.copy2(HERE / name, target / name)
        (target / "install.sh").chmod(0o755)
    return target


def setup_tarball(folder: Path, version: str, out: Path) -> Path:
    """`out/counter-<version>-<platform>-setup.tar.gz`: the install folder a Linux PC unpacks and installs
    with its install.sh (README "Installing on a commune PC")."""
    tarball = out / f"counter-{version}-{this_platform()}-setup.tar.gz"
    with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname="Counter")
    return tarball


def update_package(app: Path, version: str, out: Path, platform: str | None = None) -> Path:
    """`out/Counter-<version>-<platform>.tar.gz`, holding `Counter/` (what `counter-app release sign` signs)."""
    if not is_version(version) or not (app / APP).is_file():
        raise SystemExit(f"need a version like 1.2.3 and {APP} in {app}")
    out.mkdir(parents=True, exist_ok=True)
    tarball = out / f"Counter-{version}-{platform or this_platform()}.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(app, arcname="Counter")
    return tarball


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    for name in ("install", "package"):
        each = sub.add_parser(name)
        each.add_argument("--app", type=Path, default=Path("dist/Counter"))
        each.add_argument("--version", required=True)
        each.add_argument("--out", type=Path, default=Path("dist"))
    sub.choices["install"].add_argument("--launcher", type=Path, default=Path("dist/launcher"))
    sub.choices["install"].add_argument("--setup-tarball", type=Path, metavar="FOLDER",
                                        help="also pack the install folder as the Linux setup tarball there")
    sub.choices["package"].add_argument("--platform", help="default: this machine's, e.g. linux-x86_64")
    args = parser.parse_args(argv)
    if args.action == "install":
        folder = install_folder(args.app, args.launcher, args.version, args.out)
        sys.stdout.write(f"{folder}\n")
        if args.setup_tarball:
            tarball = setup_tarball(folder, args.version, args.setup_tarball)
            sys.stdout.write(f"{tarball} ({tarball.stat().st_size / 2**20:.0f} MB)\n")
    else:
        sys.stdout.write(f"{update_package(args.app, args.version, args.out, args.platform)}\n")


if __name__ == "__main__":
    main()

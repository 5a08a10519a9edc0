"""Putting a verified package in place: unpacked into `versions/<X>/` beside the running version (never over
it), then named in the `pending` pointer for the launcher to self-test at the next start."""

from __future__ import annotations

import shutil
import tarfile
import zlib
from pathlib import Path

from counter_app.errors import ValidationError
from counter_app.storage.blobs import fsync_folder
from counter_app.updates.layout import APP, CURRENT, PENDING, PREVIOUS, Layout


def stage(layout: Layout, package: Path, version: str) -> Path:
    """Unpack `package` (a tarball of the one-folder app, with or without its top folder) as `version` and
    make it pending; returns its folder. The current and previous versions are never touched."""
    if version in (layout.read(CURRENT), layout.read(PREVIOUS)):
        raise ValidationError("update.already_installed", version=version)
    layout.versions.mkdir(parents=True, exist_ok=True)
    work = layout.versions / f".unpack-{version}"
    shutil.rmtree(work, ignore_errors=True)
    try:
        with tarfile.open(package) as tar:
            tar.extractall(work, filter="data")  # no absolute paths, no links out, no devices
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        shutil.rmtree(work, ignore_errors=True)
        raise ValidationError("update.bad_package", version=version, detail=str(error)[:200]) from error
    app = _app_folder(work)
    if app is None:
        shutil.rmtree(work, ignore_errors=True)
        raise ValidationError("update.bad_package", version=version, detail=f"no {APP} inside")
    target = layout.folder(version)
    shutil.rmtree(target, ignore_errors=True)  # an earlier try that failed its self-test or was cut short
    app.replace(target)
    shutil.rmtree(work, ignore_errors=True)
    fsync_folder(layout.versions)
    layout.write(PENDING, version)
    return target


def _app_folder(work: Path) -> Path | None:
    """The folder holding the app's executable: the tarball's root or its single top folder."""
    if (work / APP).is_file():
        return work
    folders = [entry for entry in work.iterdir() if entry.is_dir()]
    if len(folders) == 1 and (folders[0] / APP).is_file():
        return folders[0]
    return None

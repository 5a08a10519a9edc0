"""Where Counter keeps its data (`--data-dir`, else `COUNTER_DATA_DIR`, else the user data folder), kept private:
the folder 0700 and every file in it 0600 on POSIX. On Windows the per-user folder under %LOCALAPPDATA% already
inherits an ACL that grants only the user, SYSTEM and Administrators, which Counter leaves as it is."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import Final

import platformdirs

ENV_DATA_DIR = "COUNTER_DATA_DIR"
MARKERS: Final = ("counter.json", "hub-keys.json")  # a folder holding one of these is Counter's own
_UNWALKED: Final = "blobs"  # content-addressed files and folders, created private: too many to walk each start


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created if missing, and made private when it is Counter's own."""
    path = chosen_data_dir(explicit)
    created = not path.exists()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if created or any((path / marker).exists() for marker in MARKERS):
        make_private(path)
    return path


def chosen_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder's path, without creating it (the self-test only looks)."""
    chosen = explicit or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir("Counter", "Counter")
    return Path(chosen).expanduser().resolve()


def make_private(folder: Path) -> None:
    """Folder and sub-folders 0700, files 0600 (blobs are written 0600 already); a shared folder such as /tmp
    (sticky bit), the home folder or the root is never changed."""
    if os.name == "nt" or folder in (Path.home(), Path(folder.anchor)) or folder.stat().st_mode & stat.S_ISVTX:
        return
    _chmod(folder, 0o700)
    for parent, folders, files in os.walk(folder):
        here = Path(parent)
        for name in folders:
            _chmod(here / name, 0o700)
        if here == folder and _UNWALKED in folders:
            folders.remove(_UNWALKED)
        for name in files:
            _chmod(here / name, 0o600)


def private_file(path: Path) -> None:
    """Create `path` empty and 0600 if missing (so what SQLite derives from it is private too), else make it 0600."""
    if os.name == "nt":
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    _chmod(path, 0o600)


def _chmod(path: Path, mode: int) -> None:
    """Only folders and regular files (never a link's target, a device or a pipe)."""
    with contextlib.suppress(OSError):
        current = path.lstat().st_mode
        if (stat.S_ISDIR(current) or stat.S_ISREG(current)) and stat.S_IMODE(current) != mode:
            path.chmod(mode)


def app_root() -> Path:
    """Where the shipped files sit: the folder of a frozen build's bundled files (PyInstaller's `_internal/`),
    else the source checkout that holds the packages."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The `resources/` folder (fonts, translations, icons, catalogue, forms wording), from source or frozen."""
    return app_root() / "resources"


def resource(*parts: str) -> Path:
    """One shipped file or folder under `resources/`, e.g. `resource("fonts", "NotoSans-Regular.ttf")`."""
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    """The Alembic scripts, kept as files beside `counter_app/storage/` from source and frozen alike."""
    return app_root() / "counter_app" / "storage" / "migrations"

"""Encrypting a data folder made before encryption, crash-safe: it ends fully plain or fully encrypted.

Everything encrypted is first written beside the plain data (`counter.sqlite3.encrypting`, `blobs.encrypting/`)
and made durable; writing the encrypted `protect.json` is the one commit point. Before it, the plain folder is
untouched and the leftovers are removed by the next attempt; after it, `roll_forward` (run by every open) puts
the encrypted files in place, step by idempotent step, and removes the plain ones.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from pathlib import Path
from typing import Final

from counter_app.errors import StorageError
from counter_app.protect import keyfile
from counter_app.protect.keyfile import Kdf
from counter_app.protect.sqlcipher import export_encrypted
from counter_app.protect.stream import new_key
from counter_app.storage.blobs import is_sealed_file, seal_atomically

_log = logging.getLogger(__name__)
ENCRYPTING: Final = ".encrypting"
BLOBS: Final = "blobs"
_OLD_BLOBS: Final = "blobs.plain-old"
_WORK_FOLDERS: Final = ("staging", "ocr-pending")  # working folders inside blobs/, moved along as they are


def encrypt_folder(data_dir: Path, password: str, kdf: Kdf | None = None, database_file: str = "") -> bytes:
    """Encrypt the plain database and blobs of `data_dir` with a new data key wrapped by `password`; returns
    the key. Refused when the folder is already encrypted. The app must not be running on this folder."""
    database = data_dir / (database_file or _sqlite_file())
    found = keyfile.load(data_dir)
    if found is not None and found.encrypted:
        roll_forward(data_dir, database.name)
        raise StorageError("protect.already_encrypted", path=str(data_dir))
    keyfile.check_password(password)
    _remove_leftovers(data_dir, database)
    key = new_key()
    wrapped = keyfile.wrap(key, password, kdf)
    if database.exists():
        export_encrypted(database, _encrypting(database), key)
        _fsync(_encrypting(database))
    _seal_blobs(data_dir / BLOBS, data_dir / (BLOBS + ENCRYPTING), key)
    _fsync(data_dir)
    keyfile.save(data_dir, wrapped)  # the commit point
    roll_forward(data_dir, database.name)
    return key


def roll_forward(data_dir: Path, database_file: str) -> None:
    """Finish a committed conversion that was interrupted (nothing to do otherwise)."""
    encrypted_db = _encrypting(data_dir / database_file)
    new_blobs, blobs, old_blobs = data_dir / (BLOBS + ENCRYPTING), data_dir / BLOBS, data_dir / _OLD_BLOBS
    if not (encrypted_db.exists() or new_blobs.exists() or old_blobs.exists()):
        return
    found = keyfile.load(data_dir)
    if found is None or not found.encrypted:
        return  # not committed: the plain folder stands, the next `protect encrypt` starts again
    _log.info("finishing an interrupted encryption of %s", data_dir)
    if encrypted_db.exists():
        for suffix in ("-wal", "-shm", "-journal"):  # the plain file's: checkpointed before the export
            (data_dir / (database_file + suffix)).unlink(missing_ok=True)
        os.replace(encrypted_db, data_dir / database_file)
    if new_blobs.exists():
        if blobs.exists():
            _move_work_folders(blobs, new_blobs)
            os.replace(blobs, old_blobs)
        os.replace(new_blobs, blobs)
    _fsync(data_dir)
    if old_blobs.exists():
        _move_work_folders(old_blobs, blobs)
        shutil.rmtree(old_blobs)


def _seal_blobs(plain_root: Path, sealed_root: Path, key: bytes) -> None:
    sealed_root.mkdir(mode=0o700, exist_ok=True)
    if not plain_root.is_dir():
        return
    for folder in sorted(plain_root.iterdir()):
        if folder.name in _WORK_FOLDERS or not folder.is_dir():
            continue
        (sealed_root / folder.name).mkdir(mode=0o700, exist_ok=True)
        for file in sorted(folder.iterdir()):
            if file.name.startswith(".tmp-") or not file.is_file():
                continue
            target = sealed_root / folder.name / file.name
            if is_sealed_file(file):
                shutil.copy2(file, target)
                continue
            with file.open("rb") as source:
                seal_atomically(target, source, key)
        _fsync(sealed_root / folder.name)


def _move_work_folders(source: Path, target: Path) -> None:
    for name in _WORK_FOLDERS:
        if (source / name).exists() and not (target / name).exists():
            os.replace(source / name, target / name)


def _remove_leftovers(data_dir: Path, database: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(_encrypting(database)) + suffix).unlink(missing_ok=True)
    shutil.rmtree(data_dir / (BLOBS + ENCRYPTING), ignore_errors=True)


def _encrypting(database: Path) -> Path:
    return database.with_name(database.name + ENCRYPTING)


def _fsync(path: Path) -> None:
    if os.name == "nt" and path.is_dir():
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _sqlite_file() -> str:
    from counter_app.storage.database import SQLITE_FILE  # noqa: PLC0415 (storage.database imports this module)

    return SQLITE_FILE

"""Opening a data folder's protection: set-up of a new folder, unlocking (keyring, then the office password),
changing the password and recovering with the recovery code."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from counter_app.errors import AuthError, StorageError
from counter_app.protect import keyfile, keystore
from counter_app.protect.keyfile import Kdf, KeyFile
from counter_app.protect.recovery import decode
from counter_app.protect.stream import new_key
from counter_app.storage.database import SQLITE_FILE

# Set to 1 only on a developer's machine or in the tests: a NEW data folder is then made without encryption
# (recorded as "plain-development" in its protect.json). Existing folders keep what they are.
DEV_UNENCRYPTED_ENV: Final = "COUNTER_DEV_UNENCRYPTED"

NEW: Final = "new"
LEGACY_PLAIN: Final = "plain-legacy"  # a folder made before encryption: `protect encrypt` converts it


@dataclass(frozen=True)
class Status:
    """What a data folder is: new, encrypted, plain for development, or plain from before encryption."""

    mode: str
    key_id: str = ""
    in_keyring: bool = False

    @property
    def needs_key(self) -> bool:
        return self.mode == keyfile.ENCRYPTED


def dev_unencrypted() -> bool:
    return os.environ.get(DEV_UNENCRYPTED_ENV, "") == "1"


def status(data_dir: Path, look_in_keyring: bool = False) -> Status:
    found = keyfile.load(data_dir)
    if found is None:
        has_data = (data_dir / SQLITE_FILE).exists() or (data_dir / "blobs").is_dir()
        return Status(LEGACY_PLAIN if has_data else NEW)
    if not found.encrypted:
        return Status(found.mode)
    return Status(found.mode, found.key_id, look_in_keyring and keystore.recall(found.key_id) is not None)


def set_up(data_dir: Path, password: str, kdf: Kdf | None = None, use_keyring: bool = True) -> bytes:
    """Protect a NEW data folder: a fresh data key, wrapped by `password`, kept in the keyring where there is
    one. Returns the key (for the recovery sheet and to open the database)."""
    if status(data_dir).mode != NEW:
        raise StorageError("protect.not_new", path=str(data_dir))
    key = new_key()
    data_dir.mkdir(parents=True, exist_ok=True)
    wrapped = keyfile.wrap(key, password, kdf)
    keyfile.save(data_dir, wrapped)
    if use_keyring:
        keystore.remember(wrapped.key_id, key)
    return key


def set_up_plain_development(data_dir: Path) -> None:
    """Mark a NEW folder as deliberately unencrypted (development only)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    keyfile.save(data_dir, KeyFile(keyfile.PLAIN_DEVELOPMENT))


def unlock(data_dir: Path, password: str | None = None, use_keyring: bool = True) -> bytes:
    """The data key of an encrypted folder: from the keyring when no password is given, else by the password
    (and then kept in the keyring for the next start). AuthError `protect.locked` when neither is available,
    `protect.wrong_password` for a wrong password."""
    found = _encrypted(data_dir)
    if password is None:
        key = keystore.recall(found.key_id) if use_keyring else None
        if key is None or not keyfile.matches(found, key):
            raise AuthError("protect.locked", path=str(data_dir))
        return key
    key = keyfile.unwrap(found, password)
    if use_keyring:
        keystore.remember(found.key_id, key)
    return key


def change_password(data_dir: Path, key: bytes, new_password: str, kdf: Kdf | None = None) -> None:
    """Re-wrap the data key with a new office password; the data is not touched."""
    found = _encrypted(data_dir)
    if not keyfile.matches(found, key):
        raise AuthError("protect.wrong_key", path=str(data_dir))
    keyfile.save(data_dir, keyfile.wrap(key, new_password, kdf))


def recover(data_dir: Path, code: str, new_password: str, kdf: Kdf | None = None,
            use_keyring: bool = True) -> bytes:
    """With the recovery sheet's code: check it is this folder's key, set a new office password, keep the key in
    the keyring. Returns the key."""
    found = _encrypted(data_dir)
    key = decode(code)
    if not keyfile.matches(found, key):
        raise AuthError("protect.recovery_other_key")
    change_password(data_dir, key, new_password, kdf)
    if use_keyring:
        keystore.remember(found.key_id, key)
    return key


def _encrypted(data_dir: Path) -> KeyFile:
    found = keyfile.load(data_dir)
    if found is None or not found.encrypted:
        raise StorageError("protect.not_encrypted", path=str(data_dir))
    return found

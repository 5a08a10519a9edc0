"""The key a backup is sealed with, and what a new PC needs to get it back.

An encrypted installation seals its backups with a key derived from its data key, and each generation keeps the
data folder's `protect.json` beside the manifest, unsealed: it holds the data key only wrapped by the office
password (argon2id), so a new PC gets the key back from the office password, or from the recovery sheet's
code, and nothing else. An unencrypted development folder uses a random key kept in the folder (`backup.key`,
never copied to the backup): its backups restore only with `--key-file`."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KEY_FILE = "backup.key"
WRAPPED_KEY = "protect.json"  # counter_app.protect.keyfile.KEY_FILE, kept beside each manifest


@dataclass(frozen=True)
class BackupKey:
    key: bytes
    info: dict[str, Any] = field(default_factory=dict)  # recorded in the manifest: how to get the key back
    wrapped: bytes = b""  # the data folder's protect.json, stored beside the manifest (encrypted folders)

    @property
    def fingerprint(self) -> str:
        return hashlib.blake2b(self.key, digest_size=8, person=b"counter-bk-fp").hexdigest()


def from_data_key(data_key: bytes) -> bytes:
    """The backup key of an encrypted installation (one key, one purpose)."""
    return hashlib.blake2b(b"counter backup", key=data_key, digest_size=32).digest()


def for_installation(data_dir: Path, data_key: bytes | None = None) -> BackupKey:
    """This installation's backup key: from its data key when encrypted, else the folder's own random key."""
    if data_key is not None:
        wrapped = (data_dir / WRAPPED_KEY).read_bytes()
        return BackupKey(from_data_key(data_key), {"kind": "data-key"}, wrapped)
    path = data_dir / KEY_FILE
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(os.urandom(32))
    return BackupKey(path.read_bytes(), {"kind": "installation-key"})

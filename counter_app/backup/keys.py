"""The key a backup is sealed with, and what a new PC needs to get it back. Interim: a random key kept in
the data folder, until the data key of the encrypted-at-rest work is available to derive it from."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KEY_FILE = "backup.key"


@dataclass(frozen=True)
class BackupKey:
    key: bytes
    info: dict[str, Any] = field(default_factory=dict)  # recorded in the manifest: how to get the key back

    @property
    def fingerprint(self) -> str:
        return hashlib.blake2b(self.key, digest_size=8, person=b"counter-bk-fp").hexdigest()


def for_installation(data_dir: Path) -> BackupKey:
    """This installation's backup key (made on first use)."""
    path = data_dir / KEY_FILE
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(os.urandom(32))
    key = path.read_bytes()
    return BackupKey(key, {"kind": "installation-key"})

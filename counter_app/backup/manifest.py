"""A backup generation's manifest: what it holds, each file's hashes, and a MAC under the backup key. It is
written last and atomically, so a generation without a readable, authentic manifest is incomplete."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.storage.blobs import write_atomically

if TYPE_CHECKING:
    from counter_app.backup.streams import Sealed

FORMAT = "counter-backup/1"
NAME = "manifest.json"


class ManifestError(Exception):
    """Missing, unreadable, of another format, or not authentic under this key."""


@dataclass(frozen=True)
class Entry:
    """One stored file: `name` in the installation, `stored` its path relative to the backup root."""

    name: str
    stored: str
    size: int
    sha256: str
    stored_size: int
    stored_sha256: str

    @classmethod
    def of(cls, name: str, stored: str, sealed: Sealed) -> Entry:
        return cls(name, stored, sealed.size, sealed.sha256, sealed.stored_size, sealed.stored_sha256)


@dataclass(frozen=True)
class Manifest:
    generation: str
    created: str
    device_id: str
    office_code: str
    schema: str
    last_seq: int
    acked_seq: int
    dossiers: int
    database: Entry
    files: tuple[Entry, ...]
    blobs: tuple[Entry, ...]
    key_info: dict[str, Any] = field(default_factory=dict)  # how a new PC unwraps the key (never the key)

    @property
    def created_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.created)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return (self.database, *self.files, *self.blobs)

    @property
    def blob_bytes(self) -> int:
        return sum(entry.size for entry in self.blobs)


def _mac(body: bytes, key: bytes) -> str:
    return hmac.new(hashlib.blake2b(key + b"counter-backup-manifest").digest(), body, "sha256").hexdigest()


def dumps(manifest: Manifest, key: bytes) -> bytes:
    body = json.dumps({"format": FORMAT, **asdict(manifest)}, ensure_ascii=False, sort_keys=True)
    return json.dumps({"manifest": body, "mac": _mac(body.encode(), key)}, ensure_ascii=False).encode()


def write(folder: Path, manifest: Manifest, key: bytes) -> None:
    """The manifest in `folder`, atomically (temporary file, fsync, rename, fsync of the folder)."""
    write_atomically(folder / NAME, dumps(manifest, key))


def outer(folder: Path) -> dict[str, Any]:
    """The manifest's fields without checking its MAC (to show a backup before the key is at hand)."""
    try:
        envelope = json.loads((folder / NAME).read_bytes())
        body: dict[str, Any] = json.loads(envelope["manifest"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ManifestError(f"{type(error).__name__}") from error
    if body.get("format") != FORMAT:
        raise ManifestError(f"format {body.get('format')!r}")
    return body


def read(folder: Path, key: bytes) -> Manifest:
    """The authentic manifest of the generation in `folder`."""
    try:
        envelope = json.loads((folder / NAME).read_bytes())
        body = str(envelope["manifest"])
        if not hmac.compare_digest(_mac(body.encode(), key), str(envelope["mac"])):
            raise ManifestError("mac")
        fields = json.loads(body)
        if fields.pop("format", None) != FORMAT:
            raise ManifestError("format")
        fields["database"] = Entry(**fields["database"])
        for name in ("files", "blobs"):
            fields[name] = tuple(Entry(**item) for item in fields[name])
        return Manifest(**fields)
    except ManifestError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ManifestError(type(error).__name__) from error

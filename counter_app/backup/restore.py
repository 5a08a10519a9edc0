"""`restore`: a verified generation decrypted into a new data folder, built beside it and moved into place
at the end, so an interrupted restore leaves nothing half-made; a folder that holds data is never touched."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from counter_app.backup import check, layout, streams
from counter_app.backup.manifest import Entry, Manifest
from counter_app.errors import StorageError, ValidationError
from counter_app.messages import os_reason
from counter_app.storage.database import SQLITE_FILE

RESTORED_MARK = "restored-from.json"
LOGS = "logs"


@dataclass(frozen=True)
class RestoreResult:
    data_dir: str
    generation: str
    created: str
    dossiers: int
    blobs: int
    last_seq: int


def restore(given: Path, data_dir: Path, key: bytes) -> RestoreResult:
    """The newest intact generation under `given` (or the one it names) into `data_dir`, which must be empty
    or missing."""
    refuse_if_holding_data(data_dir)
    root, only = layout.find_root(given)
    chosen = _chosen(root, only, key)
    building = data_dir.with_name(f".{data_dir.name}.restoring")
    shutil.rmtree(building, ignore_errors=True)
    try:
        building.mkdir(mode=0o700, parents=True)
        for entry in chosen.entries:
            _unseal(root, entry, building / _place(chosen, entry), key)
        _mark(building, chosen)
        _move_into_place(building, data_dir)
    except OSError as error:
        raise StorageError("backup.restore_failed", path=str(data_dir), reason=os_reason(error)) from error
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return RestoreResult(str(data_dir), chosen.generation, chosen.created, chosen.dossiers, len(chosen.blobs),
                         chosen.last_seq)


def refuse_if_holding_data(data_dir: Path) -> None:
    """A folder with anything but the log in it is refused: its data might be the only copy."""
    if data_dir.exists() and (not data_dir.is_dir() or any(p.name != LOGS for p in data_dir.iterdir())):
        raise ValidationError("backup.target_not_empty", path=str(data_dir))


def _chosen(root: Path, only: Path | None, key: bytes) -> Manifest:
    folders = [only] if only else list(reversed(layout.generations(root)))
    for folder in folders:
        found = check.good_manifest(root, folder, key)
        if found is not None:
            return found
    raise ValidationError("backup.no_good_generation", path=str(root))


def _place(chosen: Manifest, entry: Entry) -> str:
    if entry is chosen.database:
        return SQLITE_FILE
    if entry.stored.startswith(f"{layout.POOL}/"):
        return f"blobs/{entry.name[:2]}/{entry.name}"
    if entry.name.startswith("/") or ".." in Path(entry.name).parts:
        raise ValidationError("backup.bad_entry", name=entry.name)
    return entry.name


def _unseal(root: Path, entry: Entry, target: Path, key: bytes) -> None:
    opened = streams.unseal(root / entry.stored, target, key)
    if (opened.size, opened.sha256) != (entry.size, entry.sha256):
        raise ValidationError("backup.cannot_decrypt", path=entry.stored)


def _mark(building: Path, chosen: Manifest) -> None:
    """A note the data folder keeps until the first sync has reconciled with the hub."""
    import json  # noqa: PLC0415

    mark = {"generation": chosen.generation, "created": chosen.created, "last_seq": chosen.last_seq,
            "acked_seq": chosen.acked_seq, "device_id": chosen.device_id}
    descriptor = os.open(building / RESTORED_MARK, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(mark, handle)


def _move_into_place(building: Path, data_dir: Path) -> None:
    if data_dir.exists():
        if (data_dir / LOGS).exists():  # this command's own log, kept
            os.replace(data_dir / LOGS, building / LOGS)
        data_dir.rmdir()  # empty now: checked before
    os.replace(building, data_dir)
    with contextlib.suppress(OSError):
        os.chmod(data_dir, 0o700)

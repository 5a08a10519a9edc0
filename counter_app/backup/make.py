"""One backup run: snapshot the database, seal it and the installation's small files into a new generation,
add the blobs the pool does not hold yet (incremental), write the manifest last, then keep N generations."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from counter_app.backup import keys, layout, manifest, snapshot, space, streams
from counter_app.backup.manifest import Entry, Manifest, ManifestError
from counter_app.clock import now
from counter_app.errors import StorageError
from counter_app.messages import os_reason
from counter_app.services import outbox
from counter_app.storage.database import SQLITE_FILE, Database

Progress = Callable[[int, int], None]  # bytes done, bytes in all
SKIPPED_FILES = frozenset({keys.KEY_FILE})  # never on the stick: it would open the backup
_SNAPSHOT = ".backup-snapshot.sqlite3"


@dataclass(frozen=True)
class BackupResult:
    root: str
    generation: str
    created: str
    blobs: int
    blobs_new: int
    bytes_written: int
    pruned: tuple[str, ...]


def run(db: Database, target: Path, key: keys.BackupKey, keep: int, progress: Progress | None = None) -> BackupResult:
    """A new complete generation under `target`, or an error with nothing half-used (an interrupted run leaves
    a generation without manifest, which is never read and is removed by the next run)."""
    root = layout.root_for(target, db.device_id)
    try:
        return _run(db, root, key, max(1, keep), progress or (lambda _done, _all: None))
    except OSError as error:
        raise StorageError("backup.write_failed", path=str(target), reason=os_reason(error)) from error


def _run(db: Database, root: Path, key: keys.BackupKey, keep: int, progress: Progress) -> BackupResult:
    previous = latest_manifest(root, key.key)
    held = {entry.sha256: entry for entry in previous.blobs} if previous else {}
    blobs = list(_blob_files(db))
    fresh = {sha: path for sha, path in blobs if not _still_pooled(root, held.get(sha))}
    database_file = db.data_dir / SQLITE_FILE
    total = sum(p.stat().st_size for p in (database_file, *fresh.values()) if p.exists())
    space.require(root.parent, total)
    folder = layout.new_generation(root, now())
    done = 0
    database, facts = _seal_database(db, folder, root, key.key)
    done += database.size
    progress(done, total)
    files = tuple(_seal_files(db.data_dir, folder, root, key.key))
    entries: list[Entry] = []
    for sha, path in blobs:
        if sha not in fresh:
            entries.append(held[sha])
            continue
        sealed = streams.seal(path, root / layout.pool_path(sha), key.key)
        entries.append(Entry.of(sha, layout.pool_path(sha), sealed))
        done += sealed.size
        progress(done, total)
    made = _manifest(db, folder, facts, (database, files, tuple(entries)), key)
    if key.wrapped:  # the data key wrapped by the office password: what a new PC restores with
        (folder / keys.WRAPPED_KEY).write_bytes(key.wrapped)
    manifest.write(folder, made, key.key)
    pruned = prune(root, key.key, keep)
    written = database.stored_size + sum(f.stored_size for f in files) + sum(
        e.stored_size for e in entries if e.name in fresh)
    return BackupResult(str(root), folder.name, made.created, len(entries), len(fresh), written, pruned)


def _still_pooled(root: Path, entry: Entry | None) -> bool:
    if entry is None:
        return False
    with contextlib.suppress(OSError):
        return (root / entry.stored).stat().st_size == entry.stored_size
    return False


def _blob_files(db: Database) -> Iterator[tuple[str, Path]]:
    """Every stored blob (content-addressed files two levels down; staging and queues are not blobs)."""
    base = db.data_dir / "blobs"
    if not base.is_dir():
        return
    for prefix in sorted(base.iterdir()):
        if len(prefix.name) != 2 or not prefix.is_dir():
            continue
        for path in sorted(prefix.iterdir()):
            if len(path.name) == 64 and path.name.startswith(prefix.name) and path.is_file():
                yield path.name, path


def _seal_database(db: Database, folder: Path, root: Path, key: bytes) -> tuple[Entry, snapshot.Facts]:
    copy = db.data_dir / _SNAPSHOT
    try:
        snapshot.take(db, copy)
        stored = folder / layout.DATABASE
        entry = Entry.of(SQLITE_FILE, str(stored.relative_to(root)), streams.seal(copy, stored, key))
        return entry, snapshot.facts(db, copy)
    finally:
        copy.unlink(missing_ok=True)


def _seal_files(data_dir: Path, folder: Path, root: Path, key: bytes) -> Iterator[Entry]:
    """The installation's small files: its identity (counter.json), sync key, trusted roots, overrides."""
    for number, path in enumerate(_small_files(data_dir)):
        name = path.relative_to(data_dir).as_posix()
        stored = folder / layout.FILES / f"{number:03d}.bin"
        yield Entry.of(name, str(stored.relative_to(root)), streams.seal(path, stored, key))


def _small_files(data_dir: Path) -> Iterator[Path]:
    for path in sorted(data_dir.iterdir()):
        if path.is_file() and not path.name.startswith(".") and not path.name.startswith(SQLITE_FILE) \
                and path.name not in SKIPPED_FILES:
            yield path
    trust = data_dir / "trust"
    if trust.is_dir():
        yield from sorted(p for p in trust.rglob("*") if p.is_file())


def _manifest(db: Database, folder: Path, facts: snapshot.Facts,
              stored: tuple[Entry, tuple[Entry, ...], tuple[Entry, ...]], key: keys.BackupKey) -> Manifest:
    info = {**key.info, "fingerprint": key.fingerprint}
    database, files, blobs = stored
    return Manifest(folder.name, now().isoformat(), str(db.device_id), outbox.state(db).office_code, facts.schema,
                    facts.last_seq, facts.acked_seq, facts.dossiers, database, files, blobs, info)


def latest_manifest(root: Path, key: bytes) -> Manifest | None:
    """The newest generation whose manifest is there and authentic (its files are not re-read here)."""
    for folder in reversed(layout.generations(root)):
        with contextlib.suppress(ManifestError):
            return manifest.read(folder, key)
    return None


def prune(root: Path, key: bytes, keep: int) -> tuple[str, ...]:
    """Keep the `keep` newest complete generations; remove older ones, unfinished ones older than the newest
    complete one, and pool blobs no kept generation names."""
    kept: list[Manifest] = []
    removed: list[str] = []
    for folder in reversed(layout.generations(root)):
        try:
            found: Manifest | None = manifest.read(folder, key)
        except ManifestError:
            found = None
        if found is None and not kept:
            continue  # newer than every complete one: maybe a run still writing it
        if found is not None and len(kept) < keep:
            kept.append(found)
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder.name)
    wanted = {entry.stored for generation in kept for entry in generation.blobs}
    pool = root / layout.POOL
    for path in pool.glob("*/*") if pool.is_dir() else ():
        if path.relative_to(root).as_posix() not in wanted:
            path.unlink(missing_ok=True)
    return tuple(removed)

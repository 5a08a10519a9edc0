"""The blob store's staging area: each scanned page is written to disk the moment it arrives, in a batch per
document being scanned, and stays there until the document is filed, so a crash or a refused intake loses
nothing. Batches left by a process that is gone are found again at the next start."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from counter_app.errors import StorageError
from counter_app.storage.blobs import BlobStore, write_atomically

_SUFFIXES = {"image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tif"}
_ABOUT = "batch.json"


@dataclass(frozen=True)
class StagedPage:
    number: int
    path: Path
    media_type: str
    dpi: int

    def read(self) -> bytes:
        return self.path.read_bytes()


class StagedBatch:
    """The pages of one document being scanned, numbered in the order they arrived."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        about = json.loads((folder / _ABOUT).read_text(encoding="utf-8"))
        self.label: str = about["label"]
        self.owner: int = int(about["pid"])

    @property
    def id(self) -> str:
        return self.folder.name

    def add(self, image: bytes, media_type: str, dpi: int) -> StagedPage:
        """Write one page (image, then its description) before anything else happens to it."""
        number = max((page.number for page in self.pages()), default=0) + 1
        return self.put(number, image, media_type, dpi)

    def put(self, number: int, image: bytes, media_type: str, dpi: int) -> StagedPage:
        """Write (or replace, after a rotation) page `number`."""
        stem = self.folder / f"{number:04d}"
        path = stem.with_suffix(_SUFFIXES.get(media_type, ".img"))
        try:
            write_atomically(path, image)
            write_atomically(stem.with_suffix(".json"), json.dumps({"media_type": media_type, "dpi": dpi,
                                                                    "file": path.name}).encode())
        except OSError as error:
            raise StorageError("storage.disk_full") from error
        return StagedPage(number, path, media_type, dpi)

    def remove(self, number: int) -> None:
        for path in self.folder.glob(f"{number:04d}.*"):
            path.unlink(missing_ok=True)

    def pages(self) -> list[StagedPage]:
        """The complete pages (image and description both written), in order."""
        found = []
        for about in sorted(self.folder.glob("[0-9][0-9][0-9][0-9].json")):
            try:
                description = json.loads(about.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # cut short by a crash: the page was never announced as arrived
            image = self.folder / description["file"]
            if image.is_file():
                found.append(StagedPage(int(about.stem), image, description["media_type"], int(description["dpi"])))
        return found

    def adopt(self) -> None:
        """This process takes over a batch left by one that is gone."""
        self.owner = os.getpid()
        write_atomically(self.folder / _ABOUT, json.dumps({"label": self.label, "pid": self.owner}).encode())

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class Staging:
    """Batches under `root` (the blob store's `staging/` folder)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def open(self, label: str) -> StagedBatch:
        """A new, empty batch for the document called `label`."""
        folder = self.root / uuid.uuid4().hex
        try:
            folder.mkdir(parents=True)
            write_atomically(folder / _ABOUT, json.dumps({"label": label, "pid": os.getpid()}).encode())
        except OSError as error:
            raise StorageError("storage.disk_full") from error
        return StagedBatch(folder)

    def batches(self) -> list[StagedBatch]:
        if not self.root.is_dir():
            return []
        found = []
        for folder in sorted(self.root.iterdir(), key=lambda path: path.stat().st_mtime):
            with contextlib.suppress(OSError, ValueError, KeyError):
                found.append(StagedBatch(folder))
        return found

    def orphans(self, label: str | None = None) -> list[StagedBatch]:
        """Batches whose process is gone (it crashed or the PC was switched off), optionally for one label."""
        return [batch for batch in self.batches()
                if not _alive(batch.owner) and (label is None or batch.label == label) and batch.pages()]


def staging_of(blobs: BlobStore) -> Staging:
    return Staging(blobs.root / "staging")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # no cheap probe on Windows: a batch is an orphan once its owner has not adopted it
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

"""Text layers added after filing, in the background: a filed scan waits in a queue on disk (so a PC switched
off before OCR finished picks it up at the next start), then its PDF is replaced by one with Tesseract's
Vietnamese text, unless it was signed or replaced meanwhile."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from counter_app.errors import CounterError
from counter_app.services import documents
from counter_app.services.documents import FiledCopy
from counter_app.storage.blobs import write_atomically
from counter_app.storage.database import Database


@dataclass(frozen=True)
class Job:
    path: Path
    ref: str
    position: int
    sha256: str
    actor: str


def folder(db: Database) -> Path:
    return db.blobs.root / "ocr-pending"


def enqueue(db: Database, filed: FiledCopy, actor: str) -> None:
    """Remember that `filed` still needs its text layer (written to disk before anything else happens)."""
    target = folder(db) / f"{filed.dossier_code}-{filed.position}-{filed.sha256[:16]}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, json.dumps({"ref": filed.dossier_code, "position": filed.position,
                                         "sha256": filed.sha256, "actor": actor}).encode())


def pending(db: Database) -> list[Job]:
    jobs = []
    for path in sorted(folder(db).glob("*.json"), key=lambda item: item.stat().st_mtime):
        with contextlib.suppress(OSError, ValueError, KeyError):
            about = json.loads(path.read_text(encoding="utf-8"))
            jobs.append(Job(path, about["ref"], int(about["position"]), about["sha256"], about["actor"]))
    return jobs


def run_pending(db: Database) -> int:
    """Add the text layer to every waiting scan, oldest first; the number of documents done. Without
    Tesseract the queue waits (nothing is lost)."""
    from scanning.ocr import available  # noqa: PLC0415 (image libraries load when a job runs)

    if not available():
        return 0
    done = 0
    for job in pending(db):
        done += _run(db, job)
        job.path.unlink(missing_ok=True)
    return done


def _run(db: Database, job: Job) -> int:
    try:
        current = next((copy for copy in documents.copies(db, job.ref) if copy.position == job.position), None)
        if current is None or current.sha256 != job.sha256 or current.signed:
            return 0  # rescanned, or signed (a new layer would break the signature): leave it as it is
        from scanning.pdf import add_text_layers  # noqa: PLC0415

        with_text, pages = add_text_layers(documents.read_copy(db, current))
        if pages == 0:
            return 0
        documents.file_copy(db, job.ref, str(job.position), with_text, pages, job.actor)
    except CounterError:
        return 0  # the dossier or its scan is gone: nothing to add a layer to
    return 1

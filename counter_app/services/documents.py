"""Digitised copies of a dossier's received documents: filing a PDF, replacing it once signed or time-stamped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from counter_app.clock import local, now
from counter_app.errors import NotFound, ValidationError
from counter_app.lifecycle import Action
from counter_app.services.events import find_row, record
from counter_app.storage.database import Database
from counter_app.storage.orm import BlobRow, DossierRow, ReceivedDocumentRow
from counter_app.textfold import fold

PDF_MEDIA_TYPE = "application/pdf"


@dataclass(frozen=True)
class FiledCopy:
    """One received document's current PDF, as signing, time-stamping and export need it."""

    dossier_code: str
    position: int
    name: str
    sha256: str
    signed: bool
    timestamp_pending: bool


def file_copy(db: Database, ref: str, document: str, pdf: bytes, pages: int, actor: str, signed: bool = False,
              timestamp_pending: bool = False, at: dt.datetime | None = None) -> FiledCopy:
    """Store `pdf` for the received document named (or numbered) `document` and record it as an event."""
    if not pdf.startswith(b"%PDF-"):
        raise ValidationError("document.not_pdf")
    digest = db.blobs.put(pdf)  # before the transaction: an orphan file is harmless, a missing one is not
    moment = local(at or now())
    with db.write() as session:
        row = find_row(session, ref, lock=True)
        target = _document(row, document)
        if session.get(BlobRow, digest) is None:
            session.add(BlobRow(sha256=digest, size=len(pdf), media_type=PDF_MEDIA_TYPE, created_at=moment))
        target.blob_sha256, target.signed, target.timestamp_pending = digest, signed, timestamp_pending
        target.pages = max(1, pages)
        payload = {"position": target.position, "name": target.name, "sha256": digest, "pages": target.pages,
                   "signed": signed, "timestamp_pending": timestamp_pending}
        record(session, db.device_id, row, Action.FILE_DOCUMENT, actor, payload, moment)
        return _copy(row, target)


def copies(db: Database, ref: str) -> list[FiledCopy]:
    """The documents of dossier `ref` that have a digitised PDF."""
    with db.read() as session:
        row = find_row(session, ref)
        return [_copy(row, doc) for doc in row.documents if doc.blob_sha256]


def pending_timestamps(db: Database) -> list[FiledCopy]:
    """Signed PDFs still waiting for a time-stamp authority, oldest dossier first."""
    with db.read() as session:
        found = session.execute(
            select(DossierRow, ReceivedDocumentRow).join(ReceivedDocumentRow)
            .where(ReceivedDocumentRow.timestamp_pending.is_(True)).order_by(DossierRow.seq_no)
        ).all()
        return [_copy(dossier, document) for dossier, document in found]


def read_copy(db: Database, copy: FiledCopy) -> bytes:
    return db.blobs.read(copy.sha256)


def _document(row: DossierRow, wanted: str) -> ReceivedDocumentRow:
    text = wanted.strip()
    for document in row.documents:
        if (text.isdigit() and document.position == int(text)) or fold(document.name) == fold(text):
            return document
    raise NotFound("document.not_found", name=wanted, choices="; ".join(d.name for d in row.documents))


def _copy(row: DossierRow, document: ReceivedDocumentRow) -> FiledCopy:
    assert document.blob_sha256 is not None
    return FiledCopy(str(row.code or row.id), document.position, document.name, document.blob_sha256,
                     document.signed, document.timestamp_pending)



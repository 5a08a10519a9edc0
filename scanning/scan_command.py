"""`counter-app scan`: pages staged on disk as the scanner delivers them, each cleaned, judged and compressed
once (kind, KB and milliseconds reported per page), then filed as one PDF; `--resume` files the pages of a
scan that was cut short (a crash, a power cut) instead of losing them."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from counter_app.ports import ScannedPage
from counter_app.services import documents, office, queries
from counter_app.storage.database import Database
from counter_app.storage.staging import StagedBatch, staging_of
from scanning import digitise, file_import
from scanning.pdf import PdfMetadata


def scan_document(args: argparse.Namespace, db: Database, settings_for: Callable[[str, str], Any],
                  scanner_for: Callable[[str], Any]) -> Any:
    """Scanner pages and image files go through clean-up, the quality gate and compression; PDFs are kept."""
    sources = [Path(name) for name in args.source]
    if sources and all(path.exists() for path in sources) and any(path.suffix.lower() == ".pdf" for path in sources):
        pdf, pages = file_import.import_files(sources)
        return documents.file_copy(db, args.ref, args.document, pdf, pages, args.actor)
    dossier = queries.get_dossier(db, args.ref)
    named = {str(d.position): d.name for d in dossier.documents}
    label = f"{dossier.code or dossier.id}/{named.get(args.document.strip(), args.document)}"
    batch = _batch(db, label, args.resume)
    processed = [digitise.process_page(page.number, ScannedPage(page.read(), page.media_type, page.dpi))
                 for page in batch.pages()]  # pages recovered from a scan cut short
    if sources:
        settings = settings_for(dossier.procedure.code, named.get(args.document.strip(), args.document))
        arriving: Iterable[ScannedPage] = (file_import.image_pages(sources, settings.dpi)
                                           if all(path.exists() for path in sources)
                                           else scanner_for(args.source[0]).scan(settings))
        for scanned in arriving:
            staged = batch.add(scanned.image, scanned.media_type, scanned.dpi)  # on disk before anything else
            processed.append(digitise.process_page(staged.number, scanned))
    metadata = PdfMetadata(str(dossier.code or dossier.id), args.document, office.get_office(db).name, args.actor)
    pdf, pages = digitise.to_pdf(processed, metadata, args.lang, ocr=not args.no_ocr)
    filed = documents.file_copy(db, args.ref, args.document, pdf, pages, args.actor)
    batch.discard()
    return {**dataclasses.asdict(filed), "pages": [page.report() for page in processed]}


def _batch(db: Database, label: str, resume: bool) -> StagedBatch:
    staging = staging_of(db.blobs)
    left = staging.orphans(label) if resume else []
    if not left:
        return staging.open(label)
    kept = left[0]
    kept.adopt()
    for other in left[1:]:  # several interrupted scans of the same document: one after the other
        for page in other.pages():
            kept.add(page.read(), page.media_type, page.dpi)
        other.discard()
    return kept

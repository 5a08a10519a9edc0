"""The digitisation pipeline for one document: clean each page, judge it, drop blanks, compress, make the PDF."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from counter_app.errors import ValidationError
from counter_app.messages import render
from counter_app.ports import ScannedPage
from scanning.cleanup import CleanPage, clean
from scanning.compress import EncodedPage, encode
from scanning.ocr import available as ocr_available
from scanning.pdf import PdfMetadata, assemble
from scanning.quality import problems


@dataclass(frozen=True)
class ProcessedPage:
    number: int
    page: CleanPage
    problems: tuple[str, ...]
    encoded: EncodedPage | None  # None for a blank page, which is left out


def process(scanned: Sequence[ScannedPage]) -> list[ProcessedPage]:
    done = []
    for number, item in enumerate(scanned, start=1):
        try:
            with Image.open(io.BytesIO(item.image)) as image:
                image.load()
                page = clean(image, item.dpi)
        except (UnidentifiedImageError, OSError) as error:
            raise ValidationError("document.bad_image", path=f"trang {number}", reason=type(error).__name__) from error
        found = tuple(problems(page))
        encoded = None if page.blank or found else encode(page.image, page.dpi)
        done.append(ProcessedPage(number, page, found, encoded))
    return done


def to_pdf(processed: Sequence[ProcessedPage], metadata: PdfMetadata, lang: str = "vi",
           ocr: bool = False) -> tuple[bytes, int]:
    """The PDF of the kept pages (with a text layer when `ocr` and Tesseract is installed); ValidationError
    naming each failing page and why, so it can be rescanned."""
    failing = [page for page in processed if page.problems]
    if failing:
        details = "; ".join(f"{page.number}: " + ", ".join(render(key, lang) for key in page.problems)
                            for page in failing)
        raise ValidationError("quality.rejected", details=details)
    kept = [page.encoded for page in processed if page.encoded is not None]
    if not kept:
        raise ValidationError("scan.no_pages")
    return assemble(kept, metadata, ocr=ocr and ocr_available()), len(kept)

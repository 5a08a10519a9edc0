"""The digitisation pipeline: each page cleaned once, judged, compressed (timed, for the clerk and the
benchmark), blanks dropped; then the PDF of a document's kept pages."""

from __future__ import annotations

import io
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, UnidentifiedImageError

from counter_app.errors import ValidationError
from counter_app.messages import render
from counter_app.ports import ScannedPage
from scanning.cleanup import CleanPage, clean
from scanning.compress import EncodedPage, PageKind, encode
from scanning.ocr import available as ocr_available
from scanning.pagekind import decide
from scanning.pdf import PdfMetadata, assemble
from scanning.quality import problems

THUMBNAIL = (160, 220)


@dataclass(frozen=True)
class ProcessedPage:
    number: int
    kind: PageKind | None  # None for a blank page
    problems: tuple[str, ...]
    encoded: EncodedPage | None  # None for a blank page, which is left out, or a failing one
    millis: float  # clean-up, decision, gate and compression, wall clock
    cpu_millis: float  # the same on this process's CPU (the machine may be busy with other work)
    thumbnail: bytes = b""  # PNG, when asked for

    @property
    def blank(self) -> bool:
        return self.kind is None

    def report(self) -> dict[str, object]:
        """What `counter-app scan --json` prints for the page."""
        return {"page": self.number, "kind": self.kind.value if self.kind else "blank",
                "kb": round(self.encoded.size / 1024, 1) if self.encoded else 0.0, "ms": round(self.millis),
                "problems": list(self.problems)}


def process(scanned: Sequence[ScannedPage]) -> list[ProcessedPage]:
    return [process_page(number, item) for number, item in enumerate(scanned, start=1)]


def process_page(number: int, item: ScannedPage, thumbnail: bool = False) -> ProcessedPage:
    """Decode, clean, judge and compress one page; ValidationError naming the page if it is not an image."""
    started, cpu = time.perf_counter(), time.process_time()
    try:
        with Image.open(io.BytesIO(item.image)) as image:
            image.load()
            page = clean(image, item.dpi)
    except (UnidentifiedImageError, OSError) as error:
        raise ValidationError("document.bad_image", path=f"trang {number}", reason=type(error).__name__) from error
    kind, found, encoded = _judged(page)
    picture = _thumbnail(page) if thumbnail else b""
    return ProcessedPage(number, kind, found, encoded, (time.perf_counter() - started) * 1000,
                         (time.process_time() - cpu) * 1000, picture)


def _judged(page: CleanPage) -> tuple[PageKind | None, tuple[str, ...], EncodedPage | None]:
    if page.blank:
        return None, (), None
    decision = decide(np.asarray(page.image), page.dpi)
    found = tuple(problems(page, decision))
    return decision.kind, found, None if found else encode(page.image, page.dpi, decision=decision)


def _thumbnail(page: CleanPage) -> bytes:
    small = page.image.convert("RGB")
    small.thumbnail(THUMBNAIL)
    output = io.BytesIO()
    small.save(output, "PNG")
    return output.getvalue()


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

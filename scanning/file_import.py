"""Importing image or PDF files (from a scanner that saves to a folder, or a citizen's e-mail) as one PDF;
PDFs are sanitised on the way in (scanning/sanitise.py)."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import cast

import img2pdf
import pikepdf
from PIL import Image, UnidentifiedImageError

from counter_app.errors import ValidationError
from counter_app.ports import ScannedPage
from counter_app.storage.blobs import read_input
from scanning.sanitise import check_image_file, check_pixels, clean_pdf

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff"})


def import_files(paths: Sequence[Path]) -> tuple[bytes, int]:
    """The files, in order, as one PDF, and its page count; images keep their pixels (no re-compression)."""
    if not paths:
        raise ValidationError("document.no_files")
    merged = pikepdf.new()
    for path in paths:
        with pikepdf.open(io.BytesIO(_as_pdf(path))) as part:
            merged.pages.extend(part.pages)
    output = io.BytesIO()
    merged.save(output)
    return output.getvalue(), len(merged.pages)


def image_pages(paths: Sequence[Path], default_dpi: int) -> list[ScannedPage]:
    """Image files as scanned pages, at the resolution they record (else `default_dpi`)."""
    return [_image_page(path, default_dpi) for path in paths]


def file_pages(paths: Sequence[Path], default_dpi: int) -> Iterator[ScannedPage]:
    """Image files, and PDFs made by a scanner (one picture per page), as scanned pages, one at a time."""
    for path in paths:
        if path.suffix.lower() == ".pdf":
            yield from _pdf_pages(path)
        else:
            yield _image_page(path, default_dpi)


def _image_page(path: Path, default_dpi: int) -> ScannedPage:
    data = read_input(path)
    check_image_file(path)
    try:
        with Image.open(io.BytesIO(data)) as image:
            dpi = round(float(image.info.get("dpi", (default_dpi, default_dpi))[0])) or default_dpi
    except (OSError, UnidentifiedImageError) as error:
        raise ValidationError("document.bad_image", path=str(path), reason=type(error).__name__) from error
    return ScannedPage(data, Image.MIME.get(image.format or "", "image/png"), dpi)


def _pdf_pages(path: Path) -> Iterator[ScannedPage]:
    """Each page's one picture, at the resolution it is drawn at; a PDF that is not a scan is refused."""
    data = read_input(path)
    try:
        with pikepdf.open(io.BytesIO(data)) as document:
            if document.is_encrypted:
                raise ValidationError("document.encrypted", path=str(path))
            check_pixels(document, str(path))
            for number, page in enumerate(document.pages, start=1):
                images = list(page.get_images().values())
                if len(images) != 1:
                    raise ValidationError("document.not_scan", path=str(path), page=number)
                picture = pikepdf.PdfImage(cast(pikepdf.Stream, images[0])).as_pil_image()
                width_inches = float(page.mediabox[2] - page.mediabox[0]) / 72
                output = io.BytesIO()
                picture.save(output, "PNG")
                yield ScannedPage(output.getvalue(), "image/png", round(picture.width / width_inches))
    except pikepdf.PasswordError as error:
        raise ValidationError("document.encrypted", path=str(path)) from error
    except (pikepdf.PdfError, OSError, NotImplementedError) as error:
        raise ValidationError("document.bad_image", path=str(path), reason=type(error).__name__) from error


def pages_to_pdf(pages: Sequence[ScannedPage]) -> tuple[bytes, int]:
    """Scanned pages as one PDF at their true size (1:1 from their resolution), pixels kept as delivered."""
    if not pages:
        raise ValidationError("scan.no_pages")
    layout = img2pdf.get_fixed_dpi_layout_fun((pages[0].dpi, pages[0].dpi))
    pdf = bytes(img2pdf.convert([page.image for page in pages], layout_fun=layout))
    return pdf, len(pages)


def _as_pdf(path: Path) -> bytes:
    data = read_input(path)
    if data.startswith(b"%PDF-"):
        return clean_pdf(data, str(path))
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise ValidationError("document.bad_image", path=str(path), reason="không phải ảnh hay PDF")
    check_image_file(path)
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        return bytes(img2pdf.convert(data, rotation=img2pdf.Rotation.ifvalid))
    except (UnidentifiedImageError, OSError, SyntaxError, img2pdf.ImageOpenError) as error:
        raise ValidationError("document.bad_image", path=str(path), reason=type(error).__name__) from error


def page_count(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)

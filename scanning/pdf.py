"""Assembling encoded pages into one PDF/A-2b file: images embedded as they are, colour patches on top,
and the dossier's metadata (code, document, office, clerk, time) in the document information and XMP."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

import img2pdf
import pikepdf
from PIL import ImageCms

from counter_app.clock import local, now
from scanning.compress import EncodedPage, PageKind, Patch
from scanning.ocr import text_layer

_SUFFIXES = {"image/tiff": ".tif", "image/jpeg": ".jpg", "image/png": ".png"}


@dataclass(frozen=True)
class PdfMetadata:
    dossier_code: str
    document: str
    office: str
    clerk: str
    created: dt.datetime | None = None


def assemble(pages: Sequence[EncodedPage], metadata: PdfMetadata, ocr: bool = False) -> bytes:
    """One PDF page per encoded page at its true size (1:1 from its resolution); with `ocr`, each page gets
    Tesseract's invisible Vietnamese text over it where recognition succeeds."""
    base = img2pdf.convert([page.data for page in pages], layout_fun=img2pdf.default_layout_fun)
    with pikepdf.open(io.BytesIO(base)) as pdf:
        for pdf_page, page in zip(pdf.pages, pages, strict=True):
            for number, patch in enumerate(page.patches):
                _overlay(pdf, pdf_page, page, patch, f"/Colour{number}")
            if ocr:
                _add_text_layer(pdf_page, page)
        _describe(pdf, metadata)
        output = io.BytesIO()
        pdf.save(output, fix_metadata_version=True)
        return output.getvalue()


def _overlay(pdf: pikepdf.Pdf, pdf_page: pikepdf.Page, page: EncodedPage, patch: Patch, name: str) -> None:
    image = pikepdf.Stream(pdf, patch.data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                           Width=patch.width, Height=patch.height, ColorSpace=pikepdf.Name.DeviceRGB,
                           BitsPerComponent=8, Filter=pikepdf.Name.DCTDecode)
    pdf_page.add_resource(image, pikepdf.Name.XObject, pikepdf.Name(name), prefix="", replace_existing=True)
    media = [float(value) for value in pdf_page.mediabox]
    scale_x = (media[2] - media[0]) / page.width
    scale_y = (media[3] - media[1]) / page.height
    width, height = patch.width * scale_x, patch.height * scale_y
    left, bottom = media[0] + patch.left * scale_x, media[3] - (patch.top + patch.height) * scale_y
    drawing = f"q {width:.3f} 0 0 {height:.3f} {left:.3f} {bottom:.3f} cm {name} Do Q".encode()
    pdf_page.contents_add(pikepdf.Stream(pdf, drawing), prepend=False)


def add_text_layers(pdf: bytes) -> tuple[bytes, int]:
    """`pdf` (as `assemble` made it) with Tesseract's invisible text over each scanned page, read from the page's
    own image; and how many pages got one."""
    done = 0
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for pdf_page in document.pages:
            scan = _page_image(pdf_page)
            if scan is not None and _add_text_layer(pdf_page, scan):
                done += 1
        output = io.BytesIO()
        document.save(output, fix_metadata_version=True)
        return output.getvalue(), done


def _page_image(pdf_page: pikepdf.Page) -> EncodedPage | None:
    """The scan drawn on the page (its first image, the one `assemble` put there), as a file Tesseract reads."""
    for _name, stream in pdf_page.get_images().items():
        image = pikepdf.PdfImage(stream)
        output = io.BytesIO()
        extension = image.extract_to(stream=output)
        media = {".tif": "image/tiff", ".jpg": "image/jpeg", ".png": "image/png"}.get(extension, "image/png")
        width_pt = float(pdf_page.mediabox[2]) - float(pdf_page.mediabox[0])
        dpi = round(image.width / (width_pt / 72))
        return EncodedPage(output.getvalue(), media, PageKind.GREY, dpi, image.width, image.height)
    return None


def _add_text_layer(pdf_page: pikepdf.Page, page: EncodedPage) -> bool:
    layer = text_layer(page.data, _SUFFIXES.get(page.media_type, ".img"), page.dpi)
    if layer is None:
        return False
    with pikepdf.open(io.BytesIO(layer)) as text:
        pdf_page.add_overlay(text.pages[0], pikepdf.Rectangle(*(float(v) for v in pdf_page.mediabox)))
    return True


def _describe(pdf: pikepdf.Pdf, metadata: PdfMetadata) -> None:
    created = local(metadata.created or now())
    title = f"{metadata.dossier_code} — {metadata.document}"
    pdf.docinfo["/Title"] = title
    pdf.docinfo["/Author"] = metadata.clerk
    pdf.docinfo["/Subject"] = metadata.office
    pdf.docinfo["/Keywords"] = f"mã hồ sơ {metadata.dossier_code}"
    pdf.docinfo["/Creator"] = "Counter"
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["dc:title"] = title
        xmp["dc:creator"] = [metadata.clerk]
        xmp["dc:description"] = metadata.office
        xmp["pdf:Keywords"] = f"mã hồ sơ {metadata.dossier_code}"
        xmp["xmp:CreateDate"] = created.replace(microsecond=0).isoformat()
        xmp["pdfaid:part"] = "2"
        xmp["pdfaid:conformance"] = "B"
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    profile = pikepdf.Stream(pdf, icc, N=3)
    intent = pikepdf.Dictionary(Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
                                OutputConditionIdentifier="sRGB", DestOutputProfile=profile)
    pdf.Root.OutputIntents = pikepdf.Array([intent])

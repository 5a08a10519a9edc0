"""Making an imported PDF safe to archive: JavaScript, actions that launch, open, submit or import, embedded
files and forms are stripped from the document and every page (the page content is kept); an encrypted
file, one that is no PDF, and pictures too large to decode (decompression bombs) are refused."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Final

import pikepdf
from PIL import Image

from counter_app.errors import ValidationError

MAX_PIXELS: Final = 80_000_000  # an A3 page at 600 dpi is 70 megapixels; a bomb is thousands of times more
_CATALOGUE_KEYS: Final = ("/OpenAction", "/AA", "/AcroForm", "/Outlines", "/URI", "/Collection")
_NAME_TREES: Final = ("/JavaScript", "/EmbeddedFiles", "/AlternatePresentations", "/Renditions")
_ACTIVE_ANNOTATIONS: Final = frozenset({"/Widget", "/FileAttachment", "/Screen", "/Movie", "/Sound",
                                        "/RichMedia", "/3D", "/Link"})
_ACTION_KEYS: Final = ("/AA", "/OpenAction", "/JS")
_ACTIVE_ACTIONS: Final = frozenset({"/JavaScript", "/Launch", "/URI", "/SubmitForm", "/ImportData", "/GoToR",
                                    "/GoToE", "/Rendition", "/Sound", "/Movie", "/RichMediaExecute"})

Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow refuses larger pictures (DecompressionBombError) before decoding


def clean_pdf(data: bytes, name: str) -> bytes:
    """`data` without anything active, or ValidationError saying why it cannot be imported."""
    try:
        with pikepdf.open(io.BytesIO(data)) as document:
            if document.is_encrypted:
                raise ValidationError("document.encrypted", path=name)
            check_pixels(document, name)
            _strip(document)
            output = io.BytesIO()
            document.save(output, linearize=False)
    except pikepdf.PasswordError as error:
        raise ValidationError("document.encrypted", path=name) from error
    except (pikepdf.PdfError, pikepdf.ForeignObjectError, ValueError, KeyError, TypeError) as error:
        raise ValidationError("document.bad_pdf", path=name) from error
    return output.getvalue()


def check_pixels(document: pikepdf.Pdf, name: str) -> None:
    """Every picture of every page (and of the forms they draw) small enough to decode."""
    for number, page in enumerate(document.pages, start=1):
        for image in _images(page.obj.get("/Resources")):
            pixels = int(image.get("/Width", 0)) * int(image.get("/Height", 0))
            if pixels > MAX_PIXELS:
                raise ValidationError("document.too_many_pixels", path=name, page=number,
                                      megapixels=pixels // 1_000_000, limit=MAX_PIXELS // 1_000_000)


def check_image_file(path: Path) -> None:
    """An image file's picture small enough to decode (read from its header, nothing decoded)."""
    try:
        with warnings.catch_warnings():  # Pillow warns of what this refuses with a message
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                pixels = image.width * image.height
    except Image.DecompressionBombError:  # over twice the limit: Pillow will not even say how large
        pixels = 2 * MAX_PIXELS
    except OSError:
        return  # not an image: the importer says so in its own words
    if pixels > MAX_PIXELS:
        raise ValidationError("document.too_many_pixels", path=str(path), page=1,
                              megapixels=pixels // 1_000_000, limit=MAX_PIXELS // 1_000_000)


def _images(resources: object, depth: int = 0) -> list[pikepdf.Dictionary]:
    if not isinstance(resources, pikepdf.Dictionary) or depth > 8:
        return []
    found = []
    objects = resources.get("/XObject")
    for item in objects.values() if isinstance(objects, pikepdf.Dictionary) else ():
        if not isinstance(item, pikepdf.Stream):
            continue
        if item.get("/Subtype") == "/Image":
            found.append(item.stream_dict)
        elif item.get("/Subtype") == "/Form":
            found += _images(item.get("/Resources"), depth + 1)
    return found


def _strip(document: pikepdf.Pdf) -> None:
    root = document.Root
    for key in _CATALOGUE_KEYS:
        if key in root:
            del root[key]
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        for key in _NAME_TREES:
            if key in names:
                del names[key]
    for page in document.pages:
        _strip_page(page.obj)
    for item in document.objects:  # actions hidden anywhere else (a form XObject's dictionary, say)
        if isinstance(item, pikepdf.Dictionary | pikepdf.Stream):
            _drop_actions(item)


def _strip_page(page: pikepdf.Dictionary) -> None:
    if "/AA" in page:
        del page["/AA"]
    annotations = page.get("/Annots")
    if not isinstance(annotations, pikepdf.Array):
        return
    kept = [annotation for annotation in annotations
            if isinstance(annotation, pikepdf.Dictionary) and annotation.get("/Subtype") not in _ACTIVE_ANNOTATIONS]
    for annotation in kept:
        _drop_actions(annotation)
    if kept:
        page["/Annots"] = pikepdf.Array(kept)
    else:
        del page["/Annots"]


def _drop_actions(item: pikepdf.Dictionary | pikepdf.Stream) -> None:
    """Remove the triggers of actions from `item`, and empty it when it is itself an active action."""
    for key in _ACTION_KEYS:
        if key in item:
            del item[key]
    action = item.get("/A")
    if isinstance(action, pikepdf.Dictionary) and "/S" in action:
        del item["/A"]
    if isinstance(item, pikepdf.Dictionary) and item.get("/S") in _ACTIVE_ACTIONS:
        for key in list(item.keys()):
            if key != "/Type":
                del item[key]

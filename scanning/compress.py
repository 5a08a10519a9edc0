"""Choosing how a page is stored for 2G/3G links: black-and-white CCITT G4 for text, JPEG where there is
colour (a red seal stays red) or continuous tone (photos), at a quality that fits the size budget."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from PIL import Image

from scanning import imageops
from scanning.binarise import binarise
from scanning.cleanup import OUTPUT_DPI, pixels_of, scaled
from scanning.pagekind import Decision, PageKind, colour_tiles, decide

JPEG_DPI = OUTPUT_DPI  # grey and colour pages are kept at 200 dpi, the archival minimum at 1:1
BUDGET_BYTES = 150_000
QUALITIES = (70, 60, 50, 42, 35, 28, 22)
PATCH_QUALITY = 75
PAPER_WHITE = 215  # lighter than this, and nearly grey, is paper: pure white compresses to almost nothing

__all__ = ["BUDGET_BYTES", "EncodedPage", "PageKind", "Patch", "classify", "colour_regions", "encode", "g4"]


@dataclass(frozen=True)
class Patch:
    """A colour JPEG laid over the black-and-white page at (left, top), in the page's pixels."""

    data: bytes
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class EncodedPage:
    data: bytes
    media_type: str
    kind: PageKind
    dpi: int
    width: int
    height: int
    patches: tuple[Patch, ...] = ()

    @property
    def size(self) -> int:
        return len(self.data) + sum(len(patch.data) for patch in self.patches)


def classify(image: Image.Image, dpi: int = OUTPUT_DPI) -> PageKind:
    return decide(scaled(pixels_of(image), dpi, OUTPUT_DPI), min(dpi, OUTPUT_DPI)).kind


def encode(image: Image.Image, dpi: int, kind: PageKind | None = None, budget: int = BUDGET_BYTES,
           decision: Decision | None = None) -> EncodedPage:
    """The page stored as its kind asks (decided here unless given), at 200 dpi at most."""
    pixels, dpi = scaled(pixels_of(image), dpi, OUTPUT_DPI), min(dpi, OUTPUT_DPI)
    decided = decision or decide(pixels, dpi)
    chosen = kind or decided.kind
    height, width = pixels.shape[:2]
    if chosen in (PageKind.TEXT, PageKind.TEXT_COLOUR):
        bilevel = g4(binarise(decided.flat, dpi), dpi)
        patches: tuple[Patch, ...] = ()
        if chosen is PageKind.TEXT_COLOUR and pixels.ndim == 3 and decided.colour is not None:
            patches = tuple(_patch(pixels, box, dpi) for box in colour_regions(decided.colour, dpi))
        return EncodedPage(bilevel, "image/tiff", chosen, dpi, width, height, patches)
    target = pixels if chosen is PageKind.COLOUR or pixels.ndim == 2 else imageops.grey(pixels)
    return EncodedPage(_jpeg_within(_clean_paper(target), dpi, budget), "image/jpeg", chosen, dpi, width, height)


def colour_regions(coloured: np.ndarray, dpi: int = OUTPUT_DPI) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom) around each colour mark: its tiles, and the tinted tiles next to them."""
    tile, marked, tinted = colour_tiles(coloured, dpi)
    grown = imageops.dilate(marked.astype(np.uint8), 3).astype(bool) & tinted | marked
    boxes = []
    for left, top, width, height, _area in imageops.component_boxes(grown):
        boxes.append((int(left * tile), int(top * tile), min(coloured.shape[1], int((left + width) * tile)),
                      min(coloured.shape[0], int((top + height) * tile))))
    return boxes


def _patch(pixels: np.ndarray, box: tuple[int, int, int, int], dpi: int) -> Patch:
    left, top, right, bottom = box
    region = _clean_paper(np.ascontiguousarray(pixels[top:bottom, left:right]))
    return Patch(_jpeg(region, dpi, PATCH_QUALITY), left, top, right - left, bottom - top)


def _jpeg_within(pixels: np.ndarray, dpi: int, budget: int) -> bytes:
    """The best quality that fits `budget`, found with quick baseline encodes (an optimised progressive JPEG is
    a few per cent smaller, so it fits too), then encoded once for good."""
    chosen = QUALITIES[-1]
    for quality in QUALITIES:
        if len(_jpeg(pixels, dpi, quality, final=False)) <= budget:
            chosen = quality
            break
    return _jpeg(pixels, dpi, chosen)


def _clean_paper(pixels: np.ndarray) -> np.ndarray:
    """Scanner noise on the paper costs most of a JPEG's bytes; paper becomes pure white, ink is untouched."""
    array = pixels.copy()
    if array.ndim == 3:
        red, green, blue = array[:, :, 0], array[:, :, 1], array[:, :, 2]
        darkest, lightest = np.minimum(np.minimum(red, green), blue), np.maximum(np.maximum(red, green), blue)
        paper = (darkest > PAPER_WHITE) & (lightest - darkest < 25)  # lightest >= darkest: no wrap-round
        array[paper] = 255
    else:
        array[array > PAPER_WHITE] = 255
    return array


def g4(ink: np.ndarray, dpi: int) -> bytes:
    """A TIFF, CCITT Group 4, of a page that is True where ink is."""
    output = io.BytesIO()
    Image.fromarray(~ink).save(output, "TIFF", compression="group4", dpi=(dpi, dpi))
    return output.getvalue()


def _jpeg(pixels: np.ndarray, dpi: int, quality: int, final: bool = True) -> bytes:
    output = io.BytesIO()
    Image.fromarray(pixels).save(output, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=final, progressive=final)
    return output.getvalue()

"""Choosing how a page is stored for 2G/3G links: black-and-white CCITT G4 for text, JPEG where there is
colour (a red seal stays red) or continuous tone (photos), at a quality that fits the size budget."""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from PIL import Image

from scanning.cleanup import otsu_threshold

COLOUR_CHROMA = 70  # a pixel this far from grey is colour (seal ink, signatures in blue)
COLOUR_SHARE = 0.0005  # 0.05 % coloured pixels make a colour page
MIDTONE_SHARE = 0.10  # more than 10 % mid-grey pixels: a photo, not text
JPEG_DPI = 200  # grey and colour pages are kept at 200 dpi, the archival minimum at 1:1
BUDGET_BYTES = 150_000
QUALITIES = (70, 60, 50, 42, 35, 28, 22)
PAPER_WHITE = 215  # lighter than this, and nearly grey, is paper: pure white compresses to almost nothing


class PageKind(StrEnum):
    TEXT = "text"  # black and white, G4
    TEXT_COLOUR = "text_colour"  # G4 text with JPEG patches where there is colour (seals, signatures)
    GREY = "grey"  # continuous tone, JPEG
    COLOUR = "colour"  # colour photo, JPEG


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


def classify(image: Image.Image) -> PageKind:
    sample = image.copy()
    sample.thumbnail((600, 600))
    grey = np.asarray(sample.convert("L"), dtype=np.uint8)
    photo = float(((grey > 60) & (grey < 190)).mean()) > MIDTONE_SHARE
    coloured = sample.mode != "L" and float((_chroma(sample) > COLOUR_CHROMA).mean()) > COLOUR_SHARE
    if coloured:
        return PageKind.COLOUR if photo else PageKind.TEXT_COLOUR
    return PageKind.GREY if photo else PageKind.TEXT


def encode(image: Image.Image, dpi: int, kind: PageKind | None = None, budget: int = BUDGET_BYTES) -> EncodedPage:
    chosen = kind or classify(image)
    keep_colour = chosen in (PageKind.COLOUR, PageKind.TEXT_COLOUR)
    target, dpi = _at_most(image.convert("RGB" if keep_colour else "L"), dpi, JPEG_DPI)
    width, height = target.size
    if chosen is PageKind.TEXT:
        return EncodedPage(_g4(target, dpi), "image/tiff", chosen, dpi, width, height)
    if chosen is PageKind.TEXT_COLOUR:
        patches = tuple(_patch(target, box, dpi) for box in colour_regions(target))
        return EncodedPage(_g4(target, dpi), "image/tiff", chosen, dpi, width, height, patches)
    return EncodedPage(_jpeg_within(_clean_paper(target), dpi, budget), "image/jpeg", chosen, dpi, width, height)


def colour_regions(image: Image.Image, tile: int = 48) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom) around each patch of colour: tiles holding colour, joined with neighbours."""
    chroma = _chroma(image) > COLOUR_CHROMA
    rows, cols = -(-chroma.shape[0] // tile), -(-chroma.shape[1] // tile)
    marked = {(r, c) for r in range(rows) for c in range(cols)
              if chroma[r * tile:(r + 1) * tile, c * tile:(c + 1) * tile].sum() > 3}
    boxes = []
    while marked:
        stack, group = [marked.pop()], []
        while stack:
            r, c = stack.pop()
            group.append((r, c))
            for near in ((r + dr, c + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)):
                if near in marked:
                    marked.remove(near)
                    stack.append(near)
        top, left = min(g[0] for g in group) * tile, min(g[1] for g in group) * tile
        bottom = min(chroma.shape[0], (max(g[0] for g in group) + 1) * tile)
        right = min(chroma.shape[1], (max(g[1] for g in group) + 1) * tile)
        boxes.append((left, top, right, bottom))
    return boxes


def _patch(image: Image.Image, box: tuple[int, int, int, int], dpi: int) -> Patch:
    region = _clean_paper(image.crop(box))
    return Patch(_jpeg(region, dpi, 75), box[0], box[1], box[2] - box[0], box[3] - box[1])


def _jpeg_within(image: Image.Image, dpi: int, budget: int) -> bytes:
    data = b""
    for quality in QUALITIES:
        data = _jpeg(image, dpi, quality)
        if len(data) <= budget:
            break
    return data


def _chroma(image: Image.Image) -> np.ndarray:
    rgb = np.asarray(image.convert("RGB"), dtype=np.int16)
    return np.asarray(rgb.max(axis=2) - rgb.min(axis=2))


def _at_most(image: Image.Image, dpi: int, limit: int) -> tuple[Image.Image, int]:
    """Down to `limit` dpi (200: the archival minimum, still 1:1); smaller scans are kept as they are."""
    if dpi <= limit:
        return image, dpi
    scale = limit / dpi
    size = (round(image.width * scale), round(image.height * scale))
    return image.resize(size, Image.Resampling.LANCZOS), limit


def _clean_paper(image: Image.Image) -> Image.Image:
    """Scanner noise on the paper costs most of a JPEG's bytes; paper becomes pure white, ink is untouched."""
    array = np.asarray(image).copy()
    if array.ndim == 3:
        chroma = array.max(axis=2).astype(np.int16) - array.min(axis=2)
        paper = (array.min(axis=2) > PAPER_WHITE) & (chroma < 25)
        array[paper] = 255
    else:
        array[array > PAPER_WHITE] = 255
    return Image.fromarray(array)


def _g4(image: Image.Image, dpi: int) -> bytes:
    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    bilevel = Image.fromarray(((grey >= otsu_threshold(grey)) * 255).astype(np.uint8)).convert("1")
    output = io.BytesIO()
    bilevel.save(output, "TIFF", compression="group4", dpi=(dpi, dpi))
    return output.getvalue()


def _jpeg(image: Image.Image, dpi: int, quality: int) -> bytes:
    output = io.BytesIO()
    image.save(output, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True, progressive=True)
    return output.getvalue()

"""Deciding how a cleaned page is stored (text, text with colour patches, grey, colour) from measures that do
not depend on how dense the text is: the paper's background once strokes are removed (photos, portraits),
mid-tones far from any stroke (guilloche, halftone), and ink colour against the paper's own colour."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from scanning import imageops

MM_PER_INCH = 25.4
STROKE_MM = 1.4  # wider than any pen or type stroke: a max filter this wide leaves only the paper
CELL_MM = 1.0  # the background is judged on a grid this fine
TONE_DROP = 30  # a background this much darker than the paper is a picture (photo, portrait, grey card)
TONE_AREA = 0.008  # pictures over 0.8 % of the page (a 2 × 2.5 cm portrait) keep the page in grey or colour
LOOSE_MIDTONE = 0.015  # share of the page in mid-tones far from any stroke: guilloche, screened printing
COLOUR_CHROMA = 0.28  # chroma (0…1) of ink against the paper's own colour (a yellowed page is not colour)
COLOUR_TILE_MM = 6  # colour is counted on a grid this coarse
MARKED_TILE = 0.03  # a tile this much in colour holds a colour mark (a seal's ring, a signature's stroke), where
# the scattered remains of colour fringes round black text never gather
PICTURE_COLOUR = 0.05  # share of the picture area in colour that makes a colour page rather than grey
REGISTER_CROP = 512  # pixels in the middle of the page where the colour lines are registered
MAX_MISREGISTRATION = 4.0  # pixels
FRINGE_WINDOW = 5  # pixels: a scanner's red and blue lines out of register leave opposite fringes this close
BINDING_BAND = 0.15  # shadows at the binding fall within this share of the width or height from an edge


class PageKind(StrEnum):
    TEXT = "text"  # black and white, G4
    TEXT_COLOUR = "text_colour"  # G4 text with JPEG patches where there is colour (seals, signatures)
    GREY = "grey"  # continuous tone, JPEG
    COLOUR = "colour"  # colour photo, JPEG


@dataclass(frozen=True)
class Decision:
    kind: PageKind
    flat: np.ndarray  # the grey page divided by its own paper: shadows, yellowing and uneven light removed
    colour: np.ndarray | None  # where ink is coloured (bool, page size), None for a grey scan
    picture_area: float
    loose_midtones: float
    colour_share: float


def decide(pixels: np.ndarray, dpi: int) -> Decision:
    """The kind of a cleaned page (RGB or grey array at `dpi`, best at 200), with what encoding needs."""
    grey = pixels if pixels.ndim == 2 else imageops.grey(pixels)
    grey = imageops.median3(grey)  # scanner noise and dust
    background, paper = _background(grey, dpi)
    picture = float((_without_binding_shadow(background, paper) < paper - TONE_DROP).mean())
    flat = _flattened(grey, background)
    loose = _loose_midtones(flat, dpi)
    colour = None if pixels.ndim == 2 else _coloured(pixels)
    share = 0.0 if colour is None else float(colour.mean())
    pictured = picture > TONE_AREA or loose > LOOSE_MIDTONE
    if pictured:
        coloured_picture = share > PICTURE_COLOUR * max(picture, loose)
        kind = PageKind.COLOUR if coloured_picture else PageKind.GREY
    else:
        marked = colour is not None and bool(colour_tiles(colour, dpi)[1].any())
        kind = PageKind.TEXT_COLOUR if marked else PageKind.TEXT
    return Decision(kind, flat, colour, picture, loose, share)


def _background(grey: np.ndarray, dpi: int) -> tuple[np.ndarray, float]:
    """The paper under the writing, on a 1 mm grid: strokes removed by a max filter wider than any stroke."""
    stroke = max(3, round(STROKE_MM * dpi / MM_PER_INCH) | 1)
    opened = imageops.dilate(grey, stroke)
    cell = CELL_MM * dpi / MM_PER_INCH
    size = (max(1, round(grey.shape[1] / cell)), max(1, round(grey.shape[0] / cell)))
    background = imageops.shrink(opened, size)
    return background, float(np.percentile(background, 90))


def _without_binding_shadow(background: np.ndarray, paper: float) -> np.ndarray:
    """The background with the darkening along the edges (a book's binding, a lifted lid) divided out:
    a shadow is the same all along its edge, a picture is not."""
    height, width = background.shape
    columns = np.ones(width, np.float32)
    rows = np.ones(height, np.float32)
    band_w, band_h = max(1, int(width * BINDING_BAND)), max(1, int(height * BINDING_BAND))
    column_level = np.percentile(background, 70, axis=0).astype(np.float32) / paper
    row_level = np.percentile(background, 70, axis=1).astype(np.float32) / paper
    for levels, out, band in ((column_level, columns, band_w), (row_level, rows, band_h)):
        out[:band] = np.minimum(1.0, levels[:band])
        out[-band:] = np.minimum(1.0, levels[-band:])
    shade = np.maximum(rows[:, None] * columns[None, :], 0.05)
    return np.asarray(background.astype(np.float32) / shade)


def _flattened(grey: np.ndarray, background: np.ndarray) -> np.ndarray:
    """Each pixel over its own paper, 255 = paper: evens out shadows, yellowing and a fading light."""
    paper = np.maximum(imageops.enlarge(background, (grey.shape[1], grey.shape[0])), grey)
    return imageops.divide(grey, paper, 255)


def _loose_midtones(flat: np.ndarray, dpi: int) -> float:
    """Share of the page in mid-tones with no dark stroke within 0.6 mm: the edges of letters do not count,
    fine guilloche lines and screened pictures do."""
    ink_level = float(level_at(flat, 0.005))
    dark = (flat < ink_level + 0.4 * (255 - ink_level)).astype(np.uint8)
    mid = flat < 0.85 * 255
    reach = max(3, round(0.6 * dpi / MM_PER_INCH) | 1)
    near = imageops.dilate(dark, reach) > 0
    return float((mid & ~near).mean())


def colour_tiles(coloured: np.ndarray, dpi: int) -> tuple[int, np.ndarray, np.ndarray]:
    """The tile size in pixels, the tiles holding a colour mark, and the tiles holding any colour at all."""
    tile = max(8, round(COLOUR_TILE_MM * dpi / MM_PER_INCH))
    rows, cols = -(-coloured.shape[0] // tile), -(-coloured.shape[1] // tile)
    padded = np.zeros((rows * tile, cols * tile), np.uint8)
    padded[:coloured.shape[0], :coloured.shape[1]] = coloured
    counts = padded.reshape(rows, tile, cols, tile).sum(axis=(1, 3), dtype=np.int32)
    return tile, counts > MARKED_TILE * tile * tile, counts > 3


def _registered(channel: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """`channel` moved onto `reference` when the scanner's colour lines were out of register (found by phase
    correlation on the middle of the page, a fraction of a pixel to a few pixels)."""
    height, width = channel.shape
    size = min(REGISTER_CROP, height, width)
    top, left = (height - size) // 2, (width - size) // 2
    window = imageops.hanning_window(size)
    crops = [image[top:top + size, left:left + size].astype(np.float32) for image in (reference, channel)]
    (dx, dy), response = imageops.phase_correlate(crops[0], crops[1], window)
    if response < 0.3 or not 0.25 <= max(abs(dx), abs(dy)) <= MAX_MISREGISTRATION:
        return channel
    return imageops.warp_affine(channel, np.array([[1, 0, -dx], [0, 1, -dy]], np.float32))


def level_at(pixels: np.ndarray, share: float) -> int:
    """The grey level below which `share` of the (uint8) pixels lie: a percentile from the histogram."""
    counts = imageops.histogram(pixels)
    return int(np.searchsorted(np.cumsum(counts), share * pixels.size))


def _coloured(rgb: np.ndarray) -> np.ndarray:
    """Pixels whose colour differs from grey once the paper's tint is divided out; specks are dropped."""
    sample = rgb[::8, ::8].reshape(-1, 3)
    light = sample[sample.sum(axis=1) >= np.percentile(sample.sum(axis=1), 90)]
    paper = np.maximum(light.mean(axis=0), 1.0)
    levels = np.arange(256, dtype=np.float32)[:, None] * (255.0 / paper[None, :])
    table = np.clip(levels, 0, 255).astype(np.uint8)
    tinted = imageops.lookup(rgb, table)
    red, green, blue = (np.ascontiguousarray(tinted[:, :, channel]) for channel in range(3))
    red, blue = _registered(red, green), _registered(blue, green)  # no fringes from sensor lines out of step
    # what fringes remain are thin and cancel out in a small mean; ink colour stays
    red, green, blue = (imageops.blur(channel, FRINGE_WINDOW) for channel in (red, green, blue))
    chroma = np.maximum(np.maximum(red, green), blue) - np.minimum(np.minimum(red, green), blue)
    coloured = (chroma > COLOUR_CHROMA * 255).astype(np.uint8)
    return np.asarray(imageops.median3(coloured) > 0)

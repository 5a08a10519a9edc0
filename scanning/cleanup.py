"""Cleaning a scanned page once: crop to the paper, find blank pages, straighten, turn upside-down pages round,
and bring it to the stored resolution (200 dpi) in the same step."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from scanning import imageops

ANALYSIS_DPI = 100
OUTPUT_DPI = 200  # what is stored: the archival minimum, still 1:1; higher scans are brought down to it
MAX_SKEW_DEGREES = 8.0
SKEW_STEP = 0.25
COARSE_STEP = 1.0
SKEW_STRIP = 8  # pixels (at 100 dpi): text lines are measured in vertical strips this wide
BLANK_INK_RATIO = 0.002  # below 0.2 % dark pixels (margins excluded) a page is blank
PAPER_THRESHOLD = 150  # scanner lids and backgrounds are darker than paper
LID_MARGIN = 0.005  # a dark border narrower than this share of the page is not cropped


@dataclass(frozen=True)
class CleanPage:
    image: Image.Image  # at `dpi`: the scan's own resolution when it is 200 dpi or less, else 200
    dpi: int
    skew_corrected: float  # degrees the page was turned to straighten it
    upside_down: bool
    blank: bool
    skew_confidence: float = 0.0  # how much sharper the text lines are at the chosen angle than at others
    scanned_dpi: int = 0


def clean(image: Image.Image, dpi: int) -> CleanPage:
    """Crop to the paper, straighten, turn round if upside down and scale to at most 200 dpi, in one pass;
    blank pages are flagged, not dropped."""
    pixels = pixels_of(image)
    grey = pixels if pixels.ndim == 2 else imageops.grey(pixels)
    small = scaled(grey, dpi, ANALYSIS_DPI)
    left, top, right, bottom = _paper_box(small)
    factor = grey.shape[1] / small.shape[1]
    pixels = pixels[round(top * factor):round(bottom * factor), round(left * factor):round(right * factor)]
    small = small[top:bottom, left:right]
    out_dpi = min(dpi, OUTPUT_DPI)
    page = scaled(pixels, dpi, out_dpi)
    if is_blank(small):
        return CleanPage(Image.fromarray(page), out_dpi, 0.0, upside_down=False, blank=True, scanned_dpi=dpi)
    angle, confidence = skew_search(small)
    if abs(angle) >= SKEW_STEP:
        page = rotated(page, angle)
        small = rotated(small, angle)
    flipped = is_upside_down(small)
    if flipped:
        page = np.ascontiguousarray(page[::-1, ::-1])
    return CleanPage(Image.fromarray(page), out_dpi, angle, flipped, blank=False, skew_confidence=confidence,
                     scanned_dpi=dpi)


def ink(grey: np.ndarray) -> np.ndarray:
    """Dark pixels (text, lines, stamps) of a grey page, by Otsu's threshold."""
    return grey < otsu_threshold(grey)


def otsu_threshold(grey: np.ndarray) -> int:
    return imageops.otsu_threshold(grey) + 1


def is_blank(grey: np.ndarray) -> bool:
    height, width = grey.shape
    inner = grey[height // 20: -height // 20 or None, width // 20: -width // 20 or None]
    if int(inner.max()) - int(inner.min()) < 60:  # no contrast at all
        return True
    paper = float(np.percentile(inner, 95))
    return float((inner < min(otsu_threshold(inner), paper - 40)).mean()) < BLANK_INK_RATIO


def skew_angle(grey: np.ndarray) -> float:
    """The angle (degrees, counter-clockwise) that makes text lines horizontal: the sharpest row profile."""
    return skew_search(grey)[0]


def skew_search(grey: np.ndarray) -> tuple[float, float]:
    """The straightening angle, coarse then fine, and how clearly it wins (best score / median score)."""
    strips = _strip_profiles(ink(grey))
    coarse = np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + COARSE_STEP / 2, COARSE_STEP)
    scores = {float(angle): _row_sharpness(strips, float(angle)) for angle in coarse}
    centre = max(scores, key=scores.__getitem__)
    for angle in np.arange(centre - COARSE_STEP + SKEW_STEP, centre + COARSE_STEP, SKEW_STEP):
        if abs(angle) <= MAX_SKEW_DEGREES and float(angle) not in scores:
            scores[float(angle)] = _row_sharpness(strips, float(angle))
    best = max(scores, key=scores.__getitem__)
    typical = float(np.median([scores[float(angle)] for angle in coarse]))
    return round(best, 2), scores[best] / max(typical, 1e-9)


def _strip_profiles(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ink per row in vertical strips SKEW_STRIP pixels wide, and each strip's centre from the page's centre."""
    height, width = mask.shape
    count = max(1, width // SKEW_STRIP)
    strips = mask[:, :count * SKEW_STRIP].reshape(height, count, SKEW_STRIP).sum(axis=2, dtype=np.int32)
    centres = (np.arange(count) + 0.5) * SKEW_STRIP - width / 2
    return strips.T, centres


def _row_sharpness(strips: tuple[np.ndarray, np.ndarray], angle: float) -> float:
    """How sharply the rows' ink changes when the page is turned `angle` degrees: each strip's rows are
    shifted by the height its centre rises (a shear, the same as a turn for angles this small)."""
    profiles, centres = strips
    shifts = np.rint(-centres * np.tan(np.radians(angle))).astype(np.int64)
    height = profiles.shape[1]
    reach = int(np.abs(shifts).max())
    rows = np.zeros(height + 2 * reach, np.int64)
    for profile, shift in zip(profiles, shifts, strict=True):
        rows[reach + shift:reach + shift + height] += profile
    return float(np.square(np.diff(rows)).sum())


def rotated(pixels: np.ndarray, angle: float, fill: int | None = None) -> np.ndarray:
    """`pixels` turned `angle` degrees counter-clockwise about the centre, same size; the corners take `fill`,
    else the colour of the sheet's own edge (a shaded edge stays shaded: no false line along it)."""
    height, width = pixels.shape[:2]
    return imageops.warp_affine(pixels, imageops.rotation_matrix((width / 2, height / 2), angle), fill)


def is_upside_down(grey: np.ndarray) -> bool:
    """Vietnamese text has more ink above its lines' core (capitals, ascenders, tone marks) than below."""
    dark = ink(grey)
    rows = dark.sum(axis=1).astype(np.float64)
    above = below = 0.0
    for start, end in _text_lines(rows):
        profile = rows[start:end]
        core = _core_band(profile)
        above += float(profile[: core[0]].sum())
        below += float(profile[core[1]:].sum())
    return below > above * 1.15 and below - above > 0.02 * rows.sum()


def _text_lines(rows: np.ndarray) -> list[tuple[int, int]]:
    """[first, last+1) of each run of rows holding ink."""
    threshold = max(1.0, float(rows.max()) * 0.02)
    inked = np.concatenate(([False], rows > threshold, [False]))
    edges = np.flatnonzero(np.diff(inked.astype(np.int8)))
    return [(int(start), int(end)) for start, end in zip(edges[::2], edges[1::2], strict=True) if end - start >= 4]


def _core_band(profile: np.ndarray) -> tuple[int, int]:
    """The rows of a text line holding most of its ink (the x-height), as [first, last+1)."""
    dense = np.nonzero(profile >= profile.max() * 0.5)[0]
    return int(dense[0]), int(dense[-1]) + 1


def pixels_of(image: Image.Image) -> np.ndarray:
    """The image as an RGB or grey array (other modes converted)."""
    if image.mode not in ("RGB", "L"):
        image = image.convert("L" if image.mode in ("1", "I;16", "I", "F", "LA") else "RGB")
    return np.asarray(image)


def scaled(pixels: np.ndarray, dpi: int, target: int) -> np.ndarray:
    """`pixels` brought down to `target` dpi by area averaging (never up)."""
    if dpi <= target:
        return np.ascontiguousarray(pixels)
    scale = target / dpi
    size = (max(1, round(pixels.shape[1] * scale)), max(1, round(pixels.shape[0] * scale)))
    return imageops.shrink(pixels, size)


def _paper_box(grey: np.ndarray) -> tuple[int, int, int, int]:
    """The sheet inside the scanner's dark background (a bright sheet on a dark lid), else the whole scan."""
    bright = grey > PAPER_THRESHOLD
    rows = np.nonzero(bright.mean(axis=1) > 0.5)[0]
    cols = np.nonzero(bright.mean(axis=0) > 0.5)[0]
    whole = 0, 0, grey.shape[1], grey.shape[0]
    if len(rows) < grey.shape[0] * 0.3 or len(cols) < grey.shape[1] * 0.3:
        return whole  # no clear sheet: leave it as scanned
    box = int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1
    margin = max(2, round(min(grey.shape) * LID_MARGIN))
    if max(box[0], box[1], whole[2] - box[2], whole[3] - box[3]) < margin:
        return whole  # a pixel or two of dim border is not a lid: the page keeps its size
    return box

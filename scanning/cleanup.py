"""Cleaning a scanned page: find blank pages, crop to the paper, straighten, turn upside-down pages round."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

ANALYSIS_DPI = 100
MAX_SKEW_DEGREES = 8.0
SKEW_STEP = 0.25
BLANK_INK_RATIO = 0.002  # below 0.2 % dark pixels (margins excluded) a page is blank
PAPER_THRESHOLD = 150  # scanner lids and backgrounds are darker than paper


@dataclass(frozen=True)
class CleanPage:
    image: Image.Image
    dpi: int
    skew_corrected: float  # degrees the page was turned to straighten it
    upside_down: bool
    blank: bool


def clean(image: Image.Image, dpi: int) -> CleanPage:
    """Crop to the paper, straighten, and turn round if upside down; blank pages are flagged, not dropped."""
    page = _crop_to_paper(image.convert("RGB") if image.mode not in ("RGB", "L") else image)
    grey = _analysis_grey(page, dpi)
    if is_blank(grey):
        return CleanPage(page, dpi, 0.0, upside_down=False, blank=True)
    angle = skew_angle(grey)
    if abs(angle) >= SKEW_STEP:
        size = page.size
        page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=_white(page))
        page = _centre_crop(page, size)  # the sheet keeps its size: 1:1 stays 1:1
        grey = _analysis_grey(page, dpi)
    flipped = is_upside_down(grey)
    if flipped:
        page = page.rotate(180)
    return CleanPage(page, dpi, angle, flipped, blank=False)


def ink(grey: np.ndarray) -> np.ndarray:
    """Dark pixels (text, lines, stamps) of a grey page, by Otsu's threshold."""
    return grey < otsu_threshold(grey)


def otsu_threshold(grey: np.ndarray) -> int:
    histogram = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    total = histogram.sum()
    levels = np.arange(256)
    weight = np.cumsum(histogram)
    mean = np.cumsum(histogram * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1e-9)
    return int(np.argmax(between))


def is_blank(grey: np.ndarray) -> bool:
    height, width = grey.shape
    inner = grey[height // 20: -height // 20 or None, width // 20: -width // 20 or None]
    if int(inner.max()) - int(inner.min()) < 60:  # no contrast at all
        return True
    paper = float(np.percentile(inner, 95))
    return float((inner < min(otsu_threshold(inner), paper - 40)).mean()) < BLANK_INK_RATIO


def skew_angle(grey: np.ndarray) -> float:
    """The angle (degrees, counter-clockwise) that makes text lines horizontal: the sharpest row profile."""
    mask = Image.fromarray((ink(grey) * 255).astype(np.uint8))
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + SKEW_STEP / 2, SKEW_STEP):
        rows = np.asarray(mask.rotate(float(angle), resample=Image.Resampling.NEAREST), dtype=np.float64).sum(axis=1)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 2)


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
    lines, start = [], None
    threshold = max(1.0, rows.max() * 0.02)
    for index, value in enumerate(np.append(rows, 0)):
        if value > threshold and start is None:
            start = index
        elif value <= threshold and start is not None:
            if index - start >= 4:
                lines.append((start, index))
            start = None
    return lines


def _core_band(profile: np.ndarray) -> tuple[int, int]:
    """The rows of a text line holding most of its ink (the x-height), as [first, last+1)."""
    dense = np.nonzero(profile >= profile.max() * 0.5)[0]
    return int(dense[0]), int(dense[-1]) + 1


def _analysis_grey(page: Image.Image, dpi: int) -> np.ndarray:
    scale = min(1.0, ANALYSIS_DPI / max(dpi, 1))
    small = page.convert("L").resize((max(1, int(page.width * scale)), max(1, int(page.height * scale))),
                                     Image.Resampling.BOX)
    return np.asarray(small, dtype=np.uint8)


def _crop_to_paper(page: Image.Image) -> Image.Image:
    """Cut away the scanner's dark background around the sheet (a bright sheet on a dark lid)."""
    grey = np.asarray(page.convert("L"), dtype=np.uint8)
    bright_rows = np.nonzero((grey > PAPER_THRESHOLD).mean(axis=1) > 0.5)[0]
    bright_cols = np.nonzero((grey > PAPER_THRESHOLD).mean(axis=0) > 0.5)[0]
    if len(bright_rows) < grey.shape[0] * 0.3 or len(bright_cols) < grey.shape[1] * 0.3:
        return page  # no clear sheet: leave it as scanned
    return page.crop((int(bright_cols[0]), int(bright_rows[0]), int(bright_cols[-1]) + 1, int(bright_rows[-1]) + 1))


def _centre_crop(page: Image.Image, size: tuple[int, int]) -> Image.Image:
    left, top = (page.width - size[0]) // 2, (page.height - size[1]) // 2
    return page.crop((left, top, left + size[0], top + size[1]))


def _white(page: Image.Image) -> int | tuple[int, int, int]:
    return 255 if page.mode == "L" else (255, 255, 255)

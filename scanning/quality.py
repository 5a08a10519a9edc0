"""The quality gate a page must pass before it is accepted: resolution, sharpness, nothing cut off, straight."""

from __future__ import annotations

import numpy as np
from PIL import Image

from scanning.cleanup import CleanPage, ink, skew_angle
from scanning.compress import PageKind, classify

MIN_DPI = 200
MIN_SHARPNESS = 40.0  # variance of the Laplacian at 200 dpi; blurred text falls far below
EDGE_BAND = 0.01  # the outer 1 % of the page
MAX_EDGE_INK = 0.02  # share of an edge band that may be ink before the page counts as cut off
MAX_SKEW = 0.5


def problems(page: CleanPage) -> list[str]:
    """Message keys for what is wrong with `page` (empty when it passes); blank pages are not judged.

    Sharpness, cut-off and skew are judged on written pages; a full-page photo has no text edges to
    measure, so only its resolution is."""
    if page.blank:
        return []
    found = []
    if page.dpi < MIN_DPI:
        found.append("quality.low_dpi")
    if classify(page.image) in (PageKind.GREY, PageKind.COLOUR):
        return found
    grey = _grey_at(page.image, page.dpi, MIN_DPI)
    if sharpness(grey) < MIN_SHARPNESS:
        found.append("quality.blurred")
    if cut_off(grey):
        found.append("quality.cut_off")
    small = _grey_at(page.image, page.dpi, 100)
    if abs(skew_angle(small)) > MAX_SKEW:
        found.append("quality.skewed")
    return found


def sharpness(grey: np.ndarray) -> float:
    """Variance of the Laplacian over the inked area: how crisp the edges of the writing are."""
    array = grey.astype(np.float64)
    laplacian = (array[1:-1, :-2] + array[1:-1, 2:] + array[:-2, 1:-1] + array[2:, 1:-1] - 4 * array[1:-1, 1:-1])
    return float(laplacian.var())


def cut_off(grey: np.ndarray) -> bool:
    dark = ink(grey)
    height, width = dark.shape
    band_h, band_w = max(1, int(height * EDGE_BAND)), max(1, int(width * EDGE_BAND))
    edges = (dark[:band_h], dark[-band_h:], dark[:, :band_w], dark[:, -band_w:])
    return any(float(edge.mean()) > MAX_EDGE_INK for edge in edges)


def _grey_at(image: Image.Image, dpi: int, target: int) -> np.ndarray:
    scale = min(1.0, target / max(dpi, 1))
    grey = image.convert("L")
    if scale < 1.0:
        grey = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))),
                           Image.Resampling.BOX)
    return np.asarray(grey, dtype=np.uint8)

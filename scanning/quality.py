"""The quality gate a page must pass before it is accepted: resolution, sharpness, nothing cut off, straight."""

from __future__ import annotations

import numpy as np

from scanning.cleanup import CleanPage, otsu_threshold
from scanning.imageops import laplacian_variance
from scanning.pagekind import Decision, PageKind, decide

MIN_DPI = 200
MIN_SHARPNESS = 40.0  # variance of the Laplacian at 200 dpi; blurred text falls far below, faint copies do not
EDGE_BAND = 0.01  # the outer 1 % of the page
MAX_EDGE_INK = 0.02  # share of an edge band that may be ink before the page counts as cut off
FULL_PICTURE = 0.3  # a page mostly picture (a photo) is judged on its resolution only
MIN_SKEW_CONFIDENCE = 8.0  # text lines this much sharper at the chosen angle than at others: straightened


def problems(page: CleanPage, decision: Decision | None = None) -> list[str]:
    """Message keys for what is wrong with `page` (empty when it passes); blank pages are not judged.

    Sharpness, cut-off and skew are judged on written pages; a full-page photo has no text edges to
    measure, so only its resolution is."""
    if page.blank:
        return []
    found = []
    if page.dpi < MIN_DPI:
        found.append("quality.low_dpi")
    pixels = np.asarray(page.image)
    decided = decision or decide(pixels, page.dpi)
    if decided.picture_area > FULL_PICTURE:
        return found
    if sharpness(decided.flat) < MIN_SHARPNESS:
        found.append("quality.blurred")  # also a text page so blurred that it looks grey
    if decided.kind in (PageKind.GREY, PageKind.COLOUR):
        return found  # a guilloche background is not cut-off writing, nor lines of text to straighten
    if cut_off(decided.flat):
        found.append("quality.cut_off")
    if page.skew_confidence < MIN_SKEW_CONFIDENCE:
        found.append("quality.skewed")  # no angle within reach makes the lines straight
    return found


def sharpness(grey: np.ndarray) -> float:
    """Variance of the Laplacian of the flattened page: how crisp the edges of the writing are."""
    return laplacian_variance(grey)


def cut_off(grey: np.ndarray) -> bool:
    dark = grey < otsu_threshold(grey)
    height, width = dark.shape
    band_h, band_w = max(1, int(height * EDGE_BAND)), max(1, int(width * EDGE_BAND))
    edges = (dark[:band_h], dark[-band_h:], dark[:, :band_w], dark[:, -band_w:])
    return any(float(edge.mean()) > MAX_EDGE_INK for edge in edges)

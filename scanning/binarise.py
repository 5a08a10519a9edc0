"""Black and white from a flattened grey page, adaptively (Wolf–Jolion's variant of Sauvola): the threshold
follows the local contrast, so faint carbon copies, fading thermal prints and yellowed pages keep their strokes."""

from __future__ import annotations

import numpy as np

from scanning.imageops import box_mean, box_mean_of_squares, neighbour_filter
from scanning.pagekind import level_at

MM_PER_INCH = 25.4
WINDOW_MM = 3.2  # a few letters wide
K = 0.1  # low: thin strokes such as the hook above (dấu hỏi) stay apart from the circumflex
MIN_CONTRAST = 40  # a page with less than this between ink and paper is treated as if it had this much


def binarise(flat: np.ndarray, dpi: int) -> np.ndarray:
    """True where ink is, on a grey page whose paper is 255 (scanning.pagekind's flattened page)."""
    window = max(5, round(WINDOW_MM * dpi / MM_PER_INCH) | 1)
    values = flat.astype(np.float32)
    mean = box_mean(flat, window)
    square = box_mean_of_squares(flat, window)
    deviation = np.sqrt(np.maximum(square - mean * mean, 0.0))
    darkest = min(float(level_at(flat, 0.005)), 255.0 - MIN_CONTRAST)
    spread = max(float(np.percentile(deviation[::4, ::4], 99.5)), 1.0)
    threshold = (1 - K) * mean + K * darkest + K * (deviation / spread) * (mean - darkest)
    ink = values < threshold
    return np.asarray(_without_specks(ink))


def _without_specks(ink: np.ndarray) -> np.ndarray:
    """Single pixels with no inked neighbour are noise, not writing."""
    as_bytes = ink.astype(np.uint8)
    neighbours = neighbour_filter(as_bytes, np.array([[1, 1, 1], [1, 0, 1], [1, 1, 1]], np.uint8))
    return np.asarray(ink & (neighbours > 0))

"""The image operations the scan pipeline needs, on NumPy and Pillow, with OpenCV's borders, rounding and saturation."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

UINT8 = np.uint8
COEF_SCALE = 2048  # INTER_LINEAR's fixed-point weights
STRIP = 64  # rows at a time where a whole-page temporary would cost more in page faults than in arithmetic


def grey(rgb: np.ndarray) -> np.ndarray:
    """cvtColor RGB2GRAY: 0.299 R + 0.587 G + 0.114 B in OpenCV's 14-bit fixed point, rounded."""
    result = np.empty(rgb.shape[:2], UINT8)
    for top in range(0, rgb.shape[0], STRIP):
        strip = rgb[top:top + STRIP]
        total = strip[:, :, 0] * np.uint32(4899)
        total += strip[:, :, 1] * np.uint32(9617)
        total += strip[:, :, 2] * np.uint32(1868)
        total += 1 << 13
        result[top:top + STRIP] = total >> 14
    return result


def histogram(pixels: np.ndarray) -> np.ndarray:
    """Counts of each of the 256 levels of a uint8 array."""
    return np.asarray(Image.fromarray(np.ascontiguousarray(pixels).reshape(pixels.shape[0], -1)).histogram(), np.int64)


def otsu_threshold(pixels: np.ndarray) -> int:
    """Otsu's threshold of a uint8 array: the level t (ink is <= t) that best separates two classes."""
    counts = histogram(pixels).astype(np.float64)
    share = counts / max(1, pixels.size)
    levels = np.arange(256, dtype=np.float64)
    below = np.cumsum(share)
    above = 1.0 - below
    mean_below = np.cumsum(levels * share) / np.where(below > 0, below, 1.0)
    mean_above = ((levels * share).sum() - below * mean_below) / np.where(above > 0, above, 1.0)
    spread = below * above * (mean_below - mean_above) ** 2
    eps = float(np.finfo(np.float32).eps)
    spread[(np.minimum(below, above) < eps) | (np.maximum(below, above) > 1.0 - eps)] = 0.0
    return int(np.argmax(spread)) if spread.max() > 0 else 0


def _reflect(pixels: np.ndarray, reach: int) -> np.ndarray:
    """`pixels` grown by `reach` on every side by mirroring without repeating the edge (BORDER_REFLECT_101)."""
    pad = [(reach, reach), (reach, reach)] + [(0, 0)] * (pixels.ndim - 2)
    return np.pad(pixels, pad, mode="reflect")


def _part(array: np.ndarray, start: int, length: int, axis: int) -> np.ndarray:
    return array[start:start + length] if axis == 0 else array[:, start:start + length]


def _sums_along(values: np.ndarray, size: int, axis: int) -> np.ndarray:
    """Sums of `size` consecutive entries along `axis` (the output is size - 1 shorter): windows of 1, 2, 4…
    entries are built by doubling and those of the bits of `size` added up."""
    length = values.shape[axis] - size + 1
    total: np.ndarray | None = None
    window, width, offset, remaining = values, 1, 0, size
    while True:
        if remaining & 1:
            piece = _part(window, offset, length, axis)
            total = piece.copy() if total is None else np.add(total, piece, out=total)
            offset += width
        remaining >>= 1
        if not remaining:
            assert total is not None
            return total
        span = window.shape[axis] - width
        window = _part(window, 0, span, axis) + _part(window, width, span, axis)
        width *= 2


def _window_means(pixels: np.ndarray, size: int, squared: bool, rounded: bool) -> np.ndarray:
    """Means of the `size` × `size` neighbourhoods (odd size) of a uint8 array (of its squares if `squared`),
    mirrored at the borders (BORDER_REFLECT_101): float32, or rounded to uint8. Whole integer sums, computed
    in strips of rows so that the temporaries stay in the cache."""
    padded = _reflect(pixels, size // 2)
    largest = size * size * 255 * (255 if squared else 1)
    wide = np.uint16 if largest < 1 << 16 else np.uint32
    scale = np.float32(1.0 / (size * size))
    result = np.empty(pixels.shape, UINT8 if rounded else np.float32)
    for top in range(0, pixels.shape[0], STRIP):
        bottom = min(pixels.shape[0], top + STRIP)
        values = padded[top:bottom + size - 1].astype(wide)
        if squared:
            values = np.multiply(values, values)
        means = np.multiply(_sums_along(_sums_along(values, size, 0), size, 1), scale, dtype=np.float32)
        result[top:bottom] = np.rint(means) if rounded else means
    return result


def box_mean(pixels: np.ndarray, size: int) -> np.ndarray:
    """boxFilter of a uint8 array as float32: the mean of each `size` × `size` neighbourhood (odd size),
    mirrored borders."""
    return _window_means(pixels, size, squared=False, rounded=False)


def box_mean_of_squares(pixels: np.ndarray, size: int) -> np.ndarray:
    """boxFilter of the squares of a uint8 array, as float32 (the neighbourhood's mean square)."""
    return _window_means(pixels, size, squared=True, rounded=False)


def blur(pixels: np.ndarray, size: int) -> np.ndarray:
    """blur of a uint8 array (grey, or with channels last): the rounded mean of each `size` × `size`
    neighbourhood (odd size), mirrored borders."""
    return _window_means(pixels, size, squared=False, rounded=True)


def neighbour_filter(pixels: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """filter2D with a 3 × 3 integer kernel on uint8 (correlation, zeros beyond the border, saturated to 0…255)."""
    height, width = pixels.shape
    padded = np.pad(pixels, 1)
    result = np.empty((height, width), UINT8)
    for top in range(0, height, STRIP):
        rows = min(STRIP, height - top)
        total = np.zeros((rows, width), np.int16)  # 9 × 255 × the (small) weights fit
        for (dy, dx), weight in np.ndenumerate(kernel):
            if weight:
                total += np.int16(weight) * padded[top + dy:top + dy + rows, dx:dx + width].astype(np.int16)
        result[top:top + rows] = np.clip(total, 0, 255)
    return result


def _sliding_max(pixels: np.ndarray, size: int, axis: int) -> np.ndarray:
    """Max over `size` consecutive entries along `axis` (the output is size - 1 shorter), by doubling windows."""
    length = pixels.shape[axis]
    window, result = 1, pixels
    while window * 2 <= size:
        span = result.shape[axis] - window
        result = np.maximum(_part(result, 0, span, axis), _part(result, window, span, axis))
        window *= 2
    if window < size:
        span = length - size + 1
        result = np.maximum(_part(result, 0, span, axis), _part(result, size - window, span, axis))
    return result


def dilate(pixels: np.ndarray, size: int) -> np.ndarray:
    """dilate with a `size` × `size` rectangle (odd size) on a uint8 array; beyond the border is ignored."""
    reach = size // 2
    padded = np.pad(pixels, reach)  # zeros never win a max
    return np.ascontiguousarray(_sliding_max(_sliding_max(padded, size, 0), size, 1))


def _sort_pair(low: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return np.minimum(low, high), np.maximum(low, high)


def _median3(first: np.ndarray, second: np.ndarray, third: np.ndarray) -> np.ndarray:
    return np.asarray(np.maximum(np.minimum(first, second), np.minimum(np.maximum(first, second), third)))


def median3(pixels: np.ndarray) -> np.ndarray:
    """medianBlur with a 3 × 3 window on a uint8 array, the edge pixels repeated beyond the border: each column of
    three is sorted once, then the median of nine is the median of (largest low, middle median, smallest high)."""
    height, width = pixels.shape
    padded = np.pad(pixels, 1, mode="edge")
    result = np.empty_like(pixels)

    def shifted(array: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return array[:, :width], array[:, 1:width + 1], array[:, 2:width + 2]

    for top in range(0, height, STRIP):
        rows = min(STRIP, height - top)
        upper, middle, lower = (padded[top + row:top + row + rows] for row in range(3))
        upper, middle = _sort_pair(upper, middle)
        middle, lower = _sort_pair(middle, lower)
        upper, middle = _sort_pair(upper, middle)
        low = np.maximum(np.maximum(*shifted(upper)[:2]), shifted(upper)[2])
        high = np.minimum(np.minimum(*shifted(lower)[:2]), shifted(lower)[2])
        result[top:top + rows] = _median3(low, _median3(*shifted(middle)), high)
    return result


def divide(numerator: np.ndarray, denominator: np.ndarray, scale: float) -> np.ndarray:
    """numerator × scale / denominator on uint8, rounded and saturated; 0 where the denominator is 0."""
    result = np.empty(numerator.shape, UINT8)
    for top in range(0, numerator.shape[0], STRIP):
        above, below = numerator[top:top + STRIP], denominator[top:top + STRIP]
        quotient = np.multiply(above, np.float32(scale), dtype=np.float32)
        np.divide(quotient, below, out=quotient, where=below > 0)
        quotient[below == 0] = 0
        result[top:top + STRIP] = np.clip(np.rint(quotient), 0, 255)
    return result


def lookup(rgb: np.ndarray, table: np.ndarray) -> np.ndarray:
    """LUT: each channel of an RGB uint8 array through its own column of a 256 × 3 uint8 table."""
    image = Image.fromarray(np.ascontiguousarray(rgb))
    return np.asarray(image.point(np.ascontiguousarray(table.T).ravel().tolist()))


def laplacian_variance(pixels: np.ndarray) -> float:
    """Variance of the 4-neighbour Laplacian (Laplacian ksize=1, mirrored borders) of a uint8 array, as
    meanStdDev's deviation squared; whole-number sums."""
    padded = _reflect(pixels, 1)
    height = pixels.shape[0]
    total = squares = 0
    for top in range(0, height, STRIP):
        rows = min(STRIP, height - top)
        around = padded[top:top + rows + 2].astype(np.int16)
        laplacian = around[:-2, 1:-1] + around[2:, 1:-1] + around[1:-1, :-2] + around[1:-1, 2:]
        laplacian -= 4 * around[1:-1, 1:-1]
        total += int(laplacian.sum(dtype=np.int64))
        squares += int(np.square(laplacian, dtype=np.int32).sum(dtype=np.int64))
    count = pixels.size
    mean = total / count
    return max(0.0, squares / count - mean * mean)


def rotation_matrix(centre: tuple[float, float], degrees: float) -> np.ndarray:
    """getRotationMatrix2D at scale 1: the 2 × 3 matrix turning `degrees` counter-clockwise about `centre`."""
    alpha, beta = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    x, y = centre
    return np.array([[alpha, beta, (1 - alpha) * x - beta * y], [-beta, alpha, beta * x + (1 - alpha) * y]])


def warp_affine(pixels: np.ndarray, matrix: np.ndarray, fill: int | None = None) -> np.ndarray:
    """warpAffine with bilinear interpolation to the same size: destination = matrix × source (pixel centres at
    integers); beyond the border the edge repeats (`fill` None, BORDER_REPLICATE) or is `fill` (BORDER_CONSTANT).
    Pillow interpolates each channel in floating point (its 8-bit modes would truncate) and the result is rounded;
    in bands of rows, each from the few source rows it reaches, so the temporaries stay small."""
    height, width = pixels.shape[:2]
    inverse = np.linalg.inv(np.vstack([np.asarray(matrix, np.float64), [0.0, 0.0, 1.0]]))[:2]
    corners = np.array([[0, 0, 1], [width - 1, 0, 1], [0, height - 1, 1], [width - 1, height - 1, 1]], np.float64)
    sources = corners @ inverse.T
    overhang = max(0.0, float(-sources.min()), float(sources[:, 0].max()) - (width - 1),
                   float(sources[:, 1].max()) - (height - 1))
    reach = math.ceil(overhang) + 2
    pad = [(reach, reach), (reach, reach)] + [(0, 0)] * (pixels.ndim - 2)
    padded = np.pad(pixels, pad, mode="edge") if fill is None else np.pad(pixels, pad, constant_values=fill)
    (a, b, c), (d, e, f) = inverse
    c, f = c + reach, f + reach  # into the padded frame
    result = np.empty_like(pixels)
    band = 4 * STRIP
    for top in range(0, height, band):
        rows = min(band, height - top)
        ys = [d * x + e * y + f for x in (0, width - 1) for y in (top, top + rows - 1)]
        first = max(0, math.floor(min(ys)) - 1)
        last = min(padded.shape[0], math.ceil(max(ys)) + 3)
        # Pillow samples at pixel centres (x + 0.5); this band's output starts at row `top`, its source at `first`
        g = f + e * top - first
        data = (a, b, c + b * top + 0.5 * (1 - a - b), d, e, g + 0.5 * (1 - d - e))
        source = padded[first:last]
        for channel in range(1 if pixels.ndim == 2 else pixels.shape[2]):
            plane = source if pixels.ndim == 2 else source[:, :, channel]
            image = Image.fromarray(plane.astype(np.float32))
            moved = image.transform((width, rows), Image.Transform.AFFINE, data, Image.Resampling.BILINEAR,
                                    fillcolor=float(fill or 0))
            values = np.clip(np.rint(np.asarray(moved)), 0, 255)
            if pixels.ndim == 2:
                result[top:top + rows] = values
            else:
                result[top:top + rows, :, channel] = values
    return result


def _area_weights(source: int, target: int) -> tuple[np.ndarray, np.ndarray]:
    """For each target pixel of an INTER_AREA reduction along one axis: the source indices it covers and the
    share of each (computeResizeAreaTab: partial cells at both ends, fractions under 1e-3 dropped)."""
    scale = source / target
    start = np.arange(target) * scale
    end = start + scale
    cell = np.minimum(scale, source - start)
    first = np.ceil(start).astype(np.int64)
    last = np.minimum(np.floor(end).astype(np.int64), source - 1)
    first = np.minimum(first, last)
    taps = int((last - first).max()) + 2
    index = first[:, None] - 1 + np.arange(taps)[None, :]
    weight = np.where((index >= first[:, None]) & (index < last[:, None]), 1.0, 0.0)
    head = first - start
    weight[:, 0] = np.where(head > 1e-3, head, 0.0)
    tail = end - last
    tail_share = np.where(tail > 1e-3, np.minimum(np.minimum(tail, 1.0), cell), 0.0)
    tail_column = last - (first - 1)
    weight[np.arange(target), tail_column] += tail_share
    weight /= cell[:, None]
    return np.clip(index, 0, source - 1), weight.astype(np.float32)


def _block_means(pixels: np.ndarray, across: int, down: int) -> np.ndarray:
    """The means of `across` × `down` blocks (whole-number ratios): 2 × 2 rounds halves up as OpenCV's vector
    path does, other blocks to the nearest even as its float path does."""
    wide = np.uint16 if across * down * 255 < 1 << 16 else np.uint32
    sums = np.zeros((pixels.shape[0] // down, pixels.shape[1] // across, *pixels.shape[2:]), wide)
    for row in range(down):
        for column in range(across):
            sums += pixels[row::down, column::across]
    if across == down == 2:
        return ((sums + 2) >> 2).astype(UINT8)
    return np.rint(np.multiply(sums, np.float32(1.0 / (across * down)), dtype=np.float32)).astype(UINT8)


def shrink(pixels: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """resize with INTER_AREA to (width, height) no larger than the array: each target pixel the mean of the
    source area it covers: blocks for whole-number ratios, else partial pixels weighed by the share covered."""
    height, width = pixels.shape[:2]
    new_width, new_height = size
    if (new_width, new_height) == (width, height):
        return pixels.copy()
    if width % new_width == 0 and height % new_height == 0:
        return _block_means(pixels, width // new_width, height // new_height)
    rows, row_weights = _area_weights(height, new_height)
    columns, column_weights = _area_weights(width, new_width)
    channels = 1 if pixels.ndim == 2 else pixels.shape[2]
    flat = pixels.reshape(height, width * channels)
    picked = [(columns[:, tap, None] * channels + np.arange(channels)).ravel() for tap in range(columns.shape[1])]
    shares = [np.repeat(column_weights[:, tap], channels) for tap in range(columns.shape[1])]
    result = np.empty((new_height, new_width * channels), UINT8)
    term = np.empty((STRIP, new_width * channels), np.float32)
    for top in range(0, new_height, STRIP):  # in strips: the temporaries stay small and in the cache
        strip = slice(top, min(new_height, top + STRIP))
        count = strip.stop - top
        down = np.zeros((count, width * channels), np.float32)  # rows first: whole rows gather fast
        for tap in range(rows.shape[1]):
            down += flat[rows[strip, tap]] * row_weights[strip, tap, None]
        across = np.zeros((count, new_width * channels), np.float32)
        for columns_at, share in zip(picked, shares, strict=True):
            np.take(down, columns_at, axis=1, out=term[:count])
            term[:count] *= share
            across += term[:count]
        result[strip] = np.clip(np.rint(across), 0, 255)
    return result.reshape((new_height, new_width, *pixels.shape[2:]))


def _linear_taps(source: int, target: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each target pixel along one axis, INTER_LINEAR's two source indices and 11-bit weight of the first
    (computed in single precision as OpenCV does; beyond the edges the edge pixel alone)."""
    position = ((np.arange(target) + 0.5) * (source / target) - 0.5).astype(np.float32)
    first = np.floor(position).astype(np.int64)
    fraction = position - first.astype(np.float32)
    fraction[first < 0] = 0
    first[first < 0] = 0
    fraction[first >= source - 1] = 0
    first[first >= source - 1] = source - 1
    weight = np.rint((np.float32(1) - fraction) * np.float32(COEF_SCALE)).astype(np.int32)
    return first, np.minimum(first + 1, source - 1), weight


def enlarge(pixels: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """resize with INTER_LINEAR of a grey uint8 array to a larger (width, height): bilinear between pixel
    centres, edges repeated, in OpenCV's fixed point (11-bit weights; its vector path's rounding)."""
    width, height = size
    top_rows, bottom_rows, top_weight = _linear_taps(pixels.shape[0], height)
    left_columns, right_columns, left_weight = _linear_taps(pixels.shape[1], width)
    values = pixels.astype(np.int32)
    across = values[:, left_columns] * left_weight + values[:, right_columns] * (COEF_SCALE - left_weight)
    across >>= 4
    result = np.empty((height, width), UINT8)
    for top in range(0, height, STRIP):
        rows = slice(top, min(height, top + STRIP))
        upper = (across[top_rows[rows]] * top_weight[rows, None]) >> 16
        lower = (across[bottom_rows[rows]] * (COEF_SCALE - top_weight[rows, None])) >> 16
        result[rows] = np.clip((upper + lower + 2) >> 2, 0, 255)
    return result


def hanning_window(size: int) -> np.ndarray:
    """createHanningWindow((size, size), CV_32F): the square root of the product of two Hann windows."""
    ramp = 0.5 * (1.0 - np.cos(2.0 * np.pi * np.arange(size) / (size - 1)))
    return np.sqrt(ramp[:, None] * ramp[None, :]).astype(np.float32)


def phase_correlate(first: np.ndarray, second: np.ndarray, window: np.ndarray) -> tuple[tuple[float, float], float]:
    """phaseCorrelate: the (dx, dy) shift of `second` against `first` (same-size float arrays, windowed), to a
    fraction of a pixel by the centroid of the 5 × 5 peak, and the peak's response (near 1 for a clean shift)."""
    height, width = first.shape
    spectrum = np.fft.rfft2(first * window) * np.conj(np.fft.rfft2(second * window))
    spectrum /= np.maximum(np.abs(spectrum), np.finfo(np.float64).tiny)
    surface = np.fft.fftshift(np.fft.irfft2(spectrum, s=(height, width)))
    peak_y, peak_x = np.unravel_index(int(np.argmax(surface)), surface.shape)
    top, bottom = max(0, peak_y - 2), min(height - 1, peak_y + 2)
    left, right = max(0, peak_x - 2), min(width - 1, peak_x + 2)
    box = surface[top:bottom + 1, left:right + 1]
    response = float(box.sum())
    ys, xs = np.mgrid[top:bottom + 1, left:right + 1]
    total = response + np.finfo(np.float64).eps
    centre_x, centre_y = float((xs * box).sum()) / total, float((ys * box).sum()) / total
    return (width / 2 - centre_x, height / 2 - centre_y), response


def component_boxes(mask: np.ndarray) -> list[tuple[int, int, int, int, int]]:
    """connectedComponentsWithStats (8-connected) of a small boolean grid, background left out: (left, top,
    width, height, area) of each component, in the order of its first cell in raster order."""
    height, width = mask.shape
    labels = np.where(mask, np.arange(1, mask.size + 1).reshape(height, width), 0)
    big = mask.size + 1
    while True:
        padded = np.pad(np.where(labels > 0, labels, big), 1, constant_values=big)
        smallest = labels.copy()
        for dy in range(3):
            for dx in range(3):
                np.minimum(smallest, padded[dy:dy + height, dx:dx + width], out=smallest)
        smallest = np.where(mask, smallest, 0)
        flat = np.concatenate(([0], smallest.ravel()))
        smallest = np.where(mask, flat[smallest], 0)  # jump to the label's own label: fewer rounds
        if np.array_equal(smallest, labels):
            break
        labels = smallest
    boxes = []
    for label in np.unique(labels[labels > 0]):  # a component's label is its first cell's number
        ys, xs = np.nonzero(labels == label)
        boxes.append((int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1),
                      int(ys.size)))
    return boxes

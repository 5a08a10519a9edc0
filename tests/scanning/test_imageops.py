"""scanning.imageops against OpenCV (a test-only dependency) on scanned-looking corpus pages: the same borders,
rounding and saturation. Exact where both compute in integers; where one side rounds in floating point and the
other in fixed point, at most 1 grey level apart on at most 0.1 % of the pixels."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from scanning import imageops
from tests.scanning.corpus import page

RARE = 0.001  # share of pixels allowed to differ by one level where the two round differently


@pytest.fixture(scope="module", autouse=True)
def _one_thread() -> None:
    cv2.setNumThreads(1)


@pytest.fixture(scope="module")
def rgb() -> np.ndarray:
    """A 200 dpi colour scan: dense text, a red seal and a blue signature, noise and a slight blur."""
    return np.asarray(page("seal-signature").render(200))


@pytest.fixture(scope="module")
def grey(rgb: np.ndarray) -> np.ndarray:
    return np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))


@pytest.fixture(scope="module")
def ink(grey: np.ndarray) -> np.ndarray:
    return (grey < 128).astype(np.uint8)


def close(ours: np.ndarray, theirs: np.ndarray) -> None:
    """At most one level apart, and that on at most RARE of the pixels."""
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
    difference = np.abs(ours.astype(np.int16) - theirs.astype(np.int16))
    assert int(difference.max()) <= 1
    assert float((difference > 0).mean()) <= RARE, float((difference > 0).mean())


def test_grey_histogram_and_otsu(rgb: np.ndarray, grey: np.ndarray) -> None:
    assert np.array_equal(imageops.grey(rgb), grey)
    assert imageops.histogram(grey).tolist() == cv2.calcHist([grey], [0], None, [256], [0, 256]).ravel().tolist()
    for pixels in (grey, grey[::2, ::2], grey[:300], np.full((50, 40), 200, np.uint8)):
        threshold, _ = cv2.threshold(pixels, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        assert imageops.otsu_threshold(pixels) == int(threshold)


@pytest.mark.parametrize("size", [5, 25])
def test_box_means_mirror_the_border(grey: np.ndarray, size: int) -> None:
    values = grey.astype(np.float32)
    np.testing.assert_allclose(imageops.box_mean(grey, size), cv2.boxFilter(values, -1, (size, size)),
                               rtol=1e-5, atol=1e-3)
    np.testing.assert_allclose(imageops.box_mean_of_squares(grey, size),
                               cv2.boxFilter(values * values, -1, (size, size)), rtol=1e-5, atol=1e-2)


def test_blur_rounds_like_opencv(rgb: np.ndarray, grey: np.ndarray) -> None:
    for channel in (grey, np.ascontiguousarray(rgb[:, :, 0])):
        assert np.array_equal(imageops.blur(channel, 5), cv2.blur(channel, (5, 5)))


def test_neighbour_filter_dilate_and_median(grey: np.ndarray, ink: np.ndarray) -> None:
    ring = np.array([[1, 1, 1], [1, 0, 1], [1, 1, 1]], np.uint8)
    assert np.array_equal(imageops.neighbour_filter(ink, ring),
                          cv2.filter2D(ink, -1, ring, borderType=cv2.BORDER_CONSTANT))
    sharpen = np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]])
    assert np.array_equal(imageops.neighbour_filter(grey, sharpen),
                          cv2.filter2D(grey, -1, sharpen.astype(np.float32), borderType=cv2.BORDER_CONSTANT))
    for size in (3, 5, 11):
        rectangle = cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
        assert np.array_equal(imageops.dilate(grey, size), cv2.dilate(grey, rectangle)), size
        assert np.array_equal(imageops.dilate(ink, size), cv2.dilate(ink, rectangle)), size
    assert np.array_equal(imageops.median3(grey), cv2.medianBlur(grey, 3))
    assert np.array_equal(imageops.median3(ink), cv2.medianBlur(ink, 3))


def test_arithmetic_lookup_and_sharpness(rgb: np.ndarray, grey: np.ndarray) -> None:
    paper = cv2.resize(cv2.resize(grey, (210, 297), interpolation=cv2.INTER_AREA), grey.shape[::-1])
    paper = np.maximum(paper, grey)
    paper[:5, :5] = 0  # a zero denominator gives 0
    assert np.array_equal(imageops.divide(grey, paper, 255), cv2.divide(grey, paper, scale=255))
    table = np.clip(np.arange(256)[:, None] * np.array([[1.04, 1.1, 1.25]]), 0, 255).astype(np.uint8)
    assert np.array_equal(imageops.lookup(rgb, table), cv2.LUT(rgb, table.reshape(256, 1, 3)))
    _mean, deviation = cv2.meanStdDev(cv2.Laplacian(grey, cv2.CV_32F, ksize=1))
    assert imageops.laplacian_variance(grey) == pytest.approx(float(deviation[0][0]) ** 2, rel=1e-6)


@pytest.mark.parametrize("angle", [0.5, -2.75, 7.5])
def test_rotation_keeps_opencvs_borders(rgb: np.ndarray, grey: np.ndarray, angle: float) -> None:
    height, width = grey.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    np.testing.assert_allclose(imageops.rotation_matrix((width / 2, height / 2), angle), matrix, atol=1e-12)
    close(imageops.warp_affine(rgb, matrix),
          cv2.warpAffine(rgb, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE))
    close(imageops.warp_affine(grey, matrix, fill=255),
          cv2.warpAffine(grey, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                         borderValue=(255, 255, 255)))


def test_sub_pixel_shift(grey: np.ndarray) -> None:
    shift = np.array([[1, 0, -1.37], [0, 1, 0.62]], np.float32)
    close(imageops.warp_affine(grey, shift), cv2.warpAffine(grey, shift, grey.shape[::-1], flags=cv2.INTER_LINEAR,
                                                            borderMode=cv2.BORDER_REPLICATE))


@pytest.mark.parametrize("factor", [2, 3, 1.5, 2.0011, 7.874])
def test_area_reduction(rgb: np.ndarray, grey: np.ndarray, factor: float) -> None:
    for page_pixels in (rgb, grey):
        pixels = page_pixels
        if isinstance(factor, int):  # a whole-number ratio both ways: the block-mean path
            pixels = pixels[:pixels.shape[0] - pixels.shape[0] % factor, :pixels.shape[1] - pixels.shape[1] % factor]
        size = (round(pixels.shape[1] / factor), round(pixels.shape[0] / factor))
        close(imageops.shrink(pixels, size), cv2.resize(pixels, size, interpolation=cv2.INTER_AREA))


def test_bilinear_enlargement(grey: np.ndarray) -> None:
    small = cv2.resize(grey, (210, 297), interpolation=cv2.INTER_AREA)
    close(imageops.enlarge(small, grey.shape[::-1]),
          cv2.resize(small, grey.shape[::-1], interpolation=cv2.INTER_LINEAR))


def test_phase_correlation_finds_the_same_shift(rgb: np.ndarray) -> None:
    height, width = rgb.shape[:2]
    moved = cv2.warpAffine(rgb[:, :, 0], np.float32([[1, 0, 1.3], [0, 1, -0.7]]), (width, height),
                           borderMode=cv2.BORDER_REPLICATE)
    top, left = (height - 512) // 2, (width - 512) // 2
    first = rgb[top:top + 512, left:left + 512, 1].astype(np.float32)
    second = moved[top:top + 512, left:left + 512].astype(np.float32)
    window = imageops.hanning_window(512)
    np.testing.assert_allclose(window, cv2.createHanningWindow((512, 512), cv2.CV_32F), atol=1e-6)
    (dx, dy), response = imageops.phase_correlate(first, second, window)
    (their_dx, their_dy), their_response = cv2.phaseCorrelate(first, second, window)
    assert (dx, dy) == pytest.approx((their_dx, their_dy), abs=0.01)
    assert response == pytest.approx(their_response, abs=0.01)


def test_components_of_a_tile_grid() -> None:
    """The same boxes and areas (OpenCV numbers them in its own block-scan order; these are in reading order)."""
    grid = cv2.dilate((np.random.default_rng(3).random((100, 150)) > 0.95).astype(np.uint8), np.ones((2, 3)))
    grid[40:60, 10] = 1  # a long thin one, and one touching the border
    grid[0, :] = 1
    found, _labels, stats, _centres = cv2.connectedComponentsWithStats(grid, connectivity=8)
    theirs = sorted(tuple(int(value) for value in row) for row in stats[1:found])
    ours = imageops.component_boxes(grid.astype(bool))
    assert len(ours) > 50
    assert sorted(ours) == theirs
    assert imageops.component_boxes(np.zeros((4, 4), bool)) == []


def test_the_pipeline_runs_without_opencv(tmp_path: Path) -> None:
    """The packaged app has no OpenCV: a page goes through clean-up, the decision, the gate and encoding with
    `import cv2` failing."""
    scan = tmp_path / "page.png"
    page("seal-signature").render(200).save(scan, dpi=(200, 200))
    script = ("import sys; sys.modules['cv2'] = None\n"
              "from pathlib import Path\nfrom counter_app.ports import ScannedPage\n"
              "from scanning.digitise import process_page\n"
              f"done = process_page(1, ScannedPage(Path({str(scan)!r}).read_bytes(), 'image/png', 200))\n"
              "print(done.kind, done.encoded and done.encoded.media_type, *done.problems)\n")
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert ran.stdout.split() == ["text_colour", "image/tiff"], ran.stderr

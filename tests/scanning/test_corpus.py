"""The page-type decision, binarisation and legibility on a sample of the page corpus (the whole corpus runs in
tests/bench/bench_scan_pages.py): dense text is always black and white, no picture ever is."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from counter_app.ports import ScannedPage
from scanning.compress import PageKind, g4
from scanning.digitise import ProcessedPage, process_page
from tests.scanning.corpus import SAMPLE, page

PICTURES = (PageKind.GREY, PageKind.COLOUR)


def scanned(name: str, dpi: int) -> ScannedPage:
    output = io.BytesIO()
    page(name).render(dpi).save(output, "PNG", dpi=(dpi, dpi))
    return ScannedPage(output.getvalue(), "image/png", dpi)


@pytest.fixture(scope="session")
def sample() -> dict[tuple[str, int], ProcessedPage]:
    cases = [(name, 200) for name in SAMPLE] + [("dense-50x11pt-skew-noise", 300), ("certificate-guilloche", 300),
                                                 ("seal-signature-dense", 300), ("dense-60x10pt-colour-fringes", 300)]
    return {(name, dpi): process_page(1, scanned(name, dpi)) for name, dpi in cases}


def _cases(sample: dict[tuple[str, int], ProcessedPage]) -> Iterator[tuple[str, int, ProcessedPage]]:
    for (name, dpi), processed in sample.items():
        yield name, dpi, processed


def test_every_sampled_page_gets_its_known_kind_and_passes_the_gate(
        sample: dict[tuple[str, int], ProcessedPage]) -> None:
    wrong = {(name, dpi): processed.kind for name, dpi, processed in _cases(sample)
             if processed.kind is not page(name).kind}
    assert wrong == {}
    assert all(processed.problems == () for processed in sample.values())


def test_no_picture_becomes_black_and_white_and_dense_text_always_does(
        sample: dict[tuple[str, int], ProcessedPage]) -> None:
    for name, _dpi, processed in _cases(sample):
        assert processed.encoded is not None
        if page(name).kind in PICTURES:
            assert processed.encoded.media_type == "image/jpeg", name
        if page(name).dense:
            assert processed.encoded.media_type == "image/tiff" and processed.encoded.dpi == 200, name


def test_seal_and_signature_keep_their_colour_in_small_patches(sample: dict[tuple[str, int], ProcessedPage]) -> None:
    encoded = sample[("seal-signature", 200)].encoded
    assert encoded is not None and encoded.kind is PageKind.TEXT_COLOUR
    assert 1 <= len(encoded.patches) <= 2
    assert sum(patch.width * patch.height for patch in encoded.patches) < 0.05 * encoded.width * encoded.height


@pytest.mark.parametrize("name", ["carbon-copy", "thermal-faded", "dense-yellowed"])
def test_faint_and_yellowed_pages_keep_their_strokes(sample: dict[tuple[str, int], ProcessedPage], name: str) -> None:
    processed = sample.get((name, 200)) or process_page(1, scanned(name, 200))
    assert processed.encoded is not None
    stored = np.asarray(Image.open(io.BytesIO(processed.encoded.data)).convert("L")) < 128
    printed = np.asarray(page(name).make(200).convert("L"))
    paper, darkest = np.percentile(printed, [95, 0.5])
    truth = printed < (paper + darkest) / 2  # the strokes as printed, before the scanner's noise
    near = np.ones((3, 3), np.uint8)
    found = float((truth & (cv2.dilate(stored.astype(np.uint8), near) > 0)).sum() / truth.sum())
    clean = float((stored & (cv2.dilate(truth.astype(np.uint8), near) > 0)).sum() / stored.sum())
    assert found > 0.97 and clean > 0.97, (found, clean)


def test_the_scanners_noise_costs_no_bytes(sample: dict[tuple[str, int], ProcessedPage]) -> None:
    """A dense page's G4 is no bigger than the G4 of the same page as printed, thresholded without noise, blur or
    shadow: the bytes are the text's own (a 40-line 12 pt page is ~58 KB at 200 dpi even then, see README)."""
    dense = [(name, processed) for name, _dpi, processed in _cases(sample) if page(name).dense]
    assert len(dense) >= 5
    for name, processed in dense:
        assert processed.encoded is not None
        printed = np.asarray(page(name).make(200).convert("L"))
        paper, darkest = np.percentile(printed, [95, 0.5])
        as_printed = len(g4(printed < (paper + darkest) / 2, 200))
        assert len(processed.encoded.data) <= as_printed, (name, len(processed.encoded.data), as_printed)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is installed by `make test`")
def test_the_stored_page_reads_like_the_original(tmp_path: Path) -> None:
    """OCR of the stored black-and-white page finds the words OCR finds on the 300 dpi scan (a band of lines)."""
    original = page("dense-45x12pt").render(300)
    processed = process_page(1, scanned("dense-45x12pt", 300))
    assert processed.encoded is not None and processed.kind is PageKind.TEXT
    stored = Image.open(io.BytesIO(processed.encoded.data))
    band = (0.1, 0.3)  # twelve lines or so: enough words, little CPU
    words_original = _words(original.crop(_band(original, band)), 300, tmp_path / "original")
    words_stored = _words(stored.crop(_band(stored, band)), 200, tmp_path / "stored")
    assert len(words_original) > 100
    missing = [word for word in words_original if word not in words_stored]
    assert len(missing) <= 0.03 * len(words_original), missing


def _band(image: Image.Image, band: tuple[float, float]) -> tuple[int, int, int, int]:
    return 0, round(image.height * band[0]), image.width, round(image.height * band[1])


def _words(image: Image.Image, dpi: int, stem: Path) -> list[str]:
    source = stem.with_suffix(".png")
    image.save(source, dpi=(dpi, dpi))
    text = subprocess.run(["tesseract", str(source), "-", "-l", "vie", "--dpi", str(dpi), "--psm", "6"],
                          capture_output=True, text=True, check=True, timeout=120,
                          env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}).stdout
    return re.findall(r"\w+", text.lower())

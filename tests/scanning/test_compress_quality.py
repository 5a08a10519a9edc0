"""Compression choices and the size budget; the quality gate's verdicts on good and bad pages."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from scanning.cleanup import clean
from scanning.compress import PageKind, classify, encode
from scanning.pdf import PdfMetadata, assemble
from scanning.quality import problems
from tests.scanning.pages import photo_page, skewed, text_page


@pytest.mark.parametrize("dpi", [200, 300])
def test_text_page_is_black_and_white_g4_within_40_kb(dpi: int) -> None:
    page = text_page(dpi)
    encoded = encode(page, dpi)
    assert encoded.kind is PageKind.TEXT and encoded.media_type == "image/tiff"
    assert len(encoded.data) <= 40_000, len(encoded.data)
    with Image.open(io.BytesIO(encoded.data)) as image:
        assert image.info["compression"] == "group4" and image.mode == "1"
        assert image.size == (round(8.27 * 200), round(11.69 * 200)) and encoded.dpi == 200  # 1:1 at 200 dpi


def test_red_seal_keeps_its_colour_within_150_kb(tmp_path: Path) -> None:
    page = text_page(300, seal=True)
    encoded = encode(page, 300)
    assert encoded.kind is PageKind.TEXT_COLOUR and encoded.dpi == 200 and encoded.size <= 150_000
    assert len(encoded.patches) == 1 and encoded.patches[0].width < encoded.width / 2  # only the seal in colour
    pdf = tmp_path / "seal.pdf"
    pdf.write_bytes(assemble([encoded], PdfMetadata("000.00.12.H12-261120-0001", "Tờ khai", "UBND xã", "Ánh")))
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(tmp_path / "seal")], check=True)
    rgb = np.asarray(Image.open(tmp_path / "seal.png").convert("RGB"), dtype=np.int16)
    red = (rgb[..., 0] > 150) & (rgb[..., 1] < 90) & (rgb[..., 2] < 90)
    assert red.sum() > 500  # the seal is still red in the PDF, where it was on the page
    ys, xs = np.nonzero(red)
    assert xs.mean() > rgb.shape[1] * 0.6 and ys.mean() > rgb.shape[0] * 0.6


def test_photo_page_is_jpeg_within_budget() -> None:
    page = photo_page(300)
    assert classify(page) is PageKind.COLOUR
    colour = encode(page, 300)
    assert colour.media_type == "image/jpeg" and colour.size <= 150_000
    assert classify(page.convert("L")) is PageKind.GREY
    grey = encode(page.convert("L"), 300)
    assert grey.media_type == "image/jpeg" and len(grey.data) <= 150_000


def test_gate_passes_a_good_page_and_names_each_problem() -> None:
    good = text_page(300)
    assert problems(clean(good, 300)) == []
    assert "quality.low_dpi" in problems(clean(text_page(150), 150))
    blurred = good.filter(ImageFilter.GaussianBlur(6))
    assert "quality.blurred" in problems(clean(blurred, 300))
    cut = good.crop((400, 0, good.width, good.height - 200)).crop((0, 150, good.width - 400, good.height - 200))
    assert "quality.cut_off" in problems(clean(cut, 300))
    beyond_correction = skewed(good, 14)  # further than the straightening tries
    assert "quality.skewed" in problems(clean(beyond_correction, 300))


def test_a_full_page_photo_is_judged_on_resolution_only() -> None:
    assert problems(clean(photo_page(200), 200)) == []
    assert problems(clean(photo_page(150), 150)) == ["quality.low_dpi"]

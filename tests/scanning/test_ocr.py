"""The optional Vietnamese text layer: Tesseract reads the scanned page, the PDF becomes searchable, and what
the clerk sees of the page does not change."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from counter_app.ports import ScannedPage
from scanning import ocr
from scanning.digitise import process, to_pdf
from scanning.pdf import PdfMetadata
from scanning.signing import Pkcs12File, StampText, open_signer, sign_pdf
from scanning.verification import verify
from tests.pdftools import text_of
from tests.pki import P12_PASSPHRASE, Pki
from tests.scanning.pages import noisy, skewed, text_page

METADATA = PdfMetadata("000.00.00.H00-261123-0001", "Tờ khai", "UBND xã Tân Hòa", "anh")


@pytest.fixture(scope="module")
def scanned() -> list[ScannedPage]:
    if not ocr.available():
        pytest.fail("Tesseract with Vietnamese data is missing: `make test` installs tesseract-ocr-vie")
    buffer = io.BytesIO()
    noisy(skewed(text_page(300, lines=12), 1.5)).save(buffer, "PNG")
    return [ScannedPage(buffer.getvalue(), "image/png", 300)]


def _render(pdf: bytes, folder: Path, name: str) -> Image.Image:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-gray", "-png", "-singlefile", str(path), str(folder / name)],
                   check=True)
    return Image.open(folder / f"{name}.png")


def test_text_layer_makes_the_scan_searchable_without_changing_how_it_looks(scanned: list[ScannedPage],
                                                                            tmp_path: Path) -> None:
    processed = process(scanned)
    with_text, pages = to_pdf(processed, METADATA, ocr=True)
    without_text, _ = to_pdf(processed, METADATA, ocr=False)
    assert pages == 1
    (tmp_path / "plain.pdf").write_bytes(without_text)
    assert text_of(tmp_path / "plain.pdf") == ""
    (tmp_path / "ocr.pdf").write_bytes(with_text)
    found = text_of(tmp_path / "ocr.pdf")
    for line in ("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", "Nguyễn Thị Hồng Nhung", "001090123456",
                 "Ủy ban nhân dân xã Tân Hòa"):
        assert line in found
    difference = ImageChops.difference(_render(with_text, tmp_path, "a"), _render(without_text, tmp_path, "b"))
    assert difference.getbbox() is None  # the text is invisible: the page renders exactly the same
    assert len(with_text) - len(without_text) < 12_000  # the layer is small next to the 2G/3G budget


def test_text_layer_comes_before_the_signature_and_stays_covered_by_it(scanned: list[ScannedPage], pki: Pki,
                                                                       tmp_path: Path) -> None:
    pdf, _ = to_pdf(process(scanned), METADATA, ocr=True)
    with open_signer(Pkcs12File(pki.p12), P12_PASSPHRASE) as signer:
        signed = sign_pdf(pdf, signer, StampText())
    [report] = verify(signed, [pki.root])
    assert report.valid and report.trusted
    (tmp_path / "signed.pdf").write_bytes(signed)
    assert "Nguyễn Thị Hồng Nhung" in text_of(tmp_path / "signed.pdf")


def test_unreadable_image_gives_no_layer_rather_than_no_scan() -> None:
    assert ocr.text_layer(b"not an image", ".tif", 300) is None

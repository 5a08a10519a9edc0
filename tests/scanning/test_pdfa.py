"""Digitised PDFs keep the PDF/A-2b rules that can be checked here, through OCR, signing and the time-stamp
upgrade; a plain image PDF does not (so the checks can fail)."""

from __future__ import annotations

import io
from pathlib import Path

import img2pdf
import pytest

from counter_app.ports import ScannedPage
from scanning.digitise import process, to_pdf
from scanning.pdf import PdfMetadata
from scanning.signing import Pkcs12File, StampText, open_signer, sign_pdf
from scanning.timestamping import add_document_timestamp
from tests.pki import P12_PASSPHRASE, Pki, time_stamp_authority
from tests.scanning.pages import photo_page, skewed, text_page
from tests.scanning.pdfa import problems

METADATA = PdfMetadata("000.00.00.H00-261123-0002", "Giấy khai sinh — bản chính", "UBND xã Tân Hòa",
                       "Trần Thị Ngọc Ánh")


def _page(image: object) -> ScannedPage:
    output = io.BytesIO()
    image.save(output, "PNG", dpi=(200, 200))  # type: ignore[attr-defined]
    return ScannedPage(output.getvalue(), "image/png", 200)


@pytest.fixture(scope="module")
def digitised() -> bytes:
    """Three kinds of page in one file: text (G4), text with a red seal (G4 + colour patch), a photo (JPEG)."""
    pages = [_page(skewed(text_page(200, lines=10), 1.0)), _page(text_page(200, seal=True, lines=10)),
             _page(photo_page(200))]
    pdf, count = to_pdf(process(pages), METADATA, ocr=True)
    assert count == 3
    return pdf


def _check(pdf: bytes, folder: Path, name: str) -> list[str]:
    path = folder / name
    path.write_bytes(pdf)
    return problems(path)


def test_digitised_signed_and_time_stamped_files_keep_the_pdfa_rules(digitised: bytes, pki: Pki,
                                                                      tmp_path: Path) -> None:
    assert _check(digitised, tmp_path, "digitised.pdf") == []
    with open_signer(Pkcs12File(pki.p12), P12_PASSPHRASE) as signer:
        signed = sign_pdf(digitised, signer, StampText(office="UBND xã Tân Hòa", location="Tân Hòa"))
    assert _check(signed, tmp_path, "signed.pdf") == []
    with time_stamp_authority(pki) as url:
        upgraded = add_document_timestamp(signed, url, [pki.root]).pdf
    assert _check(upgraded, tmp_path, "upgraded.pdf") == []


def test_a_plain_image_pdf_is_not_pdfa(tmp_path: Path) -> None:
    plain = bytes(img2pdf.convert(_page(text_page(200, lines=3)).image))
    found = _check(plain, tmp_path, "plain.pdf")
    assert "no XMP metadata" in found and "not exactly one PDF/A output intent" in found

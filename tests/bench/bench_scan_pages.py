"""Benchmark (not a test): KB and seconds per page through the digitisation pipeline, for text, photo and seal
pages at 200 and 300 dpi, beside a plain JPEG quality-75 baseline of the same pages; then what the optional
Tesseract text layer adds (KB and seconds) to a whole one-page PDF; prints figures."""

import io
import sys
import time

from PIL import Image

from scanning.cleanup import clean
from scanning.compress import encode
from scanning.ocr import available as ocr_available
from scanning.pdf import PdfMetadata, assemble
from scanning.quality import problems
from tests.scanning.pages import noisy, photo_page, skewed, text_page

PAGES = {
    "text (B/W)": lambda dpi: noisy(skewed(text_page(dpi), 1.5), 6),
    "text + red seal": lambda dpi: noisy(skewed(text_page(dpi, seal=True), 1.0), 6),
    "photo (colour)": photo_page,
    "photo (grey)": lambda dpi: photo_page(dpi).convert("L"),
}


def baseline(image: Image.Image, dpi: int) -> int:
    output = io.BytesIO()
    image.convert("RGB").save(output, "JPEG", quality=75, dpi=(dpi, dpi))
    return len(output.getvalue())


def text_layer_cost(encoded: object) -> str:
    """KB of the one-page PDF without and with the text layer, and the OCR seconds."""
    metadata = PdfMetadata("000.00.00.H00-261123-0001", "bench", "office", "clerk")
    plain = assemble([encoded], metadata)  # type: ignore[list-item]
    started = time.perf_counter()
    searchable = assemble([encoded], metadata, ocr=True)  # type: ignore[list-item]
    seconds = time.perf_counter() - started
    return f"{len(plain) / 1024:>9.1f}{len(searchable) / 1024:>9.1f}{seconds:>8.2f}"


def main() -> None:
    ocr = ocr_available()
    if not ocr:
        sys.stdout.write("Tesseract (vie) is not installed: no OCR figures\n")
    sys.stdout.write(f"{'page':<18}{'dpi':>5}{'kind':>13}{'KB':>8}{'s/page':>8}{'JPEG q75 KB':>13}{'gate':>8}"
                     f"{'PDF KB':>9}{'+OCR KB':>9}{'OCR s':>8}\n")
    for name, make in PAGES.items():
        for dpi in (200, 300):
            image = make(dpi)
            started = time.perf_counter()
            page = clean(image, dpi)
            verdict = problems(page)
            encoded = encode(page.image, page.dpi)
            seconds = time.perf_counter() - started
            gate = "FAIL" if verdict else "ok"
            sys.stdout.write(f"{name:<18}{dpi:>5}{encoded.kind.value:>13}{encoded.size / 1024:>8.1f}"
                             f"{seconds:>8.2f}{baseline(image, dpi) / 1024:>13.1f}{gate:>8}"
                             f"{text_layer_cost(encoded) if ocr else ''}\n")


if __name__ == "__main__":
    main()

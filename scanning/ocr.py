"""The optional Vietnamese text layer: Tesseract (`vie`) reads each page image and returns an invisible-text
PDF page the same size, laid over the scanned page so the PDF can be searched and copied from."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

LANGUAGE = "vie"
PAGE_TIMEOUT_S = 120


@functools.cache
def available() -> bool:
    """True when the `tesseract` program and its Vietnamese data are installed."""
    program = shutil.which("tesseract")
    if program is None:
        return False
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return LANGUAGE in listed.stdout.split()


def text_layer(image: bytes, suffix: str, dpi: int) -> bytes | None:
    """A one-page PDF holding only the recognised text (invisible), sized by `dpi`; None when OCR fails, so
    the scan is filed without a text layer rather than not at all."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    with tempfile.TemporaryDirectory(prefix="counter-ocr-") as folder:
        source, target = Path(folder) / f"page{suffix}", Path(folder) / "text"
        source.write_bytes(image)
        command = [program, str(source), str(target), "-l", LANGUAGE, "--dpi", str(dpi), "--psm", "3",
                   "-c", "textonly_pdf=1", "pdf"]
        try:
            subprocess.run(command, capture_output=True, timeout=PAGE_TIMEOUT_S, check=True,
                           env={**os.environ, "OMP_THREAD_LIMIT": "1"})
            return (target.with_suffix(".pdf")).read_bytes()
        except (OSError, subprocess.SubprocessError):
            return None

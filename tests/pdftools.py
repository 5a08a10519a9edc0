"""Reading PDFs back the way a user's tools would: poppler for text, fonts and pages, zxing-cpp for barcodes."""

from __future__ import annotations

import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def text_of(pdf: Path, page: int | None = None) -> str:
    """The text as pdftotext extracts it in drawing order, in NFC, whitespace collapsed."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    raw = _run("pdftotext", "-raw", *pages, str(pdf), "-")  # content order: a table cell stays together
    return " ".join(unicodedata.normalize("NFC", raw).split())


def page_texts(pdf: Path) -> list[str]:
    return [text_of(pdf, n) for n in range(1, info(pdf)["Pages"] + 1)]


def info(pdf: Path) -> dict[str, int | str]:
    fields: dict[str, int | str] = {}
    for line in _run("pdfinfo", str(pdf)).splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = int(value) if value.strip().isdigit() else value.strip()
    return fields


def fonts_of(pdf: Path) -> list[list[str]]:
    """pdffonts rows: name, type, encoding, emb, sub, uni, ..."""
    lines = _run("pdffonts", str(pdf)).splitlines()[2:]
    return [line.split() for line in lines]


def words(pdf: Path) -> list[Word]:
    """Every word with its box (pdftotext -bbox), for overlap checks."""
    html = _run("pdftotext", "-bbox", str(pdf), "-")
    found: list[Word] = []
    page = 0
    for raw in html.splitlines():
        line = raw.strip()
        if line.startswith("<page "):
            page += 1
        elif line.startswith("<word "):
            attrs = dict(part.split("=", 1) for part in line[6:line.index(">")].split())
            box = [float(attrs[k].strip('"')) for k in ("xMin", "yMin", "xMax", "yMax")]
            found.append(Word(page, line[line.index(">") + 1:line.rindex("<")], *box))
    return found


def barcodes(pdf: Path, dpi: int = 200, page: int = 1) -> set[tuple[str, str]]:
    """(format, text) of every barcode zxing-cpp finds in a grey rendering of `page` at `dpi`."""
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        _run("pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
             str(pdf), str(stem))
        image = Image.open(stem.with_suffix(".png"))
        image.load()
    return {(result.format.name, result.text) for result in zxingcpp.read_barcodes(image)}


@dataclass(frozen=True)
class Rule:
    """A stroked straight line on a page, in pdftotext's top-down coordinates."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def vertical(self) -> bool:
        return abs(self.x0 - self.x1) < 0.1

    @property
    def horizontal(self) -> bool:
        return abs(self.y0 - self.y1) < 0.1


def rules(pdf: Path, page: int = 1) -> list[Rule]:
    """The straight stroked lines of `page` (a table's rules), read from its content stream with pikepdf."""
    import pikepdf  # noqa: PLC0415

    with pikepdf.open(pdf) as document:
        source = document.pages[page - 1]
        height = float(source.mediabox[3])
        stack, matrix = [], (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        found: list[Rule] = []
        start = (0.0, 0.0)
        for operands, operator in pikepdf.parse_content_stream(source):
            name = str(operator)
            values = [float(value) for value in operands] if name in ("cm", "m", "l") else []
            if name == "q":
                stack.append(matrix)
            elif name == "Q":
                matrix = stack.pop()
            elif name == "cm":
                matrix = _times(tuple(values), matrix)  # type: ignore[arg-type]
            elif name == "m":
                start = _apply(matrix, values[0], values[1])
            elif name == "l":
                end = _apply(matrix, values[0], values[1])
                found.append(Rule(min(start[0], end[0]), height - max(start[1], end[1]),
                                  max(start[0], end[0]), height - min(start[1], end[1])))
                start = end
    return found


Matrix = tuple[float, float, float, float, float, float]


def _times(first: Matrix, second: Matrix) -> Matrix:
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2)


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f

"""The PDF/A-2b rules a test can check without veraPDF (which cannot be installed here): identification,
metadata in step with the document information, an sRGB output intent, embedded fonts, printable annotations,
and nothing forbidden (encryption, JavaScript, LZW, attachments)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf

_MIRRORED = {"/Title": "dc:title", "/Author": "dc:creator", "/Subject": "dc:description", "/Keywords": "pdf:Keywords"}
_FORBIDDEN_KEYS = ("/JavaScript", "/JS", "/EmbeddedFiles", "/Alternates", "/OPI")


def problems(path: Path) -> list[str]:
    """Each broken rule, named; an empty list for a file that keeps them all."""
    found = _header(path.read_bytes()[:32])
    with pikepdf.open(path) as pdf:
        found += _trailer(pdf) + _metadata(pdf) + _output_intent(pdf) + _objects(pdf) + _annotations(pdf)
    found += _fonts(path)
    return found


def _header(start: bytes) -> list[str]:
    lines = start.split(b"\n")
    found = [] if re.fullmatch(rb"%PDF-1\.[0-7]", lines[0]) else ["header is not %PDF-1.n"]
    if len(lines) < 2 or not lines[1].startswith(b"%") or sum(b > 127 for b in lines[1][1:5]) < 4:
        found.append("no binary comment after the header")
    return found


def _trailer(pdf: pikepdf.Pdf) -> list[str]:
    found = ["encrypted"] if pdf.is_encrypted or "/Encrypt" in pdf.trailer else []
    return found + ([] if "/ID" in pdf.trailer else ["no file identifier"])


def _metadata(pdf: pikepdf.Pdf) -> list[str]:
    stream = pdf.Root.get("/Metadata")
    if stream is None:
        return ["no XMP metadata"]
    found = ["XMP stream is filtered"] if "/Filter" in stream else []
    xmp = pdf.open_metadata()
    if (str(xmp.get("pdfaid:part")), str(xmp.get("pdfaid:conformance"))) != ("2", "B"):
        found.append("not identified as PDF/A-2b")
    for key, name in _MIRRORED.items():
        if key in pdf.docinfo:
            value, mirrored = str(pdf.docinfo[key]), xmp.get(name)
            text = mirrored[0] if isinstance(mirrored, list) else str(mirrored or "")
            if text != value:
                found.append(f"{key} differs from {name}")
    if "/CreationDate" in pdf.docinfo:
        info_date = str(pdf.docinfo["/CreationDate"])  # D:YYYYMMDDHHmmSS+07'00
        xmp_date = re.sub(r"[-:T]", "", str(xmp.get("xmp:CreateDate", "")))[:14]
        if info_date[2:16] != xmp_date:
            found.append("/CreationDate differs from xmp:CreateDate")
    return found


def _output_intent(pdf: pikepdf.Pdf) -> list[str]:
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
    if len(intents) != 1:
        return ["not exactly one PDF/A output intent"]
    profile = intents[0].DestOutputProfile.read_bytes()
    return [] if profile[36:40] == b"acsp" and profile[16:20] == b"RGB " else ["output intent is not an RGB profile"]


def _objects(pdf: pikepdf.Pdf) -> list[str]:
    found = set()
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            continue
        found.update(f"forbidden {key}" for key in _FORBIDDEN_KEYS if key in obj)
        filters = obj.get("/Filter") if isinstance(obj, pikepdf.Stream) else None
        if filters is not None and "/LZWDecode" in (list(filters) if isinstance(filters, pikepdf.Array) else [filters]):
            found.add("LZW compression")
        if obj.get("/Interpolate") is True:
            found.add("interpolated image")
    return sorted(found)


def _annotations(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    for number, page in enumerate(pdf.pages, start=1):
        for annotation in page.get("/Annots", []):
            flags = int(annotation.get("/F", 0))
            if not flags & 4 or flags & (1 | 2 | 32):
                found.append(f"annotation on page {number} is not printable (/F {flags})")
            rect = [float(v) for v in annotation.Rect]
            if rect[2] > rect[0] and rect[3] > rect[1] and "/AP" not in annotation:
                found.append(f"annotation on page {number} has no appearance")
    return found


def _fonts(path: Path) -> list[str]:
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    return [f"font {row[0]} not embedded" for row in rows if row[-5] != "yes"]

"""Benchmark (not a test): the whole page corpus at 200 and 300 dpi through the digitisation pipeline — the
confusion table of the page-type decision against each page's known kind, KB and seconds per page — then, on a
few 300 dpi pages, the present pipeline beside the one before issue 13 and OCRmyPDF; prints figures.

    python -m tests.bench.bench_scan_pages [full] [PAGE…]   # full: the older pipelines on every 300 dpi page;
                                                            # PAGE…: only these corpus pages (a quick run)

Seconds are CPU seconds of this process (time.process_time; the image operations, scanning/imageops.py, run on
one thread as in the app's pool) and wall seconds; on a shared machine the wall clock includes waiting for the CPU."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import img2pdf
from PIL import Image

from counter_app.ports import ScannedPage
from scanning.compress import PageKind
from scanning.digitise import ProcessedPage, process_page
from tests.scanning.corpus import CORPUS, CorpusPage

BEFORE = "de5b6d2"  # main before issue 13: the pipeline the issue measured
COMPARED = ("dense-45x12pt", "dense-60x10pt-binding", "form-handwritten", "thermal-faded", "seal-signature",
            "id-card-copy", "photo-colour", "certificate-guilloche")
KINDS = list(PageKind)
OLD_RUNNER = """
import io, json, sys, time
from PIL import Image
from scanning.cleanup import clean
from scanning.compress import encode
from scanning.quality import problems
for path, dpi in json.loads(sys.argv[1]):
    cpu, wall = time.process_time(), time.perf_counter()
    with Image.open(path) as image:
        image.load()
        page = clean(image, dpi)
    verdict = problems(page)
    encoded = encode(page.image, page.dpi)
    print(json.dumps({"kind": encoded.kind.value, "bytes": encoded.size, "cpu": time.process_time() - cpu,
                      "wall": time.perf_counter() - wall, "gate": verdict}), flush=True)
"""


def main() -> None:
    full = "full" in sys.argv[1:]
    wanted = [name for name in sys.argv[1:] if name != "full"]
    pages = [page for page in CORPUS if not wanted or page.name in wanted]
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as folder:
        scans = Path(folder)
        results = {}
        out = sys.stdout
        out.write(f"{'page':<32}{'dpi':>5}{'known':>13}{'decided':>13}{'KB':>8}{'cpu s':>8}{'wall s':>8}  gate\n")
        for page in pages:
            for dpi in (200, 300):
                path = scans / f"{page.name}-{dpi}.png"
                page.render(dpi).save(path, dpi=(dpi, dpi))
                processed = process_page(1, ScannedPage(path.read_bytes(), "image/png", dpi))
                results[(page.name, dpi)] = processed
                out.write(_row(page, dpi, processed))
        _confusion(results)
        _summary(results)
        compared = [page.name for page in pages] if full or wanted else list(COMPARED)
        _side_by_side(scans, compared)


def _row(page: CorpusPage, dpi: int, processed: ProcessedPage) -> str:
    decided = processed.kind.value if processed.kind else "blank"
    kb = processed.encoded.size / 1024 if processed.encoded else 0.0
    mark = "" if processed.kind is page.kind else "   <-- WRONG"
    return (f"{page.name:<32}{dpi:>5}{page.kind.value:>13}{decided:>13}{kb:>8.1f}{processed.cpu_millis / 1000:>8.2f}"
            f"{processed.millis / 1000:>8.2f}  {','.join(processed.problems) or 'ok'}{mark}\n")


def _confusion(results: dict[tuple[str, int], ProcessedPage]) -> None:
    known = {page.name: page for page in CORPUS}
    table = Counter((known[name].kind, processed.kind) for (name, _dpi), processed in results.items())
    out = sys.stdout
    out.write(f"\nConfusion table, {len(results)} pages (rows: known kind, columns: decided kind)\n")
    out.write(f"{'':<14}" + "".join(f"{kind.value:>13}" for kind in KINDS) + f"{'total':>8}\n")
    for truth in KINDS:
        row = [table[(truth, decided)] for decided in KINDS]
        out.write(f"{truth.value:<14}" + "".join(f"{count:>13}" for count in row) + f"{sum(row):>8}\n")
    right = sum(table[(kind, kind)] for kind in KINDS)
    dense = [(name, processed) for (name, _dpi), processed in results.items() if known[name].dense]
    dense_right = sum(1 for name, processed in dense if processed.kind is known[name].kind)
    pictures = [(name, p) for (name, _d), p in results.items() if known[name].kind in (PageKind.GREY, PageKind.COLOUR)]
    destroyed = sum(1 for _name, p in pictures if p.kind in (PageKind.TEXT, PageKind.TEXT_COLOUR))
    out.write(f"right: {right}/{len(results)}; dense text pages right: {dense_right}/{len(dense)}; "
              f"photo/ID/guilloche pages made black-and-white: {destroyed}/{len(pictures)}\n")


def _summary(results: dict[tuple[str, int], ProcessedPage]) -> None:
    known = {page.name: page for page in CORPUS}
    out = sys.stdout
    out.write("\nPer kind and resolution: mean KB, mean and max CPU s/page, mean wall s/page\n")
    for dpi in (200, 300):
        for kind in KINDS:
            chosen = [p for (name, d), p in results.items() if d == dpi and known[name].kind is kind]
            if not chosen:
                continue
            kb = sum(p.encoded.size for p in chosen if p.encoded) / 1024 / len(chosen)
            cpu = [p.cpu_millis / 1000 for p in chosen]
            wall = sum(p.millis for p in chosen) / 1000 / len(chosen)
            out.write(f"{dpi:>4} dpi {kind.value:<12}{len(chosen):>4} pages{kb:>9.1f} KB{sum(cpu) / len(cpu):>8.3f} s"
                      f"{max(cpu):>8.3f} s max{wall:>8.3f} s wall\n")
        dense = [p for (name, d), p in results.items() if d == dpi and known[name].dense and p.encoded]
        if dense:
            out.write(f"{dpi:>4} dpi dense text pages: {min(p.encoded.size for p in dense) / 1024:.1f}–"  # type: ignore[union-attr]
                      f"{max(p.encoded.size for p in dense) / 1024:.1f} KB\n")  # type: ignore[union-attr]


def _side_by_side(scans: Path, names: list[str]) -> None:
    """The same JPEG scans (quality 90, as a scanner sends them) through the three pipelines."""
    out = sys.stdout
    jpegs = []
    for name in names:
        path = scans / f"{name}-300.jpg"
        Image.open(scans / f"{name}-300.png").save(path, quality=90, dpi=(300, 300))
        jpegs.append(path)
    old = _old_pipeline([(str(path), 300) for path in jpegs])
    ocrmypdf = shutil.which("ocrmypdf") or str(Path(sys.executable).with_name("ocrmypdf"))
    out.write(f"\nA4 at 300 dpi (JPEG q90 in), OCR off: this pipeline | before issue 13 ({BEFORE}) | OCRmyPDF 17 "
              "(--optimize 1 --output-type pdf --tesseract-timeout 0 --jobs 1)\n")
    out.write(f"{'page':<26}{'kind':>12}{'KB':>7}{'cpu s':>7}{'wall s':>7} |{'kind':>12}{'KB':>7}{'cpu s':>7}"
              f"{'wall s':>7} |{'KB':>7}{'cpu s':>7}{'wall s':>7}\n")
    totals = Counter[str]()
    for name, path, before in zip(names, jpegs, old, strict=True):
        now = process_page(1, ScannedPage(path.read_bytes(), "image/jpeg", 300))
        kind = now.kind.value if now.kind else "blank"
        kb = now.encoded.size / 1024 if now.encoded else 0.0
        their_kb, their_cpu, their_s = _ocrmypdf(ocrmypdf, path)
        row = {"kb": kb, "cpu": now.cpu_millis / 1000, "wall": now.millis / 1000, "old_kb": before["bytes"] / 1024,
               "old_cpu": before["cpu"], "old_wall": before["wall"], "ocr_kb": their_kb, "ocr_cpu": their_cpu,
               "ocr_wall": their_s}
        totals.update(row)
        out.write(_side_row(name, kind, str(before["kind"]), row))
    out.write(_side_row("mean", "", "", {key: value / len(names) for key, value in totals.items()}))


def _side_row(name: str, kind: str, old_kind: str, row: dict[str, float]) -> str:
    return (f"{name:<26}{kind:>12}{row['kb']:>7.1f}{row['cpu']:>7.2f}{row['wall']:>7.2f} |{old_kind:>12}"
            f"{row['old_kb']:>7.1f}{row['old_cpu']:>7.2f}{row['old_wall']:>7.2f} |{row['ocr_kb']:>7.1f}"
            f"{row['ocr_cpu']:>7.2f}{row['ocr_wall']:>7.2f}\n")


def _old_pipeline(pages: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """The pipeline as it was before issue 13, from git, in a child process on the same pages."""
    with tempfile.TemporaryDirectory(prefix="bench-old-") as folder:
        archive = subprocess.run(["git", "archive", BEFORE, "scanning/__init__.py", "scanning/cleanup.py",
                                  "scanning/compress.py", "scanning/quality.py"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        done = subprocess.run([sys.executable, "-c", OLD_RUNNER, json.dumps(pages)], capture_output=True, text=True,
                              check=True, cwd=folder, env={**os.environ, "PYTHONPATH": folder})
    return [json.loads(line) for line in done.stdout.splitlines()]


def _ocrmypdf(program: str, scan: Path) -> tuple[float, float, float]:
    """KB, CPU and wall seconds of OCRmyPDF on the same page (an image PDF of the scan); nan if not installed."""
    if not Path(program).exists():
        return float("nan"), float("nan"), float("nan")
    source, target = scan.with_suffix(".in.pdf"), scan.with_suffix(".out.pdf")
    source.write_bytes(img2pdf.convert(str(scan)))
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run([program, "--optimize", "1", "--output-type", "pdf", "--tesseract-timeout", "0",
                           "--jobs", "1", "--quiet", str(source), str(target)], capture_output=True, text=True,
                          check=False, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-500:])
        return float("nan"), cpu, seconds
    return target.stat().st_size / 1024, cpu, seconds


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()

"""The background pool that digitises pages as they arrive: one worker process per core, so neither the GUI
nor the scanner waits; each worker reads a page from the staging area and returns its verdict and thumbnail."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TypeVar

from counter_app.ports import ScannedPage
from scanning.digitise import ProcessedPage, process_page

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()  # the capture thread and the pool's own threads both submit


def pool() -> ProcessPoolExecutor:
    """The shared pool, started on first use (fresh interpreters: no Qt state is inherited)."""
    global _pool  # noqa: PLW0603 (one pool per application)
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=os.cpu_count() or 1, initializer=_one_core,
                                        mp_context=multiprocessing.get_context("spawn"))
        return _pool


def warm() -> None:
    """Start the workers now (each loads NumPy and Pillow), so the first scanned page does not wait for that."""
    for _ in range(os.cpu_count() or 1):
        _submit(_one_core)


def submit(number: int, path: Path, media_type: str, dpi: int) -> Future[ProcessedPage]:
    """Digitise the staged page at `path` on the pool; the future's result carries a PNG thumbnail. A pool
    whose worker died (killed, out of memory) is replaced by a fresh one."""
    return _submit(judge_staged, number, str(path), media_type, dpi)


def _submit(work: Callable[..., T], *args: object) -> Future[T]:
    workers = pool()
    try:
        return workers.submit(work, *args)
    except BrokenProcessPool:
        shutdown(workers)
        return pool().submit(work, *args)


def judge_staged(number: int, path: str, media_type: str, dpi: int) -> ProcessedPage:
    return process_page(number, ScannedPage(Path(path).read_bytes(), media_type, dpi), thumbnail=True)


def shutdown(only: ProcessPoolExecutor | None = None) -> None:
    """Stop the pool (or, given `only`, stop it if it is still the current one)."""
    global _pool  # noqa: PLW0603
    with _lock:
        if _pool is not None and (only is None or only is _pool):
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None


def _one_core() -> None:
    """Each worker keeps to its core: the pool already has one worker per core. The image operations
    (scanning.imageops: NumPy element-wise work, FFT and Pillow) run on the calling thread; Tesseract is held
    to one thread here."""
    os.environ["OMP_THREAD_LIMIT"] = "1"

"""A folder where a network scanner saves its files: new images and PDFs are picked up once complete."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"})


@dataclass
class WatchedFolder:
    """`poll()` returns the files that appeared since the last poll and stopped growing for `settle` seconds."""

    folder: Path
    settle: float = 2.0
    clock: Callable[[], float] = time.monotonic
    _seen: dict[Path, tuple[int, float]] = field(default_factory=dict)
    _delivered: set[Path] = field(default_factory=set)

    def poll(self) -> list[Path]:
        now = self.clock()
        ready = []
        for path in sorted(self.folder.iterdir()) if self.folder.is_dir() else []:
            if path.suffix.lower() not in SUFFIXES or path in self._delivered or not path.is_file():
                continue
            size = path.stat().st_size
            previous = self._seen.get(path)
            if previous is None or previous[0] != size:
                self._seen[path] = (size, now)  # new, or still being written
            elif size > 0 and now - previous[1] >= self.settle:
                ready.append(path)
                self._delivered.add(path)
        return ready

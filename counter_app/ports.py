"""Interfaces that counter_app defines and other packages implement (scanners first)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class ColourMode(StrEnum):
    COLOUR = "color"
    GREY = "gray"
    BLACK_WHITE = "lineart"


class PaperSource(StrEnum):
    FLATBED = "flatbed"
    FEEDER = "feeder"


@dataclass(frozen=True)
class ScanSettings:
    """What the clerk (or the procedure's scan profile) asks of the scanner."""

    dpi: int = 300
    mode: ColourMode = ColourMode.COLOUR
    source: PaperSource = PaperSource.FLATBED
    duplex: bool = False


@dataclass(frozen=True)
class ScannerCapabilities:
    name: str
    resolutions: tuple[int, ...]
    modes: tuple[ColourMode, ...]
    sources: tuple[PaperSource, ...]
    duplex: bool


@dataclass(frozen=True)
class ScannedPage:
    """One page as the scanner delivered it: encoded image bytes (PNG, JPEG, TIFF) and its resolution."""

    image: bytes
    media_type: str
    dpi: int


class ScanSource(Protocol):
    """A scanner, whatever talks to it: SANE, eSCL over HTTP, WIA, TWAIN, or a folder of files."""

    def capabilities(self) -> ScannerCapabilities: ...

    def scan(self, settings: ScanSettings) -> Iterator[ScannedPage]:
        """Pages as they come off the glass or the feeder; raise CounterError with a clear message on failure."""
        ...

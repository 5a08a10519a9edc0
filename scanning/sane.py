"""Scanning through SANE on Linux with the `scanimage` program (flatbed, feeder, duplex where offered)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from counter_app.errors import CounterError
from counter_app.ports import ColourMode, PaperSource, ScannedPage, ScannerCapabilities, ScanSettings

_MODES = {ColourMode.COLOUR: "Color", ColourMode.GREY: "Gray", ColourMode.BLACK_WHITE: "Lineart"}
TIMEOUT_SECONDS = 180


class SaneScanner:
    """A SANE device by name (e.g. 'test', 'airscan:e0:Canon', 'genesys:libusb:001:004')."""

    def __init__(self, device: str, extra_options: tuple[str, ...] = ()) -> None:
        self.device, self.extra_options = device, extra_options

    def capabilities(self) -> ScannerCapabilities:
        text = self._run(["-d", self.device, "--all-options"]).stdout
        resolutions = _resolutions(text)
        modes = tuple(mode for mode, word in _MODES.items() if re.search(rf"\b{word}\b", text, re.IGNORECASE))
        sources = (PaperSource.FLATBED,) + ((PaperSource.FEEDER,) if re.search(
            r"Automatic Document Feeder|ADF", text) else ())
        return ScannerCapabilities(self.device, resolutions, modes or (ColourMode.COLOUR,), sources,
                                   duplex=bool(re.search(r"[Dd]uplex", text)))

    def scan(self, settings: ScanSettings) -> Iterator[ScannedPage]:
        mode = _MODES[settings.mode]
        if mode == "Lineart" and "Lineart" not in self._run(["-d", self.device, "--all-options"]).stdout:
            mode = "Gray"  # thresholding to black and white happens in the clean-up anyway
        options = ["-d", self.device, "--format=png", f"--resolution={settings.dpi}", f"--mode={mode}",
                   *self.extra_options]
        with tempfile.TemporaryDirectory(prefix="counter-scan-") as folder:
            if settings.source is PaperSource.FEEDER:
                feeder = "ADF Duplex" if settings.duplex else "Automatic Document Feeder"
                self._run([*options, f"--source={feeder}", f"--batch={folder}/page-%04d.png"], feeder=True)
                pages = sorted(Path(folder).glob("page-*.png"))
            else:
                page = Path(folder) / "page-0001.png"
                page.write_bytes(self._run([*options], binary=True).stdout)
                pages = [page]
            for path in pages:
                yield ScannedPage(path.read_bytes(), "image/png", settings.dpi)

    def _run(self, arguments: list[str], binary: bool = False,
             feeder: bool = False) -> subprocess.CompletedProcess[Any]:
        program = shutil.which("scanimage")
        if program is None:
            raise CounterError("scan.sane_missing")
        done = subprocess.run([program, *arguments], capture_output=True, text=not binary,
                              timeout=TIMEOUT_SECONDS, check=False)
        errors = done.stderr.decode(errors="replace") if binary else done.stderr
        if done.returncode != 0 and not (feeder and "Document feeder out of documents" in errors):
            raise CounterError("scan.failed", device=self.device, reason=errors.strip()[-300:] or done.returncode)
        return done


def _resolutions(text: str) -> tuple[int, ...]:
    match = re.search(r"--resolution\s+([\d|.]+)(?:dpi)?", text)
    if not match:
        return (300,)
    spec = match.group(1)
    if ".." in spec:
        low, high = (int(part) for part in spec.split("..")[:2])
        return tuple(value for value in (150, 200, 300, 400, 600) if low <= value <= high)
    return tuple(int(value) for value in spec.split("|") if value.isdigit())

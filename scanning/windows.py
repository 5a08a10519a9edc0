"""WIA and TWAIN scanners on Windows, written against their APIs and kept thin: they cannot run on this
Linux build machine, so everything after capture goes through the same tested pipeline as SANE and eSCL."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from typing import Any

from counter_app.errors import CounterError
from counter_app.ports import ColourMode, PaperSource, ScannedPage, ScannerCapabilities, ScanSettings

# WIA property ids (wiadef.h) and values
WIA_HORIZONTAL_RESOLUTION, WIA_VERTICAL_RESOLUTION, WIA_CURRENT_INTENT = 6147, 6148, 6146
WIA_DOCUMENT_HANDLING_SELECT, WIA_PAGES = 3088, 3096
WIA_INTENT = {ColourMode.COLOUR: 1, ColourMode.GREY: 2, ColourMode.BLACK_WHITE: 4}
WIA_FEEDER, WIA_FLATBED, WIA_DUPLEX = 1, 2, 4
WIA_FORMAT_PNG = "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"


def _windows_only(api: str) -> None:
    if sys.platform != "win32":
        raise CounterError("scan.platform", api=api)


def wia_devices() -> tuple[str, ...]:
    """The names of the WIA scanners connected now (Windows only)."""
    _windows_only("WIA")
    import win32com.client  # type: ignore[import-not-found,import-untyped,unused-ignore]  # noqa: PLC0415

    manager = win32com.client.Dispatch("WIA.DeviceManager")
    return tuple(str(info.Properties("Name").Value) for info in manager.DeviceInfos)


class WiaScanner:
    """A WIA 2.0 device through the WIA Automation Library (wiaaut.dll) via pywin32's COM client."""

    def __init__(self, device_id: str) -> None:
        self.device_id = device_id

    def capabilities(self) -> ScannerCapabilities:
        _windows_only("WIA")
        device = self._connect()
        name = str(device.Properties("Name").Value)
        return ScannerCapabilities(name, (150, 200, 300, 600), tuple(ColourMode), tuple(PaperSource), duplex=True)

    def scan(self, settings: ScanSettings) -> Iterator[ScannedPage]:
        _windows_only("WIA")
        device = self._connect()
        handling = WIA_FEEDER | (WIA_DUPLEX if settings.duplex else 0) if settings.source is PaperSource.FEEDER \
            else WIA_FLATBED
        _set(device.Properties, WIA_DOCUMENT_HANDLING_SELECT, handling)
        _set(device.Properties, WIA_PAGES, 0 if settings.source is PaperSource.FEEDER else 1)
        item = device.Items(1)
        for prop, value in ((WIA_HORIZONTAL_RESOLUTION, settings.dpi), (WIA_VERTICAL_RESOLUTION, settings.dpi),
                            (WIA_CURRENT_INTENT, WIA_INTENT[settings.mode])):
            _set(item.Properties, prop, value)
        while True:
            try:
                image = item.Transfer(WIA_FORMAT_PNG)
            except Exception as error:  # WIA_ERROR_PAPER_EMPTY ends a feeder run; anything else is a failure
                if "0x80210003" in str(error) and settings.source is PaperSource.FEEDER:
                    return
                raise CounterError("scan.failed", device=self.device_id, reason=str(error)[:200]) from error
            yield ScannedPage(bytes(image.FileData.BinaryData), "image/png", settings.dpi)
            if settings.source is PaperSource.FLATBED:
                return

    def _connect(self) -> Any:
        import win32com.client  # type: ignore[import-not-found,import-untyped,unused-ignore]  # noqa: PLC0415

        manager = win32com.client.Dispatch("WIA.DeviceManager")
        for info in manager.DeviceInfos:
            if info.DeviceID == self.device_id:
                return info.Connect()
        raise CounterError("scan.failed", device=self.device_id, reason="not connected")


class TwainScanner:
    """A TWAIN data source through the `twain` package (pytwain) and the TWAIN DSM (twaindsm.dll)."""

    def __init__(self, source_name: str) -> None:
        self.source_name = source_name

    def capabilities(self) -> ScannerCapabilities:
        _windows_only("TWAIN")
        return ScannerCapabilities(self.source_name, (150, 200, 300, 600), tuple(ColourMode), tuple(PaperSource),
                                   duplex=True)

    def scan(self, settings: ScanSettings) -> Iterator[ScannedPage]:
        _windows_only("TWAIN")
        import twain  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415 (Windows only)

        manager = twain.SourceManager(0)
        source = manager.open_source(self.source_name.encode())
        try:
            source.set_capability(twain.ICAP_XRESOLUTION, twain.TWTY_FIX32, float(settings.dpi))
            source.set_capability(twain.ICAP_YRESOLUTION, twain.TWTY_FIX32, float(settings.dpi))
            pixel = {ColourMode.COLOUR: twain.TWPT_RGB, ColourMode.GREY: twain.TWPT_GRAY,
                     ColourMode.BLACK_WHITE: twain.TWPT_BW}[settings.mode]
            source.set_capability(twain.ICAP_PIXELTYPE, twain.TWTY_UINT16, pixel)
            feeder = settings.source is PaperSource.FEEDER
            source.set_capability(twain.CAP_FEEDERENABLED, twain.TWTY_BOOL, feeder)
            source.set_capability(twain.CAP_DUPLEXENABLED, twain.TWTY_BOOL, settings.duplex)
            source.request_acquire(0, 0)
            more = True
            while more:
                handle, more = source.xfer_image_natively()
                bitmap = twain.dib_to_bm_file(handle)
                twain.global_handle_free(handle)
                yield ScannedPage(_bmp_to_png(bitmap), "image/png", settings.dpi)
        finally:
            source.destroy()
            manager.destroy()


def _set(properties: Any, property_id: int, value: object) -> None:
    for prop in properties:
        if prop.PropertyID == property_id:
            prop.Value = value
            return


def _bmp_to_png(bitmap: bytes) -> bytes:
    from PIL import Image  # noqa: PLC0415

    output = io.BytesIO()
    Image.open(io.BytesIO(bitmap)).save(output, "PNG")
    return output.getvalue()

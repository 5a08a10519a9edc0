"""Network scanners speaking eSCL (AirScan, Mopria) over HTTP: no driver, any OS."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import urljoin

import httpx

from counter_app.errors import CounterError
from counter_app.ports import ColourMode, PaperSource, ScannedPage, ScannerCapabilities, ScanSettings

NS = {"scan": "http://schemas.hp.com/imaging/escl/2011/05/03", "pwg": "http://www.pwg.org/schemas/2010/12/sm"}
_COLOUR = {ColourMode.COLOUR: "RGB24", ColourMode.GREY: "Grayscale8", ColourMode.BLACK_WHITE: "BlackAndWhite1"}
_SOURCE = {PaperSource.FLATBED: "Platen", PaperSource.FEEDER: "Feeder"}
BUSY_RETRIES = 20


class EsclScanner:
    """`base_url` is the scanner's eSCL root, e.g. http://192.168.1.20/eSCL/ ."""

    def __init__(self, base_url: str, timeout: float = 60, wait: float = 1.0) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.client = httpx.Client(timeout=timeout)
        self.wait = wait

    def capabilities(self) -> ScannerCapabilities:
        root = ET.fromstring(self._request("GET", "ScannerCapabilities").content)
        name = root.findtext("pwg:MakeAndModel", default=self.base_url, namespaces=NS)
        resolutions = sorted({int(x.text or 0) for x in root.iterfind(".//scan:XResolution", NS) if x.text})
        modes = tuple(mode for mode, word in _COLOUR.items() if root.find(f".//scan:ColorMode[.='{word}']", NS)
                      is not None)
        sources = (PaperSource.FLATBED,) + ((PaperSource.FEEDER,) if root.find("scan:Adf", NS) is not None else ())
        duplex = root.find(".//scan:AdfDuplexInputCaps", NS) is not None
        return ScannerCapabilities(name, tuple(resolutions) or (300,), modes or (ColourMode.COLOUR,), sources, duplex)

    def scan(self, settings: ScanSettings) -> Iterator[ScannedPage]:
        created = self._request("POST", "ScanJobs", content=_job(settings),
                                headers={"Content-Type": "text/xml"}, expected=(201,))
        location = urljoin(self.base_url, created.headers.get("Location", ""))
        if not location or location == self.base_url:
            raise CounterError("scan.failed", device=self.base_url, reason="no job Location")
        while True:
            response = self._request("GET", location.rstrip("/") + "/NextDocument", expected=(200, 404))
            if response.status_code == 404:
                return  # no more pages
            yield ScannedPage(response.content, response.headers.get("Content-Type", "image/jpeg"), settings.dpi)
            if settings.source is PaperSource.FLATBED:
                return

    def _request(self, method: str, path: str, expected: tuple[int, ...] = (200,), **kwargs: object) -> httpx.Response:
        url = urljoin(self.base_url, path)
        for _ in range(BUSY_RETRIES):
            try:
                response = self.client.request(method, url, **kwargs)  # type: ignore[arg-type]
            except httpx.HTTPError as error:
                raise CounterError("scan.unreachable", url=url, reason=type(error).__name__) from error
            if response.status_code != 503:
                break
            time.sleep(float(response.headers.get("Retry-After", self.wait)))
        else:
            raise CounterError("scan.busy", device=self.base_url)
        if response.status_code not in expected:
            raise CounterError("scan.failed", device=self.base_url, reason=f"HTTP {response.status_code}")
        return response


def _job(settings: ScanSettings) -> bytes:
    duplex = "<scan:Duplex>true</scan:Duplex>" if settings.duplex else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<scan:ScanSettings xmlns:scan="{NS['scan']}" xmlns:pwg="{NS['pwg']}">
  <pwg:Version>2.6</pwg:Version>
  <scan:Intent>Document</scan:Intent>
  <pwg:InputSource>{_SOURCE[settings.source]}</pwg:InputSource>
  <scan:ColorMode>{_COLOUR[settings.mode]}</scan:ColorMode>
  <scan:XResolution>{settings.dpi}</scan:XResolution>
  <scan:YResolution>{settings.dpi}</scan:YResolution>
  <pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat>
  {duplex}
</scan:ScanSettings>""".encode()

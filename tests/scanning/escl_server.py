"""A small eSCL scanner for the tests: capabilities, scan jobs, pages from a feeder, 503 while busy."""

from __future__ import annotations

import io
import itertools
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from PIL import ImageDraw

from tests.loopback import serving
from tests.scanning.pages import text_page

NS = {"scan": "http://schemas.hp.com/imaging/escl/2011/05/03", "pwg": "http://www.pwg.org/schemas/2010/12/sm"}
CAPABILITIES = f"""<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="{NS['scan']}" xmlns:pwg="{NS['pwg']}">
  <pwg:Version>2.6</pwg:Version><pwg:MakeAndModel>Counter Test eSCL</pwg:MakeAndModel>
  <scan:Platen><scan:PlatenInputCaps><scan:SettingProfiles><scan:SettingProfile>
    <scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
    <scan:SupportedResolutions><scan:DiscreteResolutions>
      <scan:DiscreteResolution><scan:XResolution>200</scan:XResolution><scan:YResolution>200</scan:YResolution></scan:DiscreteResolution>
      <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
    </scan:DiscreteResolutions></scan:SupportedResolutions>
  </scan:SettingProfile></scan:SettingProfiles></scan:PlatenInputCaps></scan:Platen>
  <scan:Adf><scan:AdfSimplexInputCaps/><scan:AdfDuplexInputCaps/></scan:Adf>
</scan:ScannerCapabilities>""".encode()


@dataclass
class ScannerState:
    feeder_pages: int = 3
    busy_answers: int = 1  # how many 503s each NextDocument gets before a page
    page_delay: float = 0.0  # seconds the feeder takes for each sheet
    jobs: dict[str, dict[str, object]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)


def page_image(number: int, dpi: int, colour: bool) -> bytes:
    """A form page as a real scanner sends it: JPEG, with a red seal on colour scans."""
    image = text_page(dpi, seal=colour)
    ImageDraw.Draw(image).text((dpi, dpi // 2), f"Trang {number}", fill="black")
    output = io.BytesIO()
    (image if colour else image.convert("L")).save(output, "JPEG", quality=85, dpi=(dpi, dpi))
    return output.getvalue()


def _handler(state: ScannerState) -> type[BaseHTTPRequestHandler]:
    ids = itertools.count(1)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(f"GET {self.path}")
            if self.path == "/eSCL/ScannerCapabilities":
                self._send(200, CAPABILITIES, "text/xml")
                return
            job_id = self.path.removeprefix("/eSCL/ScanJobs/").removesuffix("/NextDocument")
            job = state.jobs.get(job_id)
            if job is None or not self.path.endswith("/NextDocument"):
                self._send(404, b"", "text/plain")
            elif int(job["busy"]) > 0:  # type: ignore[call-overload]
                job["busy"] = int(job["busy"]) - 1  # type: ignore[call-overload]
                self.send_response(503)
                self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif int(job["left"]) <= 0:  # type: ignore[call-overload]
                self._send(404, b"", "text/plain")
            else:
                time.sleep(state.page_delay)
                job["left"] = int(job["left"]) - 1  # type: ignore[call-overload]
                job["busy"] = state.busy_answers
                number = int(job["total"]) - int(job["left"])  # type: ignore[call-overload]
                self._send(200, page_image(number, int(job["dpi"]), bool(job["colour"])),  # type: ignore[call-overload]
                           "image/jpeg")

        def do_POST(self) -> None:
            state.requests.append(f"POST {self.path}")
            body = ET.fromstring(self.rfile.read(int(self.headers["Content-Length"])))
            source = body.findtext("pwg:InputSource", namespaces=NS)
            pages = state.feeder_pages if source == "Feeder" else 1
            job_id = str(next(ids))
            state.jobs[job_id] = {"left": pages, "total": pages, "busy": state.busy_answers,
                                  "dpi": int(body.findtext("scan:XResolution", "300", NS)),
                                  "colour": body.findtext("scan:ColorMode", namespaces=NS) == "RGB24"}
            self.send_response(201)
            self.send_header("Location", f"/eSCL/ScanJobs/{job_id}")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _send(self, status: int, body: bytes, media_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    return Handler


@contextmanager
def escl_scanner(state: ScannerState | None = None) -> Iterator[tuple[str, ScannerState]]:
    """Yields the scanner's eSCL root URL and its state (pages left, requests seen)."""
    current = state or ScannerState()
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), _handler(current))) as url:
        yield f"{url}/eSCL/", current


@contextmanager
def announced(url: str, model: str = "Counter Test eSCL") -> Iterator[None]:
    """The scanner at `url` announced by mDNS as `_uscan._tcp` on the loopback interface, as a network scanner
    announces itself on the LAN (TXT `ty` its model, `rs` its eSCL root)."""
    import socket  # noqa: PLC0415

    from zeroconf import ServiceInfo, Zeroconf  # noqa: PLC0415

    where = urlsplit(url)
    info = ServiceInfo("_uscan._tcp.local.", f"{model}._uscan._tcp.local.", port=where.port,
                       addresses=[socket.inet_aton(where.hostname or "127.0.0.1")],
                       properties={"ty": model, "rs": where.path.strip("/"), "pdl": "image/jpeg"},
                       server="counter-test-scanner.local.")
    zc = Zeroconf(interfaces=["127.0.0.1"])
    try:
        zc.register_service(info)
        yield
        zc.unregister_service(info)
    finally:
        zc.close()

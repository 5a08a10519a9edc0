"""Scanners this machine can see, by name: the SANE devices `scanimage -L` lists and the eSCL scanners that
announce themselves on the LAN by mDNS (`_uscan._tcp`, `_uscans._tcp`)."""

from __future__ import annotations

import ipaddress
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from zeroconf import InterfaceChoice, ServiceBrowser, ServiceInfo, ServiceListener, Zeroconf

_DEVICE = re.compile(r"^device [`'‘](?P<name>[^'’`]+)['’`] is a (?P<what>.+)$", re.MULTILINE)
ESCL_SERVICES = ("_uscan._tcp.local.", "_uscans._tcp.local.")
SANE_SECONDS = 20.0
ESCL_SECONDS = 4.0
Interfaces = Sequence[str] | InterfaceChoice


@dataclass(frozen=True)
class FoundScanner:
    """`name` is what the clerk reads; `address` what capture takes: a SANE device name or an eSCL URL."""

    name: str
    address: str
    kind: str  # "sane" or "escl"


def sane_devices(timeout: float = SANE_SECONDS) -> tuple[str, ...]:
    """'name (description)' for each SANE device, for the support report."""
    return tuple(f"{found.address} ({found.name})" for found in sane_scanners(timeout))


def sane_scanners(timeout: float = SANE_SECONDS) -> tuple[FoundScanner, ...]:
    """Each SANE device with its description; empty when SANE is missing, finds nothing or hangs."""
    if shutil.which("scanimage") is None:
        return ()
    try:
        listed = subprocess.run(["scanimage", "-L"], capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return tuple(FoundScanner(m["what"].strip(), m["name"], "sane") for m in _DEVICE.finditer(listed.stdout))


def escl_scanner(info: ServiceInfo) -> FoundScanner | None:
    """The scanner an `_uscan`/`_uscans` announcement describes: its model (TXT `ty`, else the service
    name) and its eSCL root URL built from the address, port and TXT `rs`; None without an address."""
    addresses = info.parsed_scoped_addresses()
    if not addresses or not info.port:
        return None
    host = sorted(addresses, key=lambda text: ":" in text)[0]  # IPv4 first
    if isinstance(ipaddress.ip_address(host.split("%")[0]), ipaddress.IPv6Address):
        host = f"[{host}]"
    properties = {key.decode(errors="replace").lower(): (value or b"").decode(errors="replace")
                  for key, value in info.properties.items()}
    scheme = "https" if info.type.startswith("_uscans.") else "http"
    resource = properties.get("rs", "eSCL").strip("/")
    name = properties.get("ty") or info.name.removesuffix("." + info.type)
    return FoundScanner(name, f"{scheme}://{host}:{info.port}/{resource}{'/' if resource else ''}", "escl")


class _Collector(ServiceListener):
    """Resolves each announcement as it comes; plain-HTTP scanners are told at once, HTTPS-only ones at the
    end (most scanners announce both, and the plain one needs no certificate)."""

    def __init__(self, found: Callable[[FoundScanner], None]) -> None:
        self.found, self.told, self.secure = found, set[str](), dict[str, FoundScanner]()
        self.lock = threading.Lock()

    def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        info = zc.get_service_info(type_, name, timeout=2000)
        scanner = escl_scanner(info) if info is not None else None
        if scanner is None:
            return
        with self.lock:
            if scanner.address.startswith("https:"):
                self.secure.setdefault(scanner.name, scanner)
            elif scanner.name not in self.told:
                self.told.add(scanner.name)
                self.found(scanner)

    def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        """A changed TXT record adds nothing the clerk needs while the dialog is open."""

    def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        """A scanner leaving is found out when scanning from it fails."""

    def finish(self) -> None:
        with self.lock:
            for name, scanner in self.secure.items():
                if name not in self.told:
                    self.told.add(name)
                    self.found(scanner)


def escl_scanners(found: Callable[[FoundScanner], None], seconds: float = ESCL_SECONDS,
                  interfaces: Interfaces = InterfaceChoice.All) -> None:
    """Listen for eSCL announcements for `seconds`, telling `found` about each scanner; nothing when the
    network has no multicast."""
    try:
        zc = Zeroconf(interfaces=interfaces)
    except OSError:
        return
    collector = _Collector(found)
    try:
        browser = ServiceBrowser(zc, list(ESCL_SERVICES), collector)
        time.sleep(seconds)
        browser.cancel()
        collector.finish()
    finally:
        zc.close()


def discover(found: Callable[[FoundScanner], None], escl_seconds: float = ESCL_SECONDS,
             interfaces: Interfaces = InterfaceChoice.All, sane_timeout: float = SANE_SECONDS) -> None:
    """SANE and eSCL at the same time; returns when both are done (at most about `sane_timeout`)."""
    def list_sane() -> None:
        for scanner in sane_scanners(sane_timeout):
            found(scanner)

    sane = threading.Thread(target=list_sane, daemon=True)
    sane.start()
    escl_scanners(found, escl_seconds, interfaces)
    sane.join(sane_timeout + 1)

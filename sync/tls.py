"""How a counter reaches its hub safely: HTTPS with the certificate checked (against the system's CAs or a CA
bundle the administrator gave), and plain HTTP only to this machine unless an administrator allowed it."""

from __future__ import annotations

import ipaddress
import ssl
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from counter_app.errors import ValidationError
from counter_app.storage.blobs import write_atomically

if TYPE_CHECKING:
    from counter_app.services.outbox import SyncState

CA_FILE = "hub-ca.pem"  # in the data folder: the CAs this counter trusts for its hub


def hub_verify(data_dir: Path, state: SyncState) -> ssl.SSLContext | bool:
    """How this counter may reach its enrolled hub: refused (ValidationError) when its scheme is not allowed,
    else the certificate check for it (the CA bundle an administrator gave, or the system's CAs)."""
    check_scheme(state.hub_url, state.allow_plain_http)
    return verify_for(data_dir, state.ca_bundle)


def check_scheme(url: str, allow_plain_http: bool) -> None:
    """Refuse `http://` to a host other than this machine, unless an administrator allowed it."""
    parsed = httpx.URL(url)
    if parsed.scheme == "http" and not allow_plain_http and not is_loopback(parsed.host):
        raise ValidationError("sync.plain_http", host=parsed.host)


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def verify_for(data_dir: Path, ca_name: str) -> ssl.SSLContext | bool:
    """The certificate check for the hub: the kept CA bundle when there is one, else the system's CAs."""
    if not ca_name:
        return True
    return _context(data_dir / ca_name)


def keep_ca_bundle(data_dir: Path, source: Path) -> str:
    """Check that `source` holds CA certificates (PEM) and keep a copy in the data folder; its name."""
    _context(source)
    write_atomically(data_dir / CA_FILE, source.read_bytes())
    return CA_FILE


def _context(path: Path) -> ssl.SSLContext:
    try:
        return ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError, ValueError) as error:
        raise ValidationError("sync.ca_bundle", path=str(path), reason=str(error)[:160]) from error


def certificate_problem(error: BaseException) -> str | None:
    """Why the hub's certificate was not trusted, when that is what `error` (a connection error) is."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return str(seen.verify_message or seen)[:160]
        seen = seen.__cause__ or seen.__context__
    return None

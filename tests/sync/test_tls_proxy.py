"""The hub behind a TLS-terminating proxy (Debian's nginx): the counter checks the certificate against the CA
bundle it was given and refuses one it cannot trust; plain HTTP to a hub that is not this machine only when
an administrator allowed it."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import shutil
import signal
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import ifaddr
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from counter_app.errors import ValidationError
from counter_app.services import outbox, queries, rebuild
from counter_app.services.office import initialise
from counter_app.services.queries import DossierFilter
from counter_app.storage.database import Database
from sync.client import enrol, run_round
from sync.hub import auth
from sync.hub.store import HubStore
from sync.replace import continue_rebuild, enrol_replacement
from sync.tls import keep_ca_bundle
from sync.transport import Cancelled, Halted
from tests.conftest import OFFICE, _free_port
from tests.e2e.test_cli import run
from tests.sync.harness import OFFICE_A, Hub, running_hub
from tests.sync.workload import fill

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (Makefile APT_TEST)")


def _certificate(subject: str, key: ec.EllipticCurvePrivateKey, issuer: x509.Certificate | None,
                 issuer_key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    start = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer.subject if issuer else name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(start).not_valid_after(start + dt.timedelta(days=30))
               .add_extension(x509.BasicConstraints(ca=issuer is None, path_length=None), critical=True))
    if issuer is not None:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def make_ca(folder: Path, name: str) -> tuple[Path, x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    root = _certificate(name, key, None, key)
    path = folder / f"{name}.pem"
    path.write_bytes(_pem(root))
    return path, root, key


def _non_loopback_address() -> str | None:
    for adapter in ifaddr.get_adapters():
        for address in adapter.ips:
            if isinstance(address.ip, str) and not ipaddress.ip_address(address.ip).is_loopback:
                return address.ip
    return None


@contextmanager
def nginx(folder: Path, hub: Hub, plain_on: str | None = None) -> Iterator[tuple[int, int]]:
    """nginx terminating TLS on loopback (a certificate for localhost from a test CA) in front of `hub`, and,
    with `plain_on`, plain HTTP on that address; yields the TLS port and the plain one."""
    ca, root, root_key = make_ca(folder, "Counter Test Hub CA")
    key = ec.generate_private_key(ec.SECP256R1())
    (folder / "server.pem").write_bytes(_pem(_certificate("localhost", key, root, root_key)) + ca.read_bytes())
    (folder / "server.key").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                          serialization.PrivateFormat.PKCS8,
                                                          serialization.NoEncryption()))
    port, plain_port = _free_port(), _free_port()
    proxy = (f"location / {{ proxy_pass http://127.0.0.1:{hub.port}; proxy_set_header Host $host; "
             "proxy_set_header X-Forwarded-Proto $scheme; proxy_http_version 1.1; }")
    plain = f"server {{ listen {plain_on}:{plain_port}; {proxy} }}" if plain_on else ""
    (folder / "nginx.conf").write_text(f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1; daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log warn;
events {{ worker_connections 64; }}
http {{
  access_log off; client_max_body_size 20m;
  client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy; fastcgi_temp_path {folder}/fcgi;
  uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;
  server {{ listen 127.0.0.1:{port} ssl; server_name localhost;
    ssl_certificate {folder}/server.pem; ssl_certificate_key {folder}/server.key; {proxy} }}
  {plain}
}}""")
    process = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e",
                                str(folder / "error.log")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(port, process, ca)
        yield port, plain_port
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def _wait_for(port: int, process: subprocess.Popen[bytes], ca: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode() if process.stderr else "nginx died")
        try:
            trust = ssl.create_default_context(cafile=str(ca))
            if httpx.get(f"https://localhost:{port}/v1/health", verify=trust, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("nginx did not answer within 30 s")


def _code(hub: Hub) -> str:
    store = HubStore(hub.folder)
    try:
        return auth.issue_enrolment(store, OFFICE_A)
    finally:
        store.dispose()


@pytest.fixture
def counter(tmp_path: Path) -> Iterator[Database]:
    fill(tmp_path / "counter", dossiers=1, scans=0)
    database = Database.open(tmp_path / "counter")
    yield database
    database.dispose()


def test_the_counter_syncs_through_tls_and_refuses_a_certificate_it_cannot_trust(tmp_path: Path,
                                                                                counter: Database) -> None:
    with running_hub(tmp_path / "hub") as hub, nginx(tmp_path, hub) as (port, _):
        url = f"https://localhost:{port}"
        wrong_ca = make_ca(tmp_path, "Somebody Else CA")[0]
        refused = run(counter.data_dir, "sync", "enroll", "--hub", url, "--code", _code(hub), "--patience", "5",
                      "--ca-bundle", str(wrong_ca), check=False)
        assert refused.returncode == 2, refused.stderr
        assert "Chứng chỉ bảo mật của máy chủ tỉnh localhost không đáng tin cậy" in refused.stderr
        assert "certificate" in refused.stderr  # the reason OpenSSL gave
        with pytest.raises(Halted) as untrusted:  # the system's CAs do not know the province's CA either
            enrol(counter, url, _code(hub), patience=5)
        assert untrusted.value.key == "sync.bad_certificate"
        enrol(counter, url, _code(hub), ca_bundle=tmp_path / "Counter Test Hub CA.pem")
        assert run_round(counter, patience=30).complete
        outbox.update_state(counter, ca_bundle=keep_ca_bundle(counter.data_dir, wrong_ca))
        with pytest.raises(Halted) as broken:
            run_round(counter, patience=5)
        assert broken.value.key == "sync.bad_certificate"
        assert "không đáng tin cậy" in outbox.state(counter).halted  # shown on the sync screen


def test_plain_http_to_another_machine_only_when_an_administrator_allows_it(tmp_path: Path,
                                                                            counter: Database) -> None:
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no address other than loopback")
    with running_hub(tmp_path / "hub") as hub, nginx(tmp_path, hub, plain_on=address) as (_, plain_port):
        url = f"http://{address}:{plain_port}"
        code = _code(hub)
        refused = run(counter.data_dir, "sync", "enroll", "--hub", url, "--code", code, check=False)
        assert refused.returncode == 2
        assert f"Quầy không gửi dữ liệu qua HTTP không mã hóa tới máy chủ {address}" in refused.stderr
        enrol(counter, url, code, allow_plain_http=True)  # the code was not spent by the refusal
        assert run_round(counter, patience=30).complete
        outbox.update_state(counter, allow_plain_http=False)
        with pytest.raises(Halted) as stopped:
            run_round(counter, patience=5)
        assert stopped.value.key == "sync.plain_http"


def _synced_and_dead(folder: Path, hub: Hub) -> str:
    """A counter of three dossiers, two with a scan, synced to `hub`; its device id (its disk then dies)."""
    fill(folder, dossiers=3, scans=2, pages=1, page_kb=4)
    database = Database.open(folder)
    try:
        enrol(database, hub.url, _code(hub))
        assert run_round(database, patience=30).complete
        return str(database.device_id)
    finally:
        database.dispose()


def _held(database: Database) -> tuple[int, int]:
    """The dossiers held, and the scans still to fetch."""
    return len(queries.list_page(database, DossierFilter(), None, 100)), len(rebuild.missing_blobs(database))


def test_a_replacement_rebuilds_over_plain_http_to_another_machine_only_while_allowed(tmp_path: Path) -> None:
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no address other than loopback")
    with running_hub(tmp_path / "hub") as hub, nginx(tmp_path, hub, plain_on=address) as (_, plain_port):
        dead = _synced_and_dead(tmp_path / "dead", hub)
        new, stop = Database.open(tmp_path / "new"), threading.Event()
        try:
            initialise(new, OFFICE)
            with pytest.raises(Cancelled):  # the app closed after the dossiers and one scan of two
                enrol_replacement(new, f"http://{address}:{plain_port}", hub.cli("enroll", "--replace", dead[:8])
                                  .stdout.strip(), dead, allow_plain_http=True, stop=stop,
                                  progress=lambda phase, _done, _total: phase == "scans" and stop.set())
            outbox.update_state(new, allow_plain_http=False)  # an administrator withdrew the permission
            before = outbox.state(new)
            with pytest.raises(ValidationError) as refused:
                continue_rebuild(new, patience=5)
            assert refused.value.message("vi").startswith(
                f"Quầy không gửi dữ liệu qua HTTP không mã hóa tới máy chủ {address}")
            assert outbox.state(new) == before and before.rebuilding and _held(new) == (3, 1)
            outbox.update_state(new, allow_plain_http=True)
            report = continue_rebuild(new, patience=30)
            assert (report.scans, outbox.state(new).rebuilding, _held(new)) == (1, False, (3, 0))
        finally:
            new.dispose()

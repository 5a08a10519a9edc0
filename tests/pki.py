"""A test PKI made for the tests: a root CA publishing its CRL on loopback, a signer, a time-stamp authority on
loopback, a SoftHSM2 token."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from asn1crypto import keys, tsp, x509
from cryptography import x509 as cx509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps import DummyTimeStamper

from tests.loopback import serving

SIGNER_NAME = "Nguyễn Văn An - UBND xã Tân Hòa"
P12_PASSPHRASE = "mật-khẩu-p12"
TOKEN_LABEL, TOKEN_PIN, SO_PIN = "VNCA-TEST", "123456", "87654321"
SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")


@dataclass(frozen=True)
class Pki:
    folder: Path
    root: x509.Certificate
    p12: Path
    signer_key_der: Path
    signer_cert_der: Path
    tsa_cert: x509.Certificate
    tsa_key: keys.PrivateKeyInfo


def _name(common: str) -> cx509.Name:
    return cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, common),
                       cx509.NameAttribute(NameOID.COUNTRY_NAME, "VN")])


def _certificate(subject: str, key: rsa.RSAPrivateKey, issuer: cx509.Name, issuer_key: rsa.RSAPrivateKey,
                 ca: bool, usage: list[cx509.ObjectIdentifier] | None = None,
                 crl_url: str | None = None) -> cx509.Certificate:
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    builder = (cx509.CertificateBuilder().subject_name(_name(subject)).issuer_name(issuer)
               .public_key(key.public_key()).serial_number(cx509.random_serial_number())
               .not_valid_before(start).not_valid_after(start + dt.timedelta(days=3650))
               .add_extension(cx509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(cx509.KeyUsage(digital_signature=True, content_commitment=not ca, key_encipherment=False,
                                             data_encipherment=False, key_agreement=False, key_cert_sign=ca,
                                             crl_sign=ca, encipher_only=False, decipher_only=False), critical=True))
    if usage:
        builder = builder.add_extension(cx509.ExtendedKeyUsage(usage), critical=True)
    if crl_url:
        point = cx509.DistributionPoint([cx509.UniformResourceIdentifier(crl_url)], None, None, None)
        builder = builder.add_extension(cx509.CRLDistributionPoints([point]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _empty_crl(issuer: cx509.Certificate, issuer_key: rsa.RSAPrivateKey) -> bytes:
    start = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    crl = (cx509.CertificateRevocationListBuilder().issuer_name(issuer.subject).last_update(start)
           .next_update(start + dt.timedelta(days=30)).sign(issuer_key, hashes.SHA256()))
    return crl.public_bytes(serialization.Encoding.DER)


def make_pki(folder: Path, repository_url: str | None = None) -> Pki:
    """The PKI's files in `folder`; with `repository_url` (where `folder` is served), the end certificates name
    the root's CRL there, so validation data can be fetched for long-term signatures."""
    folder.mkdir(parents=True, exist_ok=True)
    crl_url = f"{repository_url}root.crl" if repository_url else None
    root_key, signer_key, tsa_key = (rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(3))
    root = _certificate("Counter Test Root CA", root_key, _name("Counter Test Root CA"), root_key, ca=True)
    signer = _certificate(SIGNER_NAME, signer_key, root.subject, root_key, ca=False, crl_url=crl_url)
    tsa = _certificate("Counter Test TSA", tsa_key, root.subject, root_key, ca=False,
                       usage=[ExtendedKeyUsageOID.TIME_STAMPING], crl_url=crl_url)
    (folder / "root.crl").write_bytes(_empty_crl(root, root_key))
    p12 = folder / "signer.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"signer", signer_key, signer, [root],
        serialization.BestAvailableEncryption(P12_PASSPHRASE.encode())))
    key_der, cert_der = folder / "signer.key.der", folder / "signer.cert.der"
    key_der.write_bytes(signer_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
    cert_der.write_bytes(signer.public_bytes(serialization.Encoding.DER))
    (folder / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    return Pki(
        folder=folder, root=x509.Certificate.load(root.public_bytes(serialization.Encoding.DER)), p12=p12,
        signer_key_der=key_der, signer_cert_der=cert_der,
        tsa_cert=x509.Certificate.load(tsa.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(tsa_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
    )


@contextmanager
def file_server(folder: Path) -> Iterator[str]:
    """`folder` served over HTTP on loopback (the CA's repository); yields its URL, ending in '/'."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            return

    with serving(ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))) as url:
        yield f"{url}/"


@contextmanager
def time_stamp_authority(pki: Pki) -> Iterator[str]:
    """An RFC 3161 TSA over HTTP on loopback; yields its URL."""
    stamper = DummyTimeStamper(tsa_cert=pki.tsa_cert, tsa_key=pki.tsa_key)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    with serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as url:
        yield f"{url}/"


def softhsm_token(pki: Pki) -> dict[str, str]:
    """A SoftHSM2 token holding the signer's key and certificate; the environment that points at it."""
    home = Path(tempfile.mkdtemp(prefix="softhsm-", dir=pki.folder))  # a fresh token store for every caller
    tokens = home / "tokens"
    tokens.mkdir()
    conf = home / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}

    def run(*command: str) -> None:
        subprocess.run(command, check=True, capture_output=True, env=env)

    run("softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL, "--so-pin", SO_PIN, "--pin", TOKEN_PIN)
    for path, kind in ((pki.signer_key_der, "privkey"), (pki.signer_cert_der, "cert")):
        run("pkcs11-tool", "--module", str(SOFTHSM_MODULE), "--token-label", TOKEN_LABEL, "--login", "--pin",
            TOKEN_PIN, "--write-object", str(path), "--type", kind, "--id", "01", "--label", "signer")
    return {"SOFTHSM2_CONF": str(conf)}

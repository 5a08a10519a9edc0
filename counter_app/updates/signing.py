"""Release signatures: a package's manifest (product, version, size, SHA-256) signed with the offline release
key (Ed25519); the app trusts only the public keys built into it (release_keys.py), never the hub's."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from counter_app.errors import ValidationError
from counter_app.updates.layout import is_version, this_platform
from counter_app.updates.release_keys import RELEASE_KEYS

FORMAT = "counter-release/1"
PRODUCT = "counter"
MAX_SIGNATURE_BYTES = 4096


@dataclass(frozen=True)
class Manifest:
    """What the release manager vouches for: this product, this version, these exact bytes."""

    product: str
    version: str
    sha256: str
    size: int
    platform: str  # what it runs on (layout.this_platform): a Windows package never goes to Linux

    def canonical(self) -> bytes:
        """The bytes signed: the format name, then the manifest as sorted compact JSON."""
        body = json.dumps(asdict(self), sort_keys=True, separators=(",", ":"))
        return f"{FORMAT}\n{body}".encode()


def check_version(text: str) -> str:
    """`text` if it is a version as releases are named (see layout.is_version), else a message."""
    if not is_version(text or ""):
        raise ValidationError("update.bad_version", version=text[:40])
    return text


def file_digest(path: Path) -> tuple[str, int]:
    """The file's SHA-256 (hex) and size, read in blocks."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def sign(package: Path, version: str, key: Ed25519PrivateKey, platform: str | None = None) -> bytes:
    """The detached signature file of `package` as release `version` for `platform` (default: this
    machine's, where it was built), as JSON of a few hundred bytes."""
    sha256, size = file_digest(package)
    manifest = Manifest(PRODUCT, check_version(version), sha256, size, _platform(platform or this_platform()))
    signature = key.sign(manifest.canonical())
    document = {"format": FORMAT, "manifest": asdict(manifest), "key": public_text(key.public_key()),
                "signature": base64.b64encode(signature).decode()}
    return json.dumps(document, indent=1).encode()


def read_signed(data: bytes | str) -> tuple[Manifest, str, bytes]:
    """(manifest, signer's public key as base64, signature) from a signature file; its shape only is checked."""
    raw = data.encode() if isinstance(data, str) else data
    try:
        if len(raw) > MAX_SIGNATURE_BYTES:
            raise ValueError("too large")
        document = json.loads(raw)
        if document["format"] != FORMAT:
            raise ValueError(document["format"])
        fields: dict[str, Any] = document["manifest"]
        manifest = Manifest(str(fields["product"]), check_version(str(fields["version"])),
                            str(fields["sha256"]), int(fields["size"]), _platform(str(fields["platform"])))
        if not re.fullmatch(r"[0-9a-f]{64}", manifest.sha256) or manifest.size <= 0:
            raise ValueError("sha256 or size")
        return manifest, str(document["key"]), base64.b64decode(document["signature"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        raise ValidationError("update.bad_signature_file", detail=str(error)[:120]) from error


def verify(data: bytes | str, trusted: tuple[Ed25519PublicKey, ...]) -> Manifest:
    """The manifest, if a trusted release key signed it for this product; else ValidationError."""
    manifest, signer, signature = read_signed(data)
    known = {public_text(key): key for key in trusted}
    key = known.get(signer)
    if key is None:
        raise ValidationError("update.untrusted_key", version=manifest.version, signer=signer[:12])
    try:
        key.verify(signature, manifest.canonical())
    except InvalidSignature as error:
        raise ValidationError("update.bad_signature", version=manifest.version) from error
    if manifest.product != PRODUCT:
        raise ValidationError("update.bad_signature_file", detail=f"product {manifest.product[:20]}")
    return manifest


def _platform(text: str) -> str:
    if not re.fullmatch(r"[a-z0-9_]{2,20}-[a-z0-9_]{2,20}", text):
        raise ValidationError("update.bad_signature_file", detail=f"platform {text[:40]!r}")
    return text


def built_in_keys() -> tuple[Ed25519PublicKey, ...]:
    """The release public keys built into the app (release_keys.py): the only keys production trusts."""
    return tuple(public_key(text) for text in RELEASE_KEYS)


def public_key(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))


def public_text(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def new_key_pair() -> tuple[bytes, str]:
    """A fresh release key: its private half as PEM (to keep offline) and its public half as base64."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    return pem, public_text(key.public_key())


def load_private(path: Path) -> Ed25519PrivateKey:
    """The release manager's private key file (PEM, as `release keygen` wrote it)."""
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as error:
        raise ValidationError("update.bad_private_key", name=path.name) from error
    if not isinstance(key, Ed25519PrivateKey):
        raise ValidationError("update.bad_private_key", name=path.name)
    return key

"""The device's own Ed25519 key, kept in its data folder, and the short-lived tokens it signs for the hub."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol import TOKEN_AUDIENCE, TOKEN_LIFETIME_S

KEY_FILE = "sync-device-key.pem"


def device_key(data_dir: Path) -> Ed25519PrivateKey:
    """The key in `data_dir`, made (readable by the owner only) on first use."""
    path = data_dir / KEY_FILE
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} is not an Ed25519 key")
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    return key if write_private(path, pem) else device_key(data_dir)


def write_private(path: Path, data: bytes) -> bool:
    """Create `path` readable by the owner only, whole or not at all; False when another process made it
    first (then its key is the one to use)."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    try:
        os.link(temporary, path)
    except FileExistsError:
        return False
    finally:
        temporary.unlink()
    return True


def public_pem(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def token(key: Ed25519PrivateKey, device_id: uuid.UUID, clock_offset: float = 0.0) -> str:
    """A bearer token valid for a few minutes, dated by the hub's clock (the PC's may be wrong)."""
    issued = int(time.time() + clock_offset)
    claims = {"sub": str(device_id), "aud": TOKEN_AUDIENCE, "iat": issued, "exp": issued + TOKEN_LIFETIME_S,
              "jti": uuid.uuid4().hex}
    return jwt.encode(claims, key, algorithm="EdDSA", headers={"kid": str(device_id)})

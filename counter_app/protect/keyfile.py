"""The data folder's `protect.json`: whether the folder is encrypted, and its data key wrapped by the office password.

The data key is never stored in clear: `protect.json` holds it sealed (XChaCha20-Poly1305) under a key derived
from the office password with argon2id (salt and cost stored beside it), plus the data key's id, so that a
recovery code or a keyring entry can be checked against this folder. Changing the password re-wraps the key;
the data stays as it is.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from nacl import bindings as sodium
from nacl.exceptions import CryptoError
from nacl.pwhash import argon2id
from nacl.utils import random

from counter_app.errors import AuthError, StorageError, ValidationError
from counter_app.protect.stream import key_id
from counter_app.storage.blobs import write_atomically

KEY_FILE: Final = "protect.json"
ENCRYPTED: Final = "encrypted"
PLAIN_DEVELOPMENT: Final = "plain-development"  # chosen explicitly, for development only
MIN_PASSWORD: Final = 8
_FORMAT: Final = 1
_AAD: Final = b"counter data key v1"


@dataclass(frozen=True)
class Kdf:
    """argon2id's cost: `ops` passes over `mem` bytes."""

    ops: int
    mem: int


# libsodium's MODERATE: 256 MiB, about 0.8 s on this project's 2-core machine; once per start, never per action.
PRODUCTION_KDF: Final = Kdf(argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE)
# For tests that are not about the KDF: the smallest cost libsodium accepts. Never used by the app itself.
CHEAP_TEST_KDF: Final = Kdf(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)


@dataclass(frozen=True)
class KeyFile:
    """What `protect.json` says: the mode and, when encrypted, the wrapped key."""

    mode: str
    key_id: str = ""
    kdf: Kdf = PRODUCTION_KDF
    salt: bytes = b""
    nonce: bytes = b""
    wrapped: bytes = b""

    @property
    def encrypted(self) -> bool:
        return self.mode == ENCRYPTED


def load(data_dir: Path) -> KeyFile | None:
    """The folder's key file, or None when it has none (a new folder, or one made before encryption)."""
    path = data_dir / KEY_FILE
    try:
        about: dict[str, Any] = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise StorageError("protect.key_file_damaged", path=str(path)) from error
    try:
        if about["mode"] != ENCRYPTED:
            return KeyFile(mode=str(about["mode"]))
        wrap = about["password"]
        return KeyFile(ENCRYPTED, str(about["key_id"]), Kdf(int(wrap["ops"]), int(wrap["mem"])),
                       _b64(wrap["salt"]), _b64(wrap["nonce"]), _b64(wrap["wrapped"]))
    except (KeyError, TypeError, ValueError) as error:
        raise StorageError("protect.key_file_damaged", path=str(path)) from error


def save(data_dir: Path, keyfile: KeyFile) -> None:
    """Write the key file in one step (temp file, fsync, rename)."""
    about: dict[str, Any] = {"format": _FORMAT, "mode": keyfile.mode}
    if keyfile.encrypted:
        about["key_id"] = keyfile.key_id
        about["password"] = {"kdf": "argon2id13", "ops": keyfile.kdf.ops, "mem": keyfile.kdf.mem,
                             "salt": _text(keyfile.salt), "nonce": _text(keyfile.nonce),
                             "wrapped": _text(keyfile.wrapped)}
    write_atomically(data_dir / KEY_FILE, json.dumps(about, indent=2).encode())


def kdf_for_new_wraps() -> Kdf:
    """The cost of a new wrapping: production's (tests that are not about the KDF replace this function)."""
    return PRODUCTION_KDF


def wrap(key: bytes, password: str, kdf: Kdf | None = None) -> KeyFile:
    """A key file that holds `key` wrapped by `password`."""
    check_password(password)
    kdf = kdf or kdf_for_new_wraps()
    salt, nonce = random(argon2id.SALTBYTES), random(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    wrapped = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(key, _AAD, nonce, _derive(password, salt, kdf))
    return KeyFile(ENCRYPTED, key_id(key).hex(), kdf, salt, nonce, wrapped)


def unwrap(keyfile: KeyFile, password: str) -> bytes:
    """The data key, if `password` is the office password; AuthError otherwise."""
    try:
        key: bytes = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
            keyfile.wrapped, _AAD, keyfile.nonce, _derive(password, keyfile.salt, keyfile.kdf))
    except CryptoError:
        raise AuthError("protect.wrong_password") from None
    return key


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError("protect.password_short", min=MIN_PASSWORD)


def matches(keyfile: KeyFile, key: bytes) -> bool:
    """Whether `key` is the data key this folder was encrypted with."""
    return keyfile.key_id == key_id(key).hex()


def protection_key(data_dir: Path, key: bytes | None) -> bytes | None:
    """The key to open `data_dir` with: `key`, checked against the folder's key file; refused when the folder is
    encrypted and no key (or another one) is given."""
    keyfile = load(data_dir)
    if keyfile is None or not keyfile.encrypted:
        if key is not None and keyfile is not None:
            raise StorageError("protect.not_encrypted", path=str(data_dir))
        return key
    if key is None:
        raise AuthError("protect.locked", path=str(data_dir))
    if not matches(keyfile, key):
        raise AuthError("protect.wrong_key", path=str(data_dir))
    return key


def _derive(password: str, salt: bytes, kdf: Kdf) -> bytes:
    size = sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES
    derived: bytes = argon2id.kdf(size, password.encode("utf-8"), salt, opslimit=kdf.ops, memlimit=kdf.mem)
    return derived


def _text(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)

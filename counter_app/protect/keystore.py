"""The data key in the operating system's keyring (Windows Credential Manager, Secret Service on Linux, macOS
Keychain) through `keyring`, so the app opens without the office password; quietly absent where there is none."""

from __future__ import annotations

import base64
import binascii
import logging
from typing import Final

_log = logging.getLogger(__name__)
SERVICE: Final = "Counter"


def _entry(key_id: str) -> str:
    return f"data-key {key_id}"


def remember(key_id: str, key: bytes) -> bool:
    """Store the key; False when the system offers no keyring (or refused)."""
    try:
        import keyring  # noqa: PLC0415 (its back-ends probe D-Bus: only when needed)

        keyring.set_password(SERVICE, _entry(key_id), base64.b64encode(key).decode("ascii"))
    except Exception as error:
        _log.info("keyring unavailable for storing (%s)", type(error).__name__)
        return False
    return recall(key_id) == key


def recall(key_id: str) -> bytes | None:
    """The key stored for `key_id`, or None (none stored, no keyring, or the keyring is locked)."""
    try:
        import keyring  # noqa: PLC0415

        stored = keyring.get_password(SERVICE, _entry(key_id))
    except Exception as error:
        _log.info("keyring unavailable for reading (%s)", type(error).__name__)
        return None
    if not stored:
        return None
    try:
        return base64.b64decode(stored, validate=True)
    except (binascii.Error, ValueError):
        return None


def forget(key_id: str) -> None:
    """Remove the stored key (after a password change on a shared PC, or to require the password)."""
    try:
        import keyring  # noqa: PLC0415

        keyring.delete_password(SERVICE, _entry(key_id))
    except Exception as error:
        _log.info("keyring entry not removed (%s)", type(error).__name__)

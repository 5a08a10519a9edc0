"""The recovery code: the data key itself in 11 groups of 5 Crockford base32 characters, the last ones a checksum,
typed back (any case, 0/O and 1/I/L alike, spaces or dashes anywhere) when the password and the keyring are lost."""

from __future__ import annotations

import hashlib
from typing import Final

from counter_app.errors import ValidationError
from counter_app.protect.stream import KEY_BYTES

_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_LOOKALIKE: Final = str.maketrans({"O": "0", "I": "1", "L": "1"})
_CHECK_BYTES: Final = 2
_GROUP: Final = 5
QR_PREFIX: Final = "COUNTER-RECOVERY:"


def _checksum(key: bytes) -> bytes:
    return hashlib.blake2b(key, digest_size=_CHECK_BYTES, person=b"counter-recovery").digest()


def encode(key: bytes) -> str:
    """The code for `key`: 'XXXXX-XXXXX-…' (55 characters in 11 groups)."""
    number = int.from_bytes(key + _checksum(key), "big")
    bits = (len(key) + _CHECK_BYTES) * 8
    length = -(-bits // 5)
    number <<= length * 5 - bits
    chars = [_ALPHABET[(number >> (5 * (length - 1 - i))) & 31] for i in range(length)]
    text = "".join(chars)
    return "-".join(text[i: i + _GROUP] for i in range(0, len(text), _GROUP))


def decode(code: str) -> bytes:
    """The key in `code`; ValidationError when it is mistyped (wrong length or checksum)."""
    text = "".join(ch for ch in code.upper().removeprefix(QR_PREFIX) if ch.isalnum()).translate(_LOOKALIKE)
    bits = (KEY_BYTES + _CHECK_BYTES) * 8
    length = -(-bits // 5)
    if len(text) != length or any(ch not in _ALPHABET for ch in text):
        raise ValidationError("protect.recovery_format", groups=length // _GROUP)
    number = 0
    for ch in text:
        number = number << 5 | _ALPHABET.index(ch)
    raw = (number >> (length * 5 - bits)).to_bytes(KEY_BYTES + _CHECK_BYTES, "big")
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if _checksum(key) != check:
        raise ValidationError("protect.recovery_checksum")
    return key


def qr_payload(key: bytes) -> str:
    """What the sheet's QR code holds: the same code, with a prefix that says what it is."""
    return QR_PREFIX + encode(key)

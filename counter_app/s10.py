"""UPU S10 postal item identifiers (VNPost tracking numbers, DOMAIN.md §9)."""

from __future__ import annotations

import re

from counter_app.errors import ValidationError

_S10 = re.compile(r"[A-Z]{2}\d{9}[A-Z]{2}")
_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def check_digit(serial: str) -> int:
    """The S10 check digit of an 8-digit serial number."""
    remainder = sum(int(d) * w for d, w in zip(serial, _WEIGHTS, strict=True)) % 11
    digit = 11 - remainder
    return {10: 0, 11: 5}.get(digit, digit)


def looks_like_s10(value: str) -> bool:
    """Whether the value has the S10 shape (two letters, nine digits, two letters)."""
    return bool(_S10.fullmatch(value.strip().upper()))


def validate_s10(value: str) -> str:
    """The normalised S10 number, or a ValidationError on a wrong shape or check digit."""
    item = value.strip().upper().replace(" ", "")
    if not _S10.fullmatch(item):
        raise ValidationError("s10.format", value=value)
    expected = check_digit(item[2:10])
    if int(item[10]) != expected:
        raise ValidationError("s10.check", value=value, expected=expected)
    return item


def validate_postal_item(value: str) -> str:
    """A tracking number: checked as S10 when it has that shape, else any non-empty code (domestic)."""
    item = value.strip().upper().replace(" ", "")
    if not item:
        raise ValidationError("postal.item_empty")
    return validate_s10(item) if looks_like_s10(item) else item

"""CCCD (citizen ID card) numbers and the card's QR payload (DOMAIN.md §6)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from counter_app import limits
from counter_app.errors import ValidationError
from counter_app.textfold import fold, nfc

# Birth-registration province codes of the pre-2025 list of 63 provinces (001 Hà Nội … 096 Cà Mau).
PROVINCE_CODES = frozenset({
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38,
    40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80,
    82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
})
_CENTURY_BY_DIGIT = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100}
_TWELVE_DIGITS = re.compile(r"[0-9]{12}")
_OLD_ID = re.compile(r"[0-9]{9}|[0-9]{12}")
SEXES = limits.SEXES


@dataclass(frozen=True)
class CccdCard:
    """What the ID card's QR code says about its holder."""

    id_number: str
    old_id_number: str | None
    full_name: str
    date_of_birth: dt.date
    sex: str
    address: str
    issued_on: dt.date | None


def validate_id_number(value: str, birth_year: int | None = None) -> str:
    """The 12-digit number, stripped, or a ValidationError saying what is wrong with it."""
    number = limits.digits(value)
    if not number:
        raise ValidationError("cccd.empty")
    if not _TWELVE_DIGITS.fullmatch(number):
        raise ValidationError("cccd.format", value=number[:limits.PERSON_NAME.max_length])
    if int(number[:3]) not in PROVINCE_CODES:
        raise ValidationError("cccd.province", code=number[:3])
    century = _CENTURY_BY_DIGIT.get(int(number[3]))
    if century is None:
        raise ValidationError("cccd.century", digit=number[3])
    if birth_year is not None and century + int(number[4:6]) != birth_year:
        raise ValidationError("cccd.birth_mismatch", year=birth_year)
    return number


def sex_from_id_number(number: str) -> str:
    """'Nam' or 'Nữ', from the century/sex digit (even = male)."""
    return SEXES[int(number[3]) % 2]


def parse_qr(payload: str) -> CccdCard:
    """Parse `id|old id|name|ddmmyyyy|sex|address|issue date`; 6 fields (no old id) and extras allowed."""
    text = nfc(payload).strip().strip("\r\n")
    if not text:
        raise ValidationError("qr.empty")
    if "|" not in text:
        raise ValidationError("qr.not_cccd")
    fields = [field.strip() for field in text.split("|")]
    if len(fields) < 6:
        raise ValidationError("qr.field_count", count=len(fields))
    if len(fields) == 6:
        fields.insert(1, "")
    id_raw, old_id, name, birth, sex, address, issued = fields[:7]
    date_of_birth = _parse_date(birth)
    if not name:
        raise ValidationError("qr.name")
    return CccdCard(
        id_number=validate_id_number(id_raw, date_of_birth.year),
        old_id_number=_parse_old_id(old_id),
        full_name=" ".join(name.split()),
        date_of_birth=date_of_birth,
        sex=_parse_sex(sex),
        address=" ".join(address.split()),
        issued_on=_parse_date(issued) if issued else None,
    )


def _parse_old_id(value: str) -> str | None:
    if not value:
        return None
    if not _OLD_ID.fullmatch(value):
        raise ValidationError("qr.not_cccd")
    return value


def _parse_sex(value: str) -> str:
    folded = fold(value)
    for sex in SEXES:
        if folded == fold(sex):
            return sex
    raise ValidationError("qr.sex", value=value)


def _parse_date(value: str) -> dt.date:
    if not re.fullmatch(r"\d{8}", value):
        raise ValidationError("qr.date", value=value)
    try:
        return dt.date(int(value[4:]), int(value[2:4]), int(value[:2]))
    except ValueError:
        raise ValidationError("qr.date", value=value) from None

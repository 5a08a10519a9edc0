"""Input limits shared by every entry point (CLI, screens, importer, hub): lengths, ranges, allowed values,
NFC for text and NFKC with ASCII digits for numbers and codes. A value that passes fits every column."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from counter_app.errors import ValidationError
from counter_app.messages import Bilingual

_SEPARATORS: Final = re.compile(r"[ \t\r\n\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_REFUSED_CATEGORIES: Final = frozenset({"Cc", "Cs", "Co", "Cn"})  # controls, bad UTF-8, private use, unassigned
_INVISIBLE: Final = frozenset({"Cf"})  # zero-width spaces, BOM, direction marks: dropped, never stored


@dataclass(frozen=True)
class Text:
    """A free-text field: at most `max_length` characters (PostgreSQL counts characters too)."""

    label: Bilingual
    max_length: int
    multiline: bool = False


def _field(vi: str, en: str, max_length: int, multiline: bool = False) -> Text:
    return Text(Bilingual(vi, en), max_length, multiline)


# Lengths never exceed the columns in counter_app/storage/orm.py (a test compares them).
PERSON_NAME: Final = _field("Họ tên", "Full name", 100)
ADDRESS: Final = _field("Địa chỉ", "Address", 300)
EMAIL: Final = _field("Thư điện tử", "Email", 200)
PHONE: Final = _field("Số điện thoại", "Phone", 20)
RELATION: Final = _field("Quan hệ", "Relation", 100)
REASON: Final = _field("Lý do", "Reason", 2000, multiline=True)
NOTE: Final = _field("Ghi chú", "Note", 2000, multiline=True)
RECIPIENT_OFFICE: Final = _field("Nơi nhận xử lý", "Processing office", 300)
AUTHORISATION: Final = _field("Văn bản ủy quyền", "Authorisation", 200)
POSTAL_ITEM: Final = _field("Số hiệu bưu gửi", "Postal item number", 40)
DOSSIER_REF: Final = _field("Mã hồ sơ", "Dossier code", 60)
PROCEDURE_CODE: Final = _field("Mã thủ tục", "Procedure code", 60)
PROCEDURE_NAME: Final = _field("Tên thủ tục", "Procedure name", 2000)  # published names run long
PROCEDURE_FIELD: Final = _field("Lĩnh vực", "Field", 200)
DOCUMENT_NAME: Final = _field("Tên giấy tờ", "Document name", 4000)  # national records reach ~2,000
TEMPLATE: Final = _field("Mẫu đơn", "Template", 200)
OFFICE_NAME: Final = _field("Tên cơ quan", "Office name", 300)
PARENT_BODY: Final = _field("Cơ quan chủ quản", "Parent body", 300)  # first header line of every form
ISSUING_OFFICE: Final = _field("Cơ quan tiếp nhận", "Receiving office", 300)  # second header line
OFFICE_PHONE: Final = _field("Điện thoại cơ quan", "Office phone", 60)  # printed on form 02, as typed
PROVINCE: Final = _field("Tỉnh", "Province", 200)
PLACE_NAME: Final = _field("Địa danh", "Place name", 200)
USERNAME: Final = _field("Tên đăng nhập", "Username", 100)
ACTOR: Final = _field("Người thực hiện", "Actor", 100)
SEARCH: Final = _field("Nội dung tìm", "Search text", 200)
HUB_URL: Final = _field("Địa chỉ máy chủ tỉnh", "Hub address", 500)
FEE_NOTE: Final = _field("Ghi chú lệ phí", "Fee note", 1000, multiline=True)

COPIES: Final = (1, 99)  # copies of one document handed in, or of a result asked for
PAGES: Final = (1, 5000)
DOCUMENTS: Final = (0, 200)  # documents in one dossier
CASES: Final = (1, 200)  # cases (trường hợp) of one procedure
PROCESSING_DAYS: Final = (0, 365)
FEE: Final = (0, 100_000_000)  # đồng
EARLIEST_BIRTH: Final = dt.date(1900, 1, 1)
EARLIEST_DAY: Final = dt.date(2000, 1, 1)  # received, due, register days
LATEST_DAY: Final = dt.date(2099, 12, 31)
MAX_EXTENSION: Final = dt.timedelta(days=366)  # a new due date at most a year after the current one
MAX_REGISTER_DAYS: Final = 366
SEXES: Final = ("Nam", "Nữ")  # the card's values
_EMAIL: Final = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]+")
_PHONE: Final = re.compile(r"\+?[0-9]{3,15}")


def text(value: str, limit: Text, required: bool = False) -> str:
    """`value` in NFC, runs of blanks made one space (newlines kept in multi-line fields), invisible format
    characters dropped; refused when it holds control or undecodable characters or is longer than allowed."""
    clean = _printable(unicodedata.normalize("NFC", value), limit)
    if limit.multiline:
        lines = (_SEPARATORS.sub(" ", line).strip() for line in clean.replace("\r\n", "\n").split("\n"))
        clean = "\n".join(lines).strip("\n")
    else:
        clean = _SEPARATORS.sub(" ", clean).strip()
    if required and not clean:
        raise ValidationError("input.required", field=limit.label)
    if len(clean) > limit.max_length:
        raise ValidationError("input.too_long", field=limit.label, max=limit.max_length, length=len(clean))
    return clean


def clip(value: str, limit: Text) -> str:
    """`value` cut to the limit with an ellipsis: for printing what was stored before the limits existed."""
    return value if len(value) <= limit.max_length else value[:limit.max_length - 1] + "…"


def _printable(value: str, limit: Text) -> str:
    kept = []
    for char in value:
        category = unicodedata.category(char)
        if category in _INVISIBLE:
            continue
        if category in _REFUSED_CATEGORIES and not (char in "\n\r\t" or _SEPARATORS.fullmatch(char)):
            raise ValidationError("input.bad_character", field=limit.label, code=f"U+{ord(char):04X}")
        kept.append(char)
    return "".join(kept)


def code(value: str, limit: Text) -> str:
    """A number or code as typed on any keyboard: NFKC (full-width forms), every Unicode decimal digit as its
    ASCII digit, blanks removed, upper case; refused when too long or holding control characters."""
    folded = unicodedata.normalize("NFKC", text(value, limit))
    ascii_digits = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in folded)
    result = "".join(ascii_digits.split()).upper()
    if len(result) > limit.max_length:
        raise ValidationError("input.too_long", field=limit.label, max=limit.max_length, length=len(result))
    return result


def digits(value: str) -> str:
    """`value` with full-width and other Unicode digits as ASCII digits and blanks removed (an ID number)."""
    return code(value, _field("Số", "Number", 40))


def phone(value: str) -> str:
    """A phone number: digits with an optional leading +, separators (space . - ( )) dropped; '' allowed."""
    number = re.sub(r"[.\-()/]", "", code(value, PHONE))
    if number and not _PHONE.fullmatch(number):
        raise ValidationError("input.phone", value=value.strip()[:PHONE.max_length])
    return number


def email(value: str) -> str:
    """An e-mail address (one @, a dot in the domain, no blanks); '' allowed."""
    address = text(value, EMAIL)
    if address and not _EMAIL.fullmatch(address):
        raise ValidationError("input.email", value=address)
    return address


def sex(value: str | None) -> str | None:
    """'Nam' or 'Nữ' whatever the case or diacritics typed ('nu', 'NỮ'), None when empty."""
    typed = text(value or "", _field("Giới tính", "Sex", 10))
    if not typed:
        return None
    for choice in SEXES:
        if _bare(typed) == _bare(choice):
            return choice
    raise ValidationError("input.choice", field=Bilingual("Giới tính", "Sex"), value=typed,
                          choices=", ".join(SEXES))


def _bare(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").casefold()


def count(value: int, bounds: tuple[int, int], label: Bilingual) -> int:
    """`value` when `low <= value <= high`, else a message naming the range."""
    low, high = bounds
    if not low <= value <= high:
        raise ValidationError("input.range", field=label, low=low, high=high, value=value)
    return value


def seconds(value: float, bounds: tuple[int, int], label: Bilingual) -> float:
    """A finite number of seconds within `bounds` (inf and nan are refused like any out-of-range value)."""
    low, high = bounds
    if not (math.isfinite(value) and low <= value <= high):
        raise ValidationError("input.range", field=label, low=low, high=high, value=value)
    return value


COPIES_LABEL: Final = Bilingual("Số bản", "Number of copies")
PAGES_LABEL: Final = Bilingual("Số trang", "Number of pages")
PATIENCE_LABEL: Final = Bilingual("Thời gian thử lại (giây)", "Retry time (seconds)")


def birth_date(value: dt.date, today: dt.date) -> dt.date:
    """A date of birth between 1900 and today."""
    return _day_between(value, EARLIEST_BIRTH, today, Bilingual("Ngày sinh", "Date of birth"))


def working_day(value: dt.date, label: Bilingual | None = None) -> dt.date:
    """A day the office can receive, decide or register on: 2000–2099."""
    return _day_between(value, EARLIEST_DAY, LATEST_DAY, label or Bilingual("Ngày", "Day"))


def _day_between(value: dt.date, low: dt.date, high: dt.date, label: Bilingual) -> dt.date:
    day = value.date() if isinstance(value, dt.datetime) else value
    if not low <= day <= high:
        raise ValidationError("input.date_range", field=label, value=day.isoformat(), low=low.isoformat(),
                              high=high.isoformat())
    return value


def day_range(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """A register's first and last day: in order, within 2000–2099, at most a year apart."""
    working_day(start)
    working_day(end)
    if end < start or (end - start).days >= MAX_REGISTER_DAYS:
        raise ValidationError("print.bad_range", start=start.isoformat(), end=end.isoformat())
    return start, end


def positions(tokens: list[int]) -> list[int]:
    """Document positions as typed: each at most once."""
    seen: set[int] = set()
    for position in tokens:
        if position in seen:
            raise ValidationError("document.duplicate", position=position)
        seen.add(position)
    return tokens

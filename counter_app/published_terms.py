"""Reads time limits and fees as provinces publish them ("05 ngày làm việc", "2.000 đồng/trang; …")."""

from __future__ import annotations

import re
from typing import Final

from counter_app.model import FeeKind, FeeRule, TimeLimit, TimeUnit
from counter_app.textfold import fold, one_line

_NUMBER: Final = r"(\d+(?:[.,]\d+)*)"
_UNITS: Final = (
    (r"ngay lam viec|ngay lv", TimeUnit.WORKING_DAYS),
    (r"gio lam viec|gio", TimeUnit.HOURS),
    (r"thang", TimeUnit.MONTHS),
    (r"nam", TimeUnit.MONTHS),  # years, counted as 12 months
    (r"tuan", TimeUnit.CALENDAR_DAYS),
    (r"ngay", TimeUnit.CALENDAR_DAYS),
)
_AMOUNT_UNIT: Final = re.compile(
    _NUMBER + r"\s*\)?\s*(" + "|".join(pattern for pattern, _ in _UNITS) + r")\b")
_WORDS: Final = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
                 "muoi": 10, "muoi lam": 15, "hai muoi": 20, "ba muoi": 30}
_WORD_UNIT: Final = re.compile(
    r"\b(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\s+(ngay lam viec|ngay|gio|thang)\b")
_SAME_DAY: Final = re.compile(
    r"^(ngay\s+)?trong (ngay|buoi)|^ngay sau khi|^ngay khi|^giai quyet ngay|^ngay$|^ngay trong")
_NOT_STATED: Final = re.compile(
    r"^(khong quy dinh|khong co thong tin|khong co|chua quy dinh|khong xac dinh|n/?a|-+)$")

_MONEY: Final = re.compile(
    r"(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)\s*(dong|d\b|vnd|vn d|viet nam dong|usd|\$|eur)")
_FREE: Final = re.compile(
    r"^(khong|khong co|khong thu|khong thu phi|khong thu le phi|khong phai nop|mien phi|mien le phi|mien|"
    r"mien phi, le phi|khong co phi, le phi|khong co phi|khong co le phi|0|0 dong)$")
_PER_PAGE: Final = re.compile(r"/\s*trang|moi trang|mot trang")
_PER_COPY: Final = re.compile(r"/\s*ban\b|/\s*ban sao|moi ban|mot ban|/\s*giay|/\s*trich luc|/\s*to khai")
_LATER_PAGES: Final = re.compile(r"tu trang thu\s*(\d+)")
_CAP: Final = re.compile(r"(toi da|khong qua)[^0-9]*" + _NUMBER)
_CHANNEL_LABEL: Final = re.compile(r"(truc tiep|truc tuyen|buu chinh)\s*:")
_Amount = tuple[int, str, re.Match[str]]
_BARE_NUMBER: Final = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?")


def parse_time_limit(text: str | None) -> TimeLimit:
    """The first stated limit of `text`; NOT_STATED (text kept) when missing, "không quy định" or unreadable."""
    original = _clean(text)
    folded = fold(original).strip().rstrip(".")
    if not folded or _NOT_STATED.match(folded):
        return TimeLimit(TimeUnit.NOT_STATED, 0, original)
    if _BARE_NUMBER.fullmatch(folded):  # a bare number in a time column: working days
        amount = _decimal(folded)
        return TimeLimit(TimeUnit.WORKING_DAYS if amount else TimeUnit.SAME_DAY, amount, original)
    first = re.split(r"[;\n]|\btruong hop\b", folded, maxsplit=1)[0].strip(" ,.:")
    if _SAME_DAY.search(first):
        return TimeLimit(TimeUnit.SAME_DAY, 0, original)
    unit, amount = _amount_and_unit(first) or _amount_and_unit(folded) or (TimeUnit.NOT_STATED, 0.0)
    if unit is not TimeUnit.NOT_STATED and amount == 0:
        unit = TimeUnit.SAME_DAY
    return TimeLimit(unit, amount, original)


def _amount_and_unit(folded: str) -> tuple[TimeUnit, float] | None:
    found = _AMOUNT_UNIT.search(folded)
    if found:
        amount = _decimal(found.group(1))
        factor = {"tuan": 7, "nam": 12}.get(found.group(2), 1)
        return _unit(found.group(2)), amount * factor
    worded = _WORD_UNIT.search(folded)
    if worded:
        return _unit(worded.group(2)), float(_WORDS[worded.group(1)])
    return None


def time_limit_from_parts(number: object, unit: object, description: object) -> TimeLimit:
    """A national record's THOIGIANGIAIQUYET + DONVITINH, else its MOTA text (a bare 0 is not a limit)."""
    counted = " ".join(_clean(str(part)) for part in (number, unit) if part not in (None, ""))
    described = _clean(description) if isinstance(description, str) else ""
    parsed = parse_time_limit(counted) if unit and _decimal_or_zero(number) > 0 else TimeLimit()
    if not parsed.stated:
        parsed = parse_time_limit(described)
    shown = described if described and (not counted or _decimal_or_zero(number) == 0) else counted
    if described and counted and shown == counted and fold(counted) not in fold(described):
        shown = f"{counted} ({described})"
    return TimeLimit(parsed.unit, parsed.amount, shown)


def parse_fee(text: str | None) -> FeeRule:
    """A fee rule from published wording; UNKNOWN (never free) when it cannot be read."""
    original = _clean(text)
    folded = fold(original).strip().rstrip(".")
    if not folded or folded in {"khong quy dinh", "khong co thong tin", "chua quy dinh"}:
        return FeeRule(FeeKind.UNKNOWN, text=original)
    if _FREE.match(_strip_label(folded)):
        return FeeRule(FeeKind.NONE, text=original)
    if _BARE_NUMBER.fullmatch(_strip_label(folded)):  # a bare amount in a fee column: đồng
        amount = _money(_strip_label(folded), "dong")
        return FeeRule(FeeKind.FIXED if amount else FeeKind.NONE, amount=amount, text=original)
    amounts = [(_money(m.group(1), m.group(2)), _currency(m.group(2)), m) for m in _MONEY.finditer(folded)]
    if not amounts:
        free = folded.startswith(("mien", "khong thu"))
        return FeeRule(FeeKind.NONE if free else FeeKind.UNKNOWN, note=original if free else "", text=original)
    exemption = original if "mien" in folded else ""
    if _PER_PAGE.search(folded):
        return _per_page(folded, amounts, original, exemption)
    return _fixed_or_per_copy(folded, amounts, original, exemption or (original if len(amounts) > 1 else ""))


def _fixed_or_per_copy(folded: str, amounts: list[_Amount], original: str, note: str) -> FeeRule:
    value, currency, match = next(((v, c, m) for v, c, m in amounts if v), amounts[0])
    if value == 0:
        return FeeRule(FeeKind.NONE, text=original, note=note)
    tail = folded[match.end(): match.end() + 25]
    per_copy = bool(_PER_COPY.search(tail)) or (len(amounts) == 1 and bool(_PER_COPY.search(folded)))
    return FeeRule(FeeKind.PER_COPY if per_copy else FeeKind.FIXED, amount=value, currency=currency, note=note,
                   text=original)


def split_channels(text: str | None) -> dict[str, str]:
    """"Trực tiếp: 20.000 đồng; trực tuyến: 10.000 đồng" as {"truc tiep": "20.000 đồng", …}; {} if unlabelled."""
    original = _clean(text)
    folded = fold(original)
    marks = list(_CHANNEL_LABEL.finditer(folded))
    if not marks:
        return {}
    parts = {}
    for n, mark in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(original)
        parts[mark.group(1)] = original[mark.end():end].strip(" ;,.\n-+")
    return parts


def _per_page(folded: str, amounts: list[_Amount], original: str, note: str) -> FeeRule:
    first_amount, currency, _ = amounts[0]
    later = _LATER_PAGES.search(folded)
    cap = _CAP.search(folded)
    cap_value = _money(cap.group(2), "dong") if cap else None
    rest = [v for v, _, m in amounts[1:] if not (cap and m.start() >= cap.start())]
    if later and rest:
        return FeeRule(FeeKind.PER_PAGE, first_pages=int(later.group(1)) - 1, first_page_amount=first_amount,
                       later_page_amount=rest[0], cap_per_copy=cap_value, currency=currency, note=note, text=original)
    return FeeRule(FeeKind.PER_PAGE, first_pages=0, first_page_amount=0, later_page_amount=first_amount,
                   cap_per_copy=cap_value, currency=currency, note=note, text=original)


def _strip_label(folded: str) -> str:
    return re.sub(r"^(phi,? ?le phi|le phi|phi)\s*:\s*", "", folded).strip(" .")


def _unit(word: str) -> TimeUnit:
    for pattern, unit in _UNITS:
        if re.fullmatch(pattern, word):
            return unit
    return TimeUnit.CALENDAR_DAYS


def _decimal(text: str) -> float:
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):
        return float(re.sub(r"[.,]", "", text))
    return float(text.replace(",", "."))


def _decimal_or_zero(value: object) -> float:
    try:
        return _decimal(str(value).strip())
    except ValueError:
        return 0


def _money(text: str, unit: str) -> int:
    if _currency(unit) != "VND" and re.fullmatch(r"\d+[.,]\d{1,2}", text):
        return round(float(text.replace(",", ".")))
    return int(re.sub(r"[.,]", "", text))


def _currency(unit: str) -> str:
    return {"usd": "USD", "$": "USD", "eur": "EUR"}.get(unit, "VND")


def _clean(text: object) -> str:
    return one_line(text)

"""Time limits and fees in words, parsed value first and the published text beside it."""

from __future__ import annotations

from counter_app.fees import format_amount
from counter_app.messages import render
from counter_app.terms import FeeKind, FeeRule, TimeLimit, TimeUnit


def time_label(limit: TimeLimit, lang: str = "vi") -> str:
    """The parsed limit, then the published text in quotes."""
    amount = f"{limit.amount:g}".replace(".", ",")
    vi_units = {TimeUnit.WORKING_DAYS: "ngày làm việc", TimeUnit.CALENDAR_DAYS: "ngày", TimeUnit.HOURS: "giờ làm việc",
                TimeUnit.MONTHS: "tháng"}
    en_units = {TimeUnit.WORKING_DAYS: "working days", TimeUnit.CALENDAR_DAYS: "calendar days",
                TimeUnit.HOURS: "working hours", TimeUnit.MONTHS: "months"}
    if limit.unit is TimeUnit.SAME_DAY:
        parsed = "same day" if lang == "en" else "trong ngày"
    elif limit.unit is TimeUnit.NOT_STATED:
        parsed = "not stated" if lang == "en" else "chưa rõ"
    else:
        parsed = f"{amount} {(en_units if lang == 'en' else vi_units)[limit.unit]}"
    return f"{parsed} («{limit.text}»)" if limit.text else parsed


def fee_label(fee: FeeRule, lang: str = "vi") -> str:
    unit = "đồng" if fee.currency == "VND" else fee.currency
    en = lang == "en"
    parsed = {
        FeeKind.NONE: "no fee" if en else "không thu",
        FeeKind.UNKNOWN: render("fee.unknown", lang),
        FeeKind.FIXED: f"{format_amount(fee.amount)} {unit}",
        FeeKind.PER_COPY: f"{format_amount(fee.amount)} {unit}/{'copy' if en else 'bản'}",
        FeeKind.PER_PAGE: _per_page_label(fee, unit, en),
    }[fee.kind]
    return f"{parsed} («{fee.text}»)" if fee.text and fee.text != parsed else parsed


def _per_page_label(fee: FeeRule, unit: str, en: bool) -> str:
    page = "page" if en else "trang"
    text = f"{format_amount(fee.later_page_amount)} {unit}/{page}"
    if fee.first_pages:
        text = f"{format_amount(fee.first_page_amount)} {unit}/{page} × {fee.first_pages}, " + text
    if fee.cap_per_copy is not None:
        text += f", ≤ {format_amount(fee.cap_per_copy)} {unit}/{'copy' if en else 'bản'}"
    return text

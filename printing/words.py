"""Dates, times and amounts written the way Vietnamese administrative forms write them."""

from __future__ import annotations

import datetime as dt

from counter_app.clock import local
from counter_app.fees import FeeDue, format_amount, format_fee
from counter_app.model import Dossier
from printing.wording import Wording


def date_line(phrases: Wording, place: str, day: dt.date) -> str:
    """'<place>, ngày 05 tháng 01 năm 2026'."""
    return phrases.text("date_line", place=place or "………", day=day.day, month=day.month, year=day.year)


def time_words(phrases: Wording, moment: dt.datetime | None) -> str:
    """'08 giờ 30 phút, ngày 05 tháng 01 năm 2026' in Vietnamese time; dots when unknown."""
    if moment is None:
        return phrases.text("dots")
    at = local(moment)
    return phrases.text("time_words", hour=at.hour, minute=at.minute, day=at.day, month=at.month, year=at.year)


def day_words(phrases: Wording, moment: dt.datetime | dt.date | None) -> str:
    if moment is None:
        return phrases.text("dots")
    day = local(moment).date() if isinstance(moment, dt.datetime) else moment
    return phrases.text("day_words", day=day.day, month=day.month, year=day.year)


def short_day(moment: dt.datetime | None) -> str:
    return "" if moment is None else f"{local(moment):%d/%m/%Y}"


def fee_words(dossier: Dossier) -> str | None:
    """The fee recorded for the dossier as printed ('20.000 đồng', 'Chưa rõ …'); None when nothing is due."""
    if dossier.fee_known and not dossier.fee_amount:
        return None
    return format_fee(FeeDue(dossier.fee_amount if dossier.fee_known else None, dossier.fee_currency))


DOCUMENT_NAME_CHARACTERS = 300


def document_name(name: str) -> str:
    """A document's name as a form's table cell holds it: published names run to ~2,000 characters, so a long
    one is cut at a word with an ellipsis (the catalogue and the dossier keep the whole text)."""
    if len(name) <= DOCUMENT_NAME_CHARACTERS:
        return name
    return name[:DOCUMENT_NAME_CHARACTERS].rsplit(" ", 1)[0] + " …"


def money(amount: int) -> str:
    """'20.000 đồng' (dot as the thousands separator)."""
    return format_amount(amount) + " đồng"

"""What a procedure publishes per channel: the time limit and the fee, parsed, beside the original text."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ProcedureChannel(StrEnum):
    """The channels a procedure publishes a time limit and a fee for (national KENH 1, 2, 3)."""

    DIRECT = "direct"
    ONLINE = "online"
    POSTAL = "postal"


class TimeUnit(StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    HOURS = "hours"
    MONTHS = "months"
    SAME_DAY = "same_day"
    NOT_STATED = "not_stated"


@dataclass(frozen=True)
class TimeLimit:
    """A published time limit: the parsed amount and unit, and the original text beside them."""

    unit: TimeUnit = TimeUnit.NOT_STATED
    amount: float = 0
    text: str = ""

    @property
    def stated(self) -> bool:
        return self.unit is not TimeUnit.NOT_STATED


class FeeKind(StrEnum):
    NONE = "none"
    FIXED = "fixed"
    PER_COPY = "per_copy"
    PER_PAGE = "per_page"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class FeeRule:
    """None, fixed, per copy, or per page (first pages at one rate, later at another, capped per copy), or
    unknown (never taken as free). `text` is the published wording; `note` keeps exemptions."""

    kind: FeeKind = FeeKind.UNKNOWN
    amount: int = 0
    first_pages: int = 0
    first_page_amount: int = 0
    later_page_amount: int = 0
    cap_per_copy: int | None = None
    currency: str = "VND"
    note: str = ""
    text: str = ""


@dataclass(frozen=True)
class ChannelTerms:
    """The time limit and the fee of one channel."""

    channel: ProcedureChannel
    time_limit: TimeLimit
    fee: FeeRule

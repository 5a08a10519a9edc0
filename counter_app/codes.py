"""Dossier codes `<agency code>-<yymmdd>-<NNNN>` (TT 01/2018 Điều 19) and sequence blocks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from counter_app.errors import ValidationError

AGENCY_CODE = re.compile(r"[A-Z0-9]+(\.[A-Z0-9]+)*")
DOSSIER_CODE = re.compile(r"(?P<agency>[A-Z0-9.]{1,35})-(?P<day>\d{6})-(?P<seq>\d{4,})")


@dataclass(frozen=True)
class SequenceBlock:
    """The daily numbers one counter may use, so counters on separate databases never collide."""

    start: int = 1
    end: int = 9999

    @classmethod
    def parse(cls, text: str) -> SequenceBlock:
        match = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", text)
        if not match or not 1 <= int(match[1]) <= int(match[2]) <= 9999:
            raise ValidationError("codes.block", value=text)
        return cls(int(match[1]), int(match[2]))

    def number(self, nth: int) -> int | None:
        """The `nth` (1-based) number of the block, or None once the block is used up."""
        value = self.start + nth - 1
        return value if value <= self.end else None


def validate_agency_code(code: str) -> str:
    value = code.strip().upper()
    if len(value) > 35 or not AGENCY_CODE.fullmatch(value):
        raise ValidationError("office.code", code=code)
    return value


def format_code(agency: str, day: dt.date, number: int) -> str:
    return f"{agency}-{day:%y%m%d}-{number:04d}"


def counter_key(agency: str, day: dt.date) -> str:
    """The name of the database counter that numbers one agency's dossiers of one day."""
    return f"code:{agency}:{day:%y%m%d}"


def looks_like_code(text: str) -> bool:
    return bool(DOSSIER_CODE.fullmatch(text.strip().upper()))

"""Dossier codes from a dated pattern (TT 01/2018 Điều 19; TT 04/2025 form with the AA system part), parsing, blocks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from counter_app.errors import ValidationError

AGENCY_CODE = re.compile(r"[A-Z0-9]+(\.[A-Z0-9]+)*")
DOSSIER_CODE = re.compile(r"(?P<agency>[A-Z0-9.]{1,35})-(?P<day>\d{6})-(?P<seq>\d{4,})")

TT01_2018_TEMPLATE: Final = "{agency}-{yymmdd}-{seq:4}"
TT04_2025_TEMPLATE: Final = "{agency}-{yymmdd}-{aa}{seq:4}"
MAX_CODE_LENGTH: Final = 60  # the dossier table's column
_TOKEN = re.compile(r"\{(?P<name>agency|yymmdd|aa|seq:(?P<width>\d))\}|(?P<literal>[-.])")
_TOKEN_REGEX: Final = {"agency": r"(?P<agency>[A-Z0-9]+(?:\.[A-Z0-9]+)*)", "yymmdd": r"(?P<day>\d{6})",
                       "aa": r"(?P<system>\d{2})"}


@dataclass(frozen=True)
class CodePattern:
    """How codes are built from `effective_from` (acceptance date) on: the template's parts, their order and
    widths, and the two-digit system part AA when the template has {aa}. The agency part is the office's code
    (set it in the left-to-right form of QĐ 20/2020 for TT 04/2025's MX1X2.Y1Y2Y3.Z1Z2)."""

    template: str = TT01_2018_TEMPLATE
    effective_from: dt.date = dt.date(2019, 1, 6)  # TT 01/2018 in force
    system: str = ""

    @property
    def sequence_width(self) -> int:
        return int(next(t["width"] for t in _TOKEN.finditer(self.template) if t["width"]))


DEFAULT_PATTERN: Final = CodePattern()


@dataclass(frozen=True)
class ParsedCode:
    agency: str
    day: dt.date
    system: str
    sequence: int
    pattern: CodePattern | None  # the configured pattern it follows, None when only the generic shape matched


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


def validate_pattern(pattern: CodePattern) -> CodePattern:
    """The pattern cleaned up, or ValidationError saying what is wrong with it."""
    template = "".join(pattern.template.split())
    names = _token_names(template)
    for needed in ("agency", "yymmdd", "seq"):
        if names.count(needed) != 1:
            raise ValidationError("codes.pattern_part", value=pattern.template, field="{" + needed + "}")
    if names.count("aa") > 1:
        raise ValidationError("codes.pattern_part", value=pattern.template, field="{aa}")
    width = CodePattern(template).sequence_width
    if not 4 <= width <= 6:
        raise ValidationError("codes.pattern_width", given=width)
    system = pattern.system.strip()
    if ("aa" in names) != bool(system) or (system and not re.fullmatch(r"\d{2}", system)):
        raise ValidationError("codes.pattern_system", value=pattern.system)
    cleaned = replace(pattern, template=template, system=system)
    longest = format_code(cleaned, "0" * 35, dt.date(2000, 1, 1), 10 ** width - 1)
    if len(longest) > MAX_CODE_LENGTH:
        raise ValidationError("codes.pattern_length", count=MAX_CODE_LENGTH)
    if not DOSSIER_CODE.fullmatch(longest):  # the shape the event checks, the hub and the code scanner know
        raise ValidationError("codes.pattern_shape", value=pattern.template)
    return cleaned


def _token_names(template: str) -> list[str]:
    names, position = [], 0
    for token in _TOKEN.finditer(template):
        if token.start() != position:
            break
        names.append((token["name"] or "").split(":")[0] or "-")
        position = token.end()
    if position != len(template) or not template:
        raise ValidationError("codes.pattern_syntax", value=template)
    return names


def pattern_on(patterns: Iterable[CodePattern], day: dt.date) -> CodePattern:
    """The pattern in force on `day`: the latest one whose date has come (TT 01/2018's before any)."""
    started = [p for p in patterns if p.effective_from <= day]
    return max(started, key=lambda p: p.effective_from) if started else DEFAULT_PATTERN


def format_code(pattern: CodePattern, agency: str, day: dt.date, number: int) -> str:
    values = {"agency": agency, "yymmdd": f"{day:%y%m%d}", "aa": pattern.system}
    parts = []
    for token in _TOKEN.finditer(pattern.template):
        name = token["name"] or ""
        parts.append(token["literal"] or (f"{number:0{token['width']}d}" if token["width"] else values[name]))
    return "".join(parts)


def code_regex(pattern: CodePattern) -> re.Pattern[str]:
    """A regular expression for codes of `pattern` (sequence: at least its width, as TT 04/2025 allows)."""
    pieces = []
    for token in _TOKEN.finditer(pattern.template):
        name = token["name"] or ""
        if token["literal"]:
            pieces.append(re.escape(token["literal"]))
        else:
            pieces.append(rf"(?P<seq>\d{{{token['width']},}})" if token["width"] else _TOKEN_REGEX[name])
    return re.compile("".join(pieces))


def parse_code(text: str, patterns: Sequence[CodePattern] = ()) -> ParsedCode | None:
    """The parts of a dossier code in any configured form (newest first), else in the generic shape; None if
    it is not a code."""
    value = text.strip().upper()
    for pattern in sorted({*patterns, DEFAULT_PATTERN}, key=lambda p: p.effective_from, reverse=True):
        match = code_regex(pattern).fullmatch(value)
        parsed = _parsed(match, pattern) if match else None
        if parsed:
            return parsed
    match = DOSSIER_CODE.fullmatch(value)
    return _parsed(match, None) if match else None


def _parsed(match: re.Match[str], pattern: CodePattern | None) -> ParsedCode | None:
    try:
        day = dt.datetime.strptime(match["day"], "%y%m%d").date()
    except ValueError:
        return None
    system = match.groupdict().get("system") or ""
    return ParsedCode(match["agency"], day, system, int(match["seq"]), pattern)


def counter_key(agency: str, day: dt.date) -> str:
    """The name of the database counter that numbers one agency's dossiers of one day."""
    return f"code:{agency}:{day:%y%m%d}"


def looks_like_code(text: str) -> bool:
    """A code in either form: TT 01/2018 `…-YYMMDD-XXXX` or TT 04/2025 `…-YYMMDD-AAXXXX`."""
    return bool(DOSSIER_CODE.fullmatch(text.strip().upper()))

"""Dossier codes in the TT 01/2018 form and the TT 04/2025 form: generation, parsing, pattern checks."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.codes import (
    DEFAULT_PATTERN,
    TT01_2018_TEMPLATE,
    TT04_2025_TEMPLATE,
    CodePattern,
    format_code,
    looks_like_code,
    parse_code,
    pattern_on,
    validate_pattern,
)
from counter_app.errors import ValidationError

DAY = dt.date(2026, 11, 23)
TT04 = CodePattern(TT04_2025_TEMPLATE, dt.date(2026, 1, 25), system="03")


def test_tt01_2018_code_is_agency_date_and_four_digits() -> None:
    code = format_code(DEFAULT_PATTERN, "000.00.12.H12", DAY, 7)
    assert code == "000.00.12.H12-261123-0007"
    parsed = parse_code(code, [TT04])
    assert parsed is not None
    assert (parsed.agency, parsed.day, parsed.system, parsed.sequence) == ("000.00.12.H12", DAY, "", 7)
    assert parsed.pattern == DEFAULT_PATTERN


def test_tt04_2025_code_has_the_system_part_before_the_sequence() -> None:
    code = format_code(TT04, "H12.07.05", DAY, 42)  # the office's identifier written left to right (QĐ 20)
    assert code == "H12.07.05-261123-030042"  # MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX
    parsed = parse_code(code, [TT04])
    assert parsed is not None
    assert (parsed.agency, parsed.day, parsed.system, parsed.sequence) == ("H12.07.05", DAY, "03", 42)
    assert parsed.pattern == TT04
    assert looks_like_code(code) and looks_like_code("000.00.12.H12-261123-0007")


def test_sequence_of_at_least_the_width_and_a_wider_pattern() -> None:
    assert format_code(TT04, "H12.07.05", DAY, 123456) == "H12.07.05-261123-03123456"
    wide = validate_pattern(CodePattern("{agency}-{yymmdd}-{seq:5}{aa}", DAY, system="07"))  # AA after, 5 digits
    assert format_code(wide, "000.00.12.H12", DAY, 9) == "000.00.12.H12-261123-0000907"
    parsed = parse_code("000.00.12.H12-261123-0000907", [wide])
    assert parsed is not None and (parsed.sequence, parsed.system, parsed.pattern) == (9, "07", wide)


def test_parser_tells_the_forms_apart_and_refuses_what_is_not_a_code() -> None:
    assert parse_code("H12.07.05-261123-030042") is not None  # generic shape without the setting
    assert parse_code("000.00.12.H12-261323-0001") is None  # month 13
    assert parse_code("Nguyễn Văn Đức") is None
    assert parse_code("000.00.12.h12-261123-0001 ") is not None  # typed in lower case, with a space


def test_the_pattern_in_force_follows_the_acceptance_date() -> None:
    patterns = [TT04]
    assert pattern_on(patterns, dt.date(2026, 1, 24)) == DEFAULT_PATTERN
    assert pattern_on(patterns, dt.date(2026, 1, 25)) == TT04


@pytest.mark.parametrize(("pattern", "key"), [
    (CodePattern("{agency}-{yymmdd}"), "codes.pattern_part"),
    (CodePattern("{agency}-{yymmdd}-{seq:4}-{seq:4}"), "codes.pattern_part"),
    (CodePattern("{agency}_{yymmdd}_{seq:4}"), "codes.pattern_syntax"),
    (CodePattern("{agency}-{yymmdd}-{seq:3}"), "codes.pattern_width"),
    (CodePattern(TT04_2025_TEMPLATE), "codes.pattern_system"),  # {aa} without its two digits
    (CodePattern(TT04_2025_TEMPLATE, system="3"), "codes.pattern_system"),
    (CodePattern(TT01_2018_TEMPLATE, system="03"), "codes.pattern_system"),  # AA given, no {aa} to put it in
    (CodePattern("{agency}.{yymmdd}.{seq:4}"), "codes.pattern_shape"),  # a shape the province would refuse
    (CodePattern("{yymmdd}-{agency}-{seq:4}"), "codes.pattern_shape"),
])
def test_a_bad_pattern_is_refused_with_a_clear_message(pattern: CodePattern, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_pattern(pattern)
    assert caught.value.key == key
    assert caught.value.message("vi") and caught.value.message("en")

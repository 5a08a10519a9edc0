"""The working-day calendar: national holidays, nghỉ bù, make-up Saturdays, overrides."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.workcal import DayKind, WorkCalendar

CAL = WorkCalendar()
D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("day", "working"),
    [
        # Tết 2025: Mon 27/01 – Fri 31/01 off, back on Mon 03/02
        ("2025-01-24", True), ("2025-01-27", False), ("2025-01-31", False), ("2025-02-03", True),
        # Tết 2026: Mon 16/02 – Fri 20/02
        ("2026-02-13", True), ("2026-02-16", False), ("2026-02-20", False), ("2026-02-23", True),
        # Giỗ Tổ 2026 falls on Sunday 26/04, observed Monday 27/04
        ("2026-04-26", False), ("2026-04-27", False), ("2026-04-28", True),
        # Quốc khánh 2025 (Mon 01/09, Tue 02/09) and 2026 (Tue 01/09, Wed 02/09)
        ("2025-09-01", False), ("2025-09-02", False), ("2025-09-03", True),
        ("2026-09-01", False), ("2026-09-02", False), ("2026-09-03", True),
        # Ngày Văn hóa Việt Nam, from 2026
        ("2026-11-24", False), ("2026-11-23", True), ("2026-11-25", True),
        # swapped days: Saturday worked, weekday off
        ("2025-04-26", True), ("2025-05-02", False), ("2026-08-22", True), ("2026-08-31", False),
        # an ordinary weekend
        ("2026-11-21", False), ("2026-11-22", False),
    ],
)
def test_national_calendar(day: str, working: bool) -> None:
    assert CAL.is_working_day(D(day)) is working


def test_overrides_win_over_the_package() -> None:
    calendar = WorkCalendar({D("2027-02-05"): DayKind.OFF, D("2027-01-30"): DayKind.WORKING})
    assert not calendar.is_working_day(D("2027-02-05"))
    assert calendar.is_working_day(D("2027-01-30"))


def test_adding_over_tet_2026() -> None:
    assert CAL.add_working_days(D("2026-02-13"), 1) == D("2026-02-23")
    assert CAL.add_working_days(D("2026-02-12"), 3) == D("2026-02-24")


def test_adding_over_the_swapped_saturday_2025() -> None:
    # Fri 25/04/2025 + 1 -> Sat 26/04 (worked); Tue 29/04 + 1 -> Mon 05/05 (30/04, 01/05, 02/05 off)
    assert CAL.add_working_days(D("2025-04-25"), 1) == D("2025-04-26")
    assert CAL.add_working_days(D("2025-04-25"), 2) == D("2025-04-28")
    assert CAL.add_working_days(D("2025-04-29"), 1) == D("2025-05-05")


days = st.dates(min_value=D("2024-01-01"), max_value=D("2028-12-31"))


@settings(max_examples=200, deadline=None)
@given(days, st.integers(min_value=0, max_value=40))
def test_add_then_count_round_trips(start: dt.date, count: int) -> None:
    end = CAL.add_working_days(start, count)
    assert CAL.working_days_between(start, end) == count
    assert end >= start
    if count:
        assert CAL.is_working_day(end)


@settings(max_examples=200, deadline=None)
@given(days, st.integers(min_value=0, max_value=20), st.integers(min_value=0, max_value=20))
def test_adding_is_additive(start: dt.date, first: int, second: int) -> None:
    assert CAL.add_working_days(CAL.add_working_days(start, first), second) == CAL.add_working_days(
        start, first + second
    )


@settings(max_examples=200, deadline=None)
@given(days, days, st.integers(min_value=1, max_value=20))
def test_a_later_start_never_gives_an_earlier_end(a: dt.date, b: dt.date, count: int) -> None:
    early, late = sorted((a, b))
    assert CAL.add_working_days(early, count) <= CAL.add_working_days(late, count)

"""Due dates: the 15:00 cut-off, reception outside hours, multi-day limits, timeliness."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.clock import VN_TZ, local
from counter_app.deadlines import OfficeHours, Timeliness, clock_start, due_at, is_overdue, timeliness
from counter_app.errors import ValidationError
from counter_app.model import TimeLimit, TimeUnit
from counter_app.workcal import WorkCalendar
from tests.conftest import at

CAL, HOURS = WorkCalendar(), OfficeHours()


def _working(days: int) -> TimeLimit:
    return TimeLimit(TimeUnit.WORKING_DAYS, days)


@pytest.mark.parametrize(
    ("received", "days", "cutoff", "due"),
    [
        ("2026-11-20 10:00", 0, True, "2026-11-20 17:00"),   # same day before 15:00
        ("2026-11-20 14:59:59", 0, True, "2026-11-20 17:00"),  # before 15:00
        ("2026-11-20 15:00:00", 0, True, "2026-11-20 17:00"),  # "sau 15 giờ": 15:00 itself is same-day
        ("2026-11-20 15:00:01", 0, True, "2026-11-23 17:00"),  # after 15:00 -> next working day (Monday)
        ("2026-11-23 15:30", 0, True, "2026-11-25 17:00"),   # next day is 24/11, Ngày Văn hóa
        ("2026-11-20 15:30", 0, False, "2026-11-20 17:00"),  # cut-off not applicable
        ("2026-11-22 09:00", 0, True, "2026-11-23 17:00"),   # received on Sunday (postal hand-over)
        ("2026-11-20 18:00", 3, False, "2026-11-27 07:30"),  # after closing: starts Mon 07:30; 24/11 off
        ("2026-11-20 10:00", 3, False, "2026-11-26 10:00"),  # Mon 23, (24 off), Wed 25, Thu 26
        ("2026-02-13 09:15", 1, False, "2026-02-23 09:15"),  # over Tết 2026
        ("2025-04-25 14:00", 1, False, "2025-04-26 14:00"),  # make-up Saturday counts
        ("2026-08-21 11:00", 1, False, "2026-08-22 11:00"),  # Sat 22/08/2026 is worked
        ("2026-08-28 11:00", 2, False, "2026-09-04 11:00"),  # 31/08 (swapped), 01–02/09 off
    ],
)
def test_due_dates(received: str, days: int, cutoff: bool, due: str) -> None:
    assert due_at(CAL, HOURS, at(received), _working(days), cutoff) == at(due)


@pytest.mark.parametrize(("received", "due"), [
    ("2026-11-20 14:59:59", "2026-11-20 17:00"),
    ("2026-11-20 15:00:00", "2026-11-23 17:00"),  # the boundary set the other way: 15:00 already moves
    ("2026-11-20 15:00:01", "2026-11-23 17:00"),
])
def test_the_cutoff_boundary_is_a_setting(received: str, due: str) -> None:
    strict = OfficeHours(cutoff_same_day=False)
    assert due_at(CAL, strict, at(received), _working(0), True) == at(due)


def test_a_later_cutoff_time() -> None:
    hours = OfficeHours(cutoff=dt.time(16, 0))
    assert due_at(CAL, hours, at("2026-11-20 15:30"), _working(0), True) == at("2026-11-20 17:00")
    assert due_at(CAL, hours, at("2026-11-20 16:00:01"), _working(0), True) == at("2026-11-23 17:00")


def test_clock_starts_at_opening_when_received_early() -> None:
    assert clock_start(CAL, HOURS, at("2026-11-20 06:45")) == at("2026-11-20 07:30")


def test_timeliness_labels() -> None:
    due = at("2026-11-26 10:00")
    assert timeliness(due, at("2026-11-25 16:00")) is Timeliness.EARLY
    assert timeliness(due, at("2026-11-26 09:59")) is Timeliness.ON_TIME
    assert timeliness(due, at("2026-11-26 10:00")) is Timeliness.ON_TIME
    assert timeliness(due, at("2026-11-26 10:01")) is Timeliness.LATE
    assert Timeliness.LATE.value == "Quá hạn"
    assert is_overdue(due, at("2026-11-27 08:00")) and not is_overdue(due, at("2026-11-26 08:00"))


moments = st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 31)).map(local)


@settings(max_examples=300, deadline=None)
@given(moments, st.integers(min_value=0, max_value=30), st.booleans())
def test_due_is_a_working_day_after_reception(received: dt.datetime, days: int, cutoff: bool) -> None:
    due = due_at(CAL, HOURS, received, _working(days), cutoff)
    start = clock_start(CAL, HOURS, received)
    assert due >= start >= received.replace(second=0, microsecond=0) - dt.timedelta(minutes=1)
    assert CAL.is_working_day(due.date())
    assert due.tzinfo is not None and due.utcoffset() == VN_TZ.utcoffset(None)
    assert HOURS.opens <= due.time() <= HOURS.closes
    if days:
        assert CAL.working_days_between(start.date(), due.date()) == days


limits = st.one_of(
    st.integers(min_value=0, max_value=30).map(lambda n: TimeLimit(TimeUnit.WORKING_DAYS, n)),
    st.sampled_from([0.5, 1.5, 2.5]).map(lambda n: TimeLimit(TimeUnit.WORKING_DAYS, n)),
    st.integers(min_value=1, max_value=60).map(lambda n: TimeLimit(TimeUnit.HOURS, n)),
    st.integers(min_value=1, max_value=45).map(lambda n: TimeLimit(TimeUnit.CALENDAR_DAYS, n)),
    st.integers(min_value=1, max_value=6).map(lambda n: TimeLimit(TimeUnit.MONTHS, n)),
    st.just(TimeLimit(TimeUnit.SAME_DAY)),
)


@settings(max_examples=300, deadline=None)
@given(moments, moments, limits, st.booleans())
def test_later_reception_never_gives_an_earlier_due(a: dt.datetime, b: dt.datetime, limit: TimeLimit,
                                                    cut: bool) -> None:
    early, late = sorted((a, b))
    assert due_at(CAL, HOURS, early, limit, cut) <= due_at(CAL, HOURS, late, limit, cut)


@pytest.mark.parametrize(
    ("received", "limit", "due"),
    [
        ("2026-11-20 10:00", TimeLimit(TimeUnit.HOURS, 8), "2026-11-23 08:30"),  # 7 h Fri, 1 h Mon
        ("2026-11-20 16:00", TimeLimit(TimeUnit.HOURS, 1), "2026-11-20 17:00"),
        ("2026-11-20 10:00", TimeLimit(TimeUnit.WORKING_DAYS, 1.5), "2026-11-23 14:45"),  # + 4 h 45 of 9 h 30
        ("2026-11-20 10:00", TimeLimit(TimeUnit.CALENDAR_DAYS, 15), "2026-12-07 10:00"),  # 5/12 is a Saturday
        ("2026-11-20 10:00", TimeLimit(TimeUnit.CALENDAR_DAYS, 10), "2026-11-30 10:00"),
        ("2026-01-30 10:00", TimeLimit(TimeUnit.MONTHS, 1), "2026-03-02 10:00"),  # 28/02 is a Saturday
        ("2026-11-20 15:30", TimeLimit(TimeUnit.SAME_DAY), "2026-11-23 17:00"),
    ],
)
def test_due_dates_in_other_units(received: str, limit: TimeLimit, due: str) -> None:
    assert due_at(CAL, HOURS, at(received), limit, True) == at(due)


def test_a_limit_not_stated_has_no_due_date() -> None:
    with pytest.raises(ValidationError, match=r"^procedure\.time_not_stated:"):
        due_at(CAL, HOURS, at("2026-11-20 10:00"), TimeLimit(TimeUnit.NOT_STATED, 0, "Không quy định"), True)

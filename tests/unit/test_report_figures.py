"""The report's figures on constructed event histories, and their properties (Hypothesis)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.errors import ValidationError
from counter_app.reports import figures as fig
from counter_app.reports.history import DossierFacts, EventRecord, facts_of
from counter_app.reports.periods import Period, PeriodKind, months_of, period_of, spanning
from counter_app.reports.report import Catalogue, assemble, matching, working_day_counter
from counter_app.workcal import WorkCalendar
from tests.conftest import at

NOVEMBER = period_of(PeriodKind.MONTH, dt.date(2026, 11, 1))
LATER = at("2026-12-15 09:00")
CALENDAR = WorkCalendar()
DAYS = working_day_counter(CALENDAR)


def history(*steps: tuple[str, str, dict[str, Any]], channel: str = "counter", documents: int = 2,
            clerk: str = "anh") -> DossierFacts:
    """A dossier from (event type, 'YYYY-MM-DD HH:MM', payload) steps after its reception."""
    dossier = uuid.uuid4()
    first = steps[0][1]
    events = [EventRecord(dossier, "received", at(first), clerk, {
        "procedure_code": "1.004873", "channel": channel, "documents": [{}] * documents})]
    events += [EventRecord(dossier, kind, at(when), clerk, payload) for kind, when, payload in steps]
    return facts_of(dossier, events)


def accepted(when: str, due: str) -> tuple[str, str, dict[str, Any]]:
    return ("accepted", when, {"code": f"C-{when}", "due_at": at(due).isoformat()})


def counted(facts: DossierFacts, period: Period = NOVEMBER, now: dt.datetime = LATER) -> set[str]:
    """The names of the counts this one dossier adds to."""
    figures = fig.compute([facts], period, now, DAYS)
    return {name for name in fig.COUNTED if getattr(figures, name)}


def test_settled_on_the_due_day_by_the_due_time_is_on_time_and_a_minute_later_late() -> None:
    on_time = history(accepted("2026-11-20 10:00", "2026-11-25 17:00"), ("result_recorded", "2026-11-25 16:59", {}))
    late = history(accepted("2026-11-20 10:00", "2026-11-25 17:00"), ("result_recorded", "2026-11-25 17:01", {}))
    early = history(accepted("2026-11-20 10:00", "2026-11-25 17:00"), ("result_recorded", "2026-11-24 16:59", {}))
    assert counted(on_time) == {"received", "received_counter", "settled", "settled_on_time"}
    assert counted(late) == {"received", "received_counter", "settled", "settled_late", "late_without_apology"}
    assert counted(early) == {"received", "received_counter", "settled", "settled_early"}


def test_extended_once_is_late_against_the_first_deadline_and_counts_the_apology_given_a_day_ahead() -> None:
    in_time = history(accepted("2026-11-16 10:00", "2026-11-19 10:00"),
                      ("extended", "2026-11-18 09:00", {"due_at": at("2026-11-24 10:00").isoformat()}),
                      ("result_recorded", "2026-11-23 15:00", {}))
    too_close = history(accepted("2026-11-16 10:00", "2026-11-19 10:00"),
                        ("extended", "2026-11-18 11:00", {"due_at": at("2026-11-24 10:00").isoformat()}),
                        ("result_recorded", "2026-11-23 15:00", {}))
    assert in_time.extended_due == at("2026-11-24 10:00") and in_time.deadline == at("2026-11-19 10:00")
    assert {"settled_late", "apology_before_deadline"} <= counted(in_time)
    assert "late_without_apology" not in counted(in_time)
    assert {"settled_late", "late_without_apology"} <= counted(too_close)
    assert "apology_before_deadline" not in counted(too_close)


def test_open_dossier_is_overdue_at_the_end_of_the_period_not_while_waiting_for_a_supplement() -> None:
    overdue = history(accepted("2026-11-20 10:00", "2026-11-25 10:00"), ("transferred", "2026-11-20 11:00", {}))
    waiting = history(accepted("2026-11-20 10:00", "2026-11-25 10:00"),
                      ("supplement_requested", "2026-11-23 09:00", {"reason": "x"}))
    assert counted(overdue) == {"received", "received_counter", "open_overdue", "late_without_apology"}
    assert counted(waiting) == {"received", "received_counter", "open_not_due", "supplement_requested"}
    # As of 24/11 (the month not over yet) the first one is not due yet.
    assert "open_not_due" in counted(overdue, now=at("2026-11-24 12:00"))
    # The next month it is still overdue, though nothing happened to it in December.
    assert "open_overdue" in counted(overdue, period_of(PeriodKind.MONTH, dt.date(2026, 12, 1)))


def test_supplement_after_appraisal_restarts_the_deadline() -> None:
    facts = history(accepted("2026-11-16 10:00", "2026-11-19 10:00"),
                    ("supplement_requested", "2026-11-17 09:00", {"reason": "x"}),
                    ("supplement_received", "2026-11-23 14:00", {"due_at": at("2026-11-26 14:00").isoformat()}),
                    ("result_recorded", "2026-11-26 11:00", {}))
    assert facts.deadline == at("2026-11-26 14:00")
    assert "settled_on_time" in counted(facts)


def test_returned_by_post_withdrawn_stopped_refused() -> None:
    by_post = history(accepted("2026-11-20 11:00", "2026-11-25 11:00"), ("result_recorded", "2026-11-24 16:00", {}),
                      ("result_returned", "2026-11-25 08:00", {"delivery": "postal", "postal_item": "RR1VN"}),
                      channel="postal")
    at_counter = history(accepted("2026-11-20 11:00", "2026-11-25 11:00"), ("result_recorded", "2026-11-24 16:00", {}),
                         ("result_returned", "2026-11-25 08:00", {"delivery": "counter"}))
    assert counted(by_post) >= {"received_postal", "settled_early", "returned", "returned_by_post"}
    assert "returned_by_post" not in counted(at_counter)
    withdrawn = history(accepted("2026-11-20 10:00", "2026-11-25 10:00"), ("withdrawn", "2026-11-23 10:00", {}))
    assert counted(withdrawn) == {"received", "received_counter", "withdrawn"}
    stopped = history(accepted("2026-11-20 10:00", "2026-11-25 10:00"), ("transferred", "2026-11-20 11:00", {}),
                      ("stopped", "2026-11-23 10:00", {}))
    assert counted(stopped) == {"received", "received_counter", "stopped"}
    refused = history(accepted("2026-11-20 10:00", "2026-11-25 10:00"), ("refused", "2026-11-23 10:00", {}))
    assert counted(refused) == {"received", "received_counter", "refused", "settled", "settled_early"}


def test_counter_outcomes_are_not_received() -> None:
    sent_back = history(("counter_supplement_requested", "2026-11-20 09:00", {"reason": "x"}))
    refused = history(("refused_at_counter", "2026-11-20 09:00", {"reason": "x"}))
    assert counted(sent_back) == {"sent_back"}
    assert counted(refused) == {"refused_at_counter"}


def test_digitised_at_intake_means_every_document_before_it_left_the_counter() -> None:
    whole = history(accepted("2026-11-20 10:00", "2026-11-25 10:00"),
                    ("document_filed", "2026-11-20 10:05", {"position": 1, "signed": True}),
                    ("document_filed", "2026-11-20 10:06", {"position": 2}), ("transferred", "2026-11-20 11:00", {}))
    late = history(accepted("2026-11-20 10:00", "2026-11-25 10:00"),
                   ("document_filed", "2026-11-20 10:05", {"position": 1}), ("transferred", "2026-11-20 11:00", {}),
                   ("document_filed", "2026-11-23 10:06", {"position": 2}))
    figures = fig.compute([whole, late], NOVEMBER, LATER, DAYS)
    assert (figures.digitised_dossiers, figures.signed_dossiers) == (1, 1)
    assert (figures.documents_received, figures.documents_digitised) == (4, 3)
    assert (figures.digitised_share, figures.documents_digitised_share) == (50.0, 75.0)


def test_ratings_count_in_the_period_they_were_given() -> None:
    facts = history(accepted("2026-11-20 10:00", "2026-11-25 10:00"),
                    ("rated", "2026-11-20 10:10", {"score": 1, "stage": "intake"}),
                    ("rated", "2026-12-01 10:00", {"score": 4, "stage": "return", "reason": "wait"}))
    november = fig.compute([facts], NOVEMBER, LATER, DAYS)
    december = fig.compute([facts], period_of(PeriodKind.MONTH, dt.date(2026, 12, 1)), LATER, DAYS)
    assert (november.rating_count, november.rating_satisfied, november.satisfaction_share) == (1, 1, 100.0)
    assert (december.rating_count, december.rating_satisfied, december.rating_scores) == (1, 0, (0, 0, 0, 1))


def test_working_days_average_and_90th_percentile() -> None:
    facts = [history(accepted("2026-11-16 10:00", "2026-11-30 10:00"), ("result_recorded", f"2026-11-{day} 10:00", {}))
             for day in ("16", "17", "18", "19", "20", "23", "24", "25", "26", "27")]
    figures = fig.compute(facts, NOVEMBER, LATER, DAYS)
    # 0 1 2 3 4 5 5 6 7 8 working days: Tuesday 24/11/2026 is a day off (Ngày Văn hóa Việt Nam).
    assert figures.days_average == 4.1
    assert figures.days_p90 == 7.0  # the 9th of 10


def test_periods_and_their_previous() -> None:
    assert period_of(PeriodKind.WEEK, dt.date(2026, 11, 26)) == Period(dt.date(2026, 11, 23), dt.date(2026, 11, 29),
                                                                      PeriodKind.WEEK)
    quarter = period_of(PeriodKind.QUARTER, dt.date(2026, 2, 10))
    assert (quarter.first, quarter.last, quarter.previous().first) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31),
                                                                      dt.date(2025, 10, 1))
    assert NOVEMBER.previous() == Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31), PeriodKind.MONTH)
    custom = Period(dt.date(2026, 11, 10), dt.date(2026, 11, 12))
    assert custom.previous() == Period(dt.date(2026, 11, 7), dt.date(2026, 11, 9))
    assert [m.first.month for m in months_of(Period(dt.date(2026, 10, 20), dt.date(2026, 12, 2)))] == [10, 11, 12]


def test_the_days_asked_are_checked_not_the_week_or_period_around_them() -> None:
    early = spanning(dt.date(2000, 1, 3), dt.date(2000, 1, 5))  # its week starts in 1999
    assert (early.first, early.kind, early.previous().first) == (dt.date(2000, 1, 3), PeriodKind.CUSTOM,
                                                                 dt.date(1999, 12, 31))
    assert spanning(dt.date(2000, 1, 1), dt.date(2000, 1, 31)).previous().first == dt.date(1999, 12, 1)
    two_years_before = months_of(spanning(dt.date(2025, 1, 1), dt.date(2026, 12, 31)).previous())
    assert (two_years_before[0].first, len(two_years_before)) == (dt.date(2023, 1, 2), 24)
    with pytest.raises(ValidationError) as refused:
        spanning(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    assert "0001-01-01 – 9999-12-31" in refused.value.message("vi")


def test_report_groups_daily_series_and_drill_down() -> None:
    one = history(accepted("2026-11-20 10:00", "2026-11-25 10:00"), ("transferred", "2026-11-20 11:00", {}))
    two = history(accepted("2026-11-23 10:00", "2026-11-26 10:00"), ("result_recorded", "2026-11-24 10:00", {}),
                  channel="online", clerk="binh")
    catalogue = Catalogue({"1.004873": "Xác nhận tình trạng hôn nhân"}, {"1.004873": "Hộ tịch"})
    report = assemble("Xã Tân Hòa", [one, two], NOVEMBER, LATER, CALENDAR, catalogue)
    assert [(g.key, g.figures.received) for g in report.by_field] == [("Hộ tịch", 2)]
    assert sorted((g.key, g.figures.settled) for g in report.by_clerk) == [("anh", 0), ("binh", 1)]
    assert report.by_procedure[0].label == "1.004873 Xác nhận tình trạng hôn nhân"
    by_day = {d.day: d for d in report.daily}
    assert (by_day[dt.date(2026, 11, 20)].counter, by_day[dt.date(2026, 11, 23)].online) == (1, 1)
    assert len(report.daily) == 30 and report.monthly[0].month == "11/2026"
    assert matching([one, two], NOVEMBER, LATER, "open_overdue") == [one.id]
    assert report.scorecard.groups[0].points is None  # công khai minh bạch: the counter cannot see it


# ---- properties

_MOMENTS = st.datetimes(min_value=dt.datetime(2026, 10, 1), max_value=dt.datetime(2026, 12, 31)).map(
    lambda moment: moment.replace(second=0, microsecond=0))
_KINDS = st.sampled_from(["transferred", "result_recorded", "result_returned", "extended", "supplement_requested",
                          "supplement_received", "refused", "withdrawn", "stopped", "document_filed", "rated",
                          "counter_supplement_requested", "refused_at_counter"])


@st.composite
def random_history(draw: st.DrawFn) -> DossierFacts:
    """Any sequence of events (legal or not: the figures must hold up on what sync may bring)."""
    start = draw(_MOMENTS)
    dossier = uuid.uuid4()
    events = [EventRecord(dossier, "received", at(f"{start:%Y-%m-%d %H:%M}"), "x",
                          {"channel": draw(st.sampled_from(["counter", "postal", "online"])),
                           "documents": [{}] * draw(st.integers(0, 3))})]
    moment = events[0].at
    if draw(st.booleans()):
        due = moment + dt.timedelta(hours=draw(st.integers(0, 400)))
        events.append(EventRecord(dossier, "accepted", moment, "x", {"due_at": due.isoformat()}))
    for kind in draw(st.lists(_KINDS, max_size=6)):
        moment += dt.timedelta(hours=draw(st.integers(0, 300)))
        payload: dict[str, Any] = {"due_at": (moment + dt.timedelta(days=3)).isoformat(), "position": 1,
                                   "score": draw(st.integers(1, 4)), "delivery": "postal", "signed": True}
        events.append(EventRecord(dossier, kind, moment, "x", payload))
    return facts_of(dossier, events)


@settings(max_examples=150, deadline=None)
@given(st.lists(random_history(), max_size=12), st.sampled_from([PeriodKind.WEEK, PeriodKind.MONTH]),
       _MOMENTS)
def test_settled_is_early_plus_on_time_plus_late_and_shares_stay_within_0_100(
        facts: list[DossierFacts], kind: PeriodKind, now: dt.datetime) -> None:
    period = period_of(kind, dt.date(2026, 11, 18))
    figures = fig.compute(facts, period, at(f"{now:%Y-%m-%d %H:%M}"), DAYS)
    assert figures.settled == figures.settled_early + figures.settled_on_time + figures.settled_late
    assert figures.received == figures.received_counter + figures.received_postal + figures.received_online
    assert figures.rating_count == sum(figures.rating_scores) >= figures.rating_satisfied
    assert figures.digitised_dossiers <= figures.received and figures.signed_dossiers <= figures.received
    for name in fig.SHARES:
        value = getattr(figures, name)
        assert value is None or 0 <= value <= 100, name
    if figures.days_average is not None:
        assert figures.days_p90 is not None and figures.days_average >= 0 and figures.days_p90 >= 0


@settings(max_examples=60, deadline=None)
@given(st.lists(random_history(), max_size=10))
def test_groups_add_up_to_the_office(facts: list[DossierFacts]) -> None:
    report = assemble("x", facts, NOVEMBER, LATER, CALENDAR, Catalogue({}, {}))
    for groups in (report.by_field, report.by_clerk, report.by_procedure):
        for name in ("received", "settled", "settled_late", "open_overdue", "rating_count"):
            assert sum(getattr(g.figures, name) for g in groups) == getattr(report.totals, name)

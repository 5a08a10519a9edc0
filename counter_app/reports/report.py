"""The periodic report assembled from dossier facts: totals, the previous period, groups, series, estimate."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from counter_app.clock import local
from counter_app.reports import figures as fig
from counter_app.reports.history import DossierFacts
from counter_app.reports.periods import Period, months_of
from counter_app.reports.scorecard import Scorecard, estimate
from counter_app.workcal import WorkCalendar


@dataclass(frozen=True)
class Group:
    """One row of a breakdown: its key (field name, clerk, procedure code), a label, and its figures."""

    key: str
    label: str
    figures: fig.Figures


@dataclass(frozen=True)
class DayCounts:
    day: dt.date
    counter: int
    postal: int
    online: int


@dataclass(frozen=True)
class MonthShare:
    month: str
    settled: int
    on_time_share: float | None


@dataclass(frozen=True)
class Report:
    """Everything the screen, the XLSX and the PDF show for one period."""

    office: str
    period: Period
    previous: Period
    generated_at: dt.datetime
    totals: fig.Figures
    before: fig.Figures
    by_field: tuple[Group, ...]
    by_clerk: tuple[Group, ...]
    by_procedure: tuple[Group, ...]
    daily: tuple[DayCounts, ...]
    monthly: tuple[MonthShare, ...]
    scorecard: Scorecard


@dataclass(frozen=True)
class Catalogue:
    """Procedure code → (name, field), as the breakdowns label them."""

    names: Mapping[str, str]
    fields: Mapping[str, str]

    def field_of(self, code: str) -> str:
        return self.fields.get(code) or "—"


def assemble(office: str, facts: Sequence[DossierFacts], period: Period, now: dt.datetime,
             calendar: WorkCalendar, catalogue: Catalogue, trend: Sequence[Period] = ()) -> Report:
    """The report for `period`; `facts` must cover the previous period and `trend` months too. Each dossier's
    share of a period is worked out once and summed for the total and every breakdown."""
    days = working_day_counter(calendar)
    moment = fig.as_of(period, now)
    tallies = [(fact, one) for fact in facts if (one := fig.tally(fact, period, moment, days)) is not None]
    totals = fig.total(one for _, one in tallies)
    known = {period: totals, period.previous(): fig.compute(facts, period.previous(), now, days)}
    return Report(
        office=office, period=period, previous=period.previous(), generated_at=local(now), totals=totals,
        before=known[period.previous()],
        by_field=_groups(tallies, lambda f: catalogue.field_of(f.procedure_code), lambda key: key),
        by_clerk=_groups(tallies, lambda f: f.clerk or "—", lambda key: key),
        by_procedure=_groups(tallies, lambda f: f.procedure_code,
                             lambda key: f"{key} {catalogue.names.get(key, '')}".strip()),
        daily=_daily(facts, period),
        monthly=tuple(_month(known.get(month) or fig.compute(facts, month, now, days), month)
                      for month in (trend or months_of(period))),
        scorecard=estimate(totals),
    )


def matching(facts: Sequence[DossierFacts], period: Period, now: dt.datetime, figure: str,
             group: Callable[[DossierFacts], bool] = lambda _f: True) -> list[uuid.UUID]:
    """The dossiers a count is made of (the drill-down from a table cell), in acceptance order."""
    counted = fig.COUNTED[figure]
    moment = fig.as_of(period, now)
    chosen = [f for f in facts if group(f) and counted(f, period, moment)]
    return [f.id for f in sorted(chosen, key=lambda f: (f.accepted_at or f.submitted_at or period.start, str(f.id)))]


def working_day_counter(calendar: WorkCalendar) -> fig.DayCount:
    """`working_days_between` of `calendar`, remembered per pair of days (reports ask the same pairs often)."""
    known: dict[tuple[dt.date, dt.date], int] = {}

    def count(first: dt.date, last: dt.date) -> int:
        key = (first, last)
        if key not in known:
            known[key] = calendar.working_days_between(first, last)
        return known[key]

    return count


def _groups(tallies: Sequence[tuple[DossierFacts, fig.Tally]], key_of: Callable[[DossierFacts], str],
            label_of: Callable[[str], str]) -> tuple[Group, ...]:
    grouped: dict[str, list[fig.Tally]] = defaultdict(list)
    for fact, one in tallies:
        grouped[key_of(fact)].append(one)
    found = [Group(key, label_of(key), fig.total(members)) for key, members in grouped.items()]
    return tuple(sorted((g for g in found if _active(g.figures)), key=lambda g: (-g.figures.received, g.key)))


def _active(figures: fig.Figures) -> bool:
    return any((figures.received, figures.settled, figures.open_not_due, figures.open_overdue, figures.rating_count,
                figures.withdrawn, figures.stopped, figures.refused_at_counter, figures.sent_back, figures.returned))


def _daily(facts: Sequence[DossierFacts], period: Period) -> tuple[DayCounts, ...]:
    counts: dict[dt.date, dict[str, int]] = {day: dict.fromkeys(fig.CHANNELS, 0) for day in period.days()}
    for fact in facts:
        if period.holds(fact.accepted_at) and fact.accepted_at is not None:
            day = counts[local(fact.accepted_at).date()]
            day[fact.channel if fact.channel in day else "counter"] += 1
    return tuple(DayCounts(day, c["counter"], c["postal"], c["online"]) for day, c in counts.items())


def _month(figures: fig.Figures, month: Period) -> MonthShare:
    return MonthShare(f"{month.first:%m/%Y}", figures.settled, figures.on_time_share)

"""The periodic report assembled from dossier facts: totals, the previous period, groups, series, estimate."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from counter_app.clock import local
from counter_app.reports import figures as fig
from counter_app.reports.columns import Columns, Window, columns
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
    """The report for `period`; `facts` must cover the previous period and `trend` months too."""
    table = columns(facts, working_day_counter(calendar))
    window = Window.of(period, now)
    whole = np.zeros(len(facts), dtype=int)
    totals = fig.by_group(table, window, whole, 1)[0]
    known = {period: totals, period.previous(): fig.by_group(table, Window.of(period.previous(), now), whole, 1)[0]}
    return Report(
        office=office, period=period, previous=period.previous(), generated_at=local(now), totals=totals,
        before=known[period.previous()],
        by_field=_groups(table, window, [catalogue.field_of(f.procedure_code) for f in facts], lambda key: key),
        by_clerk=_groups(table, window, [f.clerk or "—" for f in facts], lambda key: key,
                         [r.clerk or "—" for f in facts for r in f.ratings if 1 <= r.score <= 4]),
        by_procedure=_groups(table, window, [f.procedure_code for f in facts],
                             lambda key: f"{key} {catalogue.names.get(key, '')}".strip()),
        daily=_daily(facts, period),
        monthly=tuple(_month(known.get(month) or fig.by_group(table, Window.of(month, now), whole, 1)[0], month)
                      for month in (trend or months_of(period))),
        scorecard=estimate(totals),
    )


def matching(facts: Sequence[DossierFacts], period: Period, now: dt.datetime, figure: str,
             group: Callable[[DossierFacts], bool] = lambda _f: True) -> list[uuid.UUID]:
    """The dossiers a count is made of (the drill-down from a table cell), in acceptance order."""
    members = [f for f in facts if group(f)]
    counted = fig.COUNTED[figure](columns(members, lambda _a, _b: 0), Window.of(period, now))
    chosen = [f for f, taken in zip(members, counted, strict=True) if taken]
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


def _groups(table: Columns, window: Window, keys: list[str], label_of: Callable[[str], str],
            rating_keys: list[str] | None = None) -> tuple[Group, ...]:
    """One row per key (field, clerk, procedure), each made of the dossiers with that key; ratings go with
    their dossier's key, or with `rating_keys` (one per rating, in the columns' order) when given."""
    names = sorted(set(keys) | set(rating_keys or ()))
    index = {name: number for number, name in enumerate(names)}
    own = np.array([index[key] for key in rating_keys], dtype=int) if rating_keys is not None else None
    found = fig.by_group(table, window, np.array([index[key] for key in keys], dtype=int), len(names), own)
    groups = [Group(name, label_of(name), figures) for name, figures in zip(names, found, strict=True)]
    return tuple(sorted((g for g in groups if _active(g.figures)), key=lambda g: (-g.figures.received, g.key)))


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

"""The report laid out as rows of plain values: what the screen, the XLSX and the PDF show alike."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.reports.figures import COUNTED, SHARES, Figures
from counter_app.reports.labels import HEADLINES, TABLE_COLUMNS, figure_label
from counter_app.reports.report import Group, Report

Value = int | float | None
SUMMARY: tuple[str, ...] = (
    *COUNTED, "postage", "documents_received", "documents_digitised", "rating_count", "rating_satisfied",
    "days_average", "days_p90", *SHARES,
)


@dataclass(frozen=True)
class Headline:
    """A tile: the figure now, before, the change, and whether the change is good news (None: no change)."""

    key: str
    label: str
    value: Value
    previous: Value
    change: float | None
    good: bool | None


def value_of(figures: Figures, name: str) -> Value:
    value: Value = getattr(figures, name)
    return value


def headlines(report: Report, lang: str = "vi") -> list[Headline]:
    tiles = []
    for key, rise_is_good in HEADLINES:
        now, before = value_of(report.totals, key), value_of(report.before, key)
        change = round(now - before, 1) if now is not None and before is not None else None
        good = None if not change else (change > 0) == rise_is_good
        tiles.append(Headline(key, figure_label(key, lang), now, before, change, good))
    return tiles


def summary_rows(report: Report, lang: str = "vi") -> list[tuple[str, str, Value, Value]]:
    """(key, label, this period, previous period) for every figure."""
    return [(name, figure_label(name, lang), value_of(report.totals, name), value_of(report.before, name))
            for name in SUMMARY]


def group_header(first: str, lang: str = "vi") -> list[str]:
    return [first, *(figure_label(name, lang) for name in TABLE_COLUMNS)]


def group_rows(groups: tuple[Group, ...]) -> list[tuple[str, str, list[Value]]]:
    """(key, label, values in TABLE_COLUMNS order) per group."""
    return [(g.key, g.label, [value_of(g.figures, name) for name in TABLE_COLUMNS]) for g in groups]


def shown(value: Value, percent: bool = False) -> str:
    """A value as a person reads it: '—' for nothing, one decimal for fractions, ' %' for shares."""
    if value is None:
        return "—"
    text = f"{value:.1f}".replace(".", ",") if isinstance(value, float) else f"{value:,}".replace(",", ".")
    return f"{text} %" if percent else text


def is_share(name: str) -> bool:
    return name in SHARES

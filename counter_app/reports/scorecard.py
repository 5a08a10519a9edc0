"""An ESTIMATE of the QĐ 766/QĐ-TTg scorecard from the report's figures; formulas read from a TOML file the
province can correct (`resources/reports/scorecard-766.toml`, or the same name in the data folder)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from counter_app.errors import ValidationError
from counter_app.paths import resource
from counter_app.reports.figures import Figures

FILE_NAME: Final = "scorecard-766.toml"
_TERM = re.compile(r"\s*([+-])?\s*([a-z_]+|\d+)\s*")


@dataclass(frozen=True)
class Indicator:
    name: str
    name_en: str
    numerator: str
    denominator: str
    points: float
    when_empty: str = "none"


@dataclass(frozen=True)
class Group:
    name: str
    name_en: str
    points: float
    indicators: tuple[Indicator, ...] = ()


@dataclass(frozen=True)
class Formulas:
    title: str
    title_en: str
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Line:
    """One indicator's estimate: its share (%) and points, None when it cannot be estimated."""

    name: str
    name_en: str
    max_points: float
    share: float | None
    points: float | None


@dataclass(frozen=True)
class GroupScore:
    name: str
    name_en: str
    max_points: float
    points: float | None
    lines: tuple[Line, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Scorecard:
    """Labelled an estimate wherever it is shown; `points` out of `max_points`, the points of the indicators
    that could be estimated (a group the counter cannot see, or with nothing to divide, counts for neither)."""

    title: str
    title_en: str
    groups: tuple[GroupScore, ...]
    points: float
    max_points: float


def estimate(figures: Any, formulas: Formulas | None = None) -> Scorecard:
    """Score `figures` (a Figures, or anything with the named attributes) with `formulas`."""
    chosen = formulas or load()
    groups = tuple(_group(group, figures) for group in chosen.groups)
    return Scorecard(chosen.title, chosen.title_en, groups, round(sum(g.points or 0 for g in groups), 1),
                     sum(reachable(g) for g in groups))


def reachable(group: GroupScore) -> float:
    """The points the group's estimated indicators can give (its maximum in the estimate)."""
    return sum(line.max_points for line in group.lines if line.points is not None)


def load(folder: Path | None = None) -> Formulas:
    """The formulas from `folder`/scorecard-766.toml when present, else the shipped ones."""
    override = folder / FILE_NAME if folder else None
    return _read(override if override and override.exists() else resource("reports", FILE_NAME))


@cache
def _read(path: Path) -> Formulas:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
        return Formulas(str(data["title"]), str(data.get("title_en", data["title"])),
                        tuple(_parse_group(group) for group in data["group"]))
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise ValidationError("report.scorecard_file", path=str(path), reason=str(error)) from error


def _parse_group(data: dict[str, Any]) -> Group:
    indicators = tuple(Indicator(str(i["name"]), str(i.get("name_en", i["name"])), _checked(i["numerator"]),
                                 _checked(i["denominator"]), float(i["points"]), str(i.get("when_empty", "none")))
                       for i in data.get("indicator", []))
    return Group(str(data["name"]), str(data.get("name_en", data["name"])), float(data["points"]), indicators)


def _checked(expression: str) -> str:
    """`a + b - 3`: figure names and whole numbers joined by + and -; ValueError otherwise."""
    known = set(Figures.__dataclass_fields__)
    position = 0
    for match in _TERM.finditer(expression):
        if match.start() != position or (position and not match.group(1)):
            break
        if not match.group(2).isdigit() and match.group(2) not in known:
            raise ValueError(f"unknown figure {match.group(2)!r} in {expression!r}")
        position = match.end()
    if position != len(expression) or not expression.strip():
        raise ValueError(f"cannot read {expression!r}: use figure names and numbers joined by + and -")
    return expression


def value(expression: str, figures: Any) -> int:
    total = 0
    for match in _TERM.finditer(expression):
        term = match.group(2)
        amount = int(term) if term.isdigit() else int(getattr(figures, term))
        total += -amount if match.group(1) == "-" else amount
    return total


def _group(group: Group, figures: Any) -> GroupScore:
    lines = tuple(_line(indicator, figures) for indicator in group.indicators)
    scored = [line.points for line in lines if line.points is not None]
    if not scored:
        return GroupScore(group.name, group.name_en, group.points, None, lines)
    return GroupScore(group.name, group.name_en, group.points, round(sum(scored), 1), lines)


def _line(indicator: Indicator, figures: Any) -> Line:
    numerator, denominator = value(indicator.numerator, figures), value(indicator.denominator, figures)
    if denominator <= 0:
        points = indicator.points if indicator.when_empty == "full" else None
        return Line(indicator.name, indicator.name_en, indicator.points, None, points)
    ratio = min(1.0, max(0.0, numerator / denominator))
    return Line(indicator.name, indicator.name_en, indicator.points, round(100 * ratio, 1),
                round(indicator.points * ratio, 2))

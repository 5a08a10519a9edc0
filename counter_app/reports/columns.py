"""Many dossiers' facts as columns (numpy arrays), so that each figure is one vectorised test over all of
them: a month report over 200,000 dossiers stays within two seconds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from counter_app.clock import local
from counter_app.deadlines import Timeliness, timeliness
from counter_app.reports.history import DossierFacts
from counter_app.reports.periods import Period

Array = npt.NDArray[Any]
DayCount = Callable[[dt.date, dt.date], int]
CHANNELS: Final = ("counter", "postal", "online")
ENDINGS: Final = ("refused_at_counter", "refused", "withdrawn", "stopped")
TIMELINESS: Final = (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE)  # codes 1, 2, 3; 0 not settled
_MOMENTS: Final = ("accepted_at", "deadline", "settled_at", "ended_at", "sent_back_at", "supplement_requested_at",
                   "supplement_back_at", "returned_at", "apology_at")


@dataclass(frozen=True)
class Window:
    """A period as seconds since the epoch: [start, end), and `at`, the moment open dossiers are counted."""

    start: float
    end: float
    at: float

    @classmethod
    def of(cls, period: Period, now: dt.datetime) -> Window:
        at = min(period.end, local(now))
        return cls(period.start.timestamp(), period.end.timestamp(), at.timestamp())

    def holds(self, moments: Array) -> Array:
        return (moments >= self.start) & (moments < self.end)  # NaN (no such moment) is never held


@dataclass(frozen=True)
class Columns:
    """One row per dossier. Moments are seconds since the epoch (NaN: none); `timeliness` 0 (not settled) or
    1 early, 2 on time, 3 late; `days` the working days from acceptance to settlement (NaN: not settled).
    Ratings are rows of their own, `rating_row` pointing at their dossier."""

    moments: dict[str, Array]
    channel: Array
    ended_as: Array
    by_post: Array
    timeliness: Array
    documents: Array
    digitised: Array
    signed: Array
    days: Array
    rating_row: Array
    rating_at: Array
    rating_score: Array
    postage_row: Array  # postage paid at the counter: rows of their own, like ratings
    postage_at: Array
    postage_amount: Array

    def __len__(self) -> int:
        return len(self.channel)

    def at(self, name: str) -> Array:
        """The column of one moment (`accepted_at`, `deadline`, `settled_at` …)."""
        return self.moments[name]


def columns(facts: Sequence[DossierFacts], days: DayCount) -> Columns:
    """The facts as columns; `days` counts working days (period-independent, so worked out once here)."""
    ratings = [(row, rating.at.timestamp(), rating.score)
               for row, fact in enumerate(facts) for rating in fact.ratings if 1 <= rating.score <= 4]
    postage = [(row, paid.at.timestamp(), paid.amount) for row, fact in enumerate(facts) for paid in fact.postage]
    return Columns(
        moments={name: np.array([_seconds(getattr(f, name)) for f in facts], dtype=float) for name in _MOMENTS},
        channel=np.array([CHANNELS.index(f.channel) if f.channel in CHANNELS else 0 for f in facts], dtype=int),
        ended_as=np.array([ENDINGS.index(f.ended_as) + 1 if f.ended_as in ENDINGS else 0 for f in facts], dtype=int),
        by_post=np.array([f.returned_by_post for f in facts], dtype=bool),
        timeliness=np.array([_timeliness(f) for f in facts], dtype=int),
        documents=np.array([f.documents for f in facts], dtype=int),
        digitised=np.array([min(len(f.digitised_at_intake), f.documents) for f in facts], dtype=int),
        signed=np.array([bool(f.signed) for f in facts], dtype=bool),
        days=np.array([_days(f, days) for f in facts], dtype=float),
        rating_row=np.array([r[0] for r in ratings], dtype=int),
        rating_at=np.array([r[1] for r in ratings], dtype=float),
        rating_score=np.array([r[2] for r in ratings], dtype=int),
        postage_row=np.array([p[0] for p in postage], dtype=int),
        postage_at=np.array([p[1] for p in postage], dtype=float),
        postage_amount=np.array([p[2] for p in postage], dtype=int),
    )


def _seconds(moment: dt.datetime | None) -> float:
    return float("nan") if moment is None else moment.timestamp()


def _timeliness(f: DossierFacts) -> int:
    """Judged against the deadline before any extension (see figures)."""
    if f.deadline is None or f.settled_at is None:
        return 0
    return TIMELINESS.index(timeliness(f.deadline, f.settled_at)) + 1


def _days(f: DossierFacts, days: DayCount) -> float:
    if f.accepted_at is None or f.settled_at is None or f.deadline is None:
        return float("nan")
    return float(days(local(f.accepted_at).date(), local(f.settled_at).date()))

"""The figures of the periodic report, each defined once here (one function and its docstring per figure).

A dossier's timeliness is judged against its deadline before any extension: the due date-time set at
acceptance, or reset when a supplement asked for after appraisal arrives (NĐ 61/2018 Điều 19.4). An
extension with apology (Mẫu 04) does not make a late dossier on time; it is counted by
`apology_before_deadline` instead. Labels follow the Phiếu kiểm soát: trước hạn / đúng hạn / quá hạn
(DOMAIN.md §1, rule 6)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from counter_app.clock import local
from counter_app.deadlines import Timeliness, timeliness
from counter_app.reports.history import DossierFacts
from counter_app.reports.periods import Period

SATISFIED_SCORES: Final = frozenset({1, 2})  # 1 rất hài lòng, 2 hài lòng, 3 chưa hài lòng, 4 không hài lòng
CHANNELS: Final = ("counter", "postal", "online")
Counted = Callable[[DossierFacts, Period, dt.datetime], bool]
DayCount = Callable[[dt.date, dt.date], int]


def received(f: DossierFacts, p: Period, _at: dt.datetime) -> bool:
    """Tiếp nhận: accepted in the period (a code issued and a due date given)."""
    return p.holds(f.accepted_at)


def received_counter(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Received in the period at the counter (trực tiếp)."""
    return received(f, p, at) and f.channel == "counter"


def received_postal(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Received in the period through the public postal service (bưu chính công ích)."""
    return received(f, p, at) and f.channel == "postal"


def received_online(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Received in the period online (dịch vụ công trực tuyến)."""
    return received(f, p, at) and f.channel == "online"


def settled(f: DossierFacts, p: Period, _at: dt.datetime) -> bool:
    """Đã giải quyết: a result recorded, or a refusal after appraisal, in the period (the decision; the
    hand-over is `returned`). Only accepted dossiers (with a deadline) count."""
    return f.deadline is not None and p.holds(f.settled_at)


def settled_early(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Settled in the period on a day before the deadline's day (trước hạn)."""
    return settled(f, p, at) and _timeliness(f) is Timeliness.EARLY


def settled_on_time(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Settled in the period on the deadline's day, by the deadline's time (đúng hạn)."""
    return settled(f, p, at) and _timeliness(f) is Timeliness.ON_TIME


def settled_late(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Settled in the period after the deadline (quá hạn), extended or not."""
    return settled(f, p, at) and _timeliness(f) is Timeliness.LATE


def open_not_due(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """In progress at the end of the period (or now, if earlier) and not past its deadline; a dossier
    waiting for the citizen's supplement counts here, since its clock is stopped."""
    return _open(f, at) and not _overdue(f, at)


def open_overdue(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """In progress at the end of the period (or now) with its clock running and its deadline passed."""
    return _open(f, at) and _overdue(f, at)


def apology_before_deadline(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Late (settled late in the period, or overdue at its end) with the apology and new date (Mẫu 04)
    issued at least one day before the deadline, as NĐ 61/2018 Điều 19.9 asks."""
    late = settled_late(f, p, at) or open_overdue(f, p, at)
    return late and _apologised_in_time(f)


def late_without_apology(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Late (as in `apology_before_deadline`) with no apology, or one issued less than a day ahead."""
    return (settled_late(f, p, at) or open_overdue(f, p, at)) and not _apologised_in_time(f)


def sent_back(f: DossierFacts, p: Period, _at: dt.datetime) -> bool:
    """Sent back at the counter to be completed (Mẫu 02) in the period."""
    return p.holds(f.sent_back_at)


def supplement_requested(f: DossierFacts, p: Period, _at: dt.datetime) -> bool:
    """Asked for a supplement after appraisal in the period (the deadline restarts when it arrives)."""
    return p.holds(f.supplement_requested_at)


def refused_at_counter(f: DossierFacts, p: Period, _at: dt.datetime) -> bool:
    """Refused at the counter (Mẫu 03) in the period."""
    return f.ended_as == "refused_at_counter" and p.holds(f.ended_at)


def refused(f: DossierFacts, p: Period, _at: dt.datetime) -> bool:
    """Refused after appraisal in the period (also counted as settled)."""
    return f.ended_as == "refused" and p.holds(f.ended_at)


def withdrawn(f: DossierFacts, p: Period, _at: dt.datetime) -> bool:
    """Withdrawn by the citizen in the period."""
    return f.ended_as == "withdrawn" and p.holds(f.ended_at)


def stopped(f: DossierFacts, p: Period, _at: dt.datetime) -> bool:
    """Processing stopped (Mẫu 05) in the period."""
    return f.ended_as == "stopped" and p.holds(f.ended_at)


def digitised_dossiers(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Received in the period with every received document digitised before it left the counter
    (before its transfer or result)."""
    return received(f, p, at) and f.documents > 0 and len(f.digitised_at_intake) >= f.documents


def signed_dossiers(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Received in the period with at least one digitised document digitally signed."""
    return received(f, p, at) and bool(f.signed)


def returned(f: DossierFacts, p: Period, _at: dt.datetime) -> bool:
    """Result handed over in the period (at the counter or to the post)."""
    return p.holds(f.returned_at)


def returned_by_post(f: DossierFacts, p: Period, at: dt.datetime) -> bool:
    """Result handed to the post in the period for delivery (QĐ 45/2016)."""
    return returned(f, p, at) and f.returned_by_post


COUNTED: Final[dict[str, Counted]] = {function.__name__: function for function in (
    received, received_counter, received_postal, received_online, settled, settled_early, settled_on_time,
    settled_late, open_not_due, open_overdue, apology_before_deadline, late_without_apology, sent_back,
    supplement_requested, refused_at_counter, refused, withdrawn, stopped, digitised_dossiers, signed_dossiers,
    returned, returned_by_post,
)}


# A figure counted only with one of these (each implies it by definition, and comes earlier in COUNTED):
# skipping the test when none is counted saves most of the work on large reports.
GATES: Final[dict[str, tuple[str, ...]]] = {
    **{name: ("received",) for name in ("received_counter", "received_postal", "received_online",
                                        "digitised_dossiers", "signed_dossiers")},
    **{name: ("settled",) for name in ("settled_early", "settled_on_time", "settled_late")},
    **{name: ("settled_late", "open_overdue") for name in ("apology_before_deadline", "late_without_apology")},
    "returned_by_post": ("returned",),
}


@dataclass(frozen=True)
class Figures:
    """Every figure of one group (the office, a field, a clerk, a procedure) for one period."""

    received: int = 0
    received_counter: int = 0
    received_postal: int = 0
    received_online: int = 0
    settled: int = 0
    settled_early: int = 0
    settled_on_time: int = 0
    settled_late: int = 0
    open_not_due: int = 0
    open_overdue: int = 0
    apology_before_deadline: int = 0
    late_without_apology: int = 0
    sent_back: int = 0
    supplement_requested: int = 0
    refused_at_counter: int = 0
    refused: int = 0
    withdrawn: int = 0
    stopped: int = 0
    digitised_dossiers: int = 0
    signed_dossiers: int = 0
    returned: int = 0
    returned_by_post: int = 0
    documents_received: int = 0
    documents_digitised: int = 0
    rating_count: int = 0
    rating_satisfied: int = 0
    rating_scores: tuple[int, int, int, int] = (0, 0, 0, 0)
    days_average: float | None = None
    days_p90: float | None = None

    @property
    def on_time_share(self) -> float | None:
        """Settled early or on time, in % of settled."""
        return share(self.settled_early + self.settled_on_time, self.settled)

    @property
    def apology_share(self) -> float | None:
        """Late dossiers apologised for in time, in % of late dossiers (settled late + open overdue)."""
        return share(self.apology_before_deadline, self.apology_before_deadline + self.late_without_apology)

    @property
    def digitised_share(self) -> float | None:
        """Dossiers digitised at intake, in % of dossiers received."""
        return share(self.digitised_dossiers, self.received)

    @property
    def documents_digitised_share(self) -> float | None:
        """Documents digitised at intake, in % of the documents received."""
        return share(self.documents_digitised, self.documents_received)

    @property
    def online_postal_share(self) -> float | None:
        """Dossiers received online or by post, in % of dossiers received."""
        return share(self.received_online + self.received_postal, self.received)

    @property
    def satisfaction_share(self) -> float | None:
        """Ratings 1 (rất hài lòng) or 2 (hài lòng), in % of ratings given in the period."""
        return share(self.rating_satisfied, self.rating_count)

    def as_dict(self) -> dict[str, object]:
        """Counts, shares (%, one decimal; None when there is nothing to divide by) and day figures."""
        data: dict[str, object] = dataclasses.asdict(self)
        data["rating_scores"] = list(self.rating_scores)
        for name in SHARES:
            data[name] = getattr(self, name)
        return data


SHARES: Final = ("on_time_share", "apology_share", "digitised_share", "documents_digitised_share",
                 "online_postal_share", "satisfaction_share")


@dataclass(frozen=True)
class Tally:
    """What one dossier adds to one period's figures (worked out once, then summed for any grouping)."""

    counted: tuple[str, ...]
    documents: tuple[int, int] = (0, 0)
    days: int | None = None
    scores: tuple[int, ...] = ()


def tally(fact: DossierFacts, period: Period, moment: dt.datetime, days: DayCount) -> Tally | None:
    """The counts `fact` adds to `period` as of `moment`; None when it adds nothing."""
    if not (period.touched_by(fact.moments) or _open(fact, moment)):
        return None
    counted: list[str] = []
    for name, test in COUNTED.items():
        gates = GATES.get(name)
        if (gates is None or any(gate in counted for gate in gates)) and test(fact, period, moment):
            counted.append(name)
    documents = (fact.documents, min(len(fact.digitised_at_intake), fact.documents)) if "received" in counted \
        else (0, 0)
    taken = None
    if "settled" in counted and fact.accepted_at and fact.settled_at:
        taken = days(local(fact.accepted_at).date(), local(fact.settled_at).date())
    scores = tuple(r.score for r in fact.ratings if period.holds(r.at) and 1 <= r.score <= 4)
    return Tally(tuple(counted), documents, taken, scores)


def total(tallies: Iterable[Tally | None]) -> Figures:
    """The figures made of `tallies` (None entries are skipped)."""
    counts = dict.fromkeys(COUNTED, 0)
    documents = [0, 0]
    scores = [0, 0, 0, 0]
    durations: list[int] = []
    for one in tallies:
        if one is None:
            continue
        for name in one.counted:
            counts[name] += 1
        documents[0] += one.documents[0]
        documents[1] += one.documents[1]
        if one.days is not None:
            durations.append(one.days)
        for score in one.scores:
            scores[score - 1] += 1
    return Figures(**counts, documents_received=documents[0], documents_digitised=documents[1],
                   rating_count=sum(scores), rating_satisfied=scores[0] + scores[1],
                   rating_scores=(scores[0], scores[1], scores[2], scores[3]),
                   days_average=round(sum(durations) / len(durations), 1) if durations else None,
                   days_p90=percentile(durations, 90))


def compute(facts: Iterable[DossierFacts], period: Period, now: dt.datetime, days: DayCount) -> Figures:
    """The figures of `facts` for `period`; open dossiers are counted as of the end of the period, or
    `now` when the period has not ended yet."""
    moment = as_of(period, now)
    return total(tally(fact, period, moment, days) for fact in facts)


def as_of(period: Period, now: dt.datetime) -> dt.datetime:
    """The moment open dossiers are counted at: the end of the period, or `now` if earlier."""
    return min(period.end, local(now))


def share(part: int, whole: int) -> float | None:
    """`part` in % of `whole`, one decimal; None when `whole` is 0."""
    return round(100 * part / whole, 1) if whole else None


def percentile(values: list[int], rank: int) -> float | None:
    """The nearest-rank percentile (the smallest value with at least `rank` % of values at or below it)."""
    if not values:
        return None
    ordered = sorted(values)
    return float(ordered[max(0, math.ceil(rank / 100 * len(ordered)) - 1)])


def _timeliness(f: DossierFacts) -> Timeliness | None:
    if f.deadline is None or f.settled_at is None:
        return None
    return timeliness(f.deadline, f.settled_at)


def _open(f: DossierFacts, at: dt.datetime) -> bool:
    if f.accepted_at is None or f.accepted_at >= at:
        return False
    return not any(moment is not None and moment < at for moment in (f.settled_at, f.ended_at))


def _overdue(f: DossierFacts, at: dt.datetime) -> bool:
    waiting = (f.supplement_requested_at is not None and f.supplement_requested_at < at
               and (f.supplement_back_at is None or f.supplement_back_at >= at))
    return not waiting and f.deadline is not None and f.deadline < at


def _apologised_in_time(f: DossierFacts) -> bool:
    return (f.apology_at is not None and f.deadline is not None
            and f.deadline - f.apology_at >= dt.timedelta(days=1))

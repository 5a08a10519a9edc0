"""The figures of the periodic report, each defined once here (one function and its docstring per figure;
each takes the dossiers as columns and answers, for every dossier at once, whether it counts).

A dossier's timeliness is judged against its deadline before any extension: the due date-time set at
acceptance, or reset when a supplement asked for after appraisal arrives (NĐ 61/2018 Điều 19.4). An
extension with apology (Mẫu 04) does not make a late dossier on time; it is counted by
`apology_before_deadline` instead. Labels follow the Phiếu kiểm soát: trước hạn / đúng hạn / quá hạn
(DOMAIN.md §1, rule 6)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from counter_app.clock import local
from counter_app.deadlines import Timeliness
from counter_app.lifecycle import Status, clock_running
from counter_app.reports.columns import CHANNELS, ENDINGS, TIMELINESS, Array, Columns, DayCount, Window, columns
from counter_app.reports.history import DossierFacts
from counter_app.reports.periods import Period
from counter_app.reports.rating import is_satisfied

# The statuses of a dossier that may be open at the end of a period however long ago it last changed.
OPEN_STATUSES: Final = (*(s.value for s in Status if clock_running(s)), Status.SUPPLEMENT_REQUESTED.value)
Mask = Array  # one boolean per dossier: counted or not
Counted = Callable[[Columns, Window], Mask]
__all__ = ["CHANNELS", "DayCount"]


def received(c: Columns, w: Window) -> Mask:
    """Tiếp nhận: accepted in the period (a code issued and a due date given)."""
    return w.holds(c.at("accepted_at"))


def received_counter(c: Columns, w: Window) -> Mask:
    """Received in the period at the counter (trực tiếp)."""
    return received(c, w) & _equals(c.channel, CHANNELS.index("counter"))


def received_postal(c: Columns, w: Window) -> Mask:
    """Received in the period through the public postal service (bưu chính công ích)."""
    return received(c, w) & _equals(c.channel, CHANNELS.index("postal"))


def received_online(c: Columns, w: Window) -> Mask:
    """Received in the period online (dịch vụ công trực tuyến)."""
    return received(c, w) & _equals(c.channel, CHANNELS.index("online"))


def settled(c: Columns, w: Window) -> Mask:
    """Đã giải quyết: a result recorded, or a refusal after appraisal, in the period (the decision; the
    hand-over is `returned`). Only accepted dossiers (with a deadline) count."""
    return ~np.isnan(c.at("deadline")) & w.holds(c.at("settled_at"))


def settled_early(c: Columns, w: Window) -> Mask:
    """Settled in the period on a day before the deadline's day (trước hạn)."""
    return settled(c, w) & _equals(c.timeliness, 1 + TIMELINESS.index(Timeliness.EARLY))


def settled_on_time(c: Columns, w: Window) -> Mask:
    """Settled in the period on the deadline's day, by the deadline's time (đúng hạn)."""
    return settled(c, w) & _equals(c.timeliness, 1 + TIMELINESS.index(Timeliness.ON_TIME))


def settled_late(c: Columns, w: Window) -> Mask:
    """Settled in the period after the deadline (quá hạn), extended or not."""
    return settled(c, w) & _equals(c.timeliness, 1 + TIMELINESS.index(Timeliness.LATE))


def open_not_due(c: Columns, w: Window) -> Mask:
    """In progress at the end of the period (or now, if earlier) and not past its deadline; a dossier
    waiting for the citizen's supplement counts here, since its clock is stopped."""
    return _open(c, w) & ~_overdue(c, w)


def open_overdue(c: Columns, w: Window) -> Mask:
    """In progress at the end of the period (or now) with its clock running and its deadline passed."""
    return _open(c, w) & _overdue(c, w)


def apology_before_deadline(c: Columns, w: Window) -> Mask:
    """Late (settled late in the period, or overdue at its end) with the apology and new date (Mẫu 04)
    issued at least one day before the deadline, as NĐ 61/2018 Điều 19.9 asks."""
    return (settled_late(c, w) | open_overdue(c, w)) & _apologised_in_time(c)


def late_without_apology(c: Columns, w: Window) -> Mask:
    """Late (as in `apology_before_deadline`) with no apology, or one issued less than a day ahead."""
    return (settled_late(c, w) | open_overdue(c, w)) & ~_apologised_in_time(c)


def sent_back(c: Columns, w: Window) -> Mask:
    """Sent back at the counter to be completed (Mẫu 02) in the period."""
    return w.holds(c.at("sent_back_at"))


def supplement_requested(c: Columns, w: Window) -> Mask:
    """Asked for a supplement after appraisal in the period (the deadline restarts when it arrives)."""
    return w.holds(c.at("supplement_requested_at"))


def refused_at_counter(c: Columns, w: Window) -> Mask:
    """Refused at the counter (Mẫu 03) in the period."""
    return _ended(c, w, "refused_at_counter")


def refused(c: Columns, w: Window) -> Mask:
    """Refused after appraisal in the period (also counted as settled)."""
    return _ended(c, w, "refused")


def withdrawn(c: Columns, w: Window) -> Mask:
    """Withdrawn by the citizen in the period."""
    return _ended(c, w, "withdrawn")


def stopped(c: Columns, w: Window) -> Mask:
    """Processing stopped (Mẫu 05) in the period."""
    return _ended(c, w, "stopped")


def digitised_dossiers(c: Columns, w: Window) -> Mask:
    """Received in the period with every received document digitised before it left the counter
    (before its transfer or result)."""
    return received(c, w) & (c.documents > 0) & (c.digitised >= c.documents)


def signed_dossiers(c: Columns, w: Window) -> Mask:
    """Received in the period with at least one digitised document digitally signed."""
    return received(c, w) & c.signed


def returned(c: Columns, w: Window) -> Mask:
    """Result handed over in the period (at the counter or to the post)."""
    return w.holds(c.at("returned_at"))


def returned_by_post(c: Columns, w: Window) -> Mask:
    """Result handed to the post in the period for delivery (QĐ 45/2016)."""
    return returned(c, w) & c.by_post


COUNTED: Final[dict[str, Counted]] = {function.__name__: function for function in (
    received, received_counter, received_postal, received_online, settled, settled_early, settled_on_time,
    settled_late, open_not_due, open_overdue, apology_before_deadline, late_without_apology, sent_back,
    supplement_requested, refused_at_counter, refused, withdrawn, stopped, digitised_dossiers, signed_dossiers,
    returned, returned_by_post,
)}


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
    postage: int = 0  # đồng of postage (cước) citizens paid at the counter in the period

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


def compute(facts: Sequence[DossierFacts], period: Period, now: dt.datetime, days: DayCount) -> Figures:
    """The figures of `facts` for `period`; open dossiers are counted as of the end of the period, or
    `now` when the period has not ended yet."""
    return by_group(columns(facts, days), Window.of(period, now), np.zeros(len(facts), dtype=int), 1)[0]


def by_group(c: Columns, w: Window, group: Array, count: int, rating_group: Array | None = None) -> list[Figures]:
    """The figures of each of `count` groups, `group` giving each dossier's group (0 … count − 1) and
    `rating_group` each rating's (default: its dossier's)."""
    counts = {name: np.bincount(group, weights=test(c, w), minlength=count) for name, test in COUNTED.items()}
    taken = received(c, w)
    documents = np.bincount(group, weights=c.documents * taken, minlength=count)
    digitised = np.bincount(group, weights=c.digitised * taken, minlength=count)
    given = w.holds(c.rating_at)
    owners = (group[c.rating_row] if rating_group is None else rating_group)[given]
    scores = [np.bincount(owners, weights=c.rating_score[given] == score, minlength=count) for score in (1, 2, 3, 4)]
    durations = settled(c, w) & ~np.isnan(c.days)
    paid = w.holds(c.postage_at)
    postage = np.bincount(group[c.postage_row][paid], weights=c.postage_amount[paid], minlength=count)
    found = []
    for index in range(count):
        spent = c.days[durations & (group == index)]
        rated = tuple(int(s[index]) for s in scores)
        found.append(Figures(
            **{name: int(values[index]) for name, values in counts.items()},
            documents_received=int(documents[index]), documents_digitised=int(digitised[index]),
            rating_count=sum(rated), rating_satisfied=sum(n for score, n in enumerate(rated, 1) if is_satisfied(score)),
            rating_scores=(rated[0], rated[1], rated[2], rated[3]),
            days_average=round(float(spent.mean()), 1) if len(spent) else None,
            days_p90=percentile([int(d) for d in spent], 90), postage=int(postage[index])))
    return found


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


def _ended(c: Columns, w: Window, how: str) -> Mask:
    return _equals(c.ended_as, ENDINGS.index(how) + 1) & w.holds(c.at("ended_at"))


def _equals(column: Array, value: int) -> Mask:
    found: Mask = column == value
    return found


def _open(c: Columns, w: Window) -> Mask:
    """Accepted before the moment, neither settled nor ended by then."""
    return (c.at("accepted_at") < w.at) & ~(c.at("settled_at") < w.at) & ~(c.at("ended_at") < w.at)


def _overdue(c: Columns, w: Window) -> Mask:
    """Past the deadline at the moment, unless waiting for the citizen's supplement then."""
    waiting = (c.at("supplement_requested_at") < w.at) & ~(c.at("supplement_back_at") < w.at)
    return ~waiting & (c.at("deadline") < w.at)


def _apologised_in_time(c: Columns) -> Mask:
    ahead: Array = c.at("deadline") - c.at("apology_at")
    in_time: Mask = ahead >= 24 * 3600  # NaN (no apology) is never in time
    return in_time

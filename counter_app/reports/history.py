"""One dossier's history reduced to the facts the figures count (a pure function of its event log)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from counter_app.lifecycle import Action

# How a dossier ended, by the event that ended it.
ENDINGS = {
    Action.REFUSE_AT_COUNTER.value: "refused_at_counter", Action.REFUSE.value: "refused",
    Action.WITHDRAW.value: "withdrawn", Action.STOP.value: "stopped",
}


@dataclass(frozen=True)
class EventRecord:
    """One event as the report needs it: type, device time (aware), actor, payload."""

    dossier_id: uuid.UUID | None
    type: str
    at: dt.datetime
    actor: str
    payload: Mapping[str, Any]


@dataclass(frozen=True)
class Rating:
    """One answer; `clerk` is who served the citizen then (the event's actor)."""

    at: dt.datetime
    score: int
    stage: str = "return"
    clerk: str = ""


@dataclass(frozen=True)
class Postage:
    """Postage (cước) a citizen paid at the counter for one postal item; a later amount replaces it."""

    at: dt.datetime
    item: str
    amount: int


@dataclass(frozen=True)
class DossierFacts:
    """What the figures count about one dossier. `deadline` is the due date-time before any extension (set
    at acceptance, reset when a supplement arrives); `extended_due` the one promised in the apology."""

    id: uuid.UUID
    code: str | None = None
    procedure_code: str = ""
    channel: str = "counter"
    clerk: str = ""
    submitted_at: dt.datetime | None = None
    accepted_at: dt.datetime | None = None
    deadline: dt.datetime | None = None
    extended_due: dt.datetime | None = None
    apology_at: dt.datetime | None = None
    sent_back_at: dt.datetime | None = None
    supplement_requested_at: dt.datetime | None = None
    supplement_back_at: dt.datetime | None = None
    settled_at: dt.datetime | None = None
    result_at: dt.datetime | None = None
    returned_at: dt.datetime | None = None
    returned_by_post: bool = False
    ended_as: str = ""
    ended_at: dt.datetime | None = None
    documents: int = 0
    digitised: frozenset[int] = frozenset()
    digitised_at_intake: frozenset[int] = frozenset()
    signed: frozenset[int] = frozenset()
    ratings: tuple[Rating, ...] = field(default_factory=tuple)
    postage: tuple[Postage, ...] = field(default_factory=tuple)


def facts_of(dossier_id: uuid.UUID, events: Iterable[EventRecord]) -> DossierFacts:
    """Fold the events (in recorded order) into facts; unknown event types are ignored."""
    state: dict[str, Any] = {"id": dossier_id, "digitised": set(), "digitised_at_intake": set(), "signed": set(),
                             "ratings": [], "postage": {}}
    for event in events:
        _STEPS.get(event.type, _ignore)(state, event)
    state.pop("left_counter", None)
    for key in ("digitised", "digitised_at_intake", "signed"):
        state[key] = frozenset(state[key])
    state["ratings"] = tuple(state["ratings"])
    state["postage"] = tuple(state["postage"].values())
    return DossierFacts(**state)


def _postage_paid(state: dict[str, Any], event: EventRecord) -> None:
    item = str(event.payload.get("postal_item", ""))
    state["postage"][item] = Postage(event.at, item, int(event.payload.get("amount", 0)))


def _ignore(_state: dict[str, Any], _event: EventRecord) -> None:
    return None


def _received(state: dict[str, Any], event: EventRecord) -> None:
    state.update(procedure_code=str(event.payload.get("procedure_code", "")),
                 channel=str(event.payload.get("channel", "counter")), clerk=event.actor, submitted_at=event.at,
                 documents=len(event.payload.get("documents") or ()))


def _accepted(state: dict[str, Any], event: EventRecord) -> None:
    state.update(code=event.payload.get("code"), accepted_at=event.at, clerk=event.actor,
                 deadline=_time(event.payload.get("due_at")))


def _sent_back(state: dict[str, Any], event: EventRecord) -> None:
    state["sent_back_at"] = event.at


def _supplement_requested(state: dict[str, Any], event: EventRecord) -> None:
    state.update(supplement_requested_at=event.at, supplement_back_at=None)


def _supplement_received(state: dict[str, Any], event: EventRecord) -> None:
    state.update(supplement_back_at=event.at, deadline=_time(event.payload.get("due_at")) or state.get("deadline"),
                 extended_due=None, apology_at=None)


def _extended(state: dict[str, Any], event: EventRecord) -> None:
    state.update(extended_due=_time(event.payload.get("due_at")), apology_at=event.at)


def _transferred(state: dict[str, Any], _event: EventRecord) -> None:
    state["left_counter"] = True


def _result(state: dict[str, Any], event: EventRecord) -> None:
    state.update(result_at=event.at, settled_at=event.at, left_counter=True)


def _returned(state: dict[str, Any], event: EventRecord) -> None:
    state.update(returned_at=event.at, returned_by_post=event.payload.get("delivery") == "postal")


def _ended(state: dict[str, Any], event: EventRecord) -> None:
    state.update(ended_as=ENDINGS[event.type], ended_at=event.at)
    if event.type == Action.REFUSE.value:  # a refusal after appraisal is the dossier's decision
        state["settled_at"] = event.at


def _filed(state: dict[str, Any], event: EventRecord) -> None:
    position = int(event.payload.get("position", 0))
    state["digitised"].add(position)
    if not state.get("left_counter"):
        state["digitised_at_intake"].add(position)
    if event.payload.get("signed"):
        state["signed"].add(position)


def _rated(state: dict[str, Any], event: EventRecord) -> None:
    state["ratings"].append(Rating(event.at, int(event.payload["score"]), str(event.payload.get("stage", "return")),
                                   event.actor))


def _time(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


_STEPS = {
    Action.RECEIVE.value: _received, Action.ACCEPT.value: _accepted,
    Action.REQUEST_SUPPLEMENT_AT_COUNTER.value: _sent_back, Action.REQUEST_SUPPLEMENT.value: _supplement_requested,
    Action.SUPPLEMENT_RECEIVED.value: _supplement_received, Action.EXTEND.value: _extended,
    Action.RECORD_RESULT.value: _result, Action.RETURN_RESULT.value: _returned,
    Action.FILE_DOCUMENT.value: _filed, Action.RATE.value: _rated,
    Action.POSTAL_FEE.value: _postage_paid, Action.TRANSFER.value: _transferred,
    **{kind: _ended for kind in ENDINGS},
}

"""The dossier lifecycle: statuses, actions, and which action is legal in which status."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from counter_app.errors import IllegalTransition
from counter_app.messages import Bilingual


class Status(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"
    COUNTER_SUPPLEMENT = "counter_supplement"
    REFUSED_AT_COUNTER = "refused_at_counter"
    TRANSFERRED = "transferred"
    IN_PROGRESS = "in_progress"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    RESULT_READY = "result_ready"
    RETURNED = "returned"
    REFUSED = "refused"
    STOPPED = "stopped"
    WITHDRAWN = "withdrawn"


class Action(StrEnum):
    """Every action is recorded as a dossier event of the same name."""

    RECEIVE = "received"
    ACCEPT = "accepted"
    REQUEST_SUPPLEMENT_AT_COUNTER = "counter_supplement_requested"
    REFUSE_AT_COUNTER = "refused_at_counter"
    TRANSFER = "transferred"
    REQUEST_SUPPLEMENT = "supplement_requested"
    SUPPLEMENT_RECEIVED = "supplement_received"
    REFUSE = "refused"
    EXTEND = "extended"
    STOP = "stopped"
    RECORD_RESULT = "result_recorded"
    RETURN_RESULT = "result_returned"
    WITHDRAW = "withdrawn"
    FILE_DOCUMENT = "document_filed"  # a digitised, signed or time-stamped PDF for one received document
    POSTAL_DELIVERED = "postal_delivered"  # the post delivered the result (date from the post)
    POSTAL_RETURNED = "postal_returned"  # chuyển hoàn: the post brought the result back; ready to return again
    POSTAL_FEE = "postal_fee_paid"  # cước: the citizen paid the postage at the counter
    RATE = "rated"  # the citizen's satisfaction rating (1 very satisfied … 4 not satisfied), never who gave it


_PROCESSING: Final = frozenset({Status.TRANSFERRED, Status.IN_PROGRESS})
_CLOCK_RUNNING: Final = frozenset({Status.ACCEPTED}) | _PROCESSING

# action -> (statuses it may start from, status it leads to; None keeps the status)
TRANSITIONS: Final[dict[Action, tuple[frozenset[Status], Status | None]]] = {
    Action.ACCEPT: (frozenset({Status.RECEIVED, Status.COUNTER_SUPPLEMENT}), Status.ACCEPTED),
    Action.REQUEST_SUPPLEMENT_AT_COUNTER: (frozenset({Status.RECEIVED}), Status.COUNTER_SUPPLEMENT),
    Action.REFUSE_AT_COUNTER: (
        frozenset({Status.RECEIVED, Status.COUNTER_SUPPLEMENT}), Status.REFUSED_AT_COUNTER,
    ),
    Action.TRANSFER: (frozenset({Status.ACCEPTED}), Status.TRANSFERRED),
    Action.REQUEST_SUPPLEMENT: (_PROCESSING, Status.SUPPLEMENT_REQUESTED),
    Action.SUPPLEMENT_RECEIVED: (frozenset({Status.SUPPLEMENT_REQUESTED}), Status.IN_PROGRESS),
    Action.REFUSE: (_PROCESSING, Status.REFUSED),
    Action.EXTEND: (_CLOCK_RUNNING, None),
    # TT 03/2025 Điều 7: stopping follows the applicant's request (or the office's), while no decision exists.
    Action.STOP: (_CLOCK_RUNNING | {Status.SUPPLEMENT_REQUESTED}, Status.STOPPED),
    Action.RECORD_RESULT: (_PROCESSING, Status.RESULT_READY),
    Action.RETURN_RESULT: (frozenset({Status.RESULT_READY}), Status.RETURNED),
    Action.POSTAL_RETURNED: (frozenset({Status.RETURNED}), Status.RESULT_READY),
    Action.WITHDRAW: (
        _CLOCK_RUNNING | {Status.RECEIVED, Status.COUNTER_SUPPLEMENT, Status.SUPPLEMENT_REQUESTED},
        Status.WITHDRAWN,
    ),
}

# Transitions history may hold and replays still apply, but that a new action may no longer take. Withdrawing
# an accepted dossier is now a stop at the applicant's request (Mẫu 05); a withdrawal is for a dossier the
# counter has not accepted (the citizen takes the papers back, no code, no form).
RETIRED: Final[dict[Action, frozenset[Status]]] = {
    Action.WITHDRAW: _CLOCK_RUNNING | {Status.SUPPLEMENT_REQUESTED},
}

TERMINAL: Final = frozenset({
    Status.REFUSED_AT_COUNTER, Status.RETURNED, Status.REFUSED, Status.STOPPED, Status.WITHDRAWN,
})

STATUS_LABELS: Final[dict[Status, tuple[str, str]]] = {
    Status.RECEIVED: ("Đang kiểm tra", "Being checked"),
    Status.ACCEPTED: ("Đã tiếp nhận", "Accepted"),
    Status.COUNTER_SUPPLEMENT: ("Hướng dẫn bổ sung tại quầy", "Sent back to complete"),
    Status.REFUSED_AT_COUNTER: ("Từ chối tiếp nhận", "Refused at the counter"),
    Status.TRANSFERRED: ("Đã chuyển xử lý", "Transferred"),
    Status.IN_PROGRESS: ("Đang xử lý", "In progress"),
    Status.SUPPLEMENT_REQUESTED: ("Chờ bổ sung", "Waiting for a supplement"),
    Status.RESULT_READY: ("Có kết quả, chờ trả", "Result ready"),
    Status.RETURNED: ("Đã trả kết quả", "Result returned"),
    Status.REFUSED: ("Từ chối giải quyết", "Refused"),
    Status.STOPPED: ("Dừng giải quyết", "Processing stopped"),
    Status.WITHDRAWN: ("Đã rút hồ sơ", "Withdrawn"),
}

ACTION_LABELS: Final[dict[Action, tuple[str, str]]] = {
    Action.RECEIVE: ("tiếp nhận", "receive"),
    Action.ACCEPT: ("tiếp nhận và hẹn trả", "accept"),
    Action.REQUEST_SUPPLEMENT_AT_COUNTER: ("hướng dẫn bổ sung tại quầy", "send back to complete"),
    Action.REFUSE_AT_COUNTER: ("từ chối tiếp nhận", "refuse at the counter"),
    Action.TRANSFER: ("chuyển xử lý", "transfer"),
    Action.REQUEST_SUPPLEMENT: ("yêu cầu bổ sung", "request a supplement"),
    Action.SUPPLEMENT_RECEIVED: ("nhận hồ sơ bổ sung", "receive the supplement"),
    Action.REFUSE: ("từ chối giải quyết", "refuse"),
    Action.EXTEND: ("xin lỗi và hẹn lại", "extend with apology"),
    Action.STOP: ("dừng giải quyết", "stop processing"),
    Action.RECORD_RESULT: ("ghi nhận kết quả", "record the result"),
    Action.RETURN_RESULT: ("trả kết quả", "return the result"),
    Action.WITHDRAW: ("rút hồ sơ", "withdraw"),
    Action.FILE_DOCUMENT: ("lưu bản số hóa", "file a digitised copy"),
    Action.POSTAL_DELIVERED: ("bưu chính đã phát", "delivered by the post"),
    Action.POSTAL_RETURNED: ("bưu chính chuyển hoàn", "returned to sender by the post"),
    Action.POSTAL_FEE: ("thu cước bưu chính", "postage paid"),
    Action.RATE: ("đánh giá mức độ hài lòng", "satisfaction rating"),
}

# Actions that record something about the dossier without moving it through the lifecycle.
RECORDS: Final = frozenset({Action.FILE_DOCUMENT, Action.POSTAL_DELIVERED, Action.POSTAL_FEE, Action.RATE})


def label(value: Status | Action, lang: str = "vi") -> str:
    labels = STATUS_LABELS[value] if isinstance(value, Status) else ACTION_LABELS[value]
    return labels[1] if lang == "en" else labels[0]


def next_status(current: Status, action: Action) -> Status:
    """The status after `action`, or IllegalTransition when `current` does not allow it."""
    sources, target = TRANSITIONS[action]
    if current not in sources:
        raise IllegalTransition(
            "lifecycle.illegal",
            action=Bilingual(*ACTION_LABELS[action]),
            status=Bilingual(*STATUS_LABELS[current]),
        )
    return current if target is None else target


def check_new(current: Status, action: Action) -> Status:
    """`next_status` for an action taken now, which may not take a retired transition."""
    if current in RETIRED.get(action, frozenset()):
        raise IllegalTransition(f"lifecycle.{action.value}_retired")
    return next_status(current, action)


# Moves that only the post's delivery outcome makes (postal batches), never offered on a dossier.
POSTAL_OUTCOMES: Final = frozenset({Action.POSTAL_RETURNED})


def allowed_actions(current: Status) -> list[Action]:
    """The actions a user may take in `current`, in lifecycle order (what a screen may offer)."""
    return [action for action, (sources, _) in TRANSITIONS.items()
            if current in sources and current not in RETIRED.get(action, frozenset())
            and action not in POSTAL_OUTCOMES]


def clock_running(status: Status) -> bool:
    """Whether the office is working against the due date (so the dossier can be overdue)."""
    return status in _CLOCK_RUNNING

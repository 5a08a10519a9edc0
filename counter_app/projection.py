"""The dossier row as a projection of its events: one pure function applies one event."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from counter_app.lifecycle import RECORDS, TERMINAL, Action, Status, next_status
from counter_app.textfold import search_document

_DATETIMES: Final = frozenset({"submitted_at", "accepted_at", "due_at", "result_ready_at", "returned_at"})
_DATES: Final = frozenset({"applicant_birth_date"})

RECEIVED_FIELDS: Final = (
    "procedure_id", "procedure_code", "channel", "applicant_name", "applicant_id_number",
    "applicant_birth_date", "applicant_sex", "applicant_address", "applicant_phone", "applicant_email",
    "submitter", "submitted_at", "delivery", "delivery_address", "postal_item_in", "case_number",
)
_PROJECTED: Final[dict[Action, tuple[str, ...]]] = {
    Action.RECEIVE: RECEIVED_FIELDS,
    Action.ACCEPT: ("code", "accepted_at", "due_at", "register_year", "register_number", "fee_amount",
                    "fee_known", "fee_currency", "applied_terms"),
    Action.SUPPLEMENT_RECEIVED: ("due_at",),
    Action.EXTEND: ("due_at",),
    Action.RECORD_RESULT: ("result_ready_at",),
    Action.RETURN_RESULT: ("returned_at",),
    Action.POSTAL_RETURNED: ("returned_at",),  # None: the result is back at the office
}
_BLANK: Final[dict[str, Any]] = {
    "code": None, "accepted_at": None, "due_at": None, "result_ready_at": None, "returned_at": None,
    "closed_at": None, "register_year": None, "register_number": None, "fee_amount": 0,
    "extension_count": 0, "supplement_count": 0, "fee_known": True, "fee_currency": "VND", "applied_terms": None,
}
_ABSENT_IN_OLD_EVENTS: Final[dict[str, Any]] = {
    "case_number": 1, "fee_known": True, "fee_currency": "VND", "applied_terms": None,
}
PROJECTED_COLUMNS: Final = (
    frozenset(_BLANK) | frozenset(RECEIVED_FIELDS) | {"status", "updated_at", "search_text"}
)


def apply(target: Any, action: Action, payload: dict[str, Any], at: dt.datetime) -> None:
    """Update `target` (a dossier row, or any object with its attributes) for one event.

    Raises IllegalTransition, leaving `target` untouched, when the action is not legal now.
    """
    if action in RECORDS:
        target.updated_at = at
        return
    status = Status.RECEIVED if action is Action.RECEIVE else next_status(Status(target.status), action)
    if action is Action.RECEIVE:
        for key, value in _BLANK.items():
            setattr(target, key, value)
    for key in _PROJECTED.get(action, ()):
        value = payload[key] if key in payload or key not in _ABSENT_IN_OLD_EVENTS else _ABSENT_IN_OLD_EVENTS[key]
        setattr(target, key, decode(key, value))
    target.status = status.value
    target.extension_count += action is Action.EXTEND
    target.supplement_count += action is Action.REQUEST_SUPPLEMENT
    target.closed_at = at if status in TERMINAL else None
    target.updated_at = at
    target.search_text = search_document(
        target.code, target.applicant_name, target.applicant_id_number, target.applicant_phone,
    )


def encode(value: Any) -> Any:
    """A payload value as JSON: dates and date-times in ISO format."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def decode(key: str, value: Any) -> Any:
    if value is None:
        return None
    if key in _DATETIMES:
        return dt.datetime.fromisoformat(value).astimezone(dt.UTC)
    if key in _DATES:
        return dt.date.fromisoformat(value)
    return value

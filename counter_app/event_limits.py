"""The limits of one dossier event's payload (as stored and sent: JSON), checked by the counter before it
records an event or applies one from the hub, and by the hub before it accepts one: the same rules on both
sides, so an event the counter made is never refused upstream. Messages name the field, never its value."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, Final

from counter_app import limits
from counter_app.codes import DOSSIER_CODE, MAX_CODE_LENGTH
from counter_app.errors import ValidationError
from counter_app.messages import Bilingual
from counter_app.model import (
    Channel,
    Delivery,
    DocumentKind,
    FeeKind,
    ProcedureChannel,
    StopRequester,
    TimeUnit,
)

Check = Callable[[Any], None]
_SHA256: Final = re.compile(r"[0-9a-f]{64}")
_ID_NUMBER: Final = re.compile(r"[0-9]{12}")
_POSTAL_BATCH: Final = re.compile(r"B[NG]-[0-9]{4}-[0-9]{4,6}")
MAX_EVENT_ACTOR: Final = limits.ACTOR.max_length


class _Problem(Exception):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.text = Bilingual(vi, en)


def check_event(event_type: str, actor: str, payload: Mapping[str, Any]) -> None:
    """ValidationError("event.invalid") naming the first field of the event that breaks a limit."""
    _check_field("actor", actor, _text(limits.ACTOR))
    if not isinstance(payload, Mapping):
        raise ValidationError("event.invalid", name="payload", problem=_WRONG_TYPE.text)
    for key, value in payload.items():
        _check_field(str(key), value, _CHECKS.get(str(key), _unknown))


def _check_field(key: str, value: Any, check: Check) -> None:
    try:
        check(value)
    except _Problem as problem:
        raise ValidationError("event.invalid", name=key, problem=problem.text) from None


_WRONG_TYPE: Final = _Problem("sai kiểu dữ liệu", "wrong type")


def _unknown(_value: Any) -> None:
    raise _Problem("trường không được phép", "field not allowed")


def _text(limit: limits.Text, optional: bool = True) -> Check:
    def check(value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise _WRONG_TYPE
        if len(value) > limit.max_length:
            raise _Problem(f"dài quá {limit.max_length} ký tự", f"longer than {limit.max_length} characters")
        try:
            limits.text(value, limit)
        except ValidationError:
            raise _Problem("có ký tự điều khiển hoặc không hợp lệ", "holds a control or invalid character") from None

    return check


def _pattern(pattern: re.Pattern[str], optional: bool = False) -> Check:
    def check(value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise _Problem("không đúng định dạng", "not in the expected format")

    return check


def _choice(choices: tuple[str, ...], optional: bool = False) -> Check:
    def check(value: Any) -> None:
        if value is None and optional:
            return
        if value not in choices:
            raise _Problem(f"chỉ nhận: {', '.join(choices)}", f"only {', '.join(choices)} allowed")

    return check


def _integer(low: int, high: int, optional: bool = False) -> Check:
    def check(value: Any) -> None:
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise _WRONG_TYPE
        if not low <= value <= high:
            raise _Problem(f"ngoài khoảng {low}–{high}", f"outside {low}–{high}")

    return check


def _number(low: float, high: float) -> Check:
    def check(value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _WRONG_TYPE
        if not low <= value <= high:
            raise _Problem(f"ngoài khoảng {low:g}–{high:g}", f"outside {low:g}–{high:g}")

    return check


def _flag(value: Any) -> None:
    if not isinstance(value, bool):
        raise _WRONG_TYPE


def _moment(value: Any) -> None:
    """An ISO date-time with a time zone, 2000–2099."""
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise _Problem("không phải ngày giờ có múi giờ", "not a date-time with a time zone")
    if not limits.EARLIEST_DAY <= moment.date() <= limits.LATEST_DAY:
        raise _Problem("ngày ngoài khoảng 2000–2099", "date outside 2000–2099")


def _optional_moment(value: Any) -> None:
    """A moment, or None where an event clears it (a result the post brought back is no longer returned)."""
    if value is not None:
        _moment(value)


def _day(value: Any) -> None:
    """An ISO date, 2000–2099 (a delivery or return date from the post)."""
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        day = None
    if day is None or not limits.EARLIEST_DAY <= day <= limits.LATEST_DAY:
        raise _Problem("không phải ngày hợp lệ", "not a valid date")


def _birth_date(value: Any) -> None:
    if value is None:
        return
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        day = None
    if day is None or not limits.EARLIEST_BIRTH <= day <= limits.LATEST_DAY:
        raise _Problem("ngày sinh không hợp lệ", "not a valid date of birth")


def _many(check: Check, low: int, high: int) -> Check:
    def check_list(value: Any) -> None:
        if not isinstance(value, list):
            raise _WRONG_TYPE
        if not low <= len(value) <= high:
            raise _Problem(f"số phần tử ngoài khoảng {low}–{high}", f"number of items outside {low}–{high}")
        for item in value:
            check(item)

    return check_list


def _record(fields: Mapping[str, Check], optional: bool = False) -> Check:
    def check(value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, Mapping):
            raise _WRONG_TYPE
        for key, item in value.items():
            fields.get(str(key), _unknown)(item)

    return check


_PERSON: Final[dict[str, Check]] = {
    "full_name": _text(limits.PERSON_NAME), "id_number": _pattern(_ID_NUMBER, optional=True),
    "date_of_birth": _birth_date, "sex": _choice(limits.SEXES, optional=True),
    "address": _text(limits.ADDRESS), "phone": _text(limits.PHONE), "email": _text(limits.EMAIL),
    "relation": _text(limits.RELATION), "authorisation": _text(limits.AUTHORISATION),
}
_DOCUMENT: Final[dict[str, Check]] = {
    "position": _integer(1, limits.DOCUMENTS[1] * 2), "name": _text(limits.DOCUMENT_NAME, optional=False),
    "kind": _choice(tuple(kind.value for kind in DocumentKind)), "copies": _integer(*limits.COPIES),
    "pages": _integer(*limits.PAGES), "mandatory": _flag, "certify": _integer(0, limits.COPIES[1]),
}
_TIME_LIMIT: Final[dict[str, Check]] = {
    "unit": _choice(tuple(unit.value for unit in TimeUnit)), "amount": _number(0, 10_000),
    "text": _text(limits.NOTE),
}
_FEE_RULE: Final[dict[str, Check]] = {
    "kind": _choice(tuple(kind.value for kind in FeeKind)), "amount": _integer(*limits.FEE),
    "first_pages": _integer(0, limits.PAGES[1]), "first_page_amount": _integer(*limits.FEE),
    "later_page_amount": _integer(*limits.FEE), "cap_per_copy": _integer(*limits.FEE, optional=True),
    "currency": _pattern(re.compile(r"[A-Z]{3}")), "note": _text(limits.NOTE), "text": _text(limits.NOTE),
}
_APPLIED_TERMS: Final[dict[str, Check]] = {
    "case": _integer(1, limits.CASES[1]), "channel": _choice(tuple(c.value for c in ProcedureChannel)),
    "time_limit": _record(_TIME_LIMIT), "fee": _record(_FEE_RULE),
}


def _documents(value: Any) -> None:
    _many(_record(_DOCUMENT), *limits.DOCUMENTS)(value)
    positions = [item.get("position") for item in value]
    if len(set(positions)) != len(positions):
        raise _Problem("trùng số thứ tự giấy tờ", "a document position appears twice")


_CHECKS: Final[dict[str, Check]] = {
    "procedure_id": _integer(1, 2**31 - 1, optional=True),
    "procedure_code": _text(limits.PROCEDURE_CODE, optional=False),
    "channel": _choice(tuple(channel.value for channel in Channel)),
    "applicant_name": _text(limits.PERSON_NAME, optional=False),
    "applicant_id_number": _pattern(_ID_NUMBER),
    "applicant_birth_date": _birth_date,
    "applicant_sex": _choice(limits.SEXES, optional=True),
    "applicant_address": _text(limits.ADDRESS), "applicant_phone": _text(limits.PHONE),
    "applicant_email": _text(limits.EMAIL), "submitter": _record(_PERSON, optional=True),
    "delivery": _choice(tuple(delivery.value for delivery in Delivery)),
    "delivery_address": _text(limits.ADDRESS), "address": _text(limits.ADDRESS),
    "postal_item_in": _text(limits.POSTAL_ITEM), "postal_item": _text(limits.POSTAL_ITEM),
    "documents": _documents, "missing": _many(_text(limits.DOCUMENT_NAME, optional=False), 0, 200),
    "shown": _many(_text(limits.DOCUMENT_NAME, optional=False), 0, 200), "case_number": _integer(*limits.CASES),
    "fee_known": _flag, "fee_currency": _pattern(re.compile(r"[A-Z]{3}")),
    "applied_terms": _record(_APPLIED_TERMS),
    "code": _pattern(re.compile(f"(?=.{{1,{MAX_CODE_LENGTH}}}$){DOSSIER_CODE.pattern}", re.ASCII)),
    "requested_by": _choice(tuple(requester.value for requester in StopRequester)),
    "fee_amount": _integer(*limits.FEE), "register_year": _integer(2000, 2099),
    "register_number": _integer(1, 10**9), "register_field": _text(limits.PROCEDURE_FIELD),
    "reason": _text(limits.REASON), "note": _text(limits.NOTE), "to": _text(limits.RECIPIENT_OFFICE),
    "recipient_name": _text(limits.PERSON_NAME), "recipient_id_number": _pattern(_ID_NUMBER),
    "authorisation": _text(limits.AUTHORISATION),
    "submitted_at": _moment, "accepted_at": _moment, "due_at": _moment, "previous_due_at": _moment,
    "received_at": _moment, "result_ready_at": _moment, "returned_at": _optional_moment, "apology_late": _flag,
    "position": _integer(1, limits.DOCUMENTS[1] * 2), "name": _text(limits.DOCUMENT_NAME, optional=False),
    "sha256": _pattern(_SHA256), "pages": _integer(*limits.PAGES), "signed": _flag, "timestamp_pending": _flag,
    "postal_batch": _pattern(_POSTAL_BATCH), "amount": _integer(*limits.FEE),
    "delivered_on": _day, "returned_on": _day,
    "score": _integer(1, 4), "stage": _choice(("intake", "return")), "reason_text": _text(limits.REASON),
}

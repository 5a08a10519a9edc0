"""The core's input limits: normalisation, refusals, and every limit fitting its database column."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import String, Text

from counter_app import limits
from counter_app.cccd import validate_id_number
from counter_app.clock import parse_day, parse_local
from counter_app.errors import ValidationError
from counter_app.event_limits import check_event
from counter_app.storage import orm

# limit -> the columns it guards (a value that passes must fit each of them on PostgreSQL)
GUARDED = {
    limits.PERSON_NAME: [orm.DossierRow.applicant_name, orm.UserRow.full_name],
    limits.ADDRESS: [orm.DossierRow.applicant_address, orm.DossierRow.delivery_address, orm.OfficeRow.address],
    limits.EMAIL: [orm.DossierRow.applicant_email],
    limits.PHONE: [orm.DossierRow.applicant_phone],
    limits.POSTAL_ITEM: [orm.DossierRow.postal_item_in],
    limits.DOSSIER_REF: [orm.DossierRow.code],
    limits.PROCEDURE_CODE: [orm.ProcedureRow.code, orm.DossierRow.procedure_code],
    limits.PROCEDURE_NAME: [orm.ProcedureRow.name, orm.ProcedureRow.name_fold],
    limits.PROCEDURE_FIELD: [orm.ProcedureRow.field],
    limits.DOCUMENT_NAME: [orm.RequiredDocumentRow.name, orm.ReceivedDocumentRow.name],
    limits.TEMPLATE: [orm.RequiredDocumentRow.template],
    limits.OFFICE_NAME: [orm.OfficeRow.name],
    limits.PROVINCE: [orm.OfficeRow.province],
    limits.PLACE_NAME: [orm.OfficeRow.place_name],
    limits.USERNAME: [orm.UserRow.username],
    limits.ACTOR: [orm.DossierEventRow.actor, orm.AuditEntryRow.actor],
}


@pytest.mark.parametrize("limit", list(GUARDED), ids=lambda limit: limit.label.en)
def test_every_limit_fits_its_columns(limit: limits.Text) -> None:
    for column in GUARDED[limit]:
        column_type = column.property.columns[0].type
        assert isinstance(column_type, String)
        unbounded = isinstance(column_type, Text)  # published names are stored whole
        assert unbounded or (column_type.length is not None and limit.max_length <= column_type.length), column


@pytest.mark.parametrize("typed", [
    "００１０９０１２３４５６",  # full-width digits (a Japanese/Chinese IME)
    "٠٠١٠٩٠١٢٣٤٥٦",  # Arabic-Indic digits
    "001 090 123 456",
    "\u200b001090123456\ufeff",  # zero-width space and BOM pasted with it
])
def test_look_alike_digits_in_an_id_number_are_stored_as_ascii(typed: str) -> None:
    assert validate_id_number(typed) == "001090123456"


def test_text_is_nfc_with_blanks_collapsed() -> None:
    decomposed = "Nguye\u0302\u0303n  Va\u0306n\tĐức"
    assert limits.text(decomposed, limits.PERSON_NAME) == "Nguyễn Văn Đức"
    assert limits.text("dòng 1\r\n  dòng   2 \n", limits.REASON) == "dòng 1\ndòng 2"


@pytest.mark.parametrize("bad", ["a\x00b", "a\x1bb", "a\udcffb", "a\ue000b"])
def test_control_undecodable_and_private_characters_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as refused:
        limits.text(bad, limits.PERSON_NAME)
    assert refused.value.key == "input.bad_character"
    assert "U+" in refused.value.message("vi")


def test_too_long_names_the_field_and_the_limit() -> None:
    with pytest.raises(ValidationError) as refused:
        limits.text("a" * 90_000, limits.ADDRESS)
    assert refused.value.message("vi") == "«Địa chỉ» dài 90000 ký tự, tối đa 300."
    assert refused.value.message("en").startswith("«Address» is 90000 characters")


@pytest.mark.parametrize(("typed", "stored"), [("nam", "Nam"), ("NỮ", "Nữ"), ("nu", "Nữ"), ("", None)])
def test_sex_takes_the_card_values_only(typed: str, stored: str | None) -> None:
    assert limits.sex(typed) == stored


@pytest.mark.parametrize("typed", ["Khác", "M", "1"])
def test_sex_outside_the_card_values_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match=r"input\.choice"):
        limits.sex(typed)


@pytest.mark.parametrize(("typed", "stored"), [("0912 345 678", "0912345678"), ("+84.912.345.678", "+84912345678"),
                                               ("０９１２３４５６７８", "0912345678"), ("", "")])
def test_phone_numbers(typed: str, stored: str) -> None:
    assert limits.phone(typed) == stored


@pytest.mark.parametrize("typed", ["09-12-AB", "+", "1" * 16])
def test_bad_phone_numbers_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError):
        limits.phone(typed)


@pytest.mark.parametrize("value", [0, -1, 100, 10**9])
def test_copies_out_of_range(value: int) -> None:
    with pytest.raises(ValidationError) as refused:
        limits.count(value, limits.COPIES, limits.COPIES_LABEL)
    assert "1" in refused.value.message("vi") and "99" in refused.value.message("vi")


def test_duplicate_positions_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"document\.duplicate"):
        limits.positions([1, 2, 1])


@pytest.mark.parametrize("typed", ["9999-12-31", "0001-01-01", "1899-12-31"])
def test_typed_dates_outside_1900_2099_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match=r"input\.year") as refused:
        parse_day(typed)
    assert "1900" in refused.value.message("vi") and "không hợp lệ" not in refused.value.message("vi")
    with pytest.raises(ValidationError, match=r"input\.year"):
        parse_local(typed + " 10:00")


def test_a_day_given_with_a_time_is_told_the_form_of_a_day() -> None:
    with pytest.raises(ValidationError, match=r"input\.day") as refused:
        parse_day("2026-11-01 10:00")  # the message once asked for exactly this form
    assert "HH:MM" not in refused.value.message("vi") and "YYYY-MM-DD" in refused.value.message("en")


def test_register_range_is_ordered_and_at_most_a_year() -> None:
    assert limits.day_range(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    for start, end in ((dt.date(2026, 2, 1), dt.date(2026, 1, 1)), (dt.date(2025, 1, 1), dt.date(2026, 12, 31))):
        with pytest.raises(ValidationError, match=r"print\.bad_range"):
            limits.day_range(start, end)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_text_either_refuses_or_returns_what_fits(value: str) -> None:
    """Whatever is typed: a clear refusal, or NFC text within the limit that the event check accepts."""
    try:
        clean = limits.text(value, limits.PERSON_NAME)
    except ValidationError as refused:
        assert refused.key in {"input.bad_character", "input.too_long"}
        return
    assert len(clean) <= limits.PERSON_NAME.max_length
    assert clean == limits.text(clean, limits.PERSON_NAME)  # idempotent
    clean.encode("utf-8")
    check_event("received", "clerk", {"applicant_name": clean or "x", "applicant_address": clean})


@pytest.mark.parametrize(("payload", "field"), [
    ({"applicant_address": "x" * 90_000}, "applicant_address"),
    ({"applicant_sex": "Khác"}, "applicant_sex"),
    ({"applicant_id_number": "００１０９０１２３４５６"}, "applicant_id_number"),
    ({"due_at": "9999-01-01T03:00:00+07:00"}, "due_at"),
    ({"due_at": "2026-12-01T10:00:00"}, "due_at"),
    ({"documents": [{"position": 1, "name": "A", "kind": "copy", "copies": -2, "pages": 1, "mandatory": True}]},
     "documents"),
    ({"documents": [{"position": 1, "name": "A", "kind": "copy", "copies": 1, "pages": 1, "mandatory": True}] * 2},
     "documents"),
    ({"fee_amount": -5000}, "fee_amount"),
    ({"reason": "a\x00b"}, "reason"),
    ({"surprise": 1}, "surprise"),
])
def test_event_payloads_outside_the_limits_are_refused_by_field(payload: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_event("received", "clerk", payload)
    assert refused.value.key == "event.invalid"
    assert f"«{field}»" in refused.value.message("en")
    assert "90000" not in refused.value.message("vi") and "Khác" not in refused.value.message("vi")


def test_event_actor_is_limited() -> None:
    with pytest.raises(ValidationError, match=r"event\.invalid"):
        check_event("received", "x" * 101, {})

"""CCCD numbers and the ID card's QR payload."""

import datetime as dt
import unicodedata

import pytest

from counter_app.cccd import parse_qr, sex_from_id_number, validate_id_number
from counter_app.errors import ValidationError

FULL = "001090123456|012345678|NGUYỄN VĂN ĐỨC|01011990|Nam|Thôn Đông, xã Tân Hòa, tỉnh Phú Thọ|15042021"


def test_full_payload_fills_every_field() -> None:
    card = parse_qr(FULL)
    assert card.id_number == "001090123456"
    assert card.old_id_number == "012345678"
    assert card.full_name == "NGUYỄN VĂN ĐỨC"
    assert card.date_of_birth == dt.date(1990, 1, 1)
    assert card.sex == "Nam"
    assert card.address == "Thôn Đông, xã Tân Hòa, tỉnh Phú Thọ"
    assert card.issued_on == dt.date(2021, 4, 15)


def test_empty_old_id_and_trailing_newline_from_a_scanner() -> None:
    card = parse_qr("079195000123||TRẦN THỊ HỒNG|05061995|Nữ|Phường 1, TP. Hồ Chí Minh|01022022\r\n")
    assert card.old_id_number is None
    assert card.sex == "Nữ"


def test_six_fields_without_old_id() -> None:
    card = parse_qr("079195000123|TRẦN THỊ HỒNG|05061995|Nữ|Phường 1, TP. Hồ Chí Minh|01022022")
    assert (card.id_number, card.full_name, card.old_id_number) == ("079195000123", "TRẦN THỊ HỒNG", None)


def test_extra_trailing_fields_are_ignored() -> None:
    card = parse_qr(FULL + "|extra|more")
    assert card.issued_on == dt.date(2021, 4, 15)


def test_decomposed_unicode_from_an_input_method_is_normalised() -> None:
    card = parse_qr(unicodedata.normalize("NFD", FULL))
    assert card.full_name == "NGUYỄN VĂN ĐỨC"
    assert unicodedata.is_normalized("NFC", card.address)


@pytest.mark.parametrize(
    ("payload", "key"),
    [
        ("", "qr.empty"),
        ("https://example.vn/some-url", "qr.not_cccd"),
        ("001090123456|NGUYEN", "qr.field_count"),
        ("00109012345|012345678|A|01011990|Nam|X|15042021", "cccd.format"),
        ("001090123456|012345678|A|31021990|Nam|X|15042021", "qr.date"),
        ("001090123456|012345678|A|01011990|Khác|X|15042021", "qr.sex"),
        ("001090123456|012345678||01011990|Nam|X|15042021", "qr.name"),
        ("001090123456|012345678|A|01011991|Nam|X|15042021", "cccd.birth_mismatch"),
        ("001090123456|ABC|A|01011990|Nam|X|15042021", "qr.not_cccd"),
    ],
)
def test_garbage_is_rejected_with_a_reason(payload: str, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_qr(payload)
    assert caught.value.key == key
    assert caught.value.message("vi") and caught.value.message("en")


@pytest.mark.parametrize("number", ["001090123456", "079195000123", "096303000001", " 001 090 123 456 "])
def test_valid_numbers(number: str) -> None:
    assert validate_id_number(number) == number.replace(" ", "")


@pytest.mark.parametrize(
    ("number", "key"),
    [("", "cccd.empty"), ("12345678901", "cccd.format"), ("00109012345a", "cccd.format"),
     ("003090123456", "cccd.province"), ("097090123456", "cccd.province"), ("001690123456", "cccd.century")],
)
def test_invalid_numbers(number: str, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_number(number)
    assert caught.value.key == key


def test_sex_digit() -> None:
    assert sex_from_id_number("001090123456") == "Nam"
    assert sex_from_id_number("001395123456") == "Nữ"

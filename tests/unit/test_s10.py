"""UPU S10 postal item numbers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.errors import ValidationError
from counter_app.s10 import check_digit, validate_postal_item, validate_s10


@pytest.mark.parametrize("item", ["EB123456785VN", "RR123456785TR", "RB123456785US", "eb 123456785 vn"])
def test_known_valid_numbers(item: str) -> None:
    assert validate_s10(item) == item.replace(" ", "").upper()


def test_wrong_check_digit_names_the_right_one() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_s10("EB123456784VN")
    assert caught.value.params["expected"] == 5


def test_check_digit_special_cases() -> None:
    assert check_digit("00000000") == 5  # remainder 0 -> 11 -> 5
    assert check_digit("00000001") == 4
    assert check_digit("02000000") == 0  # 6*2 = 12, remainder 1 -> 10 -> 0


def test_domestic_codes_pass_but_bad_s10_fails() -> None:
    assert validate_postal_item("BC2026-00017") == "BC2026-00017"
    with pytest.raises(ValidationError):
        validate_postal_item("EB123456784VN")
    with pytest.raises(ValidationError):
        validate_postal_item("   ")


@given(st.text(alphabet="0123456789", min_size=8, max_size=8), st.sampled_from(["EE", "RR", "CP"]))
def test_every_computed_check_digit_validates_and_any_other_fails(serial: str, service: str) -> None:
    digit = check_digit(serial)
    assert validate_s10(f"{service}{serial}{digit}VN")
    with pytest.raises(ValidationError):
        validate_s10(f"{service}{serial}{(digit + 1) % 10}VN")

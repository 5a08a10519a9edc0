"""A refusal from the province reads in the clerk's language, whatever the hub sent: never raw text."""

from __future__ import annotations

from counter_app.services.refusals import Refusal


def _refusal(key: str, **params: object) -> Refusal:
    return Refusal("e", 7, "d", key, dict(params))


def test_a_refusal_is_rendered_in_both_languages() -> None:
    invalid = _refusal("event.invalid", name="applicant_address", problem=["dài quá 300 ký tự",
                                                                           "longer than 300 characters"])
    assert invalid.message() == ("Tỉnh từ chối: Sự kiện có trường «applicant_address» không hợp lệ: "
                                 "dài quá 300 ký tự.")
    assert invalid.message("en").endswith("longer than 300 characters.")


def test_an_unknown_reason_or_broken_values_are_named_not_shown() -> None:
    unknown = _refusal("payload too large: ValidationError at loc ('payload',)")
    assert unknown.message() == "Tỉnh từ chối: lý do chưa rõ; hãy liên hệ quản trị viên của tỉnh."
    assert _refusal("hub.refused.too_large").message() == unknown.message()  # a value missing

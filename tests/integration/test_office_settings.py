"""Dated dossier-code patterns and the cut-off setting through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counter_app.codes import TT04_2025_TEMPLATE, CodePattern, parse_code
from counter_app.errors import ValidationError
from counter_app.forms import Form
from counter_app.model import Person
from counter_app.services import office, printouts
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.queries import get_dossier
from counter_app.storage.database import Database
from tests.conftest import at

DUC = Person("Nguyễn Văn Đức", "001090123456", dt.date(1990, 1, 1), "Nam", "xã Tân Hòa", "0912345678")


def test_codes_follow_the_pattern_in_force_on_the_acceptance_date(db: Database) -> None:
    tt04 = CodePattern(TT04_2025_TEMPLATE, dt.date(2026, 1, 25), "03")
    office.set_code_pattern(db, tt04, "admin")
    before = intake(db, IntakeRequest("1.004873", DUC), "clerk", at=at("2026-01-23 09:00"))
    after = intake(db, IntakeRequest("1.004873", DUC), "clerk", at=at("2026-01-26 09:00"))
    assert before.code == "000.00.12.H12-260123-0001"
    assert after.code == "000.00.12.H12-260126-030001"
    with db.read() as session:
        patterns = office.code_patterns(session)
    assert patterns == (tt04,)
    parsed = parse_code(str(after.code), patterns)
    assert parsed is not None and parsed.pattern == tt04 and parsed.sequence == 1
    assert get_dossier(db, str(after.code)).id == after.id  # found by either form of code


def test_a_bad_pattern_changes_nothing(db: Database) -> None:
    with pytest.raises(ValidationError):
        office.set_code_pattern(db, CodePattern("{agency}-{seq:4}", dt.date(2026, 1, 25)), "admin")
    with db.read() as session:
        assert office.code_patterns(session) == ()


def test_the_cutoff_is_a_setting(db: Database) -> None:
    same_day = intake(db, IntakeRequest("2.000815", DUC), "clerk", at=at("2026-11-20 15:00:00"))
    assert same_day.due_at == at("2026-11-20 17:00")
    office.set_cutoff(db, dt.time(15, 0), False, "admin")
    moved = intake(db, IntakeRequest("2.000815", DUC), "clerk", at=at("2026-11-20 15:00:00"))
    assert moved.due_at == at("2026-11-23 17:00")
    with pytest.raises(ValidationError):
        office.set_cutoff(db, dt.time(18, 0), True, "admin")


def test_one_register_per_field_when_the_office_chooses(db: Database, tmp_path: Path) -> None:
    from printing import render  # noqa: PLC0415
    from tests.pdftools import text_of  # noqa: PLC0415

    first = intake(db, IntakeRequest("1.004873", DUC), "clerk", at=at("2026-11-16 09:00"))  # Hộ tịch, book of all
    office.set_register_by_field(db, True, "admin")
    civil = intake(db, IntakeRequest("1.004873", DUC), "clerk", at=at("2026-11-16 10:00"))
    copy = intake(db, IntakeRequest("2.000815", DUC), "clerk", at=at("2026-11-16 11:00"))  # Chứng thực
    assert (first.register_number, civil.register_number, copy.register_number) == (1, 1, 1)
    only = printouts.register(db, dt.date(2026, 11, 16), dt.date(2026, 11, 16), field="chung thuc")
    assert [d.code for d in only.dossiers] == [copy.code] and only.field == "Chứng thực"
    empty_day = printouts.register(db, dt.date(2026, 11, 17), dt.date(2026, 11, 17), field="Hộ tịch")
    assert (empty_day.field, empty_day.dossiers) == ("Hộ tịch", ())  # a field of the catalogue, no dossier that day
    with pytest.raises(ValidationError) as unknown:  # a typo would print an empty book under its name
        printouts.register(db, dt.date(2026, 11, 16), dt.date(2026, 11, 16), field="Hộ tich lục")
    assert unknown.value.key == "register.unknown_field" and "Chứng thực" in unknown.value.message("vi")
    both = printouts.register(db, dt.date(2026, 11, 16), dt.date(2026, 11, 16))
    assert [field for field, _ in both.books()] == ["Chứng thực", "Hộ tịch"]
    pdf = tmp_path / "register.pdf"
    pdf.write_bytes(render.render_register(both))
    text = text_of(pdf)
    assert text.index("Lĩnh vực: Chứng thực") < text.index(str(copy.code)) < text.index("Lĩnh vực: Hộ tịch")
    assert text.count("Tổng số: 1 hồ sơ") == 1 and "Tổng số: 2 hồ sơ" in text
    receipt = printouts.form_context(db, str(civil.code), Form.RECEIPT)
    pdf.write_bytes(render.render(receipt))
    assert "Vào Sổ theo dõi hồ sơ lĩnh vực Hộ tịch, Quyển số: 2026, Số thứ tự: 1" in text_of(pdf)


def test_each_printed_office_detail_is_named_when_too_long(db: Database) -> None:
    for name, label in (("parent_body", "Cơ quan chủ quản"), ("issuing_office", "Cơ quan tiếp nhận"),
                        ("phone", "Điện thoại cơ quan")):
        with pytest.raises(ValidationError) as refused:
            office.update_office(db, {name: "0203 3888 123 " * 30}, "admin")
        assert f"«{label}»" in refused.value.message("vi"), name
    with pytest.raises(ValidationError):
        office.update_office(db, {"phone": "gọi bảo vệ"}, "admin")  # no digit: not a phone number
    assert office.update_office(db, {"phone": "0203 3888 123 (máy lẻ 12)"}, "admin").phone == \
        "0203 3888 123 (máy lẻ 12)"

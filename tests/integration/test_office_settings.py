"""Dated dossier-code patterns and the cut-off setting through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.codes import TT04_2025_TEMPLATE, CodePattern, parse_code
from counter_app.errors import ValidationError
from counter_app.model import Person
from counter_app.services import office
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.queries import get_dossier
from counter_app.storage.database import Database
from tests.conftest import at

DUC = Person("Nguyễn Văn Đức", "001090123456", dt.date(1990, 1, 1), "Nam", "xã Tân Hòa", "0912345678")


def test_codes_follow_the_pattern_in_force_on_the_acceptance_date(db: Database) -> None:
    tt04 = CodePattern(TT04_2025_TEMPLATE, dt.date(2026, 1, 25), "H12.07.05", "03")
    office.set_code_pattern(db, tt04, "admin")
    before = intake(db, IntakeRequest("1.004873", DUC), "clerk", at=at("2026-01-23 09:00"))
    after = intake(db, IntakeRequest("1.004873", DUC), "clerk", at=at("2026-01-26 09:00"))
    assert before.code == "000.00.12.H12-260123-0001"
    assert after.code == "H12.07.05-260126-030001"
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

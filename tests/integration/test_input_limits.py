"""Hostile and careless input through the services, on SQLite and PostgreSQL: a message, nothing written."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from counter_app.errors import ValidationError
from counter_app.model import DocumentEntry, DocumentKind, Person
from counter_app.services import processing as p
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.queries import search
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierEventRow, DossierRow
from tests.conftest import at

DUC = Person("Nguyễn Văn Đức", "001090123456", dt.date(1990, 1, 1), "Nam", "xã Tân Hòa", "0912345678")
TTHN = "1.004873"


def _rows(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (int(session.scalar(select(func.count()).select_from(DossierRow)) or 0),
                int(session.scalar(select(func.count()).select_from(DossierEventRow)) or 0))


@pytest.mark.parametrize(("change", "key"), [
    ({"address": "Thôn Đông " * 9000}, "input.too_long"),  # the 90 KB address that poisoned the outbox
    ({"full_name": "Nguyễn " * 100}, "input.too_long"),  # longer than the PostgreSQL column
    ({"full_name": "Nguyễn\x00Văn"}, "input.bad_character"),
    ({"sex": "Khác"}, "input.choice"),
    ({"phone": "gọi tôi"}, "input.phone"),
    ({"email": "not an address"}, "input.email"),
    ({"date_of_birth": dt.date(1850, 1, 1)}, "input.date_range"),
])
def test_applicant_outside_the_limits_is_refused_and_nothing_is_written(
        db: Database, change: dict[str, object], key: str) -> None:
    before = _rows(db)
    with pytest.raises(ValidationError) as refused:
        intake(db, IntakeRequest(TTHN, dataclasses.replace(DUC, **change)), "clerk",  # type: ignore[arg-type]
               at=at("2026-11-20 10:00"))
    assert refused.value.key == key
    assert _rows(db) == before


@pytest.mark.parametrize("request_change", [
    {"copies": -3}, {"copies": 10**6},
    {"documents": (DocumentEntry("Tờ khai", DocumentKind.ORIGINAL, -1),)},
    {"documents": (DocumentEntry("Tờ khai"), DocumentEntry("TỜ KHAI"))},  # the same position twice
])
def test_copy_counts_and_duplicate_documents_are_refused(db: Database, request_change: dict[str, object]) -> None:
    before = _rows(db)
    with pytest.raises(ValidationError):
        intake(db, IntakeRequest(TTHN, DUC, **request_change), "clerk", at=at("2026-11-20 10:00"))  # type: ignore[arg-type]
    assert _rows(db) == before


def test_look_alike_digits_are_stored_as_ascii_and_found(db: Database) -> None:
    person = dataclasses.replace(DUC, id_number="００１０９０１２３４５６", phone="０９１２ ３４５ ６７８")
    dossier = intake(db, IntakeRequest(TTHN, person), "clerk", at=at("2026-11-20 10:00"))
    assert dossier.applicant.id_number == "001090123456"
    assert dossier.applicant.phone == "0912345678"
    assert [found.id for found in search(db, "001090123456")] == [dossier.id]


@pytest.mark.parametrize(("new_due", "key"), [
    (dt.datetime(9999, 12, 31, 10, 0), "input.date_range"),
    (dt.datetime(2026, 12, 1, 3, 0), "lifecycle.new_due_closed"),
    (dt.date(2028, 12, 1), "lifecycle.new_due_too_far"),
])
def test_an_extension_to_year_9999_or_3am_is_refused(db: Database, new_due: dt.date, key: str) -> None:
    code = str(intake(db, IntakeRequest(TTHN, DUC), "clerk", at=at("2026-11-20 10:00")).code)
    before = _rows(db)
    with pytest.raises(ValidationError) as refused:
        p.extend(db, code, "clerk", new_due, "Cần xác minh", at=at("2026-11-23 09:00"))
    assert refused.value.key == key
    assert _rows(db) == before


def test_over_long_reasons_and_refs_are_messages_not_database_errors(db: Database) -> None:
    code = str(intake(db, IntakeRequest(TTHN, DUC), "clerk", at=at("2026-11-20 10:00")).code)
    with pytest.raises(ValidationError, match=r"input\.too_long"):
        p.transfer(db, code, "clerk", to="Phòng " * 200)
    with pytest.raises(ValidationError, match=r"input\.too_long"):
        p.transfer(db, code + "X" * 100, "clerk")
    with pytest.raises(ValidationError, match=r"input\.bad_character"):
        p.transfer(db, code + "\x00", "clerk")
    with pytest.raises(ValidationError, match=r"event\.invalid"):
        p.transfer(db, code, "x" * 150)  # the actor column holds 100

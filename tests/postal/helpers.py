"""Envelopes, labels and results for the postal tests, made through the real services."""

from __future__ import annotations

import datetime as dt

from counter_app.model import Delivery, DocumentEntry, Person
from counter_app.postal import Envelope
from counter_app.s10 import check_digit
from counter_app.services import processing
from counter_app.services.intake import IntakeRequest, intake
from counter_app.storage.database import Database

TTHN = "1.004873"  # one mandatory document: the declaration
DECLARATION = DocumentEntry("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân")
DIVORCE = DocumentEntry("Giấy tờ chứng minh việc ly hôn hoặc người kia đã chết (nếu có)")
PEOPLE = (
    Person("Nguyễn Văn Đức", "001090123456", dt.date(1990, 1, 1), "Nam", "Thôn Đông, xã Tân Hòa"),
    Person("Trần Thị Hồng", "079195000123", None, "Nữ", "Xóm Bãi, xã Tân Hòa"),
    Person("Lê Văn Bình", "001085000777", None, "Nam", "Thôn Tây, xã Tân Hòa"),
    Person("Phạm Thị Lan", "001192000888", None, "Nữ", "Thôn Nam, xã Tân Hòa"),
    Person("Hoàng Văn Nam", "001080000999", None, "Nam", "Thôn Bắc, xã Tân Hòa"),
)


def label(serial: int, service: str = "RR") -> str:
    """A valid S10 number for an 8-digit serial."""
    digits = f"{serial:08d}"
    return f"{service}{digits}{check_digit(digits)}VN"


def wrong_label(serial: int) -> str:
    good = label(serial)
    return good[:10] + str((int(good[10]) + 1) % 10) + good[11:]


def envelope(n: int, complete: bool = True) -> Envelope:
    """Envelope `n` (1-based) of the standard batch; an incomplete one lacks the declaration."""
    documents = (DECLARATION, DIVORCE) if complete else (DIVORCE,)
    return Envelope(label(1000 + n, "EB"), TTHN, PEOPLE[(n - 1) % len(PEOPLE)], documents)


def ready_results(db: Database, count: int, at: dt.datetime) -> list[str]:
    """`count` dossiers whose result is ready and goes back by post; their codes."""
    codes = []
    for n in range(count):
        person = PEOPLE[n % len(PEOPLE)]
        request = IntakeRequest(TTHN, person, delivery=Delivery.POSTAL, delivery_address=person.address)
        code = str(intake(db, request, "anh", at=at).code)
        processing.transfer(db, code, "anh", at=at)
        processing.record_result(db, code, "anh", at=at)
        codes.append(code)
    return codes

"""Dossiers in every state a printed form uses, made through the real services (for print tests and looks)."""

from __future__ import annotations

import datetime as dt

from counter_app.model import Channel, Delivery, DocumentEntry, DocumentKind, Person, StopRequester
from counter_app.services import processing as p
from counter_app.services.intake import IntakeRequest, Outcome, intake
from counter_app.services.users import create_user
from counter_app.storage.database import Database
from tests.conftest import at

DUC = Person("Nguyễn Văn Đức", "001090123456", dt.date(1990, 1, 1), "Nam",
             "Thôn Đông Hòa, xã Tân Hòa, tỉnh Mẫu", "0912345678", "duc@example.vn")
LONG = Person("Tôn Nữ Hoàng Khánh Uyển Phượng Thị Ngọc Diệp Huyền Trang", "079185000123", dt.date(1985, 3, 4),
              "Nữ", "Số 123/45/67 đường Nguyễn Thị Minh Khai nối dài, khu phố Bình Đường 2, "
              "phường Dĩ An, thành phố Hồ Chí Minh (địa chỉ tạm trú tại thôn Đồng Quýt, xã Tân Hòa)",
              "0987654321", "uyen.phuong.rat.dai@example.com.vn")
TTHN = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân, 3 working days
COPY = "2.000815"  # Chứng thực bản sao, per-page fee


def make_samples(db: Database) -> dict[str, str]:
    """name → dossier reference (code, or id when the dossier never got a code)."""
    create_user(db, "clerk", "Trần Thị Ngọc Ánh", "clerk", "mật-khẩu-dài-12", "admin")
    refs: dict[str, str] = {}
    accepted = intake(db, IntakeRequest(COPY, DUC, documents=(
        DocumentEntry("Bản chính giấy tờ, văn bản cần chứng thực", DocumentKind.ORIGINAL, 1, 3, certify=2),
        DocumentEntry("Bản sao cần chứng thực", DocumentKind.COPY, 2, 3)), copies=2),
        "clerk", at=at("2026-11-20 08:30"))
    refs["accepted"] = str(accepted.code)
    postal = intake(db, IntakeRequest(TTHN, LONG, channel=Channel.POSTAL, postal_item_in="RR123456785VN",
                                      delivery=Delivery.POSTAL, delivery_address=LONG.address),
                    "clerk", at=at("2026-11-20 15:30"))
    refs["postal"] = str(postal.code)
    counter_supplement = intake(db, IntakeRequest(TTHN, DUC, documents=()), "clerk", Outcome.SUPPLEMENT,
                                "Thiếu tờ khai và giấy tờ chứng minh việc ly hôn", at=at("2026-11-20 09:00"))
    refs["counter_supplement"] = str(counter_supplement.id)
    counter_refusal = intake(db, IntakeRequest(TTHN, DUC, documents=()), "clerk", Outcome.REFUSE,
                             "Thủ tục không thuộc thẩm quyền giải quyết của xã", at=at("2026-11-20 09:10"))
    refs["counter_refusal"] = str(counter_refusal.id)
    refs["extended"] = _processed(db, "extended")
    refs["stopped"] = _processed(db, "stopped")
    refs["refused"] = _processed(db, "refused")
    refs["supplement"] = _processed(db, "supplement")
    refs["returned_by_post"] = _returned_by_post(db)
    old = intake(db, IntakeRequest(TTHN, DUC), "clerk", at=at("2025-09-12 10:00"))
    p.transfer(db, str(old.code), "clerk", to="Công chức Tư pháp - Hộ tịch", at=at("2025-09-12 10:30"))
    p.extend(db, str(old.code), "clerk", dt.date(2025, 9, 22), "Cần xác minh thêm", at=at("2025-09-15 09:00"))
    refs["old_extended"] = str(old.code)
    return refs


def _processed(db: Database, how: str) -> str:
    code = str(intake(db, IntakeRequest(TTHN, DUC), "clerk", at=at("2026-11-20 10:00")).code)
    p.transfer(db, code, "clerk", to="Công chức Tư pháp - Hộ tịch", at=at("2026-11-20 10:30"))
    if how == "extended":
        p.extend(db, code, "clerk", dt.date(2026, 12, 1), "Phải xác minh tình trạng hôn nhân tại nơi cư trú trước",
                 at=at("2026-11-24 09:00"))
    elif how == "stopped":
        p.stop(db, code, "clerk", "Người yêu cầu đề nghị dừng để bổ sung giấy tờ", StopRequester.APPLICANT,
               at=at("2026-11-23 09:00"))
    elif how == "refused":
        p.refuse(db, code, "clerk", "Người yêu cầu đang có đăng ký kết hôn chưa chấm dứt", at=at("2026-11-23 09:00"))
    elif how == "supplement":
        p.request_supplement(db, code, "clerk", "Bổ sung trích lục bản án ly hôn", at=at("2026-11-23 09:00"))
    return code


def _returned_by_post(db: Database) -> str:
    code = str(intake(db, IntakeRequest(TTHN, DUC, delivery=Delivery.POSTAL, delivery_address=DUC.address),
                      "clerk", at=at("2026-11-20 11:00")).code)
    p.transfer(db, code, "clerk", to="Công chức Tư pháp - Hộ tịch", at=at("2026-11-20 11:30"))
    p.record_result(db, code, "clerk", "Giấy xác nhận số 45", at=at("2026-11-24 16:00"))
    p.return_result(db, code, "clerk", p.Recipient(postal_item="RR987654326VN"), at=at("2026-11-25 08:00"))
    return code

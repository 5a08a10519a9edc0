"""Publishing from the web screen: upload, the preview of what changes, confirmation, and the counter that
receives it; refusals for a wrong file or a role that may not publish."""

from __future__ import annotations

import datetime as dt
import json
import re

from counter_app.services.catalogue import list_procedures
from counter_app.storage.database import Database
from tests.web.conftest import Browser, Province


def _catalogue(days: int) -> bytes:
    return json.dumps({"source": "QĐ thử", "effective_from": "2026-01-01", "procedures": [
        {"code": "9.999998", "name": "Thủ tục thử của tỉnh", "field": "Thử", "processing_days": days,
         "cutoff_applies": False, "fee": {"kind": "free"},
         "documents": [{"name": "Đơn đề nghị", "kind": "original", "quantity": 1, "mandatory": True}]}]},
        ensure_ascii=False).encode()


def _upload(admin: Browser, name: str, body: bytes, kind: str = "catalogue") -> tuple[int, str]:
    field, token = admin.csrf("/publish")
    answer = admin.post("/publish/preview", data={field: token, "kind": kind, "office": "*"},
                        files={"file": (name, body, "application/json")})
    return answer.status_code, answer.text


def _confirm(admin: Browser, page: str) -> int:
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page))
    return admin.post("/publish/confirm", data=fields).status_code


def test_a_catalogue_and_a_calendar_are_previewed_then_reach_the_counter(province: Province) -> None:
    admin = Browser(province.hub.url)
    admin.login("quantri")
    status, page = _upload(admin, "danh-muc.json", _catalogue(1))
    assert status == 200 and "9.999998" in page and "thủ tục mới" in page and "<strong>1</strong> thêm mới" in page
    assert _confirm(admin, page) == 303
    status, page = _upload(admin, "danh-muc.json", _catalogue(3))
    assert status == 200 and "đổi thời hạn" in page and "<strong>0</strong> thêm mới" in page  # not confirmed
    days = json.dumps({"days": [{"day": "2027-02-01", "kind": "off", "note": "Nghỉ bù"}]}).encode()
    status, page = _upload(admin, "lich.json", days, "calendar")
    assert status == 200 and "01/02/2027 — Nghỉ bù" in page and "thêm ngày nghỉ" in page
    assert _confirm(admin, page) == 303
    assert _upload(admin, "lich.json", days, "calendar")[1].count("1 giữ nguyên") == 1
    province.sync()
    database = Database.open(province.counter)
    try:
        received = {p.code: p for p in list_procedures(database, dt.date(2026, 12, 1))}
    finally:
        database.dispose()
    assert "9.999998" in received and received["9.999998"].name == "Thủ tục thử của tỉnh"


def test_a_wrong_file_is_refused_with_its_reason_and_only_administrators_publish(province: Province) -> None:
    admin, officer = Browser(province.hub.url), Browser(province.hub.url)
    admin.login("quantri")
    status, page = _upload(admin, "lich.json", b'{"days": [{"day": "2026-13-45", "kind": "off"}]}', "calendar")
    assert status == 422 and "lich.json" in page
    assert _upload(admin, "virus.exe", b"MZ")[0] == 422
    officer.login("canbo")
    assert officer.get("/publish").status_code == 403
    field, token = officer.csrf("/dossiers")
    answer = officer.post("/publish/preview", data={field: token, "kind": "catalogue"},
                          files={"file": ("a.json", _catalogue(1), "application/json")})
    assert answer.status_code == 403

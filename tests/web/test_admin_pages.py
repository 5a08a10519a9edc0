"""Conflicts, enrolment codes and per-commune figures over real HTTP, with a real counter on the other side."""

from __future__ import annotations

import re
from pathlib import Path

from counter_app.services import processing
from counter_app.services.office import initialise
from counter_app.storage.database import Database
from sync.client import enrol
from sync.hub.admin import decide
from sync.hub.store import HubStore
from sync.hub.web import audit
from tests.conftest import OFFICE
from tests.web.conftest import Browser, Province


def test_a_real_conflict_is_listed_and_resolved_with_a_note(browser: Browser, province: Province) -> None:
    code = province.codes["Phạm Văn Xung"]
    store = HubStore(province.hub.folder)
    try:
        decide(store, code, "result-ready", "canbo")  # the province decided; the counter has not heard yet
    finally:
        store.dispose()
    database = Database.open(province.counter)
    try:
        processing.refuse(database, code, "anh", "Hồ sơ không đủ điều kiện")
    finally:
        database.dispose()
    province.sync()
    browser.login("xem")
    listed = browser.get("/conflicts").text
    assert code in listed and "refused" in listed and 'name="note"' not in listed  # a viewer cannot resolve
    assert code in browser.get("/dossiers", params={"conflict": "true"}).text
    officer = Browser(province.hub.url)
    officer.login("canbo")
    field, token = officer.csrf("/conflicts")
    place = re.search(rf'href="/dossiers/([0-9a-f-]{{36}})">{re.escape(code)}<', listed)
    assert place
    assert officer.post(f"/conflicts/{place.group(1)}/resolve", data={field: token, "note": " "}).status_code == 422
    done = officer.post(f"/conflicts/{place.group(1)}/resolve", data={field: token, "note": "Đã gọi xã, giữ kết quả"})
    assert done.status_code == 303
    assert code not in officer.get("/conflicts").text
    store = HubStore(province.hub.folder)
    try:
        entry = audit.latest(store, subject=place.group(1))[0]
        assert (entry.username, entry.action, entry.details["note"]) == ("canbo", "conflict.resolve",
                                                                         "Đã gọi xã, giữ kết quả")
        assert "refused" in entry.details["conflict"]
    finally:
        store.dispose()


def test_an_administrator_issues_a_code_a_new_counter_enrols_with(province: Province, tmp_path: Path) -> None:
    officer, admin = Browser(province.hub.url), Browser(province.hub.url)
    officer.login("canbo")
    assert officer.get("/enrolment").status_code == 403
    assert "Đăng ký quầy" not in officer.get("/dossiers").text  # not in an officer's menu
    admin.login("quantri")
    field, token = admin.csrf("/enrolment")
    bad = admin.post("/enrolment", data={field: token, "office": "xã Tân Hòa"})
    assert bad.status_code == 422
    page = admin.post("/enrolment", data={field: token, "office": OFFICE.code.lower()})
    code = re.search(r'<p class="code">([0-9A-F-]+)</p>', page.text)
    assert page.status_code == 200 and code
    database = Database.open(tmp_path)
    try:
        initialise(database, OFFICE)
        enrol(database, province.hub.url, code.group(1))
    finally:
        database.dispose()
    assert "Đã dùng" in admin.get("/enrolment").text
    assert code.group(1) not in admin.get("/enrolment").text  # shown once, never again


def test_figures_per_commune_for_a_period(browser: Browser, province: Province) -> None:
    browser.login("xem")
    page = browser.get("/figures").text
    row = re.search(r'<tr><td data-label="Xã">000.00.12.H12</td><td data-label="Tiếp nhận">(\d+)</td>', page)
    assert row and int(row.group(1)) >= 3, page[-2000:]
    old = browser.get("/figures", params={"start": "2020-01-01", "end": "2020-01-31"}).text
    none = r'data-label="Xã">000.00.12.H12</td><td data-label="Tiếp nhận">0<'
    assert "Chưa có số liệu" in old or re.search(none, old)
    wrong = browser.get("/figures", params={"start": "2026-13-01"})
    assert wrong.status_code == 422 and "YYYY-MM-DD" in wrong.text

"""The province's actions over real HTTP: roles, CSRF, the action table's rules, the audit log."""

from __future__ import annotations

import re

from sync.hub.store import HubStore
from sync.hub.web import audit
from tests.web.conftest import Browser, Province


def _dossier_path(browser: Browser, code: str) -> str:
    page = browser.get("/dossiers", params={"q": code}).text
    found = re.search(r'href="(/dossiers/[0-9a-f-]{36})"', page)
    assert found, page[:300]
    return found.group(1)


def test_roles_decide_who_may_act(province: Province) -> None:
    viewer, officer = Browser(province.hub.url), Browser(province.hub.url)
    viewer.login("xem")
    officer.login("canbo")
    place = _dossier_path(viewer, province.codes["Trần Thị Hồng"])
    field, token = viewer.csrf("/dossiers")
    refused = viewer.post(f"{place}/actions/request-supplement", data={field: token, "reason": "Thiếu giấy"})
    assert refused.status_code == 403 and "Vai trò" in refused.text
    assert "Đã chuyển xử lý" in viewer.get(place).text  # nothing changed
    field, token = officer.csrf(place)
    assert officer.post(f"{place}/actions/request-supplement", data={"reason": "Thiếu giấy"}).status_code == 403
    blank = officer.post(f"{place}/actions/refuse", data={field: token, "reason": "  "})
    assert blank.status_code == 422 and "lý do" in blank.text.lower()
    unknown = officer.post(f"{place}/actions/delete", data={field: token})
    assert unknown.status_code == 422 and "result-ready" in unknown.text
    done = officer.post(f"{place}/actions/request-supplement", data={field: token, "reason": "Thiếu giấy khai sinh"})
    assert done.status_code == 303
    shown = officer.get(done.headers["location"]).text
    assert "Chờ bổ sung" in shown and "Thiếu giấy khai sinh" in shown and "Đã ghi quyết định" in shown
    again = officer.post(f"{place}/actions/request-supplement", data={field: token, "reason": "Lần nữa"})
    assert again.status_code == 422  # the lifecycle refuses it now, in words
    store = HubStore(province.hub.folder)
    try:
        entries = audit.latest(store, subject=place.rsplit("/", 1)[1])
        assert [(e.username, e.action, e.details.get("reason")) for e in entries] == [
            ("canbo", "dossier.request-supplement", "Thiếu giấy khai sinh")]
        assert audit.intact(store)
    finally:
        store.dispose()


def test_a_scan_is_served_only_for_its_own_dossier(browser: Browser, province: Province) -> None:
    browser.login("xem")
    duc = _dossier_path(browser, province.codes["NGUYỄN VĂN ĐỨC"])
    hong = _dossier_path(browser, province.codes["Trần Thị Hồng"])
    link = re.search(r'href="(/dossiers/[^"]+/documents/([0-9a-f]{64}))"', browser.get(duc).text)
    assert link
    scan = browser.get(link.group(1))
    assert scan.status_code == 200 and scan.content.startswith(b"%PDF-")
    assert browser.get(f"{hong}/documents/{link.group(2)}").status_code == 404
    assert browser.get(f"{duc}/documents/{'0' * 64}").status_code == 404
    assert Browser(province.hub.url).get(link.group(1)).status_code == 303  # not signed in: to the login

"""The forwarding page: the dead letters with the portal's reason, sent again by an administrator only
(CSRF-checked, audited), after which they reach the portal."""

from __future__ import annotations

import time

from playwright.sync_api import Browser as PlaywrightBrowser
from playwright.sync_api import expect

from sync.hub import portal_outbox
from sync.hub.portal_forward import forward_once
from sync.hub.portal_settings import DEFAULT_STATUS_CODES, PortalSettings
from sync.hub.store import HubStore
from sync.hub.web import audit
from tests.loopback import serving
from tests.sync.portal_contract import Portal, serve
from tests.web.conftest import DESKTOP, PASSWORD, Browser, Province
from tests.web.conftest import shots as _shots


def _look(browser: PlaywrightBrowser, province: Province) -> None:
    """The page in the browser, for people to look at (test-artifacts/web/portal-*.png)."""
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{province.hub.url}/login?next=/portal")
    page.fill("input[name=username]", "quantri")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/portal")
    expect(page.get_by_role("button", name="Gửi lại tất cả")).to_be_visible()
    _shots(page, "portal")
    context.close()


def _settings(url: str, portal: Portal, **changes: object) -> PortalSettings:
    return PortalSettings(adapter_url=url, integration_endpoint="/sync", madonvi=portal.madonvi,
                          backoff_initial_seconds=0.05, backoff_max_seconds=0.1, **changes)  # type: ignore[arg-type]


def test_dead_letters_are_shown_and_an_administrator_sends_them_again(province: Province,
                                                                       chromium: PlaywrightBrowser) -> None:
    portal = Portal()
    portal.sessions.add("")  # this stand-in needs no log-in
    store = HubStore(province.hub.folder)
    viewer, admin = Browser(province.hub.url), Browser(province.hub.url)
    try:
        with serving(serve(portal)) as url:
            wrong = {**DEFAULT_STATUS_CODES, "transferred": "44"}  # a mapping the portal refuses
            forward_once(store, _settings(url, portal, status_codes=wrong))
            dead = portal_outbox.letters(store)
            assert {letter.code for letter in dead} >= set(province.codes.values())
            _look(chromium, province)
            viewer.login("xem")
            page = viewer.get("/portal")
            assert page.status_code == 200 and "Thư lỗi" in page.text
            assert all(code in page.text for code in province.codes.values())
            # the portal's own reason, naming the status field it refused: TrangThai of a step and, when the
            # dossier's present status is the wrongly mapped one, TrangThaiHoSo of the dossier (other page tests
            # of this session move the shared dossiers on)
            assert "HTTP 400" in page.text and "TrangThai" in page.text
            assert "Gửi lại tất cả" not in page.text  # a viewer only looks
            admin.login("quantri")
            field, token = admin.csrf("/portal")
            assert admin.post("/portal/retry", data={"letter": "all"}).status_code == 403  # no CSRF token
            done = admin.post("/portal/retry", data={field: token, "letter": "all"})
            assert done.status_code == 303
            assert "Đã đưa thư lỗi trở lại hàng đợi" in admin.get(done.headers["location"]).text
            assert audit.latest(store, limit=1)[0].action == "portal.retry"
            time.sleep(0.1)
            forward_once(store, _settings(url, portal))
            assert set(province.codes.values()) <= set(portal.dossiers)
            assert "Không có thư lỗi nào" in admin.get("/portal").text
    finally:
        viewer.close()
        admin.close()
        store.dispose()

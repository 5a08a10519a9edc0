"""The web screen's log-in over real HTTP: redirects, the form's fixed fields, CSRF refusal, the rate limit,
session cookies, and search by what a province user types."""

from __future__ import annotations

import re

from sync.hub.admin import show
from sync.hub.store import HubStore
from tests.web.conftest import PASSWORD, Browser, Province


def test_an_unauthenticated_page_request_redirects_to_the_login_form(browser: Browser) -> None:
    answer = browser.get("/dossiers?q=nguyen")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=/dossiers")
    form = browser.get(answer.headers["location"])
    assert form.status_code == 200
    assert 'name="username"' in form.text and 'name="password"' in form.text
    assert re.search(r'<input type="hidden" name="csrf\w*" value="[\w-]{20,}"', form.text)
    assert browser.get("/").headers["location"].startswith("/dossiers")


def test_logging_in_sets_a_secure_host_only_session_and_returns_to_the_page_asked_for(browser: Browser) -> None:
    field, token = browser.csrf("/login?next=/dossiers%3Fq%3Dhong")
    answer = browser.post("/login", data={"username": "XEM", "password": PASSWORD, field: token,
                                          "next": "/dossiers?q=hong"})
    assert answer.status_code == 303 and answer.headers["location"] == "/dossiers?q=hong"
    cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith("__Host-hub_session="))
    for attribute in ("Secure", "HttpOnly", "SameSite=lax", "Path=/"):
        assert attribute.lower() in cookie.lower(), cookie
    assert "domain=" not in cookie.lower()
    page = browser.get("/dossiers?q=hong")
    assert page.status_code == 200 and "Trần Thị Hồng" in page.text and "ĐỨC" not in page.text
    field, token = browser.csrf("/dossiers")
    assert browser.post("/logout", data={field: token}).status_code == 303
    assert browser.get("/dossiers").status_code == 303  # the session is gone at the hub, not just the cookie


def test_a_login_elsewhere_cannot_go_to_another_site(browser: Browser) -> None:
    field, token = browser.csrf("/login")
    answer = browser.post("/login", data={"username": "xem", "password": PASSWORD, field: token,
                                          "next": "//evil.example/"})
    assert answer.status_code == 303 and answer.headers["location"] == "/"


def test_a_form_without_its_csrf_token_is_refused(browser: Browser) -> None:
    browser.get("/login")
    refused = browser.post("/login", data={"username": "xem", "password": PASSWORD, "csrf_token": "forged"})
    assert refused.status_code == 403 and "CSRF" in refused.text
    assert "__Host-hub_session" not in browser.cookies
    assert browser.login("xem").status_code == 303
    refused = browser.post("/logout", data={})
    assert refused.status_code == 403 and "CSRF" in refused.text
    assert browser.get("/dossiers").status_code == 200  # still signed in: the forged logout did nothing


def test_a_cookie_from_a_device_or_a_guess_is_no_session(browser: Browser) -> None:
    browser.cookies["__Host-hub_session"] = "x" * 43
    assert browser.get("/dossiers").status_code == 303


def test_wrong_passwords_are_refused_then_limited_even_with_the_right_one(province: Province) -> None:
    browser = Browser(province.hub.url)
    province.hub.cli("user-add", "--username", "doanvan", "--password", PASSWORD, "--role", "viewer")
    for _ in range(5):
        answer = browser.login("doanvan", "wrong-password")
        assert answer.status_code == 401 and "Sai tên đăng nhập hoặc mật khẩu" in answer.text
    limited = browser.login("doanvan")
    assert limited.status_code == 429 and "quá nhiều lần" in limited.text
    assert browser.login("nobody-at-all", "x").status_code == 401  # an unknown name: the same answer
    assert browser.login("xem").status_code == 303  # others are not locked out


def test_search_by_folded_name_code_and_cccd(browser: Browser, province: Province) -> None:
    browser.login("xem")
    duc = province.codes["NGUYỄN VĂN ĐỨC"]
    for query in ("nguyen van duc", "Đức", "NGUYEN   VAN D", "001090123456", duc, duc.lower()):
        page = browser.get("/dossiers", params={"q": query})
        assert duc in page.text, query
        assert province.codes["Trần Thị Hồng"] not in page.text, query
    assert "Không có hồ sơ nào khớp" in browser.get("/dossiers", params={"q": "khong ai"}).text
    both = browser.get("/dossiers", params={"office": "000.00.12.H12", "procedure": "1.004873"}).text
    assert all(code in both for code in province.codes.values())
    hong = province.codes["Trần Thị Hồng"]
    store = HubStore(province.hub.folder)
    try:
        status = show(store, hong)["status"]  # other tests of the session move it on
    finally:
        store.dispose()
    assert hong in browser.get("/dossiers", params={"status": status}).text
    assert hong not in browser.get("/dossiers", params={"status": "returned"}).text
    assert hong not in browser.get("/dossiers", params={"office": "000.00.99.H12"}).text
    assert "Không có hồ sơ nào khớp" in browser.get("/dossiers", params={"overdue": "true"}).text

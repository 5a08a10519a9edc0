"""The web screen in a real browser (Debian's Chromium through Playwright): log in, find a dossier a real
counter synced, open its scan, mark its result ready, and see the decision reach that counter. Screenshots at
office-screen and phone widths go to test-artifacts/web/ for people to look at."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from counter_app.services.queries import get_dossier
from counter_app.storage.database import Database
from tests.web.conftest import PASSWORD, Province, shots


def test_an_officer_marks_a_synced_dossier_ready_and_the_counter_receives_it(page: Page, province: Province) -> None:
    p = page
    code = province.codes["NGUYỄN VĂN ĐỨC"]
    p.goto(f"{province.hub.url}/dossiers?q=nguyen+van+duc")
    assert "/login" in p.url
    shots(p, "login")
    p.fill("input[name=username]", "canbo")
    p.fill("input[name=password]", PASSWORD)
    p.click("button[type=submit]")
    p.wait_for_url("**/dossiers?q=nguyen+van+duc")
    expect(p.get_by_role("link", name=code)).to_be_visible()
    assert province.codes["Trần Thị Hồng"] not in p.content()
    shots(p, "dossiers")

    p.get_by_role("link", name=code).click()
    expect(p.get_by_role("heading", name=code)).to_be_visible()
    scan = p.get_by_role("link", name="Xem PDF")
    answer = p.request.get(f"{province.hub.url}{scan.get_attribute('href')}")
    assert answer.ok and answer.headers["content-type"] == "application/pdf"
    assert answer.headers["content-disposition"].startswith("inline") and answer.body().startswith(b"%PDF-")
    assert "Chưa ký" in p.content()
    shots(p, "dossier")

    form = p.locator("form[action$='/actions/result-ready']")
    form.locator("textarea[name=note]").fill("Kết quả đã ký, chuyển về xã")
    form.get_by_role("button").click()
    expect(p.get_by_role("status")).to_contain_text("Đã ghi quyết định")
    expect(p.locator("main")).to_contain_text("Có kết quả, chờ trả")
    expect(p.locator("main")).to_contain_text("Kết quả đã ký, chuyển về xã")
    shots(p, "dossier-ready")

    province.sync()
    database = Database.open(province.counter)
    try:
        assert get_dossier(database, code).status.value == "result_ready"
    finally:
        database.dispose()


def test_a_viewer_sees_no_actions(page: Page, province: Province) -> None:
    p = page
    p.goto(f"{province.hub.url}/login")
    p.fill("input[name=username]", "xem")
    p.fill("input[name=password]", PASSWORD)
    p.click("button[type=submit]")
    p.get_by_role("link", name=province.codes["Trần Thị Hồng"]).click()
    expect(p.locator("main")).to_contain_text("chỉ xem hồ sơ")
    assert p.locator("form[action*='/actions/']").count() == 0
    p.get_by_role("link", name="Quầy").click()
    expect(p.get_by_role("heading", name="Tình trạng các quầy")).to_be_visible()
    expect(p.locator("main")).to_contain_text("000.00.12.H12")
    shots(p, "counters")


def test_an_administrator_s_pages_at_both_widths(page: Page, province: Province) -> None:
    """The administrator's menu leads to every page; each is photographed for a person to look at."""
    p = page
    p.goto(f"{province.hub.url}/login")
    p.fill("input[name=username]", "quantri")
    p.fill("input[name=password]", PASSWORD)
    p.click("button[type=submit]")
    pages = (("Xung đột", "Xung đột cần xử lý", "conflicts"), ("Số liệu", "Số liệu theo xã", "figures"),
             ("Phát hành", "Phát hành danh mục", "publish"), ("Đăng ký quầy", "Mã đăng ký", "enrolment"))
    for link, heading, name in pages:
        p.get_by_role("navigation").get_by_role("link", name=link).click()
        expect(p.get_by_role("heading", level=1)).to_contain_text(heading)
        shots(p, name)
    p.fill("input[name=office]", "000.00.12.H12")
    p.get_by_role("button", name="Tạo mã").click()
    expect(p.get_by_role("status")).to_contain_text("000.00.12.H12")
    shots(p, "enrolment-issued")

"""One real hub process for the web screen's tests (per xdist worker), its province users, a real counter
that synced dossiers to it, and one headless Chromium for every browser test of the worker."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser as Chromium
from playwright.sync_api import Page, ViewportSize, sync_playwright

from counter_app.model import Person
from counter_app.services import processing
from counter_app.services.documents import file_copy
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.storage.database import Database
from sync.client import enrol, run_round
from sync.hub.auth import issue_enrolment
from sync.hub.store import HubStore
from sync.hub.web.users import add_user
from tests.conftest import OFFICE
from tests.sync.harness import Hub, running_hub
from tests.sync.workload import PROCEDURE, scanned_pdf

PASSWORD = "mat-khau-tinh-2026"
USERS = {"xem": "viewer", "canbo": "officer", "quantri": "administrator"}
CSRF_FIELD = re.compile(r'name="(csrf[^"]*)" value="([^"]*)"')


@dataclass
class Province:
    """The hub, and a counter (its data folder) whose dossiers the hub holds."""

    hub: Hub
    counter: Path
    codes: dict[str, str]  # applicant name → dossier code

    def sync(self) -> None:
        database = Database.open(self.counter)
        try:
            assert run_round(database, patience=30).complete
        finally:
            database.dispose()


@pytest.fixture(scope="session")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    with running_hub(tmp_path_factory.mktemp("hub")) as hub:
        store = HubStore(hub.folder)
        try:
            for name, role in USERS.items():
                add_user(store, name, PASSWORD, role)
            enrolment = issue_enrolment(store, OFFICE.code)
        finally:
            store.dispose()
        folder = tmp_path_factory.mktemp("counter")
        database = Database.open(folder)
        try:
            initialise(database, OFFICE)
            codes = {}
            for name, id_number in (("NGUYỄN VĂN ĐỨC", "001090123456"), ("Trần Thị Hồng", "079195000123"),
                                    ("Phạm Văn Xung", "001080000777")):
                code = str(intake(database, IntakeRequest(PROCEDURE, Person(name, id_number)), "anh").code)
                processing.transfer(database, code, "anh")
                codes[name] = code
            file_copy(database, codes["NGUYỄN VĂN ĐỨC"], "1", scanned_pdf(1, seed=7, page_kb=20), 1, "anh")
            enrol(database, hub.url, enrolment)
            assert run_round(database, patience=30).complete
        finally:
            database.dispose()
        yield Province(hub, folder, codes)


class Browser:
    """An HTTP client that keeps the hub's cookies (Secure ones too, which httpx sends only over HTTPS)."""

    def __init__(self, url: str) -> None:
        self.client = httpx.Client(base_url=url, follow_redirects=False, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs: object) -> httpx.Response:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        response = self.client.request(method, path, headers=headers, **kwargs)  # type: ignore[arg-type]
        for header in response.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0].strip('"')
            if "max-age=0" in header.lower() or "expires=thu, 01 jan 1970" in header.lower():
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response

    def get(self, path: str, **kwargs: object) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: object) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def csrf(self, path: str) -> tuple[str, str]:
        """The CSRF field's name and value in the form of the page at `path`."""
        page = self.get(path)
        found = CSRF_FIELD.search(page.text)
        assert found, page.text[:500]
        return found.group(1), found.group(2)

    def login(self, username: str, password: str = PASSWORD) -> httpx.Response:
        field, token = self.csrf("/login")
        return self.post("/login", data={"username": username, "password": password, field: token})

    def close(self) -> None:
        self.client.close()


@pytest.fixture
def browser(province: Province) -> Iterator[Browser]:
    client = Browser(province.hub.url)
    yield client
    client.close()


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
DESKTOP: ViewportSize = {"width": 1366, "height": 768}
PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def chromium() -> Iterator[Chromium]:
    """One headless browser for the whole session (the system's Chromium: no browser download)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs it (APT_TEST)")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Chromium) -> Iterator[Page]:
    context = chromium.new_context(viewport=DESKTOP, locale="vi-VN")
    yield context.new_page()
    context.close()


def shots(page: Page, name: str) -> None:
    """The page as it is, at 1366×768 and at a phone's width (whole page)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(ARTIFACTS / f"{name}-phone.png"), full_page=True)
    page.set_viewport_size(DESKTOP)

"""Forwarding dossiers and their progress to the province's system, against the contract server written from
the documented shape (tests/sync/portal_contract.py): order, idempotence, retries with back-off, dead
letters, duplicates, log-in, and the dry run."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync import keys
from sync.hub import auth, ingest, portal_outbox, portal_settings
from sync.hub.admin import change_status
from sync.hub.portal_forward import dry_run, forward_once
from sync.hub.portal_settings import PortalSettings
from sync.hub.store import HubStore
from sync.protocol import EnrolRequest
from tests.loopback import serving
from tests.sync.conftest import BACKENDS, _hub_database
from tests.sync.portal_contract import DUPLICATE, Portal, serve, settings_text
from tests.sync.workload import wire_dossier

OFFICE = "000.00.12.H12"
PASSWORD_ENV = "COUNTER_TEST_PORTAL_PASSWORD"
AT = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@dataclass
class Bench:
    store: HubStore
    portal: Portal
    device: uuid.UUID
    seq: int = 1

    def settings(self, **changes: object) -> PortalSettings:
        found = portal_settings.load(self.store.data_dir)
        assert found is not None
        return PortalSettings(**{**found.__dict__, **changes})

    def accept(self, number: int) -> str:
        events = wire_dossier(self.device, self.seq, OFFICE, number, AT)
        self.seq += len(events)
        assert ingest.ingest(self.store, self.device, events).accepted == len(events)
        return str(events[1]["payload"]["code"])


@pytest.fixture(params=BACKENDS)
def bench(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bench]:
    store = HubStore(tmp_path / "hub", _hub_database(request))
    key = Ed25519PrivateKey.generate()
    device = auth.enrol(store, EnrolRequest(code=auth.issue_enrolment(store, OFFICE), device_id=uuid.uuid4(),
                                            public_key=keys.public_pem(key))).id
    portal = Portal()
    monkeypatch.setenv(PASSWORD_ENV, portal.password)
    with serving(serve(portal)) as url:
        (store.data_dir / "portal.toml").write_text(settings_text(url, PASSWORD_ENV), "utf-8")
        yield Bench(store, portal, device)
    store.dispose()


def _services(portal: Portal) -> list[tuple[str, str | None]]:
    return [(body["service"], body.get("isUpdating")) for body in portal.received]


def test_a_dossier_and_each_step_reach_the_portal_once_in_order(bench: Bench) -> None:
    code = bench.accept(1)
    change_status(bench.store, code, "transfer", "Trần Văn Tỉnh", "chuyển phòng Tư pháp")
    change_status(bench.store, code, "result-ready", "Trần Văn Tỉnh")
    report = forward_once(bench.store, bench.settings())
    assert (report.sent, report.failed, report.stopped) == (6, 0, "")
    assert _services(bench.portal) == [("DongBoHoSoMC", "False"), ("CapNhatTienDoHoSoMC", None),
                                       ("DongBoHoSoMC", "True"), ("CapNhatTienDoHoSoMC", None),
                                       ("DongBoHoSoMC", "True"), ("CapNhatTienDoHoSoMC", None)]
    held = bench.portal.dossiers[code]
    assert (held["MaTTHC"], held["ChuHoSo"], held["MaDoiTuong"]) == ("1.004873", "Công dân 1", "001190000001")
    assert (held["NgayTiepNhan"], held["NgayHenTra"]) == ("20261123083000", "20261126083000")  # Vietnam time
    assert held["TrangThaiHoSo"] == "9" and held["NgayKetThucXuLy"]  # result ready
    steps = [(step["TrangThai"], step["NguoiXuLy"]) for step in bench.portal.progress]
    assert steps == [("2", "anh"), ("4", "Trần Văn Tỉnh"), ("9", "Trần Văn Tỉnh")]
    assert bench.portal.progress[1]["NoiDungXuLy"] == "Chuyển xử lý: chuyển phòng Tư pháp"
    again = forward_once(bench.store, bench.settings())
    assert (again.queued, again.sent) == (0, 0) and len(bench.portal.received) == 6  # idempotent
    assert portal_outbox.counts(bench.store) == {"pending": 0, "sent": 6, "dead": 0}


def test_the_dry_run_prints_exactly_what_is_then_sent(bench: Bench) -> None:
    code = bench.accept(2)
    planned = dry_run(bench.store, bench.settings(), code)
    assert [body["service"] for body in planned] == ["DongBoHoSoMC", "CapNhatTienDoHoSoMC"]
    assert not bench.portal.received and portal_outbox.counts(bench.store)["pending"] == 0  # nothing sent or kept
    forward_once(bench.store, bench.settings())
    sent = [{**body, "session": "<session>"} for body in bench.portal.received]
    assert sent == planned
    assert dry_run(bench.store, bench.settings(), code)[0]["isUpdating"] == "True"  # all sent: the update


def test_server_errors_are_retried_with_back_off_then_delivered(bench: Bench) -> None:
    code = bench.accept(3)
    bench.portal.faults.extend(["500", "code"])
    first = forward_once(bench.store, bench.settings())
    assert (first.sent, first.failed) == (0, 1)  # then it waits: the same pass does not hammer the portal
    time.sleep(0.3)
    second = forward_once(bench.store, bench.settings())
    assert (second.sent, second.failed) == (0, 1)
    [letter] = [item for item in portal_outbox.letters(bench.store, state="pending") if item.attempts]
    assert letter.attempts == 2 and "mã 99" in letter.last_error  # the portal's own reason, in Vietnamese
    assert letter.next_at > dt.datetime.now(dt.UTC)  # waits before the next try
    time.sleep(0.3)
    forward_once(bench.store, bench.settings())
    assert code in bench.portal.dossiers and len(bench.portal.progress) == 1


def test_a_timeout_charges_the_message_and_stops_the_pass_a_dropped_line_charges_nothing(bench: Bench) -> None:
    bench.accept(4)
    bench.portal.faults.append("timeout")
    report = forward_once(bench.store, bench.settings(timeout_seconds=0.5))
    assert report.stopped.startswith("Hệ thống của tỉnh không trả lời trong 0.5 giây")
    assert max(item.attempts for item in portal_outbox.letters(bench.store, state="pending")) == 1
    time.sleep(0.3)
    bench.portal.faults.append("drop")
    dropped = forward_once(bench.store, bench.settings())
    assert dropped.stopped.startswith("Không kết nối được hệ thống của tỉnh")
    assert max(item.attempts for item in portal_outbox.letters(bench.store, state="pending")) == 1
    forward_once(bench.store, bench.settings())
    assert portal_outbox.counts(bench.store)["sent"] == 2


def test_a_refused_body_becomes_a_dead_letter_holding_back_its_dossier_until_sent_again(bench: Bench) -> None:
    wrong = bench.settings(status_codes={**portal_settings.DEFAULT_STATUS_CODES, "accepted": "99"})
    code = bench.accept(5)
    other = bench.accept(6)
    report = forward_once(bench.store, wrong)
    assert report.dead == 2  # both dossiers' first message: HTTP 400, no retry would change it
    dead = portal_outbox.letters(bench.store)
    assert {letter.code for letter in dead} == {code, other}
    assert all("HTTP 400" in letter.last_error and "TrangThaiHoSo" in letter.last_error for letter in dead)
    assert not bench.portal.progress  # the steps behind them wait
    assert portal_outbox.retry(bench.store, dead[0].id) == 1
    forward_once(bench.store, bench.settings())
    assert set(bench.portal.dossiers) == {dead[0].code}
    assert portal_outbox.retry(bench.store) == 1
    forward_once(bench.store, bench.settings())
    assert set(bench.portal.dossiers) == {code, other} and len(bench.portal.progress) == 2


def test_a_dossier_the_portal_already_holds_counts_as_delivered(bench: Bench) -> None:
    code = bench.accept(7)
    bench.portal.dossiers[code] = {"MaHoSo": code}  # sent by another route earlier
    report = forward_once(bench.store, bench.settings())
    assert (report.sent, report.dead) == (2, 0)
    [letter] = [item for item in portal_outbox.letters(bench.store, state="sent") if item.service == "DongBoHoSoMC"]
    assert DUPLICATE in letter.last_error


def test_a_wrong_password_stops_the_pass_and_charges_no_message(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    bench.accept(8)
    monkeypatch.setenv(PASSWORD_ENV, "sai")
    report = forward_once(bench.store, bench.settings())
    assert "từ chối đăng nhập" in report.stopped and not bench.portal.received
    assert all(item.attempts == 0 for item in portal_outbox.letters(bench.store, state="pending"))


def test_a_step_waits_for_the_dossier_it_belongs_to(bench: Bench) -> None:
    """Messages of one dossier go one after the other: a failed dossier sync is retried before its steps."""
    bench.accept(9)
    bench.portal.faults.append("500")
    forward_once(bench.store, bench.settings())
    assert not bench.portal.progress
    time.sleep(0.3)
    forward_once(bench.store, bench.settings())
    assert [body["service"] for body in bench.portal.received] == ["DongBoHoSoMC", "CapNhatTienDoHoSoMC"]

"""Launch the real app on a (virtual) X display, do an intake, and save a screenshot of every screen and dialog.

Run: `xvfb-run -s "-screen 0 1366x768x24" python -m tests.e2e.screenshots OUT_DIR [vi|en]`; for 150 % scaling
`QT_SCALE_FACTOR=1.5 xvfb-run -s "-screen 0 1920x1080x24" …` (the e2e test runs both sizes)."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QApplication, QDialog

from counter_app.catalogue_import import parse_catalogue
from counter_app.clock import VN_TZ, now
from counter_app.lifecycle import Action
from counter_app.model import Channel, Person
from counter_app.postal import Direction
from counter_app.reports.periods import PeriodKind
from counter_app.services import postal_batches, postal_dispatch, postal_receipt, processing
from counter_app.services.catalogue import store_procedures
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.postal_dispatch import DispatchLine
from counter_app.services.rating import rate
from counter_app.storage.database import Database
from tests.catalogue_corpus import birth_registration, residence_confirmation
from tests.postal.helpers import envelope, label, ready_results
from tests.scanning.escl_server import ScannerState, announced, escl_scanner
from tests.ui.keystroke_count import COMMON, keys_for
from ui import i18n, theme
from ui.help_dialog import FirstRunTour
from ui.main_window import MainWindow
from ui.postal_view import DISPATCH, OUTCOMES, RECEIPT

QR = "001090123456|012345678|NGUYỄN VĂN ĐỨC|01011990|Nam|Thôn Đông Hòa, xã Tân Hòa, tỉnh Mẫu|15042021"


def wait(app: QApplication, ready: Callable[[], object], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


class Camera:
    """Saves the whole screen as OUT/NAME.png after the events have settled."""

    def __init__(self, app: QApplication, out: Path) -> None:
        self.app, self.out, self.shots = app, out, []

    def __call__(self, name: str) -> None:
        settle(self.app)
        path = self.out / f"{name}.png"
        screen = self.app.primaryScreen()
        assert screen is not None
        screen.grabWindow(0).save(str(path))
        self.shots.append(path)


def main(out: Path, language: str = "vi") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["counter"])
    assert isinstance(app, QApplication)
    translators = i18n.install(app, language)
    theme.apply(app)
    data = Path(tempfile.mkdtemp(prefix="counter-shots-"))
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", language)
    window = MainWindow(data, settings=settings)
    screen = app.primaryScreen()
    assert screen is not None
    window.resize(screen.availableGeometry().size())  # 1366×768, or 1280×720 logical pixels at 150 %
    window.show()
    window.start()
    shot = Camera(app, out)
    _log_in(app, window, shot)
    _history(window)
    _home_and_intake(app, window, shot)
    code = _lists_and_dossier(app, window, shot)
    _admin_help_and_lock(app, window, shot, code)
    window.close()
    del translators
    return shot.shots


def _log_in(app: QApplication, window: MainWindow, shot: Camera) -> None:
    wait(app, lambda: window.login_dialog is not None and window.login_dialog.database is not None)
    dialog = window.login_dialog
    assert dialog is not None
    dialog.username.setText("admin")
    dialog.full_name.setText("Trần Thị Ngọc Ánh")
    dialog.password.setText("mật-khẩu-dài-12")
    shot("01-login")
    dialog.submit()
    wait(app, lambda: window.user is not None)
    wait(app, lambda: isinstance(getattr(window, "tour", None), FirstRunTour))
    shot("01b-tour")
    window.tour.accept()


def _home_and_intake(app: QApplication, window: MainWindow, shot: Camera) -> None:
    window.show_home()
    wait(app, lambda: not window.home.tiles["received"].text().startswith("0"))
    shot("02-home")
    window.show_intake()
    wait(app, lambda: window.intake.procedure_list.count() > 0)
    for code in COMMON:  # the keystroke count of a typical intake (tests/ui/test_keystrokes.py keeps it)
        query, keys = keys_for(window.intake, code)
        print(f"intake of {code}: «{query}», Enter, Space per document, Ctrl+Enter = {keys} keys besides the scan")
    _published_procedures(app, window, shot)
    window.intake.procedure_search.setText("xac nhan tinh trang hon nhan")
    window.intake.procedure_search.returnPressed.emit()
    window.intake.fill_from_qr(QR)
    window.intake.phone.setText("0912345678")
    shot("03-intake-missing")
    for row in range(window.intake.checklist.rowCount()):
        window.intake.checklist.toggle(row)
    shot("04-intake-ready")
    window.intake.documents.setCurrentIndex(window.intake.checklist.index(0, 1))
    _scanners_on_loopback()
    with escl_scanner(ScannerState(feeder_pages=2, busy_answers=0)) as (url, _state), announced(url):
        scan = window.intake.open_scan()
        assert scan is not None
        scan.source.setText(url)
        wait(app, scan.find_button.isEnabled, timeout=60)  # the eSCL scanner found by mDNS, picked by name
        scan.dpi.setValue(200)
        scan.feeder.setCurrentIndex(1)
        scan.scan()
        wait(app, lambda: scan.pages_view.count() == 2, timeout=120)
        wait(app, lambda: len(scan.processed()) == 2, timeout=120)  # cleaned and compressed in the background
    shot("04b-scan-dialog")
    scan.accept()
    wait(app, lambda: not scan.isVisible())
    window.intake.accept_button.click()
    wait(app, lambda: bool(window.intake.result_label.text()))
    shot("05-intake-accepted")


def _scanners_on_loopback() -> None:
    """The scan dialog finds the test eSCL scanner announced on loopback and SANE's `test` devices."""
    import functools  # noqa: PLC0415
    import os  # noqa: PLC0415

    from scanning import discovery  # noqa: PLC0415
    from ui.scan_dialog import ScanDialog  # noqa: PLC0415

    sane = Path(tempfile.mkdtemp(prefix="counter-sane-"))
    (sane / "dll.conf").write_text("test\n")
    os.environ["SANE_CONFIG_DIR"] = str(sane)
    ScanDialog.discover = staticmethod(functools.partial(discovery.discover, escl_seconds=3.0,
                                                         interfaces=["127.0.0.1"]))


def _lists_and_dossier(app: QApplication, window: MainWindow, shot: Camera) -> str:
    window.show_list("all")
    wait(app, lambda: window.dossiers.model.rowCount() > 0)
    shot("06-dossier-list")
    window.show_list("overdue")
    wait(app, lambda: window.dossiers.model.rowCount() > 0)
    shot("07-overdue-list")
    code = window.dossiers.model.summary(0).code or ""
    window.open_dossier(code)
    wait(app, lambda: window.dossier.dossier is not None and window.dossier.dossier.code == code)
    shot("08-dossier")
    for name, action in (("09-action-extend", Action.EXTEND), ("09b-action-refuse", Action.REFUSE)):
        dialog = window.dossier.open_action(action)
        shot(name)
        if dialog is not None:
            dialog.reject()
    return code


def _admin_help_and_lock(app: QApplication, window: MainWindow, shot: Camera, code: str) -> None:
    window.show_admin()
    wait(app, lambda: window.admin.users.model.rowCount() > 0)
    shot("10-admin-users")
    window.admin.tabs.setCurrentWidget(window.admin.printers)
    shot("10b-admin-printers")
    _backup(app, window, shot)
    window.show_sync()
    wait(app, lambda: bool(window.sync_view.state_label.text()) and bool(window.sync_view.dossiers.rows))
    shot("13-sync")
    _postal(app, window, shot)
    _reports_and_rating(app, window, shot, code)
    for name, open_dialog in (("11-print", lambda: window.open_print_dialog(code)), ("20-help", window.open_help),
                              ("21-account", window.open_account)):
        open_dialog()
        shot(name)
        for dialog in window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.close()
    window.lock()
    shot("12-locked")


def _backup(app: QApplication, window: MainWindow, shot: Camera) -> None:
    """Administration → Sao lưu after a backup to a folder, then the home screen's line about it."""
    panel = window.admin.backup
    window.admin.tabs.setCurrentWidget(panel)
    stick = Path(tempfile.mkdtemp(prefix="counter-usb-"))
    panel.folder.setText(str(stick))
    panel.back_up()
    wait(app, lambda: bool(panel.result.text()) and panel.run.isEnabled())
    shot("10c-admin-backup")
    window.backups.refresh()
    window.show_home()
    wait(app, lambda: window.home.backup_label.text().startswith(("Sao lưu tốt", "Last good")))
    shot("10d-home-backup")


def _reports_and_rating(app: QApplication, window: MainWindow, shot: Camera, code: str) -> None:
    window.show_reports()
    window.reports.kind.setCurrentIndex(list(window.reports.KINDS).index(PeriodKind.CUSTOM))
    start = now().astimezone(VN_TZ).date() - dt.timedelta(days=30)
    window.reports.day.setDate(QDate(start.year, start.month, start.day))
    window.reports.refresh()
    wait(app, lambda: window.reports.loaded is not None and window.reports.loaded.report.period.first == start)
    shot("17-reports")
    window.rating_window.ask(code, "return")
    window.rating_window.setGeometry(window.geometry())
    window.rating_window.raise_()
    shot("18-rating")
    window.rating_window.choose(4)
    shot("19-rating-reason")
    window.rating_window.skip()
    window.activateWindow()


def _postal(app: QApplication, window: MainWindow, shot: Camera) -> None:
    """The «Bưu chính» screen: a batch being received, results being labelled, an outcome."""
    database = window.database
    assert database is not None
    ref = postal_batches.open_batch(database, Direction.RECEIPT, "admin", "Lê Văn Bưu").ref
    for n in (1, 2, 3):
        postal_receipt.add_envelope(database, ref, envelope(n, complete=n != 2), "admin")
    first = ready_results(database, 3, now())[0]
    postal_dispatch.dispatch(database, [DispatchLine(first, label(901))], "admin", "Lê Văn Bưu")
    window.show_postal(RECEIPT)
    panel = window.postal.receipt
    wait(app, lambda: panel.batch is not None and bool(panel.picker.procedures))
    panel.take_item(label(1004, "EB"))
    panel.picker.search.setText("xac nhan tinh trang hon nhan")
    panel.picker.search.returnPressed.emit()
    panel.fill_from_qr(QR)
    shot("14-postal-receipt")
    window.show_postal(DISPATCH)
    dispatch = window.postal.dispatch
    wait(app, lambda: len(dispatch.ready) == 2)
    dispatch.on_scanned(label(911))
    wait(app, lambda: len(dispatch.labels) == 1)
    dispatch.fee_edit.setText("18000")
    shot("15-postal-dispatch")
    window.show_postal(OUTCOMES)
    window.postal.outcomes.on_scanned(label(901))
    window.postal.outcomes.outcome.setCurrentIndex(1)
    window.postal.outcomes.reason.setText("Không có người nhận, đã báo phát 2 lần")
    shot("16-postal-outcomes")


def _published_procedures(app: QApplication, window: MainWindow, shot: Camera) -> None:
    """Procedures as the national database publishes them: a case picker, conditional rows, a group."""
    assert window.database is not None
    report = parse_catalogue([birth_registration(), residence_confirmation()], dt.date(2025, 7, 1))
    with window.database.write() as session:
        store_procedures(session, report.procedures)
    intake_view = window.intake
    intake_view.load_procedures()
    wait(app, lambda: any(p.code == "1.009999" for p in intake_view.procedures))
    intake_view.procedure_search.setText("1.001193")
    intake_view.procedure_search.returnPressed.emit()
    intake_view.case_picker.setCurrentIndex(0)
    for row in (0, 1):
        intake_view.checklist.toggle(row)
    shot("03a-intake-cases")
    intake_view.procedure_search.setText("xac nhan thong tin ve cu tru")
    intake_view.procedure_search.returnPressed.emit()
    intake_view.checklist.toggle(0)
    shot("03b-intake-group")
    intake_view.clear()


def _history(window: MainWindow) -> None:
    """A few days of work so that the lists and counts are not empty (one dossier overdue)."""
    database = window.database
    assert database is not None
    today = now().astimezone(VN_TZ)
    people = [Person("Lê Thị Thu Hà", "079195000123", phone="0987654321"),
              Person("Tôn Nữ Hoàng Khánh Uyển Phượng", "079185000123", address="Số 123/45 đường Nguyễn Thị Minh Khai")]
    old = intake(database, IntakeRequest("1.004873", people[0]), "admin", at=today - dt.timedelta(days=10))
    processing.transfer(database, str(old.code), "admin", to="Công chức Tư pháp - Hộ tịch",
                        at=today - dt.timedelta(days=10) + dt.timedelta(hours=1))
    intake(database, IntakeRequest("2.000815", people[1]), "admin")
    ready = intake(database, IntakeRequest("1.004873", people[1]), "admin", at=today - dt.timedelta(days=2))
    processing.transfer(database, str(ready.code), "admin", at=today - dt.timedelta(days=2) + dt.timedelta(hours=1))
    processing.record_result(database, str(ready.code), "admin")
    _month_of_work(database, today)


def _month_of_work(database: Database, today: dt.datetime) -> None:
    """About sixty dossiers over the last month, by all channels, settled early, on time or late, some rated."""
    person = Person("Nguyễn Văn Đức", "001090123456")
    channels = (Channel.COUNTER, Channel.COUNTER, Channel.ONLINE, Channel.POSTAL)
    for day in range(1, 31):
        for number in range(day % 4):
            received = (today - dt.timedelta(days=day)).replace(hour=8 + number, minute=15)
            dossier = intake(database, IntakeRequest("1.004873", person, channel=channels[(day + number) % 4]),
                             "admin", at=received)
            code = str(dossier.code)
            processing.transfer(database, code, "admin", at=received + dt.timedelta(minutes=30))
            if day > 4 and (day + number) % 5:
                done = received + dt.timedelta(days=2 + (day + number) % 5)
                processing.record_result(database, code, "admin", at=min(done, today))
                processing.return_result(database, code, "admin", processing.Recipient(person.full_name,
                                         person.id_number), at=min(done, today))
                rate(database, code, 1 + (day * number) % 4, "admin", "wait", at=min(done, today))


if __name__ == "__main__":
    for saved in main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"),
                      sys.argv[2] if len(sys.argv) > 2 else "vi"):
        print(saved)

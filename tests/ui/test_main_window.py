"""The main window: first launch, log in, lock by PIN, barcode lookup from any screen, home counts, lists."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.lifecycle import Status
from counter_app.model import Person
from counter_app.services import processing
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.services.users import create_user, has_users, set_pin
from counter_app.storage.database import Database
from printing.paper import Paper
from printing.spool import PrintJob
from tests.conftest import OFFICE
from tests.pdftools import text_of
from tests.ui.conftest import PASSWORD
from tests.ui.keys import FakeClock, press, scan, type_text
from ui.main_window import MainWindow
from ui.wedge import ScannerFilter

DUC = Person("Nguyễn Văn Đức", "001090123456", phone="0912345678")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "counter.ini"), QSettings.Format.IniFormat)
    main = MainWindow(tmp_path / "data", settings=settings, scanner=ScannerFilter(clock))
    qtbot.add_widget(main)
    main.resize(1366, 768)
    main.show()
    yield main
    main.close()


def _prepare(tmp_path: Path) -> str:
    database = Database.open(tmp_path / "data")
    try:
        initialise(database, OFFICE)
        create_user(database, "anh", "Trần Thị Ngọc Ánh", "clerk", PASSWORD, "admin")
        set_pin(database, "anh", "2468")
        code = str(intake(database, IntakeRequest("1.004873", DUC), "anh").code)
        ready = str(intake(database, IntakeRequest("1.004873", DUC), "anh").code)
        processing.transfer(database, ready, "anh")
        processing.record_result(database, ready, "anh")
        return code
    finally:
        database.dispose()


def _log_in(qtbot: QtBot, window: MainWindow, clock: FakeClock, password: str = PASSWORD) -> None:
    window.start()
    qtbot.waitUntil(lambda: window.login_dialog is not None and window.login_dialog.isActiveWindow(), timeout=20000)
    dialog = window.login_dialog
    assert dialog is not None
    dialog.username.setFocus()
    type_text("anh", clock)
    dialog.password.setFocus()
    type_text(password, clock)
    press(dialog.password, Qt.Key.Key_Return, "\r")


def test_first_launch_creates_the_administrator(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    window.start()
    qtbot.waitUntil(lambda: window.login_dialog is not None and window.login_dialog.database is not None,
                    timeout=20000)
    dialog = window.login_dialog
    assert dialog is not None and dialog.first_run and dialog.isVisible()
    assert "Trung tâm" in window.office_label.text()  # the sample office on a first launch
    dialog.username.setText("admin")
    dialog.full_name.setText("Quản trị viên")
    dialog.password.setText("ngắn")
    dialog.submit()
    qtbot.waitUntil(dialog.button.isEnabled, timeout=10000)
    assert dialog.isVisible() and dialog.message.text()  # too short: said, not logged in
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=20000):
        dialog.submit()
    assert window.user is not None and window.user.username == "admin"
    assert window.admin_action.isEnabled() and window.print_action.isEnabled()
    assert window.database is not None and has_users(window.database)


def test_login_wrong_password_then_right_then_lock_and_unlock(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              clock: FakeClock) -> None:
    _prepare(tmp_path)
    _log_in(qtbot, window, clock, password="sai-mật-khẩu")
    dialog = window.login_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.message.text() == "Sai tên đăng nhập hoặc mật khẩu.", timeout=10000)
    assert window.user is None and not window.print_action.isEnabled()
    dialog.password.setFocus()
    type_text(PASSWORD, clock)
    with qtbot.waitSignal(dialog.logged_in, timeout=20000):
        press(dialog.password, Qt.Key.Key_Return, "\r")
    assert window.user_label.text() == "Trần Thị Ngọc Ánh (Cán bộ một cửa)"
    assert not window.admin_action.isEnabled()  # a clerk
    window.show_intake()
    window.intake.name.setText("Khách đang làm dở")
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.intake.name.setFocus()
    qtbot.keyClick(window.intake.name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = window.lock_screen
    assert lock is not None and lock.isVisible()
    press(lock, Qt.Key.Key_Escape)
    assert lock.isVisible()  # Escape does not unlock
    lock.secret.setText("1111")
    lock.submit()
    qtbot.waitUntil(lambda: lock.message.text() == "Sai mã PIN hoặc mật khẩu.", timeout=10000)
    lock.secret.setText("2468")
    with qtbot.waitSignal(lock.unlocked, timeout=10000):
        lock.submit()
    assert not lock.isVisible() and window.intake.name.text() == "Khách đang làm dở"  # nothing lost


def test_barcode_scan_from_another_screen_opens_the_dossier(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    code = _prepare(tmp_path)
    _log_in(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.user is not None, timeout=20000)
    window.show_intake()
    window.intake.phone.setFocus()
    type_text("09", clock)
    scan(code, clock)
    assert window.pages.currentWidget() is window.dossier
    qtbot.waitUntil(lambda: window.dossier.dossier is not None, timeout=10000)
    assert window.dossier.dossier is not None and window.dossier.dossier.code == code
    assert window.intake.phone.text() == "09"  # the scan did not leak into the field that had focus


def test_home_counts_open_their_lists_and_search_finds_without_diacritics(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, clock: FakeClock,
) -> None:
    code = _prepare(tmp_path)
    _log_in(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.user is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.home.tiles["ready"].text().startswith("1"), timeout=10000)
    assert window.home.tiles["received"].text().startswith("2")
    window.home.tiles["ready"].click()
    assert window.pages.currentWidget() is window.dossiers
    model = window.dossiers.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    assert model.summary(0).status is Status.RESULT_READY
    window.show_list("all")
    window.dossiers.search.setFocus()
    type_text("nguyen van duc", clock)
    window.dossiers.apply()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10000)
    window.dossiers.search.setText(code)
    window.dossiers.apply()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    press(window.dossiers.search, Qt.Key.Key_Return, "\r")
    assert window.pages.currentWidget() is window.dossier
    qtbot.waitUntil(lambda: window.dossier.dossier is not None and window.dossier.dossier.code == code,
                    timeout=10000)
    assert QApplication.instance() is not None


def test_accepting_or_sending_back_prints_the_form_or_saves_and_opens_it(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock,
) -> None:
    _prepare(tmp_path)
    opened: list[Path] = []
    settings = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    main = MainWindow(tmp_path / "data", settings=settings, scanner=ScannerFilter(clock), opener=opened.append)
    qtbot.add_widget(main)
    main.show()
    _log_in(qtbot, main, clock)
    qtbot.waitUntil(lambda: main.user is not None, timeout=20000)
    main.show_intake()
    qtbot.waitUntil(lambda: main.intake.procedure_list.count() > 0, timeout=10000)
    main.intake.procedure_search.setText("1.004873")
    main.intake.procedure_search.returnPressed.emit()
    assert main.intake.fill_from_qr("001090123456|012345678|NGUYỄN VĂN ĐỨC|01011990|Nam|Tân Hòa|15042021")
    for row in range(main.intake.checklist.rowCount()):
        main.intake.checklist.toggle(row)
    with qtbot.waitSignal(main.intake.finished, timeout=20000) as done:
        main.intake.accept_button.click()
    code = done.args[0].code
    if main.print_service.remembered_printer(PrintJob(b"", "", Paper.A5)):
        pytest.skip("this machine has a default printer: the slip went to it")
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    text = text_of(opened[0])
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text and code in text and "(Liên 2" in text
    main.intake.procedure_search.setText("1.004873")
    main.intake.procedure_search.returnPressed.emit()
    assert main.intake.fill_from_qr("079195000123|012345678|LÊ THỊ THU HÀ|01011995|Nữ|Tân Hòa|15042021")
    main.intake.reason.setText("Thiếu tờ khai")
    with qtbot.waitSignal(main.intake.finished, timeout=20000):
        main.intake.supplement_button.click()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=20000)
    sent_back = text_of(opened[1])
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in sent_back and "LÊ THỊ THU HÀ" in sent_back
    assert "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân" in sent_back
    main.close()


def test_pending_time_stamps_are_added_in_the_background(qtbot: QtBot, tmp_path: Path, clock: FakeClock,
                                                         pki: object) -> None:
    from counter_app.services.documents import copies, file_copy, pending_timestamps  # noqa: PLC0415
    from scanning.file_import import import_files  # noqa: PLC0415
    from scanning.signing import Pkcs12File, StampText, open_signer, sign_pdf  # noqa: PLC0415
    from tests.pki import P12_PASSPHRASE, time_stamp_authority  # noqa: PLC0415

    code = _prepare(tmp_path)
    page = tmp_path / "page.png"
    Image.new("L", (1654, 2339), 255).save(page, dpi=(200, 200))
    pdf, pages = import_files([page])
    with open_signer(Pkcs12File(pki.p12), P12_PASSPHRASE) as signer:  # type: ignore[attr-defined]
        signed = sign_pdf(pdf, signer, StampText())
    database = Database.open(tmp_path / "data")
    try:
        file_copy(database, code, "1", signed, pages, "anh", signed=True, timestamp_pending=True)
    finally:
        database.dispose()
    (tmp_path / "data" / "trust").mkdir()
    shutil.copy(pki.folder / "root.pem", tmp_path / "data" / "trust" / "root.pem")  # type: ignore[attr-defined]
    settings = QSettings(str(tmp_path / "tsa.ini"), QSettings.Format.IniFormat)
    with time_stamp_authority(pki) as url:  # type: ignore[arg-type]
        main = MainWindow(tmp_path / "data", settings=settings, scanner=ScannerFilter(clock))
        qtbot.add_widget(main)
        main.show()
        _log_in(qtbot, main, clock)
        qtbot.waitUntil(lambda: main.user is not None, timeout=20000)
        assert main.database is not None
        db = main.database
        assert pending_timestamps(db)  # no authority configured yet
        main.admin.tsa_url.setText("ftp://tsa")
        main.admin.save_signing.click()
        assert "http://" in main.admin.message.text() and not settings.value("signing/tsa_url")
        main.admin.tsa_url.setText(url)
        main.admin.save_signing.click()  # saving starts a round at once
        qtbot.waitUntil(lambda: not pending_timestamps(db), timeout=30000)
    assert settings.value("signing/tsa_url") == url
    [copy] = copies(db, code)
    assert copy.signed and not copy.timestamp_pending
    main.open_dossier(code)
    qtbot.waitUntil(lambda: bool(main.dossier.documents.rows) and main.dossier.documents.rows[0][3].startswith(
        "Đã ký bởi"), timeout=30000)
    assert main.dossier.documents.rows[0][3].endswith(
        "nguyên vẹn, CA tin cậy, có dấu thời gian, có dữ liệu kiểm tra dài hạn")
    main.close()

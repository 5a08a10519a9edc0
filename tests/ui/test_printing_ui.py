"""Printing from the app through Qt's print system to a real CUPS queue, off the GUI thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from counter_app.forms import Form
from counter_app.services.office import initialise
from counter_app.storage.database import Database
from printing.paper import Paper
from printing.spool import PrintJob, print_job
from tests.conftest import OFFICE, wait_for_file
from tests.pdftools import barcodes, info, text_of
from tests.samples import make_samples
from ui.main_window import MainWindow
from ui.print_dialog import PrintFormDialog, form_job
from ui.print_service import PrintService


@pytest.fixture(scope="module")
def printing_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, str]]]:
    database = Database.open(tmp_path_factory.mktemp("ui-printing"))
    initialise(database, OFFICE)
    yield database, make_samples(database)
    database.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "counter.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def queue(cups_queue: tuple[str, Path]) -> tuple[str, Path]:
    name, out = cups_queue
    for old in out.iterdir():
        old.unlink()
    return name, out


def _dialog(qtbot: QtBot, printing_db: tuple[Database, dict[str, str]], settings: QSettings) -> PrintFormDialog:
    service = PrintService(settings)
    dialog = PrintFormDialog(printing_db[0], service)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_print_now_sends_both_copies_of_01_to_the_remembered_printer(
    qtbot: QtBot, printing_db: tuple[Database, dict[str, str]], settings: QSettings, queue: tuple[str, Path],
) -> None:
    name, out = queue
    code = printing_db[1]["accepted"]
    dialog = _dialog(qtbot, printing_db, settings)
    dialog.service.remember(PrintJob(b"", "", Paper.A5), name)
    dialog.select(code, Form.RECEIPT)
    with qtbot.waitSignal(dialog.service.printed, timeout=60000) as printed:
        dialog.buttons["now"].click()
        assert not dialog.buttons["now"].isEnabled()  # rendering runs in a worker; the GUI stays live
    assert printed.args == [name, 2]
    assert "Đã in 2 trang" in dialog.status.text()
    arrived = wait_for_file(out)
    assert info(arrived)["Pages"] == 2
    assert "(A5)" in str(info(arrived)["Page size"])
    for page in (1, 2):  # the printed copy is a 300 dpi raster: decode at that resolution
        assert barcodes(arrived, dpi=300, page=page) == {("Code128", code), ("QRCode", code)}


def test_thermal_slip_prints_on_the_80_mm_roll(
    qtbot: QtBot, printing_db: tuple[Database, dict[str, str]], queue: tuple[str, Path],
) -> None:
    name, out = queue
    code = printing_db[1]["accepted"]
    job = form_job(printing_db[0], code, Form.THERMAL)
    assert job.paper is Paper.ROLL_80
    assert print_job(PrintJob(job.pdf, job.title, job.paper, name)) == 1
    arrived = wait_for_file(out)
    width = float(str(info(arrived)["Page size"]).split()[0]) / 72 * 25.4
    assert round(width) == 80
    assert ("QRCode", code) in barcodes(arrived, dpi=300)


def test_printer_is_remembered_per_paper_size(settings: QSettings, cups_queue: tuple[str, Path]) -> None:
    service = PrintService(settings)
    a5, a4 = PrintJob(b"", "", Paper.A5), PrintJob(b"", "", Paper.A4_LANDSCAPE)
    service.remember(a5, cups_queue[0])
    again = PrintService(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert again.remembered_printer(a5) == cups_queue[0]
    assert again.remembered_printer(a4) != cups_queue[0] or again.remembered_printer(a4) == ""
    service.remember(a4, "Máy in đã gỡ")
    assert service.remembered_printer(a4) != "Máy in đã gỡ"  # an uninstalled printer is not offered


def test_preview_shows_every_page(qtbot: QtBot, printing_db: tuple[Database, dict[str, str]],
                                  settings: QSettings) -> None:
    dialog = _dialog(qtbot, printing_db, settings)
    dialog.select(printing_db[1]["accepted"], Form.RECEIPT)
    dialog.buttons["preview"].click()
    qtbot.waitUntil(lambda: getattr(dialog, "preview_dialog", None) is not None, timeout=30000)
    widget = dialog.preview_dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == 2, timeout=30000)
    dialog.preview_dialog.close()


def test_save_as_pdf_and_clear_errors(qtbot: QtBot, printing_db: tuple[Database, dict[str, str]],
                                      settings: QSettings, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, printing_db, settings)
    dialog.select(printing_db[1]["extended"], Form.APOLOGY)
    target = tmp_path / "04.pdf"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: "Đã lưu" in dialog.status.text(), timeout=30000)
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text_of(target)
    dialog.select(printing_db[1]["accepted"], Form.REFUSAL)
    dialog.buttons["now"].click()
    qtbot.waitUntil(lambda: "Không in được" in dialog.status.text(), timeout=30000)
    assert dialog.buttons["now"].isEnabled()
    dialog.select("000.00.12.H12-991231-9999", Form.RECEIPT)
    dialog.buttons["now"].click()
    qtbot.waitUntil(lambda: "Không tìm thấy" in dialog.status.text(), timeout=30000)


def test_main_window_offers_printing_once_logged_in(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    window = MainWindow(tmp_path, settings=settings)
    qtbot.add_widget(window)
    window.show()
    assert not window.print_action.isEnabled()
    window.start()
    qtbot.waitUntil(lambda: window.login_dialog is not None and window.login_dialog.database is not None,
                    timeout=20000)
    assert window.login_dialog is not None and window.login_dialog.first_run
    assert window.open_print_dialog() is None  # nobody logged in yet
    window.login_dialog.username.setText("admin")
    window.login_dialog.password.setText("mật-khẩu-dài-12")
    window.login_dialog.submit()
    qtbot.waitUntil(window.print_action.isEnabled, timeout=20000)
    dialog = window.open_print_dialog()
    assert dialog is not None and dialog.isVisible()
    window.close()
    assert window.database is None


def test_print_dialog_choice_is_remembered_for_that_paper(
    qtbot: QtBot, printing_db: tuple[Database, dict[str, str]], settings: QSettings, queue: tuple[str, Path],
) -> None:
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtPrintSupport import QPrintDialog  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    name, out = queue
    service = PrintService(settings)
    job = form_job(printing_db[0], printing_db[1]["extended"], Form.APOLOGY)
    service.remember(job, name)  # preselected in the dialog

    def accept_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            assert dialog.printer().printerName() == name
            dialog.accept()
        else:
            QTimer.singleShot(50, accept_dialog)

    QTimer.singleShot(50, accept_dialog)
    with qtbot.waitSignal(service.printed, timeout=60000) as printed:
        assert service.print_with_dialog(None, job)  # type: ignore[arg-type]
    assert printed.args == [name, 1]
    assert service.remembered_printer(job) == name
    assert info(wait_for_file(out))["Pages"] == 1


def test_register_of_one_field_saved_from_the_dialog(qtbot: QtBot, printing_db: tuple[Database, dict[str, str]],
                                                      settings: QSettings, tmp_path: Path) -> None:
    from PySide6.QtCore import QDate  # noqa: PLC0415

    dialog = _dialog(qtbot, printing_db, settings)
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("register"))
    assert dialog.field_edit.isEnabled() and not dialog.code_edit.isEnabled()
    dialog.from_edit.setDate(QDate(2026, 11, 20))
    dialog.to_edit.setDate(QDate(2026, 11, 20))
    dialog.field_edit.setText("chung thuc")  # without diacritics, as typed in a hurry
    out = tmp_path / "so.pdf"
    dialog.save_to(out)
    qtbot.waitUntil(lambda: "Đã lưu" in dialog.status.text(), timeout=30000)
    text = text_of(out)
    assert printing_db[1]["accepted"] in text and printing_db[1]["postal"] not in text  # Chứng thực only
    assert "Tổng số: 1 hồ sơ" in text and "Phương thức nhận kết quả" in text

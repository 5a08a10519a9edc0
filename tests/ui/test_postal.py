"""The «Bưu chính» screen driven as a postal worker would: a wedge scanner, the keyboard, nothing else."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.catalogue_import import parse_catalogue
from counter_app.lifecycle import Status
from counter_app.postal import ItemState
from counter_app.services import postal_batches
from counter_app.services.catalogue import store_procedures
from counter_app.services.office import initialise
from counter_app.services.queries import get_dossier, today_counts
from counter_app.services.users import create_user
from counter_app.storage.database import Database
from printing.spool import PrintJob
from tests.catalogue_corpus import birth_registration
from tests.conftest import OFFICE, at
from tests.pdftools import page_texts, text_of
from tests.postal.helpers import PEOPLE, label, ready_results, wrong_label
from tests.ui.conftest import PASSWORD
from tests.ui.keys import FakeClock, press, scan, type_text
from ui.main_window import MainWindow
from ui.postal_view import DISPATCH, OUTCOMES, PostalView
from ui.wedge import ScannerFilter

BIRTH_YEARS = (1990, 1995, 1985, 1992, 1980)


def _qr(n: int) -> str:
    person = PEOPLE[n]
    return (f"{person.id_number}||{person.full_name}|0101{BIRTH_YEARS[n]}|{person.sex}|{person.address}"
            "|15042021")


@pytest.fixture
def view(qtbot: QtBot, ui_db: Database, scanner: ScannerFilter) -> PostalView:
    postal = PostalView(ui_db, lambda: "anh")
    qtbot.add_widget(postal)
    scanner.scanned.connect(postal.on_scanned)
    postal.resize(1366, 768)
    postal.show()
    postal.activateWindow()
    postal.load()
    qtbot.waitUntil(lambda: bool(postal.receipt.picker.procedures), timeout=10000)
    postal.show_tab(0)
    return postal


def _pdf(job: PrintJob, path: Path) -> Path:
    path.write_bytes(job.pdf)
    return path


def test_five_envelopes_by_scanner_two_incomplete_closed_with_one_record(
        view: PostalView, qtbot: QtBot, ui_db: Database, clock: FakeClock, tmp_path: Path) -> None:
    panel = view.receipt
    timings = []
    for n in range(5):
        started = time.monotonic()
        scan(label(4000 + n, "EB"), clock)  # the phiếu gửi's barcode
        qtbot.waitUntil(lambda: panel.batch is not None and QApplication.focusWidget() is panel.picker.search)
        if n == 0:
            type_text("xac nhan tinh trang hon nhan", clock)
        press(None, Qt.Key.Key_Return, "\r")  # later envelopes: Enter keeps the procedure
        assert QApplication.focusWidget() is panel.name  # not the checklist, where the QR's spaces would tick
        scan(_qr(n), clock)  # the CCCD QR on the form
        assert QApplication.focusWidget() is panel.documents
        assert panel.name.text() == PEOPLE[n].full_name and panel.return_address.text() == PEOPLE[n].address
        if n not in (1, 3):
            qtbot.keyClick(panel.documents, Qt.Key.Key_Space)  # the declaration is in the envelope
        else:
            assert "Incomplete" not in panel.missing.text() and "Tờ khai" in panel.missing.text()
        press(None, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda n=n: panel.batch is not None and len(panel.batch.items) == n + 1, timeout=10000)
        assert QApplication.focusWidget() is panel.item
        timings.append(time.monotonic() - started)
    assert panel.batch is not None and panel.batch.incomplete == 2
    ref = panel.batch.ref
    assert "5 phong bì, 2 chưa đầy đủ" in panel.batch_label.text()
    with qtbot.waitSignal(view.print_jobs, timeout=30000) as printed:
        press(None, Qt.Key.Key_K, "k", Qt.KeyboardModifier.ControlModifier)
    record, slips = printed.args[0]
    copies = page_texts(_pdf(record, tmp_path / "bien-ban.pdf"))
    assert len(copies) == 2
    for text in copies:
        assert all(label(4000 + n, "EB") in text for n in range(5))
        assert "Tổng số: 5 hồ sơ, trong đó 3 hồ sơ đầy đủ được tiếp nhận và 2 hồ sơ chưa đầy đủ" in text
    assert text_of(_pdf(slips, tmp_path / "phieu.pdf")).count("PHIẾU YÊU CẦU BỔ SUNG") == 2
    batch = postal_batches.get_batch(ui_db, ref)
    assert [item.state for item in batch.items] == [ItemState.ACCEPTED, ItemState.SENT_BACK, ItemState.ACCEPTED,
                                                    ItemState.SENT_BACK, ItemState.ACCEPTED]
    for item, person in zip(batch.items, PEOPLE, strict=True):
        dossier = get_dossier(ui_db, str(item.dossier_id))
        assert dossier.applicant.id_number == person.id_number and dossier.postal_item_in == item.item_number
        assert dossier.status is (Status.ACCEPTED if item.dossier_code else Status.COUNTER_SUPPLEMENT)
    print(f"seconds per envelope (scripted keys, loaded machine): {[round(t, 2) for t in timings]}")


def test_twenty_results_labelled_by_scanner_one_wrong_label_then_returned_to_sender(
        view: PostalView, qtbot: QtBot, ui_db: Database, clock: FakeClock, tmp_path: Path) -> None:
    codes = ready_results(ui_db, 20, at("2026-11-24 09:00"))
    panel = view.dispatch
    view.show_tab(DISPATCH)
    panel.load()
    qtbot.waitUntil(lambda: len(panel.ready) == 20, timeout=10000)
    for n in range(20):
        if n == 6:
            scan(wrong_label(500 + n), clock)  # a label misread or mistyped: refused, nothing paired
            qtbot.waitUntil(lambda: "sai chữ số kiểm tra" in panel.message.text(), timeout=10000)
            assert len(panel.labels) == 6 and panel.table.currentIndex().row() == 6
        if n == 10:
            scan(label(500), clock)  # the label already stuck on the first envelope
            qtbot.waitUntil(lambda: "đã dán cho một hồ sơ khác" in panel.message.text(), timeout=10000)
        if n == 12:
            panel.fee_edit.setFocus()
            type_text("18000", clock)
        with qtbot.waitSignal(panel.paired, timeout=10000) as paired:
            scan(label(500 + n), clock)
        assert paired.args == [codes[n], label(500 + n)]
    assert "20 kết quả chờ gửi qua bưu chính, 20 đã dán nhãn" in panel.heading.text()
    with qtbot.waitSignal(view.print_jobs, timeout=30000) as printed:
        press(None, Qt.Key.Key_K, "k", Qt.KeyboardModifier.ControlModifier)
    (record,) = printed.args[0]
    text = text_of(_pdf(record, tmp_path / "gui.pdf"))
    assert all(label(500 + n) in text for n in range(20)) and "Tổng số: 20 bưu gửi" in text
    assert all(get_dossier(ui_db, code).status is Status.RETURNED for code in codes)
    qtbot.waitUntil(lambda: panel.ready == [], timeout=10000)
    # the post brings one back: chuyển hoàn
    outcomes = view.outcomes
    view.show_tab(OUTCOMES)
    scan(label(503), clock)
    assert outcomes.item.text() == label(503) and QApplication.focusWidget() is outcomes.outcome
    outcomes.outcome.setCurrentIndex(1)
    outcomes.reason.setFocus()
    type_text("Khong co nguoi nhan", clock)
    with qtbot.waitSignal(outcomes.recorded, timeout=10000):
        press(None, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.ControlModifier)
    assert get_dossier(ui_db, codes[3]).status is Status.RESULT_READY
    assert today_counts(ui_db).returned_by_post == 1
    qtbot.waitUntil(lambda: [r.code for r in panel.ready] == [codes[3]], timeout=10000)
    assert panel.rows.rows[0][6] == "Bưu chính chuyển hoàn: Khong co nguoi nhan"


def test_a_postal_worker_lands_on_the_postal_screen_and_scans_there(qtbot: QtBot, tmp_path: Path,
                                                                    clock: FakeClock) -> None:
    database = Database.open(tmp_path / "data")
    initialise(database, OFFICE)
    create_user(database, "buu", "Lê Văn Bưu", "postal", PASSWORD, "admin")
    database.dispose()
    settings = QSettings(str(tmp_path / "counter.ini"), QSettings.Format.IniFormat)
    window = MainWindow(tmp_path / "data", settings=settings, scanner=ScannerFilter(clock))
    qtbot.add_widget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.login_dialog is not None and window.login_dialog.isVisible(), timeout=20000)
    dialog = window.login_dialog
    assert dialog is not None
    dialog.username.setText("buu")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=20000):
        dialog.submit()
    assert window.pages.currentWidget() is window.postal and window.postal_action.isEnabled()
    window.show_home()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.home.setFocus()
    press(window.home, Qt.Key.Key_6, "6", Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.postal
    qtbot.waitUntil(lambda: bool(window.postal.receipt.picker.procedures), timeout=10000)
    window.postal.receipt.item.setFocus()
    scan(label(77, "EB"), clock)  # not a dossier code, not a QR: the first envelope of a new batch
    qtbot.waitUntil(lambda: window.postal.receipt.batch is not None, timeout=10000)
    assert window.postal.receipt.item.text() == label(77, "EB")
    window.close()


def test_a_procedure_with_cases_asks_for_the_case_by_keyboard(view: PostalView, qtbot: QtBot, ui_db: Database,
                                                              clock: FakeClock) -> None:
    with ui_db.write() as session:
        store_procedures(session, parse_catalogue([birth_registration()], dt.date(2025, 7, 1)).procedures)
    view.load()
    panel = view.receipt
    qtbot.waitUntil(lambda: any(len(p.cases) == 3 for p in panel.picker.procedures), timeout=10000)
    scan(label(88, "EB"), clock)
    qtbot.waitUntil(lambda: panel.batch is not None and QApplication.focusWidget() is panel.picker.search)
    type_text("1.001193", clock)
    press(None, Qt.Key.Key_Return, "\r")
    assert QApplication.focusWidget() is panel.case_picker and panel.case_picker.count() == 3
    press(None, Qt.Key.Key_Down)  # «có yếu tố nước ngoài»
    press(None, Qt.Key.Key_Return, "\r")
    assert QApplication.focusWidget() is panel.name and panel.checklist.case is not None
    assert panel.checklist.case.number == 2
    scan(_qr(2), clock)
    qtbot.keyClick(panel.documents, Qt.Key.Key_Space)
    assert "Văn bản thỏa thuận" in panel.missing.text() and "Giấy chứng sinh" in panel.missing.text()
    assert panel.name.text() == PEOPLE[2].full_name and QApplication.focusWidget() is panel.documents
    with qtbot.waitSignal(view.receipt.batch_changed, timeout=10000):
        press(None, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.ControlModifier)
    assert panel.batch is not None and panel.batch.items[0].missing == (
        "Giấy chứng sinh", "Văn bản thỏa thuận của cha, mẹ về việc lựa chọn quốc tịch cho con")
    assert panel.checklist.case.number == 2  # the next envelope starts on the same case, nothing ticked

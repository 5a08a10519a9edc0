"""A full intake by keyboard only, the CCCD QR filling the applicant, and the missing-document paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.lifecycle import Action, Status
from counter_app.services.queries import DossierFilter, get_dossier, list_dossiers
from counter_app.storage.database import Database
from tests.ui.keys import FakeClock, press, scan, type_text
from ui.intake_view import IntakeView

QR = "001090123456|012345678|NGUYỄN VĂN ĐỨC|01011990|Nam|Thôn Đông, xã Tân Hòa, tỉnh Mẫu|15042021"


@pytest.fixture
def view(intake_screen: IntakeView) -> IntakeView:
    return intake_screen


def _choose(view: IntakeView, qtbot: QtBot, text: str, clock: FakeClock) -> None:
    view.procedure_search.setFocus()
    type_text(text, clock)
    press(None, Qt.Key.Key_Return, "\r")
    qtbot.waitUntil(lambda: view.procedure is not None)


def _tick_all(view: IntakeView, qtbot: QtBot) -> None:
    view.documents.setFocus()
    for row in range(view.checklist.rowCount()):
        view.documents.setCurrentIndex(view.checklist.index(row, 0))
        qtbot.keyClick(view.documents, Qt.Key.Key_Space)


def test_full_intake_by_keyboard_with_cccd_qr(view: IntakeView, qtbot: QtBot, ui_db: Database,
                                              clock: FakeClock) -> None:
    _choose(view, qtbot, "xac nhan tinh trang hon nhan", clock)  # no diacritics typed
    assert view.procedure is not None and view.procedure.code == "1.004873"
    assert QApplication.focusWidget() is view.name
    type_text("abc", clock)  # the clerk had started typing by hand…
    scan(QR, clock)  # …then scans the card: every field fills at once, the typed text is replaced
    assert view.name.text() == "NGUYỄN VĂN ĐỨC"
    assert view.id_number.text() == "001090123456"
    assert view.birth.text() == "01/01/1990" and view.sex.currentIndex() == 1
    assert view.address.text() == "Thôn Đông, xã Tân Hòa, tỉnh Mẫu"
    assert view.missing_label.text() == "Còn thiếu: Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"
    assert not view.accept_button.isEnabled()
    _tick_all(view, qtbot)
    assert view.missing_label.text() == "" and view.accept_button.isEnabled()
    view.phone.setFocus()
    type_text("0912345678", clock)
    with qtbot.waitSignal(view.finished, timeout=20000) as done:
        qtbot.keyClick(view.phone, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dossier = done.args[0]
    assert dossier.status is Status.ACCEPTED and dossier.code
    assert dossier.code in view.result_label.text()
    stored = get_dossier(ui_db, dossier.code)
    assert stored.applicant.full_name == "NGUYỄN VĂN ĐỨC" and stored.applicant.phone == "0912345678"
    assert [e.actor for e in stored.events] == ["anh", "anh"]
    assert view.name.text() == "" and view.procedure is None  # ready for the next citizen
    assert QApplication.focusWidget() is view.procedure_search


def test_malformed_qr_is_reported_and_fills_nothing(view: IntakeView, qtbot: QtBot, clock: FakeClock) -> None:
    _choose(view, qtbot, "khai sinh", clock)
    view.phone.setFocus()
    type_text("0912", clock)
    scan("001090123456|012345678|NGUYỄN VĂN ĐỨC|31021990|Nam|Tân Hòa|15042021", clock)  # 31 February
    assert view.name.text() == "" and view.id_number.text() == ""
    assert view.phone.text() == "0912"  # the focused field keeps what the clerk typed, not the scan
    assert "31021990" in view.message.text()


def test_missing_documents_can_only_end_as_supplement_or_refusal(view: IntakeView, qtbot: QtBot,
                                                                 ui_db: Database, clock: FakeClock) -> None:
    _choose(view, qtbot, "1.004873", clock)
    type_text("Lê Thị Thu Hà", clock)
    view.id_number.setFocus()
    type_text("079195000123", clock)
    qtbot.keyClick(view.id_number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # accept: refused
    assert view.message.text().startswith("Hồ sơ còn thiếu giấy tờ chỉ có thể hướng dẫn bổ sung hoặc từ chối")
    qtbot.keyClick(view.id_number, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # no reason yet
    assert QApplication.focusWidget() is view.reason
    type_text("Thiếu tờ khai", clock)
    with qtbot.waitSignal(view.finished, timeout=20000) as done:
        qtbot.keyClick(view.reason, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    sent_back = done.args[0]
    assert sent_back.status is Status.COUNTER_SUPPLEMENT and sent_back.code is None
    assert sent_back.events[-1].type is Action.REQUEST_SUPPLEMENT_AT_COUNTER
    assert sent_back.events[-1].payload["reason"] == "Thiếu tờ khai"
    _choose(view, qtbot, "1.004873", clock)
    type_text("Lê Thị Thu Hà", clock)
    view.id_number.setFocus()
    type_text("079195000123", clock)
    assert not view.reason.isVisible()  # the reason is asked only to send back or refuse
    qtbot.keyClick(view.id_number, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert view.reason.isVisible() and QApplication.focusWidget() is view.reason
    assert "mẫu 03" in view.outcome.reason_label.text()
    type_text("Không thuộc thẩm quyền", clock)
    with qtbot.waitSignal(view.finished, timeout=20000) as done:
        press(view.reason, Qt.Key.Key_Return, "\r")  # Enter refuses with the reason typed
    assert done.args[0].status is Status.REFUSED_AT_COUNTER
    statuses = {s.status for s in list_dossiers(ui_db, DossierFilter())}
    assert statuses == {Status.COUNTER_SUPPLEMENT, Status.REFUSED_AT_COUNTER}  # never accepted


def test_hand_typed_cccd_number_is_validated(view: IntakeView, qtbot: QtBot, clock: FakeClock) -> None:
    _choose(view, qtbot, "1.004873", clock)
    type_text("Lê Thị Thu Hà", clock)
    view.id_number.setFocus()
    type_text("12345", clock)
    _tick_all(view, qtbot)
    view.accept_button.click()
    assert "12" in view.message.text() and view.name.text() == "Lê Thị Thu Hà"  # nothing lost


def test_scan_at_intake_from_an_escl_scanner_reorder_rotate_delete_then_file(
    view: IntakeView, qtbot: QtBot, ui_db: Database, clock: FakeClock, tmp_path: Path,
) -> None:
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    from counter_app.services.documents import copies, read_copy  # noqa: PLC0415
    from counter_app.services.queries import DossierFilter, list_dossiers  # noqa: PLC0415
    from counter_app.storage.staging import staging_of  # noqa: PLC0415
    from scanning import ocr_queue  # noqa: PLC0415
    from tests.pdftools import info, text_of  # noqa: PLC0415
    from tests.scanning.escl_server import ScannerState, escl_scanner  # noqa: PLC0415

    view.settings = QSettings(str(tmp_path / "scan.ini"), QSettings.Format.IniFormat)
    _choose(view, qtbot, "1.004873", clock)
    assert view.fill_from_qr(QR)
    view.documents.setCurrentIndex(view.checklist.index(0, 1))
    with escl_scanner(ScannerState(feeder_pages=3, busy_answers=1)) as (url, state):
        dialog = view.open_scan()
        assert dialog is not None and dialog.dpi.value() == 300  # the form's scan profile
        dialog.source.setText(url)
        dialog.dpi.setValue(200)
        dialog.feeder.setCurrentIndex(1)
        seen: list[tuple[str, int]] = []  # what the clerk saw as each page arrived, and how far the scanner was
        dialog.pages_view.model().rowsInserted.connect(
            lambda *_: seen.append((dialog.status.text(), len(state.requests))))
        dialog.scan()
        qtbot.waitUntil(lambda: dialog.scan_button.isEnabled() and dialog.pages_view.count() == 3, timeout=60000)
    passed = [f"Trang {n} — Đạt" for n in (1, 2, 3)]
    assert [dialog.pages_view.item(n).text() for n in range(3)] == passed
    assert [text for text, _ in seen] == ["Đang quét…", "Đang quét… đã nhận trang 1", "Đang quét… đã nhận trang 2"]
    assert seen[0][1] < len(state.requests)  # the first thumbnail showed while the feeder was still going
    assert dialog.status.text() == "Đã quét 3 trang; 0 trang cần quét lại hoặc xóa."
    dialog.pages_view.item(2).setSelected(True)
    dialog.delete_selected()
    dialog.pages_view.clearSelection()
    dialog.pages_view.item(0).setSelected(True)
    dialog.rotate_selected()
    dialog.rotate_selected()
    qtbot.waitUntil(lambda: [dialog.pages_view.item(n).text() for n in range(2)] == passed[:2], timeout=60000)
    dialog.accept()  # the turned page was judged again on the pool
    assert "2" in view.message.text() and view.checklist.handed_in[0]
    for row in [row for row in range(view.checklist.rowCount()) if not view.checklist.handed_in[row]]:
        view.checklist.toggle(row)
    with qtbot.waitSignal(view.scans_filed, timeout=60000):
        view.accept_button.click()
    dossier = list_dossiers(ui_db, DossierFilter())[0]
    [filed] = copies(ui_db, str(dossier.code))
    pdf = tmp_path / "filed.pdf"
    pdf.write_bytes(read_copy(ui_db, filed))
    assert info(pdf)["Pages"] == 2 and filed.name == "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"
    assert staging_of(ui_db.blobs).batches() == []  # filed: the staged scans are gone
    qtbot.waitUntil(lambda: ocr_queue.pending(ui_db) == [], timeout=120000)  # OCR after acceptance, on a worker
    [searchable] = copies(ui_db, str(dossier.code))
    pdf.write_bytes(read_copy(ui_db, searchable))
    assert searchable.sha256 != filed.sha256 and "HÔN NHÂN" in text_of(pdf).upper()


def test_a_representative_hands_the_dossier_in(view: IntakeView, qtbot: QtBot, ui_db: Database,
                                               clock: FakeClock) -> None:
    _choose(view, qtbot, "1.004873", clock)
    scan(QR, clock)
    _tick_all(view, qtbot)
    view.agent_name.setText("Lê Văn Tâm")
    view.agent_id.setText("0010850001")  # two digits short
    view.agent_authorisation.setText("Giấy ủy quyền số 12/2026")
    view.accept_button.click()
    assert "12" in view.message.text() and view.agent_name.text() == "Lê Văn Tâm"  # refused, nothing lost
    view.agent_id.setText("001085000111")
    with qtbot.waitSignal(view.finished, timeout=20000) as done:
        view.accept_button.click()
    stored = get_dossier(ui_db, str(done.args[0].code))
    assert stored.submitter is not None
    assert (stored.submitter.full_name, stored.submitter.id_number, stored.submitter.authorisation) == (
        "Lê Văn Tâm", "001085000111", "Giấy ủy quyền số 12/2026")
    assert view.agent_name.text() == ""  # cleared for the next citizen

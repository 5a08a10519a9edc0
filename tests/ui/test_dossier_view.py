"""Every lifecycle action from the dossier view: only legal ones are offered; the database follows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from counter_app.action_needs import NEEDS, Need
from counter_app.lifecycle import Action, Status
from counter_app.model import Delivery, DocumentEntry, Person
from counter_app.services.intake import IntakeRequest, Outcome, intake
from counter_app.services.queries import get_dossier
from counter_app.storage.database import Database
from tests.conftest import at
from ui.action_dialog import OFFERED, ActionDialog
from ui.dossier_view import DossierView

DUC = Person("Nguyễn Văn Đức", "001090123456", dt.date(1990, 1, 1), "Nam", "Thôn Đông, xã Tân Hòa", "0912345678")


def _view(qtbot: QtBot, db: Database, ref: str) -> DossierView:
    view = DossierView(db, lambda: "anh")
    qtbot.add_widget(view)
    view.show()
    view.show_dossier(ref)
    qtbot.waitUntil(lambda: view.dossier is not None, timeout=10000)
    return view


def _act(qtbot: QtBot, view: DossierView, action: Action, **fields: str) -> None:
    assert action in view.action_buttons, f"{action} not offered in {view.dossier and view.dossier.status}"
    view.action_buttons[action].click()
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    for name, value in fields.items():
        widget = dialog.fields[name]
        if name in ("mode", "requested_by"):
            widget.setCurrentIndex(int(value))
        elif name == "new_due":
            day = dt.date.fromisoformat(value)
            widget.setDate(QDate(day.year, day.month, day.day))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            widget.setText(value)
    before = len(view.dossier.events) if view.dossier else 0
    with qtbot.waitSignal(view.changed, timeout=20000):
        dialog.accept()
    assert view.dossier is not None and len(view.dossier.events) == before + 1


def test_every_action_in_turn_offered_only_when_legal(qtbot: QtBot, ui_db: Database) -> None:
    code = str(intake(ui_db, IntakeRequest("1.004873", DUC), "anh").code)
    view = _view(qtbot, ui_db, code)
    assert set(view.action_buttons) == {Action.TRANSFER, Action.EXTEND, Action.STOP}  # no withdrawal once accepted
    _act(qtbot, view, Action.TRANSFER, to="Công chức Tư pháp - Hộ tịch")
    assert Action.RECORD_RESULT in view.action_buttons and Action.TRANSFER not in view.action_buttons
    _act(qtbot, view, Action.REQUEST_SUPPLEMENT, reason="Bổ sung trích lục ly hôn")
    assert set(view.action_buttons) == {Action.SUPPLEMENT_RECEIVED, Action.STOP}
    _act(qtbot, view, Action.SUPPLEMENT_RECEIVED, note="Đã nhận")
    assert view.dossier is not None and view.dossier.due_at is not None
    new_due = view.dossier.due_at.date() + dt.timedelta(days=7)
    while new_due.weekday() >= 5:
        new_due += dt.timedelta(days=1)
    _act(qtbot, view, Action.EXTEND, new_due=new_due.isoformat(), reason="Xác minh nơi cư trú")
    _act(qtbot, view, Action.RECORD_RESULT, note="Giấy xác nhận số 12")
    assert set(view.action_buttons) == {Action.RETURN_RESULT}
    _act(qtbot, view, Action.RETURN_RESULT, recipient_name="Nguyễn Văn Đức", recipient_id="001090123456")
    assert view.action_buttons == {}
    stored = get_dossier(ui_db, code)
    assert stored.status is Status.RETURNED
    assert [e.type for e in stored.events][2:] == [Action.TRANSFER, Action.REQUEST_SUPPLEMENT,
                                                   Action.SUPPLEMENT_RECEIVED, Action.EXTEND,
                                                   Action.RECORD_RESULT, Action.RETURN_RESULT]
    assert all(e.actor == "anh" for e in stored.events)
    assert view.history.rowCount() == 8 and "Nguyễn Văn Đức" in view.history.rows[0][3]  # newest first


def test_refuse_stop_withdraw_and_postal_return(qtbot: QtBot, ui_db: Database) -> None:
    ends = {}
    for action, fields in ((Action.REFUSE, {"reason": "Không đủ điều kiện"}),
                           (Action.STOP, {"reason": "Người nộp đề nghị dừng", "requested_by": "1"})):
        code = str(intake(ui_db, IntakeRequest("1.004873", DUC), "anh").code)
        view = _view(qtbot, ui_db, code)
        _act(qtbot, view, Action.TRANSFER)
        _act(qtbot, view, action, **fields)
        ends[action] = get_dossier(ui_db, code).status
    stop_code = code
    sent_back = intake(ui_db, IntakeRequest("1.004873", DUC, documents=()), "anh", Outcome.SUPPLEMENT, "Thiếu tờ khai")
    view = _view(qtbot, ui_db, str(sent_back.id))
    _act(qtbot, view, Action.WITHDRAW, reason="Công dân rút hồ sơ")
    ends[Action.WITHDRAW] = get_dossier(ui_db, str(sent_back.id)).status
    assert ends == {Action.REFUSE: Status.REFUSED, Action.STOP: Status.STOPPED, Action.WITHDRAW: Status.WITHDRAWN}
    stopped = [e for e in get_dossier(ui_db, stop_code).events if e.type is Action.STOP]
    assert stopped[-1].payload["requested_by"] == "applicant"
    postal = str(intake(ui_db, IntakeRequest("1.004873", DUC, delivery=Delivery.POSTAL,
                                             delivery_address="Thôn Đông, xã Tân Hòa"), "anh").code)
    view = _view(qtbot, ui_db, postal)
    _act(qtbot, view, Action.TRANSFER)
    _act(qtbot, view, Action.RECORD_RESULT)
    _act(qtbot, view, Action.RETURN_RESULT, mode="1", postal_item="RR123456785VN")
    assert get_dossier(ui_db, postal).events[-1].payload["postal_item"] == "RR123456785VN"


def test_a_rejected_action_keeps_the_dialog_and_saves_nothing(qtbot: QtBot, ui_db: Database) -> None:
    code = str(intake(ui_db, IntakeRequest("1.004873", DUC), "anh").code)
    view = _view(qtbot, ui_db, code)
    _act(qtbot, view, Action.TRANSFER)
    _act(qtbot, view, Action.RECORD_RESULT)
    view.action_buttons[Action.RETURN_RESULT].click()
    assert view.dialog is not None
    view.dialog.fields["recipient_name"].setText("Người lạ")
    view.dialog.fields["recipient_id"].setText("079195000123")  # neither applicant nor submitter, no authorisation
    view.dialog.accept()
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: "079195000123" in view.message.text(), timeout=10000)
    assert get_dossier(ui_db, code).status is Status.RESULT_READY


def test_a_counter_sent_back_dossier_is_accepted_later(qtbot: QtBot, ui_db: Database) -> None:
    sent_back = intake(ui_db, IntakeRequest("1.004873", DUC, documents=()), "anh", Outcome.SUPPLEMENT, "Thiếu tờ khai",
                       at=at("2026-11-20 09:00"))
    view = _view(qtbot, ui_db, str(sent_back.id))
    assert Action.ACCEPT in view.action_buttons and Action.TRANSFER not in view.action_buttons
    _act(qtbot, view, Action.ACCEPT)
    assert view.dossier is not None and view.dossier.status is Status.ACCEPTED and view.dossier.code
    assert QApplication.instance() is not None


def test_digitised_copies_show_their_signatures_and_open(qtbot: QtBot, ui_db: Database, tmp_path: Path) -> None:
    from counter_app.services.documents import copies, file_copy, read_copy  # noqa: PLC0415
    from scanning.file_import import import_files  # noqa: PLC0415
    from scanning.signing import Pkcs12File, StampText, open_signer, sign_pdf  # noqa: PLC0415
    from tests.pki import P12_PASSPHRASE, SIGNER_NAME, make_pki  # noqa: PLC0415

    pki = make_pki(tmp_path / "pki")
    code = str(intake(ui_db, IntakeRequest("1.004873", DUC, documents=(
        DocumentEntry("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"),
        DocumentEntry("Giấy tờ chứng minh việc ly hôn hoặc người kia đã chết (nếu có)"))), "anh").code)
    page = tmp_path / "page.png"
    Image.new("L", (1654, 2339), 255).save(page, dpi=(200, 200))
    pdf, pages = import_files([page])
    with open_signer(Pkcs12File(pki.p12), P12_PASSPHRASE) as signer:
        signed = sign_pdf(pdf, signer, StampText())
    file_copy(ui_db, code, "1", signed, pages, "anh", signed=True)
    position = signed.index(b"/Title") + 8 if b"/Title" in signed else len(pdf) // 2
    tampered = signed[:position] + bytes([signed[position] ^ 0x01]) + signed[position + 1:]
    file_copy(ui_db, code, "2", tampered, pages, "anh", signed=True)
    view = _view(qtbot, ui_db, code)
    qtbot.waitUntil(lambda: view.documents.rows[0][3].startswith("Đã ký bởi"), timeout=20000)
    assert view.documents.rows[0][3] == f"Đã ký bởi {SIGNER_NAME}, nguyên vẹn"
    qtbot.waitUntil(lambda: view.documents.rows[1][3] == "ĐÃ BỊ SỬA ĐỔI sau khi ký!", timeout=20000)
    opened: list[Path] = []
    view.opener = opened.append
    view.open_document(0)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened[0].read_bytes() == read_copy(ui_db, copies(ui_db, code)[0])
    assert "Lưu bản số hóa" in [row[1] for row in view.history.rows]


def test_sign_from_the_dossier_view_with_a_certificate_file(qtbot: QtBot, ui_db: Database, tmp_path: Path,
                                                            pki: object) -> None:
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    from counter_app.services.documents import copies, file_copy  # noqa: PLC0415
    from scanning.file_import import import_files  # noqa: PLC0415
    from tests.pki import P12_PASSPHRASE, SIGNER_NAME  # noqa: PLC0415

    code = str(intake(ui_db, IntakeRequest("1.004873", DUC), "anh").code)
    page = tmp_path / "page.png"
    Image.new("L", (1654, 2339), 255).save(page, dpi=(200, 200))
    pdf, pages = import_files([page])
    file_copy(ui_db, code, "1", pdf, pages, "anh")
    view = _view(qtbot, ui_db, code)
    view.settings = QSettings(str(tmp_path / "sign.ini"), QSettings.Format.IniFormat)
    assert view.sign_button is not None
    view.sign_button.click()
    dialog = view.sign_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.path.setText(str(pki.p12))  # type: ignore[attr-defined]
    dialog.pin.setText("sai")
    dialog.accept()
    qtbot.waitUntil(lambda: "Sai mật khẩu" in view.message.text(), timeout=20000)
    assert not copies(ui_db, code)[0].signed  # nothing changed
    view.sign_button.click()
    assert view.sign_dialog is not None and view.sign_dialog.path.text() == str(pki.p12)  # type: ignore[attr-defined]
    assert view.sign_dialog.pin.text() == ""  # the PIN is never kept
    view.sign_dialog.pin.setText(P12_PASSPHRASE)
    view.sign_dialog.accept()
    qtbot.waitUntil(lambda: view.documents.rows and view.documents.rows[0][3].startswith("Đã ký bởi"), timeout=30000)
    assert view.documents.rows[0][3] == f"Đã ký bởi {SIGNER_NAME}, nguyên vẹn"
    [copy] = copies(ui_db, code)
    assert copy.signed and copy.timestamp_pending and view.sign_button is None


def test_stop_needs_to_know_who_asked(qtbot: QtBot, ui_db: Database) -> None:
    code = str(intake(ui_db, IntakeRequest("1.004873", DUC), "anh").code)
    view = _view(qtbot, ui_db, code)
    view.action_buttons[Action.STOP].click()
    assert view.dialog is not None
    view.dialog.fields["reason"].setPlainText("Người nộp đề nghị dừng")
    view.dialog.accept()
    qtbot.waitUntil(lambda: "ai đề nghị dừng" in view.message.text(), timeout=10000)
    assert view.dialog.isVisible() and get_dossier(ui_db, code).status is Status.ACCEPTED
    view.dialog.fields["requested_by"].setCurrentIndex(2)
    with qtbot.waitSignal(view.changed, timeout=20000):
        view.dialog.accept()
    stopped = get_dossier(ui_db, code)
    assert stopped.status is Status.STOPPED and stopped.events[-1].payload["requested_by"] == "office"


def test_each_action_dialog_asks_what_the_core_table_asks(qtbot: QtBot, ui_db: Database) -> None:
    dossier = get_dossier(ui_db, str(intake(ui_db, IntakeRequest("1.004873", DUC), "anh").code))
    widgets = {Need.REASON: "reason", Need.NOTE: "note", Need.TO: "to", Need.NEW_DUE: "new_due",
               Need.REQUESTED_BY: "requested_by", Need.RECIPIENT: "recipient_name"}
    for action in OFFERED:
        dialog = ActionDialog(action, dossier)
        qtbot.add_widget(dialog)
        asked = {need for need, name in widgets.items() if name in dialog.fields}
        assert asked == {need for need in widgets if NEEDS[action].asks(need)}, action

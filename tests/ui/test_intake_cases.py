"""The intake screen with procedures as published: a case picker, conditional rows that never block, an
alternatives group that blocks until one member is ticked, a show-only row, and a procedure without a time
limit listed but not offered."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.catalogue_import import parse_catalogue
from counter_app.services.catalogue import store_procedures
from counter_app.services.intake import Outcome
from counter_app.services.queries import get_dossier
from counter_app.storage.database import Database
from tests.catalogue_corpus import birth_registration, residence_confirmation
from ui.checklist_model import CERTIFY, HANDED_IN, NAME
from ui.intake_view import IntakeView

QR = "001090123456|012345678|NGUYỄN VĂN ĐỨC|01011990|Nam|Thôn Đông, xã Tân Hòa, tỉnh Mẫu|15042021"


def test_cases_groups_and_conditions_on_the_intake_screen(qtbot: QtBot, ui_db: Database) -> None:
    no_time = {**residence_confirmation("1.009997"), "TENTTHC": "Thủ tục chưa có thời hạn",
               "CACHTHUCTHUCHIEN": [{"KENH": 1, "THOIGIAN": [{"MOTA": "Không quy định"}]}]}
    records = [birth_registration(), residence_confirmation(), no_time]
    with ui_db.write() as session:
        store_procedures(session, parse_catalogue(records, dt.date(2025, 7, 1)).procedures)
    view = IntakeView(ui_db, lambda: "anh")
    qtbot.add_widget(view)
    view.load_procedures()
    qtbot.waitUntil(lambda: any(p.code == "1.009997" for p in view.procedures), timeout=10000)

    view.procedure_search.setText("chua co thoi han")
    assert view.procedure_list.item(0).flags() == Qt.ItemFlag.NoItemFlags  # the field's heading
    item = view.procedure_list.item(1)
    assert "chưa tiếp nhận: chưa có thời hạn giải quyết" in item.text()
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    view.procedure_search.returnPressed.emit()
    assert view.procedure is None  # not offered

    view.procedure_search.setText("1.001193")
    view.procedure_search.returnPressed.emit()
    assert view.case_picker.isVisibleTo(view) and view.case_picker.count() == 3
    checklist = view.checklist
    assert checklist.rowCount() == 9 and len(checklist.missing()) == 2
    assert checklist.data(checklist.index(5, NAME)) == "Giấy chứng nhận kết hôn của cha, mẹ trẻ (nếu có)"
    assert "chỉ xuất trình, không nộp" in checklist.data(checklist.index(6, NAME))
    tip = checklist.data(checklist.index(0, NAME), Qt.ItemDataRole.ToolTipRole)
    assert "Mẫu đơn, tờ khai: Tờ khai đăng ký khai sinh (TT 04/2020/TT-BTP)" in tip and "1 bản chính" in tip
    for row in (0, 1, 6):
        checklist.toggle(row)
    assert checklist.missing() == [] and view.accept_button.isEnabled()
    view.case_picker.setCurrentIndex(1)
    assert checklist.case is not None and checklist.case.number == 2 and checklist.rowCount() == 3
    assert not view.accept_button.isEnabled()
    view.case_picker.setCurrentIndex(0)
    for row in (0, 1, 6):
        checklist.toggle(row)
    view.fill_from_qr(QR)
    view.submit(Outcome.ACCEPT)
    qtbot.waitUntil(lambda: "Đã tiếp nhận" in view.result_label.text(), timeout=10000)
    code = view.result_label.text().split(": ")[1].split(" ")[0]
    dossier = get_dossier(ui_db, code)
    assert len(dossier.documents) == 2 and dossier.shown_documents and dossier.case_number == 1

    view.procedure_search.setText("xac nhan thong tin ve cu tru")
    view.procedure_search.returnPressed.emit()
    assert not view.case_picker.isVisibleTo(view)
    heading = checklist.data(checklist.index(1, NAME))
    assert heading == "Giấy tờ chứng minh chỗ ở hợp pháp, một trong các giấy tờ sau (đánh dấu ít nhất một):"
    assert checklist.data(checklist.index(1, HANDED_IN), Qt.ItemDataRole.CheckStateRole) is None
    checklist.toggle(0)
    assert checklist.missing() == ["Giấy tờ chứng minh chỗ ở hợp pháp, một trong các giấy tờ sau"]
    checklist.toggle(3)  # the lease
    assert checklist.missing() == [] and view.accept_button.isEnabled()
    assert checklist.setData(checklist.index(3, CERTIFY), 2, Qt.ItemDataRole.EditRole)
    assert [e.certify for e in checklist.entries()] == [0, 2]
    assert "20.000 đồng" in view.fee_label.text()


def test_an_administrator_sets_a_missing_time_limit(qtbot: QtBot, ui_db: Database) -> None:
    from ui.admin_catalogue import CataloguePanel  # noqa: PLC0415

    no_time = {**residence_confirmation("1.009997"), "CACHTHUCTHUCHIEN": [
        {"KENH": 1, "THOIGIAN": [{"MOTA": "Không có thông tin"}]}]}
    with ui_db.write() as session:
        store_procedures(session, parse_catalogue([no_time], dt.date(2025, 7, 1)).procedures)
    panel = CataloguePanel(ui_db, lambda: "admin")
    qtbot.add_widget(panel)
    messages: list[str] = []
    panel.message.connect(messages.append)
    panel.load()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    assert panel.model.rows[0] == ("1.009997", "Xác nhận thông tin về cư trú", "Không có thông tin")
    panel.time_limit.setText("không rõ")
    panel.set_selected()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "Không đọc được thời hạn «không rõ»" in messages[-1]
    panel.time_limit.setText("05 ngày làm việc")
    panel.set_selected()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=10000)
    assert "1.009997: đã nhập thời hạn «05 ngày làm việc»" in messages[-1]

"""Administration (users with a PIN, office details) and the list's filters by status, procedure and date."""

from __future__ import annotations

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from counter_app.lifecycle import Status
from counter_app.model import Person
from counter_app.services.intake import IntakeRequest, Outcome, intake
from counter_app.services.office import get_office
from counter_app.services.users import authenticate, check_pin
from counter_app.storage.database import Database
from tests.conftest import at
from tests.ui.conftest import PASSWORD
from ui.admin_view import AdminView
from ui.dossier_list import DossierListView


def test_admin_creates_a_user_with_pin_and_changes_the_office(qtbot: QtBot, ui_db: Database) -> None:
    view = AdminView(ui_db, "admin")
    qtbot.add_widget(view)
    view.load()
    qtbot.waitUntil(lambda: view.office_code.text() == "000.00.12.H12", timeout=10000)
    view.username.setText("binh")
    view.full_name.setText("Phạm Thanh Bình")
    view.role.setCurrentIndex(view.role.findData("clerk"))
    view.password.setText(PASSWORD)
    view.pin.setText("13579")
    view.create_user()
    qtbot.waitUntil(lambda: view.message.text() == "Đã tạo người dùng binh.", timeout=10000)
    assert authenticate(ui_db, "binh", PASSWORD).full_name == "Phạm Thanh Bình"
    assert check_pin(ui_db, "binh", "13579")
    assert view.username.text() == ""  # ready for the next one; the list shows the new user
    qtbot.waitUntil(lambda: "binh" in [row[0] for row in view.users.model.rows], timeout=10000)
    view.username.setText("binh")
    view.full_name.setText("Phạm Thanh Bình")
    view.password.setText(PASSWORD)
    view.create_user()  # the same name again: refused with the core's message
    qtbot.waitUntil(lambda: "đã có" in view.message.text(), timeout=10000)
    view.office_name.setText("Trung tâm Phục vụ hành chính công xã Tân Hòa Mới")
    view.place_name.setText("Tân Hòa")
    view.parent_body.setText("UBND xã Tân Hòa")
    view.issuing_office.setText("Trung tâm Phục vụ hành chính công")
    view.office_phone.setText("0203 3888 123")
    view.store_office()
    qtbot.waitUntil(lambda: view.message.text() == "Đã lưu thông tin cơ quan.", timeout=10000)
    saved = get_office(ui_db)
    assert saved.name == "Trung tâm Phục vụ hành chính công xã Tân Hòa Mới" and saved.place_name == "Tân Hòa"
    assert (saved.parent_body, saved.issuing_office, saved.phone) == (
        "UBND xã Tân Hòa", "Trung tâm Phục vụ hành chính công", "0203 3888 123")


def test_list_filters_by_status_procedure_and_date(qtbot: QtBot, ui_db: Database) -> None:
    person = Person("Hoàng Thị Mai", "001090123456")
    intake(ui_db, IntakeRequest("1.004873", person), "anh", at=at("2026-11-16 09:00"))
    intake(ui_db, IntakeRequest("2.000815", person), "anh", at=at("2026-11-18 09:00"))
    intake(ui_db, IntakeRequest("1.004873", person, documents=()), "anh", Outcome.SUPPLEMENT, "Thiếu tờ khai",
           at=at("2026-11-18 10:00"))
    view = DossierListView(ui_db)
    qtbot.add_widget(view)
    view.show_quick("all")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=10000)
    view.procedure.setText("2.000815")
    view.apply()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    view.procedure.clear()
    view.status.setCurrentIndex(view.status.findData(Status.COUNTER_SUPPLEMENT.value))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.model.summary(0).code is None, timeout=10000)
    view.status.setCurrentIndex(0)
    view.date_from.setDate(QDate(2026, 11, 16))
    view.date_to.setDate(QDate(2026, 11, 16))
    view.use_dates.setChecked(True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    assert view.model.summary(0).procedure_code == "1.004873"
    assert view.count_label.text() == "Đang hiển thị 1 hồ sơ"


def test_admin_sets_the_cutoff_boundary_and_registers_per_field(qtbot: QtBot, ui_db: Database) -> None:
    from PySide6.QtCore import QTime  # noqa: PLC0415

    from counter_app.services.office import get_rules  # noqa: PLC0415

    view = AdminView(ui_db, "admin")
    qtbot.add_widget(view)
    view.load()
    qtbot.waitUntil(lambda: view.office_code.text() == "000.00.12.H12", timeout=10000)
    assert view.cutoff.time() == QTime(15, 0) and view.cutoff_same_day.isChecked()
    assert not view.register_by_field.isChecked()
    view.cutoff_same_day.setChecked(False)
    view.register_by_field.setChecked(True)
    view.store_rules()
    qtbot.waitUntil(lambda: view.message.text() == "Đã lưu các quy tắc.", timeout=10000)
    rules = get_rules(ui_db)
    assert not rules.hours.cutoff_same_day and rules.register_by_field
    view.cutoff.setTime(QTime(18, 30))  # after closing: the core's message, nothing saved
    view.store_rules()
    qtbot.waitUntil(lambda: "giờ làm việc" in view.message.text(), timeout=10000)
    assert get_rules(ui_db).hours.cutoff.hour == 15

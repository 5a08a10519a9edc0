"""The finished screens: set-apart confirmed actions, the extension proposal, sorting and XLSX export, the home
lists, user administration, and the office code locked once dossiers exist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.clock import local, now
from counter_app.lifecycle import Action
from counter_app.model import Person
from counter_app.services import processing
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import calendar_of
from counter_app.services.users import authenticate
from counter_app.storage.database import Database
from tests.ui.conftest import PASSWORD
from tests.ui.keys import press
from ui.action_dialog import ActionDialog
from ui.admin_view import AdminView
from ui.dossier_list import DossierListView
from ui.dossier_view import DossierView
from ui.home_panel import HomePanel

PEOPLE = [Person("Đặng Văn Bảo", "079195000123"), Person("Âu Thị An", "001090123456"),
          Person("Chu Văn Cường", "079185000123")]


def _three(db: Database) -> list[str]:
    """Three dossiers: one overdue (received 10 days ago, transferred), two received now."""
    old = intake(db, IntakeRequest("1.004873", PEOPLE[0]), "anh", at=now() - dt.timedelta(days=10))
    processing.transfer(db, str(old.code), "anh", at=now() - dt.timedelta(days=10) + dt.timedelta(hours=1))
    return [str(old.code)] + [str(intake(db, IntakeRequest("1.004873", p), "anh").code) for p in PEOPLE[1:]]


def test_irreversible_actions_are_set_apart_and_confirmed_by_name(qtbot: QtBot, ui_db: Database) -> None:
    code = _three(ui_db)[0]
    view = DossierView(ui_db, lambda: "anh")
    qtbot.add_widget(view)
    view.show_dossier(code)
    qtbot.waitUntil(lambda: view.dossier is not None, timeout=10000)
    buttons = view.action_buttons
    assert buttons[Action.REFUSE].property("kind") == "destructive"
    assert buttons[Action.STOP].property("kind") == "destructive"
    assert buttons[Action.RECORD_RESULT].property("kind") == "primary" and buttons[Action.RECORD_RESULT].isDefault()
    assert view.actions_row.indexOf(buttons[Action.REFUSE]) > view.actions_row.indexOf(view.print_button)
    assert view.header.timeliness.text() == "Quá hạn 10 ngày" or view.header.timeliness.text().startswith("Quá hạn")
    assert view.header.timeliness.property("chip") == "danger"
    assert view.history.rows[-1][2] == "Trần Thị Ngọc Ánh"  # full names, oldest last
    dialog = view.open_action(Action.REFUSE)
    assert isinstance(dialog, ActionDialog)
    assert code in dialog.confirm.text() and not dialog.confirm.isDefault()
    assert dialog.confirm.property("kind") == "destructive"
    dialog.reject()


def test_the_extension_proposes_working_days_after_the_due_date_and_never_the_past(
    qtbot: QtBot, ui_db: Database,
) -> None:
    overdue, fresh = _three(ui_db)[:2]
    view = DossierView(ui_db, lambda: "anh")
    qtbot.add_widget(view)
    with ui_db.read() as session:
        calendar = calendar_of(session)
    for code in (overdue, fresh):
        view.show_dossier(code)
        qtbot.waitUntil(lambda code=code: view.dossier is not None and view.dossier.code == code, timeout=10000)
        dialog = view.open_action(Action.EXTEND)
        assert dialog is not None
        proposed = dialog.fields["new_due"].date().toPython()
        due = local(view.dossier.due_at).date()  # type: ignore[union-attr]
        start = max(due, local(now()).date())
        assert proposed == calendar.add_working_days(start, 5) and calendar.is_working_day(proposed)
        assert proposed > local(now()).date()
        assert any("mẫu 04" in label.text() for label in dialog.findChildren(type(view.header.code)))
        dialog.reject()


def test_the_list_sorts_shows_days_overdue_and_exports_what_it_shows(
    qtbot: QtBot, ui_db: Database, tmp_path: Path,
) -> None:
    codes = _three(ui_db)
    view = DossierListView(ui_db)
    qtbot.add_widget(view)
    view.show_quick("all")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=10000)
    assert view.title.text() == "Tất cả hồ sơ"
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # applicant, diacritics folded: Âu, Chu, Đặng
    qtbot.waitUntil(lambda: view.model.summary(0).applicant_name == "Âu Thị An", timeout=10000)
    assert [view.model.summary(n).applicant_name for n in range(3)] == ["Âu Thị An", "Chu Văn Cường", "Đặng Văn Bảo"]
    assert view.model.data(view.model.index(2, 7)) == str((local(now()).date() - local(
        view.model.summary(2).due_at).date()).days)  # type: ignore[arg-type]
    view.show_quick("overdue")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    assert view.title.text() == "Hồ sơ quá hạn"
    with qtbot.waitSignal(view.exported, timeout=20000):
        view.export_to(tmp_path / "qua-han.xlsx")
    sheet = load_workbook(tmp_path / "qua-han.xlsx").active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Hồ sơ quá hạn" and rows[1][:2] == ("Mã hồ sơ", "Người nộp")
    assert len(rows) == 3 and rows[2][0] == codes[0] and rows[2][1] == "Đặng Văn Bảo" and int(rows[2][7]) >= 1


def test_home_lists_the_overdue_dossier_and_opens_it_with_enter(qtbot: QtBot, ui_db: Database) -> None:
    codes = _three(ui_db)
    home = HomePanel(ui_db)
    qtbot.add_widget(home)
    home.show()
    home.refresh()
    qtbot.waitUntil(lambda: home.overdue_model.rowCount() == 1, timeout=10000)
    assert home.tiles["received"].text().startswith("2") and home.tiles["overdue"].text().startswith("1")
    home.focus_first_list()
    with qtbot.waitSignal(home.open_dossier, timeout=5000) as opened:
        press(home.overdue_table, Qt.Key.Key_Return, "\r")
    assert opened.args == [codes[0]]


def test_users_are_deactivated_and_reset_and_the_office_code_locks(qtbot: QtBot, ui_db: Database) -> None:
    _three(ui_db)
    view = AdminView(ui_db, "admin")
    qtbot.add_widget(view)
    view.load()
    qtbot.waitUntil(lambda: view.users.model.rowCount() == 2 and view.office_code.isReadOnly(), timeout=10000)
    assert "không thể thay đổi" in view.code_note.text()
    assert [row[2] for row in view.users.model.rows] == ["Quản trị viên", "Cán bộ một cửa"]
    view.users.select("anh")
    assert view.users.toggle_button.text() == "Khóa tài khoản…"
    view.users.toggle_selected(confirmed=True)
    qtbot.waitUntil(lambda: "đã khóa" in view.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: view.users.model.rows[-1][3] == "đã khóa", timeout=10000)
    view.users.select("anh")
    view.users.toggle_selected()
    qtbot.waitUntil(lambda: view.users.model.rows[-1][3] == "đang hoạt động", timeout=10000)
    view.users.reset("anh", "mật-khẩu-mới-9")
    qtbot.waitUntil(lambda: "đặt lại" in view.message.text(), timeout=10000)
    assert authenticate(ui_db, "anh", "mật-khẩu-mới-9").username == "anh"
    assert PASSWORD != "mật-khẩu-mới-9"

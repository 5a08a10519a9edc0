"""Every table model passes Qt's QAbstractItemModelTester, including while pages arrive and filters change."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from counter_app.clock import local, now
from counter_app.lifecycle import Status
from counter_app.model import Person
from counter_app.services.catalogue import procedure_in_force
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.queries import DossierFilter
from counter_app.storage.database import Database
from ui.checklist_model import COPIES, HANDED_IN, KIND, ChecklistModel
from ui.dossier_model import DossierTableModel
from ui.table_models import RowsModel

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_dossier_model_pages_lazily_and_passes_the_tester(qtbot: QtBot, ui_db: Database) -> None:
    for n in range(25):
        intake(ui_db, IntakeRequest("1.004873", Person(f"Người thứ {n}", "001090123456")), "anh")
    model = DossierTableModel(ui_db, page_size=10)
    tester = QAbstractItemModelTester(model, FATAL)
    model.set_filter(DossierFilter())
    qtbot.waitUntil(lambda: model.rowCount() >= 10, timeout=10000)
    assert model.rowCount() % 10 == 0 or not model.canFetchMore(QModelIndex())  # whole pages only
    while model.canFetchMore(QModelIndex()):  # what a view does as the clerk scrolls down
        model.fetchMore(QModelIndex())
        qtbot.wait(20)
    assert model.rowCount() == 25
    names = [model.summary(row).applicant_name for row in range(25)]
    assert len(set(names)) == 25  # keyset paging: no row twice, none skipped
    assert model.data(model.index(0, 4)) == "Đã tiếp nhận"
    model.set_filter(DossierFilter(statuses=frozenset({Status.RETURNED})))
    qtbot.waitUntil(lambda: not model.canFetchMore(QModelIndex()), timeout=10000)
    assert model.rowCount() == 0
    model.set_filter(DossierFilter(text="nguoi thu 7"))
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    del tester


def test_a_page_for_an_old_filter_is_dropped(qtbot: QtBot, ui_db: Database) -> None:
    intake(ui_db, IntakeRequest("1.004873", Person("Lê Văn Tám", "001090123456")), "anh")
    model = DossierTableModel(ui_db)
    tester = QAbstractItemModelTester(model, FATAL)
    model.set_filter(DossierFilter())
    model.set_filter(DossierFilter(text="khong ai ten nay"))  # before the first page arrives
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not model.canFetchMore(QModelIndex()), timeout=10000)
    assert model.rowCount() == 0
    del tester


def test_checklist_model_passes_the_tester_and_edits(ui_db: Database) -> None:
    model = ChecklistModel()
    tester = QAbstractItemModelTester(model, FATAL)
    model.set_procedure(procedure_in_force(ui_db, "2.000815", local(now()).date()))
    assert model.rowCount() == 2 and model.missing()
    model.toggle(0)
    model.setData(model.index(0, KIND), 2, Qt.ItemDataRole.EditRole)
    model.setData(model.index(0, COPIES), 3, Qt.ItemDataRole.EditRole)
    assert not model.setData(model.index(0, COPIES), 0, Qt.ItemDataRole.EditRole)  # at least one copy
    assert model.data(model.index(0, HANDED_IN), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    entry = model.entries()[0]
    assert (entry.kind.value, entry.copies) == ("copy", 3)
    model.set_procedure(None)
    assert model.rowCount() == 0
    del tester


def test_rows_model_passes_the_tester() -> None:
    model = RowsModel(["A", "B"])
    tester = QAbstractItemModelTester(model, FATAL)
    model.set_rows([("1", "2"), ("3", "4")], ["x", "y"])
    assert model.data(model.index(1, 1)) == "4" and model.payload(0) == "x"
    model.set_rows([])
    assert model.rowCount() == 0
    del tester

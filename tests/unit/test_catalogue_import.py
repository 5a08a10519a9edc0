"""The province catalogue importer: JSON and XLSX, every bad row reported at once."""

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from counter_app.catalogue_import import import_file
from counter_app.errors import ValidationError
from counter_app.fees import compute_fee
from counter_app.model import DocumentKind
from counter_app.services.catalogue import seed_file


def test_seed_catalogue_has_the_eight_commune_procedures() -> None:
    procedures = {p.code: p for p in import_file(seed_file())}
    assert set(procedures) >= {"1.001193", "1.000894", "1.000656", "2.000815", "2.000884", "2.000635",
                               "2.000908", "1.004873"}
    assert all(p.effective_from == dt.date(2025, 7, 1) and p.source and p.documents for p in procedures.values())
    assert compute_fee(procedures["2.000815"].fee, pages=250) == 200_000
    assert procedures["1.000894"].presence_required and not procedures["1.000894"].postal_eligible


def _workbook(path: Path, procedures: list[list[object]], documents: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "ThuTuc"
    sheet.append(["Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Thời hạn (ngày làm việc)", "Loại phí", "Mức phí",
                  "Hiệu lực từ"])
    for row in procedures:
        sheet.append(row)
    docs = book.create_sheet("GiayTo")
    docs.append(["Mã TTHC", "STT", "Tên giấy tờ", "Loại", "Số lượng", "Bắt buộc"])
    for row in documents:
        docs.append(row)
    book.save(path)
    return path


def test_xlsx_import(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "tinh.xlsx",
                     [["1.004884.000.00.00.H12", "Đăng ký lại khai sinh", "Hộ tịch", 5, "Cố định", 5000,
                       dt.datetime(2026, 1, 1)]],
                     [["1.004884.000.00.00.H12", 1, "Tờ khai", "Bản chính", 1, "x"],
                      ["1.004884.000.00.00.H12", 2, "Giấy tờ liên quan", "Bản photo", 2, ""]])
    (procedure,) = import_file(path)
    assert (procedure.processing_days, procedure.fee.amount, procedure.effective_from) == (5, 5000, dt.date(2026, 1, 1))
    assert [(d.name, d.kind, d.quantity, d.mandatory) for d in procedure.documents] == [
        ("Tờ khai", DocumentKind.ORIGINAL, 1, True), ("Giấy tờ liên quan", DocumentKind.COPY, 2, False)]


def test_xlsx_errors_name_sheet_and_row(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "loi.xlsx",
                     [["1.001193", "Khai sinh", "Hộ tịch", "ba", "free", None, "2026-01-01"],
                      ["1.000894", "Kết hôn", "Hộ tịch", 0, "free", None, "không rõ"]],
                     [["1.001193", 1, "Tờ khai", "Bản nháp", 1, "x"], ["9.999999", 1, "Lạc", "Bản chính", 1, "x"]])
    with pytest.raises(ValidationError) as caught:
        import_file(path)
    message = caught.value.message("vi")
    assert "Trang ThuTuc, dòng 2: thời hạn giải quyết phải là số nguyên không âm" in message
    assert "Trang ThuTuc, dòng 3: ngày hiệu lực «không rõ» không hợp lệ" in message
    assert "Trang GiayTo, dòng 2: loại giấy tờ «Bản nháp» không hợp lệ" in message
    assert "«9.999999»" in message
    assert caught.value.params["count"] == 4


def test_json_that_is_not_a_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps([1, 2]), "utf-8")
    with pytest.raises(ValidationError, match=r"^import\.format:"):
        import_file(path)
    path.write_text("{not json", "utf-8")
    with pytest.raises(ValidationError, match=r"^import\.format:"):
        import_file(path)

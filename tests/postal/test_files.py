"""The files exchanged with the post: the dispatch list written, the status file read or refused whole."""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from counter_app.errors import ValidationError
from counter_app.postal import BatchStatus, Direction, ItemState, Outcome, PostalBatch, PostalItem
from counter_app.postal_files import DISPATCH_HEADERS, read_status_file, write_dispatch_list
from tests.conftest import at
from tests.postal.helpers import label, wrong_label

HEADER = ["Số phiếu gửi", "Trạng thái", "Ngày", "Lý do"]


def _csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=delimiter).writerows(rows)
    return path


def test_csv_and_xlsx_status_files_read_in_vietnamese_or_english(tmp_path: Path) -> None:
    rows = [HEADER, [label(1), "Đã phát", "26/11/2026", ""], [],
            [label(2).lower(), "chuyen hoan", "2026-11-27", "Không có người nhận"]]
    lines = read_status_file(_csv(tmp_path / "trang-thai.csv", rows, ";"))
    assert [(x.item_number, x.outcome, x.on, x.reason, x.row) for x in lines] == [
        (label(1), Outcome.DELIVERED, dt.date(2026, 11, 26), "", 2),
        (label(2), Outcome.RETURNED, dt.date(2026, 11, 27), "Không có người nhận", 4)]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["S10", "Status", "Date", "Reason"])
    sheet.append([label(3), "delivered", dt.datetime(2026, 11, 28, 9, 0), None])
    book.save(tmp_path / "status.xlsx")
    (line,) = read_status_file(tmp_path / "status.xlsx")
    assert (line.item_number, line.outcome, line.on) == (label(3), Outcome.DELIVERED, dt.date(2026, 11, 28))


@pytest.mark.parametrize(("bad_row", "key"), [
    ([wrong_label(5), "Đã phát", "26/11/2026", ""], "s10.check"),
    ([label(5), "thất lạc", "26/11/2026", ""], "postal.status_word"),
    ([label(5), "Đã phát", "31/02/2026", ""], "input.date"),
])
def test_a_malformed_row_refuses_the_file_and_is_named(tmp_path: Path, bad_row: list[str], key: str) -> None:
    path = _csv(tmp_path / "status.csv", [HEADER, [label(4), "Đã phát", "26/11/2026", ""], bad_row])
    with pytest.raises(ValidationError) as refused:
        read_status_file(path)
    assert refused.value.key == "postal.file_row" and refused.value.params["where"] == 3
    assert refused.value.message().startswith("Dòng 3: ")
    assert key in str(refused.value.__cause__)


def test_missing_columns_empty_files_and_other_types_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as no_status:
        read_status_file(_csv(tmp_path / "a.csv", [["Số phiếu gửi", "Ngày"], [label(1), "26/11/2026"]]))
    assert no_status.value.key == "postal.file_column" and "trang thai" in no_status.value.message()
    with pytest.raises(ValidationError) as empty:
        read_status_file(_csv(tmp_path / "b.csv", [HEADER]))
    assert empty.value.key == "postal.file_empty"
    (tmp_path / "c.txt").write_text("x", "utf-8")
    with pytest.raises(ValidationError) as other:
        read_status_file(tmp_path / "c.txt")
    assert other.value.key == "postal.file_type"
    (tmp_path / "d.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(ValidationError) as broken:
        read_status_file(tmp_path / "d.xlsx")
    assert broken.value.key == "postal.file_unreadable"


def test_the_dispatch_list_in_xlsx_and_csv(tmp_path: Path) -> None:
    item = PostalItem(1, label(1), ItemState.DISPATCHED, "1.004873", "Nguyễn Văn Đức", "Thôn Đông, xã Tân Hòa",
                      dossier_code="000.00.12.H12-261125-0001", phone="0912345678")
    batch = PostalBatch(uuid.uuid4(), "BG-2026-0001", Direction.DISPATCH, BatchStatus.CLOSED, at("2026-11-25 10:00"),
                        "anh", at("2026-11-25 10:00"), "", (item,))
    xlsx = tmp_path / "list.xlsx"
    xlsx.write_bytes(write_dispatch_list(batch, xlsx, "Đến 250 g"))
    sheet = load_workbook(xlsx).worksheets[0]
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        list(DISPATCH_HEADERS),
        [1, label(1), "Nguyễn Văn Đức", "Thôn Đông, xã Tân Hòa", "0912345678", "Đến 250 g", 0,
         "000.00.12.H12-261125-0001"]]
    text = write_dispatch_list(batch, tmp_path / "list.csv", "Đến 250 g").decode("utf-8-sig")
    assert text.splitlines()[1] == (f'1,{label(1)},Nguyễn Văn Đức,"Thôn Đông, xã Tân Hòa",0912345678,Đến 250 g,0,'
                                    "000.00.12.H12-261125-0001")


def test_a_typed_formula_stays_text_in_the_dispatch_workbook(tmp_path: Path) -> None:
    item = PostalItem(1, label(1), ItemState.DISPATCHED, "1.004873", '=HYPERLINK("http://evil.example","Đức")',
                      "=1+2", dossier_code="000.00.12.H12-261125-0001")
    batch = PostalBatch(uuid.uuid4(), "BG-2026-0001", Direction.DISPATCH, BatchStatus.CLOSED, at("2026-11-25 10:00"),
                        "anh", at("2026-11-25 10:00"), "", (item,))
    xlsx = tmp_path / "list.xlsx"
    xlsx.write_bytes(write_dispatch_list(batch, xlsx, "Đến 250 g"))
    sheet = load_workbook(xlsx).worksheets[0]
    assert (sheet["C2"].data_type, sheet["D2"].data_type, sheet["D2"].value) == ("s", "s", "=1+2")


def test_a_typed_formula_cannot_run_from_the_dispatch_csv(tmp_path: Path) -> None:
    item = PostalItem(1, label(1), ItemState.DISPATCHED, "1.004873", '=HYPERLINK("http://evil.example","Đức")',
                      "@SUM(1+2)", dossier_code="000.00.12.H12-261125-0001", phone="+84 912 345 678")
    batch = PostalBatch(uuid.uuid4(), "BG-2026-0001", Direction.DISPATCH, BatchStatus.CLOSED, at("2026-11-25 10:00"),
                        "anh", at("2026-11-25 10:00"), "", (item,))
    text = write_dispatch_list(batch, tmp_path / "list.csv", "Đến 250 g").decode("utf-8-sig")
    row = next(csv.reader(text.splitlines()[1:]))
    assert row[2:5] == ["'=HYPERLINK(\"http://evil.example\",\"Đức\")", "'@SUM(1+2)", "+84 912 345 678"]

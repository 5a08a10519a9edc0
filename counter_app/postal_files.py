"""The files exchanged with the post: the dispatch list it keys in, and the delivery-status file it sends back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from counter_app.errors import StorageError, ValidationError
from counter_app.messages import Bilingual, os_reason
from counter_app.postal import Outcome, PostalBatch, item_number
from counter_app.services.postal_outcomes import StatusLine
from counter_app.sheet_cells import csv_text, keep_as_text
from counter_app.textfold import fold, nfc

DISPATCH_HEADERS = ("STT", "Số phiếu gửi", "Họ tên người nhận", "Địa chỉ người nhận", "Điện thoại", "Khối lượng",
                    "Tiền thu hộ (COD)", "Ghi chú")
# Folded header names the status file may use, for each column it must have.
STATUS_COLUMNS: dict[str, tuple[str, ...]] = {
    "item": ("so phieu gui", "s10", "so hieu buu gui", "ma buu gui", "so hieu", "item"),
    "status": ("trang thai", "status", "ket qua"),
    "date": ("ngay", "date", "ngay phat", "ngay chuyen hoan"),
    "reason": ("ly do", "reason", "ghi chu"),
}
OUTCOME_WORDS = {
    "delivered": Outcome.DELIVERED, "da phat": Outcome.DELIVERED, "phat thanh cong": Outcome.DELIVERED,
    "da phat thanh cong": Outcome.DELIVERED, "returned": Outcome.RETURNED, "chuyen hoan": Outcome.RETURNED,
    "da chuyen hoan": Outcome.RETURNED, "hoan": Outcome.RETURNED, "returned to sender": Outcome.RETURNED,
}
MAX_ROWS = 10_000


def dispatch_rows(batch: PostalBatch, weight_class: str) -> list[list[Any]]:
    """The dispatch list: one row per item, COD always 0 (the office collects nothing on delivery)."""
    return [[item.position, item.item_number, item.applicant_name, item.address, item.phone, weight_class, 0,
             item.dossier_code or ""] for item in batch.items]


def write_dispatch_list(batch: PostalBatch, path: Path, weight_class: str) -> bytes:
    """The list as XLSX (by the file's suffix) or CSV in UTF-8 with a BOM, for the post's counter staff."""
    rows = dispatch_rows(batch, weight_class)
    if path.suffix.lower() == ".xlsx":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = batch.ref
        sheet.append(list(DISPATCH_HEADERS))
        for row in rows:
            sheet.append(row)
            keep_as_text(sheet[sheet.max_row])
        for column, width in zip("ABCDEFGH", (5, 16, 28, 50, 13, 12, 10, 28), strict=True):
            sheet.column_dimensions[column].width = width
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    if path.suffix.lower() != ".csv":
        raise ValidationError("postal.file_type", path=str(path))
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(DISPATCH_HEADERS)
    writer.writerows([csv_text(cell) for cell in row] for row in rows)
    return text.getvalue().encode("utf-8-sig")


def read_status_file(path: Path) -> list[StatusLine]:
    """Every line of a status file, or a ValidationError naming the first bad row (nothing is recorded)."""
    rows = _rows(path)
    header_row, header = next(rows, (0, []))
    columns = _columns(header)
    lines: list[StatusLine] = []
    for number, cells in rows:
        if not any(str(cell or "").strip() for cell in cells):
            continue
        if len(lines) >= MAX_ROWS:
            raise ValidationError("postal.file_too_long", count=MAX_ROWS)
        lines.append(_line(number, cells, columns))
    if not header_row or not lines:
        raise ValidationError("postal.file_empty", path=str(path))
    return lines


def _rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    suffix = path.suffix.lower()
    rows: list[list[Any]]
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError("postal.file_type", path=str(path))
    try:
        if suffix == ".xlsx":
            book = load_workbook(path, read_only=True, data_only=True)
            rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
            book.close()
        else:
            text = path.read_text("utf-8-sig")
            dialect = csv.Sniffer().sniff(text.split("\n", 1)[0] or ",", delimiters=",;\t")
            rows = list(csv.reader(io.StringIO(text), dialect))
    except OSError as error:
        raise StorageError("file.unreadable", path=str(path), reason=os_reason(error)) from error
    except (ValueError, KeyError, IndexError, csv.Error, zipfile.BadZipFile, InvalidFileException) as error:
        raise ValidationError("postal.file_unreadable", path=str(path)) from error
    return iter(enumerate(rows, start=1))


def _columns(header: Sequence[Any]) -> dict[str, int]:
    names = [fold(str(cell or "")).strip() for cell in header]
    found = {}
    for column, accepted in STATUS_COLUMNS.items():
        matches = [n for n, name in enumerate(names) if name in accepted]
        if matches:
            found[column] = matches[0]
        elif column != "reason":
            raise ValidationError("postal.file_column", name=Bilingual(accepted[0], column))
    return found


def _line(number: int, cells: Sequence[Any], columns: dict[str, int]) -> StatusLine:
    def cell(column: str) -> Any:
        index = columns.get(column)
        return cells[index] if index is not None and index < len(cells) else None

    try:
        item = item_number(str(cell("item") or ""))
        word = fold(str(cell("status") or "")).strip()
        if word not in OUTCOME_WORDS:
            raise ValidationError("postal.status_word", value=str(cell("status") or ""))
        reason = nfc(str(cell("reason") or "")).strip()
        return StatusLine(item, OUTCOME_WORDS[word], _day(cell("date")), reason, number)
    except ValidationError as error:
        detail = Bilingual(error.message("vi"), error.message("en"))
        raise ValidationError("postal.file_row", where=number, detail=detail) from error


def _day(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError("input.date", value=text) from None

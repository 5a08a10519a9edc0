"""A dossier list as the clerk sees it, exported to XLSX (openpyxl) with Vietnamese or English headers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from counter_app.clock import local, now
from counter_app.deadlines import days_overdue
from counter_app.lifecycle import label
from counter_app.model import DossierSummary
from counter_app.services.queries import DossierFilter, list_dossiers
from counter_app.sheet_cells import keep_as_text
from counter_app.storage.blobs import write_atomically
from counter_app.storage.database import Database

EXPORT_LIMIT = 100_000
HEADERS = {
    "vi": ("Mã hồ sơ", "Người nộp", "Số CCCD", "Thủ tục", "Trạng thái", "Ngày tiếp nhận", "Hẹn trả",
           "Số ngày quá hạn"),
    "en": ("Dossier code", "Applicant", "ID number", "Procedure", "Status", "Accepted", "Due", "Days overdue"),
}


def export_list(db: Database, criteria: DossierFilter, path: Path, title: str, language: str = "vi",
                at: dt.datetime | None = None) -> int:
    """Write every dossier matching `criteria` (list order) to `path`; returns how many rows were written."""
    moment = local(at or now())
    rows = list_dossiers(db, criteria, limit=EXPORT_LIMIT, at=moment)
    write_atomically(path, workbook_bytes(rows, title, language, moment))
    return len(rows)


def workbook_bytes(rows: list[DossierSummary], title: str, language: str, at: dt.datetime) -> bytes:
    from io import BytesIO  # noqa: PLC0415

    from openpyxl import Workbook  # noqa: PLC0415 (openpyxl loads only for an export)
    from openpyxl.styles import Font  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31] or "DS"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(list(HEADERS.get(language, HEADERS["vi"])))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.code or "", row.applicant_name, row.applicant_id_number, row.procedure_name,
                      label(row.status, language), _naive(row.accepted_at), _naive(row.due_at),
                      (days_overdue(row.due_at, at) or None) if row.overdue else None])
        keep_as_text(sheet[sheet.max_row])
    for column, width in zip("ABCDEFGH", (28, 30, 15, 50, 22, 17, 17, 10), strict=True):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=3, min_col=6, max_col=7):
        for cell in cells:
            cell.number_format = "dd/mm/yyyy hh:mm"
    sheet.freeze_panes = "A3"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _naive(moment: dt.datetime | None) -> dt.datetime | None:
    """Excel has no time zones: Vietnamese local time."""
    return local(moment).replace(tzinfo=None) if moment else None

"""The province's XLSX annex to its Quyết định công bố: title block, header row found by its names,
section rows naming the field, merged cells; times and fees as the published Vietnamese text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Final

from counter_app.catalogue_documents import split_lines
from counter_app.textfold import fold, nfc, one_line

HEADER_SEARCH_ROWS: Final = 40
_COLUMNS: Final = (
    ("number", ("stt", "so tt", "so thu tu")),
    ("code", ("ma tthc", "ma thu tuc", "ma so tthc", "ma so thu tuc", "ma tt")),
    ("name", ("ten thu tuc hanh chinh", "ten thu tuc", "ten tthc")),
    ("field", ("linh vuc",)),
    ("time_limit", ("thoi han giai quyet", "thoi gian giai quyet", "thoi han")),
    ("fee", ("phi, le phi", "phi le phi", "phi/le phi", "le phi", "phi")),
    ("documents", ("thanh phan ho so",)),
    ("channels", ("cach thuc thuc hien",)),
    ("legal_basis", ("can cu phap ly",)),
    ("effective_from", ("ngay hieu luc", "hieu luc tu")),
)
_REQUIRED: Final = {"code": "Mã TTHC", "name": "Tên thủ tục hành chính"}
_OPTIONAL_NEEDED: Final = {"time_limit": "Thời hạn giải quyết", "fee": "Phí, lệ phí"}
_SECTION: Final = re.compile(r"^\s*(?:[IVXLC]+|[A-Z]|\d{1,2})\s*[.)/-]\s*(.*)$")
_EFFECTIVE: Final = re.compile(
    r"hieu luc[^0-9]{0,30}?(?:ngay\s*)?(\d{1,2})\s*(?:/|thang)\s*(\d{1,2})\s*(?:/|nam)\s*(\d{4})")

Record = tuple[str, dict[str, Any]]


def read_annex(path: Path) -> tuple[list[Record], dt.date | None]:
    """(where, record) pairs from every sheet with a procedure table, and the title block's effective date."""
    from openpyxl import load_workbook  # noqa: PLC0415 (openpyxl loads only for a spreadsheet)

    workbook = load_workbook(path, data_only=True)
    records: list[Record] = []
    effective: dt.date | None = None
    found_table = False
    for sheet in workbook.worksheets:
        rows = _filled_rows(sheet)
        header_at = _header_row(rows)
        if header_at is None:
            continue
        found_table = True
        effective = effective or _title_date(rows[:header_at])
        records += _sheet_records(sheet.title, rows, header_at)
    if not found_table:
        raise ValueError("no_header")
    return records, effective


def _filled_rows(sheet: Any) -> list[list[Any]]:
    """The sheet's values, each merged range filled with its top-left value."""
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(merged.min_row, merged.min_col).value
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if r - 1 < len(rows):
                    row = rows[r - 1]
                    row.extend([None] * (c - len(row)))
                    row[c - 1] = value
    return rows


def _header_row(rows: list[list[Any]]) -> int | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = _columns(row)
        if "code" in columns and "name" in columns:
            return index
    return None


def _columns(row: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, cell in enumerate(row):
        label = re.sub(r"\s+", " ", fold(str(cell or ""))).strip(" :*()")
        if not label or len(label) > 80:
            continue
        for key, names in _COLUMNS:
            if key not in found and any(label == n or label.startswith(n + " ") or label.startswith(n + "(")
                                        or label.startswith(n + ",") for n in names):
                found[key] = position
                break
    return found


def _sheet_records(title: str, rows: list[list[Any]], header_at: int) -> list[Record]:
    columns = _columns(rows[header_at])
    missing = [label for key, label in _OPTIONAL_NEEDED.items() if key not in columns]
    records: list[Record] = []
    field = ""
    warned = False
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        cells = {key: _cell(row, at) for key, at in columns.items()}
        if not any(value not in (None, "") for value in row) or _numbering_row(row):
            continue
        section = _section_field(row, cells)
        if section is not None:
            field = section or field
            continue
        record = _record(cells, field)
        if records and _continues(records[-1][1], record):
            _merge_into(records[-1][1], record)
            continue
        if missing and not warned:
            names = ", ".join(missing)
            record["_warnings"] = [(f"trang «{title}» không có cột {names}: các thủ tục nhập với giá trị «chưa rõ»",
                                    f"sheet «{title}» has no column {names}: procedures get «unknown»")]
            warned = True
        record["_quiet"] = bool(missing)
        code = record["code"]
        records.append((f"{code or '—'} (trang {title}, dòng {number})", record))
    return records


def _record(cells: dict[str, Any], field: str) -> dict[str, Any]:
    channels = fold(str(cells.get("channels") or ""))
    record: dict[str, Any] = {
        "code": _code(cells.get("code")), "name": one_line(cells.get("name")),
        "field": one_line(cells.get("field")) or field,
        "time_limit": _raw(cells.get("time_limit")), "fee": _raw(cells.get("fee")),
        "legal_basis": one_line(cells.get("legal_basis")),
        "documents": split_lines(str(cells.get("documents") or "")),
        "_number": str(cells.get("number") or ""),
    }
    if channels:
        record["postal_eligible"] = "buu chinh" in channels
    if cells.get("effective_from") not in (None, ""):
        record["effective_from"] = cells["effective_from"]
    return record


def _continues(previous: dict[str, Any], record: dict[str, Any]) -> bool:
    """A row of the same procedure (its code and name cells merged over several rows, say one per document)."""
    same = (record["code"], record["name"], record["_number"]) == (previous["code"], previous["name"],
                                                                    previous["_number"])
    return bool(record["code"]) and same


def _merge_into(previous: dict[str, Any], record: dict[str, Any]) -> None:
    previous["documents"] += [line for line in record["documents"] if line not in previous["documents"]]
    for key in ("time_limit", "fee", "legal_basis", "field"):
        if previous.get(key) in (None, "") and record.get(key) not in (None, ""):
            previous[key] = record[key]


def _section_field(row: list[Any], cells: dict[str, Any]) -> str | None:
    """For a section row ("I. Lĩnh vực Hộ tịch", often merged across the table) the field it names ("" for
    a heading that names none); None for a procedure row."""
    code = str(cells.get("code") or "")
    if re.search(r"\d\.\d{3}", code):
        return None
    distinct = list(dict.fromkeys(nfc(str(v)).strip() for v in row if v not in (None, "")))
    if len(distinct) > 2 or (len(distinct) == 2 and not _SECTION.match(distinct[0] + ". x")):
        return None if cells.get("name") else ""
    text = distinct[-1]  # "I" | "Lĩnh vực Hộ tịch" in two cells: the name is the second
    match = _SECTION.match(text)
    body = match.group(1) if match else text
    if "linh vuc" not in fold(body) and not match:
        return "" if not cells.get("name") or cells.get("name") == text else None
    field = re.sub(r"^\s*l[iĩ]nh\s+v[uự]c\s*:?\s*", "", body, flags=re.IGNORECASE).strip() or body
    return field.capitalize() if field.isupper() else field


def _numbering_row(row: list[Any]) -> bool:
    """The "(1) (2) (3)…" row some annexes put under the header."""
    values = [str(v).strip() for v in row if v not in (None, "")]
    return bool(values) and all(re.fullmatch(r"\(?\d{1,2}\)?", v) for v in values) and len(values) > 2


def _title_date(rows: list[list[Any]]) -> dt.date | None:
    for row in rows:
        for value in row:
            found = _EFFECTIVE.search(fold(str(value or "")))
            if found:
                try:
                    return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
                except ValueError:
                    return None
    return None


def _cell(row: list[Any], at: int) -> Any:
    return row[at] if at < len(row) else None


def _code(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6f}"
    return "".join(str(value or "").split())


def _raw(value: Any) -> str | float:
    """Text as published; a bare number stays a number (working days, or đồng)."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return nfc(str(value)).strip()



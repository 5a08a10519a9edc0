"""Reads a province's procedure catalogue from JSON or XLSX, reporting every bad row at once."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from counter_app.errors import ValidationError
from counter_app.messages import Bilingual
from counter_app.model import DocumentKind, FeeRule, Procedure, RequiredDocument
from counter_app.textfold import fold, nfc

PROCEDURE_CODE = re.compile(r"\d\.\d{6}(\.[A-Z0-9]+)*")
FEE_KINDS = {"free": "free", "mien phi": "free", "fixed": "fixed", "co dinh": "fixed",
             "per_page": "per_page", "theo trang": "per_page", "per_copy": "per_copy", "theo ban": "per_copy"}
DOCUMENT_KINDS = {
    "original": DocumentKind.ORIGINAL, "ban chinh": DocumentKind.ORIGINAL,
    "certified_copy": DocumentKind.CERTIFIED_COPY, "ban sao chung thuc": DocumentKind.CERTIFIED_COPY,
    "ban sao": DocumentKind.CERTIFIED_COPY, "copy": DocumentKind.COPY, "ban photo": DocumentKind.COPY,
}
PROCEDURE_SHEET, DOCUMENT_SHEET = "thutuc", "giayto"
_HEADERS = {
    "ma tthc": "code", "ten thu tuc": "name", "linh vuc": "field", "thoi han": "processing_days",
    "ap dung 15h": "cutoff_applies", "loai phi": "fee_kind", "muc phi": "fee_amount",
    "so trang dau": "first_pages", "phi trang dau": "first_page_amount",
    "phi trang sau": "later_page_amount", "toi da moi ban": "cap_per_copy", "buu chinh": "postal_eligible",
    "phai co mat": "presence_required", "hieu luc tu": "effective_from", "nguon": "source",
    "stt": "position", "ten giay to": "name", "loai": "kind", "so luong": "quantity",
    "bat buoc": "mandatory", "mau": "template",
}


class _Problems:
    """Collects row-level problems in both languages."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, vi: str, en: str) -> None:
        self.items.append((f"{where}: {vi}", f"{where}: {en}"))

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(
                "import.errors", count=len(self.items),
                errors=Bilingual("\n".join(vi for vi, _ in self.items), "\n".join(en for _, en in self.items)),
            )


def import_file(path: Path) -> list[Procedure]:
    """Procedures from a .json or .xlsx file; ValidationError listing every bad row."""
    try:
        if path.suffix.lower() == ".xlsx":
            return parse_xlsx(path)
        return parse_json(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError) as error:
        raise ValidationError("import.format", name=path.name, detail=str(error)) from error


def parse_json(data: Any) -> list[Procedure]:
    if not isinstance(data, dict) or not isinstance(data.get("procedures"), list):
        raise ValueError("expected an object with a 'procedures' list")
    problems = _Problems()
    defaults = {"effective_from": data.get("effective_from"), "source": data.get("source", "")}
    result = []
    for index, record in enumerate(data["procedures"], start=1):
        where = f"Thủ tục thứ {index}"
        if not isinstance(record, dict):
            problems.add(where, "không phải một đối tượng", "not an object")
            continue
        documents = [
            _document(doc, f"{where}, giấy tờ {n}", n, problems)
            for n, doc in enumerate(record.get("documents") or [], start=1)
        ]
        procedure = _procedure({**defaults, **record}, where, documents, problems)
        if procedure:
            result.append(procedure)
    _check_duplicates(result, problems)
    problems.raise_if_any()
    return result


def parse_xlsx(path: Path) -> list[Procedure]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    sheets = {fold(name).replace(" ", ""): workbook[name] for name in workbook.sheetnames}
    if PROCEDURE_SHEET not in sheets:
        raise ValueError("sheet 'ThuTuc' is missing")
    problems = _Problems()
    documents: dict[str, list[RequiredDocument]] = {}
    for where, record in _rows(sheets.get(DOCUMENT_SHEET), "GiayTo"):
        code = str(record.get("code") or "").strip()
        doc = _document(record, where, len(documents.get(code, [])) + 1, problems)
        if doc:
            documents.setdefault(code, []).append(doc)
    result = []
    for where, record in _rows(sheets[PROCEDURE_SHEET], "ThuTuc"):
        code = str(record.get("code") or "").strip()
        procedure = _procedure(record, where, documents.pop(code, []), problems)
        if procedure:
            result.append(procedure)
    for code in documents:
        problems.add("GiayTo", f"giấy tờ của thủ tục «{code}» không có trong trang ThuTuc",
                     f"documents of procedure «{code}» that is not in sheet ThuTuc")
    _check_duplicates(result, problems)
    problems.raise_if_any()
    return result


def _rows(sheet: Any, label: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if sheet is None:
        return
    rows = sheet.iter_rows(values_only=True)
    header = [_HEADERS.get(fold(str(cell or "")).split("(")[0].strip(), "") for cell in next(rows, ())]
    for number, values in enumerate(rows, start=2):
        if any(value not in (None, "") for value in values):
            yield f"Trang {label}, dòng {number}", dict(zip(header, values, strict=False))


def _procedure(
    record: dict[str, Any], where: str, documents: Sequence[RequiredDocument | None], problems: _Problems,
) -> Procedure | None:
    before = len(problems.items)
    code = str(record.get("code") or "").strip()
    name = nfc(str(record.get("name") or "")).strip()
    if not PROCEDURE_CODE.fullmatch(code):
        problems.add(where, f"mã thủ tục «{code}» không hợp lệ (ví dụ 1.001193)",
                     f"procedure code «{code}» is invalid (e.g. 1.001193)")
    if not name:
        problems.add(where, "thiếu tên thủ tục", "the name is missing")
    days = _non_negative_int(record.get("processing_days"), where, "thời hạn giải quyết", problems)
    effective = _date(record.get("effective_from"), where, problems)
    fee = _fee(record, where, problems)
    if len(problems.items) > before or days is None or effective is None or fee is None:
        return None
    return Procedure(
        code=code, name=name, field=nfc(str(record.get("field") or "")), effective_from=effective,
        processing_days=days, cutoff_applies=_bool(record.get("cutoff_applies"), days == 0), fee=fee,
        documents=tuple(d for d in documents if d is not None),
        postal_eligible=_bool(record.get("postal_eligible"), True),
        presence_required=_bool(record.get("presence_required"), False),
        source=nfc(str(record.get("source") or "")),
    )


def _document(record: Any, where: str, position: int, problems: _Problems) -> RequiredDocument | None:
    if not isinstance(record, dict):
        problems.add(where, "không phải một đối tượng", "not an object")
        return None
    name = nfc(str(record.get("name") or "")).strip()
    kind = DOCUMENT_KINDS.get(fold(str(record.get("kind") or "original")).strip())
    quantity = _non_negative_int(record.get("quantity", 1), where, "số lượng", problems)
    if not name:
        problems.add(where, "thiếu tên giấy tờ", "the document name is missing")
    if kind is None:
        problems.add(where, f"loại giấy tờ «{record.get('kind')}» không hợp lệ (bản chính, bản sao, bản photo)",
                     f"document kind «{record.get('kind')}» is invalid (original, certified_copy, copy)")
    if not name or kind is None or not quantity:
        return None
    return RequiredDocument(
        position=int(record.get("position") or position), name=name, kind=kind, quantity=quantity,
        mandatory=_bool(record["mandatory"], False) if "mandatory" in record else True,
        template=str(record.get("template") or ""),
    )


def _fee(record: dict[str, Any], where: str, problems: _Problems) -> FeeRule | None:
    raw = record.get("fee") if isinstance(record.get("fee"), dict) else _flat_fee(record)
    assert isinstance(raw, dict)
    kind = FEE_KINDS.get(fold(str(raw.get("kind") or "free")).strip())
    if kind is None:
        given = raw.get("kind")
        problems.add(where, f"loại phí «{given}» không hợp lệ", f"fee kind «{given}» is invalid")
        return None
    amounts: dict[str, int] = {}
    for key in ("amount", "first_pages", "first_page_amount", "later_page_amount", "cap_per_copy"):
        if raw.get(key) in (None, ""):
            continue
        value = _non_negative_int(raw[key], where, f"phí ({key})", problems)
        if value is None:
            return None
        amounts[key] = value
    return FeeRule(kind=kind, note=nfc(str(raw.get("note") or "")), **amounts)


def _flat_fee(record: dict[str, Any]) -> dict[str, Any]:
    keys = ("first_pages", "first_page_amount", "later_page_amount", "cap_per_copy")
    return {"kind": record.get("fee_kind"), "amount": record.get("fee_amount")} | {k: record.get(k) for k in keys}


def _check_duplicates(procedures: list[Procedure], problems: _Problems) -> None:
    seen: set[tuple[str, dt.date]] = set()
    for procedure in procedures:
        key = (procedure.code, procedure.effective_from)
        if key in seen:
            problems.add(procedure.code, "thủ tục bị lặp với cùng ngày hiệu lực",
                         "listed twice with the same effective date")
        seen.add(key)


def _non_negative_int(value: Any, where: str, label: str, problems: _Problems) -> int | None:
    number = _whole_number(value)
    if number is None or number < 0:
        problems.add(where, f"{label} phải là số nguyên không âm (nhận được «{value}»)",
                     f"{label} must be a non-negative whole number (got «{value}»)")
        return None
    return number


def _whole_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _date(value: Any, where: str, problems: _Problems) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        problems.add(where, f"ngày hiệu lực «{value}» không hợp lệ (YYYY-MM-DD)",
                     f"effective date «{value}» is invalid (YYYY-MM-DD)")
        return None


def _bool(value: Any, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return fold(str(value)).strip() in {"1", "true", "x", "co", "yes"}

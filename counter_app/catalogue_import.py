"""Reads a procedure catalogue (national records, the province's XLSX annex, the project's JSON) into
procedures, naming every problem by procedure code; bad procedures are listed, never silently dropped."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from counter_app import limits
from counter_app.catalogue_annex import read_annex
from counter_app.catalogue_documents import DocumentLine, classify
from counter_app.catalogue_national import national_record, national_records
from counter_app.errors import ValidationError
from counter_app.messages import Bilingual, os_reason
from counter_app.model import (
    ChannelTerms,
    DocumentKind,
    FeeKind,
    FeeRule,
    Procedure,
    ProcedureCase,
    ProcedureChannel,
    RequiredDocument,
    TimeLimit,
    TimeUnit,
)
from counter_app.published_terms import parse_fee, parse_time_limit, split_channels
from counter_app.textfold import fold, one_line

PROCEDURE_CODE: Final = re.compile(r"\d\.\d{6}(\.[A-Za-z0-9]+)*")
CHANNELS: Final = {
    "direct": ProcedureChannel.DIRECT, "truc tiep": ProcedureChannel.DIRECT, "1": ProcedureChannel.DIRECT,
    "online": ProcedureChannel.ONLINE, "truc tuyen": ProcedureChannel.ONLINE, "2": ProcedureChannel.ONLINE,
    "postal": ProcedureChannel.POSTAL, "buu chinh": ProcedureChannel.POSTAL, "3": ProcedureChannel.POSTAL,
}
LEGACY_FEE_KINDS: Final = {"free": FeeKind.NONE, "mien phi": FeeKind.NONE, "none": FeeKind.NONE,
                           "fixed": FeeKind.FIXED, "co dinh": FeeKind.FIXED, "per_page": FeeKind.PER_PAGE,
                           "theo trang": FeeKind.PER_PAGE, "per_copy": FeeKind.PER_COPY,
                           "theo ban": FeeKind.PER_COPY, "unknown": FeeKind.UNKNOWN}
DOCUMENT_KINDS: Final = {
    "original": DocumentKind.ORIGINAL, "ban chinh": DocumentKind.ORIGINAL,
    "certified_copy": DocumentKind.CERTIFIED_COPY, "ban sao chung thuc": DocumentKind.CERTIFIED_COPY,
    "ban sao": DocumentKind.CERTIFIED_COPY, "copy": DocumentKind.COPY, "ban photo": DocumentKind.COPY,
}


@dataclass(frozen=True)
class Problem:
    """One error or warning about one procedure (or row), in both languages."""

    where: str
    vi: str
    en: str

    def text(self, lang: str) -> str:
        return f"{self.where}: {self.en if lang == 'en' else self.vi}"


@dataclass
class ImportReport:
    """What a file holds: the valid procedures, the procedures refused (with why), and warnings."""

    procedures: list[Procedure] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def error(self, where: str, vi: str, en: str) -> None:
        self.errors.append(Problem(where, vi, en))

    def warn(self, where: str, vi: str, en: str) -> None:
        self.warnings.append(Problem(where, vi, en))


def read_catalogue(path: Path, effective_from: dt.date | None = None) -> ImportReport:
    """Every procedure of a .json (national records or the project's format) or .xlsx (annex) file."""
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415 (openpyxl: for a file import)

    try:
        if path.suffix.lower() in {".xlsx", ".xlsm"}:
            records, file_date = read_annex(path)
        else:
            records, file_date = json_records(json.loads(path.read_text("utf-8-sig")))
    except ValidationError:
        raise
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, InvalidFileException) as error:
        raise ValidationError("import.format", name=path.name, detail=_reason(error)) from error
    return build(records, effective_from or file_date)


def parse_catalogue(data: Any, effective_from: dt.date | None = None) -> ImportReport:
    """The same, from JSON already decoded (the hub's publications)."""
    records, file_date = json_records(data)
    return build(records, effective_from or file_date)


def parse_json(data: Any) -> list[Procedure]:
    """Procedures of a JSON catalogue; ValidationError listing every problem when any procedure is bad."""
    report = parse_catalogue(data)
    refuse_if_invalid(report)
    return report.procedures


def refuse_if_invalid(report: ImportReport) -> None:
    if report.errors:
        raise ValidationError("import.errors", count=len(report.errors),
                              errors=_joined(report.errors))


def json_records(data: Any) -> tuple[list[tuple[str, dict[str, Any]]], dt.date | None]:
    """(where, record) pairs in the common shape, and the file's effective date if it has one."""
    national = national_records(data)
    if national is not None:
        return [national_record(item, n) for n, item in enumerate(national, start=1)], None
    if not isinstance(data, dict) or not isinstance(data.get("procedures"), list):
        raise ValueError("expected_catalogue")
    defaults = {"source": data.get("source", "")}
    records = []
    for n, record in enumerate(data["procedures"], start=1):
        if not isinstance(record, dict):
            records.append((f"#{n}", {"_not_object": True}))
            continue
        code = str(record.get("code") or "").strip()
        records.append((code or f"#{n}", {**defaults, **record}))
    file_date = data.get("effective_from")
    return records, _date(file_date) if file_date else None


def build(records: Iterable[tuple[str, dict[str, Any]]], effective_from: dt.date | None) -> ImportReport:
    """Procedures from records in the common shape; every problem named by code (and row)."""
    records = list(records)
    if effective_from is None and any(not record.get("effective_from") for _, record in records):
        raise ValidationError("import.no_effective_date")
    report = ImportReport()
    seen: set[tuple[str, dt.date]] = set()
    for where, record in records:
        before = len(report.errors)
        procedure = _procedure(where, record, effective_from, report)
        if procedure is not None:
            _check_limits(where, procedure, report)
        if procedure is not None and (procedure.code, procedure.effective_from) in seen:
            report.error(where, "thủ tục bị lặp với cùng ngày hiệu lực", "listed twice with the same effective date")
            procedure = None
        if procedure is None or len(report.errors) > before:
            report.skipped.append(where)
            continue
        seen.add((procedure.code, procedure.effective_from))
        report.procedures.append(procedure)
    return report


def _check_limits(where: str, procedure: Procedure, report: ImportReport) -> None:
    """The core's input limits on the names a dossier later carries, so intake, its events and the hub accept
    whatever the catalogue offers."""
    texts = [(procedure.name, limits.PROCEDURE_NAME), (procedure.field, limits.PROCEDURE_FIELD)]
    for case in procedure.cases:
        texts += [(case.name, limits.PROCEDURE_NAME)] + [(d.name, limits.DOCUMENT_NAME) for d in case.documents]
        if len(case.documents) > limits.DOCUMENTS[1]:
            report.error(where, f"trường hợp {case.number} có quá {limits.DOCUMENTS[1]} giấy tờ",
                         f"case {case.number} lists more than {limits.DOCUMENTS[1]} documents")
    for value, limit in texts:
        try:
            limits.text(value, limit)
        except ValidationError as refused:
            report.error(where, refused.message("vi"), refused.message("en"))


def _procedure(
    where: str, record: dict[str, Any], effective_from: dt.date | None, report: ImportReport,
) -> Procedure | None:
    if record.get("_not_object"):
        report.error(where, "không phải một đối tượng", "not an object")
        return None
    for vi, en in record.get("_errors", ()):
        report.error(where, vi, en)
    for vi, en in record.get("_warnings", ()):
        report.warn(where, vi, en)
    code = str(record.get("code") or "").strip()
    name = one_line(record.get("name"))
    if not code:
        report.error(where, "thiếu mã thủ tục", "the procedure code is missing")
    elif not PROCEDURE_CODE.fullmatch(code):
        report.error(where, f"mã thủ tục «{code}» không hợp lệ (ví dụ 1.001193)",
                     f"procedure code «{code}» is invalid (e.g. 1.001193)")
    if not name:
        report.error(where, "thiếu tên thủ tục", "the name is missing")
    effective = _effective(record, effective_from, where, report)
    terms = _terms(record, where, report, required=True)
    cases = _cases(record, where, report)
    if effective is None or terms is None or cases is None:
        return None
    same_day = terms[0].time_limit.unit is TimeUnit.SAME_DAY  # the direct channel's
    return Procedure(
        code=code, name=name, field=one_line(record.get("field")), effective_from=effective, terms=terms,
        cases=cases, cutoff_applies=_bool(record.get("cutoff_applies"), same_day),
        postal_eligible=_bool(record.get("postal_eligible"), True),
        presence_required=_bool(record.get("presence_required"), False),
        source=one_line(record.get("source")), legal_basis=one_line(record.get("legal_basis")),
        result=one_line(record.get("result")), agency=one_line(record.get("agency")),
    )


def _effective(
    record: dict[str, Any], default: dt.date | None, where: str, report: ImportReport,
) -> dt.date | None:
    given = record.get("effective_from")
    if given in (None, ""):
        if default is None:
            report.error(where, "thiếu ngày hiệu lực", "the effective date is missing")
        return default
    try:
        return _date(given)
    except ValueError:
        report.error(where, f"ngày hiệu lực «{given}» không hợp lệ (YYYY-MM-DD)",
                     f"effective date «{given}» is invalid (YYYY-MM-DD)")
        return None


def _terms(
    record: dict[str, Any], where: str, report: ImportReport, required: bool,
) -> tuple[ChannelTerms, ...] | None:
    times = _per_channel(record.get("time_limit"), _time_limit)
    if not times and "processing_days" in record:
        days = _whole_number(record["processing_days"])
        if days is None or days < 0:
            given = record["processing_days"]
            report.error(where, f"thời hạn giải quyết phải là số nguyên không âm (nhận được «{given}»)",
                         f"the time limit must be a non-negative whole number (got «{given}»)")
            return None
        times = {ProcedureChannel.DIRECT: _days(days)}
    fees = _per_channel(record.get("fee"), _fee_value, record.get("fee_text"))
    if fees is None or times is None:
        report.error(where, "phí, lệ phí không hợp lệ", "the fee is invalid")
        return None
    if not required and not times and not fees:
        return ()
    if not record.get("_quiet"):
        _warn_terms(where, times, fees, report, required)
    direct_time = times.get(ProcedureChannel.DIRECT, TimeLimit())
    direct_fee = fees.get(ProcedureChannel.DIRECT, FeeRule())
    channels = [c for c in ProcedureChannel if c in times or c in fees] or [ProcedureChannel.DIRECT]
    if ProcedureChannel.DIRECT not in channels:
        channels.insert(0, ProcedureChannel.DIRECT)
    return tuple(ChannelTerms(c, times.get(c, direct_time), fees.get(c, direct_fee)) for c in channels)


def _warn_terms(
    where: str, times: dict[ProcedureChannel, TimeLimit], fees: dict[ProcedureChannel, FeeRule],
    report: ImportReport, required: bool,
) -> None:
    direct_time = times.get(ProcedureChannel.DIRECT, TimeLimit())
    if required and not direct_time.stated:
        shown = direct_time.text or "—"
        report.warn(where, f"thời hạn giải quyết chưa rõ («{shown}»): thủ tục chưa được tiếp nhận cho đến khi "
                    "quản trị viên nhập thời hạn", f"time limit not stated («{shown}»): the procedure is not "
                    "offered at intake until an administrator sets it")
    for fee in fees.values() or ([FeeRule()] if required else []):
        if fee.kind is FeeKind.UNKNOWN:
            shown = fee.text or "—"
            report.warn(where, f"không đọc được phí, lệ phí («{shown}»): ghi là «chưa rõ»",
                        f"fee not understood («{shown}»): recorded as unknown")
            break


def _per_channel(value: Any, parse: Any, fallback: Any = None) -> dict[ProcedureChannel, Any] | None:
    if value is None and fallback is not None:
        value = fallback
    if value is None or value in ("", {}):
        return {}
    if isinstance(value, dict) and all(fold(str(k)) in CHANNELS for k in value):
        parsed = {CHANNELS[fold(str(k))]: parse(v) for k, v in value.items()}
        return None if any(v is None for v in parsed.values()) else parsed
    if isinstance(value, str):
        labelled = split_channels(value)
        if labelled:
            return {CHANNELS[k]: parse(v) for k, v in labelled.items()}
    parsed = parse(value)
    return None if parsed is None else {ProcedureChannel.DIRECT: parsed}


def _time_limit(value: Any) -> TimeLimit | None:
    if isinstance(value, TimeLimit):
        return value
    if isinstance(value, dict):
        try:
            return TimeLimit(TimeUnit(str(value.get("unit"))), float(value.get("amount") or 0),
                             one_line(value.get("text")))
        except ValueError:
            return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _days(value) if value >= 0 else None
    return parse_time_limit(str(value))


def _fee_value(value: Any) -> FeeRule | None:
    if isinstance(value, FeeRule):
        return value
    if isinstance(value, dict):
        return _explicit_fee(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return FeeRule(FeeKind.FIXED, amount=int(value), text=f"{int(value):,} đồng".replace(",", ".")) \
            if value > 0 else FeeRule(FeeKind.NONE, text="0")
    return parse_fee(str(value))


def _explicit_fee(raw: dict[str, Any]) -> FeeRule | None:
    kind = LEGACY_FEE_KINDS.get(fold(str(raw.get("kind") or "")).strip())
    if kind is None:
        text = one_line(raw.get("text"))
        return parse_fee(text) if text else None
    amounts: dict[str, int] = {}
    for key in ("amount", "first_pages", "first_page_amount", "later_page_amount", "cap_per_copy"):
        if raw.get(key) in (None, ""):
            continue
        number = _whole_number(raw[key])
        if number is None or number < 0:
            return None
        amounts[key] = number
    return FeeRule(kind=kind, currency=str(raw.get("currency") or "VND"), note=one_line(raw.get("note")),
                   text=one_line(raw.get("text")), **amounts)


def _days(days: float) -> TimeLimit:
    """A bare number of days, read as working days (0: the same day)."""
    if days == 0:
        return TimeLimit(TimeUnit.SAME_DAY, 0, "Trong ngày")
    shown = f"{int(days):02d}" if float(days).is_integer() else f"{days:g}".replace(".", ",")
    return TimeLimit(TimeUnit.WORKING_DAYS, float(days), f"{shown} ngày làm việc")


def _cases(record: dict[str, Any], where: str, report: ImportReport) -> tuple[ProcedureCase, ...] | None:
    raw = record.get("cases")
    if not isinstance(raw, list) or not raw:
        raw = [{"name": "", "documents": record.get("documents") or []}]
    cases = []
    for number, case in enumerate(raw, start=1):
        if not isinstance(case, dict):
            report.error(where, f"trường hợp {number} không phải một đối tượng", f"case {number} is not an object")
            return None
        terms = _terms(case, f"{where}, trường hợp {number}", report, required=False)
        documents = _documents(case.get("documents") or [], f"{where}, trường hợp {number}", report)
        if terms is None or documents is None:
            return None
        cases.append(ProcedureCase(number, one_line(case.get("name")), documents, terms))
    return tuple(cases)


def _documents(raw: list[Any], where: str, report: ImportReport) -> tuple[RequiredDocument, ...] | None:
    entries: list[tuple[str, dict[str, Any]]] = []
    for n, item in enumerate(raw, start=1):
        if isinstance(item, str):
            entries.append((item, {}))
        elif isinstance(item, dict):
            entries.append((one_line(item.get("name")), item))
        else:
            report.error(where, f"giấy tờ {n} không phải một đối tượng", f"document {n} is not an object")
            return None
    documents = []
    for position, line in enumerate(classify(entries), start=1):
        document = _document(line, position, f"{where}, giấy tờ {position}", report)
        if document is None:
            return None
        documents.append(document)
    return tuple(documents)


def _document(line: DocumentLine, position: int, where: str, report: ImportReport) -> RequiredDocument | None:
    extra = line.extra
    if not line.name:
        report.error(where, "thiếu tên giấy tờ", "the document name is missing")
        return None
    kind = DOCUMENT_KINDS.get(fold(str(extra.get("kind") or "original")).strip())
    if kind is None:
        report.error(where, f"loại giấy tờ «{extra.get('kind')}» không hợp lệ (bản chính, bản sao, bản photo)",
                     f"document kind «{extra.get('kind')}» is invalid (original, certified_copy, copy)")
        return None
    counts = _counts(extra, kind)
    if counts is None:
        report.error(where, f"số lượng giấy tờ không hợp lệ (nhận được «{extra.get('quantity')}»)",
                     f"the document count is invalid (got «{extra.get('quantity')}»)")
        return None
    originals, certified, copies = counts
    if originals + certified + copies == 0:
        report.warn(where, "số lượng 0: giữ lại như một ghi chú, không bắt buộc",
                    "quantity 0: kept as a note, not required")
    mandatory = _bool(extra["mandatory"], False) if "mandatory" in extra else True
    return RequiredDocument(
        position=position, name=line.name, kind=_main_kind(originals, certified, copies, kind),
        quantity=max(originals, certified, copies, 0), mandatory=mandatory,
        template=one_line(extra.get("template")), originals=originals, certified_copies=certified, copies=copies,
        show_only=_bool(extra.get("show_only"), line.show_only),
        condition=one_line(extra["condition"]) if "condition" in extra else line.condition,
        group=one_line(extra["group"]) if "group" in extra else line.group,
    )


def _counts(extra: dict[str, Any], kind: DocumentKind) -> tuple[int, int, int] | None:
    if any(key in extra for key in ("originals", "certified_copies", "copies")):
        values = [_whole_number(extra.get(key) or 0) for key in ("originals", "certified_copies", "copies")]
        if any(v is None or v < 0 for v in values):
            return None
        return values[0] or 0, values[1] or 0, values[2] or 0
    quantity = _whole_number(extra.get("quantity", 1))
    if quantity is None or quantity < 0:
        return None
    return (quantity if kind is DocumentKind.ORIGINAL else 0, quantity if kind is DocumentKind.CERTIFIED_COPY else 0,
            quantity if kind is DocumentKind.COPY else 0)


def _main_kind(originals: int, certified: int, copies: int, default: DocumentKind) -> DocumentKind:
    if originals:
        return DocumentKind.ORIGINAL
    if certified:
        return DocumentKind.CERTIFIED_COPY
    return DocumentKind.COPY if copies else default


def _joined(problems: list[Problem]) -> Bilingual:
    return Bilingual("\n".join(p.text("vi") for p in problems), "\n".join(p.text("en") for p in problems))


_REASONS: Final = {
    "no_header": Bilingual("không tìm thấy dòng tiêu đề có cột «Mã TTHC» và «Tên thủ tục hành chính»",
                           "no header row with the columns «Mã TTHC» and «Tên thủ tục hành chính»"),
    "expected_catalogue": Bilingual(
        "cần một đối tượng có danh sách «procedures», hoặc bản ghi CSDL quốc gia (MATTHC, TENTTHC…)",
        "expected an object with a 'procedures' list, or national records (MATTHC, TENTTHC…)"),
}


def _reason(error: Exception) -> Bilingual:
    """A library's exception as a translated reason (never raw English alone)."""
    if isinstance(error, json.JSONDecodeError):
        return Bilingual(f"JSON sai cú pháp ở dòng {error.lineno}, cột {error.colno}",
                         f"invalid JSON at line {error.lineno}, column {error.colno}")
    if isinstance(error, UnicodeDecodeError):
        return Bilingual("tệp không phải văn bản UTF-8", "the file is not UTF-8 text")
    if isinstance(error, zipfile.BadZipFile) or type(error).__name__ == "InvalidFileException":
        return Bilingual("không phải tệp Excel .xlsx hợp lệ", "not a valid Excel .xlsx file")
    if isinstance(error, OSError):
        reason = os_reason(error)
        return Bilingual(f"không mở được tệp ({reason.vi})", f"cannot open the file ({reason.en})")
    return _REASONS.get(str(error)) or Bilingual(f"nội dung không đọc được ({type(error).__name__})",
                                                 f"unreadable content ({type(error).__name__}: {error})")




def _whole_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return dt.date.fromisoformat(text)


def _bool(value: Any, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return fold(str(value)).strip() in {"1", "true", "x", "co", "yes"}

"""The national TTHC database's record shape (MATTHC, CACHTHUCTHUCHIEN, THANHPHANHOSO…) as catalogue records."""

from __future__ import annotations

import html
import re
from typing import Any, Final

from counter_app.model import FeeKind, FeeRule
from counter_app.published_terms import parse_fee, time_limit_from_parts
from counter_app.textfold import fold, one_line

_CHANNEL_KEYS: Final = {"1": "direct", "2": "online", "3": "postal"}
_CHANNEL_NAMES: Final = {"truc tiep": "direct", "truc tuyen": "online", "buu chinh": "postal"}
_BREAK: Final = re.compile(r"<\s*(br|/p|/li|/div)\s*/?\s*>", re.IGNORECASE)
_TAG: Final = re.compile(r"<[^>]{0,200}>")
_CURRENCIES: Final = {"usd": "USD", "do la my": "USD", "eur": "EUR"}


def is_national(record: dict[str, Any]) -> bool:
    keys = {str(key).upper() for key in record}
    return "MATTHC" in keys or "TENTTHC" in keys


def national_records(data: Any) -> list[dict[str, Any]] | None:
    """The national records in `data`: one record, a list, or a list under a wrapper key as web services
    answer ({"result": […]}, {"data": […]}); None when `data` holds none."""
    if isinstance(data, dict) and not is_national(data):
        lists = [value for value in data.values() if isinstance(value, list | dict)]
        data = next((value for value in lists if national_records(value) is not None), None)
    items = data if isinstance(data, list) else [data]
    if items and all(isinstance(item, dict) and is_national(item) for item in items):
        return [_plain(item) for item in items]
    return None


def _plain(value: Any) -> Any:
    """Keys in upper case; text without the HTML markup the national database's fields may carry."""
    if isinstance(value, dict):
        return {str(key).upper(): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, str) and ("<" in value or "&" in value):
        text = _TAG.sub(" ", _BREAK.sub("\n", value))
        return html.unescape(text)
    return value


def national_record(record: dict[str, Any], number: int) -> tuple[str, dict[str, Any]]:
    """(where, record in the common shape) for one national record; problems ride along in `_errors`."""
    code = one_line(record.get("MATTHC"))
    where = code or f"#{number}"
    errors: list[tuple[str, str]] = []
    warnings: list[tuple[str, str]] = []
    state = record.get("TRANGTHAI")
    if state not in (None, "", 1, "1"):
        warnings.append((f"trạng thái {state} (không phải «đã công bố»)", f"status {state} (not «published»)"))
    times, fees = _channels(record.get("CACHTHUCTHUCHIEN"), errors, warnings)
    common = {
        "code": code, "name": one_line(record.get("TENTTHC")),
        "field": "; ".join(_names(record.get("LINHVUCTHUCHIEN"), ("TENLINHVUC", "TEN", "TENLV"))),
        "time_limit": times, "fee": fees,
        "cases": _cases(record.get("THANHPHANHOSO"), errors),
        "legal_basis": "; ".join(_legal(record.get("CANCUPHAPLY"))),
        "result": "; ".join(_names(record.get("KETQUATHUCHIEN"), ("TENKETQUA",))),
        "agency": "; ".join(_names(record.get("COQUANTHUCHIEN"), ("TENDONVI", "TENCOQUAN"))),
        "source": "CSDL quốc gia về TTHC",
        "_errors": errors, "_warnings": warnings,
    }
    return where, common


def _channels(raw: Any, errors: list[tuple[str, str]],
              warnings: list[tuple[str, str]]) -> tuple[dict[str, Any], dict[str, Any]]:
    times: dict[str, Any] = {}
    fees: dict[str, Any] = {}
    for entry in _list(raw):
        if not isinstance(entry, dict):
            errors.append(("CACHTHUCTHUCHIEN có phần tử không phải đối tượng", "CACHTHUCTHUCHIEN has a non-object"))
            continue
        channel = _channel(entry.get("KENH")) if entry.get("KENH") not in (None, "") else "direct"
        if channel is None:
            warnings.append((f"kênh «{entry.get('KENH')}» không rõ (1, 2 hoặc 3): bỏ qua",
                             f"unknown channel «{entry.get('KENH')}» (1, 2 or 3): left out"))
            continue
        slots = [t for t in _list(entry.get("THOIGIAN")) if isinstance(t, dict)]
        first = slots[0] if slots else {}
        times[channel] = time_limit_from_parts(first.get("THOIGIANGIAIQUYET"), first.get("DONVITINH"),
                                               first.get("MOTA"))
        entries = [f for t in slots for f in _list(t.get("PHILEPHI")) if isinstance(f, dict)]
        entries += [f for f in _list(entry.get("PHILEPHI")) if isinstance(f, dict)]
        fees[channel] = _fee(entries)
    times = {k: v for k, v in times.items() if v.stated or v.text or k == "direct"}
    return times, fees


def _channel(value: Any) -> str | None:
    key = fold(str(value or "")).strip()
    return _CHANNEL_KEYS.get(key) or _CHANNEL_NAMES.get(key)


def _fee(entries: list[dict[str, Any]]) -> FeeRule:
    """One channel's PHILEPHI: amounts in SOTIEN (with DONVI), structure and exemptions in MOTA."""
    if not entries:
        return FeeRule(FeeKind.UNKNOWN, text="")
    texts = [one_line(e.get("MOTA")) for e in entries]
    amounts = [_amount(e.get("SOTIEN")) for e in entries]
    currency = _CURRENCIES.get(fold(one_line(entries[0].get("DONVI"))), "VND")
    original = "; ".join(t or _money_text(a, currency) for a, t in zip(amounts, texts, strict=True))
    from_text = parse_fee("; ".join(t for t in texts if t)) if any(texts) else FeeRule()
    priced = [a for a in amounts if a]
    if from_text.kind in (FeeKind.PER_PAGE, FeeKind.PER_COPY) or (not priced and from_text.kind is not FeeKind.UNKNOWN):
        return FeeRule(**{**from_text.__dict__, "text": original})
    if not priced:
        zero = all(a == 0 for a in amounts if a is not None) and any(a == 0 for a in amounts)
        return FeeRule(FeeKind.NONE if zero else FeeKind.UNKNOWN, text=original)
    note = original if len(priced) > 1 or "mien" in fold(original) else ""
    return FeeRule(FeeKind.FIXED, amount=priced[0], currency=currency, note=note, text=original)


def _cases(raw: Any, errors: list[tuple[str, str]]) -> list[dict[str, Any]]:
    cases = []
    for number, entry in enumerate(_list(raw), start=1):
        if not isinstance(entry, dict):
            errors.append((f"THANHPHANHOSO {number} không phải đối tượng", f"THANHPHANHOSO {number} is not an object"))
            continue
        documents = [_document(doc) for doc in _list(entry.get("GIAYTO")) if isinstance(doc, dict)]
        cases.append({"name": one_line(entry.get("TRUONGHOP")), "documents": documents})
    return cases


def _document(doc: dict[str, Any]) -> dict[str, Any]:
    originals = _count(doc.get("SOBANCHINH"))
    copies = _count(doc.get("SOBANSAO"))
    result: dict[str, Any] = {"name": one_line(doc.get("TENGIAYTO")), "template": one_line(doc.get("TENMAUDON"))}
    if originals is not None or copies is not None:
        result |= {"originals": originals or 0, "certified_copies": copies or 0, "copies": 0}
    return result


def _count(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        return max(0, int(float(str(value).replace(",", "."))))
    except ValueError:
        return None


def _amount(value: Any) -> int | None:
    if value in (None, "") or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value)
    text = str(value).strip()
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):
        return int(re.sub(r"[.,]", "", text))
    if re.fullmatch(r"\d+([.,]0+)?", text):
        return int(re.split(r"[.,]", text)[0])
    return None


def _money_text(amount: int | None, currency: str) -> str:
    if amount is None:
        return ""
    return f"{amount:,} {'đồng' if currency == 'VND' else currency}".replace(",", ".")


def _names(raw: Any, keys: tuple[str, ...]) -> list[str]:
    found = []
    for item in _list(raw):
        if isinstance(item, dict):
            found += [one_line(item[k]) for k in keys if item.get(k)][:1]
        elif item:
            found.append(one_line(item))
    return found


def _legal(raw: Any) -> list[str]:
    return [" ".join(p for p in (one_line(i.get("SOVANBAN")), one_line(i.get("TENVANBAN"))) if p)
            for i in _list(raw) if isinstance(i, dict)]


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]




"""What a catalogue or calendar publication would change for the counters of an office, before it is sent:
procedures added or changed (and in what), calendar days added or turned around, beside what is already
published for that office (every office's entries, then its own, latest last)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from counter_app.catalogue_export import catalogue_json
from counter_app.catalogue_import import read_catalogue, refuse_if_invalid
from counter_app.errors import ValidationError
from counter_app.workcal import DayKind, parse_calendar
from sync.hub.store import EVERY_OFFICE, FeedEntry, HubStore

PARTS = {"name": "tên", "field": "lĩnh vực", "effective_from": "ngày hiệu lực", "time_limit": "thời hạn",
         "fee": "phí, lệ phí", "cases": "trường hợp, thành phần hồ sơ", "postal_eligible": "nhận qua bưu chính",
         "presence_required": "phải có mặt", "legal_basis": "căn cứ pháp lý", "result": "kết quả",
         "agency": "cơ quan giải quyết", "cutoff_applies": "mốc 15 giờ"}
DAY_KINDS = {DayKind.OFF.value: "nghỉ", DayKind.WORKING.value: "làm việc"}


@dataclass(frozen=True)
class Change:
    """One procedure or day: what it is, and what the publication does to it."""

    key: str
    title: str
    what: str


@dataclass
class Preview:
    kind: str
    office: str
    items: int
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: int = 0


def preview(store: HubStore, kind: str, path: Path, office: str, effective_from: dt.date | None) -> Preview:
    """The changes the file at `path` would bring to `office`'s counters (refused as publish would refuse it)."""
    if kind == "catalogue":
        report = read_catalogue(path, effective_from)
        refuse_if_invalid(report)
        return _catalogue(store, catalogue_json(report.procedures)["procedures"], office)
    try:
        days = parse_calendar(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValidationError("import.format", name=path.name, detail=str(error)[:200]) from error
    return _calendar(store, {o.day.isoformat(): (o.kind.value, o.note) for o in days}, office)


def published(store: HubStore, kind: str, office: str) -> list[dict[str, Any]]:
    """The data of every `kind` entry the office's counters receive, oldest first."""
    offices = [EVERY_OFFICE] if office == EVERY_OFFICE else [EVERY_OFFICE, office]
    with store.session() as session:
        return [dict(data) for data in session.scalars(
            select(FeedEntry.data).where(FeedEntry.kind == kind, FeedEntry.office_code.in_(offices))
            .order_by(FeedEntry.cursor)) if isinstance(data, dict)]


def _catalogue(store: HubStore, procedures: list[dict[str, Any]], office: str) -> Preview:
    current: dict[str, dict[str, Any]] = {}
    for data in published(store, "catalogue", office):
        current.update((str(p.get("code")), p) for p in data.get("procedures", []) if isinstance(p, dict))
    result = Preview("catalogue", office, len(procedures))
    for procedure in procedures:
        code, title = str(procedure["code"]), str(procedure["name"])
        before = current.get(code)
        if before is None:
            result.added.append(Change(code, title, "thủ tục mới"))
            continue
        parts = [label for key, label in PARTS.items() if before.get(key) != procedure.get(key)]
        if parts:
            result.changed.append(Change(code, title, "đổi " + ", ".join(parts)))
        else:
            result.unchanged += 1
    return result


def _calendar(store: HubStore, days: dict[str, tuple[str, str]], office: str) -> Preview:
    current: dict[str, str] = {}
    for data in published(store, "calendar", office):
        current.update((o.day.isoformat(), o.kind.value) for o in parse_calendar(data))
    result = Preview("calendar", office, len(days))
    for day, (kind, note) in sorted(days.items()):
        title = dt.date.fromisoformat(day).strftime("%d/%m/%Y") + (f" — {note}" if note else "")
        if day not in current:
            result.added.append(Change(day, title, f"thêm ngày {DAY_KINDS[kind]}"))
        elif current[day] != kind:
            result.changed.append(Change(day, title, f"{DAY_KINDS[current[day]]} → {DAY_KINDS[kind]}"))
        else:
            result.unchanged += 1
    return result

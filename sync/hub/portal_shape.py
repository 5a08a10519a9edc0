"""The national portal's dossier-sync shape, in one place: `DongBoHoSoMC` (a dossier) and
`CapNhatTienDoHoSoMC` (one processing step), built from the hub's projection of a dossier and its events.

Every name here is [W] in DOMAIN.md §7b (seen in an open-source provincial system's connector, OpenCPS
`DVCQGIntegrationActionImpl`; the portal's own specification was not found): the envelope
`{"session", "madonvi", "service", "isUpdating": "True"|"False", "data": [...]}`, values sent as text, times
as `yyyyMMddHHmmss` in Vietnam time. Change the shape here and nowhere else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from counter_app.lifecycle import ACTION_LABELS, TRANSITIONS, Action, Status
from counter_app.model import Channel
from sync.hub.portal_settings import PortalSettings

DOSSIER_SERVICE: Final = "DongBoHoSoMC"
PROGRESS_SERVICE: Final = "CapNhatTienDoHoSoMC"
VIETNAM: Final = dt.timezone(dt.timedelta(hours=7), "ICT")  # no daylight saving in Vietnam

# Counter events that are steps of a dossier once it has a code. Records (documents filed, ratings, postage)
# and what happens before acceptance (no code yet; a refusal at the counter never gets one) are not sent.
FORWARDED: Final = frozenset({
    Action.ACCEPT, Action.TRANSFER, Action.REQUEST_SUPPLEMENT, Action.SUPPLEMENT_RECEIVED, Action.REFUSE,
    Action.EXTEND, Action.STOP, Action.RECORD_RESULT, Action.RETURN_RESULT, Action.WITHDRAW,
    Action.POSTAL_RETURNED,
})
REQUIRED_DOSSIER: Final = ("MaHoSo", "MaTTHC", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "HinhThuc")
REQUIRED_PROGRESS: Final = ("MaHoSo", "NguoiXuLy", "ThoiDiemXuLy", "TrangThai")


@dataclass(frozen=True)
class Step:
    """One event of the dossier, as the progress message needs it."""

    type: str
    actor: str
    at: dt.datetime
    payload: Mapping[str, Any]


@dataclass(frozen=True)
class Procedure:
    """What the hub knows of the procedure from the catalogue it published (may be blank)."""

    name: str = ""
    field: str = ""


def stamp(value: Any) -> str:
    """An ISO date-time (or a datetime) as `yyyyMMddHHmmss` in Vietnam time; blank when there is none."""
    if value in (None, ""):
        return ""
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(VIETNAM).strftime("%Y%m%d%H%M%S")


def envelope(settings: PortalSettings, service: str, records: list[dict[str, Any]], session: str,
             updating: bool | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"session": session, "madonvi": settings.madonvi, "service": service}
    if updating is not None:
        body["isUpdating"] = "True" if updating else "False"
    body["data"] = records
    return body


def dossier_record(settings: PortalSettings, code: str, office_code: str, state: Mapping[str, Any],
                   procedure: Procedure) -> dict[str, Any]:
    """The `DongBoHoSoMC` record of a dossier as the hub holds it now."""
    status = str(state.get("status") or Status.RECEIVED)
    name = procedure.name or str(state.get("procedure_code") or "")
    return {
        "MaHoSo": code, "MaTTHC": str(state.get("procedure_code") or ""), "TenTTHC": procedure.name,
        "MaLinhVuc": settings.field_codes.get(procedure.field, ""), "TenLinhVuc": procedure.field,
        "ChuHoSo": str(state.get("applicant_name") or ""), "LoaiDoiTuong": "1",
        "MaDoiTuong": str(state.get("applicant_id_number") or ""),
        "Email": str(state.get("applicant_email") or ""), "SoDienThoai": str(state.get("applicant_phone") or ""),
        "TrichYeuHoSo": name, "NgayTiepNhan": stamp(state.get("accepted_at")),
        "NgayHenTra": stamp(state.get("due_at")), "NgayTra": stamp(state.get("returned_at")),
        "NgayKetThucXuLy": stamp(state.get("result_ready_at") or state.get("closed_at")),
        "TrangThaiHoSo": settings.status_code(status),
        "HinhThuc": "1" if state.get("channel") == Channel.POSTAL else "0",
        "DonViXuLy": settings.don_vi_xu_ly or office_code, "GhiChu": "",
        "TaiLieuNop": [], "DanhSachLePhi": [], "DanhSachTepDinhKemKhac": [], "DanhSachHoSoBoSung": [],
        "DanhSachGiayToKetQua": [],
    }


def progress_record(settings: PortalSettings, code: str, state: Mapping[str, Any], step: Step) -> dict[str, Any]:
    """The `CapNhatTienDoHoSoMC` record of one step: who, when, what, and the status it led to."""
    action = Action(step.type)
    label = ACTION_LABELS.get(action, (step.type, step.type))[0]
    detail = str(step.payload.get("reason") or step.payload.get("note") or "")
    return {
        "MaHoSo": code, "NguoiXuLy": step.actor, "ChucDanh": "", "ThoiDiemXuLy": stamp(step.at),
        "PhongBanXuLy": str(step.payload.get("to") or ""),
        "NoiDungXuLy": f"{label[:1].upper()}{label[1:]}" + (f": {detail}" if detail else ""),
        "TrangThai": settings.status_code(_status_after(action, state)),
        "NgayBatDau": stamp(state.get("accepted_at")),
        "NgayKetThucTheoQuyDinh": stamp(step.payload.get("due_at") or state.get("due_at")),
    }


def _status_after(action: Action, state: Mapping[str, Any]) -> str:
    target = TRANSITIONS.get(action, (frozenset(), None))[1]
    return str(target) if target is not None else str(state.get("status") or Status.ACCEPTED)

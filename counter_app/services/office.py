"""Setting up an installation: the office, the device's number block, settings and the calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.clock import now
from counter_app.codes import SequenceBlock, validate_agency_code
from counter_app.deadlines import OfficeHours
from counter_app.errors import NotFound
from counter_app.forms import DEFAULT_SWITCH_DATE
from counter_app.model import Office
from counter_app.services import audit
from counter_app.services.catalogue import seed_catalogue
from counter_app.storage.database import Database
from counter_app.storage.orm import CalendarOverrideRow, DeviceRow, OfficeRow, ProcedureRow, SettingRow
from counter_app.workcal import CalendarOverride, DayKind, WorkCalendar

SAMPLE_OFFICE = Office(
    code="000.00.00.H99",
    name="Trung tâm Phục vụ hành chính công xã Mẫu",
    province="Tỉnh Mẫu",
    place_name="Mẫu",
)

FORMS_SWITCH_KEY = "forms_switch_date"


@dataclass(frozen=True)
class InitResult:
    office: Office
    procedures_seeded: int


def initialise(
    db: Database, office: Office, actor: str = "system", block: SequenceBlock | None = None,
) -> InitResult:
    """Create or update the office, seed the catalogue when empty, and set this counter's number block."""
    code = validate_agency_code(office.code)
    with db.write() as session:
        row = session.get(OfficeRow, 1) or OfficeRow(id=1)
        _fill_office(row, Office(**{**office.__dict__, "code": code}))
        session.add(row)
        seeded = 0 if session.scalars(select(ProcedureRow).limit(1)).first() else seed_catalogue(session)
        if block is not None:
            device = session.get_one(DeviceRow, db.device_id)
            device.block_start, device.block_end = block.start, block.end
        audit.append(session, actor, "office.init", code, {"procedures_seeded": seeded}, now())
        return InitResult(office=_to_office(row), procedures_seeded=seeded)


def ensure_initialised(db: Database) -> Office:
    """The office; on a first launch, the sample office with the seeded catalogue."""
    try:
        return get_office(db)
    except NotFound:
        return initialise(db, SAMPLE_OFFICE).office


def get_office(db: Database) -> Office:
    with db.read() as session:
        return office_of(session)


def office_of(session: Session) -> Office:
    row = session.get(OfficeRow, 1)
    if row is None:
        raise NotFound("office.missing")
    return _to_office(row)


def sequence_block(session: Session, device_id: object) -> SequenceBlock:
    device = session.get_one(DeviceRow, device_id)
    return SequenceBlock(device.block_start, device.block_end)


def office_hours(session: Session) -> OfficeHours:
    row = session.get(SettingRow, "office_hours")
    if row is None:
        return OfficeHours()
    return OfficeHours(**{key: dt.time.fromisoformat(value) for key, value in row.value.items()})


def forms_switch_date(session: Session) -> dt.date:
    """The reception date from which the TT 03/2025 forms are printed (TT 01/2018 before it)."""
    row = session.get(SettingRow, FORMS_SWITCH_KEY)
    return dt.date.fromisoformat(str(row.value["date"])) if row else DEFAULT_SWITCH_DATE


def set_forms_switch_date(db: Database, day: dt.date, actor: str) -> None:
    with db.write() as session:
        row = session.get(SettingRow, FORMS_SWITCH_KEY) or SettingRow(key=FORMS_SWITCH_KEY)
        row.value = {"date": day.isoformat()}
        session.add(row)
        audit.append(session, actor, "setting.forms_switch_date", day.isoformat(), {}, now())


def calendar_of(session: Session) -> WorkCalendar:
    rows = session.scalars(select(CalendarOverrideRow)).all()
    return WorkCalendar.with_overrides(CalendarOverride(r.day, DayKind(r.kind), r.note) for r in rows)


def set_calendar_override(db: Database, override: CalendarOverride, actor: str) -> None:
    """Record an extra day off or an extra working day (e.g. from the yearly notice)."""
    with db.write() as session:
        row = session.get(CalendarOverrideRow, override.day) or CalendarOverrideRow(day=override.day)
        row.kind, row.note = override.kind.value, override.note
        session.add(row)
        details = {"kind": override.kind.value, "note": override.note}
        audit.append(session, actor, "calendar.override", override.day.isoformat(), details, now())


def _fill_office(row: OfficeRow, office: Office) -> None:
    row.code, row.name, row.province = office.code, office.name, office.province
    row.address, row.place_name = office.address, office.place_name
    row.communes, row.postal_agreement = list(office.communes), office.postal_agreement


def _to_office(row: OfficeRow) -> Office:
    return Office(
        code=row.code, name=row.name, province=row.province, address=row.address,
        place_name=row.place_name, communes=tuple(row.communes), postal_agreement=row.postal_agreement,
    )

"""Setting up an installation: the office, the device's number block, settings and the calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import limits
from counter_app.clock import now
from counter_app.codes import CodePattern, SequenceBlock, validate_agency_code, validate_pattern
from counter_app.deadlines import OfficeHours
from counter_app.errors import NotFound, ValidationError
from counter_app.forms import DEFAULT_SWITCH_DATE
from counter_app.model import Office
from counter_app.services import audit
from counter_app.services.catalogue import seed_catalogue
from counter_app.storage.database import Database
from counter_app.storage.orm import CalendarOverrideRow, DeviceRow, DossierRow, OfficeRow, ProcedureRow, SettingRow
from counter_app.workcal import CalendarOverride, DayKind, WorkCalendar

SAMPLE_OFFICE = Office(
    code="000.00.00.H99",
    name="Trung tâm Phục vụ hành chính công xã Mẫu",
    province="Tỉnh Mẫu",
    place_name="Mẫu",
)

FORMS_SWITCH_KEY = "forms_switch_date"
HOURS_KEY = "office_hours"
CODE_PATTERNS_KEY = "dossier_code_patterns"
REGISTER_KEY = "register_by_field"
HEADER_KEY = "office_header"  # parent body, issuing office, phone: printed, not part of the office's identity
_HEADER_FIELDS = ("parent_body", "issuing_office", "phone")


@dataclass(frozen=True)
class InitResult:
    office: Office
    procedures_seeded: int


def initialise(
    db: Database, office: Office, actor: str = "system", block: SequenceBlock | None = None,
) -> InitResult:
    """Create or update the office, seed the catalogue when empty, and set this counter's number block."""
    checked = _checked_office(office)
    code = checked.code
    with db.write() as session:
        row = session.get(OfficeRow, 1) or OfficeRow(id=1)
        if row.code and row.code != code and _has_dossiers(session):
            raise ValidationError("office.code_locked", code=row.code)
        _fill_office(row, checked)
        session.add(row)
        _store(session, HEADER_KEY, {name: getattr(checked, name) for name in _HEADER_FIELDS})
        seeded = 0 if session.scalars(select(ProcedureRow).limit(1)).first() else seed_catalogue(session)
        if block is not None:
            device = session.get_one(DeviceRow, db.device_id)
            device.block_start, device.block_end = block.start, block.end
        audit.append(session, actor, "office.init", code, {"procedures_seeded": seeded}, now())
        return InitResult(office=office_of(session), procedures_seeded=seeded)


def code_locked(db: Database) -> bool:
    """Once dossiers exist their codes carry the office code: it can no longer change."""
    with db.read() as session:
        return _has_dossiers(session)


def _has_dossiers(session: Session) -> bool:
    return session.scalars(select(DossierRow.id).limit(1)).first() is not None


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
    header = session.get(SettingRow, HEADER_KEY)
    return _to_office(row, header.value if header else {})


def sequence_block(session: Session, device_id: object) -> SequenceBlock:
    device = session.get_one(DeviceRow, device_id)
    return SequenceBlock(device.block_start, device.block_end)


def office_hours(session: Session) -> OfficeHours:
    row = session.get(SettingRow, HOURS_KEY)
    if row is None:
        return OfficeHours()
    values = dict(row.value)
    same_day = bool(values.pop("cutoff_same_day", True))
    return OfficeHours(**{key: dt.time.fromisoformat(value) for key, value in values.items()},
                       cutoff_same_day=same_day)


def set_cutoff(db: Database, cutoff: dt.time, same_day_at_cutoff: bool, actor: str) -> OfficeHours:
    """The daily cut-off and whether a dossier received exactly at it is still same-day ("sau 15 giờ": yes)."""
    with db.write() as session:
        hours = office_hours(session)
        if not hours.opens < cutoff < hours.closes:
            raise ValidationError("office.cutoff", value=cutoff, start=hours.opens, end=hours.closes)
        value = {"opens": hours.opens.isoformat(), "closes": hours.closes.isoformat(),
                 "cutoff": cutoff.isoformat(), "cutoff_same_day": same_day_at_cutoff}
        _store(session, HOURS_KEY, value)
        audit.append(session, actor, "setting.cutoff", cutoff.isoformat(), {"same_day": same_day_at_cutoff}, now())
        return office_hours(session)


def register_by_field(session: Session) -> bool:
    """Whether the office keeps one register (Sổ theo dõi hồ sơ) per procedure field, numbered apart."""
    row = session.get(SettingRow, REGISTER_KEY)
    return bool(row and row.value.get("on"))


def set_register_by_field(db: Database, on: bool, actor: str) -> None:
    with db.write() as session:
        _store(session, REGISTER_KEY, {"on": on})
        audit.append(session, actor, "setting.register_by_field", str(on).lower(), {}, now())


def code_patterns(session: Session) -> tuple[CodePattern, ...]:
    """The dossier-code patterns set, oldest first (none: the TT 01/2018 form throughout)."""
    row = session.get(SettingRow, CODE_PATTERNS_KEY)
    entries = row.value.get("patterns", []) if row else []
    patterns = (CodePattern(str(e["template"]), dt.date.fromisoformat(str(e["from"])), str(e.get("system", "")))
                for e in entries)
    return tuple(sorted(patterns, key=lambda p: p.effective_from))


def set_code_pattern(db: Database, pattern: CodePattern, actor: str) -> tuple[CodePattern, ...]:
    """Add (or replace, for the same date) the pattern codes follow from its date; checked first."""
    checked = validate_pattern(pattern)
    with db.write() as session:
        kept = [p for p in code_patterns(session) if p.effective_from != checked.effective_from]
        patterns = sorted([*kept, checked], key=lambda p: p.effective_from)
        _store(session, CODE_PATTERNS_KEY, {"patterns": [
            {"from": p.effective_from.isoformat(), "template": p.template, "system": p.system}
            for p in patterns]})
        details = {"from": checked.effective_from.isoformat(), "system": checked.system}
        audit.append(session, actor, "setting.code_pattern", checked.template, details, now())
        return tuple(patterns)


def forms_switch_date(session: Session) -> dt.date:
    """The reception date from which the TT 03/2025 forms are printed (TT 01/2018 before it)."""
    row = session.get(SettingRow, FORMS_SWITCH_KEY)
    return dt.date.fromisoformat(str(row.value["date"])) if row else DEFAULT_SWITCH_DATE


def set_forms_switch_date(db: Database, day: dt.date, actor: str) -> None:
    with db.write() as session:
        _store(session, FORMS_SWITCH_KEY, {"date": day.isoformat()})
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


def _store(session: Session, key: str, value: dict[str, object]) -> None:
    row = session.get(SettingRow, key) or SettingRow(key=key)
    row.value = value
    session.add(row)


def _checked_office(office: Office) -> Office:
    header = {"parent_body": limits.text(office.parent_body, limits.PARENT_BODY),
              "issuing_office": limits.text(office.issuing_office, limits.ISSUING_OFFICE),
              "phone": _office_phone(office.phone)}
    return replace(
        office, **header, code=validate_agency_code(limits.code(office.code, limits.DOSSIER_REF)),
        name=limits.text(office.name, limits.OFFICE_NAME, required=True),
        province=limits.text(office.province, limits.PROVINCE), address=limits.text(office.address, limits.ADDRESS),
        place_name=limits.text(office.place_name, limits.PLACE_NAME),
        communes=tuple(limits.text(name, limits.PLACE_NAME, required=True) for name in office.communes),
        postal_agreement=office.postal_agreement,
    )


def _office_phone(value: str) -> str:
    """The office's phone as it is to be printed (spaces, an extension); it must hold a number."""
    phone = limits.text(value, limits.OFFICE_PHONE)
    if phone and sum(character.isdigit() for character in phone) < 3:
        raise ValidationError("input.office_phone", value=phone)
    return phone


def _fill_office(row: OfficeRow, office: Office) -> None:
    row.code, row.name, row.province = office.code, office.name, office.province
    row.address, row.place_name = office.address, office.place_name
    row.communes, row.postal_agreement = list(office.communes), office.postal_agreement


def _to_office(row: OfficeRow, header: dict[str, object]) -> Office:
    return Office(
        code=row.code, name=row.name, province=row.province, address=row.address,
        place_name=row.place_name, communes=tuple(row.communes), postal_agreement=row.postal_agreement,
        **{name: str(header.get(name) or "") for name in _HEADER_FIELDS},
    )


def update_office(db: Database, changes: dict[str, Any], actor: str) -> Office:
    """Change some of the office's printed details (place name, parent body, issuing office, phone…)."""
    current = get_office(db)
    return initialise(db, replace(current, **changes), actor).office


@dataclass(frozen=True)
class Rules:
    """The office's rule settings as a settings screen shows them."""

    hours: OfficeHours
    register_by_field: bool
    code_patterns: tuple[CodePattern, ...]


def get_rules(db: Database) -> Rules:
    with db.read() as session:
        return Rules(office_hours(session), register_by_field(session), code_patterns(session))


def set_rules(db: Database, cutoff: dt.time, same_day_at_cutoff: bool, by_field: bool, actor: str) -> Rules:
    """The cut-off and the register-per-field choice, from the settings screen (each change audited)."""
    set_cutoff(db, cutoff, same_day_at_cutoff, actor)
    set_register_by_field(db, by_field, actor)
    return get_rules(db)

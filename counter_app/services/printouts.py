"""Gathering what a printed form needs: the dossier, the office, the legal form set and the staff names."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import limits
from counter_app.clock import local, now
from counter_app.errors import ValidationError
from counter_app.forms import (
    Form,
    FormContext,
    FormSet,
    PostalDirection,
    form_set_for,
    postal_direction,
    triggering_event,
)
from counter_app.model import Dossier, DossierEvent, Office, Person
from counter_app.postal import Direction
from counter_app.services.events import find_row
from counter_app.services.office import forms_switch_date, office_of, register_by_field
from counter_app.services.postal_batches import find_batch
from counter_app.services.queries import dossier_view
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierRow, ProcedureRow, UserRow
from counter_app.textfold import fold


@dataclass(frozen=True)
class RegisterContext:
    """The dossiers accepted in a date range, in register order, for the Sổ theo dõi hồ sơ."""

    office: Office
    form_set: FormSet
    start: dt.date
    end: dt.date
    dossiers: tuple[Dossier, ...]
    printed_at: dt.datetime
    field: str = ""  # only this procedure field's dossiers
    by_field: bool = False  # the office keeps one register per field: print one table per field

    def books(self) -> list[tuple[str, tuple[Dossier, ...]]]:
        """(field, its dossiers) per register book: one book, or one per field when the office keeps them so."""
        if self.field or not self.by_field:
            return [(self.field, self.dossiers)]
        fields = sorted({d.procedure.field for d in self.dossiers}, key=fold)
        return [(name, tuple(d for d in self.dossiers if d.procedure.field == name)) for name in fields]


@dataclass(frozen=True)
class PostalContext:
    """Dossiers handed between the post and the counter in one record, one direction."""

    office: Office
    direction: PostalDirection
    dossiers: tuple[Dossier, ...]
    printed_at: dt.datetime
    clerk_name: str
    batch_ref: str = ""
    postal_worker: str = ""
    copies: int = 1


def form_context(
    db: Database, ref: str, form: Form, direction: PostalDirection | None = None, at: dt.datetime | None = None,
) -> FormContext:
    """The context of `form` for dossier `ref`; ValidationError when the form does not fit the dossier."""
    moment = local(at or now())
    with db.read() as session:
        dossier = printable(dossier_view(session, find_row(session, ref), moment))
        chosen = postal_direction(dossier, direction) if form is Form.POSTAL else None
        event = triggering_event(form, dossier, chosen)
        return FormContext(
            form=form, form_set=form_set_for(dossier, forms_switch_date(session)), dossier=dossier,
            office=office_of(session), event=event, staff_names=_staff_names(session), printed_at=moment,
            direction=chosen,
        )


def register(db: Database, start: dt.date, end: dt.date, at: dt.datetime | None = None,
             field: str = "") -> RegisterContext:
    """Dossiers accepted from `start` to `end` (local days, inclusive), by register number; of one procedure
    field when `field` is given (compared without case or diacritics)."""
    if end < start:
        raise ValidationError("print.bad_range", start=start, end=end)
    moment = local(at or now())
    first = local(dt.datetime.combine(start, dt.time()))
    after = local(dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    with db.read() as session:
        rows = session.scalars(
            select(DossierRow).where(DossierRow.accepted_at >= first, DossierRow.accepted_at < after)
            .order_by(DossierRow.register_year, DossierRow.register_number, DossierRow.accepted_at)
        ).all()
        switch = forms_switch_date(session)
        dossiers = [printable(dossier_view(session, row, moment)) for row in rows]
        if field.strip():
            _known_field(session, field, dossiers)
            dossiers = [d for d in dossiers if fold(d.procedure.field) == fold(field)]
        return RegisterContext(
            office=office_of(session), form_set=FormSet.TT01_2018 if start < switch else FormSet.TT03_2025,
            start=start, end=end, dossiers=tuple(dossiers), printed_at=moment,
            field=next((d.procedure.field for d in dossiers), " ".join(field.split())) if field.strip() else "",
            by_field=register_by_field(session),
        )


def _known_field(session: Session, field: str, dossiers: list[Dossier]) -> None:
    """Refuse a field neither the catalogue nor the period's dossiers know: a typo would print an empty book."""
    known = {name for name in session.scalars(select(ProcedureRow.field).distinct()) if name}
    known |= {d.procedure.field for d in dossiers if d.procedure.field}
    if fold(field) not in {fold(name) for name in known}:
        raise ValidationError("register.unknown_field", field=" ".join(field.split()),
                              fields=", ".join(sorted(known, key=fold)) or "—")


def postal_record(
    db: Database, refs: list[str], direction: PostalDirection | None, actor: str, at: dt.datetime | None = None,
) -> PostalContext:
    """One hand-over record for several dossiers; all must go the same way between post and counter."""
    moment = local(at or now())
    with db.read() as session:
        dossiers = [printable(dossier_view(session, find_row(session, ref), moment)) for ref in refs]
        chosen = direction or postal_direction(dossiers[0])
        for dossier in dossiers:
            postal_direction(dossier, chosen)
        return PostalContext(office=office_of(session), direction=chosen, dossiers=tuple(dossiers),
                             printed_at=moment, clerk_name=_staff_names(session).get(actor, actor))


def postal_batch_record(db: Database, ref: str, at: dt.datetime | None = None) -> PostalContext:
    """The record of a closed postal batch: every envelope or result in it, two copies, dated at the close."""
    with db.read() as session:
        batch = find_batch(session, ref)
        if batch.closed_at is None:
            raise ValidationError("postal.batch_open", ref=batch.ref)
        moment = local(at or now())
        rows = [session.get_one(DossierRow, item.dossier_id) for item in batch.items if item.dossier_id]
        direction = (PostalDirection.POST_TO_COUNTER if batch.direction == Direction.RECEIPT.value
                     else PostalDirection.COUNTER_TO_POST)
        return PostalContext(
            office=office_of(session), direction=direction,
            dossiers=tuple(printable(dossier_view(session, row, moment)) for row in rows),
            printed_at=local(batch.closed_at),
            clerk_name=_staff_names(session).get(batch.closed_by, batch.closed_by), batch_ref=batch.ref,
            postal_worker=batch.postal_worker, copies=2,
        )


def postal_slips(db: Database, ref: str) -> list[FormContext]:
    """What goes back by post to each citizen of a closed receipt batch: slip 01, or form 02 when incomplete."""
    with db.read() as session:
        batch = find_batch(session, ref)
        if batch.closed_at is None:
            raise ValidationError("postal.batch_open", ref=batch.ref)
        coded = {item.dossier_id: session.get_one(DossierRow, item.dossier_id).code is not None
                 for item in batch.items if item.dossier_id}
    return [form_context(db, str(dossier_id), Form.RECEIPT if has_code else Form.SUPPLEMENT)
            for dossier_id, has_code in coded.items()]


def _staff_names(session: Session) -> dict[str, str]:
    return {row.username: row.full_name for row in session.scalars(select(UserRow))}


def printable(dossier: Dossier) -> Dossier:
    """`dossier` with every text cut to the input limits, so a value stored before the limits existed (or
    longer in some other way) still lays out on every form instead of making the page impossible."""
    procedure = dataclasses.replace(dossier.procedure, name=limits.clip(dossier.procedure.name, limits.PROCEDURE_NAME))
    return dataclasses.replace(
        dossier, procedure=procedure, applicant=_person(dossier.applicant),
        submitter=_person(dossier.submitter) if dossier.submitter else None,
        delivery_address=limits.clip(dossier.delivery_address, limits.ADDRESS),
        documents=tuple(dataclasses.replace(d, name=limits.clip(d.name, limits.DOCUMENT_NAME))
                        for d in dossier.documents),
        events=tuple(_event(event) for event in dossier.events),
    )


def _person(person: Person) -> Person:
    return dataclasses.replace(
        person, full_name=limits.clip(person.full_name, limits.PERSON_NAME),
        address=limits.clip(person.address, limits.ADDRESS), phone=limits.clip(person.phone, limits.PHONE),
        email=limits.clip(person.email, limits.EMAIL),
    )


def _event(event: DossierEvent) -> DossierEvent:
    payload: dict[str, Any] = {key: limits.clip(value, limits.REASON) if isinstance(value, str) else value
                               for key, value in event.payload.items()}
    return dataclasses.replace(event, payload=payload)

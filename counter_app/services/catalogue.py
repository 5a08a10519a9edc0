"""The procedure catalogue: versions by effective date, lookup, listing, seeding and importing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.catalogue_import import parse_json
from counter_app.errors import NotFound
from counter_app.model import DocumentKind, FeeRule, Procedure, RequiredDocument
from counter_app.paths import resources_dir
from counter_app.storage.database import Database
from counter_app.storage.orm import ProcedureRow, RequiredDocumentRow
from counter_app.textfold import fold

SEED_FILE = "catalogue/commune-procedures.json"


def to_procedure(row: ProcedureRow) -> Procedure:
    return Procedure(
        id=row.id,
        code=row.code,
        name=row.name,
        field=row.field,
        effective_from=row.effective_from,
        processing_days=row.processing_days,
        cutoff_applies=row.cutoff_applies,
        fee=FeeRule(**row.fee),
        documents=tuple(
            RequiredDocument(d.position, d.name, DocumentKind(d.kind), d.quantity, d.mandatory, d.template)
            for d in row.documents
        ),
        postal_eligible=row.postal_eligible,
        presence_required=row.presence_required,
        source=row.source,
    )


def procedure_row_in_force(session: Session, code: str, on: dt.date) -> ProcedureRow:
    """The version of procedure `code` in force on `on` (the latest effective on or before it)."""
    row = session.scalars(
        select(ProcedureRow)
        .where(ProcedureRow.code == code.strip(), ProcedureRow.effective_from <= on)
        .order_by(ProcedureRow.effective_from.desc())
        .limit(1)
    ).first()
    if row is None:
        raise NotFound("procedure.not_found", code=code, on=on.isoformat())
    return row


def procedure_of(session: Session, code: str, on: dt.date) -> Procedure:
    """The version of procedure `code` in force on `on`, as a dataclass."""
    return to_procedure(procedure_row_in_force(session, code, on))


def procedure_in_force(db: Database, code: str, on: dt.date) -> Procedure:
    with db.read() as session:
        return procedure_of(session, code, on)


def list_procedures(db: Database, on: dt.date, text: str = "") -> list[Procedure]:
    """Procedures in force on `on`, whose code or name (diacritics optional) contains `text`."""
    needle = fold(text.strip())
    with db.read() as session:
        rows = session.scalars(
            select(ProcedureRow).where(ProcedureRow.effective_from <= on).order_by(ProcedureRow.code)
        ).all()
        current: dict[str, ProcedureRow] = {}
        for row in rows:
            if row.code not in current or row.effective_from > current[row.code].effective_from:
                current[row.code] = row
        return [
            to_procedure(row) for row in current.values()
            if not needle or needle in row.name_fold or needle in row.code
        ]


def store_procedures(session: Session, procedures: list[Procedure]) -> int:
    """Insert or replace each procedure version (same code and effective date); returns how many."""
    for procedure in procedures:
        existing = session.scalars(
            select(ProcedureRow).where(
                ProcedureRow.code == procedure.code, ProcedureRow.effective_from == procedure.effective_from,
            )
        ).first()
        row = existing or ProcedureRow(code=procedure.code, effective_from=procedure.effective_from)
        _fill_row(row, procedure)
        if existing is None:
            session.add(row)
    return len(procedures)


def _fill_row(row: ProcedureRow, procedure: Procedure) -> None:
    row.name = procedure.name
    row.name_fold = fold(procedure.name)
    row.field = procedure.field
    row.processing_days = procedure.processing_days
    row.cutoff_applies = procedure.cutoff_applies
    row.fee = dataclasses.asdict(procedure.fee)
    row.postal_eligible = procedure.postal_eligible
    row.presence_required = procedure.presence_required
    row.source = procedure.source
    row.documents = [
        RequiredDocumentRow(
            position=d.position, name=d.name, kind=d.kind.value, quantity=d.quantity,
            mandatory=d.mandatory, template=d.template,
        )
        for d in procedure.documents
    ]


def seed_file() -> Path:
    return resources_dir() / SEED_FILE


def seed_catalogue(session: Session) -> int:
    """Load the bundled sample catalogue of commune procedures."""
    return store_procedures(session, parse_json(json.loads(seed_file().read_text("utf-8"))))

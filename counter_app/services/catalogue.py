"""The procedure catalogue: versions by effective date, lookup, listing, seeding and importing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.orm import Session

from counter_app.catalogue_export import procedure_json, terms_from_json, terms_json
from counter_app.catalogue_import import parse_json
from counter_app.clock import now
from counter_app.errors import NotFound, ValidationError
from counter_app.model import (
    ChannelTerms,
    DocumentKind,
    Procedure,
    ProcedureCase,
    ProcedureChannel,
    RequiredDocument,
)
from counter_app.paths import resource
from counter_app.published_terms import parse_time_limit
from counter_app.services import audit
from counter_app.storage.database import Database
from counter_app.storage.orm import ProcedureCaseRow, ProcedureRow, RequiredDocumentRow
from counter_app.textfold import fold

SEED_FILE = "catalogue/commune-procedures.json"


def to_procedure(row: ProcedureRow) -> Procedure:
    return _procedure(row, [(case, case.documents) for case in row.cases])


def _procedure(row: Any, cases: list[tuple[Any, list[Any]]]) -> Procedure:
    """A procedure from its row and its cases' rows (ORM objects or plain result rows: same attribute names)."""
    details = row.details or {}
    return Procedure(
        id=row.id, code=row.code, name=row.name, field=row.field, effective_from=row.effective_from,
        terms=terms_from_json(row.terms),
        cases=tuple(ProcedureCase(case.number, case.name, tuple(_document(d) for d in documents),
                                  terms_from_json(case.terms)) for case, documents in cases),
        cutoff_applies=row.cutoff_applies, postal_eligible=row.postal_eligible,
        presence_required=row.presence_required, source=row.source,
        legal_basis=str(details.get("legal_basis", "")), result=str(details.get("result", "")),
        agency=str(details.get("agency", "")),
    )


def _document(row: Any) -> RequiredDocument:
    return RequiredDocument(
        position=row.position, name=row.name, kind=DocumentKind(row.kind), quantity=row.quantity,
        mandatory=row.mandatory, template=row.template, originals=row.originals,
        certified_copies=row.certified_copies, copies=row.copies, show_only=row.show_only,
        condition=row.condition, group=row.alt_group,
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
    """Procedures in force on `on`, whose code or name (diacritics optional) contains `text`.

    Read as plain rows in three queries (versions in force, their cases, their documents): thousands of
    procedures load in well under a second."""
    needle = fold(text.strip())
    latest = (select(ProcedureRow.code, func.max(ProcedureRow.effective_from).label("day"))
              .where(ProcedureRow.effective_from <= on).group_by(ProcedureRow.code).subquery())
    in_force = and_(ProcedureRow.code == latest.c.code, ProcedureRow.effective_from == latest.c.day)
    with db.read() as session:
        rows = [row for row in session.execute(
            select(*ProcedureRow.__table__.columns).join(latest, in_force).order_by(ProcedureRow.code))
            if not needle or needle in row.name_fold or needle in row.code]
        cases: dict[int, list[Any]] = {}
        for case in session.execute(select(*ProcedureCaseRow.__table__.columns)
                                    .join(ProcedureRow, ProcedureRow.id == ProcedureCaseRow.procedure_id)
                                    .join(latest, in_force).order_by(ProcedureCaseRow.number)):
            cases.setdefault(case.procedure_id, []).append(case)
        documents: dict[int, list[Any]] = {}
        for document in session.execute(select(*RequiredDocumentRow.__table__.columns)
                                        .join(ProcedureCaseRow, ProcedureCaseRow.id == RequiredDocumentRow.case_id)
                                        .join(ProcedureRow, ProcedureRow.id == ProcedureCaseRow.procedure_id)
                                        .join(latest, in_force).order_by(RequiredDocumentRow.position)):
            documents.setdefault(document.case_id, []).append(document)
    return [_procedure(row, [(case, documents.get(case.id, [])) for case in cases.get(row.id, [])]) for row in rows]


def store_procedures(session: Session, procedures: list[Procedure]) -> int:
    """Insert or replace each procedure version (same code and effective date); returns how many.

    A version stored with the same content is left alone (same ids; compared by a digest of its content).
    Rows are written in bulk: three INSERTs for a whole catalogue, whatever its size."""
    keys = {(p.code, p.effective_from) for p in procedures}
    stored = {
        (code, day): (row_id, digest)
        for row_id, code, day, digest in session.execute(
            select(ProcedureRow.id, ProcedureRow.code, ProcedureRow.effective_from, ProcedureRow.digest)
            .where(ProcedureRow.code.in_({code for code, _ in keys}))
        )
        if (code, day) in keys
    } if keys else {}
    written: list[tuple[int, Procedure]] = []
    fresh: list[Procedure] = []
    for procedure in procedures:
        digest = content_digest(procedure)
        row_id, old_digest = stored.get((procedure.code, procedure.effective_from), (None, None))
        if row_id is None:
            fresh.append(procedure)
        elif old_digest != digest:
            session.execute(delete(ProcedureCaseRow).where(ProcedureCaseRow.procedure_id == row_id))
            session.execute(update(ProcedureRow).where(ProcedureRow.id == row_id).values(**_values(procedure)))
            written.append((row_id, procedure))
    if fresh:
        ids = session.scalars(insert(ProcedureRow).returning(ProcedureRow.id, sort_by_parameter_order=True),
                              [_values(p) for p in fresh]).all()
        written += list(zip(ids, fresh, strict=True))
    _insert_cases(session, written)
    session.expire_all()
    return len(procedures)


def content_digest(procedure: Procedure) -> str:
    """SHA-256 of the procedure's content as published (its id aside)."""
    text = json.dumps(procedure_json(procedure), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _values(procedure: Procedure) -> dict[str, Any]:
    return {
        "code": procedure.code, "effective_from": procedure.effective_from, "name": procedure.name,
        "name_fold": fold(procedure.name), "field": procedure.field, "terms": terms_json(procedure.terms),
        "details": {"legal_basis": procedure.legal_basis, "result": procedure.result, "agency": procedure.agency},
        "cutoff_applies": procedure.cutoff_applies, "postal_eligible": procedure.postal_eligible,
        "presence_required": procedure.presence_required, "source": procedure.source,
        "digest": content_digest(procedure),
    }


def _insert_cases(session: Session, written: list[tuple[int, Procedure]]) -> None:
    cases = [(row_id, case) for row_id, procedure in written for case in procedure.cases]
    if not cases:
        return
    case_ids = session.scalars(
        insert(ProcedureCaseRow).returning(ProcedureCaseRow.id, sort_by_parameter_order=True),
        [{"procedure_id": row_id, "number": case.number, "name": case.name, "terms": terms_json(case.terms)}
         for row_id, case in cases],
    ).all()
    documents = [_document_values(case_id, d) for case_id, (_, case) in zip(case_ids, cases, strict=True)
                 for d in case.documents]
    if documents:
        session.execute(insert(RequiredDocumentRow), documents)


def _document_values(case_id: int, d: RequiredDocument) -> dict[str, Any]:
    return {
        "case_id": case_id, "position": d.position, "name": d.name, "kind": d.kind.value, "quantity": d.quantity,
        "mandatory": d.mandatory, "template": d.template, "originals": d.originals,
        "certified_copies": d.certified_copies, "copies": d.copies, "show_only": d.show_only,
        "condition": d.condition, "alt_group": d.group,
    }


def set_time_limit(db: Database, code: str, text: str, actor: str, on: dt.date, case: int | None = None,
                   channel: ProcedureChannel = ProcedureChannel.DIRECT) -> Procedure:
    """An administrator states the time limit the published text left out (or corrects it), for the version in
    force on `on`: for the whole procedure, or one case. Audited; the dossiers already received keep theirs."""
    limit = parse_time_limit(text)
    if not limit.stated:
        raise ValidationError("procedure.time_unreadable", value=text)
    with db.write() as session:
        row = procedure_row_in_force(session, code, on)
        procedure = to_procedure(row)
        terms = procedure.case(case).terms if case else procedure.terms
        if case and not any(c.number == case for c in procedure.cases):
            raise ValidationError("procedure.case_unknown", value=case, count=len(procedure.cases))
        current = procedure.terms_for(case or 1, channel)
        changed = (*(t for t in terms if t.channel is not channel), ChannelTerms(channel, limit, current.fee))
        if case:
            cases = tuple(dataclasses.replace(c, terms=changed) if c.number == case else c for c in procedure.cases)
            updated = dataclasses.replace(procedure, cases=cases)
        else:
            updated = dataclasses.replace(procedure, terms=changed)
        store_procedures(session, [updated])
        audit.append(session, actor, "catalogue.set_time_limit", code,
                     {"effective_from": row.effective_from.isoformat(), "case": case, "channel": channel.value,
                      "text": limit.text}, now())
    return procedure_in_force(db, code, on)


def seed_file() -> Path:
    return resource(SEED_FILE)


def seed_catalogue(session: Session) -> int:
    """Load the bundled sample catalogue of commune procedures."""
    return store_procedures(session, parse_json(json.loads(seed_file().read_text("utf-8"))))

"""Recording the citizen's satisfaction rating as an event on the dossier (never naming who rated)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.clock import local, now
from counter_app.errors import ValidationError
from counter_app.lifecycle import Action
from counter_app.reports.rating import MAX_REASON_TEXT, REASONS, SCORES, STAGES, is_satisfied
from counter_app.services.events import find_row, record
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierEventRow
from counter_app.textfold import fold, nfc


def rate(db: Database, ref: str, score: int, actor: str, reason: str = "", stage: str = "return",
         at: dt.datetime | None = None) -> dict[str, object]:
    """Store score 1 (rất hài lòng) … 4 (không hài lòng) for dossier `ref`; a reason only when not satisfied.

    `reason` is one of the fixed reasons (its key or its words) or free text; the clerk's name is the actor,
    as for every event, and nothing about the citizen is added to the dossier."""
    if score not in SCORES:
        raise ValidationError("rating.score", value=score)
    if stage not in STAGES:
        raise ValidationError("rating.stage", value=stage)
    code, text = _reason(reason) if not is_satisfied(score) else ("", "")
    moment = local(at or now())
    with db.write() as session:
        row = find_row(session, ref, lock=True)
        if stage == "return" and row.returned_at is None:  # a rating of a result the citizen has not got
            raise ValidationError("rating.not_returned", code=row.code or str(row.id))
        if _already_rated(session, row.id, stage):  # counted twice, it would weigh twice in the share
            raise ValidationError("rating.already", code=row.code or str(row.id))
        payload = {"score": score, "stage": stage, "reason": code, "reason_text": text}
        record(session, db.device_id, row, Action.RATE, actor, payload, moment)
        return {"code": row.code or str(row.id), **payload}


def _already_rated(session: Session, dossier: uuid.UUID, stage: str) -> bool:
    """Whether this stage is rated already: the intake once, the return once per hand-over."""
    rows = session.execute(
        select(DossierEventRow.type, DossierEventRow.payload)
        .where(DossierEventRow.dossier_id == dossier,
               DossierEventRow.type.in_([Action.RATE.value, Action.RETURN_RESULT.value]))
        .order_by(DossierEventRow.device_time, DossierEventRow.seq)
    ).all()
    rated = False
    for kind, payload in rows:
        if kind == Action.RETURN_RESULT.value:
            rated = rated and stage == "intake"
        elif payload.get("stage", "return") == stage:
            rated = True
    return rated


def _reason(given: str) -> tuple[str, str]:
    """(fixed reason key, free text): a known key or label becomes its key, anything else is 'other'."""
    text = nfc(given).strip()
    if not text:
        return "", ""
    for key, labels in REASONS.items():
        if fold(text) in {key, *(fold(label) for label in labels)}:
            return key, ""
    return "other", text[:MAX_REASON_TEXT]

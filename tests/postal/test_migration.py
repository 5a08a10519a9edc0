"""The postal tables arrive by migration on a database that already holds dossiers, losing none of them."""

from __future__ import annotations

from alembic import command
from sqlalchemy import func, select

from counter_app.postal import Direction
from counter_app.services import postal_batches, postal_receipt
from counter_app.services.intake import IntakeRequest, intake
from counter_app.storage.database import Database
from counter_app.storage.migrate import alembic_config, upgrade
from counter_app.storage.orm import DossierEventRow, DossierRow
from tests.postal.helpers import PEOPLE, TTHN, envelope

BEFORE_POSTAL = "0004"


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (int(session.scalar(select(func.count()).select_from(DossierRow)) or 0),
                int(session.scalar(select(func.count()).select_from(DossierEventRow)) or 0))


def test_upgrade_from_before_the_postal_tables_keeps_every_dossier(db: Database) -> None:
    for person in PEOPLE:
        intake(db, IntakeRequest(TTHN, person), "anh")
    before = _counts(db)
    config = alembic_config()
    with db.engine.execution_options(counter_write=True).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, BEFORE_POSTAL)
    upgrade(db.engine)
    assert _counts(db) == before == (5, 10)
    ref = postal_batches.open_batch(db, Direction.RECEIPT, "anh").ref
    assert postal_receipt.add_envelope(db, ref, envelope(1), "anh").items[0].item_number == envelope(1).item_number

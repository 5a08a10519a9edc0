"""What the province sends that a dossier's state does not allow is listed for a person, in Vietnamese."""

from __future__ import annotations

import uuid

from counter_app.model import Person
from counter_app.services import outbox
from counter_app.services.intake import IntakeRequest, intake
from counter_app.storage.database import Database


def test_a_conflict_from_the_province_reads_in_vietnamese(db: Database) -> None:
    dossier = intake(db, IntakeRequest("1.004873", Person("Trần Thị Hồng", "079195000123")), "anh")
    handed_back = {"id": str(uuid.uuid4()), "dossier_id": str(dossier.id), "device_id": str(uuid.uuid4()),
                   "seq": 1, "type": "result_returned", "device_time": "2026-12-01T09:00:00+07:00", "actor": "tinh",
                   "payload": {"returned_at": "2026-12-01T09:00:00+07:00", "delivery": "counter"}}
    assert outbox.apply_remote(db, [{"kind": "event", "event": handed_back}], 1) == 0
    [conflict] = outbox.state(db).conflicts
    assert conflict.startswith(str(dossier.code)) and "Không thể" in conflict and "lifecycle." not in conflict

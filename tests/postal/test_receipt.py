"""Envelopes received from the post in a batch: checked as they are scanned, resumed, closed in one go."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.deadlines import due_at
from counter_app.errors import NotFound, ValidationError
from counter_app.lifecycle import Status
from counter_app.model import Channel, Delivery, TimeLimit, TimeUnit
from counter_app.postal import BatchStatus, Direction, ItemState
from counter_app.services import office, postal_batches, postal_receipt
from counter_app.services.queries import get_dossier
from counter_app.storage.database import Database
from tests.conftest import at
from tests.postal.helpers import envelope, label, wrong_label

OPENED = at("2026-11-23 14:00")
HANDED_OVER = at("2026-11-23 15:30")  # after 15:00: the deadline counts from the next working day


def _due(db: Database, received: dt.datetime) -> dt.datetime:
    with db.read() as session:
        return due_at(office.calendar_of(session), office.office_hours(session), received,
                      TimeLimit(TimeUnit.WORKING_DAYS, 3), True)


def test_a_batch_of_five_is_resumed_and_closed_against_one_record(db: Database) -> None:
    ref = postal_batches.open_batch(db, Direction.RECEIPT, "anh", "Lê Văn Bưu", at=OPENED).ref
    assert ref == "BN-2026-0001"
    for n in (1, 2, 3):
        postal_receipt.add_envelope(db, ref, envelope(n, complete=n != 2), "anh", at=at("2026-11-23 14:05"))
    # a queue interrupts the worker: later the open batch is found again and finished
    (resumed,) = postal_batches.list_batches(db, open_only=True)
    assert resumed.ref == ref and len(resumed.items) == 3 and resumed.items[1].missing
    for n in (4, 5):
        postal_receipt.add_envelope(db, ref, envelope(n, complete=n != 5), "anh", at=at("2026-11-23 15:20"))
    closed = postal_receipt.close_receipt(db, ref, "anh", at=HANDED_OVER)
    assert closed.status is BatchStatus.CLOSED and postal_batches.list_batches(db, open_only=True) == []
    assert [item.state for item in closed.items] == [ItemState.ACCEPTED, ItemState.SENT_BACK, ItemState.ACCEPTED,
                                                      ItemState.ACCEPTED, ItemState.SENT_BACK]
    for item in closed.items:
        assert item.dossier_id is not None
        dossier = get_dossier(db, str(item.dossier_id))
        assert dossier.channel is Channel.POSTAL and dossier.postal_item_in == item.item_number
        assert dossier.submitted_at == HANDED_OVER and dossier.delivery is Delivery.POSTAL
        if item.state is ItemState.ACCEPTED:
            assert dossier.status is Status.ACCEPTED and dossier.code == item.dossier_code
            assert dossier.accepted_at == HANDED_OVER
            assert dossier.due_at == _due(db, HANDED_OVER) != _due(db, OPENED)
        else:
            assert dossier.status is Status.COUNTER_SUPPLEMENT and dossier.code is None
            assert "Tờ khai cấp Giấy xác nhận" in str(dossier.events[-1].payload["reason"])


def test_labels_are_checked_and_duplicates_refused(db: Database) -> None:
    ref = postal_batches.open_batch(db, Direction.RECEIPT, "anh").ref
    first = envelope(1)
    postal_receipt.add_envelope(db, ref, first, "anh")
    with pytest.raises(ValidationError) as duplicate:
        postal_receipt.add_envelope(db, ref, envelope(2).__class__(**{**envelope(2).__dict__,
                                                                     "item_number": first.item_number.lower()}), "anh")
    assert duplicate.value.key == "postal.duplicate_in_batch"
    wrong = envelope(3).__class__(**{**envelope(3).__dict__, "item_number": wrong_label(7)})
    with pytest.raises(ValidationError) as check:
        postal_receipt.add_envelope(db, ref, wrong, "anh")
    assert check.value.key == "s10.check"
    postal_receipt.close_receipt(db, ref, "anh")
    with pytest.raises(ValidationError) as closed:
        postal_receipt.add_envelope(db, ref, envelope(4), "anh")
    assert closed.value.key == "postal.batch_closed"
    later = postal_batches.open_batch(db, Direction.RECEIPT, "anh").ref
    with pytest.raises(ValidationError) as again:
        postal_receipt.add_envelope(db, later, first, "anh")
    assert again.value.key == "postal.already_received" and again.value.params["ref"] == ref
    assert len(postal_batches.get_batch(db, ref).items) == 1


def test_bad_envelopes_are_refused_when_scanned_and_removal_and_empty_close(db: Database) -> None:
    ref = postal_batches.open_batch(db, Direction.RECEIPT, "anh").ref
    married = envelope(1).__class__(**{**envelope(1).__dict__, "procedure_code": "1.000894"})  # presence required
    with pytest.raises(ValidationError) as postal_not_allowed:
        postal_receipt.add_envelope(db, ref, married, "anh")
    assert postal_not_allowed.value.key == "lifecycle.postal_not_allowed"
    with pytest.raises(ValidationError) as empty:
        postal_receipt.close_receipt(db, ref, "anh")
    assert empty.value.key == "postal.batch_empty"
    postal_receipt.add_envelope(db, ref, envelope(2), "anh")
    assert postal_receipt.remove_envelope(db, ref, label(1002, "EB"), "anh").items == ()
    with pytest.raises(NotFound):
        postal_batches.get_batch(db, "BN-1999-0001")


def test_envelopes_checked_together_before_anything_is_written(db: Database) -> None:
    first = envelope(1)
    with pytest.raises(ValidationError) as twice:
        postal_receipt.check_envelopes(db, [first, envelope(2), first])
    assert twice.value.key == "postal.item_twice"
    postal_receipt.check_envelopes(db, [first, envelope(2, complete=False)])  # incomplete is not an error
    assert postal_batches.list_batches(db) == []

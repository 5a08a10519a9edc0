"""Envelopes received from the post in a batch: checked as they are scanned, resumed, closed in one go."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from counter_app import cli
from counter_app.catalogue_import import parse_catalogue
from counter_app.deadlines import due_at
from counter_app.errors import NotFound, ValidationError
from counter_app.lifecycle import Status
from counter_app.model import Channel, Delivery, DocumentEntry, TimeLimit, TimeUnit
from counter_app.postal import BatchStatus, Direction, Envelope, ItemState
from counter_app.services import office, postal_batches, postal_receipt
from counter_app.services.catalogue import store_procedures
from counter_app.services.queries import get_dossier
from counter_app.storage.database import Database
from tests.catalogue_corpus import birth_registration, residence_confirmation
from tests.conftest import at
from tests.postal.helpers import PEOPLE, envelope, label, wrong_label

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


def _published(db: Database) -> None:
    """Birth registration with three cases and conditional rows; residence confirmation with a group."""
    with db.write() as session:
        store_procedures(session, parse_catalogue([birth_registration(), residence_confirmation()],
                                                  dt.date(2025, 7, 1)).procedures)


def test_envelopes_follow_the_case_and_the_checklist_rules(db: Database) -> None:
    _published(db)
    birth, declaration = "1.001193", DocumentEntry("Tờ khai đăng ký khai sinh theo mẫu")
    certificate = DocumentEntry("Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp")
    common = Envelope(label(1, "EB"), birth, PEOPLE[0], (declaration, certificate))  # conditional rows do not block
    foreign = Envelope(label(2, "EB"), birth, PEOPLE[1], (declaration, DocumentEntry("Giấy chứng sinh")), case=2)
    lease = DocumentEntry("Hợp đồng thuê nhà có công chứng")
    residence = DocumentEntry("Tờ khai thay đổi thông tin cư trú (Mẫu CT01)")
    no_proof = Envelope(label(3, "EB"), "1.009999", PEOPLE[2], (residence,))
    with_proof = Envelope(label(4, "EB"), "1.009999", PEOPLE[3], (residence, lease))  # one member of the group
    ref = postal_batches.open_batch(db, Direction.RECEIPT, "anh").ref
    for one in (common, foreign, no_proof, with_proof):
        postal_receipt.add_envelope(db, ref, one, "anh")
    items = postal_batches.get_batch(db, ref).items
    assert [item.missing for item in items] == [
        (), ("Văn bản thỏa thuận của cha, mẹ về việc lựa chọn quốc tịch cho con",),
        ("Giấy tờ chứng minh chỗ ở hợp pháp, một trong các giấy tờ sau",), ()]
    closed = postal_receipt.close_receipt(db, ref, "anh", at=HANDED_OVER)
    assert [item.state for item in closed.items] == [ItemState.ACCEPTED, ItemState.SENT_BACK, ItemState.SENT_BACK,
                                                      ItemState.ACCEPTED]
    assert [get_dossier(db, str(item.dossier_id)).case_number for item in closed.items] == [1, 2, 1, 1]
    with pytest.raises(ValidationError) as no_case:
        postal_receipt.add_envelope(db, postal_batches.open_batch(db, Direction.RECEIPT, "anh").ref,
                                    Envelope(label(5, "EB"), birth, PEOPLE[4], (declaration,), case=4), "anh")
    assert no_case.value.key == "procedure.case_unknown"


def test_the_command_line_takes_a_case_for_each_envelope(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    _published(db)
    args = ["postal", "receive", "--batch", "NEW", "--data-dir", str(db.data_dir), "--json",
            "--item", label(6, "EB"), "--procedure", "1.001193", "--case", "2", "--name", "Lê Văn Bình",
            "--id-number", "001085000777", "--documents", "1,2,3",
            "--item", label(7, "EB"), "--procedure", "1.001193", "--name", "Phạm Thị Lan",
            "--id-number", "001192000888", "--documents", "1"]
    if db.dialect != "sqlite":
        args += ["--database-url", db.url]
    assert cli.main(args) == 0
    batch = json.loads(capsys.readouterr().out)
    assert [item["missing"] for item in batch["items"]] == [[], ["Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp"]]

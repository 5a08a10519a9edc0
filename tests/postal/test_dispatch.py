"""Results handed to the post by label, what became of each item, and the postage paid at the counter."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.errors import ValidationError
from counter_app.lifecycle import Action, Status
from counter_app.postal import ItemState, Outcome
from counter_app.reports.periods import Period
from counter_app.reports.tables import summary_rows
from counter_app.services import postal_dispatch, postal_outcomes
from counter_app.services.postal_dispatch import DispatchLine
from counter_app.services.postal_outcomes import StatusLine
from counter_app.services.queries import get_dossier, today_counts
from counter_app.services.reports import build_report
from counter_app.storage.database import Database
from tests.conftest import at
from tests.postal.helpers import label, ready_results, wrong_label

READY = at("2026-11-24 09:00")
SENT = at("2026-11-25 10:00")


def test_dispatch_records_each_return_and_a_wrong_label_refuses_the_whole_batch(db: Database) -> None:
    codes = ready_results(db, 3, READY)
    assert [r.code for r in postal_dispatch.ready_for_post(db)] == codes
    lines = [DispatchLine(code, label(n)) for n, code in enumerate(codes, start=1)]
    with pytest.raises(ValidationError) as refused:
        postal_dispatch.dispatch(db, [*lines[:2], DispatchLine(codes[2], wrong_label(3))], "anh", at=SENT)
    assert refused.value.key == "postal.dispatch_refused" and refused.value.params["value"] == codes[2]
    assert all(get_dossier(db, code).status is Status.RESULT_READY for code in codes)  # nothing written
    batch = postal_dispatch.dispatch(db, [*lines[:2], DispatchLine(codes[2], label(3), fee=23_000)], "anh",
                                     "Lê Văn Bưu", at=SENT)
    assert batch.ref == "BG-2026-0001" and [i.dossier_code for i in batch.items] == codes
    for code, item in zip(codes, batch.items, strict=True):
        dossier = get_dossier(db, code)
        assert dossier.status is Status.RETURNED and dossier.returned_at == SENT
        assert dossier.events[-1 if code != codes[2] else -2].payload["postal_item"] == item.item_number
    assert postal_dispatch.ready_for_post(db) == []
    with pytest.raises(ValidationError) as used:
        postal_dispatch.check_label(db, codes[0], label(1))
    assert used.value.key == "postal.label_used"
    fees = postal_outcomes.postal_fees(db, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert [(f.dossier_code, f.item_number, f.amount) for f in fees] == [(codes[2], label(3), 23_000)]
    postal_outcomes.record_fee(db, label(3), 25_000, "anh", at=at("2026-11-26 08:00"))  # corrected: replaces
    postal_outcomes.record_fee(db, label(1), 18_000, "anh", at=at("2026-12-01 08:00"))  # next month
    report = build_report(db, Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30)), at=at("2026-12-02 08:00"))
    assert report.totals.postage == 25_000 and report.totals.returned_by_post == 3
    assert ("postage", "Cước bưu chính thu tại quầy (đồng)", 25_000, 0) in summary_rows(report)


def test_returned_to_sender_goes_back_to_ready_with_its_reason(db: Database) -> None:
    codes = ready_results(db, 2, READY)
    postal_dispatch.dispatch(db, [DispatchLine(c, label(10 + n)) for n, c in enumerate(codes)], "anh", at=SENT)
    delivered = postal_outcomes.record_outcome(db, StatusLine(label(10), Outcome.DELIVERED, dt.date(2026, 11, 26)),
                                               "anh")
    assert delivered.state is ItemState.DELIVERED and get_dossier(db, codes[0]).status is Status.RETURNED
    with pytest.raises(ValidationError) as needs_reason:
        postal_outcomes.record_outcome(db, StatusLine(label(11), Outcome.RETURNED, dt.date(2026, 11, 27)), "anh")
    assert needs_reason.value.key == "lifecycle.reason_required"
    back = StatusLine(label(11), Outcome.RETURNED, dt.date(2026, 11, 27), "Không có người nhận")
    assert postal_outcomes.record_outcome(db, back, "anh", at=at("2026-11-27 16:00")).state is ItemState.RETURNED
    returned = get_dossier(db, codes[1])
    assert returned.status is Status.RESULT_READY and returned.returned_at is None
    assert returned.events[-1].type is Action.POSTAL_RETURNED
    (again,) = postal_dispatch.ready_for_post(db)
    assert again.code == codes[1] and again.returned_note == "Không có người nhận"
    assert today_counts(db, at("2026-11-27 16:05")).returned_by_post == 1
    with pytest.raises(ValidationError) as conflict:
        postal_outcomes.record_outcome(db, StatusLine(label(10), Outcome.RETURNED, dt.date(2026, 11, 27), "x"), "anh")
    assert conflict.value.key == "postal.outcome_conflict"
    postal_dispatch.dispatch(db, [DispatchLine(codes[1], label(12))], "anh", at=at("2026-11-30 09:00"))
    assert get_dossier(db, codes[1]).status is Status.RETURNED
    assert today_counts(db, at("2026-11-30 09:05")).returned_by_post == 0


def test_a_status_file_is_recorded_whole_once_or_refused_naming_its_row(db: Database) -> None:
    codes = ready_results(db, 3, READY)
    postal_dispatch.dispatch(db, [DispatchLine(c, label(20 + n)) for n, c in enumerate(codes)], "anh", at=SENT)
    good = [StatusLine(label(20), Outcome.DELIVERED, dt.date(2026, 11, 26), row=2),
            StatusLine(label(21), Outcome.RETURNED, dt.date(2026, 11, 26), "Sai địa chỉ", row=3)]
    with pytest.raises(ValidationError) as unknown:
        postal_outcomes.record_outcomes(db, [*good, StatusLine(label(99), Outcome.DELIVERED, READY.date(), row=4)],
                                        "anh")
    assert unknown.value.key == "postal.file_row" and unknown.value.params["where"] == 4
    assert get_dossier(db, codes[1]).status is Status.RETURNED  # the good rows were not kept either
    assert postal_outcomes.record_outcomes(db, good, "anh") == 2
    assert postal_outcomes.record_outcomes(db, good, "anh") == 0  # the same file again changes nothing
    assert get_dossier(db, codes[1]).status is Status.RESULT_READY

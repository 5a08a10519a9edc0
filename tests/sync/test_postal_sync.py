"""Postal work reaches the province like any other: envelopes received in a batch, results dispatched, the post's
outcomes and the postage paid are events the hub accepts and projects the same way."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from counter_app.postal import Direction, Outcome
from counter_app.services import postal_batches, postal_dispatch, postal_outcomes, postal_receipt
from counter_app.services.postal_dispatch import DispatchLine
from counter_app.services.postal_outcomes import StatusLine
from counter_app.storage.database import Database
from tests.conftest import at
from tests.postal.helpers import envelope, label, ready_results
from tests.sync.harness import OFFICE_A, enrol, make_counter, run, running_hub


def test_postal_events_are_accepted_and_projected_by_the_hub(tmp_path: Path) -> None:
    counter = make_counter(tmp_path / "a", OFFICE_A)
    database = Database.open(counter)
    ref = postal_batches.open_batch(database, Direction.RECEIPT, "anh").ref
    postal_receipt.add_envelope(database, ref, envelope(1), "anh")
    postal_receipt.add_envelope(database, ref, envelope(2, complete=False), "anh")
    received = [item.dossier_code for item in postal_receipt.close_receipt(database, ref, "anh").items]
    codes = ready_results(database, 2, at("2026-11-24 09:00"))
    postal_dispatch.dispatch(database, [DispatchLine(codes[0], label(1), fee=18_000), DispatchLine(codes[1], label(2))],
                             "anh", "Lê Văn Bưu", at=at("2026-11-25 09:00"))
    postal_outcomes.record_outcomes(database, [
        StatusLine(label(1), Outcome.DELIVERED, dt.date(2026, 11, 26)),
        StatusLine(label(2), Outcome.RETURNED, dt.date(2026, 11, 26), "Không có người nhận")], "anh")
    database.dispose()
    with running_hub(tmp_path / "hub") as hub:
        enrol(counter, hub, OFFICE_A)
        run(counter, "sync", "run")
        status = json.loads(run(counter, "sync", "status", "--json").stdout)
        assert status["pending_events"] == 0
        shown = {code: json.loads(hub.cli("show", code, "--json").stdout) for code in [received[0], *codes]}
    assert shown[received[0]]["status"] == "accepted" and shown[codes[0]]["status"] == "returned"
    assert shown[codes[1]]["status"] == "result_ready" and not any(d.get("conflict") for d in shown.values())
    assert [e["type"] for e in shown[codes[1]]["events"]][-2:] == ["result_returned", "postal_returned"]

"""Two counters of two offices and one hub on loopback: both work offline, then connect; the hub holds
everything; a change made at the province reaches the right counter only; no device touches another
office's dossiers."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx

from counter_app.storage.database import Database
from sync import keys
from sync.protocol import gzip_json
from tests.scanning.pages import text_page
from tests.sync.harness import OFFICE_A, OFFICE_B, DeviceAuth, Hub, enrol, make_counter, run, running_hub


def _intake(counter: Path, name: str, id_number: str, scan: Path | None = None) -> str:
    code = run(counter, "intake", "--procedure", "1.004873", "--name", name, "--id-number",
               id_number).stdout.split()[0]
    if scan is not None:
        run(counter, "scan", code, "--document", "1", "--source", str(scan), "--no-ocr")
    return code


def _scan(tmp_path: Path) -> Path:
    page = tmp_path / "page.png"
    text_page(200, lines=8).save(page, dpi=(200, 200))
    return page


def _show(hub: Hub, code: str) -> dict[str, object]:
    return dict(json.loads(hub.cli("show", code, "--json").stdout))


def test_offline_intake_on_two_counters_then_sync_and_a_status_change_from_the_province(tmp_path: Path) -> None:
    a, b = make_counter(tmp_path / "a", OFFICE_A), make_counter(tmp_path / "b", OFFICE_B)
    a1 = _intake(a, "Lê Thị Thu Hà", "079195000123", _scan(tmp_path))
    a2 = _intake(a, "Nguyễn Văn Đức", "001090123456")
    b1 = _intake(b, "Trần Thị Hồng", "001190000777")
    run(a, "transfer", a1)
    pending = json.loads(run(a, "sync", "status", "--json").stdout)
    assert pending["pending_events"] >= 6 and pending["pending_blobs"] == 1 and pending["last_sync"] is None

    with running_hub(tmp_path / "hub") as hub:
        assert "chưa đăng ký" in run(a, "sync", "run", check=False).stderr
        enrol(a, hub, OFFICE_A)
        enrol(b, hub, OFFICE_B)
        assert run(a, "sync", "run").returncode == 0
        assert run(b, "sync", "run").returncode == 0
        done = json.loads(run(a, "sync", "status", "--json").stdout)
        assert (done["pending_events"], done["pending_blobs"]) == (0, 0) and done["last_sync"]

        held = _show(hub, a1)
        assert held["office_code"] == OFFICE_A and held["status"] == "transferred"
        local = json.loads(run(a, "dossier", "show", a1, "--json").stdout)
        assert [e["id"] for e in held["events"]] == [e["id"] for e in local["events"]]  # type: ignore[union-attr]
        assert held["blobs"] == [{"sha256": local["documents"][0]["blob_sha256"], "arrived": True,
                                  "bytes": held["blobs"][0]["bytes"]}]  # type: ignore[index]
        assert _show(hub, a2)["status"] == "accepted" and _show(hub, b1)["office_code"] == OFFICE_B

        hub.cli("set-status", a1, "result-ready")
        assert _show(hub, a1)["status"] == "result_ready"
        run(a, "sync", "run")
        run(b, "sync", "run")
        assert json.loads(run(a, "dossier", "show", a1, "--json").stdout)["status"] == "result_ready"
        assert json.loads(run(b, "dossier", "show", b1, "--json").stdout)["status"] == "accepted"
        again = run(a, "sync", "run")  # nothing new: still exactly the same events on both sides
        assert again.returncode == 0
        assert len(_show(hub, a1)["events"]) == len(  # type: ignore[arg-type]
            json.loads(run(a, "dossier", "show", a1, "--json").stdout)["events"])

        _b_tries_to_write_a_dossier_of_a(hub, b, a1, tmp_path)
        _the_province_publishes_a_calendar_and_a_catalogue(hub, a, b, tmp_path)


def _the_province_publishes_a_calendar_and_a_catalogue(hub: Hub, a: Path, b: Path, tmp_path: Path) -> None:
    """A day off decided late, for every office; a new procedure, for office A only."""
    before = run(a, "due", "--procedure", "1.004873", "--received", "2026-12-02 09:00").stdout
    days = tmp_path / "days.json"
    days.write_text(json.dumps({"days": [{"day": "2026-12-03", "kind": "off", "note": "Nghỉ đột xuất"}]}))
    hub.cli("publish-calendar", str(days))
    catalogue = tmp_path / "catalogue.json"
    catalogue.write_text(json.dumps({"source": "QĐ công bố thử", "effective_from": "2026-01-01", "procedures": [
        {"code": "9.999999", "name": "Thủ tục thử nghiệm của tỉnh", "field": "Thử", "processing_days": 1,
         "cutoff_applies": False, "fee": {"kind": "free"},
         "documents": [{"name": "Đơn đề nghị", "kind": "original", "quantity": 1, "mandatory": True}]}]},
        ensure_ascii=False))
    hub.cli("publish-catalogue", str(catalogue), "--office", OFFICE_A)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"days": [{"day": "2026-13-45", "kind": "off"}]}))
    assert hub.cli("publish-calendar", str(bad), check=False).returncode == 2  # refused at the hub already
    run(a, "sync", "run")
    run(b, "sync", "run")
    after = run(a, "due", "--procedure", "1.004873", "--received", "2026-12-02 09:00").stdout
    assert after != before and "2026-12-03" not in after  # the day off is skipped
    assert run(b, "due", "--procedure", "1.004873", "--received", "2026-12-02 09:00").stdout == after
    assert "9.999999" in run(a, "catalogue", "list", "--json").stdout
    assert "9.999999" not in run(b, "catalogue", "list", "--json").stdout


def _b_tries_to_write_a_dossier_of_a(hub: Hub, b: Path, a1: str, tmp_path: Path) -> None:
    """B's own key, a well-formed event, A's dossier: refused, and the hub's dossier unchanged."""
    before = _show(hub, a1)
    database = Database.open(b)
    try:
        auth = DeviceAuth(keys.device_key(b), database.device_id)
        event = {"id": str(uuid.uuid4()), "device_id": str(database.device_id), "seq": 999,
                 "dossier_id": before["id"], "type": "withdrawn", "device_time": "2026-11-23T10:00:00+07:00",
                 "actor": "b", "payload": {"reason": "x"}}
    finally:
        database.dispose()
    answer = httpx.post(f"{hub.url}/v1/events", content=gzip_json({"events": [event]}), auth=auth,
                        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert answer.status_code == 200 and answer.json()["accepted"] == 0
    assert [item["key"] for item in answer.json()["refused"]] == ["hub.refused.other_office"]
    after = _show(hub, a1)
    assert [item["id"] for item in after.pop("refused")] == [event["id"]]  # kept for the province to see
    assert before.pop("refused") == [] and after == before
    feed = httpx.get(f"{hub.url}/v1/feed", auth=auth).json()
    assert feed["items"] == []  # B reads only its own office's feed

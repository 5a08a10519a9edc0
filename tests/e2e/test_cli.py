"""The counter-app command as a clerk or a script runs it, in a subprocess."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

QR = "001090123456|012345678|NGUYỄN VĂN ĐỨC|01011990|Nam|Thôn Đông, xã Tân Hòa|15042021"


def run(data: Path, *args: str, check: bool = True,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "counter_app.cli", *args, "--data-dir", str(data)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, **(env or {})})
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def data(tmp_path: Path) -> Path:
    run(tmp_path, "init", "--office-code", "000.00.12.H12", "--office-name", "TTPVHCC xã Tân Hòa", "--place-name",
        "Tân Hòa")
    return tmp_path


def test_intake_show_search_and_due(data: Path) -> None:
    code = run(data, "intake", "--procedure", "1.001193", "--cccd-qr", QR, "--phone", "0912345678").stdout.split()[0]
    assert code.startswith("000.00.12.H12-") and code.endswith("-0001")
    shown = json.loads(run(data, "dossier", "show", code, "--json").stdout)
    assert shown["applicant"]["full_name"] == "NGUYỄN VĂN ĐỨC"
    assert shown["applicant"]["date_of_birth"] == "1990-01-01"
    assert shown["status"] == "accepted" and shown["due_at"].endswith("+07:00")
    hits = json.loads(run(data, "search", "nguyen van duc", "--json").stdout)
    assert [hit["code"] for hit in hits] == [code]
    assert run(data, "due", "--procedure", "1.001193", "--received", "2026-11-23 15:30").stdout.strip() == (
        "2026-11-25T17:00+07:00"
    )


def test_every_transition_from_the_command_line(data: Path) -> None:
    code = run(data, "intake", "--procedure", "1.004873", "--name", "Trần Thị Hồng", "--id-number",
               "079195000123").stdout.split()[0]
    for args in (["transfer", "--to", "Tư pháp"], ["request-supplement", "--reason", "Thiếu giấy"],
                 ["supplement-received"], ["extend", "--new-due", "2027-06-30", "--reason", "Xác minh"],
                 ["result-ready", "--note", "Đã ký"],
                 ["return", "--recipient-name", "Trần Thị Hồng", "--recipient-id", "079195000123"]):
        run(data, args[0], code, *args[1:])
    events = json.loads(run(data, "dossier", "show", code, "--json").stdout)["events"]
    assert [e["type"] for e in events] == ["received", "accepted", "transferred", "supplement_requested",
                                           "supplement_received", "extended", "result_recorded", "result_returned"]


def test_errors_are_plain_vietnamese_or_english_and_write_nothing(data: Path) -> None:
    bad = run(data, "intake", "--procedure", "1.001193", "--cccd-qr", "rác|rác", check=False)
    assert bad.returncode == 2 and "Mã QR CCCD có 2 trường" in bad.stderr and "Traceback" not in bad.stderr
    english = run(data, "withdraw", "000.00.12.H12-261122-0099", "--reason", "x", "--lang", "en", check=False)
    assert english.returncode == 2 and "No dossier" in english.stderr
    assert json.loads(run(data, "search", "rac", "--json").stdout) == []
    refused = run(data, "intake", "--procedure", "1.004873", "--name", "A", "--id-number", "001090123456",
                  "--documents", "2", "--refuse", "Không đủ điều kiện")
    assert "Từ chối tiếp nhận" in refused.stdout


def test_catalogue_import_reports_rows(data: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"effective_from": "2026-01-01", "procedures": [
        {"code": "1.2", "name": "", "processing_days": -1}]}), "utf-8")
    done = run(data, "catalogue", "import", str(bad), check=False)
    assert done.returncode == 2
    assert "1.2: mã thủ tục «1.2» không hợp lệ" in done.stderr and "thiếu tên" in done.stderr


KILL_SCRIPT = """
import sys
from pathlib import Path
from counter_app.model import Person
from counter_app.services.intake import IntakeRequest, intake
from counter_app.storage.database import Database
db = Database.open(Path(sys.argv[1]))
person = Person("Lê Văn Bình", "001090123456")
while True:
    print(intake(db, IntakeRequest("1.001193", person), "batch").code, flush=True)
"""


@pytest.mark.slow
def test_kill_9_mid_batch_keeps_every_reported_intake(data: Path) -> None:
    reported: list[str] = []
    for round_ in range(3):
        child = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(data)], stdout=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert child.stdout is not None
        deadline = time.monotonic() + 60
        target = len(reported) + 15 + 7 * round_
        while len(reported) < target and time.monotonic() < deadline:
            reported.append(child.stdout.readline().strip())
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    with sqlite3.connect(data / "counter.sqlite3") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in connection.execute("SELECT code FROM dossier")}
        events = connection.execute("SELECT count(*) FROM dossier_event").fetchone()[0]
        dossiers = connection.execute("SELECT count(*) FROM dossier").fetchone()[0]
    assert set(reported) <= stored
    assert len(stored) == dossiers and events == 2 * dossiers  # no half-written intake
    assert run(data, "audit", "--json").stdout.count('"first_broken": null') == 1

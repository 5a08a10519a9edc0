"""`counter-app postal`: a batch received and closed, results dispatched by label, the post's files, kill -9."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from counter_app.storage.database import Database
from tests.conftest import at
from tests.e2e.test_cli import run
from tests.pdftools import info, page_texts, text_of
from tests.postal.helpers import PEOPLE, label, ready_results, wrong_label


@pytest.fixture
def data(tmp_path: Path) -> Path:
    run(tmp_path, "init", "--office-code", "000.00.12.H12", "--office-name",
        "Trung tâm Phục vụ hành chính công xã Tân Hòa", "--place-name", "Tân Hòa")
    return tmp_path


def _envelope_args(n: int, complete: bool) -> list[str]:
    person = PEOPLE[n - 1]
    return ["--item", label(2000 + n, "EB"), "--procedure", "1.004873", "--name", person.full_name,
            "--id-number", person.id_number, "--address", person.address, "--documents", "1,2" if complete else "2"]


def test_five_envelopes_received_closed_and_the_record_read_back(data: Path, tmp_path: Path) -> None:
    first = run(data, "postal", "receive", "--batch", "NEW", "--postal-worker", "Lê Văn Bưu", "--json",
                *_envelope_args(1, True), *_envelope_args(2, False), *_envelope_args(3, True))
    ref = json.loads(first.stdout)["ref"]
    duplicate = run(data, "postal", "receive", "--batch", ref, *_envelope_args(3, True), check=False)
    assert duplicate.returncode == 2 and f"Bưu gửi {label(2003, 'EB')} đã có trong lô {ref}" in duplicate.stderr
    bad = ["--item", wrong_label(9), "--procedure", "1.004873", "--name", "A", "--id-number", "001090123456"]
    check = run(data, "postal", "receive", "--batch", ref, *bad, "--lang", "en", check=False)
    assert check.returncode == 2 and "wrong check digit" in check.stderr and "Traceback" not in check.stderr
    (still_open,) = json.loads(run(data, "postal", "batches", "--open", "--json").stdout)
    assert still_open["ref"] == ref and len(still_open["items"]) == 3
    record, slips = tmp_path / "bien-ban.pdf", tmp_path / "phieu.pdf"
    run(data, "postal", "receive", "--batch", ref, *_envelope_args(4, True), *_envelope_args(5, False),
        "--close", "--out", str(record), "--slips", str(slips))
    assert json.loads(run(data, "postal", "batches", "--open", "--json").stdout) == []
    copies = page_texts(record)
    assert len(copies) == 2 and "Bản số 01" in copies[0] and "Bản số 02" in copies[1]
    for text in copies:
        assert all(label(2000 + n, "EB") in text for n in range(1, 6))
        assert "Tổng số: 5 hồ sơ, trong đó 3 hồ sơ đầy đủ được tiếp nhận và 2 hồ sơ chưa đầy đủ" in text
        assert "Nhân viên bưu chính: Lê Văn Bưu" in text and f"Số: {ref}" in text
    letters = text_of(slips)
    assert letters.count("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ") == 2
    assert letters.count(f"số phiếu gửi: {label(2001, 'EB')}") >= 1
    closed = json.loads(run(data, "postal", "batches", "--json").stdout)[0]
    assert [i["state"] for i in closed["items"]] == ["accepted", "sent_back", "accepted", "accepted", "sent_back"]


def test_dispatch_by_label_the_post_files_and_outcomes(data: Path, tmp_path: Path) -> None:
    database = Database.open(data)
    codes = ready_results(database, 3, at("2026-11-24 09:00"))
    database.dispose()
    pairs = [f"{code}={label(300 + n)}" for n, code in enumerate(codes)]
    wrong = run(data, "postal", "dispatch", "--item", pairs[0], "--item", f"{codes[1]}={wrong_label(301)}",
                check=False)
    assert wrong.returncode == 2 and f"Hồ sơ {codes[1]}: Số hiệu bưu gửi" in wrong.stderr
    record = tmp_path / "gui.pdf"
    items = [arg for pair in pairs for arg in ("--item", pair)]
    sent = json.loads(run(data, "postal", "dispatch", *items, "--postal-worker", "Lê Văn Bưu", "--out", str(record),
                          "--json").stdout)
    assert [i["dossier_code"] for i in sent["items"]] == codes
    assert info(record)["Pages"] == 2 and all(label(300 + n) in text_of(record) for n in range(3))
    listing = tmp_path / "danh-sach.xlsx"
    run(data, "postal", "export-dispatch", sent["ref"], "--out", str(listing))
    rows = list(load_workbook(listing).worksheets[0].iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == [label(300 + n) for n in range(3)] and {r[6] for r in rows[1:]} == {0}
    status = tmp_path / "trang-thai.csv"
    with status.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([["Số phiếu gửi", "Trạng thái", "Ngày", "Lý do"],
                                    [label(300), "Đã phát", "26/11/2026", ""],
                                    [label(301), "Chuyển hoàn", "27/11/2026", "Không có người nhận"],
                                    [label(399), "Đã phát", "27/11/2026", ""]])
    refused = run(data, "postal", "import-status", str(status), check=False)
    assert refused.returncode == 2 and refused.stderr.startswith("Dòng 4: ")
    assert json.loads(run(data, "dossier", "show", codes[1], "--json").stdout)["status"] == "returned"
    status.write_text("\n".join(status.read_text("utf-8").splitlines()[:-1]) + "\n", "utf-8")
    assert json.loads(run(data, "postal", "import-status", str(status), "--json").stdout)["recorded"] == 2
    assert json.loads(run(data, "dossier", "show", codes[1], "--json").stdout)["status"] == "result_ready"
    run(data, "postal", "fee", label(302), "--amount", "18000")
    fees = json.loads(run(data, "postal", "fees", "--from", "2026-01-01", "--to", "2030-12-31", "--json").stdout)
    assert fees["total"] == 18000 and fees["items"][0]["dossier_code"] == codes[2]


ADD_FOREVER = """
import sys
from pathlib import Path
from counter_app.postal import Direction
from counter_app.services import postal_batches, postal_receipt
from counter_app.storage.database import Database
from tests.postal.helpers import envelope
db = Database.open(Path(sys.argv[1]))
ref = postal_batches.open_batch(db, Direction.RECEIPT, "anh").ref
print(ref, flush=True)
n = 0
while True:
    n += 1
    print(postal_receipt.add_envelope(db, ref, envelope(n, complete=n % 3 != 0), "anh").items[-1].item_number,
          flush=True)
"""


@pytest.mark.slow
def test_an_open_batch_survives_kill_9_and_is_resumed(data: Path, tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", ADD_FOREVER, str(data)], stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2], env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert child.stdout is not None
    ref = child.stdout.readline().strip()
    reported: list[str] = []
    deadline = time.monotonic() + 60
    while len(reported) < 12 and time.monotonic() < deadline:
        reported.append(child.stdout.readline().strip())
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with sqlite3.connect(data / "counter.sqlite3") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    (batch,) = json.loads(run(data, "postal", "batches", "--open", "--json").stdout)
    held = [item["item_number"] for item in batch["items"]]
    assert batch["ref"] == ref and held[: len(reported)] == reported and len(held) <= len(reported) + 1
    run(data, "postal", "receive", "--batch", ref, "--close", "--out", str(tmp_path / "bb.pdf"))
    assert all(number in text_of(tmp_path / "bb.pdf") for number in held)

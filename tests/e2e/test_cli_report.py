"""`counter-app report` and `counter-app rate`: the figures as one JSON object, the files, clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from counter_app.clock import now
from tests.e2e.test_cli import run

KEYS = ("received", "settled", "settled_early", "settled_on_time", "settled_late", "open_overdue",
        "apology_before_deadline", "digitised_dossiers", "rating_count", "rating_satisfied")


def test_rate_then_report_as_json_and_xlsx_and_the_register_as_xlsx(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run(data, "init", "--office-code", "000.00.12.H12", "--office-name", "Trung tâm Phục vụ hành chính công xã Tân Hòa",
        "--place-name", "Tân Hòa")
    code = run(data, "intake", "--procedure", "1.004873", "--name", "Lê Thị Thu Hà", "--id-number",
               "079195000123").stdout.split()[0]
    refused = run(data, "rate", code, "7", check=False)
    assert refused.returncode == 2 and "1, 2, 3 hoặc 4" in refused.stderr and "Traceback" not in refused.stderr
    rated = json.loads(run(data, "rate", code, "4", "--reason", "Phải chờ lâu", "--stage", "intake", "--json").stdout)
    assert (rated["score"], rated["reason"]) == (4, "wait")
    today = now().date().isoformat()
    figures = json.loads(run(data, "report", "--from", today, "--to", today, "--json").stdout)
    assert all(key in figures for key in KEYS)
    assert (figures["received"], figures["rating_count"], figures["rating_satisfied"]) == (1, 1, 0)
    out = tmp_path / "bao-cao.xlsx"
    run(data, "report", "--from", today, "--to", today, "--format", "xlsx", "--out", str(out))
    assert load_workbook(out)["Tổng hợp"]["A6"].value == "Tiếp nhận"
    missing = run(data, "report", "--from", today, "--to", today, "--format", "pdf", check=False)
    assert missing.returncode == 2 and "xlsx hoặc pdf" in missing.stderr
    book = tmp_path / "so-theo-doi.xlsx"
    run(data, "print", "register", "--from", today, "--to", today, "--out", str(book))
    assert [row[1] for row in load_workbook(book).active.iter_rows(min_row=3, values_only=True)] == [code]

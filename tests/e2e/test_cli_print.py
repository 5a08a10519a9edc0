"""`counter-app print`: any form of a dossier to a PDF file, refused clearly when it does not fit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counter_app.clock import local, now
from counter_app.services.office import calendar_of
from counter_app.storage.database import Database
from tests.e2e.test_cli import run
from tests.pdftools import barcodes, info, text_of


@pytest.fixture
def data(tmp_path: Path) -> Path:
    run(tmp_path, "init", "--office-code", "000.00.12.H12", "--office-name",
        "Trung tâm Phục vụ hành chính công xã Tân Hòa", "--place-name", "Tân Hòa")
    return tmp_path


def _intake(data: Path, *extra: str) -> str:
    return run(data, "intake", "--procedure", "1.004873", "--name", "Lê Thị Thu Hà", "--id-number", "079195000123",
               *extra).stdout.split()[0]


def test_print_receipt_control_sheet_and_thermal(data: Path, tmp_path: Path) -> None:
    code = _intake(data)
    for form, marker in (("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
                         ("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
                         ("thermal", "GIẤY TIẾP NHẬN VÀ HẸN TRẢ KẾT QUẢ")):
        out = tmp_path / f"{form}.pdf"
        run(data, "print", form, code, "--out", str(out))
        text = text_of(out)
        assert marker in text and "Lê Thị Thu Hà" in text
        assert barcodes(out) == {("Code128", code), ("QRCode", code)}


def test_print_notices_after_each_action(data: Path, tmp_path: Path) -> None:
    code = _intake(data)
    run(data, "transfer", code, "--to", "Công chức Tư pháp - Hộ tịch")
    database = Database.open(data)
    try:
        with database.read() as session:  # a working day by the folder's own calendar (holidays too)
            due = calendar_of(session).next_working_day(local(now()).date() + dt.timedelta(days=29))
    finally:
        database.dispose()
    run(data, "extend", code, "--new-due", due.isoformat(), "--reason", "Cần xác minh nơi cư trú")
    run(data, "request-supplement", code, "--reason", "Bổ sung trích lục ly hôn")
    run(data, "stop", code, "--requested-by", "applicant", "--reason", "Người nộp đề nghị dừng")
    for form, marker in (("02", "Bổ sung trích lục ly hôn"), ("04", "Cần xác minh nơi cư trú"),
                         ("05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ")):
        out = tmp_path / f"{form}.pdf"
        run(data, "print", form, code, "--out", str(out))
        assert marker in text_of(out)
        assert info(out)["Pages"] == 1


def test_a_form_that_does_not_fit_is_refused_and_no_file_is_left(data: Path, tmp_path: Path) -> None:
    code = _intake(data)
    out = tmp_path / "03.pdf"
    refused = run(data, "print", "03", code, "--out", str(out), check=False)
    assert refused.returncode == 2
    assert "Không in được Phiếu từ chối tiếp nhận giải quyết hồ sơ" in refused.stderr
    assert "Traceback" not in refused.stderr and not out.exists()
    english = run(data, "print", "postal", code, "--out", str(out), "--lang", "en", check=False)
    assert english.returncode == 2 and "Cannot print the postal hand-over record" in english.stderr
    unknown = run(data, "print", "09", code, "--out", str(out), check=False)
    assert unknown.returncode == 2 and "Không có mẫu «09»" in unknown.stderr


def test_print_postal_record_and_register(data: Path, tmp_path: Path) -> None:
    first = _intake(data, "--channel", "postal", "--postal-item", "RR123456785VN")
    second = _intake(data, "--channel", "postal", "--postal-item", "EE123456785VN")
    out = tmp_path / "postal.pdf"
    run(data, "print", "postal", first, second, "--out", str(out))
    text = text_of(out)
    assert first in text and second in text and "RR123456785VN" in text and "Tổng số: 2 hồ sơ" in text
    today = local(now()).date().isoformat()
    register = tmp_path / "register.pdf"
    run(data, "print", "register", "--from", today, "--to", today, "--out", str(register))
    assert first in text_of(register) and "SỔ THEO DÕI HỒ SƠ" in text_of(register)
    missing = run(data, "print", "register", "--out", str(register), check=False)
    assert missing.returncode == 2 and "--from" in missing.stderr


def test_unwritable_output_is_a_clear_message(data: Path, tmp_path: Path) -> None:
    code = _intake(data)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    done = run(data, "print", "01", code, "--out", str(blocked / "slip.pdf"), check=False)
    assert done.returncode == 2 and "Không ghi được tệp" in done.stderr and "Traceback" not in done.stderr
    assert "không phải thư mục" in done.stderr and "Not a directory" not in done.stderr

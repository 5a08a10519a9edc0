"""The forms as the 2025 texts read them: each page's text compared exactly with a reviewed copy, in both form
sets; the control sheet's table checked cell by cell from its ruling lines and word boxes.

After an intended wording or layout change, rewrite the copies with `UPDATE_EXPECTED=1 pytest …` and read the
diff of tests/printing/expected/ before committing it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.forms import Form, FormContext, FormSet
from counter_app.model import Person, StopRequester
from counter_app.services import office, printouts
from counter_app.services import processing as p
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.storage.database import Database
from printing import render
from tests.conftest import OFFICE, at
from tests.pdftools import Rule, Word, barcodes, info, rules, words
from tests.samples import DUC, TTHN, make_samples

EXPECTED = Path(__file__).parent / "expected"
HEADER = {"parent_body": "UBND xã Tân Hòa", "issuing_office": "Trung tâm Phục vụ hành chính công",
          "phone": "0203 3888 123"}
AGENT = Person("Lê Văn Tâm", "001085000111", authorisation="Giấy ủy quyền số 12/2026, chứng thực ngày 18/11/2026")
PRINTED = at("2026-12-01 09:00")


@pytest.fixture(scope="module")
def forms_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, str]]]:
    """The print samples, two more (a stop by the office right after acceptance, a dossier handed in by an
    authorised representative), and an office with both header lines and a phone."""
    database = Database.open(tmp_path_factory.mktemp("forms-2025"))
    initialise(database, OFFICE)
    office.update_office(database, HEADER, "admin")
    refs = make_samples(database)
    stopped = str(intake(database, IntakeRequest(TTHN, DUC), "clerk", at=at("2026-11-20 13:00")).code)
    p.stop(database, stopped, "clerk", "Cơ quan có văn bản đề nghị xác minh chưa có kết quả", StopRequester.OFFICE,
           at=at("2026-11-20 14:00"))
    refs["stopped_by_office"] = stopped
    refs["represented"] = str(intake(database, IntakeRequest(TTHN, DUC, submitter=AGENT), "clerk",
                                     at=at("2026-11-20 14:30")).code)
    again = str(intake(database, IntakeRequest(TTHN, DUC), "clerk", at=at("2026-11-20 15:00")).code)
    p.transfer(database, again, "clerk", to="Công chức Tư pháp - Hộ tịch", at=at("2026-11-20 15:30"))
    p.request_supplement(database, again, "clerk", "Bổ sung trích lục bản án ly hôn", at=at("2026-11-23 10:00"))
    p.supplement_received(database, again, "clerk", "Đã nộp trích lục", at=at("2026-11-24 09:00"))
    refs["resubmitted"] = again
    yield database, refs
    database.dispose()


def _context(forms_db: tuple[Database, dict[str, str]], sample: str, form: Form, form_set: FormSet) -> FormContext:
    database, refs = forms_db
    context = printouts.form_context(database, refs[sample], form, at=PRINTED)
    return dataclasses.replace(context, form_set=form_set)


def _pages(pdf: Path) -> str:
    """Every page's text as pdftotext -raw reads it (NFC, lines right-stripped), pages separated."""
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "\n".join(line.rstrip() for line in unicodedata.normalize("NFC", raw).splitlines()).strip() + "\n"


def _same_as_expected(pdf: Path, name: str) -> None:
    expected = EXPECTED / f"{name}.txt"
    got = _pages(pdf)
    if os.environ.get("UPDATE_EXPECTED"):
        expected.write_text(got, "utf-8")
    assert got == expected.read_text("utf-8"), f"{name}: the printed text changed"


FORMS = [(Form.RECEIPT, "represented"), (Form.RECEIPT, "extended"), (Form.SUPPLEMENT, "counter_supplement"),
         (Form.SUPPLEMENT, "supplement"), (Form.REFUSAL, "counter_refusal"), (Form.REFUSAL, "refused"),
         (Form.APOLOGY, "extended"), (Form.STOP, "stopped"), (Form.STOP, "stopped_by_office"),
         (Form.CONTROL, "returned_by_post"), (Form.CONTROL, "accepted"), (Form.THERMAL, "extended")]


@pytest.mark.parametrize("form_set", list(FormSet))
@pytest.mark.parametrize(("form", "sample"), FORMS)
def test_each_form_reads_exactly_as_reviewed(forms_db: tuple[Database, dict[str, str]], tmp_path: Path,
                                             form: Form, sample: str, form_set: FormSet) -> None:
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(render.render(_context(forms_db, sample, form, form_set)))
    _same_as_expected(pdf, f"{form.value}-{sample}-{form_set.value}")


def test_register_and_postal_record_read_exactly_as_reviewed(forms_db: tuple[Database, dict[str, str]],
                                                             tmp_path: Path) -> None:
    database, refs = forms_db
    pdf = tmp_path / "register.pdf"
    pdf.write_bytes(render.render_register(printouts.register(database, dt.date(2026, 11, 16),
                                                              dt.date(2026, 11, 30), at=PRINTED)))
    _same_as_expected(pdf, "register-tt03_2025")
    pdf.write_bytes(render.render_register(printouts.register(database, dt.date(2025, 9, 1),
                                                              dt.date(2025, 9, 30), at=PRINTED)))
    _same_as_expected(pdf, "register-tt01_2018")
    pdf.write_bytes(render.render_postal(printouts.postal_record(database, [refs["postal"]], None, "clerk",
                                                                 at=PRINTED)))
    _same_as_expected(pdf, "postal")


@pytest.mark.parametrize("form_set", list(FormSet))
def test_control_sheet_cells_hold_the_parties_time_signatures_result_and_note(
    forms_db: tuple[Database, dict[str, str]], tmp_path: Path, form_set: FormSet,
) -> None:
    pdf = tmp_path / "06.pdf"
    pdf.write_bytes(render.render(_context(forms_db, "returned_by_post", Form.CONTROL, form_set)))
    found = [w for w in words(pdf) if w.page == 1]
    lines = rules(pdf, 1)
    blocks = [w for w in found if w.text == "Giao:"]
    expected = [
        ("Bộ phận tiếp nhận và trả kết quả", "Công chức Tư pháp - Hộ tịch", "11 giờ 30 phút, ngày 20 tháng 11 năm 2026",
         "Trần Thị Ngọc Ánh", "", "", ""),
        ("Công chức Tư pháp - Hộ tịch", "Bộ phận tiếp nhận và trả kết quả", "16 giờ 00 phút, ngày 24 tháng 11 năm 2026",
         "", "Trần Thị Ngọc Ánh", "Trước hạn", "Giấy xác nhận số 45"),
        ("Bộ phận tiếp nhận và trả kết quả", "Bưu chính công ích", "08 giờ 00 phút, ngày 25 tháng 11 năm 2026",
         "Trần Thị Ngọc Ánh", "", "", "RR987654326VN"),
    ]
    assert len(blocks) == len(expected)  # the returned dossier: its three hand-offs, no blank rows
    for giao, (giver, taker, time, giver_name, taker_name, result, note) in zip(blocks, expected, strict=True):
        parties = _cell(giao, lines)
        assert _text(found, parties) == f"1. Giao: {giver} 2. Nhận: {taker}"
        time_cell = _right_of(parties, lines, found, top=parties[1])
        assert _text(found, time_cell) == time and time_cell[3] < parties[3]  # the upper half: the time
        giver_cell = _cell_at(time_cell[0] + 1, time_cell[3] + 1, lines)
        taker_cell = _cell_at(giver_cell[2] + 1, time_cell[3] + 1, lines)
        assert _text(found, giver_cell) == " ".join(filter(None, ("Người giao", giver_name)))
        assert _text(found, taker_cell) == " ".join(filter(None, ("Người nhận", taker_name)))
        assert giver_cell[0] == time_cell[0] and taker_cell[2] == time_cell[2]  # the two halves under the time
        assert giver_cell[3] == taker_cell[3] == parties[3]
        result_cell = _right_of(time_cell, lines, found, top=parties[1])
        assert result_cell[1] == parties[1] and result_cell[3] == parties[3]
        assert _text(found, result_cell) == result
        note_cell = _right_of(result_cell, lines, found, top=parties[1])
        assert _text(found, note_cell) == note
    assert barcodes(pdf) == {("Code128", forms_db[1]["returned_by_post"]), ("QRCode", forms_db[1]["returned_by_post"])}


def test_a_supplement_goes_back_through_the_counter(forms_db: tuple[Database, dict[str, str]],
                                                    tmp_path: Path) -> None:
    pdf = tmp_path / "06.pdf"
    pdf.write_bytes(render.render(_context(forms_db, "resubmitted", Form.CONTROL, FormSet.TT03_2025)))
    found, lines = [w for w in words(pdf) if w.page == 1], rules(pdf, 1)
    parties = [_text(found, _cell(giao, lines)) for giao in found if giao.text == "Giao:"]
    reception, officer, dots = "Bộ phận tiếp nhận và trả kết quả", "Công chức Tư pháp - Hộ tịch", "…………"
    assert parties[:3] == [f"1. Giao: {reception} 2. Nhận: {officer}", f"1. Giao: {officer} 2. Nhận: {reception}",
                           f"1. Giao: {reception} 2. Nhận: {officer}"]
    assert set(parties[3:]) <= {f"1. Giao: {dots} 2. Nhận: {dots}"}  # result and return still to come


def test_blank_hand_offs_have_every_cell(forms_db: tuple[Database, dict[str, str]], tmp_path: Path) -> None:
    pdf = tmp_path / "06.pdf"
    pdf.write_bytes(render.render(_context(forms_db, "accepted", Form.CONTROL, FormSet.TT03_2025)))
    assert info(pdf)["Pages"] == 1
    found, lines = words(pdf), rules(pdf, 1)
    blocks = [w for w in found if w.text == "Giao:"]
    assert len(blocks) == 3  # transfer, result back, return: still to come
    for giao in blocks:
        parties = _cell(giao, lines)
        assert _text(found, parties) == "1. Giao: ………… 2. Nhận: …………"
        time_cell = _right_of(parties, lines, found, top=parties[1])
        assert _text(found, time_cell) == "…… giờ …… phút, ngày …… tháng …… năm ……"
        assert _text(found, _cell_at(time_cell[0] + 1, time_cell[3] + 1, lines)) == "Người giao"
        assert _text(found, _cell_at(time_cell[2] - 1, time_cell[3] + 1, lines)) == "Người nhận"


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _cell(word: Word, lines: list[Rule]) -> Box:
    return _cell_at((word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2, lines)


def _cell_at(x: float, y: float, lines: list[Rule]) -> Box:
    """The ruled rectangle around (x, y): the nearest rule on each side that actually passes there."""
    left = max(r.x0 for r in lines if r.vertical and r.x0 < x and r.y0 <= y <= r.y1)
    right = min(r.x0 for r in lines if r.vertical and r.x0 > x and r.y0 <= y <= r.y1)
    top = max(r.y0 for r in lines if r.horizontal and r.y0 < y and r.x0 <= x <= r.x1)
    bottom = min(r.y0 for r in lines if r.horizontal and r.y0 > y and r.x0 <= x <= r.x1)
    return left, top, right, bottom


def _right_of(cell: Box, lines: list[Rule], found: list[Word], top: float) -> Box:
    return _cell_at(cell[2] + 1, top + 1, lines)


def _text(found: list[Word], cell: Box) -> str:
    inside = [w for w in found if cell[0] < (w.x0 + w.x1) / 2 < cell[2] and cell[1] < (w.y0 + w.y1) / 2 < cell[3]]
    return " ".join(w.text for w in sorted(inside, key=lambda w: (round(w.y0), w.x0)))


def test_a_reprint_after_an_extension_keeps_the_first_appointment(forms_db: tuple[Database, dict[str, str]],
                                                                  tmp_path: Path) -> None:
    pdf = tmp_path / "f.pdf"
    for form, line in ((Form.RECEIPT, "5. Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 26 tháng 11"),
                       (Form.THERMAL, "Hẹn trả: 10 giờ 00 phút, ngày 26 tháng 11"),
                       (Form.APOLOGY, "Thời gian hẹn trả kết quả lại: 10 giờ 00 phút, ngày 01 tháng 12")):
        pdf.write_bytes(render.render(_context(forms_db, "extended", form, FormSet.TT03_2025)))
        assert line in " ".join(_pages(pdf).split())


def test_control_sheet_with_texts_at_their_limits_still_prints(tmp_path: Path) -> None:
    from counter_app import limits  # noqa: PLC0415

    database = Database.open(tmp_path)
    try:
        initialise(database, OFFICE)
        office.update_office(database, {"parent_body": "Ủy ban nhân dân xã " * 15, "issuing_office": "Trung tâm " * 30},
                             "admin")
        code = str(intake(database, IntakeRequest(TTHN, DUC), "clerk").code)
        p.transfer(database, code, "clerk", to="Công chức Tư pháp - Hộ tịch " * 10,
                   note="Ghi chú dài " * (limits.NOTE.max_length // 12))
        p.request_supplement(database, code, "clerk", "Lý do rất dài " * (limits.REASON.max_length // 14))
        pdf = tmp_path / "06.pdf"
        pdf.write_bytes(render.render(printouts.form_context(database, code, Form.CONTROL)))
    finally:
        database.dispose()
    text = " ".join(_pages(pdf).split())
    assert "Ghi chú dài" in text and "Lý do rất dài" in text and "…" in text

"""Every form drawn from real dossiers: its words read back with poppler, its barcodes decoded with zxing-cpp."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from counter_app.errors import ValidationError
from counter_app.forms import Form, FormSet, PostalDirection
from counter_app.model import DocumentKind, ReceivedDocument
from counter_app.services import printouts
from counter_app.services.office import set_forms_switch_date
from counter_app.storage.database import Database
from printing import render
from tests.pdftools import barcodes, fonts_of, info, page_texts, text_of, words
from tests.samples import DUC, LONG

OFFICE_NAME = "Trung tâm Phục vụ hành chính công xã Tân Hòa"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"


def _write(pdf: bytes, path: Path) -> Path:
    path.write_bytes(pdf)
    return path


def _form(db: Database, ref: str, form: Form, path: Path) -> Path:
    return _write(render.render(printouts.form_context(db, ref, form)), path)


def _size_mm(path: Path) -> tuple[int, int]:
    width, _, height = str(info(path)["Page size"]).split()[:3]
    return round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)


def _a5(path: Path) -> bool:
    return _size_mm(path) == (148, 210)


def test_receipt_has_both_copies_all_items_and_exact_vietnamese(sample_db: Database, refs: dict[str, str],
                                                                pdf_file: Path) -> None:
    code = refs["accepted"]
    pdf = _form(sample_db, code, Form.RECEIPT, pdf_file)
    first, second = page_texts(pdf)
    for page in (first, second):
        assert NATION in page
        assert "Tân Hòa, ngày 20 tháng 11 năm 2026" in page
        assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in page
        assert f"Mã hồ sơ: {code}" in page
        assert f"{OFFICE_NAME} tiếp nhận hồ sơ của:" in page
        assert f"Ông/Bà: {DUC.full_name}; số định danh cá nhân: {DUC.id_number}" in page
        assert "Nội dung yêu cầu giải quyết: Chứng thực bản sao từ bản chính giấy tờ, văn bản (2.000815)" in page
        assert "1 Bản chính giấy tờ, văn bản cần chứng thực Bản chính 1" in page
        assert "2 Bản sao cần chứng thực Bản sao 2" in page
        assert "2. Số lượng hồ sơ: 01 (bộ)" in page
        assert "3. Thời gian giải quyết hồ sơ theo quy định là: trong ngày làm việc" in page
        assert "4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 20 tháng 11 năm 2026" in page
        assert "5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 20 tháng 11 năm 2026" in page
        assert f"6. Đăng ký nhận kết quả tại: {OFFICE_NAME}" in page
        assert "Phí, lệ phí: 10.000 đồng" in page  # two certified copies of a 3-page original
        assert "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 1" in page
        assert "NGƯỜI NỘP HỒ SƠ" in page and "NGƯỜI TIẾP NHẬN HỒ SƠ" in page
        assert "Trần Thị Ngọc Ánh" in page  # the clerk's full name, not the user name
    assert "(Liên 1: Lưu)" in first and "(Liên 2: Giao người nộp hồ sơ)" in second
    assert _a5(pdf)


def test_receipt_barcode_and_qr_decode_from_200_dpi_grey(sample_db: Database, refs: dict[str, str],
                                                         pdf_file: Path) -> None:
    code = refs["accepted"]
    pdf = _form(sample_db, code, Form.RECEIPT, pdf_file)
    for page in (1, 2):
        assert barcodes(pdf, dpi=200, page=page) == {("Code128", code), ("QRCode", code)}


def test_fonts_are_the_bundled_serif_embedded_and_nothing_else(sample_db: Database, refs: dict[str, str],
                                                               tmp_path: Path) -> None:
    pdfs = [_form(sample_db, refs["accepted"], Form.RECEIPT, tmp_path / "01.pdf"),
            _form(sample_db, refs["extended"], Form.APOLOGY, tmp_path / "04.pdf"),
            _form(sample_db, refs["accepted"], Form.THERMAL, tmp_path / "t.pdf")]
    for pdf in pdfs:
        rows = fonts_of(pdf)
        assert rows, pdf
        for name, *_rest in rows:
            assert "LiberationSerif" in name, rows
        assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), rows  # embedded, subset, ToUnicode


def test_decomposed_input_prints_as_composed_text(sample_db: Database, refs: dict[str, str], pdf_file: Path) -> None:
    import unicodedata  # noqa: PLC0415

    context = printouts.form_context(sample_db, refs["accepted"], Form.RECEIPT)
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Ngọc")
    context = dataclasses.replace(context, dossier=dataclasses.replace(
        context.dossier, applicant=dataclasses.replace(context.dossier.applicant, full_name=nfd)))
    raw = _write(render.render(context), pdf_file)
    assert "Ông/Bà: Nguyễn Thị Hồng Ngọc;" in text_of(raw)


def test_supplement_request_lists_what_to_bring(sample_db: Database, refs: dict[str, str], pdf_file: Path) -> None:
    needle = "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"
    text = text_of(_form(sample_db, refs["counter_supplement"], Form.SUPPLEMENT, pdf_file))
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text and "Số: ………/HDHS" in text
    assert "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:" in text
    table = text.split("như sau:")[1].split("Lý do:")[0]
    assert needle in table
    assert "NGƯỜI HƯỚNG DẪN" in text and "công chức Trần Thị Ngọc Ánh" in text
    assert NATION in text and _a5(pdf_file)


def test_counter_supplement_without_code_says_so(sample_db: Database, refs: dict[str, str], pdf_file: Path) -> None:
    text = text_of(_form(sample_db, refs["counter_supplement"], Form.SUPPLEMENT, pdf_file))
    assert "Mã hồ sơ: (chưa cấp)" in text
    assert "Lý do: Thiếu tờ khai và giấy tờ chứng minh việc ly hôn" in text


def test_refusal_gives_the_reason(sample_db: Database, refs: dict[str, str], pdf_file: Path) -> None:
    reason = "Thủ tục không thuộc thẩm quyền giải quyết của xã"
    text = text_of(_form(sample_db, refs["counter_refusal"], Form.REFUSAL, pdf_file))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert f"{OFFICE_NAME} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: {reason}" in text
    assert "Xin thông báo cho Ông/Bà được biết và thực hiện./." in text


def test_apology_tt03_title_old_and_new_due_dates(sample_db: Database, refs: dict[str, str], pdf_file: Path) -> None:
    text = text_of(_form(sample_db, refs["extended"], Form.APOLOGY, pdf_file))
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text
    assert "Mẫu số 04 - Thông tư 03/2025/TT-VPCP" in text
    assert f"Kính gửi: Ông/Bà {DUC.full_name}" in text
    assert "Ngày hẹn trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 26 tháng 11 năm 2026" in text
    assert "Thời gian hẹn trả kết quả lại: 10 giờ 00 phút, ngày 01 tháng 12 năm 2026" in text
    assert "Lý do: Phải xác minh tình trạng hôn nhân tại nơi cư trú trước" in text


def test_dossier_received_before_the_switch_prints_the_tt01_2018_form(sample_db: Database, refs: dict[str, str],
                                                                     pdf_file: Path) -> None:
    context = printouts.form_context(sample_db, refs["old_extended"], Form.APOLOGY)
    assert context.form_set is FormSet.TT01_2018
    text = text_of(_write(render.render(context), pdf_file))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "Mẫu số 04 - Thông tư 01/2018/TT-VPCP" in text
    control = text_of(_form(sample_db, refs["old_extended"], Form.CONTROL, pdf_file))
    assert "Mẫu số 05 - Thông tư 01/2018/TT-VPCP" in control


def test_switch_date_is_a_setting(tmp_path: Path) -> None:
    from counter_app.services.intake import IntakeRequest, intake  # noqa: PLC0415
    from counter_app.services.office import initialise  # noqa: PLC0415
    from tests.conftest import OFFICE, at  # noqa: PLC0415

    db = Database.open(tmp_path)
    try:
        initialise(db, OFFICE)
        code = str(intake(db, IntakeRequest("1.004873", DUC), "clerk", at=at("2025-10-01 09:00")).code)
        assert printouts.form_context(db, code, Form.RECEIPT).form_set is FormSet.TT03_2025
        set_forms_switch_date(db, dt.date(2025, 11, 1), "admin")
        context = printouts.form_context(db, code, Form.RECEIPT)
        assert context.form_set is FormSet.TT01_2018
        assert "(Liên 2: Giao khách hàng)" in text_of(_write(render.render(context), tmp_path / "r.pdf"))
    finally:
        db.dispose()


def test_stop_notice(sample_db: Database, refs: dict[str, str], pdf_file: Path) -> None:
    text = text_of(_form(sample_db, refs["stopped"], Form.STOP, pdf_file))
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text and "Mẫu số 05 - Thông tư 03/2025/TT-VPCP" in text
    assert "Ông/Bà có đề nghị dừng giải quyết hồ sơ nêu trên" in text  # the applicant asked (TT 03/2025 Điều 7)
    assert f"{OFFICE_NAME} thông báo dừng giải quyết hồ sơ theo đề nghị của Ông/Bà." in text
    assert "Lý do: Người yêu cầu đề nghị dừng để bổ sung giấy tờ" in text


def test_control_sheet_rows_follow_the_history(sample_db: Database, refs: dict[str, str], pdf_file: Path) -> None:
    code = refs["returned_by_post"]
    pdf = _form(sample_db, code, Form.CONTROL, pdf_file)
    text = text_of(pdf)
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text and "Mẫu số 06 - Thông tư 03/2025/TT-VPCP" in text
    assert f"(Kèm theo hồ sơ của: {DUC.full_name})" in text
    assert "Cơ quan (bộ phận) giải quyết hồ sơ: Công chức Tư pháp - Hộ tịch" in text
    assert "1. Giao: Bộ phận tiếp nhận và trả kết quả 2. Nhận: Công chức Tư pháp - Hộ tịch 11 giờ 30 phút" in text
    assert "1. Giao: Công chức Tư pháp - Hộ tịch 2. Nhận: Bộ phận tiếp nhận và trả kết quả 16 giờ 00 phút" in text
    assert "Trước hạn" in text and "Giấy xác nhận số 45" in text
    assert barcodes(pdf) == {("Code128", code), ("QRCode", code)}


@pytest.mark.parametrize(("form", "sample"), [
    (Form.SUPPLEMENT, "accepted"), (Form.REFUSAL, "extended"), (Form.APOLOGY, "accepted"),
    (Form.STOP, "refused"), (Form.RECEIPT, "counter_refusal"), (Form.CONTROL, "counter_supplement"),
    (Form.THERMAL, "counter_refusal"), (Form.POSTAL, "accepted"),
])
def test_a_form_that_does_not_fit_the_dossier_is_refused_clearly(sample_db: Database, refs: dict[str, str],
                                                                 form: Form, sample: str) -> None:
    with pytest.raises(ValidationError) as caught:
        printouts.form_context(sample_db, refs[sample], form)
    assert caught.value.message("vi").startswith("Không in được")
    assert "Cannot print the" in caught.value.message("en")


def test_long_names_and_twenty_documents_flow_without_overlap(sample_db: Database, refs: dict[str, str],
                                                              pdf_file: Path) -> None:
    context = printouts.form_context(sample_db, refs["postal"], Form.RECEIPT)
    documents = tuple(ReceivedDocument(n, f"Giấy tờ số {n:02d}: bản trích lục hộ tịch kèm xác nhận của cơ quan "
                                          "có thẩm quyền nơi cư trú trước đây", DocumentKind.CERTIFIED_COPY, 2, 1,
                                       True) for n in range(1, 21))
    context = dataclasses.replace(context, dossier=dataclasses.replace(context.dossier, documents=documents))
    pdf = _write(render.render(context), pdf_file)
    pages = page_texts(pdf)
    assert len(pages) >= 3  # each copy flows onto a second page
    everything = " ".join(pages)
    for n in range(1, 21):
        assert everything.count(f"Giấy tờ số {n:02d}:") == 2  # once per copy
    assert everything.count(LONG.full_name) >= 2 and "Bình Đường 2" in everything
    assert "TT Tên giấy tờ" in " ".join(pages[1::2]) or "TT Tên giấy tờ" in pages[1]  # header repeated
    _assert_no_overlap(pdf)


def _assert_no_overlap(pdf: Path) -> None:
    found = words(pdf)
    for index, a in enumerate(found):
        for b in found[index + 1:index + 60]:
            if a.page != b.page:
                continue
            overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert overlap_x <= 0.5 or overlap_y <= 0.5, f"«{a.text}» overlaps «{b.text}» on page {a.page}"


def test_register_is_a4_landscape_with_headers_on_every_page(tmp_path: Path) -> None:
    from counter_app.services.intake import IntakeRequest, intake  # noqa: PLC0415
    from counter_app.services.office import initialise  # noqa: PLC0415
    from tests.conftest import OFFICE, at  # noqa: PLC0415

    db = Database.open(tmp_path)
    try:
        initialise(db, OFFICE)
        codes = [str(intake(db, IntakeRequest("1.004873", LONG if n % 2 else DUC), "clerk",
                            at=at(f"2026-11-{16 + n % 5:02d} {8 + n % 8:02d}:00")).code) for n in range(30)]
        outside = str(intake(db, IntakeRequest("1.004873", DUC), "clerk", at=at("2026-11-23 08:00")).code)
        context = printouts.register(db, dt.date(2026, 11, 16), dt.date(2026, 11, 20))
        pdf = _write(render.render_register(context), tmp_path / "register.pdf")
    finally:
        db.dispose()
    assert _size_mm(pdf) == (297, 210)
    pages = page_texts(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "STT" in page and "Mã hồ sơ" in page and "Ký nhận" in page  # the repeated table header
        assert f"Trang {number}/{len(pages)}" in page
    everything = " ".join(pages)
    assert all(code in everything for code in codes) and outside not in everything
    assert "SỔ THEO DÕI HỒ SƠ" in pages[0] and "Từ ngày 16/11/2026 đến ngày 20/11/2026" in pages[0]
    assert "Tổng số: 30 hồ sơ" in pages[-1]


def test_register_refuses_a_reversed_range(sample_db: Database) -> None:
    with pytest.raises(ValidationError):
        printouts.register(sample_db, dt.date(2026, 11, 20), dt.date(2026, 11, 1))


def test_postal_record_post_to_counter(sample_db: Database, refs: dict[str, str], pdf_file: Path) -> None:
    context = printouts.postal_record(sample_db, [refs["postal"]], None, "clerk")
    assert context.direction is PostalDirection.POST_TO_COUNTER
    text = text_of(_write(render.render_postal(context), pdf_file))
    assert "BIÊN BẢN GIAO NHẬN HỒ SƠ" in text
    assert f"(Bưu chính công ích giao hồ sơ cho {OFFICE_NAME})" in text
    assert "Bên giao: Nhân viên bưu chính" in text and f"Bên nhận: Trần Thị Ngọc Ánh, {OFFICE_NAME}" in text
    assert refs["postal"] in text and "RR123456785VN" in text and LONG.full_name in text
    assert "ĐẠI DIỆN BÊN GIAO" in text and "ĐẠI DIỆN BÊN NHẬN" in text


def test_postal_record_counter_to_post_lists_several_dossiers(sample_db: Database, refs: dict[str, str],
                                                              pdf_file: Path) -> None:
    context = printouts.postal_record(sample_db, [refs["returned_by_post"]], PostalDirection.COUNTER_TO_POST, "clerk")
    text = text_of(_write(render.render_postal(context), pdf_file))
    assert f"({OFFICE_NAME} giao kết quả cho bưu chính công ích)" in text
    assert f"Bên giao: Trần Thị Ngọc Ánh, {OFFICE_NAME}" in text
    assert "RR987654326VN" in text and "Tổng số: 1 hồ sơ" in text
    with pytest.raises(ValidationError):  # one record, one direction
        printouts.postal_record(sample_db, [refs["returned_by_post"], refs["accepted"]],
                                PostalDirection.COUNTER_TO_POST, "clerk")


def test_thermal_slip_is_80_mm_wide_and_its_codes_decode(sample_db: Database, refs: dict[str, str],
                                                         pdf_file: Path) -> None:
    code = refs["accepted"]
    pdf = _form(sample_db, code, Form.THERMAL, pdf_file)
    assert _size_mm(pdf)[0] == 80 and info(pdf)["Pages"] == 1
    text = text_of(pdf)
    assert "Hẹn trả: 17 giờ 00 phút, ngày 20 tháng 11 năm 2026" in text and DUC.full_name in text
    assert barcodes(pdf, dpi=203) == {("Code128", code), ("QRCode", code)}


@pytest.mark.parametrize("sample", ["accepted", "extended", "supplement", "stopped", "refused", "returned_by_post",
                                    "old_extended"])
@pytest.mark.parametrize("form", [Form.RECEIPT, Form.CONTROL, Form.THERMAL])
def test_receipt_control_sheet_and_thermal_reprint_in_every_later_state(
    sample_db: Database, refs: dict[str, str], tmp_path: Path, sample: str, form: Form,
) -> None:
    code = refs[sample]
    pdf = _form(sample_db, code, form, tmp_path / "f.pdf")
    assert code in text_of(pdf)
    assert barcodes(pdf, dpi=200) == {("Code128", code), ("QRCode", code)}

"""The catalogue importer on records written like the published ones: national JSON, the province's XLSX
annex, the project's JSON; every time and fee wording; problems named by procedure code (and sheet/row)."""

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from counter_app.catalogue_export import catalogue_json
from counter_app.catalogue_import import parse_catalogue, read_catalogue
from counter_app.checklist import missing_documents
from counter_app.errors import ValidationError
from counter_app.fees import fee_due
from counter_app.model import DocumentEntry, FeeKind, ProcedureChannel, TimeUnit
from counter_app.published_terms import parse_fee, parse_time_limit
from counter_app.services.catalogue import seed_file
from tests.catalogue_corpus import (
    FEE_WORDINGS,
    LONG_NAME,
    TIME_WORDINGS,
    annex_workbook,
    birth_registration,
    residence_confirmation,
)

DAY = dt.date(2026, 1, 1)


@pytest.mark.parametrize(("text", "unit", "amount"), TIME_WORDINGS)
def test_every_time_limit_wording(text: str | None, unit: TimeUnit, amount: float) -> None:
    limit = parse_time_limit(text)
    assert (limit.unit, limit.amount) == (unit, amount)
    assert limit.text == " ".join((text or "").split())  # the published text is kept beside the value


@pytest.mark.parametrize(("text", "kind", "amount", "currency"), FEE_WORDINGS)
def test_every_fee_wording(text: str | None, kind: FeeKind, amount: int, currency: str) -> None:
    fee = parse_fee(text)
    assert (fee.kind, fee.currency) == (kind, currency)
    if kind in (FeeKind.FIXED, FeeKind.PER_COPY):
        assert fee.amount == amount


def test_per_page_fee_with_tiers_and_cap() -> None:
    fee = parse_fee("2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản")
    assert (fee.first_pages, fee.first_page_amount, fee.later_page_amount, fee.cap_per_copy) == (2, 2000, 1000, 200_000)
    five_pages = DocumentEntry("Bằng", pages=5, certify=5)
    assert fee_due(fee, [five_pages]).amount == 5 * (2 * 2000 + 3 * 1000)
    assert fee_due(fee, [DocumentEntry("Sổ", pages=400, certify=1)]).amount == 200_000
    assert fee_due(parse_fee("Theo quy định của HĐND tỉnh"), [five_pages]).amount is None  # never free


def test_national_birth_registration_blocks_only_on_what_is_always_required() -> None:
    report = parse_catalogue([birth_registration()], DAY)
    assert not report.errors
    (procedure,) = report.procedures
    assert [c.name for c in procedure.cases] == ["Đăng ký khai sinh thông thường",
                                                 "Đăng ký khai sinh có yếu tố nước ngoài",
                                                 "Đăng ký khai sinh kết hợp nhận cha, mẹ, con"]
    ordinary = procedure.case(1)
    assert len(ordinary.documents) == 9  # quantity-0 row kept, as a note
    assert [d.position for d in ordinary.documents] == list(range(1, 10))
    assert [d.blocking for d in ordinary.documents] == [True, True] + [False] * 7
    assert missing_documents(ordinary, [d.name for d in ordinary.documents[:2]]) == []
    assert ordinary.documents[3].condition == "Trường hợp trẻ em bị bỏ rơi"
    assert ordinary.documents[5].condition == "nếu có"
    assert ordinary.documents[6].show_only
    assert ordinary.documents[7].name.endswith(LONG_NAME.strip()) and len(ordinary.documents[7].name) > 1900
    assert ordinary.documents[8].note_only
    assert any("giấy tờ 9: số lượng 0" in w.text("vi") for w in report.warnings)
    assert procedure.time_limit.unit is TimeUnit.SAME_DAY and procedure.cutoff_applies
    assert procedure.time_limit.text.startswith("Ngay trong ngày tiếp nhận hồ sơ")
    online = procedure.terms_for(1, ProcedureChannel.ONLINE).time_limit
    assert (online.unit, online.amount) == (TimeUnit.WORKING_DAYS, 1)
    assert procedure.fee.kind is FeeKind.NONE and procedure.fee.text == "Miễn lệ phí"
    assert (procedure.field, procedure.legal_basis) == ("Hộ tịch", "60/2014/QH13 Luật Hộ tịch")


def test_alternatives_group_blocks_until_one_member_is_ticked() -> None:
    (procedure,) = parse_catalogue([residence_confirmation()], DAY).procedures
    case = procedure.case(1)
    group = "Giấy tờ chứng minh chỗ ở hợp pháp, một trong các giấy tờ sau"
    assert [d.group for d in case.documents] == ["", group, group, group, ""]
    assert missing_documents(case, [case.documents[0].name]) == [group]
    assert missing_documents(case, [case.documents[0].name, "Hợp đồng thuê nhà có công chứng"]) == []
    assert procedure.terms_for(1, ProcedureChannel.DIRECT).fee.amount == 20_000
    assert procedure.terms_for(1, ProcedureChannel.ONLINE).fee.amount == 10_000
    assert procedure.terms_for(1, ProcedureChannel.POSTAL).fee.amount == 20_000  # not published: the direct one


def test_province_annex(tmp_path: Path) -> None:
    report = read_catalogue(annex_workbook(tmp_path / "phu-luc.xlsx"))
    found = {p.code: p for p in report.procedures}
    assert list(found) == ["1.001193", "2.000635", "1.004873", "2.000815", "2.000884", "2.000908"]
    assert {p.effective_from for p in found.values()} == {dt.date(2027, 1, 1)}  # from the title block
    assert [p.field for p in found.values()] == ["Hộ tịch"] * 3 + ["Chứng thực"] * 3
    assert found["2.000908"].fee.amount == 10_000  # the merged fee cell
    assert found["2.000908"].incomplete and not found["2.000884"].incomplete
    assert found["1.004873"].terms_for(1, ProcedureChannel.ONLINE).fee.amount == 7_500
    birth = found["1.001193"].case(1)
    assert [(d.name, d.condition) for d in birth.documents] == [
        ("Tờ khai đăng ký khai sinh", ""), ("Giấy chứng sinh", ""),
        ("Biên bản xác nhận việc trẻ bị bỏ rơi", "Trường hợp trẻ bị bỏ rơi"),
        ("Giấy chứng nhận kết hôn của cha mẹ (nếu có)", "nếu có")]
    marriage = found["1.004873"].case(1)
    assert [d.group != "" for d in marriage.documents] == [False, True, True, False]
    assert marriage.documents[3].show_only
    assert [e.text("vi") for e in report.errors] == ["— (trang Phụ lục I, dòng 14): thiếu mã thủ tục"]
    assert any(w.where.startswith("2.000908 (trang Phụ lục I, dòng 13)") for w in report.warnings)


def test_a_missing_column_is_said_once(tmp_path: Path) -> None:
    report = read_catalogue(annex_workbook(tmp_path / "thieu-cot.xlsx", fee_column=False))
    fee_warnings = [w for w in report.warnings if "Phí, lệ phí" in w.vi]
    assert len(fee_warnings) == 1 and "không có cột Phí, lệ phí" in fee_warnings[0].vi
    assert all(p.fee.kind is FeeKind.UNKNOWN for p in report.procedures)


def test_project_json_round_trip_and_legacy_form() -> None:
    procedures = parse_catalogue([birth_registration(), residence_confirmation()], DAY).procedures
    again = parse_catalogue(json.loads(json.dumps(catalogue_json(procedures)))).procedures
    assert again == procedures
    seed = {p.code: p for p in parse_catalogue(json.loads(seed_file().read_text("utf-8"))).procedures}
    assert len(seed) == 8 and seed["1.004873"].time_limit.amount == 3
    assert seed["2.000815"].fee.kind is FeeKind.PER_PAGE


def test_errors_name_the_procedure_and_nothing_is_lost() -> None:
    bad = [{**birth_registration("1.000001"), "TENTTHC": ""},
           {**residence_confirmation("abc")}, birth_registration("1.000002"),
           {**birth_registration("1.000003"), "CACHTHUCTHUCHIEN": [{"KENH": 9}]}]
    report = parse_catalogue(bad, DAY)
    assert [p.code for p in report.procedures] == ["1.000002", "1.000003"]
    assert report.skipped == ["1.000001", "abc"]
    texts = [e.text("en") for e in report.errors]
    assert "1.000001: the name is missing" in texts
    assert "abc: procedure code «abc» is invalid (e.g. 1.001193)" in texts
    warnings = [w.text("en") for w in report.warnings]
    assert "1.000003: unknown channel «9» (1, 2 or 3): left out" in warnings  # imported, not offered: no time
    assert report.procedures[1].incomplete
    assert all("None" not in t for t in texts + warnings)


def test_without_an_effective_date_the_import_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "quoc-gia.json"
    path.write_text(json.dumps([birth_registration()], ensure_ascii=False), "utf-8-sig")  # with a BOM
    with pytest.raises(ValidationError, match=r"^import\.no_effective_date:") as caught:
        read_catalogue(path)
    assert "--effective-from" in caught.value.message("vi")
    assert read_catalogue(path, DAY).procedures[0].effective_from == DAY


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "JSON sai cú pháp ở dòng 1"), ("[1, 2]", "cần một đối tượng có danh sách «procedures»")])
def test_files_that_are_not_catalogues(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, "utf-8")
    with pytest.raises(ValidationError, match=r"^import\.format:") as caught:
        read_catalogue(path, DAY)
    assert reason in caught.value.message("vi")
    xlsx = tmp_path / "x.xlsx"
    xlsx.write_bytes(b"PK not a workbook")
    with pytest.raises(ValidationError, match=r"^import\.format:") as caught:
        read_catalogue(xlsx, DAY)
    assert "Traceback" not in caught.value.message("vi")


def test_national_records_as_web_services_answer_them() -> None:
    """A list under a wrapper key, lower-case keys, HTML in the texts."""
    record = birth_registration()
    record["THANHPHANHOSO"][0]["GIAYTO"][0]["TENGIAYTO"] = "<p>Tờ khai đăng ký khai sinh&nbsp;theo mẫu</p>"
    lowered = {key.lower() if key.startswith("TEN") else key: value for key, value in record.items()}
    (procedure,) = parse_catalogue({"error_code": 0, "result": [lowered]}, DAY).procedures
    assert procedure.name == "Đăng ký khai sinh"
    assert procedure.documents[0].name == "Tờ khai đăng ký khai sinh theo mẫu"


def test_annex_rows_continuing_one_procedure_and_bare_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Mã TTHC", "Tên TTHC", "Lĩnh vực", "Thời hạn giải quyết", "Lệ phí", "Thành phần hồ sơ"])
    sheet.append([1, "1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, 15000, "Tờ khai"])
    sheet.append([1, "1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, 15000, "Bản sao CCCD"])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("C2:C3")
    sheet.append([2, "2.000908", "Cấp bản sao từ sổ gốc", "Chứng thực", "01", "0", "Đơn đề nghị"])
    book.save(tmp_path / "gop.xlsx")
    report = read_catalogue(tmp_path / "gop.xlsx", DAY)
    assert not report.errors
    marriage, copy = report.procedures
    assert [d.name for d in marriage.documents] == ["Tờ khai", "Bản sao CCCD"]
    assert (marriage.time_limit.unit, marriage.time_limit.amount, marriage.fee.amount) == (
        TimeUnit.WORKING_DAYS, 3, 15_000)
    assert (copy.time_limit.amount, copy.fee.kind) == (1, FeeKind.NONE)


def test_names_beyond_the_core_limits_are_import_errors_naming_the_procedure() -> None:
    """What intake, its events and the hub would refuse is refused here first, with the procedure's code."""
    record = residence_confirmation()
    record["TENTTHC"] = "Thủ tục " * 400
    report = parse_catalogue([record], DAY)
    assert not report.procedures
    assert [p.where for p in report.errors if "«Tên thủ tục» dài 3199 ký tự, tối đa 2000" in p.vi] == ["1.009999"]

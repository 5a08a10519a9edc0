"""Catalogue records written for the tests the way procedures are really published: national database
records (MATTHC…), the province's XLSX annex, every time and fee wording, and a generator for benchmarks."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from counter_app.model import FeeKind, TimeUnit

# (published text, unit, amount)
TIME_WORDINGS: list[tuple[str | None, TimeUnit, float]] = [
    ("05 ngày làm việc", TimeUnit.WORKING_DAYS, 5),
    ("05 Ngày làm việc", TimeUnit.WORKING_DAYS, 5),
    ("03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", TimeUnit.WORKING_DAYS, 3),
    ("Trong thời hạn 10 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ", TimeUnit.WORKING_DAYS, 10),
    ("Không quá 3 ngày làm việc", TimeUnit.WORKING_DAYS, 3),
    ("không quá 20 ngày", TimeUnit.CALENDAR_DAYS, 20),
    ("15 Ngày", TimeUnit.CALENDAR_DAYS, 15),
    ("30 ngày kể từ ngày nhận hồ sơ", TimeUnit.CALENDAR_DAYS, 30),
    ("8 Giờ", TimeUnit.HOURS, 8),
    ("04 giờ làm việc", TimeUnit.HOURS, 4),
    ("02 tháng", TimeUnit.MONTHS, 2),
    ("1,5 ngày làm việc", TimeUnit.WORKING_DAYS, 1.5),
    ("1,5 ngày", TimeUnit.CALENDAR_DAYS, 1.5),
    ("0,5 ngày làm việc", TimeUnit.WORKING_DAYS, 0.5),
    ("Trong ngày", TimeUnit.SAME_DAY, 0),
    ("trong ngày làm việc", TimeUnit.SAME_DAY, 0),
    ("Ngay trong ngày", TimeUnit.SAME_DAY, 0),
    ("Ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo",
     TimeUnit.SAME_DAY, 0),
    ("Ngay sau khi nhận đủ giấy tờ theo quy định", TimeUnit.SAME_DAY, 0),
    ("Trong ngày; trường hợp cần xác minh thì không quá 05 ngày làm việc", TimeUnit.SAME_DAY, 0),
    ("10 ngày làm việc; trường hợp phải xác minh thì không quá 15 ngày làm việc", TimeUnit.WORKING_DAYS, 10),
    ("Trường hợp đăng ký trực tiếp: 03 ngày làm việc", TimeUnit.WORKING_DAYS, 3),
    ("Ba (03) ngày làm việc", TimeUnit.WORKING_DAYS, 3),
    ("ba ngày làm việc", TimeUnit.WORKING_DAYS, 3),
    ("01 tuần", TimeUnit.CALENDAR_DAYS, 7),
    ("Không quy định", TimeUnit.NOT_STATED, 0),
    ("Không có thông tin", TimeUnit.NOT_STATED, 0),
    ("", TimeUnit.NOT_STATED, 0),
    (None, TimeUnit.NOT_STATED, 0),
    ("Theo quy định của pháp luật chuyên ngành", TimeUnit.NOT_STATED, 0),
]

# (published text, kind, amount, currency)
FEE_WORDINGS: list[tuple[str | None, FeeKind, int, str]] = [
    ("Không", FeeKind.NONE, 0, "VND"),
    ("Miễn phí", FeeKind.NONE, 0, "VND"),
    ("Miễn lệ phí", FeeKind.NONE, 0, "VND"),
    ("Không thu phí", FeeKind.NONE, 0, "VND"),
    ("Lệ phí: Không", FeeKind.NONE, 0, "VND"),
    ("0 đồng", FeeKind.NONE, 0, "VND"),
    ("50.000 đồng/lần", FeeKind.FIXED, 50_000, "VND"),
    ("20.000 đồng", FeeKind.FIXED, 20_000, "VND"),
    ("Lệ phí: 8.000 đồng", FeeKind.FIXED, 8_000, "VND"),
    ("20,000 Việt Nam Đồng (Miễn lệ phí đối với người thuộc hộ nghèo, người khuyết tật)",
     FeeKind.FIXED, 20_000, "VND"),
    ("8.000 đồng/bản sao trích lục", FeeKind.PER_COPY, 8_000, "VND"),
    ("10.000đ/bản", FeeKind.PER_COPY, 10_000, "VND"),
    ("2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản",
     FeeKind.PER_PAGE, 0, "VND"),
    ("2.000 đồng/trang", FeeKind.PER_PAGE, 0, "VND"),
    ("10 USD", FeeKind.FIXED, 10, "USD"),
    ("50 USD/trường hợp", FeeKind.FIXED, 50, "USD"),
    ("Theo quy định của HĐND tỉnh", FeeKind.UNKNOWN, 0, "VND"),
    ("Có", FeeKind.UNKNOWN, 0, "VND"),
    ("", FeeKind.UNKNOWN, 0, "VND"),
    (None, FeeKind.UNKNOWN, 0, "VND"),
]

LONG_NAME = ("Bản sao giấy tờ chứng minh nhân thân của người đi đăng ký khai sinh (hộ chiếu, chứng minh nhân dân, "
             "thẻ căn cước công dân hoặc giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, "
             "còn giá trị sử dụng) ") * 9  # about 2,000 characters, as some national records have


def birth_registration(code: str = "1.001193") -> dict[str, Any]:
    """A national record of birth registration: three cases, eight documents in the first, most of them for
    special situations; a different online time; fee free with exemption text."""
    documents = [
        _paper("Tờ khai đăng ký khai sinh theo mẫu", 1, 0, "Tờ khai đăng ký khai sinh (TT 04/2020/TT-BTP)"),
        _paper("Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp", 1, 0),
        _paper("Trường hợp không có giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; "
               "nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh", 1, 0),
        _paper("Trường hợp trẻ em bị bỏ rơi: Biên bản xác nhận việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập",
               1, 0),
        _paper("Trường hợp trẻ em sinh ra do mang thai hộ: Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật "
               "hỗ trợ sinh sản cho việc mang thai hộ", 1, 0),
        _paper("Giấy chứng nhận kết hôn của cha, mẹ trẻ (nếu có)", 0, 1),
        _paper("Xuất trình bản chính giấy tờ tùy thân của người đi đăng ký khai sinh", 1, 0),
        _paper("Trường hợp người đi đăng ký không phải cha, mẹ của trẻ: " + LONG_NAME, 0, 1),
        _paper("Lưu ý: cán bộ tiếp nhận không yêu cầu nộp thêm giấy tờ ngoài danh mục", 0, 0),
    ]
    return {
        "MATTHC": code, "TENTTHC": "Đăng ký khai sinh", "CAPTHUCHIEN": "Cấp Xã",
        "LINHVUCTHUCHIEN": [{"MALINHVUC": "HT", "TENLINHVUC": "Hộ tịch"}],
        "TRANGTHAI": 1,
        "CACHTHUCTHUCHIEN": [
            _channel(1, 0, "Ngày", "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải "
                     "quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo", [(0, "Miễn lệ phí")]),
            _channel(2, 1, "Ngày làm việc", "", [(0, "Miễn lệ phí")]),
            _channel(3, 0, "Ngày", "Trong ngày", [(0, "Miễn lệ phí")]),
        ],
        "THANHPHANHOSO": [
            {"TRUONGHOP": "Đăng ký khai sinh thông thường", "GIAYTO": documents},
            {"TRUONGHOP": "Đăng ký khai sinh có yếu tố nước ngoài", "GIAYTO": [
                _paper("Tờ khai đăng ký khai sinh theo mẫu", 1, 0),
                _paper("Giấy chứng sinh", 1, 0),
                _paper("Văn bản thỏa thuận của cha, mẹ về việc lựa chọn quốc tịch cho con", 1, 0),
            ]},
            {"TRUONGHOP": "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", "GIAYTO": [
                _paper("Tờ khai đăng ký khai sinh và Tờ khai nhận cha, mẹ, con", 1, 0),
                _paper("Giấy chứng sinh", 1, 0),
                _paper("Chứng cứ chứng minh quan hệ cha, mẹ, con", 0, 1),
            ]},
        ],
        "KETQUATHUCHIEN": [{"MAKETQUA": "KQ1", "TENKETQUA": "Giấy khai sinh (bản chính)"}],
        "CANCUPHAPLY": [{"SOVANBAN": "60/2014/QH13", "TENVANBAN": "Luật Hộ tịch"}],
        "COQUANTHUCHIEN": [{"MADONVI": "UBNDX", "TENDONVI": "Ủy ban nhân dân cấp xã"}],
    }


def residence_confirmation(code: str = "1.009999") -> dict[str, Any]:
    """A record with an alternatives group in its document list, a different online fee and a postal channel."""
    return {
        "MATTHC": code, "TENTTHC": "Xác nhận thông tin về cư trú", "TRANGTHAI": 1,
        "LINHVUCTHUCHIEN": [{"TENLINHVUC": "Đăng ký, quản lý cư trú"}],
        "CACHTHUCTHUCHIEN": [
            _channel(1, 3, "Ngày làm việc", "", [(20000, "Lệ phí: 20.000 đồng/lần")]),
            _channel(2, 3, "Ngày làm việc", "", [(10000, "10.000 đồng/lần (nộp trực tuyến)")]),
        ],
        "THANHPHANHOSO": [{"TRUONGHOP": "", "GIAYTO": [
            _paper("Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", 1, 0),
            _paper("Giấy tờ chứng minh chỗ ở hợp pháp, một trong các giấy tờ sau:", 0, 0),
            _paper("- Giấy chứng nhận quyền sử dụng đất", 0, 1),
            _paper("- Hợp đồng thuê nhà có công chứng", 0, 1),
            _paper("- Văn bản xác nhận của UBND cấp xã về việc nhà ở không có tranh chấp", 1, 0),
            _paper("Văn bản đồng ý của chủ hộ (nếu có)", 1, 0),
        ]}],
    }


def _paper(name: str, originals: int, copies: int, template: str = "") -> dict[str, Any]:
    return {"MAGIAYTO": "", "TENGIAYTO": name, "SOBANCHINH": originals, "SOBANSAO": copies, "TENMAUDON": template,
            "URL": ""}


def _channel(kenh: int, number: float, unit: str, text: str, fees: list[tuple[int, str]]) -> dict[str, Any]:
    return {"KENH": kenh, "THOIGIAN": [{
        "THOIGIANGIAIQUYET": number, "DONVITINH": unit, "MOTA": text,
        "PHILEPHI": [{"MAPHILEPHI": "LP", "SOTIEN": amount, "DONVI": "Đồng", "MOTA": mota} for amount, mota in fees],
    }]}


def generated_records(count: int, seed: int = 12) -> list[dict[str, Any]]:
    """`count` national records with every time and fee wording, several cases, conditional and alternative
    documents, long names; reproducible."""
    rng = random.Random(seed)
    records = []
    for n in range(count):
        time_text, _, _ = TIME_WORDINGS[n % len(TIME_WORDINGS)]
        fee_text, _, _, _ = FEE_WORDINGS[(n // 3) % len(FEE_WORDINGS)]
        cases = []
        for case in range(1 + n % 3):
            documents = [_paper(f"Tờ khai số {case + 1} của thủ tục {n}", 1, 0)]
            documents += [_paper(f"Giấy tờ {k} (nếu có)", 0, 1) for k in range(rng.randint(0, 3))]
            if rng.random() < 0.3:
                documents += [_paper("Một trong các giấy tờ sau:", 0, 0), _paper("- Hộ chiếu", 1, 0),
                              _paper("- Thẻ Căn cước", 1, 0)]
            if rng.random() < 0.1:
                documents.append(_paper(LONG_NAME, 0, 1))
            cases.append({"TRUONGHOP": f"Trường hợp {case + 1}" if n % 3 else "", "GIAYTO": documents})
        records.append({
            "MATTHC": f"{1 + n % 3}.{n:06d}", "TENTTHC": f"Thủ tục hành chính thử nghiệm số {n} cấp xã",
            "LINHVUCTHUCHIEN": [{"TENLINHVUC": rng.choice(["Hộ tịch", "Chứng thực", "Đất đai", "Người có công"])}],
            "TRANGTHAI": 1,
            "CACHTHUCTHUCHIEN": [{"KENH": 1, "THOIGIAN": [{"THOIGIANGIAIQUYET": None, "DONVITINH": None,
                                                          "MOTA": time_text, "PHILEPHI": [
                                                              {"SOTIEN": None, "DONVI": "Đồng", "MOTA": fee_text}]}]}],
            "THANHPHANHOSO": cases,
        })
    return records


def annex_workbook(path: Path, fee_column: bool = True) -> Path:
    """A province's annex as it is published: title block, a header row with its own wording, a numbering
    row, section rows per field, a field column and a fee cell merged over several procedures."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Phụ lục I"
    sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC CHUẨN HÓA THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND CẤP XÃ"])
    sheet.append(["(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 20 tháng 12 năm 2026 của Chủ tịch UBND "
                  "tỉnh; có hiệu lực kể từ ngày 01/01/2027)"])
    sheet.merge_cells("A1:H1")
    sheet.merge_cells("A2:H2")
    sheet.append([])
    header = ["STT", "Mã thủ tục", "TÊN THỦ TỤC HÀNH CHÍNH", "Thời hạn giải quyết", "Phí, lệ phí (nếu có)",
              "Thành phần hồ sơ", "Cách thức thực hiện", "Căn cứ pháp lý"]
    if not fee_column:
        header[4] = "Ghi chú"
    sheet.append(header)
    sheet.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"])
    sheet.append(["I. Lĩnh vực Hộ tịch"])
    sheet.merge_cells(start_row=6, start_column=1, end_row=6, end_column=8)
    sheet.append([1, "1.001193", "Đăng ký khai sinh", "Trong ngày", "Miễn lệ phí",
                  "- Tờ khai đăng ký khai sinh\n- Giấy chứng sinh\n- Trường hợp trẻ bị bỏ rơi:\n"
                  "+ Biên bản xác nhận việc trẻ bị bỏ rơi\n- Giấy chứng nhận kết hôn của cha mẹ (nếu có)",
                  "Trực tiếp; Trực tuyến; Bưu chính", "Luật Hộ tịch 2014"])
    sheet.append([2, "2.000635", "Cấp bản sao trích lục hộ tịch", "Trong ngày; trường hợp sau 15 giờ thì ngày "
                  "làm việc tiếp theo", "8.000 đồng/bản sao", "Tờ khai cấp bản sao trích lục hộ tịch",
                  "Trực tiếp; Bưu chính", "TT 281/2016/TT-BTC"])
    sheet.append([3, "1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "03 ngày làm việc",
                  "Trực tiếp: 15.000 đồng; Trực tuyến: 7.500 đồng",
                  "- Tờ khai cấp Giấy xác nhận tình trạng hôn nhân\n- Giấy tờ chứng minh nhân thân, một trong các "
                  "giấy tờ sau:\n+ Hộ chiếu\n+ Thẻ Căn cước\n- Xuất trình sổ hộ khẩu cũ (nếu có)",
                  "Trực tiếp; Trực tuyến", "NĐ 123/2015/NĐ-CP"])
    sheet.append(["II. LĨNH VỰC CHỨNG THỰC"])
    sheet.merge_cells(start_row=10, start_column=1, end_row=10, end_column=8)
    sheet.append([4, "2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Trong ngày",
                  "2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản",
                  "Bản chính giấy tờ, văn bản cần chứng thực", "Trực tiếp", "NĐ 23/2015/NĐ-CP"])
    sheet.append([5, "2.000884", "Chứng thực chữ ký trong giấy tờ, văn bản", "Trong ngày", "10.000 đồng/trường hợp",
                  "Giấy tờ, văn bản cần chứng thực chữ ký", "Trực tiếp", "NĐ 23/2015/NĐ-CP"])
    sheet.append([6, "2.000908", "Cấp bản sao từ sổ gốc", "Không quy định", None, "Đơn đề nghị", "Trực tiếp",
                  "NĐ 23/2015/NĐ-CP"])
    sheet.merge_cells("E12:E13")  # one fee cell for two procedures
    sheet.append([7, "", "Thủ tục không có mã", "05 ngày làm việc", "Không", "", "", ""])
    for row in sheet.iter_rows(min_row=4, max_row=4):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True)
    book.save(path)
    return path

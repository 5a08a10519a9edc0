"""The messages of typed and scanned input (ID numbers, ID card QR, dates, fields); merged in messages.py."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "cccd.empty": ("Chưa có số CCCD.", "The ID number is empty."),
    "cccd.format": (
        "Số CCCD phải gồm đúng 12 chữ số (nhận được: «{value}»).",
        "An ID number must be exactly 12 digits (got «{value}»).",
    ),
    "cccd.province": (
        "Mã tỉnh «{code}» ở đầu số CCCD không tồn tại.",
        "Province code «{code}» at the start of the ID number does not exist.",
    ),
    "cccd.century": (
        "Chữ số thứ tư của số CCCD ({digit}) không ứng với thế kỷ sinh hợp lệ.",
        "The fourth digit of the ID number ({digit}) is not a valid century/sex code.",
    ),
    "cccd.birth_mismatch": (
        "Số CCCD không khớp với năm sinh {year}.",
        "The ID number does not match the birth year {year}.",
    ),
    "qr.empty": ("Mã QR trống.", "The QR payload is empty."),
    "qr.not_cccd": (
        "Đây không phải mã QR của thẻ CCCD/Căn cước (cần các trường ngăn cách bởi «|»).",
        "This is not the QR code of an ID card (fields separated by «|» expected).",
    ),
    "qr.field_count": (
        "Mã QR CCCD có {count} trường, cần 6 hoặc 7.",
        "The ID card QR has {count} fields; 6 or 7 are expected.",
    ),
    "qr.name": ("Mã QR CCCD thiếu họ tên.", "The ID card QR has no name."),
    "qr.sex": ("Giới tính trong mã QR không hợp lệ: «{value}».", "Invalid sex in the QR: «{value}»."),
    "qr.date": (
        "Ngày «{value}» trong mã QR không hợp lệ (cần dạng ddmmyyyy).",
        "Date «{value}» in the QR is invalid (ddmmyyyy expected).",
    ),
    "input.date": (
        "Ngày giờ «{value}» không hợp lệ (cần dạng YYYY-MM-DD hoặc «YYYY-MM-DD HH:MM»).",
        "Date «{value}» is invalid (YYYY-MM-DD or «YYYY-MM-DD HH:MM» expected).",
    ),
    "input.day": ("Ngày «{value}» không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2026-11-30).",
                  "Day «{value}» is invalid (YYYY-MM-DD expected, e.g. 2026-11-30)."),
    "input.year": ("Ngày «{value}» nằm ngoài các năm {low}–{high}.",
                   "Date «{value}» lies outside the years {low}–{high}."),
    "input.arguments": ("Lệnh chưa đúng ({detail}). Xem «{command} --help».",
                        "The command is not right ({detail}). See «{command} --help»."),
    "action.not_asked": ("«{field}» không dùng cho «{action}».", "«{field}» does not apply to «{action}»."),
    "input.required": ("Thiếu thông tin bắt buộc: {field}.", "Missing required field: {field}."),
    "input.time": (
        "Giờ «{value}» không hợp lệ (cần dạng HH:MM hoặc HH:MM:SS).",
        "Time «{value}» is invalid (HH:MM or HH:MM:SS expected).",
    ),
    "input.too_long": ("«{field}» dài {length} ký tự, tối đa {max}.",
                       "«{field}» is {length} characters long; at most {max} are allowed."),
    "input.bad_character": ("«{field}» chứa ký tự không hợp lệ ({code}); hãy gõ lại.",
                            "«{field}» holds an invalid character ({code}); type it again."),
    "input.choice": ("«{field}» chỉ nhận: {choices} (nhận được «{value}»).",
                     "«{field}» accepts only: {choices} (got «{value}»)."),
    "input.range": ("«{field}» phải từ {low} đến {high} (nhận được {value}).",
                    "«{field}» must be from {low} to {high} (got {value})."),
    "input.date_range": ("«{field}» {value} nằm ngoài khoảng {low} – {high}.",
                         "«{field}» {value} is outside {low} – {high}."),
    "input.phone": ("Số điện thoại «{value}» không hợp lệ (chỉ gồm chữ số, có thể có dấu + ở đầu).",
                    "Phone number «{value}» is invalid (digits only, optionally a leading +)."),
    "input.office_phone": ("Điện thoại cơ quan «{value}» phải có một số điện thoại (ví dụ 0203 3888 123).",
                           "The office phone «{value}» must hold a phone number (e.g. 0203 3888 123)."),
    "input.email": ("Địa chỉ thư điện tử «{value}» không hợp lệ.", "Email address «{value}» is invalid."),
    "input.not_utf8": ("Tham số dòng lệnh không phải văn bản UTF-8 hợp lệ: {argument}",
                       "A command-line argument is not valid UTF-8 text: {argument}"),
    "event.invalid": ("Sự kiện có trường «{name}» không hợp lệ: {problem}.",
                      "The event's field «{name}» is invalid: {problem}."),
}

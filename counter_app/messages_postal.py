"""The postal messages (S10 item numbers, batches, status files) in Vietnamese and English; merged in messages.py."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "s10.format": (
        "Số hiệu bưu gửi «{value}» không đúng chuẩn S10 (ví dụ EB123456785VN).",
        "Postal item number «{value}» is not a UPU S10 number (e.g. EB123456785VN).",
    ),
    "s10.check": (
        "Số hiệu bưu gửi «{value}» sai chữ số kiểm tra (đúng phải là {expected}).",
        "Postal item number «{value}» has a wrong check digit ({expected} expected).",
    ),
    "postal.item_empty": ("Chưa nhập số hiệu bưu gửi.", "The postal item number is empty."),
    "postal.batch_not_found": ("Không có lô bưu chính «{ref}».", "No postal batch «{ref}»."),
    "postal.wrong_direction": (
        "Lô {ref} không phải lô nhận hồ sơ từ bưu điện.", "Batch {ref} is not a batch received from the post.",
    ),
    "postal.batch_closed": (
        "Lô {ref} đã đóng (biên bản đã ký): không thêm, bớt được nữa.",
        "Batch {ref} is closed (its record is signed): nothing can be added or removed.",
    ),
    "postal.batch_empty": ("Lô {ref} chưa có bưu gửi nào.", "Batch {ref} has no items yet."),
    "postal.item_not_in_batch": ("Bưu gửi {value} không có trong lô {ref}.", "Item {value} is not in batch {ref}."),
    "postal.duplicate_in_batch": (
        "Bưu gửi {value} đã có trong lô {ref} này: mỗi phiếu gửi chỉ nhận một lần.",
        "Item {value} is already in this batch {ref}: each item is taken once.",
    ),
    "postal.item_twice": (
        "Số phiếu gửi {value} được nhập hai lần: mỗi phiếu gửi chỉ nhận một lần.",
        "Item number {value} is given twice: each item is taken once.",
    ),
    "postal.already_received": (
        "Bưu gửi {value} đã được nhận trong lô {ref}.", "Item {value} was already received in batch {ref}.",
    ),
    "postal.envelope_refused": ("Bưu gửi {value}: {detail}", "Item {value}: {detail}"),
    "postal.dispatch_refused": ("Hồ sơ {value}: {detail}", "Dossier {value}: {detail}"),
    "postal.not_ready_for_post": (
        "Hồ sơ {code} không chờ trả kết quả qua bưu chính (cần trạng thái «Có kết quả, chờ trả» và nhận kết quả "
        "qua bưu chính).",
        "Dossier {code} is not waiting to go back by post (it needs a ready result and delivery by post).",
    ),
    "postal.label_taken": (
        "Nhãn {value} đã dán cho một hồ sơ khác trong lô này.",
        "Label {value} is already on another dossier of this batch.",
    ),
    "postal.label_used": (
        "Nhãn {value} đã dán cho một bưu gửi khác (lô {ref}): kiểm tra lại nhãn.",
        "Label {value} was already used for another item (batch {ref}): check the label.",
    ),
    "postal.outcome_conflict": (
        "Bưu gửi {value} đã có kết quả phát khác ({status}): không ghi đè.",
        "Item {value} already has another outcome ({status}): not overwritten.",
    ),
    "postal.item_not_found": (
        "Không có bưu gửi trả kết quả nào mang số {value}.", "No result was dispatched under item {value}.",
    ),
    "postal.batch_open": (
        "Lô {ref} chưa đóng: biên bản được in khi đóng lô.",
        "Batch {ref} is still open: its record prints at the close.",
    ),
    "postal.not_dispatch": (
        "Lô {ref} không phải lô gửi kết quả qua bưu điện.", "Batch {ref} is not a dispatch batch.",
    ),
    "postal.file_row": ("Dòng {where}: {detail}", "Row {where}: {detail}"),
    "postal.file_type": (
        "Tệp {path}: chỉ nhận tệp .csv hoặc .xlsx.", "File {path}: only .csv or .xlsx files are accepted.",
    ),
    "postal.file_unreadable": (
        "Tệp {path} hỏng hoặc không đúng định dạng CSV/XLSX.", "File {path} is damaged or not CSV/XLSX.",
    ),
    "postal.file_column": (
        "Tệp trạng thái thiếu cột «{name}» ở dòng tiêu đề: không ghi nhận gì.",
        "The status file has no «{name}» column in its header row: nothing was recorded.",
    ),
    "postal.file_empty": ("Tệp {path} không có dòng dữ liệu nào.", "File {path} has no data rows."),
    "postal.file_too_long": ("Tệp có quá {count} dòng.", "The file has more than {count} rows."),
    "postal.status_word": (
        "Trạng thái «{value}» không rõ (dùng «đã phát» hoặc «chuyển hoàn»).",
        "Unknown status «{value}» (use «delivered» or «returned»).",
    ),
    "postal.item_format": (
        "«{value}» không đúng dạng MÃ-HỒ-SƠ=SỐ-PHIẾU-GỬI[=CƯỚC].", "«{value}» is not CODE=ITEM[=POSTAGE].",
    ),
    "postal.option_before_item": (
        "Tùy chọn {name} phải đứng sau --item SỐ-PHIẾU-GỬI của bưu gửi đó.",
        "Option {name} must follow the --item NUMBER of its envelope.",
    ),
}

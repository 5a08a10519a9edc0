"""The names of the figures, in Vietnamese (the report's language) and English, for tables and files."""

from __future__ import annotations

from typing import Final

FIGURE_LABELS: Final[dict[str, tuple[str, str]]] = {
    "received": ("Tiếp nhận", "Received"),
    "received_counter": ("Trực tiếp", "At the counter"),
    "received_postal": ("Qua bưu chính", "By post"),
    "received_online": ("Trực tuyến", "Online"),
    "settled": ("Đã giải quyết", "Settled"),
    "settled_early": ("Trước hạn", "Early"),
    "settled_on_time": ("Đúng hạn", "On time"),
    "settled_late": ("Quá hạn", "Late"),
    "open_not_due": ("Đang giải quyết, chưa đến hạn", "In progress, not yet due"),
    "open_overdue": ("Đang giải quyết, quá hạn", "In progress, overdue"),
    "apology_before_deadline": ("Quá hạn có xin lỗi đúng hạn", "Late, apologised in time"),
    "late_without_apology": ("Quá hạn không xin lỗi kịp", "Late, no timely apology"),
    "sent_back": ("Hướng dẫn bổ sung tại quầy", "Sent back at the counter"),
    "supplement_requested": ("Yêu cầu bổ sung sau thẩm định", "Supplement requested"),
    "refused_at_counter": ("Từ chối tiếp nhận", "Refused at the counter"),
    "refused": ("Từ chối giải quyết", "Refused"),
    "withdrawn": ("Rút hồ sơ", "Withdrawn"),
    "stopped": ("Dừng giải quyết", "Stopped"),
    "digitised_dossiers": ("Số hóa khi tiếp nhận", "Digitised at intake"),
    "signed_dossiers": ("Có bản số hóa ký số", "Signed copies"),
    "returned": ("Đã trả kết quả", "Returned"),
    "returned_by_post": ("Trả qua bưu chính", "Returned by post"),
    "postage": ("Cước bưu chính thu tại quầy (đồng)", "Postage paid at the counter (đồng)"),
    "documents_received": ("Giấy tờ tiếp nhận", "Documents received"),
    "documents_digitised": ("Giấy tờ số hóa", "Documents digitised"),
    "rating_count": ("Lượt đánh giá", "Ratings"),
    "rating_satisfied": ("Hài lòng, rất hài lòng", "Satisfied"),
    "days_average": ("Ngày làm việc trung bình", "Working days, average"),
    "days_p90": ("Ngày làm việc (90 %)", "Working days, 90th percentile"),
    "on_time_share": ("Tỷ lệ trước và đúng hạn (%)", "Early or on time (%)"),
    "apology_share": ("Tỷ lệ quá hạn có xin lỗi (%)", "Late apologised (%)"),
    "digitised_share": ("Tỷ lệ hồ sơ số hóa (%)", "Dossiers digitised (%)"),
    "documents_digitised_share": ("Tỷ lệ giấy tờ số hóa (%)", "Documents digitised (%)"),
    "online_postal_share": ("Tỷ lệ trực tuyến, bưu chính (%)", "Online or by post (%)"),
    "satisfaction_share": ("Tỷ lệ hài lòng (%)", "Satisfied (%)"),
}

# The columns of the breakdown tables (by field, clerk, procedure), in order.
TABLE_COLUMNS: Final = (
    "received", "received_counter", "received_postal", "received_online", "settled", "settled_early",
    "settled_on_time", "settled_late", "open_not_due", "open_overdue", "apology_before_deadline", "sent_back",
    "refused", "withdrawn", "stopped", "digitised_dossiers", "returned_by_post", "postage", "rating_count",
    "rating_satisfied", "days_average", "days_p90",
)

# The headline tiles, in order: a ratio (or count) and whether a rise is good news.
HEADLINES: Final = (
    ("received", True), ("on_time_share", True), ("open_overdue", False), ("apology_share", True),
    ("digitised_share", True), ("online_postal_share", True), ("satisfaction_share", True), ("days_average", False),
)


def figure_label(name: str, lang: str = "vi") -> str:
    labels = FIGURE_LABELS[name]
    return labels[1] if lang == "en" else labels[0]

"""The messages of replacing a dead counter from the hub (Vietnamese, English), registered in messages.py."""

from __future__ import annotations

from typing import Final

REPLACE_MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "sync.revoked": (
        "Máy này đã được thay bằng một máy khác (lúc {at}): máy chủ tỉnh không nhận đồng bộ từ máy này nữa và "
        "máy này đã dừng đồng bộ. Hãy làm việc trên máy mới; không tiếp nhận hồ sơ ở máy này (mã hồ sơ sẽ "
        "trùng). Hồ sơ còn chưa đồng bộ: ghi gói USB và đưa quản trị viên của tỉnh.",
        "This PC was replaced by another one ({at}): the hub no longer accepts its sync and it has stopped "
        "syncing. Work on the new PC; take no dossiers here (their codes would clash). Dossiers not yet "
        "synced: write a USB bundle and give it to the province's administrator."),
    "intake.replaced": (
        "Máy này đã được thay bằng máy khác (lúc {at}); không tiếp nhận hồ sơ ở đây nữa để mã hồ sơ không bị "
        "trùng. Hãy dùng máy mới.",
        "This PC was replaced by another one ({at}); it takes no more dossiers, so that codes do not clash. "
        "Use the new PC."),
    "sync.replace_not_fresh": (
        "Chỉ thay máy vào một thư mục dữ liệu mới: thư mục này đã có hồ sơ. Hãy dùng thư mục trống "
        "(counter-app init --data-dir THƯ_MỤC_MỚI …).",
        "A replacement needs a new data folder: this one already holds dossiers. Use an empty one "
        "(counter-app init --data-dir NEW_FOLDER …)."),
    "sync.rebuild_no_dossier": ("máy chủ tỉnh không có sự kiện tiếp nhận của hồ sơ này.",
                                "the hub holds no reception event for this dossier."),
    "sync.rebuild_twice": ("hồ sơ được tiếp nhận hai lần.", "the dossier was received twice."),
    "sync.download_corrupt": ("Tệp {sha256} tải về không khớp mã băm; sẽ tải lại.",
                              "File {sha256} downloaded does not match its hash; fetching it again."),
    "sync.download_short": ("Tệp {sha256} tải về chưa đủ; sẽ tải tiếp.",
                            "File {sha256} arrived incomplete; resuming."),
    "hub.device_ref": ("«{ref}» không phải mã máy (mã định danh, ít nhất 8 ký tự đầu; xem counter-app hub devices).",
                       "«{ref}» is not a device id (at least its first 8 characters; see counter-app hub devices)."),
    "hub.device_unknown": ("Không có máy nào mang mã «{ref}» (xem counter-app hub devices).",
                           "No device has the id «{ref}» (see counter-app hub devices)."),
    "hub.device_ambiguous": ("«{ref}» ứng với nhiều máy: {ids}; hãy gõ thêm ký tự.",
                             "«{ref}» matches several devices: {ids}; type more of the id."),
    "hub.device_replaced": ("Máy {device} đã được thay bằng máy {by} lúc {at}.",
                            "Device {device} was already replaced by {by} on {at}."),
    "sync.replaced_done": (
        "Đã đăng ký thay máy {replaced}: lấy về {dossiers} hồ sơ và {scans} tệp quét ({mb} MB) từ máy chủ tỉnh. "
        "Số thứ tự mã hồ sơ hôm nay tiếp tục từ {next}.",
        "Enrolled in place of device {replaced}: {dossiers} dossiers and {scans} scans ({mb} MB) rebuilt from "
        "the hub. Today's dossier numbers continue from {next}."),
    "hub.enrol_needs_office": ("Cần --office MÃ_CƠ_QUAN (máy mới) hoặc --replace MÃ_MÁY (thay máy hỏng).",
                               "Give --office AGENCY_CODE (a new device) or --replace DEVICE (a dead one's "
                               "replacement)."),
}

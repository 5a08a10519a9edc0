"""The messages of updating the app (versions, release signatures, packages); merged in messages.py."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "update.bad_version": ("«{version}» không phải số phiên bản hợp lệ (dạng 1.2.3).",
                           "«{version}» is not a valid version number (like 1.2.3)."),
    "update.bad_signature_file": ("Tệp chữ ký của bản cập nhật không đúng định dạng ({detail}).",
                                  "The update's signature file is malformed ({detail})."),
    "update.untrusted_key": ("Bản cập nhật {version} bị từ chối: nó không được ký bằng khóa phát hành của "
                             "Counter (khóa {signer}…). Không cài đặt; đã báo về máy chủ tỉnh.",
                             "Update {version} refused: it is not signed with Counter's release key (key "
                             "{signer}…). Not installed; the hub has been told."),
    "update.bad_signature": ("Bản cập nhật {version} bị từ chối: chữ ký không khớp với nội dung. Không cài "
                             "đặt; đã báo về máy chủ tỉnh.",
                             "Update {version} refused: its signature does not match its content. Not "
                             "installed; the hub has been told."),
    "update.signature_mismatch": ("Chữ ký dành cho phiên bản {signed}, không phải cho gói {version} này.",
                                  "The signature is for version {signed}, not for this package {version}."),
    "update.self_test_failed": ("Phiên bản {version} không qua tự kiểm tra khi khởi động nên máy vẫn chạy "
                                "phiên bản cũ; đã báo về máy chủ tỉnh.",
                                "Version {version} failed its self-test at start-up, so the previous version "
                                "runs; the hub has been told."),
    "update.wrong_platform": ("Bản cập nhật {version} dành cho {built}, máy này là {here}; không cài đặt.",
                              "Update {version} is built for {built}, this machine is {here}; not installed."),
    "update.bad_private_key": ("Tệp «{name}» không phải khóa phát hành riêng (Ed25519, PEM).",
                               "«{name}» is not a release private key (Ed25519, PEM)."),
    "update.key_exists": ("Đã có khóa tại «{name}»; không ghi đè khóa phát hành.",
                          "A key already exists at «{name}»; a release key is never overwritten."),
    "update.unreadable": ("Không đọc được tệp «{name}».", "Cannot read «{name}»."),
    "update.bad_package": ("Gói cập nhật {version} hỏng, không giải nén được ({detail}).",
                           "Update package {version} is damaged and cannot be unpacked ({detail})."),
    "update.already_installed": ("Phiên bản {version} đã được cài trên máy này.",
                                 "Version {version} is already installed here."),
    "update.corrupt": ("Bản cập nhật {version} tải về bị sai lệch; sẽ tải lại.",
                       "The download of update {version} was corrupted; it will be fetched again."),
    "update.disk": ("Không ghi được bản cập nhật: {reason}.", "Cannot write the update: {reason}."),
}

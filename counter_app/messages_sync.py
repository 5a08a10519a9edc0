"""The messages of syncing with the hub and forwarding to the province system; merged in messages.py."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "sync.not_enrolled": ("Quầy chưa đăng ký với máy chủ tỉnh (counter-app sync enroll).",
                          "This counter is not enrolled with the provincial hub (counter-app sync enroll)."),
    "sync.wrong_office": ("Mã đăng ký dành cho cơ quan {theirs}, quầy này thuộc {mine}.",
                          "The enrolment code is for office {theirs}; this counter belongs to {mine}."),
    "sync.unexpected_reply": ("Máy chủ trả lời không đúng giao thức (HTTP {status}); có thể mạng đang chặn "
                              "bằng trang đăng nhập. Sẽ thử lại.",
                              "The hub's reply is not in the protocol (HTTP {status}); a captive portal may be "
                              "in the way. Will retry."),
    "sync.bad_url": ("Địa chỉ máy chủ tỉnh «{url}» không hợp lệ (cần dạng http://máy-chủ:8765).",
                     "The hub address «{url}» is invalid (http://host:8765 expected)."),
    "sync.hub_busy": ("Máy chủ tỉnh đang bận (HTTP {status}); sẽ thử lại.",
                      "The provincial hub is busy (HTTP {status}); will retry."),
    "sync.not_allowed": ("Máy chủ tỉnh từ chối quầy này (HTTP {status}: {detail}). Cần quản trị viên kiểm tra "
                         "đăng ký.", "The hub refuses this counter (HTTP {status}: {detail}). An administrator "
                         "must check the enrolment."),
    "sync.not_a_hub": ("Địa chỉ máy chủ tỉnh không đúng (HTTP {status}). Cần quản trị viên kiểm tra cấu hình.",
                       "The hub address is wrong (HTTP {status}). An administrator must check the settings."),
    "sync.refused": ("Máy chủ tỉnh từ chối dữ liệu (HTTP {status}: {detail}).",
                     "The hub refused the data (HTTP {status}: {detail})."),
    "sync.no_progress": ("Máy chủ tỉnh không ghi nhận thêm sự kiện nào sau số {seq}; dừng đồng bộ để quản trị "
                         "viên kiểm tra.", "The hub acknowledged nothing after event {seq}; sync stops until an "
                         "administrator checks."),
    "sync.batch_refused": ("Máy chủ tỉnh từ chối cả lô sự kiện sau số {seq} (HTTP {status}); dừng đồng bộ để "
                           "quản trị viên kiểm tra.", "The hub refused the whole batch of events after {seq} "
                           "(HTTP {status}); sync stops until an administrator checks."),
    "sync.province_refused": ("Tỉnh từ chối: {reason}", "Refused by the province: {reason}"),
    "hub.refused.unknown": ("lý do chưa rõ; hãy liên hệ quản trị viên của tỉnh.",
                            "reason unknown; contact the province's administrator."),
    "hub.refused.field": ("trường «{field}» của sự kiện không hợp lệ.", "the event's field «{field}» is not valid."),
    "hub.refused.too_large": ("dữ liệu của sự kiện vượt quá {limit} KB.", "the event's data exceeds {limit} KB."),
    "hub.refused.unknown_dossier": ("tỉnh chưa có hồ sơ này (việc tiếp nhận hồ sơ đã bị từ chối trước đó).",
                                    "the province does not hold this dossier (its reception was refused)."),
    "hub.refused.other_office": ("hồ sơ thuộc cơ quan khác.", "the dossier belongs to another office."),
    "hub.refused.code_office": ("mã hồ sơ {code} không mang mã cơ quan {office} của quầy.",
                                "the dossier code {code} does not carry this counter's office code {office}."),
    "hub.ambiguous": ("«{ref}» ứng với {count} hồ sơ ở tỉnh; hãy dùng mã định danh (id) của hồ sơ: {ids}.",
                      "«{ref}» matches {count} dossiers at the hub; use the dossier's id: {ids}."),
    "sync.network": ("Mất kết nối tới máy chủ tỉnh ({reason}); sẽ thử lại.",
                     "The connection to the hub failed ({reason}); will retry."),
    "sync.blob_corrupt": ("Tệp lưu trữ {sha256} bị hỏng trên máy này; cần quản trị viên kiểm tra ổ đĩa.",
                          "Stored file {sha256} is damaged on this machine; an administrator must check the disk."),
    "sync.hub_ahead": ("Máy chủ tỉnh báo đã nhận đến sự kiện {seq} trong khi quầy mới tạo {made}; dừng đồng bộ "
                       "để quản trị viên kiểm tra.", "The hub claims event {seq} while this counter made only "
                       "{made}; sync stops until an administrator checks."),
    "sync.cancelled": ("Đồng bộ dừng vì ứng dụng đang đóng; phần đã gửi được giữ.",
                       "Sync stopped because the app is closing; what was sent is kept."),
    "sync.incomplete": ("Chưa đồng bộ xong: còn {events} sự kiện và {blobs} tệp chờ gửi.",
                        "Sync not finished: {events} events and {blobs} files still waiting."),
    "hub.not_installed": ("Máy chủ tỉnh không có trong gói cài đặt của xã (lệnh «hub {action}»): máy chủ tỉnh "
                          "được cài từ mã nguồn bằng pip trên máy chủ của tỉnh, xem README, mục «Sync with the "
                          "provincial hub».",
                          "The provincial hub is not in the commune package (command «hub {action}»): the hub is "
                          "installed from source with pip on the province's server; see the README, «Sync with the "
                          "provincial hub»."),
    "hub.unknown_transition": ("Không có chuyển trạng thái «{name}»; chọn một trong: {choices}.",
                               "No transition «{name}»; choose one of: {choices}."),
    "sync.plain_http": ("Quầy không gửi dữ liệu qua HTTP không mã hóa tới máy chủ {host}: hãy dùng địa chỉ "
                        "https://. Chỉ quản trị viên mới cho phép HTTP không mã hóa được (counter-app sync tls "
                        "--allow-plain-http on).",
                        "The counter does not send data over unencrypted HTTP to {host}: use an https:// address. "
                        "Only an administrator can allow plain HTTP (counter-app sync tls --allow-plain-http on)."),
    "sync.bad_certificate": ("Chứng chỉ bảo mật của máy chủ tỉnh {host} không đáng tin cậy ({reason}); quầy không "
                             "kết nối. Cần quản trị viên kiểm tra địa chỉ máy chủ và tệp chứng chỉ gốc (CA) đã "
                             "cấu hình.",
                             "The hub {host}'s certificate is not trusted ({reason}); the counter does not connect. "
                             "An administrator must check the hub's address and the configured CA bundle."),
    "sync.ca_bundle": ("Tệp chứng chỉ gốc (CA) {path} không dùng được: {reason}.",
                       "The CA bundle {path} cannot be used: {reason}."),
    "portal.settings": ("Tệp cấu hình kết nối lên hệ thống của tỉnh {name} không hợp lệ: {detail}.",
                        "The settings file of the province system connector {name} is not valid: {detail}."),
    "portal.not_configured": ("Chưa cấu hình kết nối lên hệ thống của tỉnh: thiếu tệp {path}.",
                              "The connector to the province's system is not configured: {path} is missing."),
    "portal.login_failed": ("Hệ thống của tỉnh từ chối đăng nhập (HTTP {status}, mã {code}); hãy kiểm tra tên "
                            "đăng nhập và mật khẩu trong cấu hình.",
                            "The province's system refused the log-in (HTTP {status}, code {code}); check the "
                            "user name and password in the settings."),
    "portal.unreachable": ("Không kết nối được hệ thống của tỉnh ({reason}); sẽ thử lại.",
                           "The province's system cannot be reached ({reason}); will try again."),
    "portal.timeout": ("Hệ thống của tỉnh không trả lời trong {seconds} giây; sẽ thử lại.",
                       "The province's system did not answer within {seconds} seconds; will try again."),
    "portal.http": ("Hệ thống của tỉnh trả lời HTTP {status}: {detail}",
                    "The province's system answered HTTP {status}: {detail}"),
    "portal.not_json": ("Hệ thống của tỉnh trả lời không đúng dạng JSON (HTTP {status}).",
                        "The province's system answered something other than JSON (HTTP {status})."),
    "portal.code": ("Hệ thống của tỉnh báo lỗi mã {code}: {detail}",
                    "The province's system answered error code {code}: {detail}"),
    "portal.duplicate": ("Hệ thống của tỉnh đã có sẵn (mã {code}).",
                         "The province's system already held it (code {code})."),
    "portal.no_item": ("Không có thư lỗi số «{ref}» trong hàng đợi chuyển lên tỉnh.",
                       "No dead letter «{ref}» in the forwarding queue."),
    "portal.no_code": ("Hồ sơ «{ref}» chưa có mã hồ sơ (chưa được tiếp nhận) nên chưa chuyển lên tỉnh.",
                       "Dossier «{ref}» has no code yet (not accepted), so nothing is forwarded."),
    "bundle.no_hub_key": ("Quầy chưa có khóa của máy chủ tỉnh để mã hóa gói USB; hãy đăng ký (lại) quầy "
                          "(counter-app sync enroll) khi có mạng.",
                          "This counter has no key of the hub yet; enrol it again (counter-app sync enroll) "
                          "when a connection is available."),
    "bundle.invalid": ("Tệp gói dữ liệu không hợp lệ: {reason}.", "The bundle file is not valid: {reason}."),
}

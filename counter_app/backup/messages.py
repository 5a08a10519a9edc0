"""The backup messages, in Vietnamese (default) and English; merged into the core's catalogue."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "backup.no_target": ("Chưa chọn thư mục sao lưu: dùng «--to THƯ_MỤC» hoặc đặt trong Quản trị → Sao lưu.",
                         "No backup folder chosen: use «--to FOLDER» or set one in Administration → Backup."),
    "backup.target_missing": ("Không tìm thấy thư mục sao lưu {path}: USB đã được cắm chưa?",
                              "The backup folder {path} is not there: is the USB stick plugged in?"),
    "backup.target_full": ("Thư mục sao lưu {path} không đủ chỗ: còn {free}, cần khoảng {needed}. Chưa ghi gì; "
                           "hãy dùng USB lớn hơn hoặc giảm số bản giữ lại.",
                           "The backup folder {path} lacks space: {free} free, about {needed} needed. Nothing was "
                           "written; use a larger stick or keep fewer generations."),
    "backup.write_failed": ("Không ghi được bản sao lưu vào {path} ({reason}). Bản dở dang sẽ không bao giờ được "
                            "dùng; hãy kiểm tra USB rồi sao lưu lại.",
                            "The backup could not be written to {path} ({reason}). The unfinished copy will never "
                            "be used; check the stick and back up again."),
    "backup.not_sqlite": ("Cơ sở dữ liệu PostgreSQL được sao lưu trên máy chủ (pg_dump), không sao lưu từ quầy.",
                          "A PostgreSQL database is backed up on its server (pg_dump), not from the counter."),
    "backup.none_found": ("Không thấy bản sao lưu nào của Counter trong {path}.",
                          "No Counter backup found in {path}."),
    "backup.several": ("{path} chứa bản sao lưu của nhiều máy ({names}): hãy chọn thư mục của một máy.",
                       "{path} holds backups of several counters ({names}): choose the folder of one."),
    "backup.no_good_generation": ("Không có bản sao lưu nào nguyên vẹn trong {path}: không khôi phục.",
                                  "No intact backup in {path}: nothing restored."),
    "backup.target_not_empty": ("Thư mục {path} đã có dữ liệu: chỉ khôi phục vào thư mục mới hoặc trống.",
                                "The folder {path} holds data: restore only into a new or empty folder."),
    "backup.cannot_decrypt": ("Không giải mã được {path}: sai khóa, hoặc tệp đã bị sửa.",
                              "{path} does not decrypt: wrong key, or the file was altered."),
    "backup.bad_entry": ("Bản sao lưu có tên tệp không hợp lệ: {name}.", "The backup names an invalid file: {name}."),
    "backup.restore_failed": ("Không khôi phục được vào {path} ({reason}); chưa có gì được đặt vào đó.",
                              "The restore into {path} failed ({reason}); nothing was put there."),
    "backup.keep_range": ("Số bản giữ lại phải từ {low} đến {high}.", "Generations kept must be {low}–{high}."),
    "backup.stale_range": ("Số ngày phải từ {low} đến {high}.", "The number of days must be {low}–{high}."),
    "backup.verify_failed": ("Bản sao lưu mới nhất không nguyên vẹn.", "The newest backup is not intact."),
    "backup.generation_ok": ("✓ {name}: nguyên vẹn ({dossiers} hồ sơ, {files} tệp)",
                             "✓ {name}: intact ({dossiers} dossiers, {files} files)"),
    "backup.generation_bad": ("✗ {name}: KHÔNG dùng được", "✗ {name}: NOT usable"),
    "backup.problem.incomplete": ("chưa xong: không có bảng kê (bị ngắt giữa chừng)",
                                  "incomplete: no manifest (the copy was cut off)"),
    "backup.problem.not_authentic": ("bảng kê không khớp khóa của máy này (máy khác, hoặc đã bị sửa)",
                                     "the manifest does not match this key (another counter's, or altered)"),
    "backup.problem.unreadable": ("bảng kê không đọc được ({detail})", "the manifest is unreadable ({detail})"),
    "backup.problem.missing": ("thiếu tệp {path}", "missing file {path}"),
    "backup.problem.cut": ("tệp {path} bị cắt ngắn ({detail} byte)", "file {path} cut short ({detail} bytes)"),
    "backup.problem.damaged": ("tệp {path} bị hỏng (mã băm khác)", "file {path} damaged (hash differs)"),
    "backup.space.data_low": ("Ổ đĩa chứa dữ liệu sắp đầy: còn {free}. Hãy giải phóng dung lượng trước khi hết chỗ "
                              "ghi hồ sơ và bản quét.",
                              "The data disk is nearly full: {free} free. Free some space before dossiers and scans "
                              "can no longer be written."),
    "backup.space.target_low": ("Thư mục sao lưu sắp đầy: còn {free}, lần sao lưu tới cần khoảng {needed}.",
                                "The backup folder is nearly full: {free} free, the next backup needs about "
                                "{needed}."),
    "backup.space.target_missing": ("Không thấy thư mục sao lưu {path}: hãy cắm USB sao lưu.",
                                    "The backup folder {path} is not there: plug in the backup stick."),
    "backup.last_good": ("Sao lưu tốt gần nhất: {at}", "Last good backup: {at}"),
    "backup.last_none": ("Chưa có bản sao lưu nào.", "No backup yet."),
    "backup.done": ("Đã sao lưu {generation}: {blobs} bản quét ({new} bản mới), ghi {size} vào {root}.",
                    "Backed up {generation}: {blobs} scans ({new} new), {size} written to {root}."),
    "backup.restored": ("Đã khôi phục bản sao lưu {generation} vào {path}: {dossiers} hồ sơ, {blobs} bản quét.",
                        "Restored backup {generation} into {path}: {dossiers} dossiers, {blobs} scans."),
    "backup.password_needed": ("Cần mật khẩu văn phòng (hoặc mã trên phiếu khôi phục) để mở bản sao lưu.",
                               "The office password (or the recovery sheet's code) is needed to open the backup."),
    "backup.no_wrapped_key": ("Bản sao lưu {path} không kèm khóa đã bọc bằng mật khẩu (thư mục không mã hóa): "
                              "dùng «--key-file».", "The backup {path} keeps no password-wrapped key (an "
                              "unencrypted folder): use «--key-file»."),
    "backup.reconciled": ("Khôi phục từ bản sao lưu {generation}: {hub_only} sự kiện làm sau bản sao lưu đã có ở máy "
                          "chủ tỉnh nhưng không có trên máy này (xem ở máy chủ tỉnh). Các số hồ sơ, số sổ của "
                          "khoảng thời gian bị mất đã được bỏ qua.",
                          "Restored from backup {generation}: {hub_only} events made after the backup are at the "
                          "hub but not on this counter (see them at the hub). The dossier and register numbers of "
                          "the lost hours were skipped."),
}

"""User-facing messages of the core, in Vietnamese (default) and English."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from typing import Final

from counter_app.backup.messages import MESSAGES as _BACKUP_MESSAGES
from counter_app.messages_replace import REPLACE_MESSAGES as _REPLACE_MESSAGES

DEFAULT_LANG: Final = "vi"

_MESSAGES: Final[dict[str, tuple[str, str]]] = {
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
    "lifecycle.illegal": (
        "Không thể «{action}» khi hồ sơ đang ở trạng thái «{status}».",
        "Cannot «{action}» a dossier whose status is «{status}».",
    ),
    "lifecycle.extended_once": (
        "Hồ sơ đã được hẹn lại ngày trả kết quả một lần; pháp luật chỉ cho phép một lần.",
        "The due date was already extended once; the law allows only one extension.",
    ),
    "lifecycle.new_due_not_later": (
        "Ngày hẹn mới ({new_due}) phải sau ngày hẹn hiện tại ({due}).",
        "The new due date ({new_due}) must be after the current one ({due}).",
    ),
    "lifecycle.new_due_not_working": (
        "Ngày hẹn mới {new_due} không phải ngày làm việc.",
        "The new due date {new_due} is not a working day.",
    ),
    "lifecycle.new_due_too_far": (
        "Ngày hẹn mới {new_due} quá xa: chỉ được hẹn lại trong vòng {days} ngày.",
        "The new due date {new_due} is too far: at most {days} days later.",
    ),
    "lifecycle.new_due_closed": (
        "Giờ hẹn mới {time} ngoài giờ làm việc ({opens}–{closes}).",
        "The new due time {time} is outside office hours ({opens}–{closes}).",
    ),
    "lifecycle.reason_required": ("Cần ghi rõ lý do.", "A reason is required."),
    "lifecycle.stop_requester": (
        "Cần chọn ai đề nghị dừng giải quyết: người nộp hồ sơ hay cơ quan.",
        "Choose who asked to stop: the applicant or the office.",
    ),
    "lifecycle.withdrawn_retired": (
        "Hồ sơ đã được tiếp nhận: người nộp muốn dừng thì ghi «dừng giải quyết» theo đề nghị của người nộp"
        " (in Mẫu 05), không «rút hồ sơ».",
        "The dossier was accepted: when the applicant asks to stop, record «stop processing» at the applicant's"
        " request (form 05 is printed), not a withdrawal.",
    ),
    "lifecycle.missing_documents": (
        "Hồ sơ còn thiếu giấy tờ bắt buộc: {names}. Chỉ có thể yêu cầu bổ sung hoặc từ chối.",
        "Mandatory documents are missing: {names}. The dossier can only be sent back or refused.",
    ),
    "lifecycle.postal_not_allowed": (
        "Thủ tục này không nhận/trả kết quả qua bưu chính.",
        "This procedure cannot use the postal service.",
    ),
    "lifecycle.postal_address_required": (
        "Trả kết quả qua bưu chính cần địa chỉ nhận.",
        "Postal delivery needs an address.",
    ),
    "return.recipient_name": ("Chưa nhập họ tên người nhận kết quả.", "The recipient's name is empty."),
    "return.recipient_mismatch": (
        "Số giấy tờ của người nhận ({id_number}) không khớp người nộp hay người được ủy quyền; "
        "cần ghi số văn bản ủy quyền.",
        "The recipient's ID ({id_number}) matches neither the applicant nor the submitter; "
        "an authorisation reference is required.",
    ),
    "return.delivery_mismatch": (
        "Hồ sơ đăng ký nhận kết quả tại {expected}, không phải {given}.",
        "The dossier is registered for delivery at {expected}, not {given}.",
    ),
    "dossier.not_found": ("Không tìm thấy hồ sơ «{ref}».", "No dossier «{ref}»."),
    "procedure.not_chosen": ("Chưa chọn thủ tục.", "No procedure has been chosen."),
    "procedure.not_found": (
        "Không có thủ tục mã «{code}» hiệu lực ngày {on}.",
        "No procedure with code «{code}» in force on {on}.",
    ),
    "document.unknown": (
        "Thủ tục không có giấy tờ «{name}».",
        "The procedure has no document «{name}».",
    ),
    "office.missing": (
        "Chưa khởi tạo cơ quan; hãy chạy «counter-app init».",
        "No office is set up; run «counter-app init».",
    ),
    "office.code": (
        "Mã định danh cơ quan «{code}» không hợp lệ (chỉ gồm chữ hoa, số và dấu chấm, tối đa 35 ký tự).",
        "Agency code «{code}» is invalid (capitals, digits and dots, at most 35 characters).",
    ),
    "codes.exhausted": (
        "Đã dùng hết dải số thứ tự hồ sơ của quầy trong ngày {day} ({start}–{end}).",
        "This counter's dossier number block is used up for {day} ({start}–{end}).",
    ),
    "codes.block": (
        "Dải số thứ tự «{value}» không hợp lệ (ví dụ 1-4999).",
        "Sequence block «{value}» is invalid (e.g. 1-4999).",
    ),
    "codes.pattern_syntax": (
        "Mẫu mã hồ sơ «{value}» không hợp lệ: chỉ dùng {{agency}}, {{yymmdd}}, {{aa}}, {{seq:4}} và dấu «-» «.»"
        " (ví dụ {{agency}}-{{yymmdd}}-{{aa}}{{seq:4}}).",
        "Dossier code pattern «{value}» is invalid: use only {{agency}}, {{yymmdd}}, {{aa}}, {{seq:4}} and «-» «.»"
        " (e.g. {{agency}}-{{yymmdd}}-{{aa}}{{seq:4}}).",
    ),
    "codes.pattern_part": (
        "Mẫu mã hồ sơ «{value}» phải có đúng một phần {field}.",
        "Dossier code pattern «{value}» must contain {field} exactly once.",
    ),
    "codes.pattern_width": (
        "Số thứ tự trong mã hồ sơ phải có từ 4 đến 6 chữ số (đang đặt {given}).",
        "The dossier code's sequence must have 4 to 6 digits ({given} given).",
    ),
    "codes.pattern_system": (
        "Phần hệ thống AA phải gồm đúng 2 chữ số và chỉ dùng khi mẫu có {{aa}} (nhận được: «{value}»).",
        "The system part AA must be exactly 2 digits, given only when the pattern has {{aa}} (got «{value}»).",
    ),
    "codes.pattern_shape": (
        "Mẫu mã hồ sơ «{value}» phải cho mã dạng <mã cơ quan>-<YYMMDD>-<các chữ số> để quầy, tỉnh và máy quét"
        " đều đọc được.",
        "Dossier code pattern «{value}» must give codes shaped <agency>-<YYMMDD>-<digits>, which the counter, the"
        " province and the scanners read.",
    ),
    "codes.pattern_length": (
        "Mã hồ sơ theo mẫu này dài quá {count} ký tự.",
        "Codes of this pattern would be longer than {count} characters.",
    ),
    "office.cutoff": (
        "Giờ chốt {value} phải nằm trong giờ làm việc ({start}–{end}).",
        "The cut-off {value} must fall within office hours ({start}–{end}).",
    ),
    "office.place_name_required": (
        "Cần địa danh in trước ngày tháng trên biểu mẫu (ví dụ «Tân Hòa»): thêm --place-name.",
        "The place name printed before the date on the forms is needed (e.g. «Tân Hòa»): add --place-name.",
    ),
    "user.exists": ("Tên đăng nhập «{username}» đã có.", "Username «{username}» already exists."),
    "user.pin_format": ("Mã PIN phải gồm 4 đến 8 chữ số.", "A PIN must be 4 to 8 digits."),
    "user.bad_login": ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password."),
    "user.password_short": (
        "Mật khẩu cần ít nhất {min} ký tự.",
        "The password needs at least {min} characters.",
    ),
    "office.code_locked": (
        "Không thể đổi mã cơ quan {code}: đã có hồ sơ mang mã này.",
        "The office code {code} cannot change: dossiers already carry it.",
    ),
    "user.unknown": ("Không có người dùng «{username}».", "There is no user «{username}»."),
    "user.last_admin": (
        "Không thể khóa quản trị viên cuối cùng còn hoạt động.",
        "The last active administrator cannot be deactivated.",
    ),
    "user.role": ("Vai trò «{role}» không tồn tại.", "Role «{role}» does not exist."),
    "import.errors": (
        "Không nhập danh mục vì có {count} lỗi:\n{errors}",
        "The catalogue was not imported: {count} errors:\n{errors}",
    ),
    "import.format": (
        "Không đọc được tệp danh mục «{name}»: {detail}",
        "Cannot read catalogue file «{name}»: {detail}",
    ),
    "import.row": ("{where}: {problem}", "{where}: {problem}"),
    "import.no_effective_date": (
        "Chưa có ngày hiệu lực: tệp không ghi, hãy thêm --effective-from YYYY-MM-DD.",
        "No effective date: the file does not give one; add --effective-from YYYY-MM-DD.",
    ),
    "procedure.time_not_stated": (
        "Thủ tục chưa có thời hạn giải quyết («{value}»): quản trị viên cần nhập thời hạn trước khi tiếp nhận.",
        "The procedure has no time limit («{value}»): an administrator must set it before intake.",
    ),
    "procedure.time_unreadable": (
        "Không đọc được thời hạn «{value}» (ví dụ: «05 ngày làm việc», «Trong ngày», «8 giờ», «15 ngày»).",
        "Cannot read the time limit «{value}» (e.g. «05 ngày làm việc», «Trong ngày», «8 giờ», «15 ngày»).",
    ),
    "procedure.case_unknown": (
        "Thủ tục không có trường hợp số {value} (có {count} trường hợp).",
        "The procedure has no case number {value} (it has {count}).",
    ),
    "fee.unknown": ("Chưa rõ — kiểm tra mức phí đã công bố", "Unknown — check the published fee"),
    "fee.none": ("Không thu", "No fee"),
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
    "document.duplicate": ("Giấy tờ số {position} được nhập hai lần.", "Document {position} is given twice."),
    "event.invalid": ("Sự kiện có trường «{name}» không hợp lệ: {problem}.",
                      "The event's field «{name}» is invalid: {problem}."),
    "storage.data_dir": ("Không tạo được thư mục dữ liệu {path}: {reason}.",
                         "Cannot create the data folder {path}: {reason}."),
    "bug.cli": ("Lỗi trong chương trình (không phải do thao tác của bạn); chưa ghi gì thêm. Hãy gửi tệp nhật ký "
                "{log} cho bộ phận hỗ trợ.", "A bug in the program (not something you did); nothing more was "
                "written. Please send the log file {log} to support."),
    "bug.screen": ("Lỗi trong chương trình ({error}); thao tác chưa hoàn tất, phần đã lưu trước đó vẫn còn. "
                   "Chi tiết đã ghi vào nhật ký; chạy «counter-app doctor» để lấy báo cáo gửi hỗ trợ.",
                   "A bug in the program ({error}); the action did not finish, what was saved before is kept. "
                   "The details are in the log; run «counter-app doctor» for a report to send to support."),
    "storage.bad_url": ("Địa chỉ cơ sở dữ liệu «{url}» không hợp lệ (ví dụ postgresql+psycopg://máy-chủ/counter).",
                        "The database address «{url}» is invalid (e.g. postgresql+psycopg://host/counter)."),
    "storage.unreachable": ("Không kết nối được cơ sở dữ liệu {url} ({reason}); chưa ghi gì. Kiểm tra máy chủ và "
                            "mạng rồi thử lại.", "Cannot connect to the database {url} ({reason}); nothing was "
                            "written. Check the server and the network, then try again."),
    "storage.damaged": ("Cơ sở dữ liệu {url} bị hỏng hoặc không phải cơ sở dữ liệu của Counter ({reason}). Chạy "
                        "«counter-app doctor» và gửi báo cáo cho bộ phận hỗ trợ.", "The database {url} is damaged or "
                        "not Counter's ({reason}). Run «counter-app doctor» and send the report to support."),
    "storage.locked": (
        "Cơ sở dữ liệu đang bận; thao tác chưa được ghi, hãy thử lại.",
        "The database is busy; nothing was written, please try again.",
    ),
    "storage.disk_full": (
        "Ổ đĩa đã đầy; thao tác chưa được ghi. Hãy giải phóng dung lượng rồi thử lại.",
        "The disk is full; nothing was written. Free some space and try again.",
    ),
    "blob.corrupt": (
        "Tệp lưu trữ {digest} bị hỏng (nội dung không khớp mã băm).",
        "Stored file {digest} is corrupt (its content does not match its hash).",
    ),
    "sealed.not_sealed": ("Tệp {name} không phải tệp đã mã hóa của Counter.",
                          "The file {name} is not a file encrypted by Counter."),
    "sealed.wrong_key": ("Tệp {name} được mã hóa bằng khóa của một máy hoặc bản cài đặt khác; không mở được bằng "
                         "khóa của máy này.", "The file {name} was encrypted with another installation's key; this "
                         "installation's key cannot open it."),
    "sealed.corrupt": ("Tệp mã hóa {name} bị hỏng hoặc đã bị sửa; không dùng được nội dung của nó.",
                       "The encrypted file {name} is damaged or was altered; its content cannot be used."),
    "sealed.truncated": ("Tệp mã hóa {name} bị cắt cụt (chưa ghi xong, hoặc ổ USB bị rút giữa chừng); không dùng "
                         "được.", "The encrypted file {name} is cut short (not finished, or the USB stick was "
                         "pulled mid-way); it cannot be used."),
    "protect.key_file_damaged": ("Tệp khóa {path} bị hỏng; dữ liệu không mở được bằng mật khẩu. Dùng tờ khôi phục: "
                                 "counter-app protect recover.", "The key file {path} is damaged; the data cannot "
                                 "be opened with the password. Use the recovery sheet: counter-app protect recover."),
    "protect.not_encrypted": ("Thư mục dữ liệu {path} chưa được mã hóa.", "The data folder {path} is not encrypted."),
    "protect.already_encrypted": ("Thư mục dữ liệu {path} đã được mã hóa.",
                                  "The data folder {path} is already encrypted."),
    "protect.not_new": ("Thư mục dữ liệu {path} đã có dữ liệu; dùng «counter-app protect encrypt» để mã hóa.",
                        "The data folder {path} already holds data; use «counter-app protect encrypt» to encrypt it."),
    "protect.locked": ("Dữ liệu ở {path} đã được mã hóa: cần mật khẩu văn phòng để mở (--password-file TỆP, biến "
                       "COUNTER_PASSWORD_FILE, hoặc gõ khi được hỏi). Chưa mở gì.", "The data in {path} is "
                       "encrypted: the office password is needed to open it (--password-file FILE, the "
                       "COUNTER_PASSWORD_FILE variable, or type it when asked). Nothing was opened."),
    "protect.wrong_key": ("Khóa được đưa không phải khóa của thư mục dữ liệu {path}; chưa mở gì.",
                          "The key given is not the key of the data folder {path}; nothing was opened."),
    "protect.wrong_password": ("Sai mật khẩu văn phòng; dữ liệu chưa được mở. Hãy gõ lại (chú ý chữ hoa, bộ gõ "
                               "tiếng Việt).", "Wrong office password; the data was not opened. Type it again "
                               "(mind capitals and the Vietnamese keyboard)."),
    "protect.password_short": ("Mật khẩu văn phòng cần ít nhất {min} ký tự.",
                               "The office password needs at least {min} characters."),
    "protect.password_mismatch": ("Hai lần gõ mật khẩu không giống nhau; chưa thay đổi gì.",
                                  "The two passwords typed differ; nothing was changed."),
    "protect.password_needed": ("Cần mật khẩu văn phòng: --password-file TỆP hoặc biến COUNTER_PASSWORD_FILE / "
                                "COUNTER_PASSWORD. Chưa mở gì.", "The office password is needed: --password-file "
                                "FILE or the COUNTER_PASSWORD_FILE / COUNTER_PASSWORD variable. Nothing was opened."),
    "protect.password_needed_new": ("Cần mật khẩu mới: --new-password-file TỆP hoặc biến COUNTER_NEW_PASSWORD_FILE "
                                    "/ COUNTER_NEW_PASSWORD. Chưa thay đổi gì.", "The new password is needed: "
                                    "--new-password-file FILE or the COUNTER_NEW_PASSWORD_FILE / "
                                    "COUNTER_NEW_PASSWORD variable. Nothing was changed."),
    "protect.password_file": ("Không đọc được tệp mật khẩu {path}.", "Cannot read the password file {path}."),
    "protect.prompt": ("Mật khẩu văn phòng: ", "Office password: "),
    "protect.prompt_new": ("Mật khẩu văn phòng mới: ", "New office password: "),
    "protect.prompt_again": ("Gõ lại mật khẩu: ", "Type the password again: "),
    "protect.set_up_done": ("Dữ liệu được mã hóa. Mã khôi phục (in tờ khôi phục và cất nơi an toàn, không để cạnh "
                            "máy): {code}", "The data is encrypted. Recovery code (print the recovery sheet and "
                            "keep it somewhere safe, away from the PC): {code}"),
    "protect.legacy_plain": ("Cảnh báo: dữ liệu ở máy này chưa được mã hóa. Chạy «counter-app protect encrypt».",
                             "Warning: the data on this PC is not encrypted. Run «counter-app protect encrypt»."),
    "protect.password_changed": ("Đã đổi mật khẩu văn phòng (dữ liệu giữ nguyên).",
                                 "The office password was changed (the data is as it was)."),
    "protect.recovered": ("Đã mở lại dữ liệu bằng mã khôi phục và đặt mật khẩu văn phòng mới.",
                          "The data was recovered with the recovery code and a new office password set."),
    "protect.recovery_code_needed": ("Cần mã khôi phục: --code hoặc --code-file.",
                                     "The recovery code is needed: --code or --code-file."),
    "protect.recovery_format": ("Mã khôi phục phải gồm {groups} nhóm 5 ký tự như trên tờ khôi phục.",
                                "The recovery code must be {groups} groups of 5 characters, as on the sheet."),
    "protect.recovery_checksum": ("Mã khôi phục gõ chưa đúng (sai một ký tự?); hãy đối chiếu lại với tờ khôi phục.",
                                  "The recovery code is mistyped (one character wrong?); check it against the sheet."),
    "protect.recovery_other_key": ("Mã khôi phục này là của một bản cài đặt khác, không phải của thư mục dữ liệu này.",
                                   "This recovery code belongs to another installation, not to this data folder."),
    "print.not_applicable": (
        "Không in được {form}: mẫu này chỉ dành cho {need}; hồ sơ đang ở trạng thái «{status}».",
        "Cannot print the {form}: it is only for {need}; the dossier is «{status}».",
    ),
    "print.unknown_form": (
        "Không có mẫu «{form}». Chọn một trong: {choices}.",
        "There is no form «{form}». Choose one of: {choices}.",
    ),
    "print.bad_range": (
        "Khoảng ngày không hợp lệ: từ {start} đến {end}.",
        "Invalid date range: from {start} to {end}.",
    ),
    "print.register_range": (
        "Sổ theo dõi cần khoảng ngày: --from NGÀY --to NGÀY.",
        "The register needs a date range: --from DAY --to DAY.",
    ),
    "print.one_dossier": ("Cần đúng một mã hồ sơ cho mẫu này.", "This form needs exactly one dossier code."),
    "print.printer_unavailable": (
        "Không dùng được máy in «{printer}». Kiểm tra máy in đã bật và đã được cài đặt.",
        "Printer «{printer}» cannot be used. Check that it is on and installed.",
    ),
    "print.bad_pdf": ("Tệp PDF của mẫu bị hỏng, không in được.", "The form's PDF is damaged and cannot be printed."),
    "print.write_failed": (
        "Không ghi được tệp {path}: {reason}.",
        "Could not write {path}: {reason}.",
    ),
    "sign.bad_pin": (
        "Sai mật khẩu của tệp chứng thư số, hoặc tệp không phải PKCS#12.",
        "Wrong passphrase for the certificate file, or it is not a PKCS#12 file.",
    ),
    "sign.token_unavailable": (
        "Không mở được token «{token}» ({reason}): kiểm tra token đã cắm, mã PIN và tệp thư viện PKCS#11.",
        "Cannot open token «{token}» ({reason}): check that it is plugged in, the PIN and the PKCS#11 library.",
    ),
    "sign.no_certificate": ("Không tìm thấy chứng thư số để ký.", "No signing certificate was found."),
    "timestamp.failed": (
        "Chưa gắn được dấu thời gian ({reason}); sẽ thử lại sau.",
        "Could not add the time-stamp ({reason}); it will be retried.",
    ),
    "file.not_regular": ("«{path}» không phải một tệp thường (thiết bị, ống dẫn hay thư mục); không ghi đè lên "
                         "nó. Hãy chọn tên tệp khác.", "«{path}» is not a regular file (a device, pipe or folder); "
                         "it is not overwritten. Choose another file name."),
    "file.not_regular_input": ("«{path}» không phải một tệp thường (thiết bị, ống dẫn hay thư mục); hãy chọn một "
                               "tệp PDF hoặc ảnh.", "«{path}» is not a regular file (a device, pipe or folder); "
                               "choose a PDF or picture file."),
    "register.unknown_field": ("Không có lĩnh vực «{field}». Các lĩnh vực: {fields}.",
                               "There is no field «{field}». The fields: {fields}."),
    "file.os_error": ("Hệ thống tệp từ chối ({reason}): {path}. Chưa ghi gì thêm.",
                      "The file system refused ({reason}): {path}. Nothing more was written."),
    "file.unreadable": ("Không đọc được tệp {path}: {reason}.", "Cannot read {path}: {reason}."),
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
    "storage.premigrate_failed": ("Phiên bản mới cần nâng cấp cơ sở dữ liệu nhưng không sao lưu được trước "
                                  "({reason}); chưa nâng cấp, dữ liệu giữ nguyên.",
                                  "The new version must migrate the database but could not back it up first "
                                  "({reason}); nothing was migrated, the data is unchanged."),
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
    "verify.not_pdf": ("Tệp không phải PDF (hoặc hỏng đến mức không đọc được); không có chữ ký nào để kiểm tra.",
                       "The file is not a PDF (or is damaged beyond reading); there is no signature to check."),
    "verify.broken": ("Có chữ ký không còn nguyên vẹn: tệp đã bị sửa sau khi ký hoặc chữ ký hỏng.",
                      "A signature is broken: the file was changed after signing or the signature is damaged."),
    "certificate.unreadable": ("Tệp chứng thư số gốc không đọc được ({reason}).",
                               "A root certificate file cannot be read ({reason})."),
    "document.no_files": ("Chưa có tệp nào để nhập.", "No file to import."),
    "document.not_pdf": ("Tệp không phải PDF.", "The file is not a PDF."),
    "document.not_scan": ("Trang {page} của {path} không phải một ảnh quét (cần đúng một ảnh mỗi trang).",
                          "Page {page} of {path} is not a scanned image (one picture per page is needed)."),
    "document.not_found": (
        "Hồ sơ không có giấy tờ «{name}». Các giấy tờ: {choices}.",
        "The dossier has no document «{name}». Its documents: {choices}.",
    ),
    "document.encrypted": ("Tệp {path} được mã hóa (có mật khẩu); hãy xin bản không mã hóa rồi nhập lại.",
                           "{path} is encrypted (password-protected); ask for an unencrypted copy and import it."),
    "document.bad_pdf": ("Tệp {path} không phải PDF đọc được.", "{path} is not a readable PDF."),
    "document.too_many_pixels": ("Ảnh ở trang {page} của {path} quá lớn ({megapixels} triệu điểm ảnh, tối đa "
                                 "{limit} triệu); không nhập.", "The picture on page {page} of {path} is too large "
                                 "({megapixels} megapixels, at most {limit}); not imported."),
    "document.bad_image": ("Không đọc được ảnh {path}: {reason}.", "Cannot read the image {path}: {reason}."),
    "sign.nothing": ("Hồ sơ {code} không có bản số hóa nào chưa ký.", "Dossier {code} has no unsigned digitised copy."),
    "scan.blank": ("Trang trắng", "Blank page"),
    "scan.platform": ("Máy quét {api} chỉ dùng được trên Windows.", "{api} scanners work on Windows only."),
    "scan.no_pages": ("Máy quét không trả về trang nào.", "The scanner returned no page."),
    "scan.sane_missing": (
        "Chưa cài SANE (chương trình scanimage) trên máy này.",
        "SANE (the scanimage program) is not installed on this machine.",
    ),
    "scan.failed": ("Máy quét «{device}» báo lỗi: {reason}.", "Scanner «{device}» failed: {reason}."),
    "scan.busy": ("Máy quét «{device}» đang bận; hãy thử lại.", "Scanner «{device}» is busy; try again."),
    "scan.unreachable": (
        "Không kết nối được máy quét mạng {url}: {reason}.",
        "Cannot reach the network scanner {url}: {reason}.",
    ),
    "quality.low_dpi": ("Độ phân giải dưới 200 dpi: hãy quét lại ở 200–300 dpi.",
                        "Resolution below 200 dpi: scan again at 200–300 dpi."),
    "quality.blurred": ("Trang bị mờ: hãy đặt giấy phẳng và quét lại.", "The page is blurred: lay it flat and rescan."),
    "quality.cut_off": ("Trang bị mất mép (chữ chạm sát lề): hãy đặt lại giấy và quét lại.",
                        "The page is cut off (writing touches the edge): reposition it and rescan."),
    "quality.skewed": ("Trang vẫn còn nghiêng sau khi chỉnh: hãy đặt thẳng giấy và quét lại.",
                       "The page is still skewed after correction: straighten it and rescan."),
    "quality.rejected": ("Có trang chưa đạt, cần quét lại — trang {details}",
                         "Some pages must be scanned again — page {details}"),
    "blob.missing": ("Không tìm thấy tệp lưu trữ {digest}.", "Stored file {digest} is missing."),
    "rating.score": ("Mức đánh giá phải là 1, 2, 3 hoặc 4 (nhận được: «{value}»).",
                     "A rating must be 1, 2, 3 or 4 (got «{value}»)."),
    "rating.stage": ("Thời điểm đánh giá «{value}» không hợp lệ (intake hoặc return).",
                     "Rating stage «{value}» is invalid (intake or return)."),
    "rating.already": ("Công dân đã đánh giá hồ sơ {code} ở bước này; mỗi lần tiếp nhận hay trả kết quả chỉ ghi một "
                       "đánh giá.", "The citizen has already rated dossier {code} at this step; one rating is recorded "
                       "per intake or hand-over."),
    "rating.not_returned": ("Hồ sơ {code} chưa trả kết quả: chỉ ghi đánh giá việc trả kết quả sau khi đã trả "
                            "cho công dân (đánh giá lúc tiếp nhận thì chọn thời điểm tiếp nhận).",
                            "Dossier {code} has not been handed back yet: a rating of the return is recorded only "
                            "after the result is returned (a rating of the intake: choose the intake stage)."),
    "report.range": ("Ngày đầu kỳ {start} sau ngày cuối kỳ {end}.",
                     "The first day {start} is after the last day {end}."),
    "report.range_long": ("Kỳ báo cáo {start} – {end} phải nằm trong các năm 2000–2099 và dài không quá hai năm.",
                          "The period {start} – {end} must lie within 2000–2099 and last two years at most."),
    "report.scorecard_file": ("Không đọc được tệp công thức {path}: {reason}",
                              "Cannot read the formula file {path}: {reason}"),
    "report.unknown_figure": ("Không có số liệu «{name}».", "There is no figure «{name}»."),
    "report.format": ("Định dạng báo cáo phải là xlsx hoặc pdf, hoặc dùng --json.",
                      "The report format must be xlsx or pdf, or use --json."),
    **_BACKUP_MESSAGES,
    **_REPLACE_MESSAGES,
}


@dataclass(frozen=True)
class Bilingual:
    """A message parameter that itself depends on the language (a status name, say)."""

    vi: str
    en: str

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


_OS_REASONS: Final[dict[int, tuple[str, str]]] = {
    errno.ENOENT: ("không có tệp hay thư mục này", "no such file or folder"),
    errno.EACCES: ("không có quyền truy cập", "permission denied"),
    errno.EPERM: ("không được phép", "operation not permitted"),
    errno.ENOSPC: ("ổ đĩa đã đầy", "the disk is full"),
    errno.EDQUOT: ("đã hết hạn mức dung lượng", "the disk quota is used up"),
    errno.EROFS: ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
    errno.EISDIR: ("đó là một thư mục", "it is a folder"),
    errno.ENOTDIR: ("một phần của đường dẫn không phải thư mục", "part of the path is not a folder"),
    errno.EEXIST: ("đã có tệp trùng tên", "a file of that name exists"),
    errno.ENAMETOOLONG: ("tên tệp quá dài", "the file name is too long"),
    errno.EIO: ("lỗi đọc/ghi của thiết bị", "input/output error on the device"),
    errno.EBUSY: ("thiết bị hoặc tệp đang bận", "the device or file is busy"),
    errno.ENODEV: ("không có thiết bị", "no such device"),
    errno.ENXIO: ("không có thiết bị", "no such device"),
}


def os_reason(error: OSError) -> Bilingual:
    """What the operating system said, in both languages: the common refusals translated, others by their
    errno name (the system's own text is English whatever the clerk's language)."""
    known = _OS_REASONS.get(error.errno or 0)
    if known:
        return Bilingual(*known)
    name = errno.errorcode.get(error.errno or 0, type(error).__name__)
    return Bilingual(f"lỗi hệ thống {name}", f"{error.strerror or 'system error'} ({name})")


def render(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The message `key` in `lang` ('vi' or 'en'), with its placeholders filled."""
    vi, en = _MESSAGES[key]
    template = en if lang == "en" else vi
    values = {k: v.pick(lang) if isinstance(v, Bilingual) else v for k, v in params.items()}
    return template.format(**values)


def known_keys() -> frozenset[str]:
    """Every message key, for tests that check both languages are filled."""
    return frozenset(_MESSAGES)

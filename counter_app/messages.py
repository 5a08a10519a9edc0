"""User-facing messages in Vietnamese (default) and English: the core's own, and one lookup over every catalogue."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from typing import Final

from counter_app.backup.messages import MESSAGES as _BACKUP_MESSAGES
from counter_app.messages_documents import MESSAGES as _DOCUMENT_MESSAGES
from counter_app.messages_input import MESSAGES as _INPUT_MESSAGES
from counter_app.messages_postal import MESSAGES as _POSTAL_MESSAGES
from counter_app.messages_replace import REPLACE_MESSAGES as _REPLACE_MESSAGES
from counter_app.messages_sync import MESSAGES as _SYNC_MESSAGES
from counter_app.protect.messages import MESSAGES as _PROTECT_MESSAGES
from counter_app.updates.messages import MESSAGES as _UPDATE_MESSAGES

DEFAULT_LANG: Final = "vi"

_MESSAGES: Final[dict[str, tuple[str, str]]] = {
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
    "storage.premigrate_failed": ("Phiên bản mới cần nâng cấp cơ sở dữ liệu nhưng không sao lưu được trước "
                                  "({reason}); chưa nâng cấp, dữ liệu giữ nguyên.",
                                  "The new version must migrate the database but could not back it up first "
                                  "({reason}); nothing was migrated, the data is unchanged."),
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
    **_INPUT_MESSAGES,
    **_POSTAL_MESSAGES,
    **_DOCUMENT_MESSAGES,
    **_PROTECT_MESSAGES,
    **_SYNC_MESSAGES,
    **_UPDATE_MESSAGES,
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

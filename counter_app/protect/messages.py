"""The data-protection messages (password, key file, recovery code, sealed files); merged in messages.py."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
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
}

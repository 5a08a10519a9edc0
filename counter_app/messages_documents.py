"""The messages of documents: scanning, quality, signing, verifying and printing; merged in messages.py."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "document.unknown": (
        "Thủ tục không có giấy tờ «{name}».",
        "The procedure has no document «{name}».",
    ),
    "document.duplicate": ("Giấy tờ số {position} được nhập hai lần.", "Document {position} is given twice."),
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
}

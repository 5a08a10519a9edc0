"""The recovery sheet printed at set-up: the data key as a QR code and as 11 groups of 5 characters, with what to
do with it, so the data can be opened when the office password and the keyring are both lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from counter_app.clock import local, now
from counter_app.protect.recovery import encode, qr_payload
from counter_app.protect.stream import key_id
from counter_app.storage.blobs import write_atomically
from printing.barcodes import QrCode
from printing.fonts import BOLD
from printing.layout import A4_PORTRAIT, Styles, build_pdf, para

_STEPS = (
    "Tờ này mở được toàn bộ dữ liệu của máy khi quên mật khẩu văn phòng hoặc máy hỏng. Ai cầm tờ này "
    "cũng đọc được hồ sơ của công dân: cất trong tủ có khóa, không để cạnh máy, không chụp ảnh, không gửi qua mạng.",
    "Khi cần dùng: trên máy có dữ liệu (hoặc máy mới đã chép bản sao lưu vào), chạy "
    "«counter-app protect recover --code-file TỆP» hoặc gõ các nhóm ký tự dưới đây vào màn hình «Khôi phục», "
    "rồi đặt mật khẩu văn phòng mới. Có thể quét mã QR thay vì gõ.",
    "Chữ O và số 0, chữ I/L và số 1 được coi là một; dấu gạch và khoảng trắng không quan trọng. "
    "Đổi mật khẩu văn phòng không làm tờ này hết hiệu lực.",
)


def recovery_sheet_pdf(key: bytes, folder: str, office: str = "", made: dt.datetime | None = None) -> bytes:
    """The sheet for `key` (one A4 page)."""
    styles = Styles(A4_PORTRAIT)
    code_style = ParagraphStyle("code", parent=styles.centre, fontName=BOLD, fontSize=17, leading=26)
    when = local(made or now())
    groups = encode(key).split("-")
    lines = [" ".join(groups[i: i + 4]) for i in range(0, len(groups), 4)]
    story: list[Flowable] = [
        para("TỜ KHÔI PHỤC DỮ LIỆU — COUNTER", styles.title),
        para("Recovery sheet: the key that opens this PC's encrypted data", styles.italic_centre),
        Spacer(1, 4 * mm),
        _details(styles, folder, office, key, when),
        Spacer(1, 6 * mm),
        _centred(QrCode(qr_payload(key), size=62 * mm)),
        Spacer(1, 4 * mm),
        *[para(line, code_style) for line in lines],
        Spacer(1, 6 * mm),
        *[para(f"{number}. {step}", styles.body) for number, step in enumerate(_STEPS, 1)],
    ]
    return build_pdf(A4_PORTRAIT, story, "Tờ khôi phục dữ liệu", "Counter recovery sheet")


def write_recovery_sheet(target: Path, key: bytes, folder: str) -> None:
    """Write the sheet to `target` (atomically)."""
    write_atomically(target, recovery_sheet_pdf(key, folder))


def _details(styles: Styles, folder: str, office: str, key: bytes, when: dt.datetime) -> Table:
    rows = [[para("Đơn vị", styles.left, bold=True), para(office or "—", styles.left)],
            [para("Thư mục dữ liệu", styles.left, bold=True), para(folder, styles.left)],
            [para("Mã nhận diện khóa", styles.left, bold=True), para(key_id(key).hex(), styles.left)],
            [para("Ngày lập", styles.left, bold=True), para(when.strftime("%d/%m/%Y %H:%M"), styles.left)]]
    table = Table(rows, colWidths=[45 * mm, A4_PORTRAIT.width - 45 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _centred(flowable: Flowable) -> Table:
    table = Table([[flowable]], colWidths=[A4_PORTRAIT.width])
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return table

"""The recovery sheet: its QR code, read back by a real decoder from the rendered page, and its printed groups
both give the data key back; the page names the folder and the key's id."""

from __future__ import annotations

from pathlib import Path

from counter_app.protect.recovery import decode, encode
from counter_app.protect.stream import key_id, new_key
from printing.recovery_sheet import write_recovery_sheet
from tests.pdftools import barcodes, info, text_of


def test_the_sheet_qr_and_words_give_the_key_back(tmp_path: Path) -> None:
    key = new_key()
    sheet = tmp_path / "to-khoi-phuc.pdf"
    write_recovery_sheet(sheet, key, "/home/mot-cua/.local/share/counter")
    assert info(sheet)["Pages"] == 1
    found = barcodes(sheet, dpi=150)
    assert len(found) == 1
    kind, payload = found.pop()
    assert kind == "QRCode" and decode(payload) == key
    text = text_of(sheet)
    assert "TỜ KHÔI PHỤC DỮ LIỆU" in text and key_id(key).hex() in text
    groups = encode(key).split("-")
    assert " ".join(groups[:4]) in text
    printed = "".join(line for line in text.split() if line in groups)
    assert decode(printed) == key

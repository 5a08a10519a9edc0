"""Shared by the data-protection tests: an encrypted data folder with the test office, and a dossier with a scan."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf

from counter_app.protect import access
from counter_app.protect.keyfile import CHEAP_TEST_KDF
from counter_app.services.documents import file_copy
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.storage.database import Database
from tests.conftest import OFFICE, at
from tests.samples import DUC, TTHN

PASSWORD = "mật khẩu văn phòng 2026"


def encrypted_folder(folder: Path) -> tuple[Database, bytes]:
    """A new data folder set up encrypted (cheap KDF), opened, with the test office."""
    key = access.set_up(folder, PASSWORD, CHEAP_TEST_KDF, use_keyring=False)
    database = Database.open(folder, key=key)
    initialise(database, OFFICE)
    return database, key


def scan_pdf(marker: str = "BAN SAO CCCD NGUYEN VAN DUC") -> bytes:
    """A small real PDF whose content stream holds `marker` in clear."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page()
    page.Contents = pdf.make_stream(f"BT /F1 12 Tf 72 720 Td ({marker}) Tj ET".encode())
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


def dossier_with_scan(database: Database) -> tuple[str, bytes, str]:
    """A dossier of DUC's with one scanned document: (code, the PDF, its sha256)."""
    accepted = intake(database, IntakeRequest(TTHN, DUC), "clerk", at=at("2026-11-23 09:00"))
    pdf = scan_pdf()
    filed = file_copy(database, str(accepted.code), "1", pdf, 1, "clerk")
    return str(accepted.code), pdf, filed.sha256

"""OCR after filing: a filed scan waits in the queue on disk; the next start (a fresh process) adds the
Vietnamese text layer and re-files it; a scan signed meanwhile is left as it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from counter_app.model import DocumentEntry
from counter_app.services import documents
from counter_app.services.intake import IntakeRequest, intake
from counter_app.storage.database import Database
from scanning import ocr_queue
from scanning.digitise import process, to_pdf
from scanning.pdf import PdfMetadata
from tests.pdftools import text_of
from tests.samples import DUC
from tests.scanning.test_corpus import scanned

NEXT_START = """
import sys
from pathlib import Path
from counter_app.storage.database import Database
from scanning import ocr_queue
database = Database.open(Path(sys.argv[1]), sys.argv[2] or None)
print(ocr_queue.run_pending(database))
"""


def test_text_layer_is_added_at_the_next_start_and_signed_copies_are_left_alone(
        db: Database, database_url: str | None, tmp_path: Path) -> None:
    code = str(intake(db, IntakeRequest("1.004873", DUC, documents=(
        DocumentEntry("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"),
        DocumentEntry("Giấy tờ chứng minh việc ly hôn hoặc người kia đã chết (nếu có)"))), "anh").code)
    pages = process([scanned("form", 200)])
    pdf, count = to_pdf(pages, PdfMetadata(code, "Tờ khai", "UBND xã", "anh"))
    plain = documents.file_copy(db, code, "1", pdf, count, "anh")
    signed = documents.file_copy(db, code, "2", pdf, count, "anh", signed=True)
    ocr_queue.enqueue(db, plain, "anh")
    ocr_queue.enqueue(db, signed, "anh")
    assert len(ocr_queue.pending(db)) == 2  # written to disk, then the PC is switched off

    done = subprocess.run([sys.executable, "-c", NEXT_START, str(tmp_path), database_url or ""],
                          capture_output=True, text=True, check=True, timeout=300)
    assert done.stdout.strip() == "1" and ocr_queue.pending(db) == []
    [first, second] = documents.copies(db, code)
    assert first.sha256 != plain.sha256 and second.sha256 == signed.sha256  # the signature is intact
    searchable = tmp_path / "searchable.pdf"
    searchable.write_bytes(documents.read_copy(db, first))
    assert "ĐĂNG KÝ THƯỜNG TRÚ" in text_of(searchable).upper()

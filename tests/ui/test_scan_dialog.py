"""The scan dialog's watched folder: what a network scanner saves into a share turns into checked pages, one
file at a time, and a PDF that is not a scan is refused with a reason."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import img2pdf
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from counter_app.ports import ColourMode, PaperSource, ScanSettings
from counter_app.storage.staging import Staging
from scanning import discovery
from tests.scanning.escl_server import ScannerState, announced, escl_scanner
from tests.scanning.pages import text_page
from ui.scan_dialog import ScanDialog

PASSED = [f"Trang {n} — Đạt" for n in range(1, 5)]


def _dialog(qtbot: QtBot, tmp_path: Path, folder: Path) -> ScanDialog:
    store = QSettings(str(tmp_path / "scan.ini"), QSettings.Format.IniFormat)
    store.setValue("scanning/watched_folder", str(folder))
    dialog = ScanDialog("Tờ khai", ScanSettings(200, ColourMode.GREY, PaperSource.FLATBED), store)
    dialog.watch_settle = 0.3
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def _scanner_pdf(pages: int) -> bytes:
    """What a scanner saving to a share writes: one JPEG picture per page."""
    pictures = []
    for _ in range(pages):
        output = io.BytesIO()
        text_page(200).convert("L").save(output, "JPEG", quality=85, dpi=(200, 200))
        pictures.append(output.getvalue())
    return bytes(img2pdf.convert(pictures))


def test_files_saved_into_the_watched_folder_become_checked_pages(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    dialog = _dialog(qtbot, tmp_path, folder)
    dialog.watch_button.click()
    assert dialog.watched is not None and dialog.poll_timer.isActive()
    assert dialog.status.text() == f"Đang chờ tệp trong {folder}…"
    partial = folder / "scan-0001.pdf.part"  # still being written under another name: not taken
    partial.write_bytes(b"%PDF-1.4 half")
    (folder / "scan-0001.pdf").write_bytes(_scanner_pdf(2))
    qtbot.waitUntil(lambda: dialog.pages_view.count() == 2, timeout=30000)
    output = io.BytesIO()
    text_page(200).save(output, "PNG", dpi=(200, 200))
    (folder / "scan-0002.png").write_bytes(output.getvalue())
    qtbot.waitUntil(lambda: dialog.pages_view.count() == 3, timeout=30000)  # shown on arrival, judged after
    qtbot.waitUntil(lambda: [dialog.pages_view.item(n).text() for n in range(3)] == PASSED[:3], timeout=30000)
    qtbot.waitUntil(lambda: dialog.status.text() == "Đã quét 3 trang; 0 trang cần quét lại hoặc xóa.", timeout=10000)
    assert len(dialog.pages()) == 3 and dialog.pages()[0].dpi == 200

    typed = canvas.Canvas(str(folder / "letter.pdf"))  # a typed PDF, not a scan
    typed.drawString(72, 720, "Đơn đề nghị")
    typed.save()
    qtbot.waitUntil(lambda: "không phải một ảnh quét" in dialog.status.text(), timeout=30000)
    assert dialog.pages_view.count() == 3  # nothing half-added

    dialog.watch_button.click()
    assert dialog.watched is None and not dialog.poll_timer.isActive()
    (folder / "scan-0003.png").write_bytes(output.getvalue())
    qtbot.wait(1500)
    assert dialog.pages_view.count() == 3  # no longer watching


STAGE_AND_DIE = """
import io, os, signal, sys
from pathlib import Path
from counter_app.storage.staging import Staging
from tests.scanning.pages import text_page
batch = Staging(Path(sys.argv[1])).open("Tờ khai")
for number in range(3):
    output = io.BytesIO()
    text_page(200).save(output, "PNG", dpi=(200, 200))
    batch.add(output.getvalue(), "image/png", 200)
os.kill(os.getpid(), signal.SIGKILL)  # the PC goes off in the middle of the feeder
"""


def test_pages_of_a_scan_killed_mid_batch_come_back_when_the_document_is_scanned_again(
        qtbot: QtBot, tmp_path: Path) -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    from counter_app.storage.staging import Staging  # noqa: PLC0415

    root = tmp_path / "blobs" / "staging"
    died = subprocess.run([sys.executable, "-c", STAGE_AND_DIE, str(root)], capture_output=True, check=False)
    assert died.returncode == -9
    staging = Staging(root)
    store = QSettings(str(tmp_path / "scan.ini"), QSettings.Format.IniFormat)
    other = ScanDialog("Bản sao CCCD", ScanSettings(200, ColourMode.GREY, PaperSource.FLATBED), store,
                       staging=staging)
    qtbot.add_widget(other)
    assert other.pages_view.count() == 0  # another document's dialog does not take them
    dialog = ScanDialog("Tờ khai", ScanSettings(200, ColourMode.GREY, PaperSource.FLATBED), store, staging=staging)
    qtbot.add_widget(dialog)
    assert dialog.status.text() == "Đã khôi phục 3 trang của lần quét bị gián đoạn."
    qtbot.waitUntil(lambda: [dialog.pages_view.item(n).text() for n in range(3)] == PASSED[:3], timeout=60000)
    assert len(dialog.processed()) == 3 and [page.number for page in dialog.processed()] == [1, 2, 3]
    assert staging.orphans() == []  # adopted by the running app
    dialog.reject()
    assert staging.batches() == []  # cancelled by the clerk: dropped on purpose


def test_a_pool_worker_killed_mid_batch_loses_no_page(qtbot: QtBot, tmp_path: Path) -> None:
    """The scan worker processes die while the feeder is still going: every page is on disk and judged by a
    fresh pool."""
    import os  # noqa: PLC0415
    import signal  # noqa: PLC0415
    from collections.abc import Iterator  # noqa: PLC0415

    from counter_app.ports import ScannedPage  # noqa: PLC0415
    from counter_app.storage.staging import Staging  # noqa: PLC0415
    from scanning import page_pool  # noqa: PLC0415

    output = io.BytesIO()
    text_page(200).save(output, "PNG", dpi=(200, 200))
    killed: list[int] = []

    def feeder(_source: str, _settings: ScanSettings) -> Iterator[ScannedPage]:
        for number in range(4):
            if number == 2:  # the first pages are with the workers: kill them all
                workers = list(page_pool.pool()._processes)  # the worker pids (a private attribute)
                for pid in workers:
                    os.kill(pid, signal.SIGKILL)
                killed.extend(workers)
            yield ScannedPage(output.getvalue(), "image/png", 200)

    staging = Staging(tmp_path / "staging")
    store = QSettings(str(tmp_path / "scan.ini"), QSettings.Format.IniFormat)
    dialog = ScanDialog("Tờ khai", ScanSettings(200, ColourMode.GREY, PaperSource.FLATBED), store, feeder,
                        staging=staging)
    qtbot.add_widget(dialog)
    dialog.scan()
    qtbot.waitUntil(dialog.scan_button.isEnabled, timeout=120000)
    assert killed and len(staging.batches()[0].pages()) == 4  # all on disk
    assert [dialog.pages_view.item(n).text() for n in range(4)] == PASSED  # all judged in the end


def _picker_dialog(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ScanDialog:
    """A scan dialog whose discovery is the real one, listening on loopback, with SANE's `test` backend on."""
    sane = tmp_path / "sane.d"
    sane.mkdir()
    (sane / "dll.conf").write_text("test\n")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane))
    monkeypatch.setattr(ScanDialog, "discover", staticmethod(
        functools.partial(discovery.discover, escl_seconds=4.0, interfaces=["127.0.0.1"])))
    store = QSettings(str(tmp_path / "scan.ini"), QSettings.Format.IniFormat)
    dialog = ScanDialog("Tờ khai", ScanSettings(200, ColourMode.GREY, PaperSource.FLATBED), store,
                        staging=Staging(tmp_path / "staging"))
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def _names(dialog: ScanDialog) -> list[str]:
    return [dialog.scanner.itemText(row) for row in range(dialog.scanner.count())]


def test_scanners_are_found_by_name_picked_and_their_pages_numbered_and_shown_large(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An eSCL scanner announcing itself by mDNS and the SANE test devices appear by name on a worker; picking
    one scans from it; each thumbnail says its page number; the selected page is shown large."""
    with escl_scanner(ScannerState(feeder_pages=3, busy_answers=0)) as (url, state), announced(url):
        dialog = _picker_dialog(qtbot, tmp_path, monkeypatch)
        assert not dialog.find_button.isEnabled()  # searching, and the dialog is already usable
        qtbot.waitUntil(dialog.find_button.isEnabled, timeout=20000)
        names = _names(dialog)
        assert "Counter Test eSCL (mạng)" in names
        assert "Noname frontend-tester virtual device (test:0)" in names
        assert names[-1] == "Địa chỉ hoặc tệp nhập bên dưới"
        assert dialog.scanner.currentIndex() < len(names) - 1 and dialog.source.text()  # nothing remembered:
        # the first scanner found is chosen
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"&Máy quét:", "Độ &phân giải:", "Chế độ mà&u:", "&Nguồn giấy:"} <= labels
        dialog.scanner.setCurrentIndex(names.index("Counter Test eSCL (mạng)"))
        dialog.scanner.activated.emit(dialog.scanner.currentIndex())
        assert dialog.source.text() == url
        dialog.feeder.setCurrentIndex(1)
        dialog.scan()
        qtbot.waitUntil(lambda: dialog.scan_button.isEnabled() and dialog.pages_view.count() == 3, timeout=60000)
    assert any(request.startswith("POST /eSCL/ScanJobs") for request in state.requests)
    captions = ["Trang 1 — Đạt", "Trang 2 — Đạt", "Trang 3 — Đạt"]
    qtbot.waitUntil(lambda: [dialog.pages_view.item(n).text() for n in range(3)] == captions, timeout=60000)
    qtbot.waitUntil(lambda: not dialog.preview.pixmap().isNull(), timeout=10000)  # the first page, as it arrived
    first = dialog.preview.pixmap().toImage()
    dialog.pages_view.setCurrentRow(1)
    assert dialog.preview_caption.text() == "Trang 2 / 3"
    qtbot.waitUntil(lambda: dialog.preview.pixmap().toImage() != first, timeout=10000)  # read on a worker
    large = dialog.preview.pixmap()
    assert large.height() > 3 * dialog.pages_view.iconSize().height() // 2  # larger than a thumbnail
    assert large.toImage().pixelColor(large.width() // 2, large.height() // 2).lightness() > 100  # a page
    dialog.pages_view.clearSelection()
    dialog.pages_view.item(0).setSelected(True)
    dialog.delete_selected()
    assert [dialog.pages_view.item(n).text() for n in range(2)] == captions[:2]  # numbered again
    dialog.source.setText("/khong/co/tep.png")
    assert dialog.scanner.currentText() == "Địa chỉ hoặc tệp nhập bên dưới"


def test_an_escl_announcement_becomes_a_named_scanner_address() -> None:
    import socket  # noqa: PLC0415

    from zeroconf import ServiceInfo  # noqa: PLC0415

    plain = ServiceInfo("_uscan._tcp.local.", "Canon MF640._uscan._tcp.local.", port=80,
                        addresses=[socket.inet_aton("192.168.1.20")],
                        properties={"ty": "Canon i-SENSYS MF640", "rs": "/eSCL"})
    secure = ServiceInfo("_uscans._tcp.local.", "HP Laser._uscans._tcp.local.", port=443,
                         addresses=[socket.inet_pton(socket.AF_INET6, "fe80::1")], properties={})
    no_address = ServiceInfo("_uscan._tcp.local.", "Ghost._uscan._tcp.local.", port=80, properties={})
    assert discovery.escl_scanner(plain) == discovery.FoundScanner(
        "Canon i-SENSYS MF640", "http://192.168.1.20:80/eSCL/", "escl")
    assert discovery.escl_scanner(secure) == discovery.FoundScanner(
        "HP Laser", "https://[fe80::1]:443/eSCL/", "escl")
    assert discovery.escl_scanner(no_address) is None

"""`Counter --self-test`: every subsystem tried on the spot, one line each, exit 0 when every required one passes.

The line format is stable (the updater reads the exit code, people read the lines):
`NAME: ok — detail`, `NAME: FAILED — reason`, `NAME: skipped — why`; optional parts say `(optional)` after the
status. Nothing is written to the data folder: the checks work in a temporary folder, and the data folder is
only read to learn whether this counter is enrolled with a hub."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app import paths
from ui.selftest_text import check_vietnamese_text

if TYPE_CHECKING:
    from counter_app.services.outbox import SyncState

EXIT_OK, EXIT_FAILED = 0, 1
WINDOW_SECONDS = 30.0
HUB_SECONDS = 10.0
POOL_SECONDS = 120.0  # a cold start of the worker processes on a slow PC (each loads NumPy and Pillow)
PAGE_DPI = 200
APPLICANT_ID = "001090123456"


@dataclass(frozen=True)
class Outcome:
    name: str
    required: bool
    status: str  # "ok", "FAILED" or "skipped"
    detail: str

    @property
    def line(self) -> str:
        optional = "" if self.required else " (optional)"
        return f"{self.name}: {self.status}{optional} — {self.detail}"

    @property
    def blocking(self) -> bool:
        return self.required and self.status == "FAILED"


class Skipped(Exception):
    """A check that does not apply here (a hub check on a counter that is not enrolled)."""


@dataclass
class Scratch:
    """What one check hands the next: the temporary folder, the database, the form and its page image."""

    folder: Path
    data_dir: Path
    database: Any = None
    code: str = ""
    form_pdf: bytes = b""
    page_png: bytes = b""
    scanned_pdf: bytes = b""


Check = Callable[[Scratch], str]


def main(arguments: Sequence[str]) -> int:
    """Run every check, print one line each, and the exit code: 0 when every required check passed."""
    options = _parser().parse_args([a for a in arguments if a != "--self-test"])
    # The throwaway folders the checks create are plain: an encrypted one would stop the window check at the
    # office-password prompt, which only a person can answer.
    os.environ.setdefault("COUNTER_DEV_UNENCRYPTED", "1")
    with tempfile.TemporaryDirectory(prefix="counter-self-test-") as folder:
        scratch = Scratch(Path(folder), paths.chosen_data_dir(options.data_dir))
        try:
            outcomes = [_run(name, required, check, scratch) for name, required, check in CHECKS]
        finally:
            _close(scratch)
    failed = [outcome.name for outcome in outcomes if outcome.blocking]
    print(f"self-test: {'FAILED — ' + ', '.join(failed) if failed else 'passed'}", flush=True)  # noqa: T201 (the report)
    return EXIT_FAILED if failed else EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="counter-app --self-test",
                                     description="check every part of this installation; exit 0 when all pass")
    parser.add_argument("--data-dir", default=None, help="the data folder to read the hub enrolment from")
    return parser


def _run(name: str, required: bool, check: Check, scratch: Scratch) -> Outcome:
    started = time.perf_counter()
    try:
        detail = check(scratch)
    except Skipped as reason:
        outcome = Outcome(name, required, "skipped", str(reason))
    except Exception as error:  # every failure is the check's answer, never the end of the self-test
        outcome = Outcome(name, required, "FAILED", one_line(error))
    else:
        outcome = Outcome(name, required, "ok", f"{detail} ({(time.perf_counter() - started) * 1000:.0f} ms)")
    print(outcome.line, flush=True)  # noqa: T201 (the report)
    return outcome


def one_line(error: BaseException) -> str:
    """The failure on one line: numpy's and others' long import advice cut to the error they wrap."""
    text = str(error)
    if "Original error was:" in text:
        text = text.split("Original error was:", 1)[1]
    cause = error.__cause__
    tail = f" ← {type(cause).__name__}: {cause}" if cause is not None and str(cause) not in text else ""
    return " ".join(f"{type(error).__name__}: {text}{tail}".split())[:400]


def _close(scratch: Scratch) -> None:
    if scratch.database is not None:
        scratch.database.dispose()


def check_window(scratch: Scratch) -> str:
    """Qt's platform plugin, the theme, the translations and the log-in window as the app starts it."""
    from PySide6.QtCore import QSettings, QThreadPool  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from ui.app import prepare  # noqa: PLC0415

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch.folder / "settings"))
    app = _application()
    window = prepare(app, scratch.folder / "gui")
    try:
        QThreadPool.globalInstance().waitForDone(int(WINDOW_SECONDS * 1000))  # the database opens behind the window
        _wait(lambda: window.database is not None, 1.0)  # its answer arrives as a queued signal
        dialog = window.login_dialog
        if window.database is None or dialog is None or not dialog.isVisible():
            raise RuntimeError(f"the log-in window is not ready: {window.status.office.text() or 'time-out'}")
        picture = dialog.grab()
        if picture.isNull():
            raise RuntimeError("the log-in window could not be drawn")
        return f"platform {QApplication.platformName()}, log-in window {picture.width()}×{picture.height()}"
    finally:
        if window.database is not None:
            window.database.dispose()
        window.close()
        window.deleteLater()
        app.processEvents()


def _application() -> Any:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    return QApplication.instance() or QApplication([sys.argv[0]])


def _wait(done: Callable[[], bool], seconds: float) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def check_database(scratch: Scratch) -> str:
    """A new database created and migrated to the shipped head, the office and the seed catalogue in it."""
    from counter_app.model import Office  # noqa: PLC0415
    from counter_app.services import catalogue  # noqa: PLC0415
    from counter_app.services.office import initialise  # noqa: PLC0415
    from counter_app.storage.database import Database  # noqa: PLC0415
    from counter_app.storage.migrate import head_revision  # noqa: PLC0415

    scratch.database = Database.open(scratch.folder / "data")
    with scratch.database.read() as session:
        from sqlalchemy import text  # noqa: PLC0415

        revision = session.scalar(text("SELECT version_num FROM alembic_version"))
    if revision != head_revision():
        raise RuntimeError(f"schema {revision}, expected {head_revision()}")
    initialise(scratch.database, Office(code="000.00.12.H12", name="Trung tâm Phục vụ hành chính công xã Tự Kiểm",
                                        place_name="Tự Kiểm"))
    procedures = catalogue.list_procedures(scratch.database, dt.date.today())
    if not procedures:
        raise RuntimeError("the seed catalogue is empty")
    return f"schema {revision}, {len(procedures)} procedures in the seed catalogue"


def check_form_fonts(scratch: Scratch) -> str:
    """Slip 01 of a dossier received now, every font in it embedded."""
    from counter_app import forms  # noqa: PLC0415
    from counter_app.model import Person  # noqa: PLC0415
    from counter_app.services import catalogue, printouts  # noqa: PLC0415
    from counter_app.services.intake import IntakeRequest, intake  # noqa: PLC0415
    from printing import render  # noqa: PLC0415

    database = _needs(scratch.database, "database")
    procedure = catalogue.list_procedures(database, dt.date.today())[0]
    applicant = Person(full_name="Nguyễn Văn Đức", id_number=APPLICANT_ID, date_of_birth=dt.date(1990, 1, 1))
    dossier = intake(database, IntakeRequest(procedure.code, applicant), "self-test")
    scratch.code = dossier.code or ""
    scratch.form_pdf = bytes(render.render(printouts.form_context(database, scratch.code, forms.Form.RECEIPT)))
    fonts = _fonts(scratch.form_pdf)
    missing = sorted(name for name, embedded in fonts.items() if not embedded)
    if not fonts or missing:
        raise RuntimeError(f"fonts not embedded: {', '.join(missing) or 'no font at all'}")
    return f"form 01 {len(scratch.form_pdf) // 1024} KB, embedded: {', '.join(sorted(fonts))}"


def _fonts(pdf: bytes) -> dict[str, bool]:
    """Every font the pages use, by base name, and whether its program is inside the file."""
    import pikepdf  # noqa: PLC0415

    found: dict[str, bool] = {}
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            for font in (page.resources.get("/Font") or {}).values():
                descriptors = [font.get("/FontDescriptor")] + [d.get("/FontDescriptor")
                                                               for d in font.get("/DescendantFonts", [])]
                embedded = any(d is not None and any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                               for d in descriptors)
                name = str(font.get("/BaseFont", "?")).lstrip("/").split("+")[-1]
                found[name] = found.get(name, True) and embedded
    return found


def check_barcode(scratch: Scratch) -> str:
    """Page 1 of slip 01 rendered by QtPdf at 200 dpi; its barcode read back with zxing-cpp."""
    import zxingcpp  # noqa: PLC0415
    from PIL import Image  # noqa: PLC0415

    scratch.page_png = _rendered_page(_needs(scratch.form_pdf, "form"), PAGE_DPI)
    with Image.open(io.BytesIO(scratch.page_png)) as image:
        read = {result.text for result in zxingcpp.read_barcodes(image.convert("L"))}
    if scratch.code not in read:
        raise RuntimeError(f"dossier code {scratch.code} not read; read {sorted(read) or 'nothing'}")
    return f"{scratch.code} read back ({len(read)} barcode(s) on the page)"


def _rendered_page(pdf: bytes, dpi: int) -> bytes:
    """Page 1 as a PNG on white, as a printed and scanned page would look."""
    from PySide6.QtCore import QSize  # noqa: PLC0415
    from PySide6.QtGui import QImage, QPainter  # noqa: PLC0415
    from PySide6.QtPdf import QPdfDocument  # noqa: PLC0415

    _application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "form.pdf"
        path.write_bytes(pdf)
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise RuntimeError("QtPdf cannot open the form")
        points = document.pagePointSize(0)
        image = document.render(0, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
        document.close()
        page = QImage(image.size(), QImage.Format.Format_RGB32)
        page.fill(0xFFFFFF)
        painter = QPainter(page)
        painter.drawImage(0, 0, image)
        painter.end()
        if not page.save(str(Path(folder) / "page.png")):
            raise RuntimeError("Qt cannot write PNG")
        return (Path(folder) / "page.png").read_bytes()


def check_scan(scratch: Scratch) -> str:
    """The rendered page through the digitisation pipeline (clean, judge, compress) into a PDF."""
    from counter_app.ports import ScannedPage  # noqa: PLC0415
    from scanning.digitise import process, to_pdf  # noqa: PLC0415
    from scanning.pdf import PdfMetadata  # noqa: PLC0415

    page = ScannedPage(_needs(scratch.page_png, "page image"), "image/png", PAGE_DPI)
    processed = process([page])
    scratch.scanned_pdf, kept = to_pdf(processed, PdfMetadata(scratch.code, "Self-test page", "Self-test", "self-test"))
    kind = processed[0].kind.value if processed[0].kind else "blank"
    return f"{kept} page kept as {kind}, {len(scratch.scanned_pdf) // 1024} KB"


def check_page_pool(scratch: Scratch) -> str:
    """The same page digitised by the scan window's worker processes: a frozen build starts them from its own
    executable, which must take the worker's part rather than open a second Counter."""
    from scanning import page_pool  # noqa: PLC0415

    staged = scratch.folder / "pool-page.png"
    staged.write_bytes(_needs(scratch.page_png, "page image"))
    try:
        processed = page_pool.submit(1, staged, "image/png", PAGE_DPI).result(timeout=POOL_SECONDS)
    finally:
        page_pool.shutdown()
    kind = processed.kind.value if processed.kind else "blank"
    return f"a worker process judged the page {kind}, thumbnail {len(processed.thumbnail) // 1024} KB"


def check_signature(scratch: Scratch) -> str:
    """The scanned PDF signed PAdES with a throwaway key, then verified intact and trusted."""
    from scanning.signing import StampText, sign_pdf  # noqa: PLC0415
    from scanning.verification import verify  # noqa: PLC0415

    signer, certificate = _throwaway_signer()
    signed = sign_pdf(_needs(scratch.scanned_pdf, "scanned PDF"), signer, StampText(office="Self-test"))
    reports = verify(signed, [certificate])
    if len(reports) != 1 or not reports[0].valid or not reports[0].trusted:
        raise RuntimeError(f"verification said {reports}")
    return f"signed and verified ({reports[0].signer})"


def _throwaway_signer() -> tuple[Any, Any]:
    from asn1crypto import keys, x509  # noqa: PLC0415
    from cryptography import x509 as cx509  # noqa: PLC0415
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    from cryptography.x509.oid import NameOID  # noqa: PLC0415
    from pyhanko.sign import signers  # noqa: PLC0415
    from pyhanko_certvalidator.registry import SimpleCertificateStore  # noqa: PLC0415

    key = ec.generate_private_key(ec.SECP256R1())
    name = cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, "Counter self-test")])
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    made = (cx509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(cx509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=1))
            .add_extension(cx509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    certificate = x509.Certificate.load(made.public_bytes(serialization.Encoding.DER))
    private = keys.PrivateKeyInfo.load(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    signer = signers.SimpleSigner(signing_cert=certificate, signing_key=private,
                                  cert_registry=SimpleCertificateStore.from_certs([certificate]))  # type: ignore[no-untyped-call]
    return signer, certificate


def check_printers(_scratch: Scratch) -> str:
    """The printers Qt's print support sees (none is an answer, a missing plugin is a failure)."""
    from printing.spool import default_printer_name, printer_names  # noqa: PLC0415

    _application()
    names = printer_names()
    if not names:
        return "none installed"
    default = default_printer_name()
    return f"{len(names)}: " + ", ".join(f"{n} (default)" if n == default else n for n in names)


def check_scanners(_scratch: Scratch) -> str:
    """The scanners this OS's adapter lists: WIA on Windows, SANE elsewhere."""
    if sys.platform == "win32":
        from scanning.windows import wia_devices  # noqa: PLC0415

        found = list(wia_devices())
    else:
        from scanning.discovery import sane_devices  # noqa: PLC0415

        found = list(sane_devices())
    return f"{len(found)}: {', '.join(found)}" if found else "none connected"


def check_hub(scratch: Scratch) -> str:
    """Only on an enrolled counter: the hub's health answer within a few seconds, reached as sync reaches it
    (the CA bundle an administrator gave, plain HTTP only where it is allowed, the same client)."""
    import uuid  # noqa: PLC0415

    from counter_app.errors import AuthError  # noqa: PLC0415
    from sync.protocol import Health  # noqa: PLC0415
    from sync.tls import hub_verify  # noqa: PLC0415
    from sync.transport import HubClient  # noqa: PLC0415

    try:
        state = enrolled_state(scratch.data_dir)
    except AuthError as locked:  # an encrypted folder whose key is not in this user's keyring
        raise Skipped(f"cannot tell whether it is enrolled: {locked.message('en')}") from locked
    if not state.enrolled:
        raise Skipped("not enrolled with a hub")
    hub = HubClient(state.hub_url, uuid.UUID(int=0), None, patience=HUB_SECONDS, read_timeout=HUB_SECONDS,
                    verify=hub_verify(scratch.data_dir, state))  # the health answer needs no device and no key
    started = time.perf_counter()
    try:
        hub.call("GET", "/v1/health", model=Health, auth=False, retry=False)
    finally:
        hub.close()
    return f"{state.hub_url} answered in {(time.perf_counter() - started) * 1000:.0f} ms"


def enrolled_state(data_dir: Path, key: bytes | None = None) -> SyncState:
    """What this counter knows of its hub, read without migrating or writing anything (not enrolled when the
    folder has no database or no sync state). An encrypted folder is read with `key`, else the keyring's
    (AuthError `protect.locked` when it has none)."""
    from counter_app.protect import access  # noqa: PLC0415
    from counter_app.protect.sqlcipher import key_pragma, sqlcipher_module  # noqa: PLC0415
    from counter_app.services.outbox import STATE_KEY, SyncState, state_from  # noqa: PLC0415
    from counter_app.storage.database import SQLITE_FILE  # noqa: PLC0415

    database = data_dir / SQLITE_FILE
    if not database.exists():
        return SyncState()
    if access.status(data_dir).needs_key:
        key = key or access.unlock(data_dir)
    driver: Any = sqlcipher_module() if key else sqlite3
    with contextlib.closing(driver.connect(f"{database.as_uri()}?mode=ro", uri=True)) as connection:
        try:
            if key:
                connection.execute(key_pragma(key))
            row = connection.execute("SELECT value FROM setting WHERE key = ?", (STATE_KEY,)).fetchone()
        except driver.Error:
            return SyncState()
    stored = json.loads(row[0]) if row and isinstance(row[0], str) else (row[0] if row else {})
    return state_from(stored)


def _needs(value: Any, what: str) -> Any:
    if not value:
        raise Skipped(f"needs the {what}, which failed above")
    return value


CHECKS: tuple[tuple[str, bool, Check], ...] = (
    ("qt-window", True, check_window),
    ("vietnamese-text", True, check_vietnamese_text),
    ("database", True, check_database),
    ("form-fonts", True, check_form_fonts),
    ("barcode", True, check_barcode),
    ("scan", True, check_scan),
    ("page-pool", True, check_page_pool),
    ("signature", True, check_signature),
    ("printers", True, check_printers),
    ("scanners", False, check_scanners),
    ("hub", False, check_hub),
)

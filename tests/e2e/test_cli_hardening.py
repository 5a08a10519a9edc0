"""The command line under hostile and careless use: a message and exit 2 (never a traceback), nothing written,
a quiet end on a closed pipe, private files, and a log with no citizen data in it."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from counter_app import cli, logs
from counter_app.model import Person
from counter_app.services.intake import IntakeRequest, Outcome, intake
from counter_app.storage.database import Database
from counter_app.storage.orm import AuditEntryRow, DossierEventRow, DossierRow, OfficeRow

CCCD, PHONE, EMAIL, NAME = "001090123456", "0912345678", "duc.nguyen@example.vn", "NGUYỄN VĂN ĐỨC"


@pytest.fixture(autouse=True)
def _logging_back(restore_logging: None) -> None:
    """cli.main logs to the data folder's file (see tests/conftest.py)."""


def counter(data: Path, *args: str, lang: str = "vi") -> int:
    return cli.main([*args, "--data-dir", str(data), "--lang", lang])


def _writes(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (int(session.scalar(select(func.count()).select_from(DossierEventRow)) or 0),
                int(session.scalar(select(func.count()).select_from(AuditEntryRow)) or 0))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_non_utf8_argument_is_a_message(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "counter_app.cli", "search", b"nguy\xe1\xbb\x85n\xff",
                           "--data-dir", str(tmp_path)], capture_output=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "UTF-8" in done.stderr.decode() and b"Traceback" not in done.stderr


def test_a_closed_output_pipe_ends_quietly(db: Database, tmp_path: Path) -> None:
    command = f"{sys.executable} -m counter_app.cli catalogue list --data-dir {tmp_path} | head -c1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, timeout=60, check=False)
    assert done.stdout and done.stderr == b""
    assert done.returncode == 0


def test_a_hub_that_is_down_or_an_invalid_hub_url_is_a_message(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    down = f"http://127.0.0.1:{_closed_port()}"
    assert counter(tmp_path, "sync", "enroll", "--hub", down, "--code", "ABCDEFGH", "--patience", "0") == 2
    assert "ConnectError" in capsys.readouterr().err
    for url in ("ht!tp://hub", "ftp://hub/", "hub:8765", "http://"):
        assert counter(tmp_path, "sync", "enroll", "--hub", url, "--code", "ABCDEFGH", lang="en") == 2
        assert "The hub address" in capsys.readouterr().err
    assert counter(tmp_path, "sync", "run", "--patience", "inf", lang="en") == 2
    assert "Retry time" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_writing_over_a_non_regular_file_is_refused(db: Database, tmp_path: Path, kind: str,
                                                    tmp_path_factory: pytest.TempPathFactory,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path_factory.mktemp("outputs")
    target = {"fifo": outside / "pipe", "device": Path(os.devnull), "folder": outside / "folder"}[kind]
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    before = target.stat()
    assert counter(tmp_path, "print", "register", "--from", "2026-11-01", "--to", "2026-11-30",
                   "--out", str(target)) == 2
    assert "không phải một tệp thường" in capsys.readouterr().err
    after = target.stat()
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)


def test_a_bug_is_one_line_exit_70_and_its_traceback_is_in_the_log(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> object:
        raise RuntimeError(f"broken while handling {CCCD} {PHONE} {EMAIL}")

    monkeypatch.setattr(cli.queries, "search", broken)
    assert counter(tmp_path, "search", "đức") == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert str(logs.log_path(tmp_path)) in err
    logged = logs.log_path(tmp_path).read_text("utf-8")
    assert "Traceback" in logged and "RuntimeError" in logged
    assert CCCD not in logged and PHONE not in logged and EMAIL not in logged


def test_the_log_holds_no_citizen_data_pins_or_tokens(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    qr = f"{CCCD}|012345678|{NAME}|01011990|Nam|Thôn Đông, xã Tân Hòa|15042021"
    assert counter(tmp_path, "intake", "--procedure", "1.001193", "--cccd-qr", qr, "--phone", PHONE,
                   "--email", EMAIL) == 0
    assert counter(tmp_path, "intake", "--procedure", "1.001193", "--name", NAME, "--id-number",
                   "0010901234567") == 2  # the refusal message quotes the number; the log must not
    monkeypatch.setattr("sys.stdin", _Lines("mật-khẩu-bí-mật-99\n"))
    assert counter(tmp_path, "user-add", "thu.ha", "--full-name", "Lê Thị Thu Hà") == 0
    assert counter(tmp_path, "sync", "enroll", "--hub", f"http://127.0.0.1:{_closed_port()}", "--code",
                   "SECRETCODE42", "--patience", "0") == 2
    capsys.readouterr()
    logged = logs.log_path(tmp_path).read_text("utf-8")
    assert "shown cccd.format" in logged and "command intake" in logged
    for secret in (CCCD, "0010901234567", PHONE, EMAIL, NAME, "Lê Thị Thu Hà", "mật-khẩu-bí-mật-99", "SECRETCODE42"):
        assert secret not in logged, secret


class _Lines:
    def __init__(self, text: str) -> None:
        self.text = text

    def readline(self) -> str:
        return self.text


def test_redaction_masks_numbers_addresses_and_tokens() -> None:
    text = logs.redact(f"id {CCCD} phone +84 912 345 678 mail {EMAIL} Bearer eyJhbGciOi.eyJzdWIiOiJ4.c2ln pin=123456")
    assert CCCD not in text and "912 345 678" not in text and EMAIL not in text and "eyJzdWIiOiJ4" not in text
    assert "123456" not in text
    assert logs.redact("dossier 000.00.12.H12-261120-0001 seq 42") == "dossier 000.00.12.H12-261120-0001 seq 42"


def test_a_database_error_carries_no_citizen_data(db: Database) -> None:
    """hide_parameters: whatever reaches a log or a screen from the database driver omits the values."""
    rows = [OfficeRow(id=1, code="X", name=f"{NAME} {CCCD}")]  # the office row exists: a duplicate key
    if db.dialect == "postgresql":
        rows.append(OfficeRow(id=7, code=CCCD * 10, name=NAME))  # longer than the column: DataError
    for row in rows:
        with pytest.raises(DBAPIError) as failed, db.write() as session:
            session.add(row)
        assert CCCD not in str(failed.value) and NAME not in str(failed.value)


def test_the_data_folder_is_private(db: Database, tmp_path: Path) -> None:
    (tmp_path / "counter.json").chmod(0o644)
    tmp_path.chmod(0o755)
    assert counter(tmp_path, "intake", "--procedure", "1.004873", "--name", NAME, "--id-number", CCCD) == 0
    db.blobs.put(b"%PDF-1.4 a scanned copy")  # blobs/ab/abcd…
    assert counter(tmp_path, "search", "đức") == 0
    with db.read() as session:  # an open connection keeps the -wal and -shm files there
        session.execute(select(1))
        modes = {path: stat.S_IMODE(path.stat().st_mode) for path in [tmp_path, *tmp_path.rglob("*")]}
    assert modes[tmp_path] == 0o700
    assert {p.name for p, mode in modes.items() if p.is_file() and mode != 0o600} == set()
    assert {p.name for p, mode in modes.items() if p.is_dir() and mode != 0o700} == set()
    assert any(p.parent.parent.name == "blobs" for p in modes)
    if db.dialect == "sqlite":
        assert {"counter.sqlite3", "counter.sqlite3-wal", "counter.sqlite3-shm"} <= {p.name for p in modes}


def test_over_long_names_and_stored_values_still_print(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Names at the limit wrap; a value stored before the limits (20,000 characters) is cut, never a LayoutError."""
    longest = Person("NGUYỄN" * 16 + "ĐỨC", CCCD, dt.date(1990, 1, 1), "Nam", "Thôn" + "Đông" * 74)
    accepted = intake(db, IntakeRequest("1.004873", longest), "clerk")
    refused = intake(db, IntakeRequest("1.004873", longest, documents=()), "clerk", Outcome.REFUSE, "Thiếu giấy tờ")
    with db.write() as session:
        event = session.scalars(select(DossierEventRow).where(DossierEventRow.dossier_id == refused.id)
                                .order_by(DossierEventRow.seq.desc())).first()
        assert event is not None
        event.payload = {**event.payload, "reason": "Lý do rất dài " * 1500}
        if db.dialect == "sqlite":  # SQLite never enforced the column lengths
            row = session.get_one(DossierRow, accepted.id)
            row.applicant_address = "Thôn Đông " * 2000
    out = tmp_path_factory_out(tmp_path)
    today = dt.date.today().isoformat()
    for form, ref in (("01", accepted.code), ("thermal", accepted.code), ("03", str(refused.id))):
        assert counter(tmp_path, "print", form, str(ref), "--out", str(out / f"{form}.pdf")) == 0, capsys.readouterr()
    assert counter(tmp_path, "print", "register", "--from", today, "--to", today, "--out", str(out / "r.pdf")) == 0
    text = subprocess.run(["pdftotext", str(out / "03.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Lý do rất dài" in text and "…" in text


def tmp_path_factory_out(tmp_path: Path) -> Path:
    out = tmp_path.parent / f"{tmp_path.name}-out"
    out.mkdir(exist_ok=True)
    return out


def test_doctor_prints_what_support_asks_first(db: Database, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert counter(tmp_path, "doctor") == 0
    out = capsys.readouterr().out
    for expected in ("SQLAlchemy: ", "PySide6_Essentials: ", "pyHanko: ", "[ok] database: ", "schema ",
                     "[ok] audit log: ", "[ok] disk: ", "GB free", "printers: ", "scanners: ", "sync enrolled: False",
                     "sync pending_events: 0", str(logs.log_path(tmp_path)), "--- last lines of the log ---"):
        assert expected in out, expected
    assert counter(tmp_path, "doctor", "--json") == 0
    found = json.loads(capsys.readouterr().out)
    assert [check["name"] for check in found["checks"]] == ["database", "audit log", "disk", "backup"]
    assert all(check["ok"] for check in found["checks"][:3])
    assert found["checks"][3] == {"name": "backup", "ok": False, "detail": "No backup yet. (folder: no folder set)"}


def test_doctor_still_reports_when_the_database_is_broken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert counter(tmp_path, "init", "--office-code", "000.00.12.H12", "--office-name", "UBND xã",
                   "--place-name", "Tân Hòa") == 0
    (tmp_path / "counter.sqlite3").write_bytes(b"this is not a database" * 100)
    assert counter(tmp_path, "doctor") == 0
    out = capsys.readouterr().out
    assert "[PROBLEM] database: does not open" in out and "python: " in out


@pytest.mark.parametrize("url", ["garbage", "mysql://nobody/x", "postgresql+psycopg://u:s3cret@127.0.0.1:1/x"])
def test_a_bad_database_address_is_a_message_and_is_not_remembered(
        db: Database, tmp_path: Path, url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = (tmp_path / "counter.json").read_text("utf-8")
    assert cli.main(["search", "đức", "--data-dir", str(tmp_path), "--database-url", url]) == 2
    err = capsys.readouterr().err
    assert "cơ sở dữ liệu" in err and "s3cret" not in err
    assert (tmp_path / "counter.json").read_text("utf-8") == config
    assert counter(tmp_path, "search", "đức") == 0


def test_a_damaged_database_file_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "counter.sqlite3").write_bytes(b"not a database" * 500)
    assert counter(tmp_path, "search", "đức", lang="en") == 2
    assert "is damaged" in capsys.readouterr().err


def test_library_warnings_and_tracebacks_go_to_the_log_not_before_the_answer(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    """pyHanko logs a warning with a traceback while validating; the clerk sees only the command's answer."""
    real_search = cli.queries.search

    def noisy(*args: object) -> object:
        try:
            raise ValueError("revocation info unavailable")
        except ValueError:
            logging.getLogger("pyhanko.sign.validation").warning("could not fetch CRL", exc_info=True)
        return real_search(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cli.queries, "search", noisy)
    monkeypatch.setattr(logging.getLogger(), "handlers", [])  # as outside pytest: no handler, lastResort → stderr
    assert counter(tmp_path, "search", "đức") == 0
    out, err = capfd.readouterr()
    assert err == "" and "Traceback" not in out
    logged = logs.log_path(tmp_path).read_text("utf-8")
    assert "WARNING pyhanko.sign.validation: could not fetch CRL" in logged and "ValueError" in logged

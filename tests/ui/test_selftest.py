"""`counter-app --self-test`: every part checked for real, one line each, exit 1 when a required part fails, the
data folder only read (the updater runs it on a counter's real data)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from counter_app.errors import ValidationError
from counter_app.services import outbox
from counter_app.storage.database import Database
from sync.transport import Halted
from tests.e2e.test_cli import run
from tests.protect.helpers import encrypted_folder
from tests.sync.harness import OFFICE_A, enrol, make_counter, running_hub
from tests.sync.test_tls_proxy import NGINX, make_ca, nginx
from ui import selftest
from ui.selftest_text import check_vietnamese_text

NAMES = ("qt-window", "vietnamese-text", "database", "form-fonts", "barcode", "scan", "page-pool", "signature",
         "printers", "scanners", "hub")


def _self_test(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "counter_app.cli", "--self-test", "--data-dir", str(data_dir)],
                          check=False, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file's size and time, but SQLite's shared-memory files, which a read-only reader may create."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")
            if not p.name.endswith(("-wal", "-shm"))}


@pytest.mark.slow
def test_every_part_passes_and_an_enrolled_counters_hub_is_reached(tmp_path: Path) -> None:
    with running_hub(tmp_path / "hub") as hub:
        counter = make_counter(tmp_path / "counter", "000.00.12.H12")
        enrol(counter, hub, "000.00.12.H12")
        before = _tree(counter)
        done = _self_test(counter)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert [line.split(":")[0] for line in lines] == [*NAMES, "self-test"]
    assert all(": ok" in line for line in lines[:-1]), done.stdout
    assert f"{hub.url}" in lines[NAMES.index("hub")]
    assert "read back" in lines[NAMES.index("barcode")] and "LiberationSerif" in lines[NAMES.index("form-fonts")]
    assert lines[-1] == "self-test: passed"
    assert _tree(counter) == before  # nothing written, nothing migrated in the real data folder


def test_a_counter_not_enrolled_skips_the_hub(tmp_path: Path) -> None:
    assert not selftest.enrolled_state(tmp_path).enrolled
    make_counter(tmp_path / "counter", "000.00.12.H12")
    assert not selftest.enrolled_state(tmp_path / "counter").enrolled
    with pytest.raises(selftest.Skipped):
        selftest.check_hub(selftest.Scratch(tmp_path, tmp_path / "counter"))


def test_an_encrypted_counters_enrolment_is_read_with_its_key(tmp_path: Path) -> None:
    """Real counters are encrypted (SQLCipher): the hub check reads their sync state with the data key, and
    says so when this user's keyring does not hold it (the tests' keyring holds nothing)."""
    database, key = encrypted_folder(tmp_path / "counter")
    outbox.update_state(database, hub_url="https://hub.tinh.example", ca_bundle="hub-ca.pem")
    database.dispose()
    state = selftest.enrolled_state(tmp_path / "counter", key)
    assert state.hub_url == "https://hub.tinh.example" and state.ca_bundle == "hub-ca.pem"
    with pytest.raises(selftest.Skipped, match="cannot tell whether it is enrolled"):
        selftest.check_hub(selftest.Scratch(tmp_path, tmp_path / "counter"))


@pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (Makefile APT_TEST)")
def test_the_hub_is_reached_as_sync_reaches_it_through_the_province_ca(tmp_path: Path) -> None:
    """A hub behind TLS with a certificate from the province's own CA: the counter enrolled with that CA
    bundle reaches it in its self-test; with another CA's bundle the check fails and says why (the
    certificate), and plain HTTP to another machine is refused unless an administrator allowed it."""
    counter = make_counter(tmp_path / "counter", OFFICE_A)
    scratch = selftest.Scratch(tmp_path, counter)
    with running_hub(tmp_path / "hub") as hub, nginx(tmp_path, hub) as (port, _):
        url = f"https://localhost:{port}"
        run(counter, "sync", "enroll", "--hub", url, "--code", hub.enrolment_code(OFFICE_A),
            "--ca-bundle", str(tmp_path / "Counter Test Hub CA.pem"))
        assert selftest.check_hub(scratch).startswith(f"{url} answered in ")
        run(counter, "sync", "tls", "--ca-bundle", str(make_ca(tmp_path, "Somebody Else CA")[0]))
        with pytest.raises(Halted) as untrusted:
            selftest.check_hub(scratch)
    assert untrusted.value.key == "sync.bad_certificate" and "certificate" in str(untrusted.value)
    database = Database.open(counter)
    outbox.update_state(database, hub_url="http://192.0.2.7:8000")  # moved to another machine's plain HTTP
    database.dispose()
    with pytest.raises(ValidationError) as plain:
        selftest.check_hub(scratch)
    assert plain.value.key == "sync.plain_http"


def test_a_failing_required_part_fails_the_run_and_an_optional_one_does_not(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    def broken(_scratch: selftest.Scratch) -> str:
        raise OSError("libqxcb.so: cannot open shared object file")

    monkeypatch.setattr(selftest, "CHECKS", (("optional-part", False, broken), ("scan", True, selftest.check_scan)))
    assert selftest.main(["--self-test", "--data-dir", str(tmp_path)]) == selftest.EXIT_OK  # scan: skipped
    monkeypatch.setattr(selftest, "CHECKS", (("qt-window", True, broken),))
    assert selftest.main(["--self-test", "--data-dir", str(tmp_path)]) == selftest.EXIT_FAILED
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "optional-part: FAILED (optional) — OSError: libqxcb.so: cannot open shared object file"
    assert out[1] == "scan: skipped — needs the page image, which failed above"
    assert out[-2:] == ["qt-window: FAILED — OSError: libqxcb.so: cannot open shared object file",
                        "self-test: FAILED — qt-window"]


def test_a_font_left_out_of_the_file_is_named() -> None:
    output = io.BytesIO()
    page = canvas.Canvas(output)
    page.setFont("Helvetica", 12)  # one of the 14 standard fonts: reportlab never embeds it
    page.drawString(72, 720, "Giấy tiếp nhận")
    page.save()
    found = selftest._fonts(output.getvalue())
    assert found["Helvetica"] is False and not any(found.values())


def test_a_long_import_failure_is_told_on_one_line() -> None:
    advice = ImportError("\nIMPORTANT: PLEASE READ THIS\n\nmany lines of advice\n\nOriginal error was: "
                         "libscipy_openblas64_.so: ELF load command address/offset not page-aligned\n")
    assert selftest.one_line(advice) == \
        "ImportError: libscipy_openblas64_.so: ELF load command address/offset not page-aligned"


def test_vietnamese_text_sorts_formats_and_draws(qapp: object) -> None:
    detail = check_vietnamese_text(None)
    assert detail.startswith("Anh < Ánh < Dương < Đào < Đặng; ĐẶNG THỊ ÁNH; 1.234.567,5; Thứ Ba, 1 tháng 12, 2026")
    assert "drawn in «" in detail


def test_a_collation_without_the_vietnamese_rules_is_caught(qapp: object) -> None:
    """What a trim that lost coll/vi.res gives: ICU falls back to the root order, as English sorts."""
    with pytest.raises(RuntimeError, match=r"sort order wrong .*: Anh, Ánh, Đặng, Đào, Dương"):
        check_vietnamese_text(None, ("English", "UnitedKingdom"))

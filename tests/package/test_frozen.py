"""The frozen build as a user meets it (`make dist-check`, after `make dist`): its self-test under a real X server,
its command line printing slip 01 whose barcode a real decoder reads (from a plain folder and from an encrypted
one: SQLCipher and libsodium frozen). Installing it: test_install.py."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from counter_app.protect.keyfile import KEY_FILE
from counter_app.storage.database import SQLITE_FILE
from tests.pdftools import barcodes

DIST = Path(os.environ.get("COUNTER_DIST", "dist/Counter")).resolve()
pytestmark = pytest.mark.skipif(not (DIST / "Counter").exists() and "COUNTER_DIST" not in os.environ,
                                reason="no frozen build: `make dist` first (`make dist-check` requires one)")
CLEAN_ENV = {"PATH": "/usr/bin:/bin", "HOME": "", "LANG": "C.UTF-8",  # nothing of the venv or the checkout
             "COUNTER_DEV_UNENCRYPTED": "1"}  # a plain folder: no office password to type in a test


def _frozen(*arguments: str, home: Path, display: bool = False,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(DIST / "counter-cli"), *arguments]
    if display:
        command = ["xvfb-run", "-a", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False, cwd=home,
                          env=env or {**CLEAN_ENV, "HOME": str(home)})


def test_the_frozen_self_test_passes_under_a_real_x_server(tmp_path: Path) -> None:
    done = _frozen("--self-test", home=tmp_path, display=True)
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "qt-window: ok — platform xcb" in done.stdout
    assert "vietnamese-text: ok — Anh < Ánh < Dương < Đào < Đặng; ĐẶNG THỊ ÁNH" in done.stdout  # the trimmed ICU
    assert "page-pool: ok — a worker process judged the page text" in done.stdout  # started from the executable
    assert done.stdout.splitlines()[-1] == "self-test: passed"


def _intake_and_print(home: Path, env: dict[str, str] | None = None) -> Path:
    """init, intake of a dossier, slip 01 printed to a PDF whose barcode must name the dossier; the data folder."""
    data = home / "data"
    steps = [("init", "--office-code", "000.00.12.H12", "--office-name", "Trung tâm Phục vụ hành chính công xã Tân Hòa",
              "--place-name", "Tân Hòa"),
             ("intake", "--procedure", "1.001193", "--json", "--cccd-qr",
              "001090123456|012345678|NGUYỄN VĂN ĐỨC|01011990|Nam|Tân Hòa|15042021")]
    outputs = []
    for step in steps:
        done = _frozen("--data-dir", str(data), *step, home=home, env=env)
        assert done.returncode == 0, done.stdout + done.stderr[-3000:]
        outputs.append(done.stdout)
    code = json.loads(outputs[-1])["code"]
    slip = home / "slip.pdf"
    done = _frozen("--data-dir", str(data), "print", "01", code, "--out", str(slip), home=home, env=env)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert code in {text for _, text in barcodes(slip)}  # read by zxing-cpp from poppler's rendering
    return data


def test_the_frozen_command_line_prints_slip_01_whose_barcode_decodes(tmp_path: Path) -> None:
    _intake_and_print(tmp_path)


def test_the_frozen_build_works_in_an_encrypted_folder(tmp_path: Path) -> None:
    """As a commune PC's folder is made: encrypted with the office password (production argon2id cost, no OS
    keyring in this environment, so each command derives the key again), the database an SQLCipher file."""
    password = tmp_path / "office-password"
    password.write_text("Mật khẩu văn phòng Tân Hòa 2026\n", encoding="utf-8")
    env = {key: value for key, value in CLEAN_ENV.items() if key != "COUNTER_DEV_UNENCRYPTED"}
    env |= {"HOME": str(tmp_path), "COUNTER_PASSWORD_FILE": str(password)}
    started = time.perf_counter()
    data = _intake_and_print(tmp_path, env)
    print(f"init, intake and print 01 in an encrypted folder: {time.perf_counter() - started:.1f} s, "
          f"load {os.getloadavg()[0]:.2f}")
    protection = json.loads((data / KEY_FILE).read_text("utf-8"))
    assert protection["mode"] == "encrypted", protection
    head = (data / SQLITE_FILE).read_bytes()[:16]
    assert head != b"SQLite format 3\x00"  # SQLCipher's pages, not plain SQLite
    env.pop("COUNTER_PASSWORD_FILE")
    locked = _frozen("--data-dir", str(data), "--lang", "en", "search", "Đức", home=tmp_path, env=env)
    assert locked.returncode != 0 and "The office password is needed" in locked.stderr, locked.stderr[-2000:]


def test_the_commune_package_has_no_hub_and_says_so_in_vietnamese(tmp_path: Path) -> None:
    done = _frozen("hub", "serve", "--port", "8765", home=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr[-3000:]
    assert "Máy chủ tỉnh không có trong gói cài đặt của xã (lệnh «hub serve»)" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr

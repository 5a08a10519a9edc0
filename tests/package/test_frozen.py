"""The frozen build as a user meets it (`make dist-check`, after `make dist`): its self-test under a real X server,
its command line printing slip 01 whose barcode a real decoder reads, and the tarball's menu entry and icon."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.pdftools import barcodes

DIST = Path(os.environ.get("COUNTER_DIST", "dist/Counter")).resolve()
pytestmark = pytest.mark.skipif(not (DIST / "Counter").exists() and "COUNTER_DIST" not in os.environ,
                                reason="no frozen build: `make dist` first (`make dist-check` requires one)")
CLEAN_ENV = {"PATH": "/usr/bin:/bin", "HOME": "", "LANG": "C.UTF-8",  # nothing of the venv or the checkout
             "COUNTER_DEV_UNENCRYPTED": "1"}  # a plain folder: no office password to type in a test


def _frozen(*arguments: str, home: Path, display: bool = False) -> subprocess.CompletedProcess[str]:
    command = [str(DIST / "counter-cli"), *arguments]
    if display:
        command = ["xvfb-run", "-a", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False, cwd=home,
                          env={**CLEAN_ENV, "HOME": str(home)})


def test_the_frozen_self_test_passes_under_a_real_x_server(tmp_path: Path) -> None:
    done = _frozen("--self-test", home=tmp_path, display=True)
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "qt-window: ok — platform xcb" in done.stdout
    assert "vietnamese-text: ok — Anh < Ánh < Dương < Đào < Đặng; ĐẶNG THỊ ÁNH" in done.stdout  # the trimmed ICU
    assert done.stdout.splitlines()[-1] == "self-test: passed"


def test_the_frozen_command_line_prints_slip_01_whose_barcode_decodes(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    steps = [("init", "--office-code", "000.00.12.H12", "--office-name", "Trung tâm Phục vụ hành chính công xã Tân Hòa",
              "--place-name", "Tân Hòa"),
             ("intake", "--procedure", "1.001193", "--json", "--cccd-qr",
              "001090123456|012345678|NGUYỄN VĂN ĐỨC|01011990|Nam|Tân Hòa|15042021")]
    outputs = []
    for step in steps:
        done = _frozen("--data-dir", data, *step, home=tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr[-3000:]
        outputs.append(done.stdout)
    code = json.loads(outputs[-1])["code"]
    slip = tmp_path / "slip.pdf"
    done = _frozen("--data-dir", data, "print", "01", code, "--out", str(slip), home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert code in {text for _, text in barcodes(slip)}  # read by zxing-cpp from poppler's rendering


def test_the_commune_package_has_no_hub_and_says_so_in_vietnamese(tmp_path: Path) -> None:
    done = _frozen("hub", "serve", "--port", "8765", home=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr[-3000:]
    assert "Máy chủ tỉnh không có trong gói cài đặt của xã (lệnh «hub serve»)" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_the_tarball_holds_the_app_its_menu_entry_and_icon(tmp_path: Path) -> None:
    tarball = next(DIST.parent.glob("counter-*-linux-x86_64.tar.gz"))
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
        archive.extract("Counter/counter.desktop", tmp_path, filter="data")
    assert {"Counter/Counter", "Counter/counter-cli", "Counter/counter.png", "Counter/install.sh",
            "Counter/_internal/resources/fonts/LiberationSerif-Regular.ttf"} <= names
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(tmp_path / "Counter/counter.desktop")],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr

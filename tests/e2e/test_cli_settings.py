"""Office settings from the command line: the place name asked at init, the cut-off, the dossier-code pattern."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(data: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "counter_app.cli", *args, "--data-dir", str(data)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                          stdin=subprocess.DEVNULL)  # a script, not a terminal
    if check:
        assert done.returncode == 0, done.stderr
    return done


def test_init_needs_the_place_name_and_keeps_printed_details(tmp_path: Path) -> None:
    office = ("--office-code", "000.00.12.H12", "--office-name", "Trung tâm Phục vụ hành chính công xã Tân Hòa")
    missing = run(tmp_path, "init", *office, check=False)
    assert missing.returncode == 2 and "--place-name" in missing.stderr and "Traceback" not in missing.stderr
    run(tmp_path, "init", *office, "--place-name", "Tân Hòa", "--parent-body", "UBND xã Tân Hòa",
        "--phone", "0203 3888 123")
    run(tmp_path, "init", *office)  # again, without them: the earlier place name and header stay
    shown = json.loads(run(tmp_path, "settings", "show", "--json").stdout)
    assert shown["office"]["place_name"] == "Tân Hòa" and shown["office"]["parent_body"] == "UBND xã Tân Hòa"
    assert shown["office"]["phone"] == "0203 3888 123" and shown["cutoff"] == "15:00:00"
    run(tmp_path, "settings", "office", "--issuing-office", "Trung tâm Phục vụ hành chính công")
    shown = json.loads(run(tmp_path, "settings", "show", "--json").stdout)
    assert shown["office"]["issuing_office"] == "Trung tâm Phục vụ hành chính công"
    assert shown["office"]["parent_body"] == "UBND xã Tân Hòa"


def test_cutoff_and_code_pattern_settings(tmp_path: Path) -> None:
    run(tmp_path, "init", "--office-code", "H12.07.05", "--office-name", "TTPVHCC xã Tân Hòa",  # QĐ 20 form
        "--place-name", "Tân Hòa")
    due = ("due", "--procedure", "2.000815", "--received", "2026-11-20 15:00")  # a same-day procedure, Friday
    assert run(tmp_path, *due).stdout.strip() == "2026-11-20T17:00+07:00"
    run(tmp_path, "settings", "cutoff", "15:00", "--at-cutoff", "next-day")
    assert run(tmp_path, *due).stdout.strip() == "2026-11-23T17:00+07:00"
    bad = run(tmp_path, "settings", "code-pattern", "tt04_2025", "--from", "2026-01-25", "--lang", "en", check=False)
    assert bad.returncode == 2 and "system part AA" in bad.stderr
    run(tmp_path, "settings", "code-pattern", "tt04_2025", "--from", "2026-01-25", "--system", "03")
    code = run(tmp_path, "intake", "--procedure", "1.004873", "--name", "Trần Thị Hồng", "--id-number",
               "079195000123").stdout.split()[0]
    assert code.startswith("H12.07.05-") and code.endswith("-030001") and len(code) == 23
    assert json.loads(run(tmp_path, "dossier", "show", code, "--json").stdout)["code"] == code


def test_a_dossier_handed_in_by_a_representative(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from counter_app.cli import main  # noqa: PLC0415 (in process: one subprocess less)

    run(tmp_path, "init", "--office-code", "000.00.12.H12", "--office-name", "TTPVHCC xã Tân Hòa",
        "--place-name", "Tân Hòa")
    base = ["intake", "--procedure", "1.004873", "--name", "Trần Thị Hồng", "--id-number", "079195000123",
            "--data-dir", str(tmp_path), "--json"]
    assert main([*base, "--authorisation", "GUQ 5/2026"]) == 2  # a reference without the person
    assert "--submitter-name" in capsys.readouterr().err
    assert main([*base, "--submitter-name", "Lê Văn Tâm", "--submitter-id", "001085000111",
                 "--authorisation", "GUQ 5/2026"]) == 0
    submitter = json.loads(capsys.readouterr().out)["submitter"]
    assert (submitter["full_name"], submitter["id_number"], submitter["authorisation"]) == (
        "Lê Văn Tâm", "001085000111", "GUQ 5/2026")


def test_options_typed_before_the_command_are_kept(tmp_path: Path) -> None:
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    command = [sys.executable, "-m", "counter_app.cli", "--data-dir", str(here), "--lang", "en", "--json", "init",
               "--office-code", "000.00.12.H12", "--office-name", "TTPVHCC xã Tân Hòa", "--place-name", "Tân Hòa"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                          stdin=subprocess.DEVNULL, env={**os.environ, "COUNTER_DATA_DIR": str(elsewhere)})
    assert done.returncode == 0, done.stderr
    assert (here / "counter.sqlite3").exists() and not elsewhere.exists()
    assert json.loads(done.stdout)["office"]["place_name"] == "Tân Hòa"
    refused = run(here, "--lang", "en", "rate", "000.00.12.H12-261201-0001", "9", check=False)
    assert refused.returncode == 2 and "A rating must be 1, 2, 3 or 4" in refused.stderr
